#include "domain/event.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kiosk::domain {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

EventTime at(std::chrono::year_month_day date, std::chrono::milliseconds time_of_day) {
  return EventTime{sys_days{date}} + time_of_day;
}

constexpr auto k_nov_23 = std::chrono::year{2026} / std::chrono::November / 23;

TEST(EventTime, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(format_rfc3339_utc(at(k_nov_23, 9h + 15min + 2s + 123ms)), "2026-11-23T09:15:02.123Z");
  EXPECT_EQ(format_rfc3339_utc(EventTime{}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339_utc(at(k_nov_23, 23h + 59min + 59s + 999ms)), "2026-11-23T23:59:59.999Z");
  EXPECT_EQ(format_rfc3339_utc(EventTime{-1ms}), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_rfc3339_utc(at(std::chrono::year{2028} / 2 / 29, 7ms)), "2028-02-29T00:00:00.007Z");
}

TEST(EventTime, RefusesYearsItCannotWrite) {
  EXPECT_THROW(format_rfc3339_utc(at(std::chrono::year{10000} / 1 / 1, 0ms)), std::out_of_range);
  EXPECT_THROW(format_rfc3339_utc(at(std::chrono::year{-1} / 12 / 31, 0ms)), std::out_of_range);
}

TEST(EventTime, RoundTrips) {
  for (EventTime t = at(std::chrono::year{1999} / 12 / 31, 23h + 59min); t < at(k_nov_23, 0ms);
       t += 86'399'937ms + 11ms) {
    const std::string text = format_rfc3339_utc(t);
    const auto parsed = parse_rfc3339_utc(text);
    ASSERT_TRUE(parsed) << text;
    ASSERT_EQ(*parsed, t) << text;
  }
  const EventTime extremes[] = {at(std::chrono::year{0} / 1 / 1, 0ms),
                                at(std::chrono::year{9999} / 12 / 31, 24h - 1ms)};
  for (const EventTime t : extremes) {
    EXPECT_EQ(parse_rfc3339_utc(format_rfc3339_utc(t)), t);
  }
}

TEST(EventTime, ParsesFractionsAndOffsets) {
  const EventTime expected = at(k_nov_23, 9h + 15min + 2s + 120ms);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23T09:15:02.12Z"), expected);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23T09:15:02.120999999Z"), expected);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23t09:15:02.12z"), expected);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23T10:15:02.12+01:00"), expected);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23T03:45:02.12-05:30"), expected);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23T09:15:02.12-00:00"), expected);
  EXPECT_EQ(parse_rfc3339_utc("2026-11-23T09:15:02Z"), at(k_nov_23, 9h + 15min + 2s));
  // An offset can move the instant across midnight and the year.
  EXPECT_EQ(parse_rfc3339_utc("2027-01-01T01:00:00.000+02:00"), at(std::chrono::year{2026} / 12 / 31, 23h));
}

TEST(EventTime, RejectsMalformedText) {
  const char* const malformed[] = {
      "",
      "2026-11-23",
      "2026-11-23T09:15:02",              // no zone
      "2026-11-23 09:15:02.123Z",         // space separator
      "2026-11-23T09:15:02.Z",            // empty fraction
      "2026-11-23T09:15:02.1234567890Z",  // fraction longer than nanoseconds
      "2026-11-23T9:15:02.123Z",
      "26-11-23T09:15:02.123Z",
      "2026-13-23T09:15:02.123Z",
      "2026-00-23T09:15:02.123Z",
      "2026-02-29T09:15:02.123Z",  // not a leap year
      "2026-11-31T09:15:02.123Z",
      "2026-11-23T24:00:00.000Z",
      "2026-11-23T09:60:02.123Z",
      "2026-12-31T23:59:60.000Z",  // leap second
      "2026-11-23T09:15:02.123+1:00",
      "2026-11-23T09:15:02.123+01",
      "2026-11-23T09:15:02.123+24:00",
      "2026-11-23T09:15:02.123Z ",
      " 2026-11-23T09:15:02.123Z",
      "2026-11-23T09:15:02.123ZZ",
      "2026-11-23T09:15:02,123Z",
      "+2026-11-23T09:15:02.123Z",
  };
  for (const char* text : malformed) {
    EXPECT_FALSE(parse_rfc3339_utc(text)) << '"' << text << '"';
  }
}

TEST(EventType, AcceptsDottedLowercaseNames) {
  EXPECT_TRUE(is_valid_event_type("kiosk.started"));
  EXPECT_TRUE(is_valid_event_type("device.alarm"));
  EXPECT_TRUE(is_valid_event_type("complaint.status_changed"));
  EXPECT_TRUE(is_valid_event_type("survey.v2.answered"));
  EXPECT_TRUE(is_valid_event_type("a.b"));
}

TEST(EventType, RejectsEverythingElse) {
  const char* const invalid[] = {
      "",
      "kiosk",
      "Kiosk.started",
      "kiosk.Started",
      "kiosk..started",
      ".kiosk.started",
      "kiosk.started.",
      "kiosk.1started",
      "1kiosk.started",
      "kiosk-started.x",
      "kiosk.start ed",
      "kiosk.stärted",
      "_kiosk.started",
  };
  for (const char* type : invalid) {
    EXPECT_FALSE(is_valid_event_type(type)) << '"' << type << '"';
  }
  EXPECT_TRUE(is_valid_event_type("a." + std::string(62, 'b')));
  EXPECT_FALSE(is_valid_event_type("a." + std::string(63, 'b')));
}

TEST(EventRecord, DefaultsToSchemaOneAndAnEmptyObject) {
  const EventRecord record;
  EXPECT_EQ(record.schema, 1);
  EXPECT_EQ(record.data_json, "{}");
}

}  // namespace
}  // namespace kiosk::domain
