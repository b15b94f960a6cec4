#include "store/counter_repository.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "row_helpers.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using domain::counters::TicketQueueEntry;
using domain::counters::TicketStatus;

constexpr std::string_view k_entry_columns =
    "id, service_id, display, issued_at, booking_code IS NOT NULL, status, counter, called_at, "
    "transferred_from";

std::string select_entries(std::string_view where) {
  return "SELECT " + std::string(k_entry_columns) + " FROM tickets WHERE " + std::string(where);
}

// tickets.counter is TEXT (schema v2); the console writes the decimal counter number into it.
std::optional<int> parse_counter(const std::optional<std::string>& text) {
  if (!text || text->empty()) {
    return std::nullopt;
  }
  int value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc{} || ptr != end || value <= 0) {
    return std::nullopt;
  }
  return value;
}

TicketQueueEntry read_entry(const Statement& query) {
  TicketQueueEntry entry;
  entry.ticket_id = query.column_text(0);
  entry.service_id = query.column_text(1);
  entry.number = query.column_text(2);
  entry.issued_at = detail::column_time(query, 3);
  entry.is_appointment = query.column_int(4) != 0;
  // The CHECK constraint keeps unknown names out of our own files.
  entry.status = domain::queue::parse_ticket_status(query.column_text(5)).value_or(TicketStatus::waiting);
  entry.counter = parse_counter(detail::column_optional_text(query, 6));
  entry.called_at = detail::column_optional_time(query, 7);
  entry.transferred_from = detail::column_optional_text(query, 8);
  return entry;
}

std::string services_json(const std::vector<std::string>& services) {
  return nlohmann::json(services).dump();
}

// The CHECK constraint keeps anything but a JSON array out; a non-string element is skipped.
std::vector<std::string> parse_services(const std::string& text) {
  std::vector<std::string> services;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) {
    return services;
  }
  for (const auto& item : json) {
    if (item.is_string()) {
      services.push_back(item.get<std::string>());
    }
  }
  return services;
}

constexpr std::string_view k_state_columns = "counter, open, services, local_day, updated_at";

CounterStateRow read_state(const Statement& query) {
  CounterStateRow row;
  row.state.id = query.column_int(0);
  row.state.open = query.column_int(1) != 0;
  row.state.services = parse_services(query.column_text(2));
  row.local_day = query.column_text(3);
  row.updated_at = detail::column_time(query, 4);
  return row;
}

constexpr std::string_view k_call_columns =
    "seq, ticket_id, number, service_id, counter, at, recall, local_day";

CounterCallRow read_call(const Statement& query) {
  CounterCallRow row;
  row.seq = query.column_int64(0);
  row.ticket_id = query.column_text(1);
  row.number = query.column_text(2);
  row.service_id = query.column_text(3);
  row.counter = query.column_int(4);
  row.at = detail::column_time(query, 5);
  row.recall = query.column_int(6) != 0;
  row.local_day = query.column_text(7);
  return row;
}

std::int64_t sql_limit(std::size_t limit) {
  return static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int32_t>::max()));
}

}  // namespace

std::vector<TicketQueueEntry> CounterRepository::open_tickets(std::string_view local_day) const {
  // Both halves use tickets_open (status IN ('waiting', 'called')).
  Statement query(m_db, select_entries("status IN ('waiting', 'called') AND "
                                       "(status = 'called' OR local_day = ?1)"));
  query.bind_text(1, local_day);
  std::vector<TicketQueueEntry> entries;
  while (query.step()) {
    entries.push_back(read_entry(query));
  }
  return entries;
}

std::optional<TicketQueueEntry> CounterRepository::find_ticket(std::string_view ticket_id) const {
  Statement query(m_db, select_entries("id = ?1"));
  query.bind_text(1, ticket_id);
  if (!query.step()) {
    return std::nullopt;
  }
  return read_entry(query);
}

bool CounterRepository::mark_called(Transaction& tx, std::string_view ticket_id, int counter,
                                    domain::EventTime at) {
  Database& db = detail::writable(tx, "CounterRepository::mark_called");
  Statement update(db,
                   "UPDATE tickets SET status = 'called', counter = ?2, called_at = ?3 "
                   "WHERE id = ?1 AND status = 'waiting'");
  update.bind_text(1, ticket_id);
  update.bind_text(2, std::to_string(counter));
  detail::bind_time(update, 3, at);
  update.run();
  return db.changes() == 1;
}

bool CounterRepository::mark_requeued(Transaction& tx, std::string_view ticket_id, int counter) {
  Database& db = detail::writable(tx, "CounterRepository::mark_requeued");
  Statement update(db,
                   "UPDATE tickets SET status = 'waiting', counter = NULL, called_at = NULL "
                   "WHERE id = ?1 AND status = 'called' AND counter = ?2");
  update.bind_text(1, ticket_id);
  update.bind_text(2, std::to_string(counter));
  update.run();
  return db.changes() == 1;
}

bool CounterRepository::mark_finished(Transaction& tx, std::string_view ticket_id, int counter,
                                      TicketStatus status, domain::EventTime at) {
  Database& db = detail::writable(tx, "CounterRepository::mark_finished");
  std::string_view set;
  switch (status) {
    case TicketStatus::served:
      set = "status = 'served', served_at = ?3, done_at = ?3";
      break;
    case TicketStatus::no_show:
      set = "status = 'no_show', done_at = ?3";
      break;
    case TicketStatus::transferred:
      set = "status = 'transferred', done_at = ?3";
      break;
    default:
      throw std::invalid_argument("CounterRepository::mark_finished: not a finishing status");
  }
  Statement update(
      db, "UPDATE tickets SET " + std::string(set) + " WHERE id = ?1 AND status = 'called' AND counter = ?2");
  update.bind_text(1, ticket_id);
  update.bind_text(2, std::to_string(counter));
  detail::bind_time(update, 3, at);
  update.run();
  return db.changes() == 1;
}

std::vector<CounterStateRow> CounterRepository::counter_states() const {
  Statement query(m_db, "SELECT " + std::string(k_state_columns) + " FROM counter_states ORDER BY counter");
  std::vector<CounterStateRow> rows;
  while (query.step()) {
    rows.push_back(read_state(query));
  }
  return rows;
}

std::optional<CounterStateRow> CounterRepository::counter_state(int counter) const {
  Statement query(m_db, "SELECT " + std::string(k_state_columns) + " FROM counter_states WHERE counter = ?1");
  query.bind_int64(1, counter);
  if (!query.step()) {
    return std::nullopt;
  }
  return read_state(query);
}

void CounterRepository::save_counter_state(Transaction& tx, const CounterStateRow& row) {
  Database& db = detail::writable(tx, "CounterRepository::save_counter_state");
  Statement upsert(db,
                   "INSERT INTO counter_states (" + std::string(k_state_columns) +
                       ") VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (counter) DO UPDATE SET "
                       "open = excluded.open, services = excluded.services, local_day = excluded.local_day, "
                       "updated_at = excluded.updated_at");
  upsert.bind_int64(1, row.state.id);
  upsert.bind_int64(2, row.state.open ? 1 : 0);
  upsert.bind_text(3, services_json(row.state.services));
  upsert.bind_text(4, row.local_day);
  detail::bind_time(upsert, 5, row.updated_at);
  upsert.run();
}

bool CounterRepository::any_counter_state_on(std::string_view local_day) const {
  Statement query(m_db, "SELECT EXISTS (SELECT 1 FROM counter_states WHERE local_day = ?1)");
  query.bind_text(1, local_day);
  query.step();
  return query.column_int(0) != 0;
}

std::int64_t CounterRepository::append_call(Transaction& tx, const CounterCallRow& row) {
  Database& db = detail::writable(tx, "CounterRepository::append_call");
  Statement insert(
      db,
      "INSERT INTO counter_calls (ticket_id, number, service_id, counter, at, recall, local_day) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert.bind_text(1, row.ticket_id);
  insert.bind_text(2, row.number);
  insert.bind_text(3, row.service_id);
  insert.bind_int64(4, row.counter);
  detail::bind_time(insert, 5, row.at);
  insert.bind_int64(6, row.recall ? 1 : 0);
  insert.bind_text(7, row.local_day);
  insert.run();
  return db.last_insert_rowid();
}

std::int64_t CounterRepository::prune_calls_before(Transaction& tx, std::string_view local_day) {
  Database& db = detail::writable(tx, "CounterRepository::prune_calls_before");
  // counter_calls_by_day (local_day, seq) makes this a range seek: nothing to do costs one probe.
  Statement remove(db, "DELETE FROM counter_calls WHERE local_day < ?1");
  remove.bind_text(1, local_day);
  remove.run();
  return db.changes();
}

std::vector<CounterCallRow> CounterRepository::calls_after(std::int64_t after_seq, std::size_t limit) const {
  Statement query(m_db, "SELECT " + std::string(k_call_columns) +
                            " FROM counter_calls WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  query.bind_int64(1, after_seq);
  query.bind_int64(2, sql_limit(limit));
  std::vector<CounterCallRow> rows;
  while (query.step()) {
    rows.push_back(read_call(query));
  }
  return rows;
}

std::vector<CounterCallRow> CounterRepository::latest_calls(std::string_view local_day,
                                                            std::size_t limit) const {
  Statement query(m_db, "SELECT " + std::string(k_call_columns) +
                            " FROM counter_calls WHERE local_day = ?1 ORDER BY seq DESC LIMIT ?2");
  query.bind_text(1, local_day);
  query.bind_int64(2, sql_limit(limit));
  std::vector<CounterCallRow> rows;
  while (query.step()) {
    rows.push_back(read_call(query));
  }
  std::reverse(rows.begin(), rows.end());
  return rows;
}

}  // namespace kiosk::store
