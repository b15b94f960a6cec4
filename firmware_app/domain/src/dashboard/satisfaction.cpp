#include "domain/dashboard/satisfaction.hpp"

#include <algorithm>
#include <cstdint>

#include "domain/surveys/scoring.hpp"

namespace kiosk::domain::dashboard {
namespace {

using surveys::RatingKind;

struct Accumulator {
  SatisfactionFigures figures;
  std::int64_t csat_sum = 0;
  std::int64_t ces_sum = 0;
  std::int64_t nps_balance = 0;  // promoters - detractors
};

void add_nps(Accumulator& acc, int score) {
  const auto category = surveys::nps_category(score);
  if (!category) {
    ++acc.figures.invalid_scores;
    return;
  }
  switch (*category) {
    case surveys::NpsCategory::promoter:
      ++acc.figures.nps.promoters;
      break;
    case surveys::NpsCategory::passive:
      ++acc.figures.nps.passives;
      break;
    case surveys::NpsCategory::detractor:
      ++acc.figures.nps.detractors;
      break;
  }
}

void add_csat(Accumulator& acc, int score) {
  if (score < 1 || score > 5) {
    ++acc.figures.invalid_scores;
    return;
  }
  ++acc.figures.csat.count;
  acc.csat_sum += score;
  if (score >= 4) {
    ++acc.figures.csat.satisfied;
  }
}

void add_ces(Accumulator& acc, int score) {
  if (score < 1 || score > 7) {
    ++acc.figures.invalid_scores;
    return;
  }
  ++acc.figures.ces.count;
  acc.ces_sum += score;
}

void add_answer(Accumulator& acc, const SurveyFact& answer) {
  ++acc.figures.answers;
  if (answer.probable_repeat) {
    ++acc.figures.probable_repeats;
    return;
  }
  switch (answer.kind) {
    case RatingKind::nps:
      add_nps(acc, answer.score);
      break;
    case RatingKind::csat:
      add_csat(acc, answer.score);
      break;
    case RatingKind::ces:
      add_ces(acc, answer.score);
      break;
    case RatingKind::quick_faces:
    case RatingKind::other:
      break;  // counted as an answer, not scored
  }
}

double ratio(std::int64_t part, std::size_t whole) {
  return static_cast<double>(part) / static_cast<double>(whole);
}

SatisfactionFigures finish(Accumulator& acc) {
  SatisfactionFigures& f = acc.figures;
  const std::size_t nps_count = f.nps.count();
  if (nps_count > 0) {
    const auto balance =
        static_cast<std::int64_t>(f.nps.promoters) - static_cast<std::int64_t>(f.nps.detractors);
    f.nps.score = 100.0 * ratio(balance, nps_count);
  }
  if (f.csat.count > 0) {
    f.csat.percent = 100.0 * ratio(static_cast<std::int64_t>(f.csat.satisfied), f.csat.count);
    f.csat.mean = ratio(acc.csat_sum, f.csat.count);
  }
  if (f.ces.count > 0) {
    f.ces.mean = ratio(acc.ces_sum, f.ces.count);
  }
  if (f.answers > 0) {
    f.repeat_share = ratio(static_cast<std::int64_t>(f.probable_repeats), f.answers);
  }
  return std::move(f);
}

// Newest first; among equal instants the later fact in the input (written later) first.
void attach_comments(Satisfaction& result, std::span<const SurveyFact> answers,
                     std::vector<std::size_t> with_comment, std::size_t limit) {
  std::sort(with_comment.begin(), with_comment.end(), [&](std::size_t a, std::size_t b) {
    if (answers[a].answered_at != answers[b].answered_at) {
      return answers[a].answered_at > answers[b].answered_at;
    }
    return a > b;
  });
  for (const std::size_t i : with_comment) {
    const SurveyFact& answer = answers[i];
    const bool known_service = answer.service < result.services.size();
    const bool overall_full = result.overall.comments.size() >= limit;
    const bool service_full = !known_service || result.services[answer.service].comments.size() >= limit;
    if (overall_full && service_full) {
      continue;
    }
    const Comment comment{answer.answered_at, answer.service, answer.comment};
    if (!overall_full) {
      result.overall.comments.push_back(comment);
    }
    if (!service_full) {
      result.services[answer.service].comments.push_back(comment);
    }
  }
}

}  // namespace

Satisfaction satisfaction(std::span<const SurveyFact> answers, const LocalDayWindow& period,
                          std::size_t service_count, std::size_t comment_limit) {
  Accumulator overall;
  std::vector<Accumulator> services(service_count);
  std::vector<std::size_t> with_comment;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const SurveyFact& answer = answers[i];
    if (!period.contains(answer.answered_at)) {
      continue;
    }
    add_answer(overall, answer);
    if (answer.service < service_count) {
      add_answer(services[answer.service], answer);
    }
    if (!answer.probable_repeat && !answer.comment.empty()) {
      with_comment.push_back(i);
    }
  }
  Satisfaction result;
  result.overall = finish(overall);
  result.services.reserve(service_count);
  for (Accumulator& service : services) {
    result.services.push_back(finish(service));
  }
  attach_comments(result, answers, std::move(with_comment), comment_limit);
  return result;
}

}  // namespace kiosk::domain::dashboard
