#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/satisfaction.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;
using surveys::RatingKind;

constexpr ServiceIndex k_cash = 0;
constexpr ServiceIndex k_loans = 1;

SurveyFact answer(ServiceIndex service, RatingKind kind, int score, EventTime at, std::string comment = {},
                  bool repeat = false) {
  return SurveyFact{service, kind, score, std::move(comment), repeat, at};
}

// Monday 23 November 2026 in Oslo.
//  cash:  NPS 10, 9, 8, 6, 0 -> P2 Pa1 D2 = 0; NPS 11 invalid; CSAT 5, 4, 3, 1 -> 2 of 4 = 50 %, mean 3.25;
//         CSAT 0 invalid; an "other" answer with the comment "Slow queue" (10:00). 12 answers.
//  loans: NPS 10 ("Great", 11:00), 7 -> P1 Pa1 = 50; a repeat NPS 10 ("dup", 11:00:01) left out of scores
//         and comments; CES 7, 5, 6 -> mean 6. 6 answers, 1 repeat.
//  no service: NPS 9 ("ATM ok", 12:00). 1 answer.
//  Overall: NPS P4 Pa2 D2 of 8 -> (4 - 2) / 8 = 25; CSAT as cash; CES as loans; 19 answers, 1 repeat,
//  2 invalid. Yesterday's NPS 0 with a comment is outside the period.
std::vector<SurveyFact> monday() {
  const auto at = [](int hh, int mm, int ss = 0) { return oslo_time(2026, 11, 23, hh, mm, ss); };
  std::vector<SurveyFact> answers;
  for (const int score : {10, 9, 8, 6, 0, 11}) {
    answers.push_back(answer(k_cash, RatingKind::nps, score, at(9, 0)));
  }
  for (const int score : {5, 4, 3, 1, 0}) {
    answers.push_back(answer(k_cash, RatingKind::csat, score, at(9, 30)));
  }
  answers.push_back(answer(k_cash, RatingKind::other, 0, at(10, 0), "Slow queue"));
  answers.push_back(answer(k_loans, RatingKind::nps, 10, at(11, 0), "Great"));
  answers.push_back(answer(k_loans, RatingKind::nps, 7, at(11, 0)));
  answers.push_back(answer(k_loans, RatingKind::nps, 10, at(11, 0, 1), "dup", true));
  for (const int score : {7, 5, 6}) {
    answers.push_back(answer(k_loans, RatingKind::ces, score, at(11, 5)));
  }
  answers.push_back(answer(k_no_service, RatingKind::nps, 9, at(12, 0), "ATM ok"));
  answers.push_back(answer(k_cash, RatingKind::nps, 0, oslo_time(2026, 11, 22, 15, 0), "Yesterday"));
  return answers;
}

Satisfaction monday_figures(std::size_t comment_limit = 20) {
  return satisfaction(monday(), local_day_window(day(2026, 11, 23), oslo()), 2, comment_limit);
}

std::vector<std::string> texts(const std::vector<Comment>& comments) {
  std::vector<std::string> all;
  for (const Comment& comment : comments) {
    all.push_back(comment.text);
  }
  return all;
}

TEST(Satisfaction, NpsPerServiceAndOverall) {
  const Satisfaction s = monday_figures();
  const NpsFigure& cash = s.services[k_cash].nps;
  EXPECT_EQ(cash.promoters, 2U);
  EXPECT_EQ(cash.passives, 1U);
  EXPECT_EQ(cash.detractors, 2U);
  EXPECT_EQ(cash.count(), 5U);
  EXPECT_EQ(cash.score, 0.0);
  EXPECT_EQ(s.services[k_loans].nps.count(), 2U);
  EXPECT_EQ(s.services[k_loans].nps.score, 50.0);
  EXPECT_EQ(s.overall.nps.count(), 8U);
  EXPECT_EQ(s.overall.nps.score, 25.0);
}

TEST(Satisfaction, CsatAndCes) {
  const Satisfaction s = monday_figures();
  const CsatFigure& csat = s.services[k_cash].csat;
  EXPECT_EQ(csat.count, 4U);
  EXPECT_EQ(csat.satisfied, 2U);
  EXPECT_EQ(csat.percent, 50.0);
  EXPECT_EQ(csat.mean, 3.25);
  EXPECT_EQ(s.services[k_loans].csat.count, 0U);
  EXPECT_EQ(s.services[k_loans].csat.percent, std::nullopt);
  EXPECT_EQ(s.services[k_loans].ces.count, 3U);
  EXPECT_EQ(s.services[k_loans].ces.mean, 6.0);
  EXPECT_EQ(s.services[k_cash].ces.mean, std::nullopt);
  EXPECT_EQ(s.overall.csat.percent, 50.0);
  EXPECT_EQ(s.overall.ces.mean, 6.0);
}

TEST(Satisfaction, AnswersRepeatsAndInvalidScores) {
  const Satisfaction s = monday_figures();
  EXPECT_EQ(s.services[k_cash].answers, 12U);
  EXPECT_EQ(s.services[k_cash].invalid_scores, 2U);
  EXPECT_EQ(s.services[k_cash].repeat_share, 0.0);
  EXPECT_EQ(s.services[k_loans].answers, 6U);
  EXPECT_EQ(s.services[k_loans].probable_repeats, 1U);
  EXPECT_DOUBLE_EQ(*s.services[k_loans].repeat_share, 1.0 / 6.0);
  EXPECT_EQ(s.overall.answers, 19U);
  EXPECT_EQ(s.overall.probable_repeats, 1U);
  EXPECT_EQ(s.overall.invalid_scores, 2U);
  EXPECT_DOUBLE_EQ(*s.overall.repeat_share, 1.0 / 19.0);
}

TEST(Satisfaction, CommentsNewestFirstWithoutRepeats) {
  const Satisfaction s = monday_figures();
  EXPECT_EQ(texts(s.overall.comments), (std::vector<std::string>{"ATM ok", "Great", "Slow queue"}));
  EXPECT_EQ(texts(s.services[k_cash].comments), (std::vector<std::string>{"Slow queue"}));
  EXPECT_EQ(texts(s.services[k_loans].comments), (std::vector<std::string>{"Great"}));
  EXPECT_EQ(s.overall.comments[0].service, k_no_service);
  EXPECT_EQ(s.overall.comments[0].at, oslo_time(2026, 11, 23, 12, 0));
}

TEST(Satisfaction, CommentLimitKeepsTheNewest) {
  const Satisfaction s = monday_figures(2);
  EXPECT_EQ(texts(s.overall.comments), (std::vector<std::string>{"ATM ok", "Great"}));
  // The overall list is full, but each service still gets its own newest.
  EXPECT_EQ(texts(s.services[k_cash].comments), (std::vector<std::string>{"Slow queue"}));
}

TEST(Satisfaction, EqualInstantsPutTheLaterFactFirst) {
  const EventTime nine = oslo_time(2026, 11, 23, 9, 0);
  const std::vector<SurveyFact> answers{answer(k_cash, RatingKind::other, 0, nine, "first"),
                                        answer(k_cash, RatingKind::other, 0, nine, "second")};
  const Satisfaction s = satisfaction(answers, local_day_window(day(2026, 11, 23), oslo()), 1, 5);
  EXPECT_EQ(texts(s.overall.comments), (std::vector<std::string>{"second", "first"}));
}

TEST(Satisfaction, NoAnswersGiveNoScores) {
  const Satisfaction s = satisfaction({}, local_day_window(day(2026, 11, 23), oslo()), 2, 5);
  EXPECT_EQ(s.overall.answers, 0U);
  EXPECT_EQ(s.overall.nps.score, std::nullopt);
  EXPECT_EQ(s.overall.csat.mean, std::nullopt);
  EXPECT_EQ(s.overall.ces.mean, std::nullopt);
  EXPECT_EQ(s.overall.repeat_share, std::nullopt);
  EXPECT_EQ(s.services.size(), 2U);
}

TEST(Satisfaction, FallBackDayIncludesBothRepeatedHours) {
  // 02:30 local twice on 25 October 2026: 00:30Z (CEST) and 01:30Z (CET); and 23:30 CET (22:30Z).
  const std::vector<SurveyFact> answers{answer(k_cash, RatingKind::nps, 10, utc(2026, 10, 25, 0, 30)),
                                        answer(k_cash, RatingKind::nps, 0, utc(2026, 10, 25, 1, 30)),
                                        answer(k_cash, RatingKind::nps, 9, utc(2026, 10, 25, 22, 30)),
                                        answer(k_cash, RatingKind::nps, 0, utc(2026, 10, 25, 23, 0))};
  const Satisfaction s = satisfaction(answers, local_day_window(day(2026, 10, 25), oslo()), 1, 5);
  EXPECT_EQ(s.overall.nps.count(), 3U);
  EXPECT_DOUBLE_EQ(*s.overall.nps.score, 100.0 / 3.0);  // (2 - 1) / 3
}

}  // namespace
}  // namespace kiosk::domain::dashboard
