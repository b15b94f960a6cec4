#pragma once
// The JSON documents of the counter link, in one place for the server (inside `branch-kiosk run`), the
// counter console and the now-serving display. Field names are stable; readers ignore unknown fields.
//
//   TICKET       {"ticket_id", "number", "service_id", "issued_at", "appointment", "status",
//                 "counter": int|null, "called_at": RFC 3339|null}
//   COUNTER      {"counter": N, "open": bool, "services": [ids], "current": TICKET|null,
//                 "waiting": [{"service_id", "waiting"}]}
//   action reply {"counter": COUNTER, "ticket": TICKET|null[, "transferred_to": TICKET]}
//   now serving  {"calls": [{"seq", "number", "counter", "service_id", "at", "recall"}], "latest_seq"}
//   error        {"error": "queue_empty", "message": "..."}; error is domain::counters::to_string of the
//                CounterError, or one of the link's own: unauthorized, forbidden, too_many_attempts,
//                not_found, bad_request, too_large, unavailable.
// Times are RFC 3339 UTC with milliseconds (domain/event.hpp). The now-serving document carries no
// ticket id: the display only needs what it shows.
//
// The *_from_json readers never throw; they return nothing for a document of the wrong shape.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/counter_desk.hpp"
#include "domain/counters/counter.hpp"

namespace kiosk::counter_link {

nlohmann::json ticket_to_json(const domain::counters::TicketQueueEntry& ticket);
std::optional<domain::counters::TicketQueueEntry> ticket_from_json(const nlohmann::json& json);

nlohmann::json counter_view_to_json(const app::CounterView& view);
std::optional<app::CounterView> counter_view_from_json(const nlohmann::json& json);

struct NowServing {
  std::vector<app::CounterCall> calls;  // oldest first; ticket_id is always empty on the wire
  std::int64_t latest_seq = 0;          // ask for calls after this next time
};
nlohmann::json now_serving_to_json(const NowServing& document);
// The display reads this document with domain::display::parse_now_serving (bounded, hostile-input safe);
// there is no second reader here.

nlohmann::json error_json(std::string_view error, std::string_view message);

}  // namespace kiosk::counter_link
