#pragma once
// Complaint deadlines counted in business days on the branch calendar, in the branch time zone.
//
// Rule: the branch-local date of the receipt is day 0, whether or not it is a business day. The deadline is
// the end of the Nth business day after it: the last second of that local day (23:59:59 on an ordinary
// day). So a complaint received on Friday 23:59 or on Saturday with N = 1 is due Monday 23:59:59; one
// received on a holiday is due at the end of the next business day. DST is honoured: the end of a day is
// one second before the next local midnight (or before the moment the clock jumps past it, in zones that
// change at midnight).

#include <chrono>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "domain/text/parse_result.hpp"

namespace kiosk::domain::complaints {

// date::weekday has no ordering of its own; this orders by day number (Sunday = 0).
struct WeekdayOrder {
  bool operator()(date::weekday a, date::weekday b) const { return a.c_encoding() < b.c_encoding(); }
};

struct BusinessCalendar {
  std::set<date::weekday, WeekdayOrder> weekend = {date::Saturday, date::Sunday};
  std::set<date::local_days> holidays;  // branch-local dates on which the bank is closed

  // True unless `day` falls on a weekend day or a holiday.
  bool is_business_day(date::local_days day) const;
  // False when every weekday is a weekend day: no deadline can be met. business_day_deadline then ignores
  // the weekend (still skipping holidays) rather than looping forever; config validation should refuse it.
  bool has_business_days() const { return weekend.size() < 7; }
};

// Reads holidays written "YYYY-MM-DD". Problems name the entry: "holidays[3]: \"2026-02-30\" is not a real
// date". Repeats are allowed and collapse. Never throws.
ParseResult<std::set<date::local_days>> parse_holidays(std::span<const std::string> dates);

struct Deadline {
  std::chrono::sys_seconds due;  // the last second of `day` in the branch time zone, as a UTC instant
  date::local_days day;          // the branch-local business day the deadline falls on

  friend bool operator==(const Deadline&, const Deadline&) = default;
};

// No complaint rule counts further than this; larger values are cut to it so a bad setting cannot hang.
inline constexpr int k_max_business_days = 3650;

// The end of the `business_days`-th business day after the receipt's local date (see the rule above).
// business_days <= 0 gives the end of the receipt's own local day; above k_max_business_days counts as that.
Deadline business_day_deadline(std::chrono::sys_seconds receipt, int business_days,
                               const date::time_zone& zone, const BusinessCalendar& calendar);

struct ComplaintDeadlines {
  Deadline acknowledge;     // tell the customer the complaint is being handled
  Deadline final_response;  // give them an answer

  friend bool operator==(const ComplaintDeadlines&, const ComplaintDeadlines&) = default;
};

inline constexpr int k_default_acknowledge_days = 1;
inline constexpr int k_default_final_response_days = 15;

ComplaintDeadlines complaint_deadlines(std::chrono::sys_seconds receipt, const date::time_zone& zone,
                                       const BusinessCalendar& calendar,
                                       int acknowledge_days = k_default_acknowledge_days,
                                       int final_response_days = k_default_final_response_days);

}  // namespace kiosk::domain::complaints
