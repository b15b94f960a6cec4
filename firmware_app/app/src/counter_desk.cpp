// The counter desk: each action is one write transaction on the caller's connection. Transaction is
// BEGIN IMMEDIATE, so the write lock is held before the queue is read: two connections can never both read
// a ticket as waiting and both call it. Inside, the domain rule decides, a conditional update writes (and
// reports a lost race should one ever get through), then the outbox event and the call log row.

#include "app/counter_desk.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "desk_impl.hpp"
#include "domain/counters/call_order.hpp"
#include "domain/counters/console.hpp"
#include "domain/counters/events.hpp"
#include "domain/queue/ticket_numbering.hpp"
#include "domain/uuid.hpp"
#include "platform/clock.hpp"
#include "store/counter_repository.hpp"
#include "store/database.hpp"
#include "store/error.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::app {
namespace {

namespace counters = domain::counters;
using counters::CounterError;
using counters::CounterProblem;
using counters::CounterResult;
using counters::CounterState;
using counters::TicketQueueEntry;

// How far back the now-serving call log reaches (the display shows today only).
constexpr auto k_call_log_days = std::chrono::days{7};

const date::time_zone& zone_or_utc(const std::string& name) {
  try {
    return *date::locate_zone(name);
  } catch (const std::exception&) {
    spdlog::error("counter desk: unknown time zone '{}', using UTC", name);
    return *date::locate_zone("UTC");
  }
}

CounterState load_state(const store::CounterRepository& repo, int counter) {
  if (auto row = repo.counter_state(counter))
    return std::move(row->state);
  return CounterState{counter, false, {}};
}

std::vector<CounterState> all_states(const store::CounterRepository& repo) {
  std::vector<CounterState> states;
  for (auto& row : repo.counter_states())
    states.push_back(std::move(row.state));
  return states;
}

// The ticket `counter` has called, for the actions that need one.
CounterResult<TicketQueueEntry> current_of(int counter, const std::vector<TicketQueueEntry>& tickets) {
  const auto index = counters::current_ticket(counter, tickets);
  if (!index) {
    return CounterResult<TicketQueueEntry>::failure(CounterError::not_called_here,
                                                    fmt::format("counter {} has no called ticket", counter));
  }
  return CounterResult<TicketQueueEntry>::success(tickets[*index]);
}

// A conditional update changed nothing: another connection got there first. Re-reading the ticket and
// asking the rule again names what happened. Inside an IMMEDIATE transaction this cannot happen with our
// own writers; it guards against anything else that writes the file.
CounterProblem lost_race(const store::CounterRepository& repo, const std::string& ticket_id,
                         const std::function<std::optional<CounterProblem>(const TicketQueueEntry&)>& check) {
  if (auto now = repo.find_ticket(ticket_id)) {
    if (auto problem = check(*now))
      return std::move(*problem);
    return CounterProblem{CounterError::not_waiting,
                          "ticket " + now->number + " changed meanwhile; try again"};
  }
  return CounterProblem{CounterError::not_waiting, "ticket " + ticket_id + " no longer exists"};
}

CounterCall to_call(store::CounterCallRow row) {
  return CounterCall{row.seq,
                     std::move(row.ticket_id),
                     std::move(row.number),
                     std::move(row.service_id),
                     row.counter,
                     row.at,
                     row.recall};
}

}  // namespace

struct CounterDesk::Impl {
  Impl(store::Database& db_, const platform::Clock& clock_, std::vector<std::string> known_,
       const std::string& zone_name)
      : db(db_), clock(clock_), known(std::move(known_)), zone(zone_or_utc(zone_name)) {}

  store::Database& db;
  const platform::Clock& clock;
  std::vector<std::string> known;
  const date::time_zone& zone;
  domain::SystemRandomSource random;
  domain::UuidV7Generator ids{random};
  std::function<void()> committed;

  domain::EventTime now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.utc_now());
  }
  std::string local_day(domain::EventTime at) const {
    return iso_day(domain::queue::branch_local_day(std::chrono::floor<std::chrono::seconds>(at), zone));
  }
  std::string new_id(domain::EventTime at) { return ids.next(at).to_string(); }

  void append_event(store::Transaction& tx, counters::CounterEvent event, domain::EventTime at) {
    domain::EventRecord record;
    record.id = new_id(at);
    record.type = std::move(event.type);
    record.schema = 1;
    record.at = at;
    record.data_json = event.data.dump();
    store::Outbox(db).append(tx, record);
  }

  void log_call(store::Transaction& tx, const TicketQueueEntry& ticket, int counter, domain::EventTime at,
                bool recall) {
    store::CounterRepository calls(db);
    calls.append_call(
        tx, {0, ticket.ticket_id, ticket.number, ticket.service_id, counter, at, recall, local_day(at)});
    // The log would otherwise grow for as long as the kiosk runs; a week is kept for questions about it.
    calls.prune_calls_before(tx, local_day(at - k_call_log_days));
  }

  // One action: `work` runs in a write transaction and returns the domain's verdict; a refusal rolls
  // back, a success commits. Store failures come back as `unavailable`, never as an exception.
  template <class T, class Work>
  CounterOutcome<T> write(int counter, std::string_view what, Work&& work) {
    CounterOutcome<T> outcome;
    try {
      store::Transaction tx(db);
      CounterResult<T> result = work(tx);
      if (!result.ok()) {
        outcome.message = result.problem->message;
        outcome.problem = std::move(result.problem);
        return outcome;
      }
      tx.commit();
      outcome.value = std::move(result.value);
    } catch (const std::exception& error) {
      outcome.unavailable = true;
      outcome.message = fmt::format("counter {}: {} not stored: {}", counter, what, error.what());
      spdlog::error("{}", outcome.message);
      return outcome;
    }
    if (committed)
      committed();
    return outcome;
  }
};

CounterDesk::CounterDesk(store::Store& store, const platform::Clock& clock,
                         std::vector<std::string> known_service_ids, const std::string& time_zone)
    : CounterDesk(store.database(), clock, std::move(known_service_ids), time_zone) {}

CounterDesk::CounterDesk(store::Database& connection, const platform::Clock& clock,
                         std::vector<std::string> known_service_ids, const std::string& time_zone)
    : m_impl(std::make_unique<Impl>(connection, clock, std::move(known_service_ids), time_zone)) {}

CounterDesk::~CounterDesk() = default;

void CounterDesk::set_known_service_ids(std::vector<std::string> ids) {
  m_impl->known = std::move(ids);
}

void CounterDesk::set_commit_listener(std::function<void()> listener) {
  m_impl->committed = std::move(listener);
}

CounterOutcome<CounterView> CounterDesk::view(int counter) const {
  CounterOutcome<CounterView> outcome;
  try {
    const store::CounterRepository repo(m_impl->db);
    const auto tickets = repo.open_tickets(m_impl->local_day(m_impl->now()));
    CounterView view;
    view.state = load_state(repo, counter);
    if (const auto index = counters::current_ticket(counter, tickets))
      view.current = tickets[*index];
    for (const auto& service : m_impl->known) {
      const auto waiting = std::count_if(tickets.begin(), tickets.end(), [&](const TicketQueueEntry& t) {
        return t.status == counters::TicketStatus::waiting && t.service_id == service;
      });
      view.waiting.push_back({service, static_cast<int>(waiting)});
    }
    outcome.value = std::move(view);
  } catch (const std::exception& error) {
    outcome.unavailable = true;
    outcome.message = fmt::format("counter {}: view not read: {}", counter, error.what());
    spdlog::error("{}", outcome.message);
  }
  return outcome;
}

CounterOutcome<CounterState> CounterDesk::open(int counter, std::vector<std::string> services) {
  auto& impl = *m_impl;
  return impl.write<CounterState>(counter, "open", [&](store::Transaction& tx) {
    store::CounterRepository repo(impl.db);
    auto opened = counters::open_counter(load_state(repo, counter), std::move(services), impl.known);
    if (opened.ok()) {
      const auto now = impl.now();
      repo.save_counter_state(tx, {*opened.value, impl.local_day(now), now});
    }
    return opened;
  });
}

CounterOutcome<CounterState> CounterDesk::close(int counter) {
  auto& impl = *m_impl;
  return impl.write<CounterState>(counter, "close", [&](store::Transaction& tx) {
    store::CounterRepository repo(impl.db);
    const auto now = impl.now();
    const auto stored = repo.counter_state(counter);
    const CounterState state = stored ? stored->state : CounterState{counter, false, {}};
    auto closed = counters::close_counter(state, repo.open_tickets(impl.local_day(now)));
    // Closing a closed (or never opened) counter changes nothing, so nothing is written.
    if (closed.ok() && state.open)
      repo.save_counter_state(tx, {*closed.value, impl.local_day(now), now});
    return closed;
  });
}

CounterOutcome<TicketQueueEntry> CounterDesk::call_next(int counter) {
  auto& impl = *m_impl;
  return impl.write<TicketQueueEntry>(counter, "call", [&](store::Transaction& tx) {
    using Result = CounterResult<TicketQueueEntry>;
    store::CounterRepository repo(impl.db);
    const auto now = impl.now();
    const auto states = all_states(repo);
    const auto here =
        std::find_if(states.begin(), states.end(), [&](const auto& s) { return s.id == counter; });
    const CounterState state = here == states.end() ? CounterState{counter, false, {}} : *here;
    auto next = counters::call_next(state, repo.open_tickets(impl.local_day(now)), now);
    if (!next.ok())
      return Result::failure(std::move(*next.problem));
    const TicketQueueEntry& called = next.value->called;
    if (!repo.mark_called(tx, called.ticket_id, counter, now)) {
      return Result::failure(lost_race(repo, called.ticket_id, [&](const TicketQueueEntry& ticket) {
        return counters::check_call(state, ticket);
      }));
    }
    const int open_counters = counters::open_counters_serving(called.service_id, states);
    impl.append_event(tx, counters::ticket_called_event(called, counter, now, open_counters), now);
    impl.log_call(tx, called, counter, now, false);
    return Result::success(called);
  });
}

CounterOutcome<TicketQueueEntry> CounterDesk::recall(int counter) {
  auto& impl = *m_impl;
  return impl.write<TicketQueueEntry>(counter, "recall", [&](store::Transaction& tx) {
    store::CounterRepository repo(impl.db);
    const auto now = impl.now();
    auto current = current_of(counter, repo.open_tickets(impl.local_day(now)));
    if (!current.ok())
      return current;
    auto recalled = counters::recall_ticket(counter, *current.value);
    // No event (nothing head office counts changes); the display shows the ticket again.
    if (recalled.ok())
      impl.log_call(tx, *recalled.value, counter, now, true);
    return recalled;
  });
}

CounterOutcome<TicketQueueEntry> CounterDesk::requeue(int counter) {
  auto& impl = *m_impl;
  return impl.write<TicketQueueEntry>(counter, "requeue", [&](store::Transaction& tx) {
    using Result = CounterResult<TicketQueueEntry>;
    store::CounterRepository repo(impl.db);
    auto current = current_of(counter, repo.open_tickets(impl.local_day(impl.now())));
    if (!current.ok())
      return current;
    auto waiting = counters::requeue_ticket(counter, *current.value);
    if (waiting.ok() && !repo.mark_requeued(tx, waiting.value->ticket_id, counter)) {
      return Result::failure(lost_race(repo, waiting.value->ticket_id, [&](const TicketQueueEntry& ticket) {
        return counters::check_called_here(counter, ticket);
      }));
    }
    return waiting;
  });
}

CounterOutcome<TicketQueueEntry> CounterDesk::finish(int counter, counters::Outcome outcome) {
  auto& impl = *m_impl;
  const bool served = outcome == counters::Outcome::served;
  return impl.write<TicketQueueEntry>(counter, served ? "done" : "no-show", [&](store::Transaction& tx) {
    using Result = CounterResult<TicketQueueEntry>;
    store::CounterRepository repo(impl.db);
    const auto now = impl.now();
    auto current = current_of(counter, repo.open_tickets(impl.local_day(now)));
    if (!current.ok())
      return current;
    auto finished = counters::finish_ticket(counter, *current.value, outcome);
    if (!finished.ok())
      return finished;
    const TicketQueueEntry& ticket = *finished.value;
    if (!repo.mark_finished(tx, ticket.ticket_id, counter, ticket.status, now)) {
      return Result::failure(lost_race(repo, ticket.ticket_id, [&](const TicketQueueEntry& now_ticket) {
        return counters::check_called_here(counter, now_ticket);
      }));
    }
    const auto called_at = ticket.called_at.value_or(now);
    impl.append_event(tx,
                      served ? counters::ticket_served_event(ticket, counter, called_at, now)
                             : counters::ticket_no_show_event(ticket, counter, called_at, now),
                      now);
    return finished;
  });
}

CounterOutcome<counters::Transfer> CounterDesk::transfer(int counter, std::string to_service_id) {
  auto& impl = *m_impl;
  return impl.write<counters::Transfer>(counter, "transfer", [&](store::Transaction& tx) {
    using Result = CounterResult<counters::Transfer>;
    store::CounterRepository repo(impl.db);
    store::TicketRepository tickets(impl.db);
    const auto now = impl.now();
    const auto today = impl.local_day(now);
    auto current = current_of(counter, repo.open_tickets(today));
    if (!current.ok())
      return Result::failure(std::move(*current.problem));
    auto transfer = counters::transfer_ticket(counter, *current.value,
                                              {std::move(to_service_id), impl.new_id(now)}, impl.known);
    if (!transfer.ok())
      return transfer;
    const TicketQueueEntry& closed = transfer.value->closed;
    const TicketQueueEntry& created = transfer.value->created;
    auto original = tickets.find(closed.ticket_id);
    if (!original ||
        !repo.mark_finished(tx, closed.ticket_id, counter, counters::TicketStatus::transferred, now)) {
      return Result::failure(lost_race(repo, closed.ticket_id, [&](const TicketQueueEntry& ticket) {
        return counters::check_called_here(counter, ticket);
      }));
    }
    // The new entry is the same printed ticket waiting for another service: number, display, language and
    // issued_at (its place) are kept; it has no quote of its own and is not an appointment.
    store::TicketRow row;
    row.id = created.ticket_id;
    row.service_id = created.service_id;
    row.local_day = today;
    row.number = original->number;
    row.display = original->display;
    row.language = original->language;
    row.issued_at = original->issued_at;
    row.people_ahead = 0;
    row.quote_kind = store::QuoteKind::people_ahead_only;
    row.transferred_from = closed.ticket_id;
    tickets.insert(tx, row);
    impl.append_event(
        tx, counters::ticket_transferred_event(*transfer.value, counter, closed.called_at.value_or(now), now),
        now);
    return transfer;
  });
}

std::vector<CounterCall> CounterDesk::calls_after(std::int64_t after_seq, std::size_t limit) const {
  std::vector<CounterCall> calls;
  try {
    const store::CounterRepository repo(m_impl->db);
    auto rows = after_seq <= 0 ? repo.latest_calls(m_impl->local_day(m_impl->now()), limit)
                               : repo.calls_after(after_seq, limit);
    for (auto& row : rows)
      calls.push_back(to_call(std::move(row)));
  } catch (const std::exception& error) {
    spdlog::error("call log not read: {}", error.what());
  }
  return calls;
}

std::vector<CounterState> CounterDesk::counters() const {
  try {
    return all_states(store::CounterRepository(m_impl->db));
  } catch (const std::exception& error) {
    spdlog::error("counter states not read: {}", error.what());
    return {};
  }
}

}  // namespace kiosk::app
