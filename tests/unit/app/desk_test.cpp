// CustomerDesk queue steps: ticket numbering per service and per branch-local day, the clock going back,
// closed services, the ticket.issued event, and booking check-in.
#include "desk_test.hpp"

#include "domain/queue/services.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using namespace date::literals;
using test_support::DeskTest;
using test_support::k_tuesday_10_oslo;
using test_support::oslo;

std::string number_of(const DeskResult<IssuedTicket>& result) {
  return result.value ? result.value->number : "refused";
}

TEST_F(DeskTest, TicketNumbersRunPerServiceAndContinueAfterReopening) {
  const auto a1 = desk->issue_ticket("cash", "en");
  const auto a2 = desk->issue_ticket("cash", "nb");
  const auto b1 = desk->issue_ticket("accounts", "en");
  ASSERT_TRUE(a1.ok() && a2.ok() && b1.ok());
  EXPECT_EQ(a1.value->number, "A001");
  EXPECT_EQ(a2.value->number, "A002");
  EXPECT_EQ(b1.value->number, "B001");
  EXPECT_EQ(a1.value->people_ahead, 0);
  EXPECT_EQ(a2.value->people_ahead, 1);
  EXPECT_EQ(b1.value->people_ahead, 0);
  EXPECT_EQ(a1.value->service_id, "cash");
  EXPECT_EQ(a1.value->issued_at, k_tuesday_10_oslo);
  EXPECT_NE(a1.value->id, a2.value->id);

  reopen();
  const auto a3 = desk->issue_ticket("cash", "en");
  ASSERT_TRUE(a3.ok());
  EXPECT_EQ(a3.value->number, "A003");
  EXPECT_EQ(a3.value->people_ahead, 2);

  const auto issued = events("ticket.issued");
  ASSERT_EQ(issued.size(), 4U);
  const std::vector<const IssuedTicket*> tickets{&*a1.value, &*a2.value, &*b1.value, &*a3.value};
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    SCOPED_TRACE(tickets[i]->number);
    EXPECT_EQ(issued[i].at("ticket_id"), tickets[i]->id);
    EXPECT_EQ(issued[i].at("number"), tickets[i]->number);
    EXPECT_EQ(issued[i].at("people_ahead"), tickets[i]->people_ahead);
    EXPECT_EQ(issued[i].at("service_id"), tickets[i]->service_id);
    EXPECT_EQ(issued[i].at("local_day"), "2026-11-24");
  }
  EXPECT_EQ(issued[1].at("language"), "nb");
  EXPECT_EQ(count("SELECT count(*) FROM tickets"), 4);
}

TEST_F(DeskTest, ServiceOfTicketFindsTodaysTicketAsTyped) {
  ASSERT_TRUE(desk->issue_ticket("cash", "en").ok());
  ASSERT_TRUE(desk->issue_ticket("loans", "en").ok());
  EXPECT_EQ(desk->service_of_ticket("A001"), "cash");
  EXPECT_EQ(desk->service_of_ticket("c 001"), "loans");
  EXPECT_EQ(desk->service_of_ticket("A002"), std::nullopt);
  EXPECT_EQ(desk->service_of_ticket("Z999"), std::nullopt);
  EXPECT_EQ(desk->service_of_ticket(""), std::nullopt);
}

TEST_F(DeskTest, NextBranchLocalDayRestartsAndAClockSetBackKeepsCountingOnTheLaterDay) {
  ASSERT_EQ(number_of(desk->issue_ticket("cash", "en")), "A001");
  ASSERT_EQ(number_of(desk->issue_ticket("cash", "en")), "A002");

  set_clock(oslo(2026_y / 11 / 25, 10h + 5min));  // Wednesday
  const auto wednesday = desk->issue_ticket("cash", "en");
  ASSERT_TRUE(wednesday.ok());
  EXPECT_EQ(wednesday.value->number, "A001");
  EXPECT_EQ(wednesday.value->people_ahead, 0);  // yesterday's waiting tickets are not ahead

  // The device clock is set back to Tuesday: numbers must not repeat the ones issued on Wednesday.
  platform::ManualClock back_on_tuesday{oslo(2026_y / 11 / 24, 14h)};
  reopen({}, &back_on_tuesday);
  const auto after_step_back = desk->issue_ticket("cash", "en");
  ASSERT_TRUE(after_step_back.ok());
  EXPECT_EQ(after_step_back.value->number, "A002");
  const auto issued = events("ticket.issued");
  ASSERT_EQ(issued.size(), 4U);
  EXPECT_EQ(issued[2].at("local_day"), "2026-11-25");
  EXPECT_EQ(issued[3].at("local_day"), "2026-11-25");
  EXPECT_EQ(count("SELECT count(*) FROM tickets WHERE service_id = 'cash'"), 4);
  close();  // the desk must not outlive back_on_tuesday
}

TEST_F(DeskTest, NumberingRestartsAtOsloMidnightNotUtcMidnight) {
  // A service open around the clock, so tickets can be taken on both sides of midnight.
  const auto catalog = domain::queue::parse_service_catalog(R"({"version": 1, "services": [
    {"id": "night", "prefix": "N", "name": {"en": "Night desk"},
     "hours": {"weekly": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
               "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]}},
     "counters": [1]}]})");
  ASSERT_TRUE(catalog.value.has_value());
  content.services = *catalog.value;
  set_clock(oslo(2026_y / 11 / 24, 23h + 50min));  // 22:50 UTC
  reopen();
  ASSERT_EQ(number_of(desk->issue_ticket("night", "en")), "N001");
  ASSERT_EQ(number_of(desk->issue_ticket("night", "en")), "N002");
  set_clock(oslo(2026_y / 11 / 25, 0h + 10min));  // 23:10 UTC: still Tuesday in UTC
  EXPECT_EQ(number_of(desk->issue_ticket("night", "en")), "N001");
  const auto issued = events("ticket.issued");
  ASSERT_EQ(issued.size(), 3U);
  EXPECT_EQ(issued[2].at("local_day"), "2026-11-25");
}

TEST_F(DeskTest, ClosedServiceIsRefusedAndNothingIsWritten) {
  ASSERT_TRUE(desk->issue_ticket("cash", "en").ok());
  set_clock(oslo(2026_y / 11 / 24, 22h));
  const auto refused = desk->issue_ticket("cash", "en");
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(refused.problem, DeskProblem::service_closed);
  EXPECT_EQ(desk->issue_ticket("appointments", "en").problem, DeskProblem::service_closed);
  EXPECT_EQ(count("SELECT count(*) FROM tickets"), 1);
  EXPECT_EQ(events("ticket.issued").size(), 1U);

  const auto options = desk->services("en");
  ASSERT_EQ(options.size(), content.services.services.size());
  for (const auto& option : options) {
    SCOPED_TRACE(option.id);
    EXPECT_EQ(option.state, ServiceOption::State::closed_today);
    ASSERT_TRUE(option.next_opening.has_value());
    EXPECT_GT(*option.next_opening, desk->now());
  }
  EXPECT_EQ(options[0].id, "cash");
  EXPECT_EQ(options[0].next_opening, oslo(2026_y / 11 / 25, 10h));
}

TEST_F(DeskTest, UnknownServiceIsInvalidInput) {
  EXPECT_EQ(desk->issue_ticket("no_such_service", "en").problem, DeskProblem::invalid_input);
  EXPECT_EQ(count("SELECT count(*) FROM outbox"), 0);
}

TEST_F(DeskTest, ServicesAreOpenOnTuesdayMorningAndCountWhoIsWaiting) {
  ASSERT_TRUE(desk->issue_ticket("loans", "en").ok());
  ASSERT_TRUE(desk->issue_ticket("loans", "en").ok());
  const auto options = desk->services("en");
  ASSERT_EQ(options.size(), 4U);
  for (const auto& option : options) {
    SCOPED_TRACE(option.id);
    EXPECT_EQ(option.state, ServiceOption::State::open);
    EXPECT_TRUE(option.closes_at.has_value());
    EXPECT_FALSE(option.name.empty());
    EXPECT_EQ(option.waiting, option.id == "loans" ? 2 : 0);
  }
}

// --- bookings ---

class DeskBookingTest : public DeskTest {
 protected:
  void SetUp() override {
    const auto now = k_tuesday_10_oslo;
    content.bookings = {
        {"7KQ2M0", "appointments", now + 10min},  // in the window
        {"H4XW9N", "appointments", now + 2h},     // too early
        {"P3RT6VZ", "appointments", now - 1h},    // too late
        {"B8C5DE21", "loans", now + 30min},       // window opens exactly now
        {"M4RK3D", "appointments", now + 31min},  // one minute before its window
        {"Q9W8E7", "appointments", now - 15min},  // window closes exactly now
        {"R5T6Y7", "appointments", now - 16min},  // one minute after its window
    };
    DeskTest::SetUp();
  }
};

TEST_F(DeskBookingTest, CheckInInsideTheWindowIssuesATicketForTheBookedService) {
  const auto ticket = desk->check_in_booking("7kq-2mo", "en");  // look-alike glyphs and lower case
  ASSERT_TRUE(ticket.ok()) << static_cast<int>(ticket.problem);
  EXPECT_EQ(ticket.value->number, "D001");
  EXPECT_EQ(ticket.value->service_id, "appointments");
  EXPECT_EQ(ticket.value->appointment_at, k_tuesday_10_oslo + 10min);
  const auto issued = events("ticket.issued");
  ASSERT_EQ(issued.size(), 1U);
  EXPECT_EQ(issued[0].at("booking_code"), "7KQ2M0");
  EXPECT_EQ(issued[0].at("number"), "D001");
}

TEST_F(DeskBookingTest, WindowEdgesAreInclusive) {
  EXPECT_EQ(number_of(desk->check_in_booking("B8C5DE21", "en")), "C001");
  EXPECT_EQ(desk->check_in_booking("M4RK3D", "en").problem, DeskProblem::booking_too_early);
  EXPECT_EQ(number_of(desk->check_in_booking("Q9W8E7", "en")), "D001");
  EXPECT_EQ(desk->check_in_booking("R5T6Y7", "en").problem, DeskProblem::booking_too_late);
}

TEST_F(DeskBookingTest, RefusalsNameWhatIsWrong) {
  EXPECT_EQ(desk->check_in_booking("H4XW9N", "en").problem, DeskProblem::booking_too_early);
  EXPECT_EQ(desk->check_in_booking("P3RT6VZ", "en").problem, DeskProblem::booking_too_late);
  EXPECT_EQ(desk->check_in_booking("ZZZZZZ", "en").problem, DeskProblem::booking_unknown);
  EXPECT_EQ(desk->check_in_booking("#!", "en").problem, DeskProblem::booking_unknown);
  EXPECT_EQ(desk->check_in_booking("", "en").problem, DeskProblem::booking_unknown);
  EXPECT_EQ(count("SELECT count(*) FROM tickets"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM outbox"), 0);
}

TEST_F(DeskBookingTest, ABookingIsUsedOnceEvenAfterReopening) {
  ASSERT_TRUE(desk->check_in_booking("7KQ2M0", "en").ok());
  const auto again = desk->check_in_booking("7KQ2M0", "en");
  EXPECT_FALSE(again.ok());
  EXPECT_EQ(again.problem, DeskProblem::booking_used);
  reopen();
  EXPECT_EQ(desk->check_in_booking("7kq2m0", "en").problem, DeskProblem::booking_used);
  EXPECT_EQ(count("SELECT count(*) FROM tickets"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM used_bookings"), 1);
}

TEST_F(DeskTest, ShippedSampleBookingsAreIn2030AndTooEarlyNow) {
  ASSERT_FALSE(content.bookings.empty());
  for (const auto& booking : content.bookings) {
    SCOPED_TRACE(booking.code);
    EXPECT_EQ(desk->check_in_booking(booking.code, "en").problem, DeskProblem::booking_too_early);
  }
}

}  // namespace
}  // namespace kiosk::app
