// Running a survey: page skipping by visibleIf, required answers, "other" texts, canonical answers and
// clearing invisible values at completion.
#include <gtest/gtest.h>

#include <string>

#include "domain/surveys/runner.hpp"
#include "survey_test_support.hpp"

namespace kiosk::domain::surveys {
namespace {

using nlohmann::json;

// p1: NPS (required); p2 only for promoters (checkbox, "other" allowed); p3 only for detractors (comment).
SurveyDefinition branching_survey() {
  return test::parse_ok(R"({"id": "branch", "version": 4, "pages": [
    {"name": "p1", "elements": [{"type": "rating", "name": "nps", "rateMin": 0, "rateMax": 10, "isRequired": true}]},
    {"name": "p2", "visibleIf": "{nps} >= 9", "elements": [
      {"type": "checkbox", "name": "liked", "choices": ["speed", "staff", 3], "showNoneItem": true, "showOtherItem": true}]},
    {"name": "p3", "visibleIf": "{nps} <= 6", "elements": [
      {"type": "comment", "name": "why", "maxLength": 5, "isRequired": true},
      {"type": "boolean", "name": "call_back", "visibleIf": "{why} notempty"}]}]})");
}

TEST(SurveyRunner, RequiredAnswerBlocksNext) {
  SurveyRunner runner(branching_survey());
  EXPECT_EQ(runner.current_page()->name, "p1");
  EXPECT_TRUE(runner.is_first_page());
  EXPECT_EQ(runner.missing_required(),
            (std::vector<MissingAnswer>{{"nps", MissingAnswer::Reason::required}}));
  EXPECT_FALSE(runner.can_next());
  EXPECT_FALSE(runner.next());
  EXPECT_FALSE(runner.complete().has_value());
  ASSERT_TRUE(runner.set_answer("nps", 7).ok);
  EXPECT_TRUE(runner.missing_required().empty());
}

TEST(SurveyRunner, PassiveSkipsBothConditionalPages) {
  SurveyRunner runner(branching_survey());
  ASSERT_TRUE(runner.set_answer("nps", 8).ok);
  EXPECT_TRUE(runner.is_last_page());
  EXPECT_FALSE(runner.next());
  const auto done = runner.complete();
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->survey_id, "branch");
  EXPECT_EQ(done->version, 4);
  EXPECT_EQ(done->json, R"({"answers":{"nps":8},"survey":"branch","version":4})");
}

TEST(SurveyRunner, DetractorGoesToTheCommentPage) {
  SurveyRunner runner(branching_survey());
  ASSERT_TRUE(runner.set_answer("nps", 3).ok);
  ASSERT_TRUE(runner.next());
  EXPECT_EQ(runner.current_page()->name, "p3");
  EXPECT_EQ(runner.visible_questions(runner.current_page_index()).size(),
            1u);  // call_back waits for a comment
  EXPECT_FALSE(runner.can_complete());
  EXPECT_EQ(runner.set_answer("why", "слишком долго").error,
            "question \"why\": text is longer than 5 characters");
  ASSERT_TRUE(runner.set_answer("why", "долго").ok);  // 5 characters, 10 bytes
  EXPECT_EQ(runner.visible_questions(runner.current_page_index()).size(), 2u);
  ASSERT_TRUE(runner.set_answer("call_back", "true").ok);
  EXPECT_EQ(runner.answers().at("call_back"), true);
  ASSERT_TRUE(runner.back());
  EXPECT_EQ(runner.current_page()->name, "p1");
  EXPECT_FALSE(runner.back());
}

TEST(SurveyRunner, InvisibleAnswersAreClearedOnCompleteOnly) {
  SurveyRunner runner(branching_survey());
  ASSERT_TRUE(runner.set_answer("nps", 2).ok);
  ASSERT_TRUE(runner.next());
  ASSERT_TRUE(runner.set_answer("why", "slow").ok);
  ASSERT_TRUE(runner.back());
  ASSERT_TRUE(runner.set_answer("nps", 10).ok);  // now a promoter: p3 and its answers become invisible
  EXPECT_EQ(runner.answers().count("why"), 1u);  // kept while the survey runs, as SurveyJS does
  ASSERT_TRUE(runner.next());
  EXPECT_EQ(runner.current_page()->name, "p2");
  ASSERT_TRUE(runner.set_answer("liked", json::array({"staff", "3"})).ok);
  EXPECT_EQ(runner.answers().at("liked"), json::array({"staff", 3}));  // stored as the choices' own values
  const auto done = runner.complete();
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->answers.count("why"), 0u);
  EXPECT_EQ(done->answers.at("nps"), 10);
  EXPECT_EQ(done->answers.at("liked"), json::array({"staff", 3}));
}

TEST(SurveyRunner, OtherNeedsItsTextAndNoneIsExclusive) {
  SurveyRunner runner(branching_survey());
  ASSERT_TRUE(runner.set_answer("nps", 9).ok);
  ASSERT_TRUE(runner.next());
  EXPECT_EQ(runner.set_answer("liked", json::array({"none", "speed"})).error,
            "question \"liked\": \"none\" cannot be chosen together with other choices");
  EXPECT_EQ(runner.set_answer("liked", json::array({"speed", "speed"})).error,
            "question \"liked\": \"speed\" is chosen twice");
  EXPECT_EQ(runner.set_answer("liked", json::array({"cake"})).error,
            "question \"liked\": \"cake\" is not one of its choices");
  ASSERT_TRUE(runner.set_answer("liked", json::array({"other"})).ok);
  EXPECT_EQ(runner.missing_required(),
            (std::vector<MissingAnswer>{{"liked", MissingAnswer::Reason::other_text}}));
  EXPECT_FALSE(runner.can_complete());
  ASSERT_TRUE(runner.set_other_text("liked", "coffee").ok);
  auto done = runner.complete();
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->answers.at("liked-Comment"), "coffee");
  ASSERT_TRUE(runner.set_answer("liked", json::array({"speed"})).ok);  // leaving "other" drops its text
  EXPECT_EQ(runner.answers().count("liked-Comment"), 0u);
  EXPECT_FALSE(runner.set_other_text("nps", "x").ok);
}

TEST(SurveyRunner, AnswersAreValidated) {
  SurveyRunner runner(branching_survey());
  EXPECT_EQ(runner.set_answer("nps", 11).error, "question \"nps\": 11 is not one of its rating values");
  EXPECT_EQ(runner.set_answer("ghost", 1).error, "question \"ghost\": no such question in this survey");
  ASSERT_TRUE(runner.set_answer("nps", "7").ok);
  EXPECT_EQ(runner.answers().at("nps"), 7);
  EXPECT_TRUE(runner.answers().at("nps").is_number());
  ASSERT_TRUE(runner.set_answer("nps", nullptr).ok);  // an empty value clears
  EXPECT_EQ(runner.answers().count("nps"), 0u);
  EXPECT_FALSE(runner.set_answer("why", 5).ok);
  EXPECT_FALSE(runner.set_answer("why", "\xC0\x80").ok);
}

TEST(SurveyRunner, CopiesAreIndependentAndEmptyRunnerIsInert) {
  SurveyRunner runner(branching_survey());
  SurveyRunner copy = runner;
  ASSERT_TRUE(copy.set_answer("nps", 5).ok);
  EXPECT_TRUE(runner.answers().empty());
  runner = SurveyRunner{};  // the session wipe
  EXPECT_EQ(runner.current_page(), nullptr);
  EXPECT_FALSE(runner.can_complete());
  EXPECT_FALSE(runner.complete().has_value());
  EXPECT_FALSE(runner.set_answer("nps", 5).ok);
}

TEST(SurveyRunner, HiddenFirstPageIsSkipped) {
  SurveyRunner runner(test::parse_ok(R"({"pages": [
      {"name": "a", "visible": false, "elements": [{"type": "comment", "name": "x"}]},
      {"name": "b", "elements": [{"type": "boolean", "name": "y", "isRequired": true}]}]})"));
  EXPECT_EQ(runner.current_page()->name, "b");
  EXPECT_TRUE(runner.is_first_page());
  ASSERT_TRUE(runner.set_answer("y", false).ok);  // false is an answer
  EXPECT_TRUE(runner.can_complete());
}

}  // namespace
}  // namespace kiosk::domain::surveys
