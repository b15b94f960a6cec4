#include "store/counter_repository.hpp"

#include <gtest/gtest.h>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using domain::counters::TicketStatus;
using test_util::at_minutes;

constexpr std::string_view k_day = "2026-11-23";

class Counters : public test_util::RepoTest {
 protected:
  TicketRow issue(std::string id, std::string service, int number, std::string day = std::string(k_day),
                  std::optional<std::string> booking = std::nullopt) {
    TicketRow row;
    row.id = std::move(id);
    row.service_id = std::move(service);
    row.local_day = std::move(day);
    row.number = number;
    row.display = "A00" + std::to_string(number);
    row.language = "en";
    row.booking_code = std::move(booking);
    row.issued_at = at_minutes(number);
    Transaction tx(db());
    TicketRepository(db()).insert(tx, row);
    tx.commit();
    return row;
  }

  // The store opens in SetUp, after members are built, so the repository is made on demand.
  CounterRepository repo() { return CounterRepository(db()); }
};

TEST_F(Counters, OpenTicketsAreTodaysWaitingAndEveryCalledOne) {
  issue("w1", "cash", 1);
  issue("w2", "loans", 2, std::string(k_day), "BK-1");
  issue("old", "cash", 3, "2026-11-22");      // waiting since yesterday: not today's queue
  issue("oldcall", "cash", 4, "2026-11-22");  // called yesterday: still its counter's
  issue("done", "cash", 5);
  {
    Transaction tx(db());
    EXPECT_TRUE(repo().mark_called(tx, "oldcall", 4, at_minutes(30)));
    EXPECT_TRUE(repo().mark_called(tx, "done", 2, at_minutes(31)));
    EXPECT_TRUE(repo().mark_finished(tx, "done", 2, TicketStatus::served, at_minutes(40)));
    tx.commit();
  }
  auto open = repo().open_tickets(k_day);
  std::sort(open.begin(), open.end(), [](const auto& a, const auto& b) { return a.ticket_id < b.ticket_id; });
  ASSERT_EQ(open.size(), 3U);
  EXPECT_EQ(open[0].ticket_id, "oldcall");
  EXPECT_EQ(open[0].status, TicketStatus::called);
  EXPECT_EQ(open[0].counter, 4);
  EXPECT_EQ(open[0].called_at, at_minutes(30));
  EXPECT_EQ(open[1].ticket_id, "w1");
  EXPECT_EQ(open[1].number, "A001");
  EXPECT_EQ(open[1].issued_at, at_minutes(1));
  EXPECT_FALSE(open[1].is_appointment);
  EXPECT_FALSE(open[1].counter);
  EXPECT_EQ(open[2].ticket_id, "w2");
  EXPECT_TRUE(open[2].is_appointment);
  EXPECT_EQ(open[2].service_id, "loans");
}

TEST_F(Counters, ConditionalUpdatesChangeOnlyTheExpectedState) {
  issue("t1", "cash", 1);
  Transaction tx(db());
  EXPECT_FALSE(repo().mark_requeued(tx, "t1", 1));  // not called yet
  EXPECT_FALSE(repo().mark_finished(tx, "t1", 1, TicketStatus::served, at_minutes(2)));
  EXPECT_TRUE(repo().mark_called(tx, "t1", 1, at_minutes(2)));
  EXPECT_FALSE(repo().mark_called(tx, "t1", 2, at_minutes(3)));  // the race's loser changes nothing
  EXPECT_FALSE(repo().mark_requeued(tx, "t1", 2));               // another counter's ticket
  EXPECT_FALSE(repo().mark_finished(tx, "t1", 2, TicketStatus::no_show, at_minutes(3)));
  EXPECT_FALSE(repo().mark_called(tx, "missing", 1, at_minutes(3)));
  auto ticket = TicketRepository(db()).find("t1");
  EXPECT_EQ(ticket->status, store::TicketStatus::called);
  EXPECT_EQ(ticket->counter, "1");
  EXPECT_EQ(ticket->called_at, at_minutes(2));

  EXPECT_TRUE(repo().mark_requeued(tx, "t1", 1));
  ticket = TicketRepository(db()).find("t1");
  EXPECT_EQ(ticket->status, store::TicketStatus::waiting);
  EXPECT_FALSE(ticket->counter);
  EXPECT_FALSE(ticket->called_at);
  EXPECT_EQ(ticket->issued_at, at_minutes(1));

  EXPECT_TRUE(repo().mark_called(tx, "t1", 3, at_minutes(4)));
  EXPECT_TRUE(repo().mark_finished(tx, "t1", 3, TicketStatus::no_show, at_minutes(6)));
  EXPECT_FALSE(repo().mark_finished(tx, "t1", 3, TicketStatus::served, at_minutes(7)));
  ticket = TicketRepository(db()).find("t1");
  EXPECT_EQ(ticket->status, store::TicketStatus::no_show);
  EXPECT_EQ(ticket->counter, "3");  // kept for wait figures
  EXPECT_EQ(ticket->called_at, at_minutes(4));
  EXPECT_EQ(ticket->done_at, at_minutes(6));
  EXPECT_FALSE(ticket->served_at);
  EXPECT_THROW(repo().mark_finished(tx, "t1", 3, TicketStatus::waiting, at_minutes(7)),
               std::invalid_argument);
}

TEST_F(Counters, ServedAndTransferredStampTheirTimes) {
  issue("s", "cash", 1);
  issue("t", "cash", 2);
  Transaction tx(db());
  ASSERT_TRUE(repo().mark_called(tx, "s", 1, at_minutes(2)));
  ASSERT_TRUE(repo().mark_called(tx, "t", 2, at_minutes(3)));
  EXPECT_TRUE(repo().mark_finished(tx, "s", 1, TicketStatus::served, at_minutes(9)));
  EXPECT_TRUE(repo().mark_finished(tx, "t", 2, TicketStatus::transferred, at_minutes(8)));
  tx.commit();
  TicketRepository tickets(db());
  EXPECT_EQ(tickets.find("s")->served_at, at_minutes(9));
  EXPECT_EQ(tickets.find("s")->done_at, at_minutes(9));
  EXPECT_EQ(tickets.find("t")->status, store::TicketStatus::transferred);
  EXPECT_EQ(tickets.find("t")->done_at, at_minutes(8));
  // Served tickets feed the estimates.
  ASSERT_EQ(tickets.service_samples_since("cash", at_minutes(0)).size(), 1U);
  EXPECT_EQ(tickets.service_samples_since("cash", at_minutes(0))[0].service_duration,
            std::chrono::minutes{7});
}

TEST_F(Counters, WritesNeedATransaction) {
  Transaction tx(db());
  tx.commit();
  EXPECT_THROW(repo().mark_called(tx, "t1", 1, at_minutes(1)), std::logic_error);
}

TEST_F(Counters, CounterStatesAreSavedReplacedAndSurviveAReopen) {
  EXPECT_TRUE(repo().counter_states().empty());
  EXPECT_FALSE(repo().counter_state(3));
  EXPECT_FALSE(repo().any_counter_state_on(k_day));
  {
    Transaction tx(db());
    repo().save_counter_state(tx, {{3, true, {"loans", "cash"}}, std::string(k_day), at_minutes(1)});
    repo().save_counter_state(tx, {{1, true, {"cash"}}, "2026-11-22", at_minutes(-1440)});
    repo().save_counter_state(tx, {{3, false, {"loans", "cash"}}, std::string(k_day), at_minutes(5)});
    tx.commit();
  }
  reopen();
  const auto states = repo().counter_states();
  ASSERT_EQ(states.size(), 2U);
  EXPECT_EQ(states[0], (CounterStateRow{{1, true, {"cash"}}, "2026-11-22", at_minutes(-1440)}));
  EXPECT_EQ(states[1], (CounterStateRow{{3, false, {"loans", "cash"}}, std::string(k_day), at_minutes(5)}));
  EXPECT_EQ(repo().counter_state(3), states[1]);
  EXPECT_TRUE(repo().any_counter_state_on(k_day));
  EXPECT_FALSE(repo().any_counter_state_on("2026-11-24"));
}

TEST_F(Counters, CallLogReadsAfterASeqAndTheNewestOfADay) {
  std::vector<std::int64_t> seqs;
  {
    Transaction tx(db());
    seqs.push_back(repo().append_call(tx, {0, "y", "A009", "cash", 1, at_minutes(-60), false, "2026-11-22"}));
    for (int i = 1; i <= 4; ++i) {
      seqs.push_back(repo().append_call(tx, {0, "t" + std::to_string(i), "A00" + std::to_string(i), "cash", i,
                                             at_minutes(i), i == 4, std::string(k_day)}));
    }
    tx.commit();
  }
  ASSERT_EQ(seqs.size(), 5U);
  for (std::size_t i = 1; i < seqs.size(); ++i) {
    EXPECT_GT(seqs[i], seqs[i - 1]);
  }
  const auto after = repo().calls_after(seqs[1], 2);
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[0],
            (CounterCallRow{seqs[2], "t2", "A002", "cash", 2, at_minutes(2), false, std::string(k_day)}));
  EXPECT_EQ(after[1].ticket_id, "t3");
  EXPECT_EQ(repo().calls_after(seqs[0], 100).size(), 4U);
  EXPECT_TRUE(repo().calls_after(seqs[4], 100).empty());

  const auto latest = repo().latest_calls(k_day, 2);
  ASSERT_EQ(latest.size(), 2U);
  EXPECT_EQ(latest[0].ticket_id, "t3");  // oldest first
  EXPECT_EQ(latest[1].ticket_id, "t4");
  EXPECT_TRUE(latest[1].recall);
  EXPECT_EQ(repo().latest_calls("2026-11-22", 10).size(), 1U);
}

}  // namespace
}  // namespace kiosk::store
