#include "json_reader.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace kiosk::domain::complaints::detail {
namespace {

// One open container while parsing; used only to name the path of a repeated key.
struct OpenContainer {
  bool is_object = false;
  std::set<std::string, std::less<>> keys;
  std::string current_key;
  std::size_t next_index = 0;
  std::size_t current_index = 0;
};

std::string path_of(const std::vector<OpenContainer>& open) {
  std::string path;
  // The last container is the one holding the repeated key; its parents name the path to it.
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

std::optional<Json> parse_json_document(std::string_view text, Issues& issues) {
  std::vector<OpenContainer> open;
  Issues duplicates;
  // The parser callback sees each key before nlohmann overwrites an earlier member of the same name; it is
  // the only place a repeated key is still visible.
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
            duplicates.push_back({key_path(path_of(open), object.current_key), "key appears more than once"});
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
    issues.push_back({"", fmt::format("not valid JSON (byte {}): {}", error.byte, error.what())});
  } catch (const std::exception& error) {
    issues.push_back({"", fmt::format("cannot read the document: {}", error.what())});
  }
  return std::nullopt;
}

bool expect_object(const Json& value, const std::string& path, Issues& issues) {
  if (value.is_object()) {
    return true;
  }
  issues.push_back({path, fmt::format("expected an object, found {}", value.type_name())});
  return false;
}

bool expect_array(const Json& value, const std::string& path, Issues& issues) {
  if (value.is_array()) {
    return true;
  }
  issues.push_back({path, fmt::format("expected an array, found {}", value.type_name())});
  return false;
}

void reject_unknown_keys(const Json& object, std::initializer_list<std::string_view> known,
                         const std::string& path, Issues& issues) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      issues.push_back({key_path(path, key), "unknown key"});
    }
  }
}

const Json* required_member(const Json& object, std::string_view key, const std::string& path,
                            Issues& issues) {
  const auto found = object.find(key);
  if (found != object.end()) {
    return &*found;
  }
  issues.push_back({key_path(path, key), "missing required key"});
  return nullptr;
}

std::optional<std::string> read_string(const Json& value, const std::string& path, Issues& issues) {
  if (!value.is_string()) {
    issues.push_back({path, fmt::format("expected a string, found {}", value.type_name())});
    return std::nullopt;
  }
  return value.get<std::string>();
}

}  // namespace kiosk::domain::complaints::detail
