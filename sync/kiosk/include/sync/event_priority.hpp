#pragma once
// Which outbox events leave first, and which may be shed when storage runs short.
//
//   complaint  "complaint.*"                          sent first: regulatory deadlines run from filing
//   customer   every other customer-facing record      never shed
//   telemetry  "device.*", "kiosk.*", "telemetry.*"   sent last, shed first under the storage cap
//
// Unknown types count as customer records: losing a record by misfiling it as telemetry is the worse error.

#include <string_view>

namespace kiosk::sync {

enum class EventPriority { complaint = 0, customer = 1, telemetry = 2 };

EventPriority priority_of(std::string_view event_type);

// A SQL expression over the outbox `type` column that yields the EventPriority number, so SQLite can
// order the backlog the same way priority_of does. Kept beside priority_of so the two cannot drift apart
// (a unit test checks them against each other).
std::string_view priority_sql_expression();

}  // namespace kiosk::sync
