#pragma once
// Satisfaction over a period (usually the branch-local day), per service and for the whole branch.
//
// Definitions (surveys/scoring.hpp holds the kiosk's conventions; these agree with it):
//  - NPS: answers 0..10; promoters 9-10, passives 7-8, detractors 0-6; score = % promoters - % detractors
//    (-100..100).
//  - CSAT: answers 1..5; share (0..100 %) of 4 and 5; also the mean answer.
//  - CES: answers 1..7; mean answer (higher = easier).
//  - Scores outside a kind's scale are counted as invalid and left out.
//  - Answers flagged probable_repeat (a second press of the same answer within seconds) count as answers
//    and make up the repeat-press share = repeats / answers, but are left out of NPS, CSAT, CES and the
//    comments: one customer's opinion must not count twice.
//  - Comments: the newest first, at most comment_limit, overall and per service.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/dashboard/facts.hpp"
#include "domain/dashboard/local_day.hpp"

namespace kiosk::domain::dashboard {

struct NpsFigure {
  std::size_t promoters = 0;
  std::size_t passives = 0;
  std::size_t detractors = 0;
  std::size_t count() const { return promoters + passives + detractors; }
  std::optional<double> score;  // nullopt without a valid answer

  friend bool operator==(const NpsFigure&, const NpsFigure&) = default;
};

struct CsatFigure {
  std::size_t count = 0;          // valid answers 1..5
  std::size_t satisfied = 0;      // of them 4 or 5
  std::optional<double> percent;  // satisfied / count * 100
  std::optional<double> mean;

  friend bool operator==(const CsatFigure&, const CsatFigure&) = default;
};

struct CesFigure {
  std::size_t count = 0;  // valid answers 1..7
  std::optional<double> mean;

  friend bool operator==(const CesFigure&, const CesFigure&) = default;
};

struct Comment {
  EventTime at{};
  ServiceIndex service = k_no_service;
  std::string text;

  friend bool operator==(const Comment&, const Comment&) = default;
};

struct SatisfactionFigures {
  NpsFigure nps;
  CsatFigure csat;
  CesFigure ces;
  std::size_t answers = 0;             // every answer in the period, repeats and other kinds included
  std::size_t probable_repeats = 0;    // of them flagged as repeats
  std::optional<double> repeat_share;  // probable_repeats / answers, 0..1
  std::size_t invalid_scores = 0;
  std::vector<Comment> comments;  // newest first, at most comment_limit

  friend bool operator==(const SatisfactionFigures&, const SatisfactionFigures&) = default;
};

struct Satisfaction {
  SatisfactionFigures overall;
  std::vector<SatisfactionFigures> services;  // indexed by ServiceIndex, service_count entries

  friend bool operator==(const Satisfaction&, const Satisfaction&) = default;
};

// Answers with answered_at in `period`, in one pass (the facts may be in any order). Ties in answered_at
// put the later fact in the span first among the comments.
Satisfaction satisfaction(std::span<const SurveyFact> answers, const LocalDayWindow& period,
                          std::size_t service_count, std::size_t comment_limit);

}  // namespace kiosk::domain::dashboard
