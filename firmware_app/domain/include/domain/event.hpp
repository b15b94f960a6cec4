#pragma once
// The event model: every fact the kiosk reports to head office (a ticket issued, a complaint filed, an alarm)
// is an EventRecord. It travels in the envelope {id, seq, type, schema, at, data}; seq is given by the
// store's outbox when the record is written, so it is not part of the record itself.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::domain {

// A UTC instant with millisecond resolution, the precision events carry on the wire.
using EventTime = std::chrono::sys_time<std::chrono::milliseconds>;

struct EventRecord {
  std::string id;                // canonical UUIDv7 text (see uuid.hpp)
  std::string type;              // dotted lowercase name, e.g. "kiosk.started"; see is_valid_event_type
  int schema = 1;                // version of this type's data layout; readers keep unknown versions verbatim
  EventTime at{};                // when it happened, by the device clock
  std::string data_json = "{}";  // the type-specific body, one JSON object
};

// "2026-11-23T09:15:02.123Z": always UTC, always exactly three fractional digits. Years outside 0000-9999
// cannot be written in RFC 3339 and throw std::out_of_range.
std::string format_rfc3339_utc(EventTime at);

// Parses an RFC 3339 date-time: "YYYY-MM-DDTHH:MM:SS", an optional fraction of 1-9 digits (cut to
// milliseconds, not rounded), then "Z" or a numeric offset "+HH:MM"/"-HH:MM" that is applied to give UTC.
// 'T' and 'Z' may be lowercase (RFC 3339 section 5.6). Impossible dates (February 30th), leap seconds
// (:60, which system time cannot represent) and anything else give nullopt.
std::optional<EventTime> parse_rfc3339_utc(std::string_view text);

// Event type names are two or more dot-separated segments, each a lowercase ASCII letter followed by
// lowercase letters, digits or '_', at most 64 characters in all: "device.alarm", "complaint.status_changed".
bool is_valid_event_type(std::string_view type);

}  // namespace kiosk::domain
