#pragma once
// The plain facts the dashboard figures are computed from. The store layer fills them from its rows; the
// dashboard code only reads them. They are deliberately flat (no per-fact heap data on the hot ticket path)
// so a year of a busy branch (about a million tickets) is a contiguous array that one pass can read.
//
// Services are named by index into the caller's service list (0 .. service_count - 1), not by id text:
// per-service figures are then plain vectors indexed the same way, with no map lookups per fact. An index
// at or above the service_count the caller passes (k_no_service included) counts in branch totals only.

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "domain/complaints/status.hpp"
#include "domain/event.hpp"
#include "domain/queue/ticket_status.hpp"
#include "domain/queue/wait_estimate.hpp"
#include "domain/surveys/definition.hpp"

namespace kiosk::domain::dashboard {

using ServiceIndex = std::uint32_t;
// For answers and tickets that belong to no service (an ATM-side survey, for example).
inline constexpr ServiceIndex k_no_service = std::numeric_limits<ServiceIndex>::max();

using queue::TicketStatus;

struct TicketFact {
  ServiceIndex service = 0;
  TicketStatus status = TicketStatus::waiting;
  // True for the ticket a transfer creates in the new service. It is not a new check-in and its wait (which
  // starts at the original issued_at) is not counted again: the customer's wait is the first ticket's.
  bool transferred_in = false;
  // The quote printed on the ticket. Minutes are meaningful for range quotes only.
  queue::WaitKind quote_kind = queue::WaitKind::people_ahead_only;
  int quote_low_min = 0;
  int quote_high_min = 0;
  EventTime issued_at{};
  std::optional<EventTime> called_at;  // first call to a counter; cleared when recalled to the queue
  std::optional<EventTime> done_at;    // served, no-show, transferred away or cancelled
};

// One answer to one rating (or comment) question of a completed survey.
struct SurveyFact {
  ServiceIndex service = k_no_service;
  // nps (0..10), csat (1..5) and ces (1..7) answers are scored; every other kind only counts as an answer
  // (and may carry a comment).
  surveys::RatingKind kind = surveys::RatingKind::other;
  int score = 0;
  std::string comment;           // empty when the customer wrote none
  bool probable_repeat = false;  // flagged by surveys::RepeatGuard as a second press of the same answer
  EventTime answered_at{};
};

struct ComplaintFact {
  std::string product;  // taxonomy product id
  std::string issue;    // taxonomy issue id (unique only within its product)
  complaints::ComplaintStatus status = complaints::ComplaintStatus::received;
  EventTime received_at{};
  EventTime ack_due{};    // complaints::Deadline::due of the acknowledgement (last second of its day)
  EventTime final_due{};  // complaints::Deadline::due of the final response
  std::optional<EventTime> resolved_at;  // when it left the open states, when known
  std::string id;                        // the complaint's id (UUID text), for staff actions on it
  std::string reference;                 // as printed on the acknowledgement
};

// One counter as staff set it up now.
struct CounterFact {
  int number = 0;
  bool open = false;
  std::vector<ServiceIndex> services;  // the services it calls tickets for
};

}  // namespace kiosk::domain::dashboard
