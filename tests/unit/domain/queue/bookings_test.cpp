#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/queue/bookings.hpp"
#include "queue_test_support.hpp"

namespace kiosk::domain::queue {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using test::describe_all;
using test::utc;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;

const std::vector<Booking> k_bookings = {
    {"7KQ2M0", "appointments", utc(2026, 11, 23, 9, 30)},
    {"H4XW9N", "loans", utc(2026, 11, 23, 13, 0)},
    {"B8C5DE21", "accounts", utc(2026, 11, 24, 9, 45)},
};

TEST(NormalizeBookingCode, MapsLookAlikesAndIgnoresSeparators) {
  EXPECT_EQ(normalize_booking_code("7KQ2M0"), "7KQ2M0");
  EXPECT_EQ(normalize_booking_code("7kq-2mo"), "7KQ2M0");
  EXPECT_EQ(normalize_booking_code(" h4xw 9n "), "H4XW9N");
  EXPECT_EQ(normalize_booking_code("IL0Ol1"), "110011");
  EXPECT_EQ(normalize_booking_code("UUUUUU"), "UUUUUU");
  EXPECT_EQ(normalize_booking_code("B8C5-DE21"), "B8C5DE21");
}

TEST(NormalizeBookingCode, RejectsWhatCannotBeACode) {
  EXPECT_EQ(normalize_booking_code(""), std::nullopt);
  EXPECT_EQ(normalize_booking_code("ABC12"), std::nullopt);      // 5 characters
  EXPECT_EQ(normalize_booking_code("ABCDEF123"), std::nullopt);  // 9 characters
  EXPECT_EQ(normalize_booking_code("7KQ2M#"), std::nullopt);
  EXPECT_EQ(normalize_booking_code("\xc3\x85"
                                   "BCDEF"),
            std::nullopt);  // "ÅBCDEF"
  EXPECT_EQ(normalize_booking_code(std::string("7KQ2M0\0", 7)), std::nullopt);
  EXPECT_EQ(normalize_booking_code("- - - -"), std::nullopt);
}

TEST(CheckBooking, WindowIsThirtyMinutesBeforeToFifteenAfter) {
  const auto at = utc(2026, 11, 23, 9, 30);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at - 30min - 1s, false).result, BookingResult::too_early);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at - 30min, false).result, BookingResult::ok);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at, false).result, BookingResult::ok);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at + 15min, false).result, BookingResult::ok);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at + 15min + 1s, false).result, BookingResult::too_late);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at - 24h, false).result, BookingResult::too_early);
}

TEST(CheckBooking, PointsAtTheBookingFound) {
  const BookingCheck check = check_booking(k_bookings, "h4xw-9n", utc(2026, 11, 23, 12, 50), false);
  EXPECT_EQ(check.result, BookingResult::ok);
  EXPECT_EQ(check.booking, &k_bookings[1]);
  const BookingCheck early = check_booking(k_bookings, "B8C5DE21", utc(2026, 11, 23, 12, 50), false);
  EXPECT_EQ(early.result, BookingResult::too_early);
  EXPECT_EQ(early.booking, &k_bookings[2]);
}

TEST(CheckBooking, UnknownCodes) {
  const auto now = utc(2026, 11, 23, 9, 30);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M9", now, false).result, BookingResult::unknown_code);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M9", now, false).booking, nullptr);
  EXPECT_EQ(check_booking(k_bookings, "", now, false).result, BookingResult::unknown_code);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M", now, false).result, BookingResult::unknown_code);
  EXPECT_EQ(check_booking({}, "7KQ2M0", now, false).result, BookingResult::unknown_code);
}

TEST(CheckBooking, AlreadyUsedComesBeforeTheWindow) {
  const auto at = utc(2026, 11, 23, 9, 30);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at, true).result, BookingResult::already_used);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at + 2h, true).result, BookingResult::already_used);
  EXPECT_EQ(check_booking(k_bookings, "7KQ2M0", at, true).booking, &k_bookings[0]);
  EXPECT_EQ(check_booking(k_bookings, "NOPE99", at, true).result, BookingResult::unknown_code);
}

json valid_bookings() {
  return json{{"version", 4},
              {"bookings",
               {{{"code", "7KQ2M0"}, {"service", "appointments"}, {"at", "2026-11-23T09:30:00Z"}},
                {{"code", "B8C5DE21"}, {"service", "accounts"}, {"at", "2026-11-24T10:45:00+01:00"}}}}};
}

std::vector<ParseIssue> issues_for(const std::string& text) {
  const auto result = parse_bookings(text);
  EXPECT_FALSE(result.ok()) << text;
  return result.issues;
}

auto issue(const std::string& path, const std::string& fragment) {
  return Contains(AllOf(Field(&ParseIssue::path, path), Field(&ParseIssue::message, HasSubstr(fragment))));
}

TEST(ParseBookings, ReadsValidBookings) {
  const auto result = parse_bookings(valid_bookings().dump());
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  EXPECT_EQ(*result.value, (std::vector<Booking>{{"7KQ2M0", "appointments", utc(2026, 11, 23, 9, 30)},
                                                 {"B8C5DE21", "accounts", utc(2026, 11, 24, 9, 45)}}));
  const auto empty = parse_bookings(R"({"bookings": []})");
  ASSERT_TRUE(empty.ok()) << describe_all(empty.issues);
  EXPECT_TRUE(empty.value->empty());
}

TEST(ParseBookings, ReportsEachProblemWithItsPath) {
  json document = valid_bookings();
  document["bookings"][0]["code"] = "7KQ2MO";  // letter O is never in a code
  document["bookings"][1]["at"] = "2026-11-24 10:45";
  document["bookings"].push_back(
      {{"code", "B8C5DE21"}, {"service", "loans"}, {"at", "2026-11-25T09:00:00Z"}});
  document["bookings"].push_back({{"service", ""}, {"at", 5}, {"room", 2}});
  const auto issues = issues_for(document.dump());
  EXPECT_THAT(issues, issue("bookings[0].code", "not a booking code"));
  EXPECT_THAT(issues, issue("bookings[1].at", "not an RFC 3339 time"));
  EXPECT_THAT(issues, issue("bookings[2].code", "used by another booking"));
  EXPECT_THAT(issues, issue("bookings[3].code", "missing required key"));
  EXPECT_THAT(issues, issue("bookings[3].service", "is not a service id"));
  EXPECT_THAT(issues, issue("bookings[3].at", "expected a string"));
  EXPECT_THAT(issues, issue("bookings[3].room", "unknown key"));
  EXPECT_EQ(issues.size(), 7u) << describe_all(issues);
}

TEST(ParseBookings, RejectsBadDocuments) {
  EXPECT_THAT(issues_for("{"), issue("", "not valid JSON"));
  EXPECT_THAT(issues_for("[]"), issue("", "expected an object"));
  EXPECT_THAT(issues_for("{}"), issue("bookings", "missing required key"));
  EXPECT_THAT(issues_for(R"({"bookings": {}})"), issue("bookings", "expected a list"));
  EXPECT_THAT(issues_for(R"({"bookings": [], "version": 0})"), issue("version", "between"));
  EXPECT_THAT(issues_for(R"({"bookings": [], "extra": 1})"), issue("extra", "unknown key"));
  EXPECT_THAT(issues_for(R"({"bookings": [7]})"), issue("bookings[0]", "expected an object"));
  EXPECT_THAT(
      issues_for(R"({"bookings": [{"code": "7KQ2M0", "code": "7KQ2M1", "service": "a", "at": "x"}]})"),
      issue("bookings[0].code", "more than once"));
  EXPECT_THAT(
      issues_for(R"({"bookings": [{"code": "7KQ2M0", "service": "a", "at": "2026-02-30T09:00:00Z"}]})"),
      issue("bookings[0].at", "not an RFC 3339 time"));
}

TEST(CheckBookingServices, NamesBookingsTheCatalogCannotServe) {
  ServiceCatalog catalog;
  catalog.version = 1;
  catalog.services.resize(2);
  catalog.services[0].id = "appointments";
  catalog.services[1].id = "accounts";
  EXPECT_THAT(
      check_booking_services(k_bookings, catalog),
      ::testing::ElementsAre(ParseIssue{"bookings[1].service", "no service \"loans\" in the catalog"}));
  catalog.services[1].enabled = false;
  EXPECT_THAT(check_booking_services(k_bookings, catalog),
              ::testing::ElementsAre(ParseIssue{"bookings[1].service", "no service \"loans\" in the catalog"},
                                     ParseIssue{"bookings[2].service", "service \"accounts\" is disabled"}));
  catalog.services[1].enabled = true;
  catalog.services.push_back(catalog.services[0]);
  catalog.services.back().id = "loans";
  EXPECT_THAT(check_booking_services(k_bookings, catalog), ::testing::IsEmpty());
}

}  // namespace
}  // namespace kiosk::domain::queue
