#pragma once
// The counter desk: what counter staff do with the queue (open/close a counter, call next, recall, put back,
// done, no-show, transfer), on the kiosk's store. It is the only writer of counter state; the counter link
// (the branch-LAN service of `branch-kiosk run`) calls it for every counter console, and the now-serving
// display reads its call log.
//
// Guarantees:
// - Never two counters calling one ticket, whatever the number of connections or processes on kiosk.db:
//   each action is one write transaction that re-reads the ticket and writes with a conditional update
//   (domain/counters/ticket_flow.hpp describes the rule); a lost race comes back as a CounterProblem.
// - Every call, serve, no-show and transfer writes its outbox event (domain/counters/events.hpp) in the
//   same transaction, and one row of the call log (calls and recalls) that the display shows.
// - Served tickets feed the wait estimates (store::TicketRepository::service_samples_since reads them).
// - Never throws: a store failure comes back as a problem with error `unavailable`.
//
// Not thread-safe: one thread at a time (the link serialises its requests onto one CounterDesk and one
// store connection of its own).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/counters/counter.hpp"
#include "domain/counters/ticket_flow.hpp"
#include "domain/event.hpp"

namespace kiosk::store {
class Database;
class Store;
}  // namespace kiosk::store
namespace kiosk::platform {
class Clock;
}

namespace kiosk::app {

// One line of the call log: what the now-serving display shows and chimes for.
struct CounterCall {
  std::int64_t seq = 0;  // increasing; the display asks for calls after the last seq it has shown
  std::string ticket_id;
  std::string number;  // as printed: "A007"
  std::string service_id;
  int counter = 0;
  domain::EventTime at{};
  bool recall = false;  // the same ticket called again

  friend bool operator==(const CounterCall&, const CounterCall&) = default;
};

// What a counter console shows.
struct CounterView {
  domain::counters::CounterState state;
  std::optional<domain::counters::TicketQueueEntry> current;  // the ticket this counter has called
  struct Waiting {
    std::string service_id;
    int waiting = 0;  // today's waiting tickets of the service
  };
  std::vector<Waiting> waiting;  // every catalog service, in catalog order
};

// Either a value or the reason it was refused. `unavailable` (the store failed) is the one error that is
// not a domain::counters::CounterError; message says what happened, for staff and logs.
template <class T>
struct CounterOutcome {
  std::optional<T> value;
  std::optional<domain::counters::CounterProblem> problem;
  bool unavailable = false;
  // Empty when ok; the problem's message when refused; what failed when unavailable.
  std::string message;
  bool ok() const { return value.has_value(); }
};

class CounterDesk {
 public:
  // `store`: a connection of the caller's thread. `clock`: UTC now. `known_service_ids`: the catalog's
  // service ids (open and transfer check against them). `time_zone`: the branch's IANA zone, for the
  // branch-local day that "today's tickets" means.
  CounterDesk(store::Store& store, const platform::Clock& clock, std::vector<std::string> known_service_ids,
              const std::string& time_zone);
  // The same on a bare connection, e.g. store::Store::open_secondary's for the link's own thread. An
  // unknown `time_zone` falls back to UTC (config validation refuses unknown zones first).
  CounterDesk(store::Database& connection, const platform::Clock& clock,
              std::vector<std::string> known_service_ids, const std::string& time_zone);
  ~CounterDesk();
  CounterDesk(const CounterDesk&) = delete;
  CounterDesk& operator=(const CounterDesk&) = delete;

  // The service list changes when head office sends a new catalog.
  void set_known_service_ids(std::vector<std::string> ids);
  // Told after every commit (on the caller's thread), e.g. to wake the sync thread for the new events.
  void set_commit_listener(std::function<void()> listener);

  CounterOutcome<CounterView> view(int counter) const;
  CounterOutcome<domain::counters::CounterState> open(int counter, std::vector<std::string> services);
  CounterOutcome<domain::counters::CounterState> close(int counter);
  CounterOutcome<domain::counters::TicketQueueEntry> call_next(int counter);
  CounterOutcome<domain::counters::TicketQueueEntry> recall(int counter);
  CounterOutcome<domain::counters::TicketQueueEntry> requeue(int counter);
  CounterOutcome<domain::counters::TicketQueueEntry> finish(int counter, domain::counters::Outcome outcome);
  CounterOutcome<domain::counters::Transfer> transfer(int counter, std::string to_service_id);

  // Calls after `after_seq`, oldest first, at most `limit`; with after_seq 0 the newest `limit` calls of
  // today (so a display that starts mid-day shows the last calls, not the first).
  std::vector<CounterCall> calls_after(std::int64_t after_seq, std::size_t limit) const;
  // Every counter that was ever opened, by number.
  std::vector<domain::counters::CounterState> counters() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::app
