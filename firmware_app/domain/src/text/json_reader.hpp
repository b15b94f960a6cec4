#pragma once
// Internal to the domain: reading the JSON documents head office sends (service catalog, bookings, complaint
// taxonomy, surveys) so that every problem becomes a ParseIssue with a path, and nothing throws out of the
// parsers.
//
// Guarantees: no function here throws for any input; each one that returns an empty optional (or nullptr)
// has appended at least one issue naming the path.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/text/localized_text.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::json_reader {

using Json = nlohmann::json;
using Issues = std::vector<ParseIssue>;

// "services[2]" + "id" -> "services[2].id"; an empty parent gives just the key.
std::string key_path(std::string_view parent, std::string_view key);
// "services" + 2 -> "services[2]".
std::string index_path(std::string_view parent, std::size_t index);

void add_issue(Issues& issues, std::string path, std::string message);

// The whole text as one JSON value. Syntax errors (with the byte offset) and keys repeated inside one
// object (which nlohmann would silently resolve to the last one) become issues.
std::optional<Json> parse_json_document(std::string_view text, Issues& issues);

// True if `value` is an object (an array); otherwise adds "expected an object (an array)".
bool expect_object(const Json& value, const std::string& path, Issues& issues);
bool expect_array(const Json& value, const std::string& path, Issues& issues);

// Adds one issue per key of `object` that is not in `known`, so a misspelt key is an error, not a silently
// ignored setting.
void reject_unknown_keys(const Json& object, std::initializer_list<std::string_view> known,
                         const std::string& path, Issues& issues);

// The member `key` of `object`, or nullptr with a "missing required key" issue.
const Json* required_member(const Json& object, std::string_view key, const std::string& path,
                            Issues& issues);
// The member `key` of `object`, or nullptr (no issue) when absent.
const Json* optional_member(const Json& object, std::string_view key);

// A JSON integer within [min, max] (a float such as 2.0 is rejected: counts are written as integers).
std::optional<int> read_int(const Json& value, int min, int max, const std::string& path, Issues& issues);
std::optional<bool> read_bool(const Json& value, const std::string& path, Issues& issues);
std::optional<std::string> read_string(const Json& value, const std::string& path, Issues& issues);

// {"en": "...", "nb": "..."}: an object of non-empty strings keyed by language tag, which must include
// English (the fallback every screen can rely on).
std::optional<LocalizedText> read_localized_text(const Json& value, const std::string& path, Issues& issues);

}  // namespace kiosk::domain::json_reader
