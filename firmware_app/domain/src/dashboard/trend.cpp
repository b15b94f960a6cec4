#include "domain/dashboard/trend.hpp"

#include <cstdint>

#include "day_index.hpp"
#include "domain/surveys/scoring.hpp"

namespace kiosk::domain::dashboard {
namespace {

struct NpsDay {
  std::size_t answers = 0;  // any answer: the day has data
  std::size_t valid = 0;
  std::int64_t balance = 0;  // promoters - detractors
};

std::vector<LocalDayWindow> windows_of(std::span<const DayFigures> ticket_days) {
  std::vector<LocalDayWindow> windows;
  windows.reserve(ticket_days.size());
  for (const DayFigures& day : ticket_days) {
    windows.push_back(day.window);
  }
  return windows;
}

// The same NPS as satisfaction(): repeats and invalid scores left out.
std::vector<NpsDay> nps_per_day(std::span<const SurveyFact> answers, const detail::DayIndex& index,
                                std::size_t days) {
  std::vector<NpsDay> per_day(days);
  for (const SurveyFact& answer : answers) {
    const auto d = index.find(answer.answered_at);
    if (d < 0) {
      continue;
    }
    NpsDay& day = per_day[static_cast<std::size_t>(d)];
    ++day.answers;
    if (answer.probable_repeat || answer.kind != surveys::RatingKind::nps) {
      continue;
    }
    if (const auto category = surveys::nps_category(answer.score)) {
      ++day.valid;
      day.balance += *category == surveys::NpsCategory::promoter    ? 1
                     : *category == surveys::NpsCategory::detractor ? -1
                                                                    : 0;
    }
  }
  return per_day;
}

std::vector<std::size_t> complaints_per_day(std::span<const ComplaintFact> complaints,
                                            const detail::DayIndex& index, std::size_t days) {
  std::vector<std::size_t> per_day(days);
  for (const ComplaintFact& complaint : complaints) {
    if (const auto d = index.find(complaint.received_at); d >= 0) {
      ++per_day[static_cast<std::size_t>(d)];
    }
  }
  return per_day;
}

}  // namespace

std::vector<TrendPoint> trend(std::span<const DayFigures> ticket_days, std::span<const SurveyFact> answers,
                              std::span<const ComplaintFact> complaints) {
  const std::vector<LocalDayWindow> windows = windows_of(ticket_days);
  const detail::DayIndex index(windows);
  const std::vector<NpsDay> nps = nps_per_day(answers, index, windows.size());
  const std::vector<std::size_t> received = complaints_per_day(complaints, index, windows.size());
  std::vector<TrendPoint> points;
  points.reserve(windows.size());
  for (std::size_t i = 0; i < windows.size(); ++i) {
    const DayFigures& tickets = ticket_days[i];
    TrendPoint point;
    point.day = windows[i].day;
    point.has_data = tickets.has_ticket_activity || nps[i].answers > 0 || received[i] > 0;
    point.nps_answers = nps[i].valid;
    if (point.has_data) {
      point.check_ins = tickets.check_ins;
      point.median_wait = tickets.wait.median;
      point.complaints = received[i];
      if (nps[i].valid > 0) {
        point.nps = 100.0 * static_cast<double>(nps[i].balance) / static_cast<double>(nps[i].valid);
      }
    }
    points.push_back(point);
  }
  return points;
}

}  // namespace kiosk::domain::dashboard
