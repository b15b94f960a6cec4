#include "domain/announcements/announcements.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "../text/json_reader.hpp"
#include "domain/language.hpp"
#include "domain/text/utf8.hpp"

namespace kiosk::domain::announcements {
namespace {

using namespace json_reader;

constexpr std::array<std::string_view, 7> k_weekday_keys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > k_max_id_length || id.front() < 'a' || id.front() > 'z')
    return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool is_kiosk_language(std::string_view tag) {
  const auto languages = supported_languages();
  return std::any_of(languages.begin(), languages.end(),
                     [&](const LanguageInfo& language) { return language.tag == tag; });
}

// Control characters would draw as boxes (or move the cursor in a log); a body may break lines.
bool has_control_character(std::string_view text, bool newline_allowed) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && !(newline_allowed && c == '\n')) || byte == 0x7F;
  });
}

std::optional<LocalizedText> read_message_text(const Json& value, const std::string& path,
                                               std::size_t max_code_points, bool newline_allowed,
                                               Issues& issues) {
  auto text = read_localized_text(value, path, issues);
  if (!text)
    return std::nullopt;
  const std::size_t issues_before = issues.size();
  for (const auto& [language, words] : text->all()) {
    const std::string item_path = key_path(path, language);
    if (!is_kiosk_language(language)) {
      add_issue(issues, item_path, "not a language this kiosk offers (en, ru, zh-Hans, nb)");
    } else if (count_code_points(words) > max_code_points) {
      add_issue(issues, item_path, fmt::format("longer than {} characters", max_code_points));
    } else if (has_control_character(words, newline_allowed)) {
      add_issue(issues, item_path, "contains a control character");
    }
  }
  if (issues.size() != issues_before)
    return std::nullopt;
  return text;
}

std::optional<EventTime> read_instant(const Json& value, const std::string& path, Issues& issues) {
  const auto text = read_string(value, path, issues);
  if (!text)
    return std::nullopt;
  const auto parsed = parse_rfc3339_utc(*text);
  if (!parsed) {
    add_issue(issues, path,
              fmt::format("\"{}\" is not an RFC 3339 time such as \"2026-11-23T09:30:00Z\"",
                          std::string(first_code_points(*text, 40))));
  }
  return parsed;
}

std::optional<std::array<bool, 7>> read_weekdays(const Json& value, const std::string& path, Issues& issues) {
  if (!expect_array(value, path, issues))
    return std::nullopt;
  if (value.empty() || value.size() > k_weekday_keys.size()) {
    add_issue(issues, path, "expected 1 to 7 weekdays (\"mon\" ... \"sun\")");
    return std::nullopt;
  }
  std::array<bool, 7> days{};
  const std::size_t issues_before = issues.size();
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string day_path = index_path(path, i);
    const auto key = read_string(value[i], day_path, issues);
    if (!key)
      continue;
    const auto found = std::find(k_weekday_keys.begin(), k_weekday_keys.end(), *key);
    if (found == k_weekday_keys.end()) {
      add_issue(issues, day_path,
                "expected one of \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"");
      continue;
    }
    auto& day = days[static_cast<std::size_t>(found - k_weekday_keys.begin())];
    if (day)
      add_issue(issues, day_path, "weekday listed twice");
    day = true;
  }
  if (issues.size() != issues_before)
    return std::nullopt;
  return days;
}

Announcement read_announcement(const Json& value, const std::string& path, Issues& issues) {
  Announcement announcement;
  if (!expect_object(value, path, issues))
    return announcement;
  reject_unknown_keys(value, {"id", "title", "body", "start", "end", "weekdays"}, path, issues);
  if (const Json* id = required_member(value, "id", path, issues)) {
    const std::string id_path = key_path(path, "id");
    if (const auto text = read_string(*id, id_path, issues)) {
      if (is_valid_id(*text)) {
        announcement.id = *text;
      } else {
        add_issue(issues, id_path,
                  fmt::format("not an id (a-z first, then a-z, 0-9, '_', '-'; at most {})", k_max_id_length));
      }
    }
  }
  if (const Json* title = required_member(value, "title", path, issues)) {
    if (auto text =
            read_message_text(*title, key_path(path, "title"), k_max_title_code_points, false, issues))
      announcement.title = std::move(*text);
  }
  if (const Json* body = required_member(value, "body", path, issues)) {
    if (auto text = read_message_text(*body, key_path(path, "body"), k_max_body_code_points, true, issues))
      announcement.body = std::move(*text);
  }
  if (const Json* start = optional_member(value, "start"))
    announcement.start = read_instant(*start, key_path(path, "start"), issues);
  if (const Json* end = optional_member(value, "end"))
    announcement.end = read_instant(*end, key_path(path, "end"), issues);
  if (announcement.start && announcement.end && *announcement.end <= *announcement.start)
    add_issue(issues, key_path(path, "end"), "must be after start");
  if (const Json* weekdays = optional_member(value, "weekdays")) {
    if (auto days = read_weekdays(*weekdays, key_path(path, "weekdays"), issues))
      announcement.weekdays = *days;
  }
  return announcement;
}

}  // namespace

ParseResult<Announcements> parse_announcements(std::string_view json) {
  Issues issues;
  if (json.size() > k_max_document_bytes) {
    add_issue(
        issues, "",
        fmt::format("document is {} bytes; at most {} are accepted", json.size(), k_max_document_bytes));
    return ParseResult<Announcements>::failure(std::move(issues));
  }
  const auto document = parse_json_document(json, issues);
  if (!document || !expect_object(*document, "", issues))
    return ParseResult<Announcements>::failure(std::move(issues));
  reject_unknown_keys(*document, {"format", "announcements"}, "", issues);
  if (const Json* format = required_member(*document, "format", "", issues)) {
    if (const auto number = read_int(*format, 0, 1'000'000, "format", issues); number && *number != k_format)
      add_issue(issues, "format",
                fmt::format("format {} is not known to this kiosk (it reads {})", *number, k_format));
  }
  Announcements announcements;
  if (const Json* list = required_member(*document, "announcements", "", issues)) {
    if (expect_array(*list, "announcements", issues)) {
      if (list->size() > k_max_announcements) {
        add_issue(issues, "announcements",
                  fmt::format("{} messages; at most {} are shown", list->size(), k_max_announcements));
      } else {
        std::set<std::string, std::less<>> ids;
        for (std::size_t i = 0; i < list->size(); ++i) {
          const std::string path = index_path("announcements", i);
          auto announcement = read_announcement((*list)[i], path, issues);
          if (!announcement.id.empty() && !ids.insert(announcement.id).second)
            add_issue(issues, key_path(path, "id"),
                      fmt::format("\"{}\" is used by another message", announcement.id));
          announcements.items.push_back(std::move(announcement));
        }
      }
    }
  }
  if (!issues.empty())
    return ParseResult<Announcements>::failure(std::move(issues));
  return ParseResult<Announcements>::success(std::move(announcements));
}

bool is_shown_at(const Announcement& announcement, EventTime now, const date::time_zone& zone) {
  if ((announcement.start && now < *announcement.start) || has_ended(announcement, now))
    return false;
  const auto local = zone.to_local(now);
  const date::weekday day{date::floor<date::days>(local)};
  return announcement.weekdays[day.iso_encoding() - 1];
}

bool has_ended(const Announcement& announcement, EventTime now) {
  return announcement.end && now >= *announcement.end;
}

std::vector<const Announcement*> shown_at(const Announcements& announcements, EventTime now,
                                          const date::time_zone& zone) {
  std::vector<const Announcement*> shown;
  for (const auto& announcement : announcements.items) {
    if (is_shown_at(announcement, now, zone))
      shown.push_back(&announcement);
  }
  return shown;
}

const std::string& text_in(const LocalizedText& text, std::string_view language,
                           std::string_view fallback_language) {
  if (text.has(language))
    return text.in(language);
  if (text.has(fallback_language))
    return text.in(fallback_language);
  return text.in("en");
}

}  // namespace kiosk::domain::announcements
