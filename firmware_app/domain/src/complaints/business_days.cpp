#include "domain/complaints/business_days.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kiosk::domain::complaints {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digits_value(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<date::local_days> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (!is_digit(text[i])) {
      return std::nullopt;
    }
  }
  const date::year_month_day ymd{date::year{digits_value(text.substr(0, 4))},
                                 date::month{static_cast<unsigned>(digits_value(text.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(digits_value(text.substr(8, 2)))}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return date::local_days{ymd};
}

// The last second of a local day: one second before the next day begins. Where local midnight does not
// exist (a zone that springs forward at 00:00), the next day begins when the clock jumps, which date's
// to_sys returns for a non-existent time; where it occurs twice, the day ends before the first occurrence.
std::chrono::sys_seconds end_of_local_day(date::local_days day, const date::time_zone& zone) {
  const date::local_seconds next_midnight{day + date::days{1}};
  return zone.to_sys(next_midnight, date::choose::earliest) - std::chrono::seconds{1};
}

}  // namespace

bool BusinessCalendar::is_business_day(date::local_days day) const {
  return weekend.count(date::weekday{day}) == 0 && holidays.count(day) == 0;
}

ParseResult<std::set<date::local_days>> parse_holidays(std::span<const std::string> dates) {
  std::set<date::local_days> holidays;
  std::vector<ParseIssue> issues;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const std::string& text = dates[i];
    if (auto day = parse_iso_date(text)) {
      holidays.insert(*day);
      continue;
    }
    const bool well_formed =
        text.size() == 10 && text[4] == '-' && text[7] == '-' &&
        std::all_of(text.begin(), text.end(), [](char c) { return is_digit(c) || c == '-'; });
    // The entry is quoted only when it is short and printable, so a log line never carries arbitrary bytes.
    const bool printable = text.size() <= 32 && std::all_of(text.begin(), text.end(),
                                                            [](char c) { return c >= 0x20 && c < 0x7F; });
    const std::string shown = printable ? fmt::format("\"{}\"", text) : std::string("the entry");
    issues.push_back({fmt::format("holidays[{}]", i),
                      well_formed ? fmt::format("{} is not a real date", shown)
                                  : fmt::format("{} is not a date written YYYY-MM-DD", shown)});
  }
  if (!issues.empty()) {
    return ParseResult<std::set<date::local_days>>::failure(std::move(issues));
  }
  return ParseResult<std::set<date::local_days>>::success(std::move(holidays));
}

Deadline business_day_deadline(std::chrono::sys_seconds receipt, int business_days,
                               const date::time_zone& zone, const BusinessCalendar& calendar) {
  const date::local_days receipt_day = date::floor<date::days>(zone.to_local(receipt));
  // With every weekday a weekend day no day would ever count; counting non-holidays instead keeps the loop
  // finite (holidays are a finite set) and gives a deadline rather than none.
  const bool use_weekend = calendar.has_business_days();
  const int wanted = std::clamp(business_days, 0, k_max_business_days);
  date::local_days day = receipt_day;
  for (int counted = 0; counted < wanted;) {
    day += date::days{1};
    const bool counts = use_weekend ? calendar.is_business_day(day) : calendar.holidays.count(day) == 0;
    if (counts) {
      ++counted;
    }
  }
  return Deadline{end_of_local_day(day, zone), day};
}

ComplaintDeadlines complaint_deadlines(std::chrono::sys_seconds receipt, const date::time_zone& zone,
                                       const BusinessCalendar& calendar, int acknowledge_days,
                                       int final_response_days) {
  return ComplaintDeadlines{business_day_deadline(receipt, acknowledge_days, zone, calendar),
                            business_day_deadline(receipt, final_response_days, zone, calendar)};
}

}  // namespace kiosk::domain::complaints
