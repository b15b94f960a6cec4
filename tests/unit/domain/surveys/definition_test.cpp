// Reading SurveyJS definitions: SurveyJS's defaults, localized strings, and refusal by name.
#include <gtest/gtest.h>

#include <string>

#include "domain/surveys/definition.hpp"
#include "survey_test_support.hpp"

namespace kiosk::domain::surveys {
namespace {

using test::describe_all;
using test::parse_ok;

std::string one_question(const std::string& question_json) {
  return R"({"pages": [{"name": "p", "elements": [)" + question_json + "]}]}";
}

std::vector<double> values_of(const Question& question) {
  std::vector<double> values;
  for (const Choice& choice : question.rating.values)
    values.push_back(choice.value.get<double>());
  return values;
}

const Question& first_question(const SurveyDefinition& survey) {
  return survey.pages.at(0).questions.at(0);
}

TEST(ParseRating, DefaultsAreOneToFiveLabels) {
  const auto survey = parse_ok(one_question(R"({"type": "rating", "name": "q"})"));
  const Question& q = first_question(survey);
  EXPECT_EQ(q.type, QuestionType::rating);
  EXPECT_EQ(values_of(q), (std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_EQ(q.rating.rate_type, RateType::labels);
  EXPECT_EQ(q.rating.values[0].text.in("en"), "1");
  EXPECT_EQ(classify_rating(q), RatingKind::csat);
  EXPECT_EQ(display_title(q, "ru"), "q");  // no title: SurveyJS shows the name
}

TEST(ParseRating, RateCountDerivesTheMissingEnd) {
  auto values = [](const std::string& props) {
    return values_of(
        first_question(parse_ok(one_question(R"({"type": "rating", "name": "q", )" + props + "}"))));
  };
  EXPECT_EQ(values(R"("rateMin": 0, "rateMax": 10)").size(), 11u);
  EXPECT_EQ(values(R"("rateCount": 11, "rateMax": 10)").front(), 0);  // min = max - step*(count-1)
  EXPECT_EQ(values(R"("rateCount": 7)"), (std::vector<double>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(values(R"("rateMin": 0, "rateCount": 3, "rateStep": 5)"), (std::vector<double>{0, 5, 10}));
  EXPECT_EQ(values(R"("rateMin": 1, "rateMax": 10, "rateStep": 4)"), (std::vector<double>{1, 5, 9}));
  EXPECT_EQ(values(R"("rateCount": 11, "rateMin": 0, "rateMax": 10)").size(), 11u);
}

TEST(ParseRating, KindsFollowTheScale) {
  auto kind = [](const std::string& props) {
    return classify_rating(
        first_question(parse_ok(one_question(R"({"type": "rating", "name": "q", )" + props + "}"))));
  };
  EXPECT_EQ(kind(R"("rateMin": 0, "rateMax": 10)"), RatingKind::nps);
  EXPECT_EQ(kind(R"("rateType": "smileys")"), RatingKind::csat);
  EXPECT_EQ(kind(R"("rateCount": 7)"), RatingKind::ces);
  EXPECT_EQ(kind(R"("rateType": "smileys", "rateCount": 4)"), RatingKind::quick_faces);
  EXPECT_EQ(kind(R"("rateCount": 4)"), RatingKind::other);  // four numbers are not faces
  EXPECT_EQ(kind(R"("rateMin": 0, "rateMax": 4)"), RatingKind::other);
}

TEST(ParseRating, ExplicitRateValues) {
  const auto survey = parse_ok(one_question(
      R"({"type": "rating", "name": "q", "rateValues": [1, {"value": 2, "text": {"default": "OK", "ru": "Норм"}}, "3|Great"]})"));
  const RatingScale& scale = first_question(survey).rating;
  ASSERT_EQ(scale.values.size(), 3u);
  EXPECT_TRUE(scale.explicit_values);
  EXPECT_EQ(scale.values[1].text.in("ru"), "Норм");
  EXPECT_EQ(scale.values[2].value, "3");
  EXPECT_EQ(scale.values[2].text.in("en"), "Great");
}

TEST(ParseRating, InconsistentOrHugeScalesAreRefused) {
  auto issues = [](const std::string& props) {
    return describe_all(
        parse_survey(one_question(R"({"type": "rating", "name": "q", )" + props + "}"), "t").issues);
  };
  EXPECT_NE(issues(R"("rateMin": 0, "rateMax": 10, "rateCount": 5)").find("rateCount 5 disagrees"),
            std::string::npos);
  EXPECT_NE(issues(R"("rateMin": 5, "rateMax": 1)").find("rateMax 1 is below rateMin 5"), std::string::npos);
  EXPECT_NE(issues(R"("rateMax": 1e308)").find("\"rateMax\" must be between -1000 and 1000"),
            std::string::npos);
  EXPECT_NE(issues(R"("rateMax": 900)").find("the scale has 900 values"), std::string::npos);
  EXPECT_NE(issues(R"("rateMin": 1.5)").find("\"rateMin\" must be an integer"), std::string::npos);
  EXPECT_NE(issues(R"("rateType": "smileys", "rateMax": 12)").find("smileys show at most 10 faces"),
            std::string::npos);
  EXPECT_NE(issues(R"("rateType": "hearts")").find("unsupported rateType \"hearts\""), std::string::npos);
  EXPECT_NE(
      issues(R"("rateValues": [1, 2], "rateCount": 3)").find("rateCount 3 disagrees with the 2 rateValues"),
      std::string::npos);
}

TEST(ParseLocalized, SurveyJsLocalesBecomeKioskTags) {
  const auto survey =
      parse_ok(R"({"title": {"default": "Hi", "ru": "Привет", "zh-cn": "你好", "nb": "Hei", "de": "Hallo"},
    "elements": [{"type": "comment", "name": "c"}]})");
  EXPECT_EQ(survey.title.in("en"), "Hi");
  EXPECT_EQ(survey.title.in("ru"), "Привет");
  EXPECT_EQ(survey.title.in("zh-Hans"), "你好");
  EXPECT_EQ(survey.title.in("nb"), "Hei");
  EXPECT_EQ(survey.title.in("de"), "Hallo");  // kept as written
  EXPECT_EQ(survey.title.in("fr"), "Hi");     // falls back to "default"
}

TEST(ParseLocalized, EnglishBeatsDefaultAndEmptyTextsFallBack) {
  const auto survey = parse_ok(R"({"title": {"default": "Default", "en": "English", "ru": ""},
    "elements": [{"type": "comment", "name": "c", "title": "Plain"}]})");
  EXPECT_EQ(survey.title.in("en"), "English");
  EXPECT_EQ(survey.title.in("ru"), "English");
  EXPECT_FALSE(survey.title.has("ru"));
  EXPECT_EQ(first_question(survey).title.in("nb"), "Plain");
}

TEST(ParseChoices, ValuesTextsAndSpecialItems) {
  const auto survey = parse_ok(one_question(R"({"type": "radiogroup", "name": "r", "showNoneItem": true,
      "showOtherItem": true, "otherText": {"default": "Else", "nb": "Annet"},
      "choices": ["a", 1, "b|Bee", {"value": "c", "text": {"default": "Cee"}}, {"value": 2}]})"));
  const Question& q = first_question(survey);
  ASSERT_EQ(q.choices.size(), 5u);
  EXPECT_EQ(q.choices[0].value, "a");
  EXPECT_EQ(q.choices[1].value, 1);
  EXPECT_EQ(q.choices[1].text.in("en"), "1");
  EXPECT_EQ(q.choices[2].value, "b");
  EXPECT_EQ(q.choices[2].text.in("en"), "Bee");
  EXPECT_EQ(q.choices[3].text.in("ru"), "Cee");
  EXPECT_EQ(q.choices[4].text.in("en"), "2");
  EXPECT_TRUE(q.has_none);
  EXPECT_TRUE(q.has_other);
  EXPECT_EQ(q.none_text.in("en"), "None");
  EXPECT_EQ(q.other_text.in("nb"), "Annet");
}

TEST(ParseChoices, DuplicatesAndBadValuesAreRefused) {
  const auto result = parse_survey(
      one_question(
          R"({"type": "checkbox", "name": "c", "choices": ["1", 1, true, {"text": "x"}, {"value": "v", "visibleIf": "true"}]})"),
      "t");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(
      describe_all(result.issues),
      "pages[0].elements[0].choices[1]: question \"c\": value 1 appears twice\n"
      "pages[0].elements[0].choices[2]: question \"c\": choice value must be a string or a number, found "
      "boolean\n"
      "pages[0].elements[0].choices[3]: question \"c\": choice has no \"value\"\n"
      "pages[0].elements[0].choices[4].visibleIf: question \"c\": unsupported property \"visibleIf\"\n");
}

TEST(ParseBoolean, SurveyJsDefaultLabels) {
  const auto survey = parse_ok(one_question(R"({"type": "boolean", "name": "b"})"));
  const Question& q = first_question(survey);
  EXPECT_EQ(q.label_true.in("en"), "Yes");
  EXPECT_EQ(q.label_false.in("en"), "No");
  EXPECT_EQ(q.label_true.in("ru"), "Да");
  EXPECT_EQ(q.value_true, true);
  const auto custom = parse_ok(one_question(
      R"({"type": "boolean", "name": "b", "labelTrue": "Sure", "valueTrue": "y", "valueFalse": "n"})"));
  EXPECT_EQ(first_question(custom).label_true.in("ru"), "Sure");
  EXPECT_EQ(first_question(custom).value_false, "n");
}

TEST(ParseSurvey, IdAndVersionFromDocumentOrBundle) {
  const std::string body = R"("elements": [{"type": "comment", "name": "c", "maxLength": 200}])";
  auto from_doc = parse_survey(R"({"id": "visit", "version": 7, )" + body + "}", "hint", 3);
  ASSERT_TRUE(from_doc.ok()) << describe_all(from_doc.issues);
  EXPECT_EQ(from_doc.value->id, "visit");
  EXPECT_EQ(from_doc.value->version, 7);
  EXPECT_EQ(first_question(*from_doc.value).max_length, 200);
  auto from_bundle = parse_survey("{" + body + "}", "hint", 3);
  ASSERT_TRUE(from_bundle.ok());
  EXPECT_EQ(from_bundle.value->id, "hint");
  EXPECT_EQ(from_bundle.value->version, 3);
  EXPECT_EQ(parse_survey("{" + body + "}").issues.at(0).message,
            "survey: the survey needs an id (an \"id\" field or the file's name)");
}

TEST(ParseSurvey, PagesGetSurveyJsNamesAndConditions) {
  const auto survey = parse_ok(R"({"pages": [
      {"elements": [{"type": "rating", "name": "n", "rateMin": 0, "rateMax": 10}]},
      {"visibleIf": "{n} =< 6", "elements": [{"type": "comment", "name": "why", "visible": false, "visibleIf": "{N} < 7"}]}]})");
  ASSERT_EQ(survey.pages.size(), 2u);
  EXPECT_EQ(survey.pages[0].name, "page1");
  EXPECT_EQ(survey.pages[1].name, "page2");
  ASSERT_TRUE(survey.pages[1].visible_if.has_value());
  EXPECT_EQ(survey.pages[1].visible_if->nodes[survey.pages[1].visible_if->root].op, Operator::lessorequal);
  EXPECT_FALSE(survey.pages[1].questions[0].visible);
}

TEST(ParseSurvey, UnsupportedPartsAreNamed) {
  const auto result =
      parse_survey(R"({"triggers": [], "showQuestionNumbers": "off", "completedHtml": "<p>Thanks</p>",
    "pages": [{"name": "p1", "navigationButtonsVisibility": "hide", "elements": [
      {"type": "text", "name": "email"},
      {"type": "Dropdown", "name": "d"},
      {"type": "rating", "name": "r", "defaultValue": 3, "width": "50%"},
      {"type": "comment", "name": "c", "showCommentArea": false, "hasComment": true}]}]})",
                   "t");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(describe_all(result.issues),
            "triggers: survey: unsupported property \"triggers\"\n"
            "pages[0].navigationButtonsVisibility: page \"p1\": unsupported property "
            "\"navigationButtonsVisibility\"\n"
            "pages[0].elements[0].type: question \"email\": unsupported question type \"text\"\n"
            "pages[0].elements[1].type: question \"d\": unsupported question type \"dropdown\"\n"
            "pages[0].elements[2].defaultValue: question \"r\": unsupported property \"defaultValue\"\n"
            "pages[0].elements[3].hasComment: question \"c\": unsupported property \"hasComment\"\n");
}

TEST(ParseSurvey, ConditionsMustNameQuestionsOfTheSurvey) {
  const auto result = parse_survey(
      one_question(
          R"({"type": "comment", "name": "c", "visibleIf": "{typo} = 1"}, {"type": "comment", "name": "C"})"),
      "t");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(describe_all(result.issues),
            "pages[0].elements[1].name: question \"C\": name is used twice\n"
            "pages[0].elements[0].visibleIf: question \"c\": visibleIf refers to {typo}, which is not a "
            "question of this survey\n");
  const auto bad_condition =
      parse_survey(one_question(R"({"type": "comment", "name": "c", "visibleIf": "{c} + 1"})"), "t");
  EXPECT_EQ(describe_all(bad_condition.issues),
            "pages[0].elements[0].visibleIf: question \"c\": visibleIf: at 4: arithmetic operator \"+\" is "
            "not supported\n");
}

TEST(ParseSurvey, OtherCommentCanBeReferenced) {
  parse_ok(one_question(R"({"type": "radiogroup", "name": "r", "choices": ["a"], "showOtherItem": true},
                           {"type": "comment", "name": "c", "visibleIf": "{r-Comment} notempty"})"));
}

TEST(ParseHostile, WrongTypesAreNamed) {
  const auto result = parse_survey(
      one_question(
          R"({"type": "radiogroup", "name": "r", "title": 5, "isRequired": "yes", "choices": "abc"})"),
      "t");
  EXPECT_EQ(
      describe_all(result.issues),
      "pages[0].elements[0].title: question \"r\": \"title\" must be a string or an object of translations, "
      "found number\n"
      "pages[0].elements[0].isRequired: question \"r\": \"isRequired\" must be true or false, found string\n"
      "pages[0].elements[0].choices: question \"r\": \"choices\" must be an array, found string\n");
  EXPECT_EQ(describe_all(parse_survey(one_question(R"({"name": "x"})"), "t").issues),
            "pages[0].elements[0].type: question \"x\": missing \"type\" (a string)\n");
  EXPECT_EQ(describe_all(parse_survey(one_question("42"), "t").issues),
            "pages[0].elements[0]: element must be an object, found number\n");
  EXPECT_EQ(describe_all(parse_survey("[]", "t").issues), "a survey must be a JSON object\n");
  EXPECT_EQ(describe_all(parse_survey(R"({"pages": []})", "t").issues), "pages: survey: has no questions\n");
  EXPECT_EQ(describe_all(parse_survey(R"({"pages": {}})", "t").issues),
            "pages: survey: \"pages\" (an array) is missing\n");
}

TEST(ParseHostile, DocumentsAreBounded) {
  EXPECT_EQ(describe_all(parse_survey(std::string(100000, '[') + std::string(100000, ']'), "t").issues),
            "survey JSON is nested deeper than 24 levels\n");
  EXPECT_EQ(describe_all(parse_survey(std::string(300 * 1024, ' '), "t").issues),
            "survey is larger than 262144 bytes\n");
  EXPECT_NE(describe_all(parse_survey("{\"pages\": [", "t").issues).find("not valid JSON"),
            std::string::npos);
  EXPECT_EQ(describe_all(parse_survey(R"({"title": "a", "title": "b", "elements": []})", "t").issues),
            "title: key appears more than once\n");
  std::string many = R"({"elements": [)";
  for (int i = 0; i < 120; ++i)
    many += (i ? "," : "") + std::string(R"({"type": "comment", "name": "c)") + std::to_string(i) + "\"}";
  many += "]}";
  EXPECT_NE(describe_all(parse_survey(many, "t").issues).find("more than 100 questions"), std::string::npos);
  // nlohmann's reader already refuses ill-formed UTF-8 inside strings.
  EXPECT_NE(
      describe_all(
          parse_survey(one_question("{\"type\": \"comment\", \"name\": \"c\", \"title\": \"\xff\"}"), "t")
              .issues)
          .find("not valid JSON"),
      std::string::npos);
  EXPECT_NE(
      describe_all(
          parse_survey(R"({"version": 99999999999999999999, "elements": [{"type": "comment", "name": "c"}]})",
                       "t")
              .issues)
          .find("\"version\" must be"),
      std::string::npos);
}

}  // namespace
}  // namespace kiosk::domain::surveys
