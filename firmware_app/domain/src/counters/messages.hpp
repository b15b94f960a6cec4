#pragma once
// Wording shared by the counter rules: every problem names the ticket and counter the way staff see them.

#include <string>

#include "domain/counters/counter.hpp"

namespace kiosk::domain::counters::detail {

// "ticket A007" (the printed number; the id only when the number is missing).
std::string ticket_name(const TicketQueueEntry& ticket);
// Why a ticket that is not waiting cannot be called: "ticket A007 is already called by counter 2".
std::string why_not_waiting(const TicketQueueEntry& ticket, int asking_counter);

}  // namespace kiosk::domain::counters::detail
