// The dashboard's reads. Each query is shaped for the v3 indexes. The tickets read spells out the union of
// index lookups (tickets_issued_at, tickets_called_at, tickets_done_at, tickets_open): written as one WHERE
// with OR, SQLite 3.40 scans the whole table instead (EXPLAIN QUERY PLAN says SCAN tickets), which costs a
// year of a busy branch ~200 ms even when only today's rows are wanted (docs/benchmarks.md). Complaints use
// complaints_due (open statuses) and complaints_received / complaints_updated.

#include "store/dashboard_repository.hpp"

#include <algorithm>
#include <sstream>

#include "row_helpers.hpp"
#include "store/counter_repository.hpp"
#include "store/ticket_repository.hpp"

namespace kiosk::store {
namespace {

namespace dashboard = domain::dashboard;

domain::queue::TicketStatus domain_status(TicketStatus status) {
  switch (status) {
    case TicketStatus::waiting:
      return domain::queue::TicketStatus::waiting;
    case TicketStatus::called:
      return domain::queue::TicketStatus::called;
    case TicketStatus::served:
      return domain::queue::TicketStatus::served;
    case TicketStatus::no_show:
      return domain::queue::TicketStatus::no_show;
    case TicketStatus::transferred:
      return domain::queue::TicketStatus::transferred;
    case TicketStatus::cancelled:
      return domain::queue::TicketStatus::cancelled;
  }
  return domain::queue::TicketStatus::waiting;
}

domain::queue::WaitKind domain_quote(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::range:
      return domain::queue::WaitKind::range;
    case QuoteKind::no_wait:
      return domain::queue::WaitKind::no_wait;
    case QuoteKind::people_ahead_only:
      return domain::queue::WaitKind::people_ahead_only;
  }
  return domain::queue::WaitKind::people_ahead_only;
}

std::string day_text(date::local_days day) {
  return date::format("%F", day);
}

std::optional<date::local_days> parse_day(const std::string& text) {
  std::istringstream in(text);
  date::local_days day;
  in >> date::parse("%F", day);
  if (in.fail()) {
    return std::nullopt;
  }
  return day;
}

std::optional<std::size_t> column_optional_count(const Statement& query, int column) {
  if (query.column_is_null(column) || query.column_int64(column) < 0) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(query.column_int64(column));
}

void bind_optional_count(Statement& statement, int index, const std::optional<std::size_t>& count) {
  if (count) {
    statement.bind_int64(index, static_cast<std::int64_t>(*count));
  } else {
    statement.bind_null(index);
  }
}

dashboard::ServiceIndex service_index(std::span<const std::string> service_ids, std::string_view id) {
  const auto it = std::find(service_ids.begin(), service_ids.end(), id);
  return it == service_ids.end() ? dashboard::k_no_service
                                 : static_cast<dashboard::ServiceIndex>(it - service_ids.begin());
}

}  // namespace

std::vector<dashboard::TicketFact> DashboardRepository::tickets(
    domain::EventTime since, std::span<const std::string> service_ids) const {
  Statement query(
      m_db,
      "SELECT service_id, status, quote_kind, quote_low_min, quote_high_min, issued_at, called_at, "
      "done_at, transferred_from IS NOT NULL "
      "FROM tickets WHERE rowid IN ("
      "SELECT rowid FROM tickets WHERE issued_at >= ?1 "
      "UNION SELECT rowid FROM tickets WHERE called_at >= ?1 "
      "UNION SELECT rowid FROM tickets WHERE done_at >= ?1 "
      "UNION SELECT rowid FROM tickets WHERE status IN ('waiting', 'called'))");
  detail::bind_time(query, 1, since);
  std::vector<dashboard::TicketFact> facts;
  while (query.step()) {
    dashboard::TicketFact fact;
    fact.service = service_index(service_ids, query.column_text(0));
    // The CHECK constraints keep unknown names out of our own files.
    fact.status = domain_status(parse_ticket_status(query.column_text(1)).value_or(TicketStatus::waiting));
    fact.quote_kind =
        domain_quote(parse_quote_kind(query.column_text(2)).value_or(QuoteKind::people_ahead_only));
    fact.quote_low_min = query.column_int(3);
    fact.quote_high_min = detail::column_optional_int(query, 4).value_or(fact.quote_low_min);
    fact.issued_at = detail::column_time(query, 5);
    fact.called_at = detail::column_optional_time(query, 6);
    fact.done_at = detail::column_optional_time(query, 7);
    fact.transferred_in = query.column_int(8) != 0;
    facts.push_back(fact);
  }
  return facts;
}

std::vector<dashboard::CounterFact> DashboardRepository::counters(
    std::span<const std::string> service_ids) const {
  std::vector<dashboard::CounterFact> facts;
  for (const auto& row : CounterRepository(m_db).counter_states()) {
    dashboard::CounterFact fact;
    fact.number = row.state.id;
    fact.open = row.state.open;
    for (const auto& service : row.state.services) {
      fact.services.push_back(service_index(service_ids, service));
    }
    facts.push_back(std::move(fact));
  }
  return facts;
}

std::vector<SurveyResponseRow> DashboardRepository::survey_responses(domain::EventTime since) const {
  return SurveyRepository(m_db).submitted_since(since);
}

std::vector<dashboard::ComplaintFact> DashboardRepository::complaints(domain::EventTime since) const {
  Statement query(
      m_db,
      "SELECT product_id, issue_id, status, received_at, ack_due_at, final_due_at, status_updated_at, id, "
      "reference "
      "FROM complaints WHERE status IN ('received', 'acknowledged', 'in_progress') "
      "OR received_at >= ?1 OR status_updated_at >= ?1 ORDER BY received_at, seq");
  detail::bind_time(query, 1, since);
  std::vector<dashboard::ComplaintFact> facts;
  while (query.step()) {
    const auto status = domain::complaints::parse_complaint_status(query.column_text(2));
    if (!status) {
      continue;
    }
    dashboard::ComplaintFact fact;
    fact.id = query.column_text(7);
    fact.reference = query.column_text(8);
    fact.product = query.column_text(0);
    fact.issue = query.column_text(1);
    fact.status = *status;
    fact.received_at = detail::column_time(query, 3);
    fact.ack_due = detail::column_time(query, 4);
    fact.final_due = detail::column_time(query, 5);
    if (!domain::complaints::is_open(*status)) {
      fact.resolved_at = detail::column_time(query, 6);
    }
    facts.push_back(std::move(fact));
  }
  return facts;
}

std::vector<DashboardDayRow> DashboardRepository::rolled_up_days(std::string_view figures_key,
                                                                 date::local_days first,
                                                                 date::local_days last) const {
  Statement query(m_db,
                  "SELECT local_day, has_data, check_ins, median_wait_ms, nps, nps_answers, complaints, "
                  "computed_at FROM dashboard_days WHERE figures_key = ?1 AND local_day >= ?2 AND "
                  "local_day < ?3 ORDER BY local_day");
  query.bind_text(1, figures_key);
  query.bind_text(2, day_text(first));
  query.bind_text(3, day_text(last));
  std::vector<DashboardDayRow> rows;
  while (query.step()) {
    const auto day = parse_day(query.column_text(0));
    if (!day) {
      continue;  // the CHECK keeps such rows out of our own files; a missing day is simply recomputed
    }
    DashboardDayRow row;
    row.point.day = *day;
    row.point.has_data = query.column_int(1) != 0;
    row.point.check_ins = column_optional_count(query, 2);
    if (!query.column_is_null(3)) {
      row.point.median_wait = std::chrono::milliseconds{query.column_int64(3)};
    }
    if (!query.column_is_null(4)) {
      row.point.nps = query.column_double(4);
    }
    row.point.nps_answers = column_optional_count(query, 5).value_or(0);
    row.point.complaints = column_optional_count(query, 6);
    row.computed_at = detail::column_time(query, 7);
    rows.push_back(row);
  }
  return rows;
}

void DashboardRepository::save_rolled_up_days(Transaction& tx, std::string_view figures_key,
                                              std::span<const dashboard::TrendPoint> points,
                                              domain::EventTime computed_at, date::local_days keep_from) {
  Database& db = detail::writable(tx, "save_rolled_up_days");
  {
    Statement prune(db, "DELETE FROM dashboard_days WHERE figures_key <> ?1 OR local_day < ?2");
    prune.bind_text(1, figures_key);
    prune.bind_text(2, day_text(keep_from));
    prune.run();
  }
  Statement insert(db,
                   "INSERT OR REPLACE INTO dashboard_days (figures_key, local_day, has_data, check_ins, "
                   "median_wait_ms, nps, nps_answers, complaints, computed_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (const dashboard::TrendPoint& point : points) {
    insert.reset();
    insert.bind_text(1, figures_key);
    insert.bind_text(2, day_text(point.day));
    insert.bind_int64(3, point.has_data ? 1 : 0);
    bind_optional_count(insert, 4, point.check_ins);
    if (point.median_wait) {
      insert.bind_int64(5, point.median_wait->count());
    } else {
      insert.bind_null(5);
    }
    if (point.nps) {
      insert.bind_double(6, *point.nps);
    } else {
      insert.bind_null(6);
    }
    insert.bind_int64(7, static_cast<std::int64_t>(point.nps_answers));
    bind_optional_count(insert, 8, point.complaints);
    detail::bind_time(insert, 9, computed_at);
    insert.run();
  }
}

}  // namespace kiosk::store
