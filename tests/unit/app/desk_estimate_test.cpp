// The wait printed on a ticket divides by the counters open for its service: the counter consoles' states
// once any changed today, the catalog's counters before that. Worked out by hand from 20 served cash
// tickets of 6 minutes each (one counter busy at a time) and 3 people ahead:
//   catalog, cash lists counters 1 and 2:  3 x 6 / 2 = 9 min  -> "9-9"
//   one console open for cash:             3 x 6 / 1 = 18 min -> "15-20" (from 10 min on, steps of 5)
//   consoles open today, none for cash:    no time, only "3 people ahead"

#include "app/counter_desk.hpp"
#include "desk_test.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using test_support::DeskTest;
using test_support::k_tuesday_10_oslo;

const std::vector<std::string> k_service_ids{"cash", "accounts", "loans", "appointments"};

class DeskEstimateTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    store::Transaction tx(store->database());
    store::TicketRepository tickets(store->database());
    for (int n = 1; n <= 20; ++n) {
      const auto called =
          std::chrono::time_point_cast<std::chrono::milliseconds>(k_tuesday_10_oslo - std::chrono::hours{n});
      store::TicketRow row;
      row.id = store->new_event_id(std::chrono::system_clock::now());
      row.service_id = "cash";
      row.local_day = "2026-11-23";
      row.number = 100 + n;
      row.display = "A" + std::to_string(100 + n);
      row.language = "en";
      row.issued_at = called - 10min;
      row.status = store::TicketStatus::served;
      row.called_at = called;
      row.served_at = called + 6min;
      row.done_at = called + 6min;
      row.counter = "1";
      tickets.insert(tx, row);
    }
    tx.commit();
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE(desk->issue_ticket("cash", "en").ok());
  }

  IssuedTicket fourth() {
    auto issued = desk->issue_ticket("cash", "en");
    EXPECT_TRUE(issued.ok());
    EXPECT_EQ(issued.value->people_ahead, 3);
    return *issued.value;
  }

  int open_counters_in_event() { return events("ticket.issued").back().at("open_counters").get<int>(); }
};

TEST_F(DeskEstimateTest, WithoutCounterStatesEveryCatalogCounterCounts) {
  const auto ticket = fourth();
  EXPECT_EQ(ticket.wait.kind, QuotedWait::Kind::range);
  EXPECT_EQ(ticket.wait.low_minutes, 9);
  EXPECT_EQ(ticket.wait.high_minutes, 9);
  EXPECT_EQ(open_counters_in_event(), 2);
}

TEST_F(DeskEstimateTest, OneConsoleOpenForTheServiceHalvesThePace) {
  CounterDesk counters(*store, clock, k_service_ids, config.kiosk.time_zone);
  ASSERT_TRUE(counters.open(1, {"cash", "loans"}).ok());
  ASSERT_TRUE(counters.open(2, {"loans"}).ok());
  const auto ticket = fourth();
  EXPECT_EQ(ticket.wait.kind, QuotedWait::Kind::range);
  EXPECT_EQ(ticket.wait.low_minutes, 15);
  EXPECT_EQ(ticket.wait.high_minutes, 20);
  EXPECT_EQ(open_counters_in_event(), 1);
}

TEST_F(DeskEstimateTest, NobodyServingTheServiceGivesNoTime) {
  CounterDesk counters(*store, clock, k_service_ids, config.kiosk.time_zone);
  ASSERT_TRUE(counters.open(1, {"loans"}).ok());
  ASSERT_TRUE(counters.open(2, {"cash"}).ok());
  ASSERT_TRUE(counters.close(2).ok());
  const auto ticket = fourth();
  EXPECT_EQ(ticket.wait.kind, QuotedWait::Kind::people_ahead_only);
  EXPECT_EQ(open_counters_in_event(), 0);
}

TEST_F(DeskEstimateTest, CounterStatesFromAnotherDayAreNotTrusted) {
  // Counter 1 was opened for cash alone yesterday and nothing changed today: the catalog counts again.
  platform::ManualClock yesterday{k_tuesday_10_oslo - 24h};
  CounterDesk counters(*store, yesterday, k_service_ids, config.kiosk.time_zone);
  ASSERT_TRUE(counters.open(1, {"cash"}).ok());
  const auto ticket = fourth();
  EXPECT_EQ(ticket.wait.low_minutes, 9);
  EXPECT_EQ(ticket.wait.high_minutes, 9);
  EXPECT_EQ(open_counters_in_event(), 2);
}

}  // namespace
}  // namespace kiosk::app
