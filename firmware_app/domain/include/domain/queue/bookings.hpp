#pragma once
// Pre-booked appointments: a customer who booked online types the code from their confirmation and is
// checked in for the booked service if they arrive in time.
//
// Booking codes are 6-8 characters from Crockford's unambiguous set: digits 0-9 and uppercase letters
// except I, L and O ("0123456789ABCDEFGHJKMNPQRSTUVWXYZ"). Those three letters never appear in a code, so
// whatever a customer types for a look-alike glyph is understood: typed input is upper-cased, spaces and
// '-' are dropped, and O -> 0, I -> 1, L -> 1. "7kq-2mo" therefore finds the booking "7KQ2M0".
//
// Bookings document (any other key is an error):
//   { "version": 12,                                                         (optional)
//     "bookings": [ {"code": "7KQ2M0", "service": "appointments", "at": "2026-11-23T09:30:00Z"} ] }
// "at" is RFC 3339 with "Z" or an offset; codes are unique.

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/queue/services.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::queue {

inline constexpr std::size_t k_booking_code_min_length = 6;
inline constexpr std::size_t k_booking_code_max_length = 8;
inline constexpr std::string_view k_booking_code_alphabet = "0123456789ABCDEFGHJKMNPQRSTUVWXYZ";

// Check-in is accepted from this long before the appointment ...
inline constexpr std::chrono::minutes k_checkin_opens_before{30};
// ... until this long after it (both ends inclusive).
inline constexpr std::chrono::minutes k_checkin_closes_after{15};

struct Booking {
  std::string code;        // canonical: only characters of k_booking_code_alphabet
  std::string service_id;  // a Service::id in the catalog
  std::chrono::sys_seconds at;

  friend bool operator==(const Booking&, const Booking&) = default;
};

// The canonical form of what a customer typed (see above), or nullopt if it cannot be a code: wrong length
// after normalising, or a character outside the alphabet ('U' is allowed; '#', 'Å' are not).
std::optional<std::string> normalize_booking_code(std::string_view typed);

// Reads a bookings document. Never throws; every problem is reported with its path
// ("bookings[3].at: ..."). Codes in the document must already be canonical.
ParseResult<std::vector<Booking>> parse_bookings(std::string_view json);

// Bookings whose service is not in `catalog` (or is disabled there), one issue each with the same paths as
// parse_bookings ("bookings[2].service"). Bookings and catalog arrive as separate bundles, so this is checked
// when either changes; an empty result means every booking can be honoured.
std::vector<ParseIssue> check_booking_services(std::span<const Booking> bookings,
                                               const ServiceCatalog& catalog);

enum class BookingResult { ok, unknown_code, too_early, too_late, already_used };

struct BookingCheck {
  BookingResult result = BookingResult::unknown_code;
  const Booking* booking = nullptr;  // into the span given to check_booking; null only for unknown_code
};

// Looks the typed code up and decides whether the customer may check in now. Order of decisions: unknown
// code (including input that cannot be a code), then already_used (the caller knows whether this booking
// was checked in before), then the window [at - k_checkin_opens_before, at + k_checkin_closes_after].
BookingCheck check_booking(std::span<const Booking> bookings, std::string_view typed_code,
                           std::chrono::sys_seconds now, bool already_used);

}  // namespace kiosk::domain::queue
