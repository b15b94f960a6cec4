#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/complaints/business_days.hpp"
#include "domain/event.hpp"

namespace kiosk::domain::complaints {
namespace {

using namespace date::literals;
using std::chrono::sys_seconds;

const date::time_zone& oslo() {
  return *date::locate_zone("Europe/Oslo");
}

// A branch-local wall-clock time in `zone` as an instant (earliest, for the rare ambiguous case).
sys_seconds local(const date::time_zone& zone, date::year_month_day day, int hour, int minute, int second) {
  const date::local_seconds wall = date::local_days{day} + std::chrono::hours{hour} +
                                   std::chrono::minutes{minute} + std::chrono::seconds{second};
  return zone.to_sys(wall, date::choose::earliest);
}

sys_seconds utc(std::string_view rfc3339) {
  const auto parsed = parse_rfc3339_utc(rfc3339);
  EXPECT_TRUE(parsed) << rfc3339;
  return std::chrono::time_point_cast<std::chrono::seconds>(parsed.value_or(EventTime{}));
}

BusinessCalendar norwegian_christmas() {
  BusinessCalendar calendar;
  calendar.holidays = {date::local_days{2026_y / 12 / 24}, date::local_days{2026_y / 12 / 25},
                       date::local_days{2026_y / 12 / 26}, date::local_days{2027_y / 1 / 1}};
  return calendar;
}

TEST(BusinessDays, WeekdayReceiptIsDueAtTheEndOfTheNextBusinessDay) {
  // Monday 23 November 2026, 10:00 in Oslo (CET, UTC+1).
  const auto deadline = business_day_deadline(local(oslo(), 2026_y / 11 / 23, 10, 0, 0), 1, oslo(), {});
  EXPECT_EQ(deadline.day, date::local_days{2026_y / 11 / 24});
  EXPECT_EQ(deadline.due, utc("2026-11-24T22:59:59Z"));
}

TEST(BusinessDays, WeekendsAreSkipped) {
  const BusinessCalendar calendar;
  // Friday afternoon and Saturday both come due on Monday.
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 27, 15, 0, 0), 1, oslo(), calendar).day,
            date::local_days{2026_y / 11 / 30});
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 28, 11, 0, 0), 1, oslo(), calendar).day,
            date::local_days{2026_y / 11 / 30});
  // Sunday counts as day 0, so Monday is the first business day after it.
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 29, 11, 0, 0), 1, oslo(), calendar).due,
            utc("2026-11-30T22:59:59Z"));
}

TEST(BusinessDays, TheLocalDateDecidesNotTheUtcDate) {
  const BusinessCalendar calendar;
  // Thursday 23:59:59 local is still Thursday: due Friday.
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 26, 23, 59, 59), 1, oslo(), calendar).day,
            date::local_days{2026_y / 11 / 27});
  // One second later it is Friday locally (but still Thursday 23:00 in UTC): due Monday.
  const sys_seconds friday_midnight = local(oslo(), 2026_y / 11 / 27, 0, 0, 0);
  EXPECT_EQ(friday_midnight, utc("2026-11-26T23:00:00Z"));
  EXPECT_EQ(business_day_deadline(friday_midnight, 1, oslo(), calendar).day,
            date::local_days{2026_y / 11 / 30});
  // Half an hour after local midnight is 23:30 UTC the previous day.
  EXPECT_EQ(business_day_deadline(utc("2026-11-26T23:30:00Z"), 1, oslo(), calendar).day,
            date::local_days{2026_y / 11 / 30});
}

TEST(BusinessDays, FifteenBusinessDays) {
  const auto deadlines = complaint_deadlines(local(oslo(), 2026_y / 11 / 23, 10, 0, 0), oslo(), {});
  EXPECT_EQ(deadlines.acknowledge.day, date::local_days{2026_y / 11 / 24});
  // 24-27 Nov (4), 30 Nov-4 Dec (9), 7-11 Dec (14), Monday 14 Dec is the 15th.
  EXPECT_EQ(deadlines.final_response.day, date::local_days{2026_y / 12 / 14});
  EXPECT_EQ(deadlines.final_response.due, utc("2026-12-14T22:59:59Z"));
}

TEST(BusinessDays, HolidaysAreSkipped) {
  // Wednesday 23 December: 24th, 25th holidays, 26th Saturday and a holiday, 27th Sunday -> Monday 28th.
  const auto deadline =
      business_day_deadline(local(oslo(), 2026_y / 12 / 23, 9, 0, 0), 1, oslo(), norwegian_christmas());
  EXPECT_EQ(deadline.day, date::local_days{2026_y / 12 / 28});
  const auto longer =
      complaint_deadlines(local(oslo(), 2026_y / 12 / 23, 9, 0, 0), oslo(), norwegian_christmas(), 1, 5);
  // 28, 29, 30, 31 December, then 1 January is a holiday and 2-3 a weekend: the 5th is Monday 4 January.
  EXPECT_EQ(longer.final_response.day, date::local_days{2027_y / 1 / 4});
}

TEST(BusinessDays, ReceiptOnAHolidayCountsFromTheNextBusinessDay) {
  const sys_seconds christmas = local(oslo(), 2026_y / 12 / 25, 12, 0, 0);
  EXPECT_EQ(business_day_deadline(christmas, 1, oslo(), norwegian_christmas()).day,
            date::local_days{2026_y / 12 / 28});
  EXPECT_EQ(business_day_deadline(christmas, 2, oslo(), norwegian_christmas()).day,
            date::local_days{2026_y / 12 / 29});
  // Zero business days: the end of the receipt's own day, holiday or not.
  EXPECT_EQ(business_day_deadline(christmas, 0, oslo(), norwegian_christmas()).due,
            utc("2026-12-25T22:59:59Z"));
}

TEST(BusinessDays, SpringForwardInOslo) {
  // Clocks go from 02:00 CET to 03:00 CEST on Sunday 28 March 2027.
  const auto deadline = business_day_deadline(local(oslo(), 2027_y / 3 / 26, 12, 0, 0), 1, oslo(), {});
  EXPECT_EQ(deadline.day, date::local_days{2027_y / 3 / 29});
  EXPECT_EQ(deadline.due, utc("2027-03-29T21:59:59Z"));  // 23:59:59 CEST
  // With no weekend the deadline falls on the 23-hour day itself.
  BusinessCalendar every_day;
  every_day.weekend.clear();
  const auto on_the_day =
      business_day_deadline(local(oslo(), 2027_y / 3 / 27, 12, 0, 0), 1, oslo(), every_day);
  EXPECT_EQ(on_the_day.day, date::local_days{2027_y / 3 / 28});
  EXPECT_EQ(on_the_day.due, utc("2027-03-28T21:59:59Z"));
}

TEST(BusinessDays, FallBackInOslo) {
  // Clocks go from 03:00 CEST back to 02:00 CET on Sunday 25 October 2026.
  const auto deadline = business_day_deadline(local(oslo(), 2026_y / 10 / 23, 12, 0, 0), 1, oslo(), {});
  EXPECT_EQ(deadline.day, date::local_days{2026_y / 10 / 26});
  EXPECT_EQ(deadline.due, utc("2026-10-26T22:59:59Z"));  // 23:59:59 CET
  BusinessCalendar every_day;
  every_day.weekend.clear();
  const auto on_the_day =
      business_day_deadline(local(oslo(), 2026_y / 10 / 24, 12, 0, 0), 1, oslo(), every_day);
  EXPECT_EQ(on_the_day.due, utc("2026-10-25T22:59:59Z"));
  // A receipt in the repeated hour (02:30 CET, the second time round) still belongs to the 25th.
  const auto repeated = business_day_deadline(utc("2026-10-25T01:30:00Z"), 0, oslo(), every_day);
  EXPECT_EQ(repeated.day, date::local_days{2026_y / 10 / 25});
}

TEST(BusinessDays, ZoneWhereMidnightDoesNotExist) {
  // Santiago springs forward at midnight: 6 September 2026 begins at 01:00 (-03), so 5 September ends at
  // 23:59:59 -04.
  const date::time_zone& santiago = *date::locate_zone("America/Santiago");
  BusinessCalendar every_day;
  every_day.weekend.clear();
  const auto deadline =
      business_day_deadline(local(santiago, 2026_y / 9 / 4, 12, 0, 0), 1, santiago, every_day);
  EXPECT_EQ(deadline.day, date::local_days{2026_y / 9 / 5});
  EXPECT_EQ(deadline.due, utc("2026-09-06T03:59:59Z"));
  // The next second is already the next local day.
  EXPECT_EQ(date::floor<date::days>(santiago.to_local(deadline.due + std::chrono::seconds{1})),
            date::local_days{2026_y / 9 / 6});
}

TEST(BusinessDays, OtherWeekends) {
  BusinessCalendar friday_saturday;
  friday_saturday.weekend = {date::Friday, date::Saturday};
  // Thursday -> Sunday.
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 26, 12, 0, 0), 1, oslo(), friday_saturday).day,
            date::local_days{2026_y / 11 / 29});
  EXPECT_TRUE(friday_saturday.is_business_day(date::local_days{2026_y / 11 / 29}));
  EXPECT_FALSE(friday_saturday.is_business_day(date::local_days{2026_y / 11 / 27}));
}

TEST(BusinessDays, DegenerateSettingsStillGiveADeadline) {
  BusinessCalendar closed_always;
  closed_always.weekend = {date::Monday, date::Tuesday,  date::Wednesday, date::Thursday,
                           date::Friday, date::Saturday, date::Sunday};
  closed_always.holidays = {date::local_days{2026_y / 11 / 24}};
  EXPECT_FALSE(closed_always.has_business_days());
  // The weekend is ignored; the holiday is still skipped.
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 23, 12, 0, 0), 1, oslo(), closed_always).day,
            date::local_days{2026_y / 11 / 25});
  // Negative counts mean the receipt's own day; huge counts are cut to k_max_business_days.
  EXPECT_EQ(business_day_deadline(local(oslo(), 2026_y / 11 / 23, 12, 0, 0), -3, oslo(), {}).day,
            date::local_days{2026_y / 11 / 23});
  const auto far =
      business_day_deadline(local(oslo(), 2026_y / 11 / 23, 12, 0, 0), 1'000'000'000, oslo(), {});
  EXPECT_EQ(
      far, business_day_deadline(local(oslo(), 2026_y / 11 / 23, 12, 0, 0), k_max_business_days, oslo(), {}));
}

TEST(ParseHolidays, ReadsDatesAndCollapsesRepeats) {
  const std::vector<std::string> dates = {"2026-12-25", "2026-12-24", "2026-12-25"};
  const auto result = parse_holidays(dates);
  ASSERT_TRUE(result.ok());
  const std::set<date::local_days> expected = {date::local_days{2026_y / 12 / 24},
                                               date::local_days{2026_y / 12 / 25}};
  EXPECT_EQ(*result.value, expected);
  EXPECT_TRUE(parse_holidays({}).ok());
}

TEST(ParseHolidays, NamesEachBadEntry) {
  const std::vector<std::string> dates = {"2026-12-25",
                                          "2026-02-30",
                                          "2026-2-3",
                                          "",
                                          "25.12.2026",
                                          "2026-13-01",
                                          std::string("2026-12-2\xff", 10)};
  const auto result = parse_holidays(dates);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), 6U);
  EXPECT_EQ(result.issues[0].path, "holidays[1]");
  EXPECT_EQ(result.issues[0].message, "\"2026-02-30\" is not a real date");
  EXPECT_EQ(result.issues[1].path, "holidays[2]");
  EXPECT_EQ(result.issues[1].message, "\"2026-2-3\" is not a date written YYYY-MM-DD");
  EXPECT_EQ(result.issues[2].path, "holidays[3]");
  EXPECT_EQ(result.issues[3].path, "holidays[4]");
  EXPECT_EQ(result.issues[4].message, "\"2026-13-01\" is not a real date");
  EXPECT_EQ(result.issues[5].message, "the entry is not a date written YYYY-MM-DD");
}

}  // namespace
}  // namespace kiosk::domain::complaints
