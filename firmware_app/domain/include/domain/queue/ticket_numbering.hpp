#pragma once
// Ticket numbers: "A001", "A002", ... per service prefix, restarting at 1 every branch-local day.
//
// Guarantees: a number is never issued twice for one counter state chain. next_ticket() never goes back to
// an earlier day, so when the device clock is set backwards across midnight the kiosk keeps counting on
// the later day instead of restarting (which would repeat numbers customers are already holding). The
// caller keeps one TicketCounter per prefix and stores it with the ticket, in one transaction, so a
// restart resumes from what was stored.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

namespace kiosk::domain::queue {

// The calendar day at the branch at instant `now` (in the branch's IANA zone, not the device's).
date::local_days branch_local_day(std::chrono::sys_seconds now, const date::time_zone& zone);

struct TicketCounter {
  date::local_days day;  // the branch-local day the numbers belong to
  int last_number = 0;   // the last number issued on that day (1 after the first ticket)

  friend bool operator==(const TicketCounter&, const TicketCounter&) = default;
};

// The counter after issuing one more ticket, whose number is the result's last_number:
// - no previous counter, or `today` is later than its day: {today, 1};
// - `today` is the same day or EARLIER (clock went back): {last->day, last->last_number + 1}.
// A negative last_number in stored data is treated as 0. Throws std::overflow_error only if last_number is
// already the largest int (about two billion tickets in a day, which no branch reaches).
TicketCounter next_ticket(std::optional<TicketCounter> last, date::local_days today);

// "A001" for ("A", 1); at least three digits, more when needed ("A1000", "BC12345"). Numbers below 1 are
// never issued and are written as zero ("A000") so they stand out.
std::string format_ticket_number(std::string_view prefix, int number);

}  // namespace kiosk::domain::queue
