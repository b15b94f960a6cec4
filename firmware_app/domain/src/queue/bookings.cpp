#include "domain/queue/bookings.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "domain/event.hpp"
#include "../text/json_reader.hpp"

namespace kiosk::domain::queue {
namespace {

using namespace json_reader;
using std::chrono::sys_seconds;

constexpr int k_max_version = 2'000'000'000;

bool is_canonical_code(std::string_view code) {
  return code.size() >= k_booking_code_min_length && code.size() <= k_booking_code_max_length &&
         code.find_first_not_of(k_booking_code_alphabet) == std::string_view::npos;
}

std::optional<sys_seconds> read_instant(const Json& value, const std::string& path, Issues& issues) {
  const auto text = read_string(value, path, issues);
  if (!text) {
    return std::nullopt;
  }
  const auto parsed = parse_rfc3339_utc(*text);
  if (!parsed) {
    add_issue(issues, path,
              fmt::format("\"{}\" is not an RFC 3339 time such as \"2026-11-23T09:30:00Z\"", *text));
    return std::nullopt;
  }
  return std::chrono::floor<std::chrono::seconds>(*parsed);
}

Booking read_booking(const Json& value, const std::string& path, Issues& issues) {
  Booking booking;
  if (!expect_object(value, path, issues)) {
    return booking;
  }
  reject_unknown_keys(value, {"code", "service", "at"}, path, issues);
  if (const Json* code = required_member(value, "code", path, issues)) {
    const std::string code_path = key_path(path, "code");
    if (const auto text = read_string(*code, code_path, issues)) {
      if (is_canonical_code(*text)) {
        booking.code = *text;
      } else {
        add_issue(issues, code_path,
                  fmt::format("\"{}\" is not a booking code ({}-{} of {})", *text, k_booking_code_min_length,
                              k_booking_code_max_length, k_booking_code_alphabet));
      }
    }
  }
  if (const Json* service = required_member(value, "service", path, issues)) {
    const std::string service_path = key_path(path, "service");
    if (const auto text = read_string(*service, service_path, issues)) {
      if (!is_valid_service_id(*text)) {
        add_issue(issues, service_path, fmt::format("\"{}\" is not a service id", *text));
      } else {
        booking.service_id = *text;
      }
    }
  }
  if (const Json* at = required_member(value, "at", path, issues)) {
    booking.at = read_instant(*at, key_path(path, "at"), issues).value_or(sys_seconds{});
  }
  return booking;
}

std::vector<Booking> read_bookings(const Json& list, Issues& issues) {
  std::vector<Booking> bookings;
  if (!list.is_array()) {
    add_issue(issues, "bookings", fmt::format("expected a list of bookings, found {}", list.type_name()));
    return bookings;
  }
  std::set<std::string, std::less<>> codes;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = index_path("bookings", i);
    Booking booking = read_booking(list[i], path, issues);
    if (!booking.code.empty() && !codes.insert(booking.code).second) {
      add_issue(issues, key_path(path, "code"),
                fmt::format("\"{}\" is used by another booking", booking.code));
    }
    bookings.push_back(std::move(booking));
  }
  return bookings;
}

}  // namespace

std::optional<std::string> normalize_booking_code(std::string_view typed) {
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') {
      continue;
    }
    char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper == 'O') {
      upper = '0';
    } else if (upper == 'I' || upper == 'L') {
      upper = '1';
    }
    if (k_booking_code_alphabet.find(upper) == std::string_view::npos ||
        code.size() == k_booking_code_max_length) {
      return std::nullopt;
    }
    code.push_back(upper);
  }
  if (code.size() < k_booking_code_min_length) {
    return std::nullopt;
  }
  return code;
}

ParseResult<std::vector<Booking>> parse_bookings(std::string_view json) {
  Issues issues;
  const auto document = parse_json_document(json, issues);
  if (!document || !expect_object(*document, "", issues)) {
    return ParseResult<std::vector<Booking>>::failure(std::move(issues));
  }
  reject_unknown_keys(*document, {"version", "bookings"}, "", issues);
  if (const Json* version = optional_member(*document, "version")) {
    read_int(*version, 1, k_max_version, "version", issues);
  }
  std::vector<Booking> bookings;
  if (const Json* list = required_member(*document, "bookings", "", issues)) {
    bookings = read_bookings(*list, issues);
  }
  if (!issues.empty()) {
    return ParseResult<std::vector<Booking>>::failure(std::move(issues));
  }
  return ParseResult<std::vector<Booking>>::success(std::move(bookings));
}

std::vector<ParseIssue> check_booking_services(std::span<const Booking> bookings,
                                               const ServiceCatalog& catalog) {
  Issues issues;
  for (std::size_t i = 0; i < bookings.size(); ++i) {
    const std::string path = key_path(index_path("bookings", i), "service");
    const Service* service = catalog.find(bookings[i].service_id);
    if (service == nullptr) {
      add_issue(issues, path, fmt::format("no service \"{}\" in the catalog", bookings[i].service_id));
    } else if (!service->enabled) {
      add_issue(issues, path, fmt::format("service \"{}\" is disabled", bookings[i].service_id));
    }
  }
  return issues;
}

BookingCheck check_booking(std::span<const Booking> bookings, std::string_view typed_code, sys_seconds now,
                           bool already_used) {
  const auto code = normalize_booking_code(typed_code);
  if (!code) {
    return BookingCheck{BookingResult::unknown_code, nullptr};
  }
  const auto found = std::find_if(bookings.begin(), bookings.end(),
                                  [&](const Booking& booking) { return booking.code == *code; });
  if (found == bookings.end()) {
    return BookingCheck{BookingResult::unknown_code, nullptr};
  }
  const Booking* booking = &*found;
  if (already_used) {
    return BookingCheck{BookingResult::already_used, booking};
  }
  if (now < booking->at - k_checkin_opens_before) {
    return BookingCheck{BookingResult::too_early, booking};
  }
  if (now > booking->at + k_checkin_closes_after) {
    return BookingCheck{BookingResult::too_late, booking};
  }
  return BookingCheck{BookingResult::ok, booking};
}

}  // namespace kiosk::domain::queue
