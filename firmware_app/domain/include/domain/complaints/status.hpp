#pragma once
// Where a complaint is in its life, as head office reports it back to the kiosk and the customer sees it at
// the status lookup, and how the customer answered "was it resolved?".

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::domain::complaints {

enum class ComplaintStatus { received, acknowledged, in_progress, resolved, closed, rejected };

// "received", "acknowledged", "in_progress", "resolved", "closed", "rejected": the words used in events,
// the store and catalog keys.
std::string_view to_string(ComplaintStatus status);
// Exact, lowercase words only; anything else gives nullopt.
std::optional<ComplaintStatus> parse_complaint_status(std::string_view text);

// True while the bank still owes the customer an answer (received, acknowledged, in_progress).
bool is_open(ComplaintStatus status);

struct StatusEntry {
  ComplaintStatus status = ComplaintStatus::received;
  std::chrono::sys_seconds at{};
  std::string note;  // optional, from head office, shown to the customer as written

  friend bool operator==(const StatusEntry&, const StatusEntry&) = default;
};

enum class ResolutionAnswer { yes, partly, no };

std::string_view to_string(ResolutionAnswer answer);  // "yes", "partly", "no"
std::optional<ResolutionAnswer> parse_resolution_answer(std::string_view text);

}  // namespace kiosk::domain::complaints
