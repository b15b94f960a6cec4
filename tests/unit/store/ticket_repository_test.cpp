#include "store/ticket_repository.hpp"

#include <gtest/gtest.h>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;
using test_util::at_minutes;

constexpr std::string_view k_day = "2026-11-23";

class Tickets : public test_util::RepoTest {
 protected:
  TicketRow make_ticket(std::string service, int number, std::string day = std::string(k_day)) {
    TicketRow row;
    row.id = m_store->new_event_id(std::chrono::system_clock::now());
    row.service_id = std::move(service);
    row.local_day = std::move(day);
    row.number = number;
    row.display = (row.service_id == "cash" ? "A" : "B") + std::string(number < 10 ? "00" : "0") +
                  std::to_string(number);
    row.language = "en";
    row.issued_at = at_minutes(number);
    row.people_ahead = number - 1;
    row.quote_kind = QuoteKind::range;
    row.quote_low_min = 5;
    row.quote_high_min = 10;
    return row;
  }

  TicketRow issue(std::string service, int number, std::string day = std::string(k_day)) {
    TicketRow row = make_ticket(std::move(service), number, std::move(day));
    Transaction tx(db());
    TicketRepository(db()).insert(tx, row);
    tx.commit();
    return row;
  }

  void set_status(const TicketRow& row, TicketStatus status, domain::EventTime at,
                  std::optional<std::string_view> counter = std::nullopt) {
    Transaction tx(db());
    EXPECT_TRUE(TicketRepository(db()).update_status(tx, row.id, status, at, counter));
    tx.commit();
  }
};

TEST_F(Tickets, CounterIsSavedAndLoadedInTheTransaction) {
  TicketRepository repo(db());
  {
    Transaction tx(db());
    EXPECT_FALSE(repo.load_counter(tx, "cash"));
    repo.save_counter(tx, {"cash", std::string(k_day), 1});
    repo.save_counter(tx, {"cash", std::string(k_day), 2});
    tx.commit();
  }
  {
    Transaction tx(db());
    repo.save_counter(tx, {"cash", "2026-11-24", 1});
    // Not committed: rolled back.
  }
  reopen();
  TicketRepository after(db());
  Transaction tx(db());
  const auto counter = after.load_counter(tx, "cash");
  ASSERT_TRUE(counter);
  EXPECT_EQ(counter->service_id, "cash");
  EXPECT_EQ(counter->local_day, k_day);
  EXPECT_EQ(counter->last_number, 2);
  EXPECT_FALSE(after.load_counter(tx, "loans"));
}

TEST_F(Tickets, InsertAndFindKeepEveryField) {
  TicketRow row = make_ticket("cash", 7);
  row.booking_code = "BK-123";
  row.quote_kind = QuoteKind::people_ahead_only;
  row.quote_low_min = 0;
  row.quote_high_min.reset();
  {
    Transaction tx(db());
    TicketRepository(db()).insert(tx, row);
    tx.commit();
  }
  const auto found = TicketRepository(db()).find(row.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->service_id, "cash");
  EXPECT_EQ(found->local_day, k_day);
  EXPECT_EQ(found->number, 7);
  EXPECT_EQ(found->display, "A007");
  EXPECT_EQ(found->language, "en");
  EXPECT_EQ(found->booking_code, "BK-123");
  EXPECT_EQ(found->issued_at, row.issued_at);
  EXPECT_EQ(found->people_ahead, 6);
  EXPECT_EQ(found->quote_kind, QuoteKind::people_ahead_only);
  EXPECT_FALSE(found->quote_high_min);
  EXPECT_EQ(found->status, TicketStatus::waiting);
  EXPECT_FALSE(found->called_at);
  EXPECT_FALSE(found->counter);
  EXPECT_FALSE(TicketRepository(db()).find("nope"));
}

TEST_F(Tickets, ANumberIsNeverIssuedTwiceForOneServiceAndDay) {
  issue("cash", 1);
  issue("loans", 1);               // another service may use the same number
  issue("cash", 1, "2026-11-24");  // and so may another day
  Transaction tx(db());
  try {
    TicketRepository(db()).insert(tx, make_ticket("cash", 1));
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::constraint);
  }
}

TEST_F(Tickets, BadRowsAreRefused) {
  Transaction tx(db());
  TicketRepository repo(db());
  TicketRow zero = make_ticket("cash", 1);
  zero.number = 0;
  EXPECT_THROW(repo.insert(tx, zero), StoreError);
  TicketRow bad_day = make_ticket("cash", 2, "23.11.2026");
  EXPECT_THROW(repo.insert(tx, bad_day), StoreError);
}

TEST_F(Tickets, BookingCodeCanBeUsedOnce) {
  const TicketRow first = issue("cash", 1);
  const TicketRow second = issue("cash", 2);
  TicketRepository repo(db());
  {
    Transaction tx(db());
    EXPECT_TRUE(repo.mark_booking_used(tx, "BK-9", first.id, at_minutes(1)));
    EXPECT_FALSE(repo.mark_booking_used(tx, "BK-9", second.id, at_minutes(2)));
    tx.commit();
  }
  const auto used = repo.find_used_booking("BK-9");
  ASSERT_TRUE(used);
  EXPECT_EQ(used->ticket_id, first.id);
  EXPECT_EQ(used->used_at, at_minutes(1));
  EXPECT_FALSE(repo.find_used_booking("BK-10"));
}

TEST_F(Tickets, WaitingCountAndPeopleAheadFollowTheQueue) {
  const TicketRow a1 = issue("cash", 1);
  const TicketRow a2 = issue("cash", 2);
  const TicketRow a3 = issue("cash", 3);
  issue("loans", 1);
  issue("cash", 1, "2026-11-22");
  TicketRepository repo(db());
  EXPECT_EQ(repo.waiting_count("cash", k_day), 3);
  EXPECT_EQ(repo.waiting_count("loans", k_day), 1);
  EXPECT_EQ(repo.waiting_count("cash", "2026-11-24"), 0);
  EXPECT_EQ(repo.people_ahead(a3.id), 2);
  EXPECT_EQ(repo.next_waiting("cash", k_day)->id, a1.id);

  set_status(a1, TicketStatus::called, at_minutes(10), "counter-1");
  EXPECT_EQ(repo.waiting_count("cash", k_day), 2);
  EXPECT_EQ(repo.people_ahead(a3.id), 1);
  EXPECT_EQ(repo.people_ahead(a1.id), 0);
  EXPECT_EQ(repo.next_waiting("cash", k_day)->id, a2.id);
  EXPECT_FALSE(repo.people_ahead("unknown"));

  // Recall back to the queue clears the call.
  set_status(a1, TicketStatus::waiting, at_minutes(11));
  const auto recalled = repo.find(a1.id);
  EXPECT_EQ(recalled->status, TicketStatus::waiting);
  EXPECT_FALSE(recalled->called_at);
  EXPECT_FALSE(recalled->counter);
  EXPECT_EQ(repo.people_ahead(a3.id), 2);
}

TEST_F(Tickets, StatusChangesStampTheirTimes) {
  const TicketRow t = issue("cash", 1);
  set_status(t, TicketStatus::called, at_minutes(10), "counter-2");
  set_status(t, TicketStatus::served, at_minutes(16));
  const auto row = TicketRepository(db()).find(t.id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->status, TicketStatus::served);
  EXPECT_EQ(row->called_at, at_minutes(10));
  EXPECT_EQ(row->served_at, at_minutes(16));
  EXPECT_EQ(row->done_at, at_minutes(16));
  EXPECT_EQ(row->counter, "counter-2");

  const TicketRow gone = issue("cash", 2);
  set_status(gone, TicketStatus::no_show, at_minutes(30));
  const auto no_show = TicketRepository(db()).find(gone.id);
  EXPECT_EQ(no_show->status, TicketStatus::no_show);
  EXPECT_EQ(no_show->done_at, at_minutes(30));
  EXPECT_FALSE(no_show->served_at);

  Transaction tx(db());
  EXPECT_FALSE(TicketRepository(db()).update_status(tx, "unknown", TicketStatus::called, at_minutes(1)));
}

TEST_F(Tickets, FindByDisplayOnADay) {
  const TicketRow today = issue("cash", 7);
  issue("cash", 7, "2026-11-22");
  TicketRepository repo(db());
  const auto found = repo.find_by_display(k_day, "A007");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, today.id);
  EXPECT_FALSE(repo.find_by_display(k_day, "A008"));
  EXPECT_FALSE(repo.find_by_display("2026-11-21", "A007"));
}

TEST_F(Tickets, ServiceSamplesGiveDurationsAndBusyCounters) {
  const TicketRow t1 = issue("cash", 1);
  const TicketRow t2 = issue("cash", 2);
  const TicketRow t3 = issue("cash", 3);
  const TicketRow t4 = issue("cash", 4);
  const TicketRow other = issue("loans", 1);
  set_status(t1, TicketStatus::called, at_minutes(10), "c1");
  set_status(t2, TicketStatus::called, at_minutes(12), "c2");  // while c1 is still busy
  set_status(t1, TicketStatus::served, at_minutes(17));
  set_status(t2, TicketStatus::served, at_minutes(20));
  set_status(t3, TicketStatus::called, at_minutes(30), "c1");  // alone again
  set_status(t3, TicketStatus::served, at_minutes(33));
  set_status(t4, TicketStatus::called, at_minutes(40), "c1");
  set_status(t4, TicketStatus::no_show, at_minutes(42));  // not a service
  set_status(other, TicketStatus::called, at_minutes(12), "c9");
  set_status(other, TicketStatus::served, at_minutes(50));

  TicketRepository repo(db());
  const auto samples = repo.service_samples_since("cash", at_minutes(0));
  ASSERT_EQ(samples.size(), 3U);
  EXPECT_EQ(samples[0].called_at, at_minutes(10));
  EXPECT_EQ(samples[0].service_duration, 7min);
  EXPECT_EQ(samples[0].open_counters, 1);
  EXPECT_EQ(samples[1].called_at, at_minutes(12));
  EXPECT_EQ(samples[1].service_duration, 8min);
  EXPECT_EQ(samples[1].open_counters, 2);
  EXPECT_EQ(samples[2].service_duration, 3min);
  EXPECT_EQ(samples[2].open_counters, 1);
  EXPECT_EQ(repo.service_samples_since("cash", at_minutes(11)).size(), 2U);
  EXPECT_TRUE(repo.service_samples_since("cards", at_minutes(0)).empty());
}

TEST_F(Tickets, QuoteOutcomesCompareTheQuoteWithTheWait) {
  const TicketRow t1 = issue("cash", 1);  // issued at minute 1
  const TicketRow t2 = issue("loans", 2);
  issue("cash", 3);  // never called
  set_status(t1, TicketStatus::called, at_minutes(9), "c1");
  set_status(t2, TicketStatus::called, at_minutes(30), "c2");
  TicketRepository repo(db());
  auto rows = repo.quote_outcomes_since("cash", at_minutes(0));
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].ticket_id, t1.id);
  EXPECT_EQ(rows[0].quote_kind, QuoteKind::range);
  EXPECT_EQ(rows[0].quote_low_min, 5);
  EXPECT_EQ(rows[0].quote_high_min, 10);
  EXPECT_EQ(rows[0].actual_wait, 8min);
  rows = repo.quote_outcomes_since("", at_minutes(0));
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].ticket_id, t2.id);
  EXPECT_EQ(rows[1].actual_wait, 28min);
}

TEST(TicketNames, StatusAndQuoteNamesRoundTrip) {
  for (const auto status : {TicketStatus::waiting, TicketStatus::called, TicketStatus::served,
                            TicketStatus::no_show, TicketStatus::transferred, TicketStatus::cancelled}) {
    EXPECT_EQ(parse_ticket_status(to_string(status)), status);
  }
  for (const auto kind : {QuoteKind::range, QuoteKind::people_ahead_only, QuoteKind::no_wait}) {
    EXPECT_EQ(parse_quote_kind(to_string(kind)), kind);
  }
  EXPECT_FALSE(parse_ticket_status("Waiting"));
  EXPECT_FALSE(parse_quote_kind(""));
}

}  // namespace
}  // namespace kiosk::store
