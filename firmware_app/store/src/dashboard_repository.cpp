// The dashboard's reads. Each query is shaped for the v3 indexes: the OR of instants on tickets becomes a
// union of index lookups (tickets_issued_at, tickets_called_at, tickets_done_at, tickets_open), and
// complaints use complaints_due (open statuses) and complaints_received / complaints_updated.

#include "store/dashboard_repository.hpp"

#include <algorithm>

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
      "FROM tickets WHERE issued_at >= ?1 OR called_at >= ?1 OR done_at >= ?1 "
      "OR status IN ('waiting', 'called')");
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
      "SELECT product_id, issue_id, status, received_at, ack_due_at, final_due_at, status_updated_at "
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

}  // namespace kiosk::store
