#include "store/ticket_repository.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "row_helpers.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using detail::bind_optional_int;
using detail::bind_optional_text;
using detail::bind_time;
using detail::column_optional_int;
using detail::column_optional_text;
using detail::column_optional_time;
using detail::column_time;

constexpr std::array k_statuses{
    std::pair{TicketStatus::waiting, std::string_view("waiting")},
    std::pair{TicketStatus::called, std::string_view("called")},
    std::pair{TicketStatus::served, std::string_view("served")},
    std::pair{TicketStatus::no_show, std::string_view("no_show")},
    std::pair{TicketStatus::transferred, std::string_view("transferred")},
    std::pair{TicketStatus::cancelled, std::string_view("cancelled")},
};

constexpr std::array k_quote_kinds{
    std::pair{QuoteKind::range, std::string_view("range")},
    std::pair{QuoteKind::people_ahead_only, std::string_view("people_ahead_only")},
    std::pair{QuoteKind::no_wait, std::string_view("no_wait")},
};

constexpr std::string_view k_ticket_columns =
    "id, service_id, local_day, number, display, language, booking_code, issued_at, people_ahead, "
    "quote_kind, "
    "quote_low_min, quote_high_min, status, called_at, served_at, done_at, counter, transferred_from";

std::string select_tickets(std::string_view where) {
  return "SELECT " + std::string(k_ticket_columns) + " FROM tickets WHERE " + std::string(where);
}

// The CHECK constraints keep unknown status and quote names out, so a fallback is never used on our files.
TicketRow read_ticket(const Statement& query) {
  TicketRow row;
  row.id = query.column_text(0);
  row.service_id = query.column_text(1);
  row.local_day = query.column_text(2);
  row.number = query.column_int(3);
  row.display = query.column_text(4);
  row.language = query.column_text(5);
  row.booking_code = column_optional_text(query, 6);
  row.issued_at = column_time(query, 7);
  row.people_ahead = query.column_int(8);
  row.quote_kind = parse_quote_kind(query.column_text(9)).value_or(QuoteKind::people_ahead_only);
  row.quote_low_min = query.column_int(10);
  row.quote_high_min = column_optional_int(query, 11);
  row.status = parse_ticket_status(query.column_text(12)).value_or(TicketStatus::waiting);
  row.called_at = column_optional_time(query, 13);
  row.served_at = column_optional_time(query, 14);
  row.done_at = column_optional_time(query, 15);
  row.counter = column_optional_text(query, 16);
  row.transferred_from = column_optional_text(query, 17);
  return row;
}

std::optional<TicketRow> first_ticket(Statement& query) {
  if (!query.step()) {
    return std::nullopt;
  }
  return read_ticket(query);
}

// Which stamp columns a status change writes (see update_status in the header).
std::string_view status_update_sql(TicketStatus status) {
  switch (status) {
    case TicketStatus::waiting:
      return "UPDATE tickets SET status = 'waiting', called_at = NULL, counter = NULL WHERE id = ?1";
    case TicketStatus::called:
      return "UPDATE tickets SET status = 'called', called_at = ?2, counter = coalesce(?3, counter) "
             "WHERE id = ?1";
    case TicketStatus::served:
      return "UPDATE tickets SET status = 'served', served_at = ?2, done_at = ?2 WHERE id = ?1";
    case TicketStatus::no_show:
      return "UPDATE tickets SET status = 'no_show', done_at = ?2 WHERE id = ?1";
    case TicketStatus::transferred:
      return "UPDATE tickets SET status = 'transferred', done_at = ?2 WHERE id = ?1";
    case TicketStatus::cancelled:
      return "UPDATE tickets SET status = 'cancelled', done_at = ?2 WHERE id = ?1";
  }
  return "";
}

}  // namespace

std::string_view to_string(TicketStatus status) {
  for (const auto& [value, name] : k_statuses) {
    if (value == status) {
      return name;
    }
  }
  return "waiting";
}

std::optional<TicketStatus> parse_ticket_status(std::string_view text) {
  for (const auto& [value, name] : k_statuses) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

std::string_view to_string(QuoteKind kind) {
  for (const auto& [value, name] : k_quote_kinds) {
    if (value == kind) {
      return name;
    }
  }
  return "people_ahead_only";
}

std::optional<QuoteKind> parse_quote_kind(std::string_view text) {
  for (const auto& [value, name] : k_quote_kinds) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<TicketCounterRow> TicketRepository::load_counter(Transaction& tx, std::string_view service_id) {
  Database& db = detail::writable(tx, "TicketRepository::load_counter");
  Statement query(db, "SELECT local_day, last_number FROM ticket_counters WHERE service_id = ?1");
  query.bind_text(1, service_id);
  if (!query.step()) {
    return std::nullopt;
  }
  return TicketCounterRow{std::string(service_id), query.column_text(0), query.column_int(1)};
}

void TicketRepository::save_counter(Transaction& tx, const TicketCounterRow& row) {
  Database& db = detail::writable(tx, "TicketRepository::save_counter");
  Statement upsert(db,
                   "INSERT INTO ticket_counters (service_id, local_day, last_number) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (service_id) DO UPDATE SET local_day = excluded.local_day, "
                   "last_number = excluded.last_number");
  upsert.bind_text(1, row.service_id);
  upsert.bind_text(2, row.local_day);
  upsert.bind_int64(3, row.last_number);
  upsert.run();
}

void TicketRepository::insert(Transaction& tx, const TicketRow& row) {
  Database& db = detail::writable(tx, "TicketRepository::insert");
  Statement insert(
      db, "INSERT INTO tickets (" + std::string(k_ticket_columns) +
              ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  insert.bind_text(1, row.id);
  insert.bind_text(2, row.service_id);
  insert.bind_text(3, row.local_day);
  insert.bind_int64(4, row.number);
  insert.bind_text(5, row.display);
  insert.bind_text(6, row.language);
  bind_optional_text(insert, 7, row.booking_code);
  bind_time(insert, 8, row.issued_at);
  insert.bind_int64(9, row.people_ahead);
  insert.bind_text(10, to_string(row.quote_kind));
  insert.bind_int64(11, row.quote_low_min);
  bind_optional_int(insert, 12, row.quote_high_min);
  insert.bind_text(13, to_string(row.status));
  detail::bind_optional_time(insert, 14, row.called_at);
  detail::bind_optional_time(insert, 15, row.served_at);
  detail::bind_optional_time(insert, 16, row.done_at);
  bind_optional_text(insert, 17, row.counter);
  bind_optional_text(insert, 18, row.transferred_from);
  insert.run();
}

bool TicketRepository::mark_booking_used(Transaction& tx, std::string_view code, std::string_view ticket_id,
                                         domain::EventTime at) {
  Database& db = detail::writable(tx, "TicketRepository::mark_booking_used");
  Statement insert(db,
                   "INSERT INTO used_bookings (code, ticket_id, used_at) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (code) DO NOTHING");
  insert.bind_text(1, code);
  insert.bind_text(2, ticket_id);
  bind_time(insert, 3, at);
  insert.run();
  return db.changes() == 1;
}

std::optional<UsedBookingRow> TicketRepository::find_used_booking(std::string_view code) const {
  Statement query(m_db, "SELECT ticket_id, used_at FROM used_bookings WHERE code = ?1");
  query.bind_text(1, code);
  if (!query.step()) {
    return std::nullopt;
  }
  return UsedBookingRow{std::string(code), query.column_text(0), column_time(query, 1)};
}

bool TicketRepository::update_status(Transaction& tx, std::string_view ticket_id, TicketStatus status,
                                     domain::EventTime at, std::optional<std::string_view> counter) {
  Database& db = detail::writable(tx, "TicketRepository::update_status");
  Statement update(db, status_update_sql(status));
  update.bind_text(1, ticket_id);
  if (status != TicketStatus::waiting) {
    bind_time(update, 2, at);
  }
  if (status == TicketStatus::called) {
    if (counter) {
      update.bind_text(3, *counter);
    } else {
      update.bind_null(3);
    }
  }
  update.run();
  return db.changes() == 1;
}

std::optional<TicketRow> TicketRepository::find(std::string_view ticket_id) const {
  Statement query(m_db, select_tickets("id = ?1"));
  query.bind_text(1, ticket_id);
  return first_ticket(query);
}

std::optional<TicketRow> TicketRepository::find_by_display(std::string_view local_day,
                                                           std::string_view display) const {
  // Display strings carry the service prefix, so one day has at most one; ORDER BY keeps the answer stable
  // should two services ever share a prefix.
  Statement query(m_db, select_tickets("local_day = ?1 AND display = ?2 ORDER BY issued_at DESC LIMIT 1"));
  query.bind_text(1, local_day);
  query.bind_text(2, display);
  return first_ticket(query);
}

int TicketRepository::waiting_count(std::string_view service_id, std::string_view local_day) const {
  Statement query(
      m_db, "SELECT count(*) FROM tickets WHERE service_id = ?1 AND local_day = ?2 AND status = 'waiting'");
  query.bind_text(1, service_id);
  query.bind_text(2, local_day);
  query.step();
  return query.column_int(0);
}

std::optional<int> TicketRepository::people_ahead(std::string_view ticket_id) const {
  Statement query(
      m_db,
      "SELECT (SELECT count(*) FROM tickets AS other WHERE other.service_id = t.service_id "
      "AND other.local_day = t.local_day AND other.status = 'waiting' AND other.number < t.number) "
      "FROM tickets AS t WHERE t.id = ?1");
  query.bind_text(1, ticket_id);
  if (!query.step()) {
    return std::nullopt;
  }
  return query.column_int(0);
}

std::optional<TicketRow> TicketRepository::next_waiting(std::string_view service_id,
                                                        std::string_view local_day) const {
  Statement query(m_db, select_tickets("service_id = ?1 AND local_day = ?2 AND status = 'waiting' "
                                       "ORDER BY number LIMIT 1"));
  query.bind_text(1, service_id);
  query.bind_text(2, local_day);
  return first_ticket(query);
}

std::vector<ServiceSampleRow> TicketRepository::service_samples_since(std::string_view service_id,
                                                                      domain::EventTime since) const {
  // The correlated count looks only at this service's recent calls (tickets_called index), and a counter
  // is counted once however many tickets it served in the overlap.
  Statement query(m_db,
                  "SELECT t.called_at, t.done_at - t.called_at, "
                  "(SELECT count(DISTINCT o.counter) FROM tickets AS o WHERE o.service_id = t.service_id "
                  " AND o.counter IS NOT NULL AND o.called_at IS NOT NULL AND o.called_at <= t.called_at "
                  " AND (o.done_at IS NULL OR o.done_at > t.called_at OR o.id = t.id)) "
                  "FROM tickets AS t WHERE t.service_id = ?1 AND t.called_at >= ?2 AND t.status = 'served' "
                  "AND t.done_at IS NOT NULL AND t.done_at >= t.called_at ORDER BY t.called_at, t.id");
  query.bind_text(1, service_id);
  bind_time(query, 2, since);
  std::vector<ServiceSampleRow> samples;
  while (query.step()) {
    ServiceSampleRow sample;
    sample.called_at = column_time(query, 0);
    sample.service_duration = std::chrono::milliseconds{query.column_int64(1)};
    sample.open_counters = std::max(1, query.column_int(2));
    samples.push_back(sample);
  }
  return samples;
}

std::vector<QuoteOutcomeRow> TicketRepository::quote_outcomes_since(std::string_view service_id,
                                                                    domain::EventTime since) const {
  Statement query(m_db,
                  "SELECT id, service_id, quote_kind, quote_low_min, quote_high_min, issued_at, called_at "
                  "FROM tickets WHERE called_at IS NOT NULL AND called_at >= ?2 "
                  "AND (?1 = '' OR service_id = ?1) ORDER BY called_at, id");
  query.bind_text(1, service_id);
  bind_time(query, 2, since);
  std::vector<QuoteOutcomeRow> outcomes;
  while (query.step()) {
    QuoteOutcomeRow row;
    row.ticket_id = query.column_text(0);
    row.service_id = query.column_text(1);
    row.quote_kind = parse_quote_kind(query.column_text(2)).value_or(QuoteKind::people_ahead_only);
    row.quote_low_min = query.column_int(3);
    row.quote_high_min = column_optional_int(query, 4);
    row.issued_at = column_time(query, 5);
    row.called_at = column_time(query, 6);
    row.actual_wait = row.called_at - row.issued_at;
    outcomes.push_back(std::move(row));
  }
  return outcomes;
}

}  // namespace kiosk::store
