// Real SurveyJS definitions (shared corpus, from surveyjs/survey-library) and the kiosk's shipped surveys.
// Each corpus file either loads or is refused naming exactly the unsupported elements listed here.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "domain/language.hpp"
#include "domain/surveys/runner.hpp"
#include "domain/surveys/scoring.hpp"
#include "survey_test_support.hpp"

namespace kiosk::domain::surveys {
namespace {

using test::describe_all;

std::string corpus_path(const std::string& file) {
  return std::string(KIOSK_SHARED_DIR) + "/corpus/surveyjs/" + file;
}

#define LOAD_CORPUS(variable, file)                                                                       \
  if (!std::filesystem::exists(corpus_path(file))) {                                                      \
    GTEST_SKIP() << "shared corpus not found at " << corpus_path(file) << " (it lives in shared/corpus)"; \
  }                                                                                                       \
  const std::string variable = test::read_file(corpus_path(file))

// "name:what" for every issue; fails the test if an issue is not a refusal of an unsupported part.
std::set<std::string> refused(const std::string& json, const std::string& id) {
  const auto result = parse_survey(json, id);
  EXPECT_FALSE(result.ok());
  // Messages read `question "NAME": unsupported question type "TYPE"`, `... unsupported property "KEY"`,
  // or `survey: unsupported property "KEY"` (parsed by hand: std::regex trips GCC 12 warnings under ASan).
  std::set<std::string> names;
  for (const ParseIssue& issue : result.issues) {
    const std::string& message = issue.message;
    std::string who;
    std::size_t rest = 0;
    if (message.rfind("survey: ", 0) == 0) {
      who = "survey";
      rest = 8;
    } else if (message.rfind("question \"", 0) == 0 || message.rfind("page \"", 0) == 0) {
      const std::size_t open = message.find('"');
      const std::size_t close = message.find("\": ", open + 1);
      if (close != std::string::npos) {
        who = message.substr(open + 1, close - open - 1);
        rest = close + 3;
      }
    }
    std::string what;
    for (const std::string prefix : {"unsupported question type \"", "unsupported property \""}) {
      if (!who.empty() && message.compare(rest, prefix.size(), prefix) == 0 && message.back() == '"') {
        what = message.substr(rest + prefix.size(), message.size() - rest - prefix.size() - 1);
      }
    }
    if (what.empty() || what.find('"') != std::string::npos) {
      ADD_FAILURE() << "not a refusal by name: " << describe(issue);
      continue;
    }
    names.insert(who + ":" + what);
  }
  return names;
}

TEST(SurveyJsCorpus, AllQuestionTypesNamesEachUnsupportedTypeAndCommentArea) {
  LOAD_CORPUS(json, "all_question_types.json");
  EXPECT_EQ(refused(json, "all"),
            (std::set<std::string>{
                "dropdown:dropdown", "ranking:ranking", "matrix:matrix", "matrixdynamic:matrixdynamic",
                "matrixdropdown:matrixdropdown", "paneldynamic:paneldynamic", "file:file", "text:text",
                "html:html", "image:image", "expression:expression",
                // the supported types are refused only for their extra comment box
                "radiogroup:showCommentArea", "checkbox:showCommentArea", "rating:showCommentArea",
                "boolean:showCommentArea", "comment:showCommentArea"}));
}

TEST(SurveyJsCorpus, BooleanCommentVisibleIf) {
  LOAD_CORPUS(json, "boolean_comment_visibleif.json");
  EXPECT_EQ(refused(json, "b"), (std::set<std::string>{"question1:text", "question2:setValueExpression"}));
}

TEST(SurveyJsCorpus, ComplexPanelBooleanMatrix) {
  LOAD_CORPUS(json, "complex_panel_boolean_matrix.json");
  EXPECT_EQ(refused(json, "c"), (std::set<std::string>{"order:paneldynamic"}));
}

TEST(SurveyJsCorpus, LocalizedChoices) {
  LOAD_CORPUS(json, "localized_choices_de_fr.json");
  EXPECT_EQ(refused(json, "l"), (std::set<std::string>{"q1:dropdown", "name:text", "email:text"}));
}

TEST(SurveyJsCorpus, LocalizedTitle) {
  LOAD_CORPUS(json, "localized_title_de_fr.json");
  EXPECT_EQ(refused(json, "l"), (std::set<std::string>{"firstname:text"}));
}

TEST(SurveyJsCorpus, NpsCompleteTrigger) {
  LOAD_CORPUS(json, "nps_complete_trigger.json");
  EXPECT_EQ(refused(json, "n"), (std::set<std::string>{"survey:triggers"}));
}

TEST(SurveyJsCorpus, NpsFeatureFollowup) {
  LOAD_CORPUS(json, "nps_feature_followup.json");
  EXPECT_EQ(refused(json, "n"),
            (std::set<std::string>{"promoter_features:validators", "survey:completedHtmlOnCondition"}));
}

TEST(SurveyJsCorpus, MultipageSatisfactionNpsLoadsAndBranches) {
  LOAD_CORPUS(json, "multipage_satisfaction_nps.json");
  const auto result = parse_survey(json, "satisfaction");
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  const SurveyDefinition& survey = *result.value;
  ASSERT_EQ(survey.pages.size(), 4u);
  EXPECT_EQ(survey.pages[3].name, "page4");
  ASSERT_TRUE(survey.pages[3].visible_if.has_value());
  const auto& condition = *survey.pages[3].visible_if;
  EXPECT_EQ(condition.nodes[condition.root].op, Operator::lessorequal);  // spelled "=<"
  EXPECT_EQ(classify_rating(*survey.find_question("nps-score")), RatingKind::nps);

  auto page_after = [&](int score) {
    SurveyRunner runner(survey);
    EXPECT_FALSE(runner.next());  // satisfaction-score is required
    EXPECT_TRUE(runner.set_answer("satisfaction-score", score).ok);
    EXPECT_TRUE(runner.next());
    return runner;
  };
  SurveyRunner unhappy = page_after(2);
  EXPECT_EQ(unhappy.current_page()->name, "page4");
  EXPECT_TRUE(unhappy.is_last_page());
  SurveyRunner neutral = page_after(3);
  EXPECT_EQ(neutral.current_page()->name, "page3");
  SurveyRunner satisfied = page_after(4);
  EXPECT_EQ(satisfied.current_page()->name, "page2");
  EXPECT_EQ(satisfied.visible_questions(1).size(), 2u);
  SurveyRunner delighted = page_after(5);
  ASSERT_EQ(delighted.visible_questions(1).size(), 1u);
  EXPECT_EQ(delighted.visible_questions(1)[0]->name, "nps-score");
  EXPECT_TRUE(delighted.is_last_page());
}

std::string read_asset(const std::string& relative) {
  return test::read_file(std::string(KIOSK_ASSETS_DIR) + "/" + relative);
}

void expect_every_language(const LocalizedText& text, const std::string& what) {
  for (const LanguageInfo& language : supported_languages()) {
    EXPECT_TRUE(text.has(language.tag)) << what << " has no " << language.tag;
  }
}

TEST(ShippedSurveys, VisitLoadsInEveryLanguageAndSaysItIsAnonymous) {
  const auto result = parse_survey(read_asset("surveys/visit.json"), "visit");
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  const SurveyDefinition& survey = *result.value;
  EXPECT_EQ(survey.id, "visit");
  expect_every_language(survey.title, "title");
  expect_every_language(survey.description, "description");
  EXPECT_NE(survey.description.in("en").find("anonymous"), std::string::npos);
  for (const Page& page : survey.pages) {
    for (const Question& question : page.questions) {
      expect_every_language(question.title, question.name);
      for (const Choice& choice : question.choices)
        expect_every_language(choice.text, question.name + " choice");
    }
  }
  EXPECT_EQ(classify_rating(*survey.find_question("nps")), RatingKind::nps);
  EXPECT_EQ(classify_rating(*survey.find_question("csat")), RatingKind::csat);
  EXPECT_EQ(survey.find_question("csat")->rating.rate_type, RateType::smileys);
  EXPECT_EQ(survey.find_question("topic")->type, QuestionType::radiogroup);

  SurveyRunner happy(survey);
  ASSERT_TRUE(happy.set_answer("nps", 9).ok);
  ASSERT_TRUE(happy.next());
  ASSERT_TRUE(happy.set_answer("csat", 5).ok);
  EXPECT_TRUE(happy.is_last_page());  // no comment page for a happy customer
  ASSERT_TRUE(happy.complete().has_value());

  SurveyRunner unhappy(survey);
  ASSERT_TRUE(unhappy.set_answer("nps", 9).ok);
  ASSERT_TRUE(unhappy.next());
  ASSERT_TRUE(unhappy.set_answer("csat", 2).ok);  // a low CSAT alone asks what went wrong
  ASSERT_TRUE(unhappy.next());
  EXPECT_EQ(unhappy.current_page()->name, "improve");
  EXPECT_EQ(low_score_questions(survey, unhappy.answers()), (std::vector<std::string>{"csat"}));
}

TEST(ShippedSurveys, AtmQuickIsOneFourFaceQuestion) {
  const auto result = parse_survey(read_asset("surveys/atm_quick.json"), "atm_quick");
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  ASSERT_EQ(result.value->pages.size(), 1u);
  ASSERT_EQ(result.value->pages[0].questions.size(), 1u);
  const Question& question = result.value->pages[0].questions[0];
  EXPECT_EQ(classify_rating(question), RatingKind::quick_faces);
  EXPECT_TRUE(question.is_required);
  expect_every_language(question.title, question.name);
  expect_every_language(result.value->description, "description");
}

}  // namespace
}  // namespace kiosk::domain::surveys
