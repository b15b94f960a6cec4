#include "domain/queue/ticket_numbering.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace kiosk::domain::queue {

date::local_days branch_local_day(std::chrono::sys_seconds now, const date::time_zone& zone) {
  return date::floor<date::days>(zone.to_local(now));
}

TicketCounter next_ticket(std::optional<TicketCounter> last, date::local_days today) {
  if (!last || today > last->day) {
    return TicketCounter{today, 1};
  }
  // Same day, or the clock moved back to an earlier day: the later day stays current, because restarting
  // would hand out numbers that customers from that later day may still be holding.
  const int previous = std::max(last->last_number, 0);
  if (previous == std::numeric_limits<int>::max()) {
    throw std::overflow_error("ticket numbers for the day are exhausted");
  }
  return TicketCounter{last->day, previous + 1};
}

std::string format_ticket_number(std::string_view prefix, int number) {
  return fmt::format("{}{:03}", prefix, std::max(number, 0));
}

}  // namespace kiosk::domain::queue
