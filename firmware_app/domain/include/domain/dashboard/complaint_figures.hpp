#pragma once
// The complaints a manager must watch: what came in today, what is open, what is late or nearly late.
//
// Rules, at instant `now`:
//  - open: complaints::is_open(status) (received, acknowledged, in_progress);
//  - a deadline's `due` is its last second (complaints::Deadline), so a deadline is passed once now is at
//    least one second after due, i.e. from the next local midnight;
//  - overdue: open and the final deadline passed;
//  - ack overdue: still `received` (never acknowledged) and the acknowledgement deadline passed;
//  - due within a day: open, final deadline not yet passed, and due - now < 24 h;
//  - new today: received_at in today's window; resolved today: resolved_at in it.
//  - by product / by issue: open complaints and those new today, per product id and per (product, issue)
//    (issue ids are unique only within a product), most open first, then most new, then by id.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "domain/dashboard/facts.hpp"
#include "domain/dashboard/local_day.hpp"

namespace kiosk::domain::dashboard {

struct ComplaintCount {
  std::string product;
  std::string issue;  // empty in by_product
  std::size_t open = 0;
  std::size_t new_today = 0;

  friend bool operator==(const ComplaintCount&, const ComplaintCount&) = default;
};

struct ComplaintFigures {
  std::size_t new_today = 0;
  std::size_t resolved_today = 0;
  std::size_t open = 0;
  std::size_t overdue = 0;
  std::size_t ack_overdue = 0;
  std::size_t due_within_day = 0;
  std::vector<ComplaintCount> by_product;
  std::vector<ComplaintCount> by_issue;
  // Indices into the facts of the open complaints, earliest final deadline first (ties: earliest receipt,
  // then index), so the list a manager works down starts with the overdue ones.
  std::vector<std::size_t> open_by_deadline;

  friend bool operator==(const ComplaintFigures&, const ComplaintFigures&) = default;
};

ComplaintFigures complaint_figures(std::span<const ComplaintFact> complaints, const LocalDayWindow& today,
                                   EventTime now);

// True once the deadline whose last second is `due` has passed at `now` (see the rule above).
bool deadline_passed(EventTime due, EventTime now);

// Where an open complaint stands against its deadlines at `now`, the most urgent first: overdue (final
// deadline passed), ack_overdue (never acknowledged and that deadline passed), due_within_day, on_time.
enum class DeadlineState { overdue, ack_overdue, due_within_day, on_time };
DeadlineState deadline_state(const ComplaintFact& complaint, EventTime now);

}  // namespace kiosk::domain::dashboard
