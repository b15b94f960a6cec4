#include <gtest/gtest.h>

#include <vector>

#include "domain/surveys/scoring.hpp"
#include "survey_test_support.hpp"

namespace kiosk::domain::surveys {
namespace {

using namespace std::chrono_literals;

TEST(Scoring, NpsCategories) {
  EXPECT_EQ(nps_category(0), NpsCategory::detractor);
  EXPECT_EQ(nps_category(6), NpsCategory::detractor);
  EXPECT_EQ(nps_category(7), NpsCategory::passive);
  EXPECT_EQ(nps_category(8), NpsCategory::passive);
  EXPECT_EQ(nps_category(9), NpsCategory::promoter);
  EXPECT_EQ(nps_category(10), NpsCategory::promoter);
  EXPECT_FALSE(nps_category(-1).has_value());
  EXPECT_FALSE(nps_category(11).has_value());
}

TEST(Scoring, LowScores) {
  EXPECT_TRUE(is_low_score(RatingKind::nps, 6));
  EXPECT_FALSE(is_low_score(RatingKind::nps, 7));
  EXPECT_TRUE(is_low_score(RatingKind::csat, 2));
  EXPECT_FALSE(is_low_score(RatingKind::csat, 3));
  EXPECT_TRUE(is_low_score(RatingKind::ces, 3));
  EXPECT_FALSE(is_low_score(RatingKind::ces, 4));
  EXPECT_TRUE(is_low_score(RatingKind::quick_faces, 2));
  EXPECT_FALSE(is_low_score(RatingKind::quick_faces, 3));
  EXPECT_FALSE(is_low_score(RatingKind::other, 0));
  EXPECT_FALSE(is_low_score(RatingKind::csat, 0));  // not on the scale
}

TEST(Scoring, LowScoreQuestions) {
  const auto survey = test::parse_ok(R"({"elements": [
      {"type": "rating", "name": "nps", "rateMin": 0, "rateMax": 10},
      {"type": "rating", "name": "csat", "rateType": "smileys"}]})");
  Answers answers{{"nps", 5}, {"csat", 4}};
  EXPECT_EQ(low_score_questions(survey, answers), (std::vector<std::string>{"nps"}));
  answers["csat"] = 1;
  EXPECT_EQ(low_score_questions(survey, answers), (std::vector<std::string>{"nps", "csat"}));
}

TEST(Scoring, NpsAndCsat) {
  const std::vector<int> scores{10, 9, 8, 7, 6, 0};
  EXPECT_DOUBLE_EQ(*compute_nps(scores), 0.0);
  const std::vector<int> promoters{10, 10, 0};
  EXPECT_NEAR(*compute_nps(promoters), 33.333, 0.001);
  EXPECT_DOUBLE_EQ(*compute_nps(std::vector<int>{10}), 100.0);
  EXPECT_DOUBLE_EQ(*compute_nps(std::vector<int>{3, 4}), -100.0);
  EXPECT_FALSE(compute_nps(std::vector<int>{}).has_value());
  const auto summary = summarize_nps(std::vector<int>{10, 42, -1, 7});
  EXPECT_EQ(summary.invalid, 2u);
  EXPECT_EQ(summary.promoters, 1u);
  EXPECT_EQ(summary.passives, 1u);
  EXPECT_DOUBLE_EQ(*summary.score, 50.0);
  EXPECT_DOUBLE_EQ(*compute_csat(std::vector<int>{5, 4, 3, 1}), 50.0);
  EXPECT_DOUBLE_EQ(*compute_csat(std::vector<int>{5, 9}), 100.0);
  EXPECT_FALSE(compute_csat(std::vector<int>{0, 6}).has_value());
}

TEST(RepeatGuard, SameAnswerWithinFiveSecondsIsFlagged) {
  RepeatGuard guard;
  const EventTime t0{std::chrono::milliseconds{1'700'000'000'000}};
  EXPECT_FALSE(guard.observe("visit", "nps", 10, t0));
  EXPECT_TRUE(guard.observe("visit", "nps", 10, t0 + 4999ms));
  EXPECT_TRUE(guard.observe("visit", "nps", 10, t0 + 4999ms + 5000ms));  // measured from the last one
  EXPECT_FALSE(guard.observe("visit", "nps", 10, t0 + 4999ms + 10001ms));
  EXPECT_FALSE(guard.observe("visit", "nps", 9, t0 + 15001ms));      // another value
  EXPECT_FALSE(guard.observe("visit", "csat", 9, t0 + 15001ms));     // another question
  EXPECT_FALSE(guard.observe("atm_quick", "nps", 9, t0 + 15001ms));  // another survey
  EXPECT_TRUE(guard.observe("visit", "nps", 9, t0 + 12001ms));       // clock stepped back 3 s
}

TEST(RepeatGuard, CompletedSurveysReportTheRepeatedQuestions) {
  RepeatGuard guard;
  const EventTime t0{std::chrono::milliseconds{1'700'000'000'000}};
  CompletedSurvey first{"visit", 1, {{"nps", 10}, {"topic", "cash"}}, ""};
  CompletedSurvey second{"visit", 1, {{"nps", 10}, {"topic", "loans"}}, ""};
  EXPECT_TRUE(guard.observe_completed(first, t0).empty());
  EXPECT_EQ(guard.observe_completed(second, t0 + 2s), (std::vector<std::string>{"nps"}));
  EXPECT_TRUE(guard.observe_completed(second, t0 + 20s).empty());
}

TEST(RepeatGuard, MemoryIsBounded) {
  RepeatGuard guard;
  const EventTime t0{std::chrono::milliseconds{1'700'000'000'000}};
  for (int i = 0; i < 2000; ++i)
    guard.observe("visit", "q", i, t0);
  EXPECT_TRUE(guard.observe("visit", "q", 1999, t0 + 1s));
  EXPECT_FALSE(guard.observe("visit", "q", 0, t0 + 1s));  // forgotten past the capacity
}

}  // namespace
}  // namespace kiosk::domain::surveys
