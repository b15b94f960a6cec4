#include "domain/queue/ticket_status.hpp"

#include <array>
#include <utility>

namespace kiosk::domain::queue {
namespace {

// The store's spelling (tickets.status), so values pass between the layers unchanged.
constexpr std::array<std::pair<TicketStatus, std::string_view>, 6> k_status_names{{
    {TicketStatus::waiting, "waiting"},
    {TicketStatus::called, "called"},
    {TicketStatus::served, "served"},
    {TicketStatus::no_show, "no_show"},
    {TicketStatus::transferred, "transferred"},
    {TicketStatus::cancelled, "cancelled"},
}};

}  // namespace

std::string_view to_string(TicketStatus status) {
  for (const auto& [value, name] : k_status_names) {
    if (value == status) {
      return name;
    }
  }
  return "waiting";
}

std::optional<TicketStatus> parse_ticket_status(std::string_view text) {
  for (const auto& [value, name] : k_status_names) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::domain::queue
