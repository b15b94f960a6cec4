#pragma once
// Internal to the complaints feature: reading a JSON document so that every problem becomes a ParseIssue
// with a path and nothing throws out of the parser that uses it.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/text/parse_result.hpp"

namespace kiosk::domain::complaints::detail {

using Json = nlohmann::json;
using Issues = std::vector<ParseIssue>;

// "products[2]" + "id" -> "products[2].id"; an empty parent gives just the key.
std::string key_path(std::string_view parent, std::string_view key);
// "products" + 2 -> "products[2]".
std::string index_path(std::string_view parent, std::size_t index);

// The whole text as one JSON value, or nullopt with issues: syntax errors (with the byte offset) and keys
// repeated inside one object (which nlohmann would silently resolve to the last one).
std::optional<Json> parse_json_document(std::string_view text, Issues& issues);

// Each returns false/nullptr/nullopt after adding an issue naming `path`.
bool expect_object(const Json& value, const std::string& path, Issues& issues);
bool expect_array(const Json& value, const std::string& path, Issues& issues);
void reject_unknown_keys(const Json& object, std::initializer_list<std::string_view> known,
                         const std::string& path, Issues& issues);
const Json* required_member(const Json& object, std::string_view key, const std::string& path,
                            Issues& issues);
std::optional<std::string> read_string(const Json& value, const std::string& path, Issues& issues);

}  // namespace kiosk::domain::complaints::detail
