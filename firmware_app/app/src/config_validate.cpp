// The rules a config must follow, checked once over the whole config after parsing (or over a config
// built in code). A rule about a key that already failed to parse is skipped: that key holds its
// default, and a second issue about it would only mislead.

#include <date/date.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <filesystem>
#include <initializer_list>

#include <date/tz.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/logging.hpp"
#include "config_detail.hpp"
#include "domain/language.hpp"

namespace kiosk::app::detail {
namespace {

// "YYYY-MM-DD" naming a real calendar day.
bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return false;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (text[i] < '0' || text[i] > '9')
      return false;
  }
  const auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i)
      value = value * 10 + (text[i] - '0');
    return value;
  };
  const date::year_month_day day{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(5, 2))},
                                 date::day{static_cast<unsigned>(number(8, 2))}};
  return day.ok();
}

constexpr std::size_t k_max_id_length = 64;
constexpr std::size_t k_max_bank_name_chars = 80;

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Why `id` cannot be an MQTT topic level ([A-Za-z0-9][A-Za-z0-9_-]{0,63}), or nothing when it can.
std::optional<std::string> id_problem(std::string_view id) {
  if (id.empty()) {
    return "must not be empty";
  }
  if (id.size() > k_max_id_length) {
    return fmt::format("is {} characters long; the limit is {}", id.size(), k_max_id_length);
  }
  if (!is_ascii_alnum(id.front())) {
    return fmt::format("must start with a letter or digit, got {}", quoted_value(id));
  }
  const auto bad = id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
  if (bad != std::string_view::npos) {
    // Show the whole character, not one byte of it, when it is not ASCII.
    std::size_t length = 1;
    while (bad + length < id.size() && (static_cast<unsigned char>(id[bad + length]) & 0xC0) == 0x80) {
      ++length;
    }
    return fmt::format(
        "may hold only letters, digits, '_' and '-' (it becomes an MQTT topic level), got {} at position {} "
        "of {}",
        quoted_value(id.substr(bad, length)), bad + 1, quoted_value(id));
  }
  return std::nullopt;
}

// Why `host_port` is not host:port (host name, IPv4 address or [IPv6]:port), or nothing when it is.
std::optional<std::string> host_port_problem(std::string_view host_port) {
  constexpr std::string_view k_shape = "must be host:port such as printer.local:9100";
  std::string_view host;
  std::string_view port;
  if (host_port.starts_with('[')) {
    const auto close = host_port.find("]:");
    if (close == std::string_view::npos) {
      return fmt::format("{} or [IPv6 address]:port, got {}", k_shape, quoted_value(host_port));
    }
    host = host_port.substr(1, close - 1);
    port = host_port.substr(close + 2);
    const bool ipv6_like =
        host.find(':') != std::string_view::npos && std::all_of(host.begin(), host.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '.';
        });
    if (!ipv6_like) {
      return fmt::format("has {} in brackets, which is not an IPv6 address", quoted_value(host));
    }
  } else {
    const auto colon = host_port.rfind(':');
    if (colon == std::string_view::npos) {
      return fmt::format("{} (the port is missing), got {}", k_shape, quoted_value(host_port));
    }
    host = host_port.substr(0, colon);
    port = host_port.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) {
      return fmt::format("{}; write an IPv6 address in brackets, [addr]:port, got {}", k_shape,
                         quoted_value(host_port));
    }
    if (host.empty() || host.size() > 253) {
      return fmt::format("{}, got {}", k_shape, quoted_value(host_port));
    }
    // Labels of letters, digits and '-', separated by dots (this covers IPv4 addresses too).
    std::size_t start = 0;
    while (start <= host.size()) {
      const auto end = std::min(host.find('.', start), host.size());
      const auto label = host.substr(start, end - start);
      const bool label_ok =
          !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
          std::all_of(label.begin(), label.end(), [](char c) { return is_ascii_alnum(c) || c == '-'; });
      if (!label_ok) {
        return fmt::format("has host {}, which is not a host name or IPv4 address", quoted_value(host));
      }
      start = end + 1;
    }
  }
  int port_number = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), port_number);
  if (port.empty() || port.size() > 5 || error != std::errc{} || end != port.data() + port.size() ||
      port_number < 1 || port_number > 65535) {
    return fmt::format("has port {}; the port must be a number from 1 to 65535", quoted_value(port));
  }
  return std::nullopt;
}

// Looks a zone up in the system's tz database (/usr/share/zoneinfo), as the clock will at run time.
std::optional<std::string> time_zone_problem(const std::string& name) {
  if (name.empty()) {
    return "must not be empty (an IANA time zone such as Europe/Oslo)";
  }
  try {
    (void)date::get_tzdb();
  } catch (const std::exception& error) {
    return fmt::format("cannot check: the time zone database cannot be loaded ({})", error.what());
  }
  try {
    if (date::locate_zone(name) != nullptr) {
      return std::nullopt;
    }
  } catch (const std::exception&) {
    // locate_zone reports an unknown name by throwing std::runtime_error.
  }
  return fmt::format("unknown IANA time zone {}", quoted_value(name));
}

std::string supported_tags() {
  std::string text;
  for (const auto& language : domain::supported_languages()) {
    text += text.empty() ? "" : ", ";
    text += language.tag;
  }
  return text;
}

// Exact match only: "zh-hans" would load no catalog file on a case-sensitive file system.
std::optional<std::string> language_problem(std::string_view tag) {
  for (const auto& language : domain::supported_languages()) {
    if (language.tag == tag) {
      return std::nullopt;
    }
  }
  if (auto near = domain::find_language(tag)) {
    return fmt::format("unsupported language tag {}; tags are case-sensitive: did you mean \"{}\"?",
                       quoted_value(tag), near->tag);
  }
  return fmt::format("unsupported language tag {}; supported: {}", quoted_value(tag), supported_tags());
}

class Validator {
 public:
  Validator(const KeyLocations& locations, IssueList& issues) : m_locations(locations), m_issues(issues) {}

  void check_kiosk(const KioskConfig::Kiosk& kiosk) {
    for (auto [key, value] :
         {std::pair{"kiosk.branch_id", &kiosk.branch_id}, {"kiosk.kiosk_id", &kiosk.kiosk_id}}) {
      if (auto problem = id_problem(*value); problem && usable(key)) {
        report(key, *problem);
      }
    }
    if (usable("kiosk.bank_name")) {
      const auto& name = kiosk.bank_name;
      const auto first = name.find_first_not_of(" \t");
      if (first == std::string::npos) {
        report("kiosk.bank_name", "must not be empty");
      } else if (count_code_points(name) > k_max_bank_name_chars) {
        report("kiosk.bank_name",
               fmt::format("is {} characters long; the limit is {} (it is shown in the header)",
                           count_code_points(name), k_max_bank_name_chars));
      } else if (has_control_character(name)) {
        report("kiosk.bank_name",
               fmt::format("must not contain control characters, got {}", quoted_value(name)));
      }
    }
    if (usable("kiosk.time_zone")) {
      if (auto problem = time_zone_problem(kiosk.time_zone)) {
        report("kiosk.time_zone", *problem);
      }
    }
  }

  void check_languages(const KioskConfig::Languages& languages) {
    constexpr std::string_view k_enabled = "languages.enabled";
    constexpr std::string_view k_default = "languages.default";
    if (usable(k_enabled)) {
      const auto& enabled = languages.enabled;
      if (enabled.empty()) {
        report(k_enabled, fmt::format("must list at least one language; supported: {}", supported_tags()));
      }
      for (std::size_t i = 0; i < enabled.size(); ++i) {
        if (auto problem = language_problem(enabled[i])) {
          report_element(k_enabled, i, *problem);
        } else if (std::find(enabled.begin(), enabled.begin() + static_cast<std::ptrdiff_t>(i), enabled[i]) !=
                   enabled.begin() + static_cast<std::ptrdiff_t>(i)) {
          report_element(k_enabled, i, fmt::format("{} is listed twice", quoted_value(enabled[i])));
        }
      }
    }
    if (usable(k_default)) {
      const auto& tag = languages.default_language;
      if (auto problem = language_problem(tag)) {
        report(k_default, *problem);
      } else if (usable(k_enabled) && !languages.enabled.empty() &&
                 std::find(languages.enabled.begin(), languages.enabled.end(), tag) ==
                     languages.enabled.end()) {
        report_at(m_locations.find_first({k_default, k_enabled}), k_default,
                  fmt::format("{} is not in languages.enabled; the default language must be one of them",
                              quoted_value(tag)));
      }
    }
  }

  void check_display(const KioskConfig::Display& display) {
    check_range("display.width", k_width_range, display.width);
    check_range("display.height", k_height_range, display.height);
  }

  void check_session(const KioskConfig::Session& session) {
    check_range("session.idle_timeout_seconds", k_idle_timeout_range, session.idle_timeout.count());
    check_range("session.idle_warning_seconds", k_idle_warning_range, session.idle_warning.count());
    check_range("session.attract_cycle_seconds", k_attract_cycle_range, session.attract_cycle.count());
    if (usable("session.idle_warning_seconds") && usable("session.idle_timeout_seconds") &&
        session.idle_warning >= session.idle_timeout) {
      report_at(m_locations.find_first({"session.idle_warning_seconds", "session.idle_timeout_seconds"}),
                "session.idle_warning_seconds",
                fmt::format("must be shorter than session.idle_timeout_seconds ({} s), got {} s",
                            session.idle_timeout.count(), session.idle_warning.count()));
    }
  }

  void check_paths(const KioskConfig::Paths& paths) {
    for (auto [key, value] : {std::pair{"paths.data_dir", &paths.data_dir},
                              {"paths.log_dir", &paths.log_dir},
                              {"paths.cache_dir", &paths.cache_dir}}) {
      if (usable(key) && has_control_character(value->native())) {
        report(key,
               fmt::format("must not contain control characters, got {}", quoted_value(value->native())));
      }
    }
  }

  void check_printer(const KioskConfig::Printer& printer) {
    constexpr std::string_view k_target = "printer.target";
    if (!usable(k_target) || !usable("printer.transport")) {
      return;
    }
    const auto where = m_locations.find_first({k_target, "printer.transport"});
    const auto& target = printer.target;
    const auto transport = to_string(printer.transport);
    if (printer.transport == PrinterTransport::none) {
      if (!target.empty()) {
        report_at(
            where, k_target,
            fmt::format("must be empty when printer.transport is \"none\", got {}; set the transport too",
                        quoted_value(target)));
      }
      return;
    }
    if (target.empty()) {
      std::string_view shape = printer.transport == PrinterTransport::file ? "a directory for the print jobs"
                               : printer.transport == PrinterTransport::device
                                   ? "a device such as /dev/usb/lp0"
                                   : "host:port such as printer.local:9100";
      report_at(where, k_target,
                fmt::format("is required when printer.transport is \"{}\": {}", transport, shape));
      return;
    }
    if (has_control_character(target)) {
      report_at(where, k_target,
                fmt::format("must not contain control characters, got {}", quoted_value(target)));
      return;
    }
    switch (printer.transport) {
      case PrinterTransport::none:
      case PrinterTransport::file:
        break;
      case PrinterTransport::device:
        if (!std::filesystem::path(target).is_absolute()) {
          report_at(
              where, k_target,
              fmt::format("must be an absolute device path such as /dev/usb/lp0 when printer.transport is "
                          "\"device\", got {}",
                          quoted_value(target)));
        }
        break;
      case PrinterTransport::tcp:
        if (auto problem = host_port_problem(target)) {
          report_at(where, k_target, *problem);
        }
        break;
    }
  }

  void check_complaints(const KioskConfig::Complaints& complaints) {
    check_range("complaints.acknowledge_business_days", k_business_days_range,
                complaints.acknowledge_business_days);
    check_range("complaints.final_response_business_days", k_business_days_range,
                complaints.final_response_business_days);
    if (usable("complaints.acknowledge_business_days") && usable("complaints.final_response_business_days") &&
        complaints.acknowledge_business_days > complaints.final_response_business_days) {
      report("complaints.final_response_business_days",
             fmt::format("must not be shorter than complaints.acknowledge_business_days ({}), got {}",
                         complaints.acknowledge_business_days, complaints.final_response_business_days));
    }
    if (usable("complaints.holidays")) {
      for (std::size_t index = 0; index < complaints.holidays.size(); ++index) {
        if (!is_iso_date(complaints.holidays[index])) {
          report_element("complaints.holidays", index,
                         fmt::format("expected a date \"YYYY-MM-DD\", got {}",
                                     quoted_value(complaints.holidays[index])));
        }
      }
    }
    if (usable("complaints.escalation_text") && complaints.escalation_text.size() > 1000) {
      report("complaints.escalation_text",
             "must be at most 1000 bytes: it is printed on every acknowledgement");
    }
  }

  void check_sync(const KioskConfig::Sync& sync) {
    check_range("sync.max_batch_events", k_batch_events_range, sync.max_batch_events);
    check_range("sync.ack_timeout_seconds", k_ack_timeout_range, sync.ack_timeout.count());
    check_range("sync.fallback_after_seconds", k_fallback_after_range, sync.fallback_after.count());
    if (usable("sync.pinned_public_keys")) {
      for (std::size_t index = 0; index < sync.pinned_public_keys.size(); ++index) {
        if (!sync.pinned_public_keys[index].starts_with("sha256//")) {
          report_element("sync.pinned_public_keys", index,
                         fmt::format("expected \"sha256//<base64 of the key's SHA-256>\", got {}",
                                     quoted_value(sync.pinned_public_keys[index])));
        }
      }
    }
    check_downstream(sync);
    if (!usable("sync.policy")) {
      return;
    }
    const bool needs_mqtt =
        sync.policy == SyncPolicy::mqtt || sync.policy == SyncPolicy::mqtt_with_https_fallback;
    const bool needs_https =
        sync.policy == SyncPolicy::https || sync.policy == SyncPolicy::mqtt_with_https_fallback;
    const auto policy = to_string(sync.policy);
    check_sync_url("sync.mqtt_url", sync.mqtt_url, needs_mqtt, {"ssl://", "mqtts://"},
                   "ssl://broker.bank.example:8883", policy);
    check_sync_url("sync.https_url", sync.https_url, needs_https, {"https://"},
                   "https://ingest.bank.example:8443", policy);
    if (sync.policy == SyncPolicy::off) {
      return;
    }
    // Bundles are only ever fetched over HTTPS (MQTT carries just the pointer), so keys without a URL
    // would follow nothing while looking configured.
    if (usable("sync.https_url") && usable("sync.bundle_public_keys") && usable("sync.bundle_kinds") &&
        sync.https_url.empty() && !sync.bundle_public_keys.empty() && !sync.bundle_kinds.empty()) {
      report_at(m_locations.find_first({"sync.bundle_public_keys", "sync.policy"}), "sync.bundle_public_keys",
                "bundles are fetched over HTTPS: sync.https_url is required when bundle_public_keys is set");
    }
    for (auto [key, value] : {std::pair{"sync.ca_file", &sync.ca_file},
                              {"sync.cert_file", &sync.cert_file},
                              {"sync.key_file", &sync.key_file}}) {
      if (usable(key) && value->empty()) {
        report_at(m_locations.find_first({key, "sync.policy"}), key,
                  fmt::format("is required when sync.policy is \"{}\"", policy));
      }
    }
  }

  // The downstream keys on their own; how they combine with the policy is checked by check_sync.
  void check_downstream(const KioskConfig::Sync& sync) {
    check_range("sync.bundle_poll_seconds", k_bundle_poll_range, sync.bundle_poll.count());
    if (usable("sync.bundle_public_keys")) {
      const auto& keys = sync.bundle_public_keys;
      if (keys.size() > k_max_bundle_public_keys) {
        report("sync.bundle_public_keys",
               fmt::format("lists {} keys; at most {} are pinned (the current and the next signing key)",
                           keys.size(), k_max_bundle_public_keys));
      }
      for (std::size_t index = 0; index < keys.size(); ++index) {
        const auto text = keys[index].string();
        if (text.empty() || has_control_character(text)) {
          report_element(
              "sync.bundle_public_keys", index,
              fmt::format("expected the path of a PEM public key file, got {}", quoted_value(text)));
        } else if (std::find(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(index), keys[index]) !=
                   keys.begin() + static_cast<std::ptrdiff_t>(index)) {
          report_element("sync.bundle_public_keys", index,
                         fmt::format("{} is listed twice", quoted_value(text)));
        }
      }
    }
    if (usable("sync.bundle_kinds")) {
      const auto& kinds = sync.bundle_kinds;
      for (std::size_t index = 0; index < kinds.size(); ++index) {
        const bool known = std::find(k_applicable_bundle_kinds.begin(), k_applicable_bundle_kinds.end(),
                                     kinds[index]) != k_applicable_bundle_kinds.end();
        if (!known) {
          report_element("sync.bundle_kinds", index,
                         fmt::format("unknown bundle kind {}; this kiosk applies: {}",
                                     quoted_value(kinds[index]), fmt::join(k_applicable_bundle_kinds, ", ")));
        } else if (std::find(kinds.begin(), kinds.begin() + static_cast<std::ptrdiff_t>(index),
                             kinds[index]) != kinds.begin() + static_cast<std::ptrdiff_t>(index)) {
          report_element("sync.bundle_kinds", index,
                         fmt::format("{} is listed twice", quoted_value(kinds[index])));
        }
      }
    }
  }

  void check_staff(const KioskConfig::Staff& staff) {
    if (usable("staff.pin_hashes")) {
      std::vector<std::string> slots;
      for (std::size_t index = 0; index < staff.pin_hashes.size(); ++index) {
        if (auto problem = staff_pin_slot_problem(staff.pin_hashes[index])) {
          report_element("staff.pin_hashes", index, fmt::format("element {}: {}", index + 1, *problem));
          continue;
        }
        const auto slot = parse_staff_pin_slot(staff.pin_hashes[index]);
        if (std::find(slots.begin(), slots.end(), slot->slot_id) != slots.end()) {
          report_element("staff.pin_hashes", index,
                         fmt::format("element {}: slot \"{}\" appears twice; slot ids name who acted in the "
                                     "audit log, so each must be unique",
                                     index + 1, slot->slot_id));
        }
        slots.push_back(slot->slot_id);
      }
    }
    if (usable("staff.export_dir") && has_control_character(staff.export_dir.native())) {
      report("staff.export_dir", fmt::format("must not contain control characters, got {}",
                                             quoted_value(staff.export_dir.native())));
    }
  }

  void check_counters(const KioskConfig::Counters& counters) {
    if (usable("counters.listen") && !counters.listen.empty()) {
      if (auto problem = host_port_problem(counters.listen)) {
        report("counters.listen", *problem);
      }
      // The link never serves in the clear: tokens would cross the branch LAN readable.
      for (auto [key, value] :
           {std::pair{"counters.tls_cert", &counters.tls_cert}, {"counters.tls_key", &counters.tls_key}}) {
        if (usable(key) && value->empty()) {
          report_at(m_locations.find_first({key, "counters.listen"}), key,
                    "is required when counters.listen is set (the link serves HTTPS only)");
        }
      }
      if (usable("counters.tokens") && counters.tokens.empty()) {
        report("counters.listen",
               "counters.tokens is empty, so no console could use the link; add the lines "
               "`branch-kiosk counter-token` prints");
      }
    }
    for (auto [key, value] :
         {std::pair{"counters.tls_cert", &counters.tls_cert}, {"counters.tls_key", &counters.tls_key}}) {
      if (usable(key) && has_control_character(value->native())) {
        report(key,
               fmt::format("must not contain control characters, got {}", quoted_value(value->native())));
      }
    }
    if (usable("counters.tokens")) {
      std::vector<std::string> hashes;
      for (std::size_t index = 0; index < counters.tokens.size(); ++index) {
        if (auto problem = counter_token_problem(counters.tokens[index])) {
          report_element("counters.tokens", index, fmt::format("element {}: {}", index + 1, *problem));
          continue;
        }
        const auto entry = parse_counter_token_entry(counters.tokens[index]);
        // One token, two grants would make "which counter is this" ambiguous.
        if (std::find(hashes.begin(), hashes.end(), entry->sha256_hex) != hashes.end()) {
          report_element("counters.tokens", index,
                         fmt::format("element {}: the same token hash is listed twice", index + 1));
        }
        hashes.push_back(entry->sha256_hex);
      }
    }
  }

  void check_logging(const KioskConfig::Logging& logging) {
    if (usable("logging.level") && !parse_log_level(logging.level)) {
      report("logging.level",
             fmt::format("unknown log level {}; expected one of: trace, debug, info, warn, error, off",
                         quoted_value(logging.level)));
    }
    check_range("logging.max_file_kib", k_max_file_kib_range, logging.max_file_kib);
    check_range("logging.max_files", k_max_files_range, logging.max_files);
  }

 private:
  bool usable(std::string_view key) const { return !m_locations.any_unusable({key}); }

  // A URL the policy needs must be there with one of the TLS schemes (the kiosk never sends in the clear);
  // one it does not need may be left empty or set ahead of a policy change.
  void check_sync_url(std::string_view key, const std::string& url, bool needed,
                      std::initializer_list<std::string_view> schemes, std::string_view example,
                      std::string_view policy) {
    if (!usable(key)) {
      return;
    }
    if (url.empty()) {
      if (needed) {
        report_at(m_locations.find_first({key, "sync.policy"}), key,
                  fmt::format("is required when sync.policy is \"{}\", for example {}", policy,
                              quoted_value(example)));
      }
      return;
    }
    const bool scheme_ok = std::any_of(schemes.begin(), schemes.end(),
                                       [&](std::string_view scheme) { return url.starts_with(scheme); });
    const auto host_start = url.find("://");
    if (!scheme_ok || has_control_character(url) || host_start == std::string::npos ||
        host_start + 3 >= url.size() || url.back() == '/') {
      report(key, fmt::format("must look like {} (TLS only, no trailing slash), got {}",
                              quoted_value(example), quoted_value(url)));
    }
  }

  void check_range(std::string_view key, const IntRange& range, std::int64_t value) {
    if (usable(key) && (value < range.min || value > range.max)) {
      report(key, out_of_range_message(range, value));
    }
  }

  void report(std::string_view key, std::string message) {
    report_at(m_locations.find(key), key, std::move(message));
  }

  void report_at(SourcePos pos, std::string_view key, std::string message) {
    m_issues.add(pos, key, std::move(message));
  }

  // At the element itself when the parser saw where it is (an array may span lines), else at the key.
  void report_element(std::string_view key, std::size_t index, std::string message) {
    auto it = m_locations.elements.find(key);
    const bool located = it != m_locations.elements.end() && index < it->second.size();
    report_at(located ? it->second[index] : m_locations.find(key), key, std::move(message));
  }

  const KeyLocations& m_locations;
  IssueList& m_issues;
};

}  // namespace

void validate(const KioskConfig& config, const KeyLocations& locations, IssueList& issues) {
  Validator validator(locations, issues);
  validator.check_kiosk(config.kiosk);
  validator.check_languages(config.languages);
  validator.check_display(config.display);
  validator.check_session(config.session);
  validator.check_paths(config.paths);
  validator.check_printer(config.printer);
  validator.check_complaints(config.complaints);
  validator.check_sync(config.sync);
  validator.check_staff(config.staff);
  validator.check_counters(config.counters);
  validator.check_logging(config.logging);
}

}  // namespace kiosk::app::detail
