#pragma once
// Queue tickets, their per-service daily counters and used booking codes (tables tickets, ticket_counters,
// used_bookings). Plain rows in, plain rows out: the app maps them to and from the domain's queue types.
//
// Writes take the caller's Transaction, so issuing a ticket (counter, ticket row, used booking, outbox
// event) commits or rolls back as one. Reads run on the connection as it is (inside a transaction they see
// its uncommitted writes). Instants are UTC milliseconds; local_day is the branch-local "YYYY-MM-DD".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"

namespace kiosk::store {

class Database;
class Transaction;

enum class TicketStatus { waiting, called, served, no_show, transferred, cancelled };
enum class QuoteKind { range, people_ahead_only, no_wait };

std::string_view to_string(TicketStatus status);
std::optional<TicketStatus> parse_ticket_status(std::string_view text);
std::string_view to_string(QuoteKind kind);
std::optional<QuoteKind> parse_quote_kind(std::string_view text);

struct TicketRow {
  std::string id;  // UUID text
  std::string service_id;
  std::string local_day;  // "2026-11-23"
  int number = 0;         // > 0, unique per (service_id, local_day)
  std::string display;    // "A001"
  std::string language;
  std::optional<std::string> booking_code;
  domain::EventTime issued_at{};
  int people_ahead = 0;  // as printed on the ticket
  QuoteKind quote_kind = QuoteKind::people_ahead_only;
  int quote_low_min = 0;
  std::optional<int> quote_high_min;
  TicketStatus status = TicketStatus::waiting;
  std::optional<domain::EventTime> called_at;
  std::optional<domain::EventTime> served_at;
  std::optional<domain::EventTime> done_at;
  std::optional<std::string> counter;  // the decimal counter number that called it
  // On the waiting entry a counter's transfer created: the id of the ticket it replaced. Such an entry keeps
  // the printed number and display of that ticket, so (service_id, local_day, number) is unique only among
  // tickets without it.
  std::optional<std::string> transferred_from;
};

struct TicketCounterRow {
  std::string service_id;
  std::string local_day;
  int last_number = 0;
};

struct UsedBookingRow {
  std::string code;
  std::string ticket_id;
  domain::EventTime used_at{};
};

// One finished service, for wait estimates.
struct ServiceSampleRow {
  domain::EventTime called_at{};
  std::chrono::milliseconds service_duration{};  // done_at - called_at
  // Counters busy with this service when it was called (tickets of the service called at or before that
  // instant and not yet done), this one included; at least 1.
  int open_counters = 1;
};

// A printed quote and what happened, for quote-accuracy figures.
struct QuoteOutcomeRow {
  std::string ticket_id;
  std::string service_id;
  QuoteKind quote_kind = QuoteKind::people_ahead_only;
  int quote_low_min = 0;
  std::optional<int> quote_high_min;
  domain::EventTime issued_at{};
  domain::EventTime called_at{};
  std::chrono::milliseconds actual_wait{};  // called_at - issued_at
};

class TicketRepository {
 public:
  explicit TicketRepository(Database& db) : m_db(db) {}

  // The stored counter of `service_id`, or nullopt before its first ticket.
  std::optional<TicketCounterRow> load_counter(Transaction& tx, std::string_view service_id);
  // Inserts or replaces the counter of row.service_id.
  void save_counter(Transaction& tx, const TicketCounterRow& row);

  // Throws StoreError (Kind::constraint) for a duplicate id or (service_id, local_day, number) among
  // printed tickets (transferred_from unset), a number below 1, or a malformed local_day.
  void insert(Transaction& tx, const TicketRow& row);
  // Records `code` as used by `ticket_id`. False (and nothing written) if the code was used already.
  bool mark_booking_used(Transaction& tx, std::string_view code, std::string_view ticket_id,
                         domain::EventTime at);
  std::optional<UsedBookingRow> find_used_booking(std::string_view code) const;

  // Counter actions. The stamp set depends on `status`: called -> called_at (and counter, when given);
  // served -> served_at and done_at; no_show, transferred, cancelled -> done_at; waiting (a recall back to
  // the queue) -> clears called_at and counter. Returns false when no ticket has this id.
  bool update_status(Transaction& tx, std::string_view ticket_id, TicketStatus status, domain::EventTime at,
                     std::optional<std::string_view> counter = std::nullopt);

  std::optional<TicketRow> find(std::string_view ticket_id) const;
  // Today's ticket shown as `display` ("A007") on `local_day`; nullopt when there is none.
  std::optional<TicketRow> find_by_display(std::string_view local_day, std::string_view display) const;
  // Tickets of `service_id` still waiting on `local_day`.
  int waiting_count(std::string_view service_id, std::string_view local_day) const;
  // Waiting tickets of the same service and day with a lower number; nullopt for an unknown ticket.
  std::optional<int> people_ahead(std::string_view ticket_id) const;
  // The lowest-numbered waiting ticket of the service on that day ("call next").
  std::optional<TicketRow> next_waiting(std::string_view service_id, std::string_view local_day) const;
  // Served tickets of `service_id` called at or after `since`, oldest first.
  std::vector<ServiceSampleRow> service_samples_since(std::string_view service_id,
                                                      domain::EventTime since) const;
  // Tickets (any service when `service_id` is empty) called at or after `since`, oldest call first.
  std::vector<QuoteOutcomeRow> quote_outcomes_since(std::string_view service_id,
                                                    domain::EventTime since) const;

 private:
  Database& m_db;
};

}  // namespace kiosk::store
