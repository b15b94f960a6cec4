#pragma once
// Where a queue ticket is in its life. The store's tickets.status holds the same spellings
// (store::TicketStatus, which the domain cannot include); the counter console and the dashboard share this
// one enum.

#include <optional>
#include <string_view>

namespace kiosk::domain::queue {

enum class TicketStatus { waiting, called, served, no_show, transferred, cancelled };

// "waiting", "called", "served", "no_show", "transferred", "cancelled".
std::string_view to_string(TicketStatus status);
std::optional<TicketStatus> parse_ticket_status(std::string_view text);

}  // namespace kiosk::domain::queue
