#pragma once
// Reads the plain facts the domain's dashboard functions compute from (domain/dashboard/facts.hpp): tickets,
// survey responses and complaints of a period (the trend's first local day up to now) plus whatever is still
// open. Read-only; no personal data leaves the store here (complaints give product, issue, status and
// deadlines, never their sealed text or contact).
//
// Survey answers come back as rows: which answer is an NPS, CSAT or CES score is in the survey definition,
// which the app holds, so the app turns them into SurveyFacts.

#include <span>
#include <string>
#include <vector>

#include "domain/dashboard/facts.hpp"
#include "domain/event.hpp"
#include "store/survey_repository.hpp"

namespace kiosk::store {

class Database;

class DashboardRepository {
 public:
  explicit DashboardRepository(Database& db) : m_db(db) {}

  // Tickets with any fact at or after `since` (issued, first called or done), plus every ticket still
  // waiting or called whenever it was issued (the queue now; the domain leaves stale ones out), in no
  // particular order. `service_ids` gives the index of each service (TicketFact::service); a ticket of a
  // service not in it gets k_no_service. transferred_in marks the waiting entries a counter's transfer
  // created (tickets.transferred_from set).
  std::vector<domain::dashboard::TicketFact> tickets(domain::EventTime since,
                                                     std::span<const std::string> service_ids) const;

  // Every counter the counter console ever opened (counter_states), open or closed, by number, with its
  // services as indices into `service_ids` (k_no_service for one not in it).
  std::vector<domain::dashboard::CounterFact> counters(std::span<const std::string> service_ids) const;

  // Survey responses submitted at or after `since`, oldest first.
  std::vector<SurveyResponseRow> survey_responses(domain::EventTime since) const;

  // Every open complaint (received, acknowledged, in_progress) plus those received or last changed at or
  // after `since`. resolved_at is the last status change of a complaint that is no longer open. Rows with a
  // status this program does not know are left out.
  std::vector<domain::dashboard::ComplaintFact> complaints(domain::EventTime since) const;

 private:
  Database& m_db;
};

}  // namespace kiosk::store
