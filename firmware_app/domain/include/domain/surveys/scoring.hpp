#pragma once
// Satisfaction scores from survey answers, and the guard against a customer tapping "send" twice.
//
// Conventions (the kiosk's, documented here so reports agree):
// - NPS: detractor 0-6, passive 7-8, promoter 9-10; score = % promoters - % detractors, -100..100.
// - CSAT: share (0..100 %) of answers 4 or 5 on the 1..5 scale.
// - Low score (offer a follow-up / flag for the manager): NPS <= 6 (a detractor), CSAT <= 2, CES <= 3
//   (the customer disagreed that it was easy: 1-3 of 7), quick_faces <= 2 (either of the two unhappy
//   faces of four, matching CSAT's "the two unhappy answers"). Other scales are never "low".

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"
#include "domain/surveys/definition.hpp"
#include "domain/surveys/runner.hpp"

namespace kiosk::domain::surveys {

enum class NpsCategory { detractor, passive, promoter };

// nullopt for a score outside 0..10.
std::optional<NpsCategory> nps_category(int score);

bool is_low_score(RatingKind kind, double value);

// Names of the rating questions whose answer in `answers` is a low score for their kind.
std::vector<std::string> low_score_questions(const SurveyDefinition& definition, const Answers& answers);

struct NpsSummary {
  std::size_t promoters = 0;
  std::size_t passives = 0;
  std::size_t detractors = 0;
  std::size_t invalid = 0;      // scores outside 0..10, not counted
  std::optional<double> score;  // nullopt when there is no valid score
};
NpsSummary summarize_nps(std::span<const int> scores);
// -100..100, or nullopt without a valid score; invalid scores are left out.
std::optional<double> compute_nps(std::span<const int> scores);
// 0..100 (% of valid 1..5 answers that are 4 or 5), or nullopt without a valid answer.
std::optional<double> compute_csat(std::span<const int> scores);

// Flags an answer that repeats the same survey, question and value within k_window of the last time it
// was seen: such a submission is stored flagged as probable_repeat, never dropped. Pure: the caller
// passes the instants. A clock stepped backwards counts as "within the window" when the distance is at
// most k_window either way. Remembers at most k_capacity recent answers.
class RepeatGuard {
 public:
  static constexpr std::chrono::milliseconds k_window{5000};
  static constexpr std::size_t k_capacity = 512;

  // True when this answer was seen within the window; records it either way.
  bool observe(std::string_view survey_id, std::string_view question, const AnswerValue& value, EventTime at);
  // observe() for every answer of a completed survey; returns the questions that repeat.
  std::vector<std::string> observe_completed(const CompletedSurvey& survey, EventTime at);

 private:
  struct Seen {
    std::string key;
    EventTime at;
  };
  std::vector<Seen> m_seen;
};

}  // namespace kiosk::domain::surveys
