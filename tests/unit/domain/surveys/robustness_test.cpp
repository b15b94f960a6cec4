// Hostile input, generated: seeded byte mutations of real definitions and conditions must give a result or
// issues, never a crash, an exception or a sanitizer report. Bounded and deterministic (fixed seed).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "domain/surveys/definition.hpp"
#include "domain/surveys/expression.hpp"
#include "domain/surveys/runner.hpp"
#include "survey_test_support.hpp"

namespace kiosk::domain::surveys {
namespace {

std::string mutate(std::string text, std::mt19937& random) {
  static const std::string k_interesting = "{}[]\",:'!=<>()|&-0123456789 \\\xff\xc3";
  const int edits = std::uniform_int_distribution<int>(1, 8)(random);
  for (int i = 0; i < edits && !text.empty(); ++i) {
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
    const char c =
        k_interesting[std::uniform_int_distribution<std::size_t>(0, k_interesting.size() - 1)(random)];
    switch (std::uniform_int_distribution<int>(0, 3)(random)) {
      case 0:
        text[at] = c;
        break;
      case 1:
        text.insert(at, 1, c);
        break;
      case 2:
        text.erase(at, 1);
        break;
      default:
        text.insert(at, text.substr(at, std::min<std::size_t>(16, text.size() - at)));
        break;
    }
  }
  return text;
}

TEST(SurveyRobustness, MutatedDefinitionsNeverCrash) {
  const std::vector<std::string> seeds = {
      test::read_file(std::string(KIOSK_ASSETS_DIR) + "/surveys/visit.json"),
      test::read_file(std::string(KIOSK_ASSETS_DIR) + "/surveys/atm_quick.json"),
  };
  std::mt19937 random(20261123);
  int loaded = 0;
  for (int round = 0; round < 1500; ++round) {
    const std::string& seed = seeds[static_cast<std::size_t>(round) % seeds.size()];
    ASSERT_FALSE(seed.empty());
    const std::string input = mutate(seed, random);
    const auto result = parse_survey(input, "fuzz");
    EXPECT_EQ(result.ok(), result.issues.empty());
    if (!result.ok())
      continue;
    ++loaded;
    // Whatever loads must also run: answer every question with its first value and walk to the end.
    SurveyRunner runner(*result.value);
    for (int step = 0; step < 40 && !runner.can_complete(); ++step) {
      for (const Question* question : runner.visible_questions(runner.current_page_index())) {
        if (question->type == QuestionType::rating && !question->rating.values.empty()) {
          runner.set_answer(question->name, question->rating.values.front().value);
        } else if (question->type == QuestionType::comment) {
          runner.set_answer(question->name, "x");
        }
      }
      if (!runner.next())
        break;
    }
    (void)runner.complete();
  }
  EXPECT_GT(loaded, 0);  // some mutations (inside texts) keep the survey valid
}

TEST(SurveyRobustness, MutatedConditionsNeverCrash) {
  const std::vector<std::string> seeds = {"{nps} <= 6 or {csat} <= 2",
                                          "!({a} anyof ['x', 'y']) and {b} notempty",
                                          "({q1} = 'yes' || {q2} > -1.5) && {q3} contains 0x10"};
  const Answers answers{{"nps", 3}, {"a", nlohmann::json::array({"x"})}, {"q1", "yes"}, {"q3", "0x10"}};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string input = mutate(seeds[static_cast<std::size_t>(round) % seeds.size()], random);
    const auto parsed = parse_expression(input);
    EXPECT_EQ(parsed.ok(), parsed.issues.empty());
    if (parsed.ok())
      (void)evaluate(*parsed.value, answers);
  }
}

}  // namespace
}  // namespace kiosk::domain::surveys
