// The config bundle. Why the payload is turned into a TOML table: kiosk.toml's own readers then check
// types and ranges, and validate_config's rules run on the merged result, so a value has exactly the same
// rules whether it comes from the file or from head office (one schema, not two drifting apart).

#include "app/runtime_config.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

#include "config_detail.hpp"
#include "domain/event.hpp"

namespace kiosk::app {
namespace {

using Json = nlohmann::json;

// A refusal goes to the log and the sync status: readable, not a megabyte.
constexpr std::size_t k_max_problem_bytes = 1000;

bool whitelisted(std::string_view dotted) {
  return std::find(k_runtime_config_keys.begin(), k_runtime_config_keys.end(), dotted) !=
         k_runtime_config_keys.end();
}

// Why a key of kiosk.toml that is not in k_runtime_config_keys cannot come from a bundle; nullopt for a
// name kiosk.toml does not have either.
std::optional<std::string_view> refusal_reason(std::string_view table, std::string_view key) {
  if (table == "kiosk") {
    if (key == "branch_id" || key == "kiosk_id")
      return "it identifies the kiosk to head office (MQTT topics, certificates); set it in kiosk.toml";
    if (key == "time_zone")
      return "branch-local days (ticket numbers, deadlines, the dashboard) are set up with it at start; set "
             "it in kiosk.toml";
    if (key == "bank_name")
      return "the window title and the font glyphs are made with it at start; set it in kiosk.toml";
    return std::nullopt;
  }
  if (table == "display" && (key == "profile" || key == "mode" || key == "width" || key == "height"))
    return "the window and the layout are made at start; set it in kiosk.toml";
  if (table == "staff" && key == "export_dir")
    return "a folder on the kiosk is set in kiosk.toml only";
  if (table == "paths")
    return "where the kiosk keeps its data is set in kiosk.toml only (needs a restart)";
  if (table == "printer")
    return "the printer is opened at start; set it in kiosk.toml";
  if (table == "sync")
    return "head office's addresses, certificates and bundle keys are never changed by a bundle; set them "
           "in kiosk.toml";
  if (table == "counters")
    return "the counter link's listener, TLS files and tokens are set up at start; set them in kiosk.toml";
  if (table == "logging")
    return "logging is set up at start; set it in kiosk.toml";
  return std::nullopt;
}

std::string dotted(std::string_view table, std::string_view key) {
  return fmt::format("{}.{}", detail::printable_key(table), detail::printable_key(key));
}

std::string_view json_type(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "an integer";
    case Json::value_t::number_float:
      return "a floating-point number";
    case Json::value_t::null:
      return "null";
    default:
      return "nothing";
  }
}

// Hands `put` the TOML value kiosk.toml would hold for one JSON value. A table or an array where a scalar
// belongs becomes an empty one, so the file's reader reports the wrong type in its own words. False for
// what TOML has no spelling for: null, and integers beyond 64 bits.
template <typename Put>
bool put_toml_value(const Json& value, Put&& put) {
  switch (value.type()) {
    case Json::value_t::string:
      put(value.get<std::string>());
      return true;
    case Json::value_t::boolean:
      put(value.get<bool>());
      return true;
    case Json::value_t::number_integer:
      put(value.get<std::int64_t>());
      return true;
    case Json::value_t::number_unsigned:  // nlohmann's type for every integer >= 0
      if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return false;
      put(value.get<std::int64_t>());
      return true;
    case Json::value_t::number_float:
      put(value.get<double>());
      return true;
    case Json::value_t::object:
      put(toml::table{});
      return true;
    case Json::value_t::array:
      put(toml::array{});
      return true;
    default:
      return false;
  }
}

std::string unheld_value_message(const Json& value) {
  return value.is_null() ? "null is not a value; leave the key out to keep the value of kiosk.toml"
                         : fmt::format("{} is too large for any setting", value.dump());
}

// `value` under `table_key` in `out`; an array element by element. False (and an issue) when refused.
bool insert_value(const Json& value, const std::string& table_key, const std::string& key, toml::table& out,
                  detail::IssueList& issues) {
  if (!value.is_array()) {
    if (put_toml_value(
            value, [&](auto&& node) { out.insert_or_assign(table_key, std::forward<decltype(node)>(node)); }))
      return true;
    issues.add({}, key, unheld_value_message(value));
    return false;
  }
  toml::array array;
  bool ok = true;
  for (std::size_t index = 0; index < value.size(); ++index) {
    if (!put_toml_value(value[index],
                        [&](auto&& node) { array.push_back(std::forward<decltype(node)>(node)); })) {
      issues.add({}, key, fmt::format("element {}: {}", index + 1, unheld_value_message(value[index])));
      ok = false;
    }
  }
  out.insert_or_assign(table_key, std::move(array));
  return ok;
}

// The payload as a TOML document of whitelisted keys; nullopt when anything in it is refused (every
// refusal is in `issues`).
std::optional<toml::table> payload_document(const std::string& payload, detail::IssueList& issues) {
  if (payload.size() > k_max_config_bundle_bytes) {
    issues.add({}, {},
               fmt::format("the payload is {} bytes; a config bundle holds at most {}", payload.size(),
                           k_max_config_bundle_bytes));
    return std::nullopt;
  }
  // No exceptions, and nlohmann's parser keeps its own stack: hostile nesting costs memory bounded by the
  // size checked above, never the call stack.
  const auto json = Json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    issues.add({}, {}, "the payload is not valid JSON");
    return std::nullopt;
  }
  if (!json.is_object()) {
    issues.add({}, {},
               fmt::format("the payload must be an object of tables such as {{\"session\": {{...}}}}, got {}",
                           json_type(json)));
    return std::nullopt;
  }
  toml::table root;
  bool ok = true;
  for (const auto& [table_name, table] : json.items()) {
    if (!table.is_object()) {
      issues.add({}, detail::printable_key(table_name),
                 fmt::format("expected a table (a JSON object of keys), got {}", json_type(table)));
      ok = false;
      continue;
    }
    toml::table keys;
    for (const auto& [key, value] : table.items()) {
      const auto name = dotted(table_name, key);
      if (!whitelisted(name)) {
        const auto reason = refusal_reason(table_name, key);
        issues.add({}, name,
                   reason ? fmt::format("not accepted in a config bundle: {}", *reason)
                          : fmt::format("unknown key; a config bundle may carry only: {}",
                                        fmt::join(k_runtime_config_keys, ", ")));
        ok = false;
        continue;
      }
      ok = insert_value(value, key, name, keys, issues) && ok;
    }
    root.insert_or_assign(table_name, std::move(keys));
  }
  if (!ok)
    return std::nullopt;
  return root;
}

// A bundle may narrow or reorder the languages, never add one: the catalogs and the font glyphs of the
// languages kiosk.toml enables are what was loaded at start.
void check_languages_loaded(const KioskConfig& merged, const KioskConfig& file_config,
                            detail::IssueList& issues) {
  const auto& loaded = file_config.languages.enabled;
  for (std::size_t index = 0; index < merged.languages.enabled.size(); ++index) {
    const auto& tag = merged.languages.enabled[index];
    if (std::find(loaded.begin(), loaded.end(), tag) == loaded.end()) {
      issues.add({}, "languages.enabled",
                 fmt::format("element {}: {} is not enabled in kiosk.toml (its catalog and glyphs are loaded "
                             "at start); a bundle may only narrow or reorder the languages",
                             index + 1, detail::quoted_value(tag)));
    }
  }
}

}  // namespace

ConfigResult merge_config_bundles(const KioskConfig& file_config, const std::vector<ContentUpdate>& layers) {
  ConfigResult result;
  KioskConfig merged = file_config;
  detail::KeyLocations locations;
  for (const auto& layer : layers) {
    detail::IssueList issues(layer.origin);
    if (layer.kind != k_config_bundle_kind) {
      issues.add({}, {}, fmt::format("a {} bundle is not a config bundle", detail::quoted_value(layer.kind)));
    } else if (auto document = payload_document(layer.payload, issues)) {
      detail::read_document(*document, merged, locations, issues);
    }
    if (!issues.empty()) {
      result.issues = issues.take();
      return result;
    }
  }
  detail::IssueList issues(layers.empty() ? std::string_view{} : std::string_view{layers.back().origin});
  detail::validate(merged, locations, issues);
  if (issues.empty()) {
    check_languages_loaded(merged, file_config, issues);  // about valid tags only
  }
  result.issues = issues.take();
  if (result.issues.empty())
    result.config = std::move(merged);
  return result;
}

std::string config_bundles_problem(const KioskConfig& file_config, const std::vector<ContentUpdate>& layers) {
  std::string text;
  for (const auto& issue : merge_config_bundles(file_config, layers).issues) {
    if (!text.empty())
      text += "; ";
    text += describe(issue);
    if (text.size() > k_max_problem_bytes) {
      text.resize(k_max_problem_bytes);
      text += "...";
      break;
    }
  }
  return text;
}

std::vector<ContentUpdate> take_config_updates(std::vector<ContentUpdate>& updates) {
  std::vector<ContentUpdate> config;
  std::vector<ContentUpdate> rest;
  for (auto& update : updates)
    (update.kind == k_config_bundle_kind ? config : rest).push_back(std::move(update));
  updates = std::move(rest);
  return config;
}

RuntimeConfig::RuntimeConfig(KioskConfig file_config) : m_file(std::move(file_config)), m_effective(m_file) {}

std::vector<ContentUpdate> RuntimeConfig::ordered(std::vector<ContentUpdate> layers) const {
  // The bank-wide bundle first, the branch's over it (a kiosk follows only those two scopes).
  std::stable_partition(layers.begin(), layers.end(),
                        [](const ContentUpdate& layer) { return layer.scope == "all"; });
  return layers;
}

bool RuntimeConfig::update(const std::vector<ContentUpdate>& updates) {
  bool changed = false;
  for (const auto& update : updates) {
    auto layers = m_layers;
    std::erase_if(layers, [&](const ContentUpdate& layer) { return layer.scope == update.scope; });
    layers.push_back(update);
    layers = ordered(std::move(layers));
    auto merged = merge_config_bundles(m_file, layers);
    if (!merged.ok()) {
      for (const auto& issue : merged.issues)
        spdlog::error("config {} not used: {}", update.origin, describe(issue));
      continue;
    }
    spdlog::info("config {} in use", update.origin);
    m_layers = std::move(layers);
    changed = changed || *merged.config != m_effective;
    m_effective = std::move(*merged.config);
  }
  return changed;
}

bool RuntimeConfig::drop_expired(std::chrono::sys_seconds now) {
  const auto dropped = std::erase_if(m_layers, [&](const ContentUpdate& layer) {
    if (!layer.expires || now < *layer.expires)
      return false;
    spdlog::warn("config {} expired at {}; dropped", layer.origin,
                 domain::format_rfc3339_utc(domain::EventTime{*layer.expires}));
    return true;
  });
  if (dropped == 0)
    return false;
  auto merged = merge_config_bundles(m_file, m_layers);
  if (!merged.ok()) {
    // What is left was valid only together with the expired bundle (a branch's idle warning that needed
    // the bank-wide timeout): kiosk.toml alone is the one config known to be whole.
    for (const auto& issue : merged.issues)
      spdlog::error("config: {}; falling back to kiosk.toml", describe(issue));
    m_layers.clear();
    merged.config = m_file;
  }
  spdlog::warn("config: {} in use again",
               m_layers.empty() ? std::string("kiosk.toml") : m_layers.back().origin);
  const bool changed = *merged.config != m_effective;
  m_effective = std::move(*merged.config);
  return changed;
}

}  // namespace kiosk::app
