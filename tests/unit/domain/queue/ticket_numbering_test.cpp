#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <stdexcept>
#include <string>

#include "domain/queue/ticket_numbering.hpp"
#include "queue_test_support.hpp"

namespace kiosk::domain::queue {
namespace {

using namespace std::chrono_literals;
using test::day;
using test::oslo;
using test::utc;

TEST(BranchLocalDay, FollowsTheBranchZoneNotUtc) {
  // Winter, UTC+1: the branch day changes at 23:00 UTC.
  EXPECT_EQ(branch_local_day(utc(2026, 11, 23, 22, 59, 59), oslo()), day(2026, 11, 23));
  EXPECT_EQ(branch_local_day(utc(2026, 11, 23, 23, 0), oslo()), day(2026, 11, 24));
  // Summer, UTC+2: at 22:00 UTC.
  EXPECT_EQ(branch_local_day(utc(2026, 6, 30, 21, 59, 59), oslo()), day(2026, 6, 30));
  EXPECT_EQ(branch_local_day(utc(2026, 6, 30, 22, 0), oslo()), day(2026, 7, 1));
  // Year end.
  EXPECT_EQ(branch_local_day(utc(2026, 12, 31, 23, 0), oslo()), day(2027, 1, 1));
  // Both DST change days start at local midnight in the offset in force before the change.
  EXPECT_EQ(branch_local_day(utc(2026, 3, 28, 23, 0), oslo()), day(2026, 3, 29));
  EXPECT_EQ(branch_local_day(utc(2026, 3, 29, 21, 59, 59), oslo()), day(2026, 3, 29));
  EXPECT_EQ(branch_local_day(utc(2026, 10, 24, 22, 0), oslo()), day(2026, 10, 25));
  EXPECT_EQ(branch_local_day(utc(2026, 10, 25, 22, 59, 59), oslo()), day(2026, 10, 25));
}

TEST(NextTicket, StartsAtOneAndCounts) {
  const auto monday = day(2026, 11, 23);
  TicketCounter counter = next_ticket(std::nullopt, monday);
  EXPECT_EQ(counter, (TicketCounter{monday, 1}));
  counter = next_ticket(counter, monday);
  counter = next_ticket(counter, monday);
  EXPECT_EQ(counter, (TicketCounter{monday, 3}));
}

TEST(NextTicket, RestartsOnANewBranchDay) {
  TicketCounter counter{day(2026, 11, 23), 57};
  EXPECT_EQ(next_ticket(counter, day(2026, 11, 24)), (TicketCounter{day(2026, 11, 24), 1}));
  // Days with no tickets in between do not matter.
  EXPECT_EQ(next_ticket(counter, day(2026, 12, 1)), (TicketCounter{day(2026, 12, 1), 1}));
}

TEST(NextTicket, ClockGoingBackKeepsCountingOnTheLaterDay) {
  const TicketCounter counter{day(2026, 11, 24), 12};
  // The clock is corrected back to Monday evening: Tuesday stays the day, numbers go on.
  EXPECT_EQ(next_ticket(counter, day(2026, 11, 23)), (TicketCounter{day(2026, 11, 24), 13}));
  EXPECT_EQ(next_ticket(counter, day(2025, 1, 1)), (TicketCounter{day(2026, 11, 24), 13}));
}

TEST(NextTicket, RestartResumesFromTheStoredCounter) {
  // What the store saved before power loss is passed back in; numbering continues.
  const TicketCounter stored{day(2026, 11, 23), 41};
  EXPECT_EQ(next_ticket(stored, day(2026, 11, 23)).last_number, 42);
  // Damaged stored data never yields a number below 1.
  EXPECT_EQ(next_ticket(TicketCounter{day(2026, 11, 23), -5}, day(2026, 11, 23)).last_number, 1);
}

TEST(NextTicket, RefusesToWrapAround) {
  const TicketCounter full{day(2026, 11, 23), std::numeric_limits<int>::max()};
  EXPECT_THROW(next_ticket(full, day(2026, 11, 23)), std::overflow_error);
  EXPECT_EQ(next_ticket(full, day(2026, 11, 24)), (TicketCounter{day(2026, 11, 24), 1}));
}

// Issues one ticket every `step` from `from` to `to` with the clock as given; returns the formatted numbers.
std::vector<std::string> issue_over(std::chrono::sys_seconds from, std::chrono::sys_seconds to,
                                    std::chrono::seconds step, std::optional<TicketCounter>& counter) {
  std::vector<std::string> issued;
  for (auto now = from; now <= to; now += step) {
    counter = next_ticket(counter, branch_local_day(now, oslo()));
    issued.push_back(format_ticket_number("A", counter->last_number));
  }
  return issued;
}

TEST(NextTicket, AcrossLocalMidnight) {
  std::optional<TicketCounter> counter;
  // Every 20 minutes from 22:00 to 00:40 Oslo time (21:00-23:40 UTC).
  const auto issued = issue_over(utc(2026, 11, 23, 21, 0), utc(2026, 11, 23, 23, 40), 20min, counter);
  EXPECT_EQ(issued, (std::vector<std::string>{"A001", "A002", "A003", "A004", "A005", "A006", "A001", "A002",
                                              "A003"}));
  EXPECT_EQ(counter->day, day(2026, 11, 24));
}

TEST(NextTicket, TheLongAutumnNightIsOneDay) {
  // 25 October 2026 has 25 hours; one ticket every 30 minutes through it never restarts and never repeats.
  std::optional<TicketCounter> counter;
  const auto issued = issue_over(utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 22, 59), 30min, counter);
  ASSERT_EQ(issued.size(), 50u);
  EXPECT_EQ(issued.front(), "A001");
  EXPECT_EQ(issued.back(), "A050");
  EXPECT_EQ(std::set<std::string>(issued.begin(), issued.end()).size(), issued.size());
  EXPECT_EQ(next_ticket(counter, branch_local_day(utc(2026, 10, 25, 23, 0), oslo())).last_number, 1);
}

TEST(NextTicket, TheShortSpringNightIsOneDay) {
  std::optional<TicketCounter> counter;
  const auto issued = issue_over(utc(2026, 3, 28, 23, 0), utc(2026, 3, 29, 21, 59), 1h, counter);
  ASSERT_EQ(issued.size(), 23u);
  EXPECT_EQ(issued.back(), "A023");
  EXPECT_EQ(next_ticket(counter, branch_local_day(utc(2026, 3, 29, 22, 0), oslo())).last_number, 1);
}

TEST(NextTicket, ClockJumpingBackAcrossMidnightNeverRepeats) {
  std::optional<TicketCounter> counter;
  auto issued = issue_over(utc(2026, 11, 23, 22, 30), utc(2026, 11, 23, 23, 30), 15min, counter);
  // Tuesday 00:30 local; now the clock is set back to Monday 23:40 and tickets continue.
  const auto after = issue_over(utc(2026, 11, 23, 22, 40), utc(2026, 11, 23, 23, 10), 10min, counter);
  EXPECT_EQ(issued, (std::vector<std::string>{"A001", "A002", "A001", "A002", "A003"}));
  EXPECT_EQ(after, (std::vector<std::string>{"A004", "A005", "A006", "A007"}));
  EXPECT_EQ(counter->day, day(2026, 11, 24));
}

TEST(FormatTicketNumber, PadsToThreeDigits) {
  EXPECT_EQ(format_ticket_number("A", 1), "A001");
  EXPECT_EQ(format_ticket_number("A", 42), "A042");
  EXPECT_EQ(format_ticket_number("D", 999), "D999");
  EXPECT_EQ(format_ticket_number("A", 1000), "A1000");
  EXPECT_EQ(format_ticket_number("BC", 12345), "BC12345");
  EXPECT_EQ(format_ticket_number("A", 0), "A000");
  EXPECT_EQ(format_ticket_number("A", -7), "A000");
}

}  // namespace
}  // namespace kiosk::domain::queue
