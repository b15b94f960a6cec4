#include "sync/event_priority.hpp"

#include <array>

#include "store/outbox.hpp"

namespace kiosk::sync {
namespace {

constexpr std::string_view k_complaint_prefix = "complaint.";
constexpr std::array<std::string_view, 3> k_telemetry_prefixes = {"device.", "kiosk.", "telemetry."};

}  // namespace

EventPriority priority_of(std::string_view event_type) {
  if (event_type.starts_with(k_complaint_prefix)) {
    return EventPriority::complaint;
  }
  for (const auto prefix : k_telemetry_prefixes) {
    if (event_type.starts_with(prefix)) {
      return EventPriority::telemetry;
    }
  }
  return EventPriority::customer;
}

std::string_view priority_sql_expression() {
  return store::k_outbox_priority_sql;
}

}  // namespace kiosk::sync
