#pragma once
// "You said, we did": short messages head office publishes to a branch's attract screen, telling customers
// what was changed because of their feedback. They arrive as an `announcements` bundle (or, until one has,
// from assets/announcements/announcements.json).
//
// Document (any other key is an error):
//   { "format": 1,
//     "announcements": [
//       { "id": "now-serving-screen",                               a-z first, then a-z 0-9 '_' '-'
//         "title": {"en": "You said ...", "nb": "...", ...},        English required, kiosk languages only
//         "body":  {"en": "We did ...", ...},
//         "start": "2026-11-01T00:00:00Z",                          optional, shown from (inclusive)
//         "end":   "2027-01-31T00:00:00Z",                          optional, shown until (exclusive)
//         "weekdays": ["mon", "tue", "wed", "thu", "fri"] } ] }     optional, branch-local days
//
// Bounds keep a hostile or mistaken document from filling the screen or the font atlas: at most
// k_max_announcements messages, titles and bodies of at most k_max_title_code_points and
// k_max_body_code_points characters (in every language), the whole document at most k_max_document_bytes.
// A language missing from a message falls back to the kiosk's default language, then English.

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "domain/event.hpp"
#include "domain/text/localized_text.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::announcements {

inline constexpr int k_format = 1;
inline constexpr std::size_t k_max_announcements = 12;
inline constexpr std::size_t k_max_id_length = 40;
inline constexpr std::size_t k_max_title_code_points = 90;
inline constexpr std::size_t k_max_body_code_points = 240;
inline constexpr std::size_t k_max_document_bytes = std::size_t{64} * 1024;

struct Announcement {
  std::string id;
  LocalizedText title;  // "You said the queue was hard to follow"
  LocalizedText body;   // "We added a now-serving screen ..."
  std::optional<EventTime> start;
  std::optional<EventTime> end;
  std::array<bool, 7> weekdays{true, true, true, true, true, true, true};  // Monday first

  friend bool operator==(const Announcement&, const Announcement&) = default;
};

struct Announcements {
  std::vector<Announcement> items;  // in the order head office wrote them: the order they rotate in
  friend bool operator==(const Announcements&, const Announcements&) = default;
};

// Reads an announcements document. Never throws; every problem comes back with its path
// ("announcements[2].title.ru: ...").
ParseResult<Announcements> parse_announcements(std::string_view json);

// True when `now` is inside the message's [start, end) and on one of its weekdays in `zone`.
bool is_shown_at(const Announcement& announcement, EventTime now, const date::time_zone& zone);

// True once the message's end has passed: it will never be shown again and can be dropped.
bool has_ended(const Announcement& announcement, EventTime now);

// The messages to rotate through at `now`, in document order.
std::vector<const Announcement*> shown_at(const Announcements& announcements, EventTime now,
                                          const date::time_zone& zone);

// The text in `language`, else in `fallback_language` (the kiosk's default), else English.
const std::string& text_in(const LocalizedText& text, std::string_view language,
                           std::string_view fallback_language);

}  // namespace kiosk::domain::announcements
