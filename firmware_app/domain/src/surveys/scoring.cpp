#include "domain/surveys/scoring.hpp"

#include <algorithm>

namespace kiosk::domain::surveys {

std::optional<NpsCategory> nps_category(int score) {
  if (score < 0 || score > 10)
    return std::nullopt;
  if (score <= 6)
    return NpsCategory::detractor;
  if (score <= 8)
    return NpsCategory::passive;
  return NpsCategory::promoter;
}

bool is_low_score(RatingKind kind, double value) {
  switch (kind) {
    case RatingKind::nps:
      return value >= 0 && value <= 6;
    case RatingKind::csat:
      return value >= 1 && value <= 2;
    case RatingKind::ces:
      return value >= 1 && value <= 3;
    case RatingKind::quick_faces:
      return value >= 1 && value <= 2;
    case RatingKind::other:
      return false;
  }
  return false;
}

std::vector<std::string> low_score_questions(const SurveyDefinition& definition, const Answers& answers) {
  std::vector<std::string> low;
  for (const Page& page : definition.pages) {
    for (const Question& question : page.questions) {
      const auto found = answers.find(question.name);
      if (found == answers.end() || !found->second.is_number())
        continue;
      if (is_low_score(classify_rating(question), found->second.get<double>()))
        low.push_back(question.name);
    }
  }
  return low;
}

NpsSummary summarize_nps(std::span<const int> scores) {
  NpsSummary summary;
  for (int score : scores) {
    const auto category = nps_category(score);
    if (!category) {
      ++summary.invalid;
      continue;
    }
    switch (*category) {
      case NpsCategory::detractor:
        ++summary.detractors;
        break;
      case NpsCategory::passive:
        ++summary.passives;
        break;
      case NpsCategory::promoter:
        ++summary.promoters;
        break;
    }
  }
  const std::size_t valid = summary.promoters + summary.passives + summary.detractors;
  if (valid > 0) {
    summary.score = 100.0 *
                    (static_cast<double>(summary.promoters) - static_cast<double>(summary.detractors)) /
                    static_cast<double>(valid);
  }
  return summary;
}

std::optional<double> compute_nps(std::span<const int> scores) {
  return summarize_nps(scores).score;
}

std::optional<double> compute_csat(std::span<const int> scores) {
  std::size_t valid = 0;
  std::size_t satisfied = 0;
  for (int score : scores) {
    if (score < 1 || score > 5)
      continue;
    ++valid;
    if (score >= 4)
      ++satisfied;
  }
  if (valid == 0)
    return std::nullopt;
  return 100.0 * static_cast<double>(satisfied) / static_cast<double>(valid);
}

bool RepeatGuard::observe(std::string_view survey_id, std::string_view question, const AnswerValue& value,
                          EventTime at) {
  std::string key;
  key.append(survey_id).push_back('\0');
  key.append(question).push_back('\0');
  key += value.dump();
  auto near = [&](EventTime seen) { return at - seen <= k_window && seen - at <= k_window; };
  bool repeat = false;
  for (Seen& seen : m_seen) {
    if (seen.key == key && near(seen.at))
      repeat = true;
  }
  // Forget what can no longer match (older than the window), then remember this answer as the latest.
  std::erase_if(m_seen, [&](const Seen& seen) { return seen.key == key || !near(seen.at); });
  if (m_seen.size() >= k_capacity)
    m_seen.erase(m_seen.begin());
  m_seen.push_back(Seen{std::move(key), at});
  return repeat;
}

std::vector<std::string> RepeatGuard::observe_completed(const CompletedSurvey& survey, EventTime at) {
  std::vector<std::string> repeated;
  for (const auto& [question, value] : survey.answers) {
    if (observe(survey.survey_id, question, value, at))
      repeated.push_back(question);
  }
  return repeated;
}

}  // namespace kiosk::domain::surveys
