#pragma once
// The counter console's tables: today's queue as the counter rules see it (tickets), counter states
// (counter_states) and the now-serving display's call log (counter_calls). app::CounterDesk is the one
// writer; the estimates and the dashboard read counter states.
//
// Ticket changes are conditional updates that say whether a row changed: a counter that lost a race to
// another connection finds nothing to update and reports it, instead of overwriting the winner. Writes take
// the caller's Transaction (a BEGIN IMMEDIATE one, so the reads before them already hold the write lock).
// Instants are UTC milliseconds; local_day is the branch-local "YYYY-MM-DD".

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/counters/counter.hpp"
#include "domain/event.hpp"

namespace kiosk::store {

class Database;
class Transaction;

struct CounterStateRow {
  domain::counters::CounterState state;
  std::string local_day;  // branch-local day of the last change
  domain::EventTime updated_at{};

  friend bool operator==(const CounterStateRow&, const CounterStateRow&) = default;
};

// One line of the call log.
struct CounterCallRow {
  std::int64_t seq = 0;  // assigned by append_call; never reused
  std::string ticket_id;
  std::string number;  // as printed: "A007"
  std::string service_id;
  int counter = 0;
  domain::EventTime at{};
  bool recall = false;
  std::string local_day;

  friend bool operator==(const CounterCallRow&, const CounterCallRow&) = default;
};

class CounterRepository {
 public:
  explicit CounterRepository(Database& db) : m_db(db) {}

  // The queue as the counter rules need it: tickets of `local_day` that are waiting, plus every called
  // ticket whatever its day (a ticket called before midnight is still its counter's to finish). A ticket
  // with a booking code is an appointment; the counter number is read from tickets.counter (decimal text;
  // anything else reads as no counter). In no particular order.
  std::vector<domain::counters::TicketQueueEntry> open_tickets(std::string_view local_day) const;
  // One ticket in any status, or nullopt.
  std::optional<domain::counters::TicketQueueEntry> find_ticket(std::string_view ticket_id) const;

  // waiting -> called by `counter` at `at`. False when the ticket is not waiting (or does not exist).
  bool mark_called(Transaction& tx, std::string_view ticket_id, int counter, domain::EventTime at);
  // called by `counter` -> waiting, its call cleared (issued_at, so its place, kept). False otherwise.
  bool mark_requeued(Transaction& tx, std::string_view ticket_id, int counter);
  // called by `counter` -> `status` (served: served_at and done_at; no_show, transferred: done_at), counter
  // and called_at kept for wait figures. False when the ticket is not called by `counter`. `status` must be
  // served, no_show or transferred (std::invalid_argument otherwise).
  bool mark_finished(Transaction& tx, std::string_view ticket_id, int counter,
                     domain::counters::TicketStatus status, domain::EventTime at);

  // Every counter ever opened, by number.
  std::vector<CounterStateRow> counter_states() const;
  std::optional<CounterStateRow> counter_state(int counter) const;
  // Inserts or replaces the row of row.state.id.
  void save_counter_state(Transaction& tx, const CounterStateRow& row);
  // Whether any counter state changed on `local_day` (then counter states, not the catalog, say which
  // counters are open).
  bool any_counter_state_on(std::string_view local_day) const;

  // Appends a call (row.seq is ignored) and returns its seq.
  std::int64_t append_call(Transaction& tx, const CounterCallRow& row);
  // Deletes the calls of local days before `local_day` (the log only serves the display; head office has
  // every call as an outbox event). Returns the rows deleted.
  std::int64_t prune_calls_before(Transaction& tx, std::string_view local_day);
  // Calls with seq > after_seq, oldest first, at most `limit`.
  std::vector<CounterCallRow> calls_after(std::int64_t after_seq, std::size_t limit) const;
  // The newest `limit` calls of `local_day`, oldest first.
  std::vector<CounterCallRow> latest_calls(std::string_view local_day, std::size_t limit) const;

 private:
  Database& m_db;
};

}  // namespace kiosk::store
