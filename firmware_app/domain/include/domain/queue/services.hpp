#pragma once
// The services a branch offers at the check-in screen (cash and payments, loans, ...), when each is open,
// and which counters serve it. Head office sends the catalog as JSON (assets/services/services.json is
// the shipped default); parse_service_catalog checks it completely before the kiosk uses any of it.
//
// Document shape (every key below is known; any other key is an error):
//   { "version": 3,
//     "services": [
//       { "id": "cash", "prefix": "A",
//         "name": {"en": "Cash and payments", "nb": "..."}, "description": {"en": "..."},   (optional)
//         "hours": { "weekly": {"mon": ["09:00-12:00", "12:30-15:30"], ..., "sun": []},
//                    "closed_dates": ["2026-12-24"] },                                     (optional)
//         "counters": [1, 2], "enabled": true }                                            (optional)
//     ] }
// A weekday that is missing or has an empty list is closed all day. Times are branch-local wall-clock
// times; "24:00" may end an interval (open until midnight).

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "domain/text/localized_text.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::queue {

// One opening interval within a day, as minutes after local midnight: 0 <= opens < closes <= 1440.
struct LocalInterval {
  std::chrono::minutes opens{0};
  std::chrono::minutes closes{0};
  friend bool operator==(const LocalInterval&, const LocalInterval&) = default;
};

struct OpeningHours {
  // Index 0 is Monday, 6 is Sunday (ISO order). Intervals are sorted and never overlap; two intervals may
  // touch ("09:00-12:00", "12:00-15:00"), which availability treats as one opening.
  std::array<std::vector<LocalInterval>, 7> weekly;
  // Branch-local dates on which the service is closed all day (public holidays), sorted, no repeats.
  std::vector<date::local_days> closed_dates;

  const std::vector<LocalInterval>& on(date::weekday day) const;
  bool is_closed_on(date::local_days day) const;

  friend bool operator==(const OpeningHours&, const OpeningHours&) = default;
};

struct Service {
  std::string id;  // stable key: lowercase ASCII letter, then lowercase letters, digits, '_' or '-' (<= 32)
  std::string prefix;         // ticket prefix: one or two uppercase ASCII letters, unique in the catalog
  LocalizedText name;         // always has "en"
  LocalizedText description;  // may be empty; if present, has "en"
  OpeningHours hours;
  std::vector<int> counters;  // counter numbers (1-999) that serve it, unique, at least one
  bool enabled = true;

  friend bool operator==(const Service&, const Service&) = default;
};

struct ServiceCatalog {
  int version = 0;                // >= 1; head office increases it with every change
  std::vector<Service> services;  // in the order the check-in screen shows them; ids and prefixes unique

  const Service* find(std::string_view id) const;

  friend bool operator==(const ServiceCatalog&, const ServiceCatalog&) = default;
};

// Service ids: a lowercase ASCII letter, then lowercase letters, digits, '_' or '-'; at most 32 characters.
bool is_valid_service_id(std::string_view id);

// Reads a catalog. Never throws. On any problem returns every issue found, each with its path, e.g.
// "services[1].prefix: "A" is already used by services[0]" or "services[0].hours.weekly.mon[1]: overlaps
// "09:00-12:00"". Checked: JSON syntax, repeated keys, unknown keys, types, id and prefix syntax and
// uniqueness, "HH:MM-HH:MM" times (closing after opening), overlapping intervals within a day, real
// calendar dates, counters, English names.
ParseResult<ServiceCatalog> parse_service_catalog(std::string_view json);

// How long availability() looks ahead for the next opening.
inline constexpr date::days k_next_opening_horizon{14};

enum class AvailabilityState {
  open,          // serving now; closes_at says until when
  closed_now,    // closed at the moment but opens again later today (branch-local day)
  closed_today,  // no more openings today (closed day, holiday, or after the last interval)
  disabled,      // switched off by head office or staff; no opening times are given
};

struct Availability {
  AvailabilityState state = AvailabilityState::disabled;
  // The next moment the service opens, within k_next_opening_horizon days of today (inclusive); empty when
  // open, disabled, or no opening is found in that window.
  std::optional<std::chrono::sys_seconds> next_opening;
  // When the current opening ends (touching intervals count as one); set only when open.
  std::optional<std::chrono::sys_seconds> closes_at;

  friend bool operator==(const Availability&, const Availability&) = default;
};

// Whether `service` is open at `now` in the branch time zone `zone`. Wall-clock times are turned into
// instants per day, so DST changes are honoured: on a spring-forward day a time that does not exist (02:30
// in Europe/Oslo) means the moment the clock jumps (03:00 CEST); on a fall-back day a time that occurs twice
// means its first occurrence. "24:00" is the following local midnight.
Availability availability(const Service& service, std::chrono::sys_seconds now, const date::time_zone& zone);

}  // namespace kiosk::domain::queue
