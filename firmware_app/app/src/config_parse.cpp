// TOML tree -> KioskConfig. The schema lives in the read_* functions at the bottom: each key is read
// exactly once, by name, and that call is also what makes the key "known". So adding a key is one line,
// and a key that is not read anywhere is reported as unknown instead of being silently ignored.

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "config_detail.hpp"

namespace kiosk::app::detail {
namespace {

SourcePos position_of(const toml::source_region& region) {
  auto clamp = [](toml::source_index index) {
    return static_cast<int>(std::min<toml::source_index>(index, std::numeric_limits<int>::max()));
  };
  return SourcePos{clamp(region.begin.line), clamp(region.begin.column)};
}

// "a string", "an integer": for "expected a string, got an integer".
std::string_view type_with_article(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// Levenshtein distance, for "did you mean" on a misspelt key. Keys are short, so O(n*m) is nothing.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The known name closest to `name`, if it is close enough to be a typo.
std::optional<std::string_view> closest(std::string_view name, const std::vector<std::string_view>& known) {
  if (name.size() > 64) {
    return std::nullopt;  // a hostile megabyte-long key is no typo, and not worth the quadratic time
  }
  std::optional<std::string_view> best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (auto candidate : known) {
    const auto distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string join(const std::vector<std::string_view>& names) {
  std::string text;
  for (auto name : names) {
    text += text.empty() ? "" : ", ";
    text += name;
  }
  return text;
}

// Reads the keys of one table. Every read_* call names a known key; report_unknown_keys() then reports
// every key of the table that no call named.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string_view table_name, KeyLocations& locations,
              IssueList& issues)
      : m_table(table), m_table_name(table_name), m_locations(locations), m_issues(issues) {}

  void read_string(std::string_view key, std::string& out) {
    if (const auto* node = find(key)) {
      if (const auto* value = node->as_string()) {
        out = value->get();
      } else {
        type_error(key, *node, "a string");
      }
    }
  }

  void read_path(std::string_view key, std::filesystem::path& out) {
    std::string text = out.string();
    read_string(key, text);
    out = text;
  }

  void read_bool(std::string_view key, bool& out) {
    if (const auto* node = find(key)) {
      if (const auto* value = node->as_boolean()) {
        out = value->get();
      } else {
        type_error(key, *node, "a boolean (true or false)");
      }
    }
  }

  template <typename Int>
  void read_int(std::string_view key, const IntRange& range, Int& out) {
    if (auto value = read_ranged(key, range)) {
      out = static_cast<Int>(*value);  // in range, and every range fits in int
    }
  }

  void read_seconds(std::string_view key, const IntRange& range, std::chrono::seconds& out) {
    if (auto value = read_ranged(key, range)) {
      out = std::chrono::seconds{*value};
    }
  }

  // An array of strings; the position of each element is kept for rules about one element.
  void read_string_list(std::string_view key, std::vector<std::string>& out) {
    const auto* node = find(key);
    if (node == nullptr) {
      return;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
      type_error(key, *node, "an array of strings");
      return;
    }
    std::vector<std::string> values;
    std::vector<SourcePos> positions;
    bool all_strings = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto& element = (*array)[i];
      if (const auto* text = element.as_string()) {
        values.push_back(text->get());
      } else {
        m_issues.add(
            position_of(element.source()), dotted(key),
            fmt::format("element {}: expected a string, got {}", i + 1, type_with_article(element.type())));
        all_strings = false;
      }
      positions.push_back(position_of(element.source()));
    }
    if (!all_strings) {
      mark_unusable(key);
      return;
    }
    out = std::move(values);
    m_locations.elements[dotted(key)] = std::move(positions);
  }

  void read_path_list(std::string_view key, std::vector<std::filesystem::path>& out) {
    std::vector<std::string> texts;
    texts.reserve(out.size());
    for (const auto& path : out)
      texts.push_back(path.string());
    read_string_list(key, texts);
    out.assign(texts.begin(), texts.end());
  }

  template <typename Enum, std::size_t N>
  void read_enum(std::string_view key, std::string_view what, const std::array<Enum, N>& values, Enum& out) {
    const auto* node = find(key);
    if (node == nullptr) {
      return;
    }
    const auto* text = node->as_string();
    if (text == nullptr) {
      type_error(key, *node, "a string");
      return;
    }
    std::vector<std::string_view> names;
    for (Enum value : values) {
      if (to_string(value) == text->get()) {
        out = value;
        return;
      }
      names.push_back(to_string(value));
    }
    m_issues.add(
        key_position(key), dotted(key),
        fmt::format("unknown {} {}; expected one of: {}", what, quoted_value(text->get()), join(names)));
    mark_unusable(key);
  }

  void report_unknown_keys() {
    for (auto&& [key, node] : m_table) {
      if (std::find(m_known.begin(), m_known.end(), key.str()) != m_known.end()) {
        continue;
      }
      std::string message = node.is_table() ? "unknown table" : "unknown key";
      if (auto suggestion = closest(key.str(), m_known)) {
        message += fmt::format("; did you mean \"{}\"?", *suggestion);
      } else {
        message += fmt::format("; [{}] has: {}", m_table_name, join(m_known));
      }
      m_issues.add(position_of(key.source()), dotted(key.str()), std::move(message));
    }
  }

  const std::vector<std::string_view>& known_keys() const { return m_known; }

 private:
  // Registers `key` as known; the node when the table has it (and remembers where it is).
  const toml::node* find(std::string_view key) {
    m_known.push_back(key);
    auto it = m_table.find(key);
    if (it == m_table.end()) {
      return nullptr;
    }
    m_locations.keys[dotted(key)] = position_of(it->first.source());
    return &it->second;
  }

  std::optional<std::int64_t> read_ranged(std::string_view key, const IntRange& range) {
    const auto* node = find(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    const auto* value = node->as_integer();
    if (value == nullptr) {
      type_error(key, *node, "an integer");
      return std::nullopt;
    }
    if (value->get() < range.min || value->get() > range.max) {
      m_issues.add(key_position(key), dotted(key), out_of_range_message(range, value->get()));
      mark_unusable(key);
      return std::nullopt;
    }
    return value->get();
  }

  void type_error(std::string_view key, const toml::node& node, std::string_view expected) {
    m_issues.add(key_position(key), dotted(key),
                 fmt::format("expected {}, got {}", expected, type_with_article(node.type())));
    mark_unusable(key);
  }

  SourcePos key_position(std::string_view key) const { return m_locations.find(dotted(key)); }
  void mark_unusable(std::string_view key) { m_locations.unusable.insert(dotted(key)); }
  std::string dotted(std::string_view key) const {
    return fmt::format("{}.{}", m_table_name, printable_key(key));
  }

  const toml::table& m_table;
  std::string_view m_table_name;
  KeyLocations& m_locations;
  IssueList& m_issues;
  std::vector<std::string_view> m_known;
};

// The schema, one table per function: the TOML key, then where its value goes.

void read_kiosk(TableReader& reader, KioskConfig& config) {
  reader.read_string("branch_id", config.kiosk.branch_id);
  reader.read_string("kiosk_id", config.kiosk.kiosk_id);
  reader.read_string("bank_name", config.kiosk.bank_name);
  reader.read_string("time_zone", config.kiosk.time_zone);
}

void read_languages(TableReader& reader, KioskConfig& config) {
  reader.read_string("default", config.languages.default_language);
  reader.read_string_list("enabled", config.languages.enabled);
}

void read_display(TableReader& reader, KioskConfig& config) {
  reader.read_enum("profile", "profile", std::array{Profile::branch, Profile::atm}, config.display.profile);
  reader.read_enum("mode", "display mode",
                   std::array{DisplayMode::windowed, DisplayMode::fullscreen, DisplayMode::headless},
                   config.display.mode);
  reader.read_int("width", k_width_range, config.display.width);
  reader.read_int("height", k_height_range, config.display.height);
  reader.read_bool("high_contrast", config.display.high_contrast);
}

void read_session(TableReader& reader, KioskConfig& config) {
  reader.read_seconds("idle_timeout_seconds", k_idle_timeout_range, config.session.idle_timeout);
  reader.read_seconds("idle_warning_seconds", k_idle_warning_range, config.session.idle_warning);
  reader.read_seconds("attract_cycle_seconds", k_attract_cycle_range, config.session.attract_cycle);
}

void read_paths(TableReader& reader, KioskConfig& config) {
  reader.read_path("data_dir", config.paths.data_dir);
  reader.read_path("log_dir", config.paths.log_dir);
  reader.read_path("cache_dir", config.paths.cache_dir);
}

void read_printer(TableReader& reader, KioskConfig& config) {
  reader.read_enum("transport", "printer transport",
                   std::array{PrinterTransport::none, PrinterTransport::file, PrinterTransport::device,
                              PrinterTransport::tcp},
                   config.printer.transport);
  reader.read_string("target", config.printer.target);
  reader.read_enum("mode", "print mode",
                   std::array{PrintMode::text, PrintMode::raster, PrintMode::auto_select},
                   config.printer.mode);
  reader.read_int("paper_width_mm", k_paper_width_range, config.printer.paper_width_mm);
}

void read_complaints(TableReader& reader, KioskConfig& config) {
  reader.read_int("acknowledge_business_days", k_business_days_range,
                  config.complaints.acknowledge_business_days);
  reader.read_int("final_response_business_days", k_business_days_range,
                  config.complaints.final_response_business_days);
  reader.read_string_list("high_priority_issues", config.complaints.high_priority_issues);
  reader.read_string_list("holidays", config.complaints.holidays);
  reader.read_string("escalation_text", config.complaints.escalation_text);
}

void read_sync(TableReader& reader, KioskConfig& config) {
  auto& sync = config.sync;
  reader.read_enum(
      "policy", "sync policy",
      std::array{SyncPolicy::off, SyncPolicy::mqtt, SyncPolicy::https, SyncPolicy::mqtt_with_https_fallback},
      sync.policy);
  reader.read_string("mqtt_url", sync.mqtt_url);
  reader.read_string("https_url", sync.https_url);
  reader.read_path("ca_file", sync.ca_file);
  reader.read_path("cert_file", sync.cert_file);
  reader.read_path("key_file", sync.key_file);
  reader.read_string_list("pinned_public_keys", sync.pinned_public_keys);
  reader.read_int("max_batch_events", k_batch_events_range, sync.max_batch_events);
  reader.read_seconds("ack_timeout_seconds", k_ack_timeout_range, sync.ack_timeout);
  reader.read_seconds("fallback_after_seconds", k_fallback_after_range, sync.fallback_after);
  reader.read_path_list("bundle_public_keys", sync.bundle_public_keys);
  reader.read_string_list("bundle_kinds", sync.bundle_kinds);
  reader.read_seconds("bundle_poll_seconds", k_bundle_poll_range, sync.bundle_poll);
  reader.read_bool("complaint_status", sync.complaint_status);
}

void read_staff(TableReader& reader, KioskConfig& config) {
  reader.read_string_list("pin_hashes", config.staff.pin_hashes);
  reader.read_path("export_dir", config.staff.export_dir);
}

void read_counters(TableReader& reader, KioskConfig& config) {
  reader.read_string("listen", config.counters.listen);
  reader.read_path("tls_cert", config.counters.tls_cert);
  reader.read_path("tls_key", config.counters.tls_key);
  reader.read_string_list("tokens", config.counters.tokens);
}

void read_logging(TableReader& reader, KioskConfig& config) {
  reader.read_string("level", config.logging.level);
  reader.read_int("max_file_kib", k_max_file_kib_range, config.logging.max_file_kib);
  reader.read_int("max_files", k_max_files_range, config.logging.max_files);
}

struct TableSchema {
  std::string_view name;
  void (*read)(TableReader&, KioskConfig&);
};

constexpr std::array<TableSchema, 11> k_tables{{
    {"kiosk", read_kiosk},
    {"languages", read_languages},
    {"display", read_display},
    {"session", read_session},
    {"paths", read_paths},
    {"printer", read_printer},
    {"complaints", read_complaints},
    {"sync", read_sync},
    {"staff", read_staff},
    {"counters", read_counters},
    {"logging", read_logging},
}};

}  // namespace

void read_document(const toml::table& root, KioskConfig& config, KeyLocations& locations, IssueList& issues) {
  // Every table's reader runs, on an empty table when the file lacks it, so that the known keys of
  // every table are at hand for the hints below.
  const toml::table empty;
  std::map<std::string_view, std::vector<std::string_view>> known_keys;
  std::vector<std::string_view> table_names;
  for (const auto& schema : k_tables) {
    table_names.push_back(schema.name);
    const toml::node* node = root.get(schema.name);
    const toml::table* table = node != nullptr ? node->as_table() : nullptr;
    if (node != nullptr && table == nullptr) {
      const auto it = root.find(schema.name);
      issues.add(position_of(it->first.source()), schema.name,
                 fmt::format("expected a table [{}], got {}", schema.name, type_with_article(node->type())));
    }
    TableReader reader(table != nullptr ? *table : empty, schema.name, locations, issues);
    schema.read(reader, config);
    reader.report_unknown_keys();
    known_keys[schema.name] = reader.known_keys();
    if (node != nullptr && table == nullptr) {
      for (auto key : reader.known_keys()) {
        locations.unusable.insert(fmt::format("{}.{}", schema.name, key));
      }
    }
  }

  for (auto&& [key, node] : root) {
    const auto name = key.str();
    if (std::find(table_names.begin(), table_names.end(), name) != table_names.end()) {
      continue;
    }
    std::string message;
    if (node.is_table()) {
      message = "unknown table";
      if (auto suggestion = closest(name, table_names)) {
        message += fmt::format("; did you mean [{}]?", *suggestion);
      } else {
        message += fmt::format("; the tables are: {}", join(table_names));
      }
    } else {
      // Most likely a key written above the first [table] header, or after a header was deleted.
      message = "unknown key outside any table";
      for (const auto& [table_name, keys] : known_keys) {
        if (std::find(keys.begin(), keys.end(), name) != keys.end()) {
          message += fmt::format("; it belongs under [{}]", table_name);
          break;
        }
      }
    }
    issues.add(position_of(key.source()), printable_key(name), std::move(message));
  }
}

}  // namespace kiosk::app::detail
