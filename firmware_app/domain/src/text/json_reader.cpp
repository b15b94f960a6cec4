#include "json_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>

#include <fmt/format.h>

namespace kiosk::domain::json_reader {
namespace {

// One open container while parsing; used only to name the path of a repeated key.
struct OpenContainer {
  bool is_object = false;
  std::set<std::string, std::less<>> keys;  // keys seen so far (objects)
  std::string current_key;                  // the member being read (objects)
  std::size_t next_index = 0;               // the next element's index (arrays)
  std::size_t current_index = 0;            // the element being read (arrays)
};

std::string path_of(const std::vector<OpenContainer>& open) {
  std::string path;
  for (std::size_t i = 0; i + 1 < open.size(); ++i) {
    const OpenContainer& container = open[i];
    path = container.is_object ? key_path(path, container.current_key)
                               : index_path(path, container.current_index);
  }
  return path;
}

void start_element(std::vector<OpenContainer>& open) {
  if (!open.empty() && !open.back().is_object) {
    open.back().current_index = open.back().next_index++;
  }
}

// Language tags as BCP 47 writes them: letters and digits in '-'-separated subtags ("en", "zh-Hans").
bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35 || tag.front() == '-' || tag.back() == '-') {
    return false;
  }
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string type_name(const Json& value) {
  return value.type_name();
}

}  // namespace

std::string key_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) {
    return std::string(key);
  }
  return fmt::format("{}.{}", parent, key);
}

std::string index_path(std::string_view parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

void add_issue(Issues& issues, std::string path, std::string message) {
  issues.push_back(ParseIssue{std::move(path), std::move(message)});
}

std::optional<Json> parse_json_document(std::string_view text, Issues& issues) {
  std::vector<OpenContainer> open;
  Issues duplicates;
  // The callback sees every key as it is read, before nlohmann overwrites an earlier member of the same
  // name; that is the only point where a repeated key is still visible.
  auto track = [&](int /*depth*/, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        start_element(open);
        open.push_back(OpenContainer{event == Json::parse_event_t::object_start, {}, {}, 0, 0});
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        if (!open.empty()) {
          open.pop_back();
        }
        break;
      case Json::parse_event_t::key:
        if (!open.empty() && parsed.is_string()) {
          OpenContainer& object = open.back();
          object.current_key = parsed.get<std::string>();
          if (!object.keys.insert(object.current_key).second) {
            add_issue(duplicates, key_path(path_of(open), object.current_key), "key appears more than once");
          }
        }
        break;
      case Json::parse_event_t::value:
        start_element(open);
        break;
    }
    return true;
  };
  try {
    Json document = Json::parse(text.begin(), text.end(), track, /*allow_exceptions=*/true,
                                /*ignore_comments=*/false);
    if (!duplicates.empty()) {
      issues.insert(issues.end(), duplicates.begin(), duplicates.end());
      return std::nullopt;
    }
    return document;
  } catch (const Json::parse_error& error) {
    add_issue(issues, "", fmt::format("not valid JSON (byte {}): {}", error.byte, error.what()));
  } catch (const std::exception& error) {
    add_issue(issues, "", fmt::format("cannot read the document: {}", error.what()));
  }
  return std::nullopt;
}

bool expect_object(const Json& value, const std::string& path, Issues& issues) {
  if (value.is_object()) {
    return true;
  }
  add_issue(issues, path, fmt::format("expected an object, found {}", type_name(value)));
  return false;
}

bool expect_array(const Json& value, const std::string& path, Issues& issues) {
  if (value.is_array()) {
    return true;
  }
  add_issue(issues, path, fmt::format("expected an array, found {}", type_name(value)));
  return false;
}

void reject_unknown_keys(const Json& object, std::initializer_list<std::string_view> known,
                         const std::string& path, Issues& issues) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      add_issue(issues, key_path(path, key), "unknown key");
    }
  }
}

const Json* required_member(const Json& object, std::string_view key, const std::string& path,
                            Issues& issues) {
  if (const Json* member = optional_member(object, key)) {
    return member;
  }
  add_issue(issues, key_path(path, key), "missing required key");
  return nullptr;
}

const Json* optional_member(const Json& object, std::string_view key) {
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

std::optional<int> read_int(const Json& value, int min, int max, const std::string& path, Issues& issues) {
  if (!value.is_number_integer()) {
    add_issue(issues, path, fmt::format("expected an integer, found {}", type_name(value)));
    return std::nullopt;
  }
  // Widen first so a huge number is reported as out of range, not wrapped into it.
  std::int64_t number = 0;
  if (value.is_number_unsigned()) {
    const auto magnitude = value.get<std::uint64_t>();
    constexpr auto k_largest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    number = static_cast<std::int64_t>(std::min(magnitude, k_largest));
  } else {
    number = value.get<std::int64_t>();
  }
  if (number < min || number > max) {
    add_issue(issues, path, fmt::format("must be between {} and {}", min, max));
    return std::nullopt;
  }
  return static_cast<int>(number);
}

std::optional<bool> read_bool(const Json& value, const std::string& path, Issues& issues) {
  if (!value.is_boolean()) {
    add_issue(issues, path, fmt::format("expected true or false, found {}", type_name(value)));
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<std::string> read_string(const Json& value, const std::string& path, Issues& issues) {
  if (!value.is_string()) {
    add_issue(issues, path, fmt::format("expected a string, found {}", type_name(value)));
    return std::nullopt;
  }
  return value.get<std::string>();
}

std::optional<LocalizedText> read_localized_text(const Json& value, const std::string& path, Issues& issues) {
  if (!expect_object(value, path, issues)) {
    return std::nullopt;
  }
  const std::size_t issues_before = issues.size();
  LocalizedText text;
  for (const auto& [language, translation] : value.items()) {
    const std::string item_path = key_path(path, language);
    if (!is_language_tag(language)) {
      add_issue(issues, item_path, "not a language tag (expected e.g. \"en\", \"zh-Hans\")");
      continue;
    }
    const auto words = read_string(translation, item_path, issues);
    if (!words) {
      continue;
    }
    if (words->find_first_not_of(" \t\r\n") == std::string::npos) {
      add_issue(issues, item_path, "text is empty");
      continue;
    }
    text.set(language, *words);
  }
  if (!value.contains("en")) {
    add_issue(issues, key_path(path, "en"),
              "English text is required (it is the fallback for every language)");
  }
  if (issues.size() != issues_before) {
    return std::nullopt;
  }
  return text;
}

}  // namespace kiosk::domain::json_reader
