#pragma once
// What the customer desk hands back to the session after a durable step: plain values the view-models
// format. They live in the session, so the idle wipe clears them with everything else.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

using UtcTime = std::chrono::sys_seconds;

// The estimate quoted on a ticket. `range` only when there was enough history to be honest.
struct QuotedWait {
  enum class Kind { range, people_ahead_only, no_wait };
  Kind kind = Kind::people_ahead_only;
  int low_minutes = 0;
  int high_minutes = 0;
};

// Where a print job is, in the customer's terms.
enum class PrintState { not_configured, printing, printed, failed };

struct ServiceOption {
  std::string id;
  std::string name;         // in the customer's language
  std::string description;  // in the customer's language
  enum class State { open, opens_later, closed_today, disabled } state = State::open;
  std::optional<UtcTime> next_opening;
  std::optional<UtcTime> closes_at;
  int waiting = 0;
};

struct IssuedTicket {
  std::string id;  // UUID: what the QR code carries
  std::string number;
  std::string service_id;
  std::string service_name;
  int people_ahead = 0;
  QuotedWait wait;
  UtcTime issued_at{};
  std::optional<UtcTime> appointment_at;
};

struct ComplaintReceipt {
  std::string id;
  std::string reference;
  std::string lookup_code;
  UtcTime received_at{};
  UtcTime acknowledge_by{};
  UtcTime final_response_by{};
  bool high_priority = false;
  std::optional<UtcTime> reprinted_at;  // set on a copy staff printed again (with a new lookup code)
};

struct StatusHistoryEntry {
  std::string status;  // domain status key: "received", "in_progress", "resolved", ...
  UtcTime at{};
  std::string note;  // from head office, in the language it was written in
};

struct ComplaintStatusView {
  std::string complaint_id;
  std::string reference;
  std::string status;
  UtcTime received_at{};
  UtcTime acknowledge_by{};
  UtcTime final_response_by{};
  std::vector<StatusHistoryEntry> history;  // oldest first
  bool resolution_answered = false;
};

// Why a durable step did not happen. The customer sees a calm sentence; staff see the detail in the log.
enum class DeskProblem {
  none,
  storage_full,  // the kiosk refuses new input rather than losing it
  store_failed,  // any other storage failure
  service_closed,
  booking_unknown,
  booking_too_early,
  booking_too_late,
  booking_used,
  lookup_wrong,   // reference or code wrong: one answer for both
  lookup_locked,  // too many wrong tries
  invalid_input,
};

}  // namespace kiosk::app
