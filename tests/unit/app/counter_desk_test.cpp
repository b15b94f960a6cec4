// app::CounterDesk on a real store: every action and refusal, the call order, transfers, the outbox events
// and the call log, and two connections racing for one queue.

#include "app/counter_desk.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "platform/clock.hpp"
#include "store/counter_repository.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"
#include "temp_dir.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using domain::counters::CounterError;
using domain::counters::CounterState;
using domain::counters::Outcome;
using domain::counters::TicketStatus;

// Tuesday 2026-11-24 10:00 Europe/Oslo (09:00 UTC).
const std::chrono::sys_seconds k_now{std::chrono::seconds{1795510800}};
constexpr std::string_view k_today = "2026-11-24";  // branch-local day of k_now in Oslo

domain::EventTime ms(std::chrono::sys_seconds at) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(at);
}

struct Event {
  std::string type;
  nlohmann::json data;
};

class CounterDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::OpenReport report;
    m_store = store::Store::open(m_dir / "kiosk.db", report);
    ASSERT_NE(m_store, nullptr) << report.message;
    m_desk = std::make_unique<CounterDesk>(*m_store, m_clock, m_services, "Europe/Oslo");
  }

  // A printed ticket of today, issued `minutes_ago` before now.
  std::string issue(const std::string& service, int number, int minutes_ago,
                    std::optional<std::string> booking = std::nullopt,
                    std::string day = std::string(k_today)) {
    store::TicketRow row;
    row.id = m_store->new_event_id(std::chrono::system_clock::now());
    row.service_id = service;
    row.local_day = std::move(day);
    row.number = number;
    row.display = std::string(service == "cash"    ? "A"
                              : service == "loans" ? "B"
                                                   : "C") +
                  (number < 10    ? "00"
                   : number < 100 ? "0"
                                  : "") +
                  std::to_string(number);
    row.language = "nb";
    row.booking_code = std::move(booking);
    row.issued_at = ms(k_now - std::chrono::minutes{minutes_ago});
    store::Transaction tx(m_store->database());
    store::TicketRepository(m_store->database()).insert(tx, row);
    tx.commit();
    m_numbers[row.id] = row.display;
    return row.id;
  }

  void open(int counter, std::vector<std::string> services) {
    const auto opened = m_desk->open(counter, std::move(services));
    ASSERT_TRUE(opened.ok()) << opened.message;
  }

  std::string call(int counter) {
    const auto called = m_desk->call_next(counter);
    EXPECT_TRUE(called.ok()) << called.message;
    return called.ok() ? called.value->number : std::string();
  }

  std::vector<Event> events() {
    std::vector<Event> out;
    for (const auto& row : m_store->outbox().read_pending(10000)) {
      out.push_back({row.event.type, nlohmann::json::parse(row.event.data_json)});
    }
    return out;
  }

  std::vector<Event> events_of(std::string_view type) {
    std::vector<Event> out;
    for (auto& event : events()) {
      if (event.type == type)
        out.push_back(std::move(event));
    }
    return out;
  }

  void advance(std::chrono::seconds by) { m_clock.advance(by); }

  kiosk::test::TempDir m_dir{"counter-desk"};
  platform::ManualClock m_clock{k_now};
  std::vector<std::string> m_services{"cash", "loans", "advice"};
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<CounterDesk> m_desk;  // after the store: destroyed first
  std::map<std::string, std::string> m_numbers;
};

TEST_F(CounterDeskTest, OpensChangesAndClosesACounter) {
  EXPECT_TRUE(m_desk->counters().empty());
  auto opened = m_desk->open(2, {"loans", "cash"});
  ASSERT_TRUE(opened.ok()) << opened.message;
  EXPECT_TRUE(opened.message.empty());
  EXPECT_EQ(*opened.value, (CounterState{2, true, {"loans", "cash"}}));
  opened = m_desk->open(2, {"advice"});  // an open counter changes its services
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened.value, (CounterState{2, true, {"advice"}}));
  ASSERT_TRUE(m_desk->open(1, {"cash"}).ok());

  const auto closed = m_desk->close(2);
  ASSERT_TRUE(closed.ok()) << closed.message;
  EXPECT_EQ(*closed.value, (CounterState{2, false, {"advice"}}));  // services kept for reopening
  const auto states = m_desk->counters();
  ASSERT_EQ(states.size(), 2U);
  EXPECT_EQ(states[0], (CounterState{1, true, {"cash"}}));
  EXPECT_EQ(states[1], (CounterState{2, false, {"advice"}}));

  // Closing a counter that was never opened is allowed and writes nothing.
  const auto never = m_desk->close(7);
  ASSERT_TRUE(never.ok());
  EXPECT_FALSE(never.value->open);
  EXPECT_EQ(m_desk->counters().size(), 2U);
  // The counter states are in the store, not in the desk.
  CounterDesk other(*m_store, m_clock, m_services, "Europe/Oslo");
  EXPECT_EQ(other.counters(), states);
  EXPECT_TRUE(events().empty());  // opening and closing are not head-office events
}

TEST_F(CounterDeskTest, OpeningRefusesBadServiceLists) {
  const auto empty = m_desk->open(1, {});
  ASSERT_TRUE(empty.problem);
  EXPECT_EQ(empty.problem->error, CounterError::no_services);
  EXPECT_FALSE(empty.unavailable);
  EXPECT_EQ(empty.message, empty.problem->message);
  const auto unknown = m_desk->open(1, {"cash", "mortgages"});
  ASSERT_TRUE(unknown.problem);
  EXPECT_EQ(unknown.problem->error, CounterError::unknown_service);
  EXPECT_NE(unknown.message.find("mortgages"), std::string::npos) << unknown.message;
  const auto twice = m_desk->open(1, {"cash", "cash"});
  ASSERT_TRUE(twice.problem);
  EXPECT_EQ(twice.problem->error, CounterError::duplicate_service);
  EXPECT_TRUE(m_desk->counters().empty());

  // A new catalog makes a new service known.
  m_desk->set_known_service_ids({"cash", "mortgages"});
  EXPECT_TRUE(m_desk->open(1, {"cash", "mortgages"}).ok());
}

TEST_F(CounterDeskTest, CallsAppointmentsFirstThenTheOldestAcrossTheCountersServices) {
  issue("cash", 1, 30);                              // A001
  issue("loans", 1, 40);                             // B001: the oldest walk-in
  issue("cash", 2, 10);                              // A002
  issue("loans", 2, 5, "BK-7");                      // B002: an appointment, checked in last
  issue("advice", 1, 50);                            // C001: not served at counter 1
  issue("cash", 3, 60, std::nullopt, "2026-11-23");  // yesterday's: not today's queue
  open(1, {"cash", "loans"});

  std::vector<std::string> order;
  for (int i = 0; i < 10; ++i) {
    const auto called = m_desk->call_next(1);
    if (!called.ok()) {
      ASSERT_TRUE(called.problem);
      EXPECT_EQ(called.problem->error, CounterError::queue_empty);
      break;
    }
    order.push_back(called.value->number);
    ASSERT_TRUE(m_desk->finish(1, Outcome::served).ok());
  }
  EXPECT_EQ(order, (std::vector<std::string>{"B002", "B001", "A001", "A002"}));
}

TEST_F(CounterDeskTest, CallNextRefusals) {
  issue("cash", 1, 5);
  issue("cash", 2, 4);
  auto never_opened = m_desk->call_next(3);
  ASSERT_TRUE(never_opened.problem);
  EXPECT_EQ(never_opened.problem->error, CounterError::counter_closed);

  open(1, {"cash"});
  EXPECT_EQ(call(1), "A001");
  const auto busy = m_desk->call_next(1);
  ASSERT_TRUE(busy.problem);
  EXPECT_EQ(busy.problem->error, CounterError::counter_busy);
  EXPECT_NE(busy.message.find("A001"), std::string::npos) << busy.message;

  const auto close_busy = m_desk->close(1);
  ASSERT_TRUE(close_busy.problem);
  EXPECT_EQ(close_busy.problem->error, CounterError::counter_busy);
  EXPECT_TRUE(m_desk->counters()[0].open);

  open(2, {"loans"});
  const auto nothing = m_desk->call_next(2);
  ASSERT_TRUE(nothing.problem);
  EXPECT_EQ(nothing.problem->error, CounterError::queue_empty);

  ASSERT_TRUE(m_desk->finish(1, Outcome::served).ok());
  ASSERT_TRUE(m_desk->close(1).ok());
  const auto closed = m_desk->call_next(1);
  ASSERT_TRUE(closed.problem);
  EXPECT_EQ(closed.problem->error, CounterError::counter_closed);
  // Refusals wrote nothing: one call, one serve.
  EXPECT_EQ(events_of("ticket.called").size(), 1U);
  EXPECT_EQ(events_of("ticket.served").size(), 1U);
}

TEST_F(CounterDeskTest, TwoCountersNeverCallTheSameTicket) {
  const auto only = issue("cash", 1, 5);
  open(1, {"cash"});
  open(2, {"cash", "loans"});
  const auto first = m_desk->call_next(1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value->ticket_id, only);
  EXPECT_EQ(first.value->counter, 1);
  const auto second = m_desk->call_next(2);
  ASSERT_TRUE(second.problem);
  EXPECT_EQ(second.problem->error, CounterError::queue_empty);
  // Counter 2 cannot finish, recall, put back or transfer counter 1's ticket.
  for (const auto& problem :
       {m_desk->finish(2, Outcome::served).problem, m_desk->finish(2, Outcome::no_show).problem,
        m_desk->recall(2).problem, m_desk->requeue(2).problem}) {
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->error, CounterError::not_called_here);
  }
  const auto moved = m_desk->transfer(2, "loans");
  ASSERT_TRUE(moved.problem);
  EXPECT_EQ(moved.problem->error, CounterError::not_called_here);
  const auto ticket = store::TicketRepository(m_store->database()).find(only);
  EXPECT_EQ(ticket->status, store::TicketStatus::called);
  EXPECT_EQ(ticket->counter, "1");
}

TEST_F(CounterDeskTest, RecallShowsTheTicketAgainWithoutAnEvent) {
  issue("cash", 1, 5);
  open(1, {"cash"});
  ASSERT_EQ(call(1), "A001");
  advance(30s);
  const auto recalled = m_desk->recall(1);
  ASSERT_TRUE(recalled.ok()) << recalled.message;
  EXPECT_EQ(recalled.value->number, "A001");
  EXPECT_EQ(recalled.value->status, TicketStatus::called);
  EXPECT_EQ(recalled.value->called_at, ms(k_now));  // the first call's time stays
  EXPECT_EQ(events_of("ticket.called").size(), 1U);
  const auto calls = m_desk->calls_after(0, 10);
  ASSERT_EQ(calls.size(), 2U);
  EXPECT_FALSE(calls[0].recall);
  EXPECT_TRUE(calls[1].recall);
  EXPECT_EQ(calls[1].number, "A001");
  EXPECT_EQ(calls[1].counter, 1);
  EXPECT_EQ(calls[1].at, ms(k_now + 30s));
}

TEST_F(CounterDeskTest, RequeueKeepsTheTicketsPlace) {
  issue("cash", 1, 20);
  issue("cash", 2, 10);
  open(1, {"cash"});
  open(2, {"cash"});
  ASSERT_EQ(call(1), "A001");
  const auto back = m_desk->requeue(1);
  ASSERT_TRUE(back.ok()) << back.message;
  EXPECT_EQ(back.value->status, TicketStatus::waiting);
  EXPECT_FALSE(back.value->counter);
  EXPECT_FALSE(back.value->called_at);
  EXPECT_EQ(back.value->issued_at, ms(k_now - 20min));
  // Still first in line, for any counter.
  EXPECT_EQ(call(2), "A001");
  const auto nothing = m_desk->requeue(1);
  ASSERT_TRUE(nothing.problem);
  EXPECT_EQ(nothing.problem->error, CounterError::not_called_here);
}

TEST_F(CounterDeskTest, DoneAndNoShowFinishTheTicketWithTheirEvents) {
  const auto first = issue("cash", 1, 10);
  const auto second = issue("loans", 1, 5, "BK-1");
  open(3, {"cash", "loans"});
  open(4, {"cash"});

  ASSERT_EQ(call(3), "B001");  // the appointment, at 10:00
  advance(7min + 30s);
  const auto served = m_desk->finish(3, Outcome::served);
  ASSERT_TRUE(served.ok()) << served.message;
  EXPECT_EQ(served.value->status, TicketStatus::served);
  ASSERT_EQ(call(3), "A001");  // at 10:07:30
  advance(2min);
  const auto gone = m_desk->finish(3, Outcome::no_show);
  ASSERT_TRUE(gone.ok()) << gone.message;
  EXPECT_EQ(gone.value->status, TicketStatus::no_show);
  const auto idle = m_desk->finish(3, Outcome::served);
  ASSERT_TRUE(idle.problem);
  EXPECT_EQ(idle.problem->error, CounterError::not_called_here);

  store::TicketRepository tickets(m_store->database());
  EXPECT_EQ(tickets.find(second)->status, store::TicketStatus::served);
  EXPECT_EQ(tickets.find(second)->served_at, ms(k_now + 7min + 30s));
  EXPECT_EQ(tickets.find(first)->status, store::TicketStatus::no_show);
  EXPECT_EQ(tickets.find(first)->done_at, ms(k_now + 9min + 30s));

  // Bodies worked out by hand: B001 waited 5 min (300 s) and took 450 s; A001 waited 17.5 min (1050 s)
  // and was marked absent 120 s after its call. Counters 3 and 4 both serve cash; only 3 serves loans.
  const auto evs = events();
  ASSERT_EQ(evs.size(), 4U);
  EXPECT_EQ(evs[0].type, "ticket.called");
  EXPECT_EQ(evs[0].data, (nlohmann::json{{"ticket_id", second},
                                         {"service_id", "loans"},
                                         {"number", "B001"},
                                         {"counter", 3},
                                         {"appointment", true},
                                         {"wait_seconds", 300},
                                         {"open_counters", 1}}));
  EXPECT_EQ(evs[1].type, "ticket.served");
  EXPECT_EQ(evs[1].data, (nlohmann::json{{"ticket_id", second},
                                         {"service_id", "loans"},
                                         {"number", "B001"},
                                         {"counter", 3},
                                         {"service_seconds", 450}}));
  EXPECT_EQ(evs[2].type, "ticket.called");
  EXPECT_EQ(evs[2].data["wait_seconds"], 1050);
  EXPECT_EQ(evs[2].data["open_counters"], 2);
  EXPECT_EQ(evs[2].data["appointment"], false);
  EXPECT_EQ(evs[3].type, "ticket.no_show");
  EXPECT_EQ(evs[3].data, (nlohmann::json{{"ticket_id", first},
                                         {"service_id", "cash"},
                                         {"number", "A001"},
                                         {"counter", 3},
                                         {"seconds_after_call", 120}}));
  // Served tickets feed the wait estimates.
  const auto samples = tickets.service_samples_since("loans", ms(k_now - 1h));
  ASSERT_EQ(samples.size(), 1U);
  EXPECT_EQ(samples[0].service_duration, 450s);
}

TEST_F(CounterDeskTest, TransferKeepsTheNumberAndThePlace) {
  const auto original = issue("cash", 1, 30);  // A001, 09:30
  issue("loans", 1, 20);                       // B001, 09:40: came later than A001
  open(1, {"cash"});
  open(2, {"loans"});
  ASSERT_EQ(call(1), "A001");
  advance(4min);

  const auto same = m_desk->transfer(1, "cash");
  ASSERT_TRUE(same.problem);
  EXPECT_EQ(same.problem->error, CounterError::same_service);
  const auto unknown = m_desk->transfer(1, "mortgages");
  ASSERT_TRUE(unknown.problem);
  EXPECT_EQ(unknown.problem->error, CounterError::unknown_service);

  const auto moved = m_desk->transfer(1, "loans");
  ASSERT_TRUE(moved.ok()) << moved.message;
  const auto& closed = moved.value->closed;
  const auto& created = moved.value->created;
  EXPECT_EQ(closed.ticket_id, original);
  EXPECT_EQ(closed.status, TicketStatus::transferred);
  EXPECT_EQ(created.status, TicketStatus::waiting);
  EXPECT_EQ(created.service_id, "loans");
  EXPECT_EQ(created.number, "A001");
  EXPECT_EQ(created.issued_at, ms(k_now - 30min));
  EXPECT_EQ(created.transferred_from, original);
  EXPECT_NE(created.ticket_id, original);

  store::TicketRepository tickets(m_store->database());
  EXPECT_EQ(tickets.find(original)->status, store::TicketStatus::transferred);
  EXPECT_EQ(tickets.find(original)->done_at, ms(k_now + 4min));
  const auto row = tickets.find(created.ticket_id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->display, "A001");
  EXPECT_EQ(row->number, 1);  // the same number as loans' own B001: allowed for a transfer
  EXPECT_EQ(row->service_id, "loans");
  EXPECT_EQ(row->local_day, k_today);
  EXPECT_EQ(row->issued_at, ms(k_now - 30min));
  EXPECT_EQ(row->transferred_from, original);
  EXPECT_EQ(tickets.waiting_count("loans", std::string(k_today)), 2);

  const auto transferred = events_of("ticket.transferred");
  ASSERT_EQ(transferred.size(), 1U);
  EXPECT_EQ(transferred[0].data, (nlohmann::json{{"ticket_id", original},
                                                 {"service_id", "cash"},
                                                 {"number", "A001"},
                                                 {"counter", 1},
                                                 {"to_service_id", "loans"},
                                                 {"new_ticket_id", created.ticket_id},
                                                 {"service_seconds", 240}}));

  // Counter 1 is free again; counter 2 calls the customer before B001, who came later.
  const auto free = m_desk->call_next(1);
  ASSERT_TRUE(free.problem);
  EXPECT_EQ(free.problem->error, CounterError::queue_empty);
  const auto next = m_desk->call_next(2);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value->ticket_id, created.ticket_id);
  EXPECT_EQ(next.value->number, "A001");
  const auto busy = m_desk->call_next(2);
  ASSERT_TRUE(busy.problem);
  EXPECT_EQ(busy.problem->error, CounterError::counter_busy);
  ASSERT_TRUE(m_desk->finish(2, Outcome::served).ok());
  EXPECT_EQ(call(2), "B001");
}

TEST_F(CounterDeskTest, ViewShowsStateCurrentTicketAndWaitingPerService) {
  issue("cash", 1, 10);
  issue("cash", 2, 9);
  issue("advice", 1, 8);
  const auto before = m_desk->view(5);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before.value->state, (CounterState{5, false, {}}));
  EXPECT_FALSE(before.value->current);

  open(5, {"cash"});
  ASSERT_EQ(call(5), "A001");
  const auto view = m_desk->view(5);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view.value->state, (CounterState{5, true, {"cash"}}));
  ASSERT_TRUE(view.value->current);
  EXPECT_EQ(view.value->current->number, "A001");
  ASSERT_EQ(view.value->waiting.size(), 3U);  // catalog order
  EXPECT_EQ(view.value->waiting[0].service_id, "cash");
  EXPECT_EQ(view.value->waiting[0].waiting, 1);
  EXPECT_EQ(view.value->waiting[1].service_id, "loans");
  EXPECT_EQ(view.value->waiting[1].waiting, 0);
  EXPECT_EQ(view.value->waiting[2].service_id, "advice");
  EXPECT_EQ(view.value->waiting[2].waiting, 1);
}

TEST_F(CounterDeskTest, CallLogListsCallsInOrder) {
  for (int n = 1; n <= 4; ++n)
    issue("cash", n, 20 - n);
  open(1, {"cash"});
  open(2, {"cash"});
  EXPECT_TRUE(m_desk->calls_after(0, 10).empty());
  ASSERT_EQ(call(1), "A001");
  advance(1s);
  ASSERT_EQ(call(2), "A002");
  advance(1s);
  ASSERT_TRUE(m_desk->recall(1).ok());
  advance(1s);
  ASSERT_TRUE(m_desk->finish(1, Outcome::served).ok());
  ASSERT_EQ(call(1), "A003");

  const auto all = m_desk->calls_after(0, 10);
  ASSERT_EQ(all.size(), 4U);
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    seen.push_back(all[i].number + "@" + std::to_string(all[i].counter) + (all[i].recall ? "r" : ""));
    if (i > 0) {
      EXPECT_GT(all[i].seq, all[i - 1].seq);
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"A001@1", "A002@2", "A001@1r", "A003@1"}));
  EXPECT_EQ(all[0].service_id, "cash");
  EXPECT_EQ(all[0].at, ms(k_now));

  // A display that starts mid-day gets the newest calls; then only what follows its last seq.
  const auto newest = m_desk->calls_after(0, 2);
  ASSERT_EQ(newest.size(), 2U);
  EXPECT_EQ(newest[0], all[2]);
  EXPECT_EQ(newest[1], all[3]);
  const auto after = m_desk->calls_after(all[1].seq, 1);
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0], all[2]);
  EXPECT_TRUE(m_desk->calls_after(all[3].seq, 10).empty());
}

TEST_F(CounterDeskTest, TheCallLogKeepsAWeek) {
  issue("cash", 1, 5);
  open(1, {"cash"});
  ASSERT_EQ(call(1), "A001");
  ASSERT_TRUE(m_desk->finish(1, Outcome::served).ok());
  advance(std::chrono::days{6});  // 2026-11-30: still within the week
  issue("cash", 1, 5, std::nullopt, "2026-11-30");
  ASSERT_EQ(call(1), "A001");
  ASSERT_TRUE(m_desk->finish(1, Outcome::served).ok());
  EXPECT_EQ(store::CounterRepository(m_store->database()).calls_after(0, 100).size(), 2U);
  advance(std::chrono::days{2});  // 2026-12-02: the first day is now more than a week back
  issue("cash", 1, 5, std::nullopt, "2026-12-02");
  ASSERT_EQ(call(1), "A001");
  const auto kept = store::CounterRepository(m_store->database()).calls_after(0, 100);
  ASSERT_EQ(kept.size(), 2U);
  EXPECT_EQ(kept[0].local_day, "2026-11-30");
  EXPECT_EQ(kept[1].local_day, "2026-12-02");
}

TEST_F(CounterDeskTest, CommitsAreAnnounced) {
  issue("cash", 1, 5);
  int commits = 0;
  m_desk->set_commit_listener([&] { ++commits; });
  open(1, {"cash"});
  ASSERT_EQ(call(1), "A001");
  EXPECT_EQ(commits, 2);
  EXPECT_FALSE(m_desk->call_next(1).ok());  // refused: nothing committed
  EXPECT_EQ(commits, 2);
}

TEST_F(CounterDeskTest, AStoreFailureIsUnavailableNotAnException) {
  issue("cash", 1, 5);
  open(1, {"cash"});
  store::Database read_only(m_dir / "kiosk.db", store::OpenMode::read_only);
  CounterDesk desk(read_only, m_clock, m_services, "Europe/Oslo");
  const auto called = desk.call_next(1);
  EXPECT_FALSE(called.ok());
  EXPECT_TRUE(called.unavailable);
  EXPECT_FALSE(called.problem);
  EXPECT_NE(called.message.find("counter 1"), std::string::npos) << called.message;
  const auto opened = desk.open(2, {"cash"});
  EXPECT_TRUE(opened.unavailable);
  // Nothing was written.
  EXPECT_EQ(store::TicketRepository(m_store->database()).waiting_count("cash", std::string(k_today)), 1);
  EXPECT_EQ(m_desk->counters().size(), 1U);
}

// Two threads, each with its own connection and desk, call next for different counters on the same
// services until the queue is empty: every ticket is called exactly once.
TEST_F(CounterDeskTest, TwoConnectionsRacingCallEveryTicketExactlyOnce) {
  constexpr int k_tickets = 200;
  {
    store::Transaction tx(m_store->database());
    store::TicketRepository tickets(m_store->database());
    for (int n = 1; n <= k_tickets; ++n) {
      store::TicketRow row;
      row.id = m_store->new_event_id(std::chrono::system_clock::now());
      row.service_id = n % 2 == 0 ? "cash" : "loans";
      row.local_day = std::string(k_today);
      row.number = n;
      row.display = (n % 2 == 0 ? "A" : "B") + std::to_string(n);
      row.language = "en";
      row.issued_at = ms(k_now - std::chrono::seconds{k_tickets - n});
      tickets.insert(tx, row);
    }
    tx.commit();
  }
  open(1, {"cash", "loans"});
  open(2, {"loans", "cash"});

  struct Worker {
    std::vector<std::string> called;
    std::vector<std::string> failures;
  };
  Worker workers[2];
  std::atomic<int> ready{0};
  auto work = [&](int counter, Worker& out) {
    try {
      store::Database connection = store::Store::open_secondary(m_dir / "kiosk.db");
      CounterDesk desk(connection, m_clock, m_services, "Europe/Oslo");
      ready.fetch_add(1);
      while (ready.load() < 2) {
        std::this_thread::yield();
      }
      for (int round = 0; round < 2 * k_tickets + 10; ++round) {  // bounded
        const auto called = desk.call_next(counter);
        if (!called.ok()) {
          if (called.problem && called.problem->error == CounterError::queue_empty)
            return;
          out.failures.push_back(called.message);
          continue;
        }
        out.called.push_back(called.value->ticket_id);
        const auto done = desk.finish(counter, Outcome::served);
        if (!done.ok())
          out.failures.push_back(done.message);
      }
      out.failures.push_back("queue never emptied");
    } catch (const std::exception& error) {
      out.failures.push_back(error.what());
    }
  };
  std::thread first(work, 1, std::ref(workers[0]));
  std::thread second(work, 2, std::ref(workers[1]));
  first.join();
  second.join();

  EXPECT_TRUE(workers[0].failures.empty()) << workers[0].failures.front();
  EXPECT_TRUE(workers[1].failures.empty()) << workers[1].failures.front();
  std::multiset<std::string> called(workers[0].called.begin(), workers[0].called.end());
  called.insert(workers[1].called.begin(), workers[1].called.end());
  const std::set<std::string> distinct(called.begin(), called.end());
  EXPECT_EQ(called.size(), static_cast<std::size_t>(k_tickets)) << "no ticket called twice";
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(k_tickets)) << "no ticket missed";

  // The store agrees: every ticket served once, one call event and one call log row per ticket.
  EXPECT_EQ(events_of("ticket.called").size(), static_cast<std::size_t>(k_tickets));
  EXPECT_EQ(events_of("ticket.served").size(), static_cast<std::size_t>(k_tickets));
  std::set<std::string> logged;
  for (const auto& call : store::CounterRepository(m_store->database()).calls_after(0, 1000))
    logged.insert(call.ticket_id);
  EXPECT_EQ(logged, distinct);
  store::Statement served(m_store->database(), "SELECT count(*) FROM tickets WHERE status = 'served'");
  ASSERT_TRUE(served.step());
  EXPECT_EQ(served.column_int(0), k_tickets);
}

}  // namespace
}  // namespace kiosk::app
