#pragma once
// Field readers shared by the protocol parsers. Each returns an error message naming the field ("" when the
// field was read), so parsers can stop at the first problem without exceptions.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk::sync::protocol::detail {

// Parses text without throwing; nullopt when it is not JSON (including invalid UTF-8).
std::optional<nlohmann::json> parse_json_text(std::string_view text);
// Compact dump with sorted keys (nlohmann's default object is a std::map). Never throws: invalid UTF-8 in
// strings we built ourselves is replaced rather than aborting.
std::string dump_compact(const nlohmann::json& json);

std::string read_string(const nlohmann::json& object, std::string_view key, std::string& out);
std::string read_optional_string(const nlohmann::json& object, std::string_view key,
                                 std::optional<std::string>& out);
// Non-negative integer (JSON integer, not 1.0).
std::string read_u64(const nlohmann::json& object, std::string_view key, std::uint64_t& out);
std::string read_i64(const nlohmann::json& object, std::string_view key, std::int64_t& out);
std::string read_optional_i64(const nlohmann::json& object, std::string_view key,
                              std::optional<std::int64_t>& out);
std::string read_int(const nlohmann::json& object, std::string_view key, int& out);
std::string read_bool(const nlohmann::json& object, std::string_view key, bool& out);
// "v" must be exactly `version`.
std::string read_version(const nlohmann::json& object, int version);
// RFC 3339 timestamp string, checked with domain::parse_rfc3339_utc.
std::string read_timestamp(const nlohmann::json& object, std::string_view key, std::string& out);
// Canonical UUID text; stored lowercase.
std::string read_uuid(const nlohmann::json& object, std::string_view key, std::string& out);

// The members of `object` whose keys are not in `known`.
nlohmann::json unknown_fields(const nlohmann::json& object, std::initializer_list<std::string_view> known);
// Starts an output object from preserved unknown fields; the caller then sets the known ones over them.
nlohmann::json object_from_extra(const nlohmann::json& extra);

}  // namespace kiosk::sync::protocol::detail
