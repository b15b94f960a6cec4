// The public config functions: reading the file, the checks that must happen before toml++ sees the
// text, and the order of the phases (parse all, then validate once).

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <system_error>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "app/config.hpp"
#include "config_detail.hpp"
#include "store/pin_hash.hpp"

namespace kiosk::app {
namespace detail {

void IssueList::add(SourcePos pos, std::string_view key, std::string message) {
  if (m_issues.size() >= k_max_config_issues) {
    ++m_dropped;
    return;
  }
  m_issues.push_back(ConfigIssue{m_file, pos.line, pos.column, std::string(key), std::move(message)});
}

std::vector<ConfigIssue> IssueList::take() {
  // toml++ tables are ordered by key name, not by position, so issues arrive out of order; a reader
  // fixing the file top to bottom wants them sorted. Issues without a position go last.
  std::stable_sort(m_issues.begin(), m_issues.end(), [](const ConfigIssue& a, const ConfigIssue& b) {
    auto rank = [](const ConfigIssue& issue) {
      return std::tuple(issue.line == 0, issue.line, issue.column);
    };
    return rank(a) < rank(b);
  });
  if (m_dropped > 0) {
    m_issues.push_back(ConfigIssue{
        m_file, 0, 0, {}, fmt::format("{} more issues not shown; fix the ones above first", m_dropped)});
    m_dropped = 0;
  }
  std::vector<ConfigIssue> issues;
  issues.swap(m_issues);
  return issues;
}

SourcePos KeyLocations::find(std::string_view key) const {
  auto it = keys.find(key);
  return it == keys.end() ? SourcePos{} : it->second;
}

SourcePos KeyLocations::find_first(std::initializer_list<std::string_view> candidates) const {
  for (auto key : candidates) {
    if (auto it = keys.find(key); it != keys.end()) {
      return it->second;
    }
  }
  return {};
}

bool KeyLocations::any_unusable(std::initializer_list<std::string_view> candidates) const {
  return std::any_of(candidates.begin(), candidates.end(),
                     [this](std::string_view key) { return unusable.find(key) != unusable.end(); });
}

std::string quoted_value(std::string_view value) {
  constexpr std::size_t k_max_shown_bytes = 64;
  std::size_t cut = std::min(value.size(), k_max_shown_bytes);
  // Do not cut a UTF-8 sequence in half: back up to the start of the character at the cut.
  while (cut > 0 && cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  std::string text = "\"";
  for (char c : value.substr(0, cut)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      text += '\\';
      text += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      text += fmt::format("\\x{:02X}", byte);
    } else {
      text += c;
    }
  }
  text += '"';
  if (cut < value.size()) {
    text += fmt::format("... ({} bytes)", value.size());
  }
  return text;
}

std::string printable_key(std::string_view key) {
  const bool bare = !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  return bare ? std::string(key) : quoted_value(key);
}

std::string out_of_range_message(const IntRange& range, std::int64_t value) {
  if (range.unit.empty()) {
    return fmt::format("must be between {} and {}, got {}", range.min, range.max, value);
  }
  return fmt::format("must be between {} and {} {}, got {} {}", range.min, range.max, range.unit, value,
                     range.unit);
}

}  // namespace detail

namespace {

using detail::IssueList;
using detail::SourcePos;

// toml++ recurses once per level of dotted key (`a.b.c... = 1`, `[a.b.c...]`) and overflows the stack at
// a few tens of thousands of levels, which fit easily in a megabyte. Its own limit covers nested arrays
// and inline tables only. Keys and inline tables cannot span lines, so capping the dots per line (outside
// strings and comments) bounds the depth far below the crash. A real config has one dot per line at most.
constexpr int k_max_dots_per_line = 128;

// The line whose dots (outside strings and comments) exceed the cap, if any. This is a scanner, not a
// parser: on malformed text it may lose track of strings, and then toml++ reports the real error.
std::optional<int> find_overnested_line(std::string_view text) {
  enum class State { normal, comment, basic, literal, multiline_basic, multiline_literal };
  State state = State::normal;
  int line = 1;
  int dots = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool triple = i + 2 < text.size() && text[i + 1] == c && text[i + 2] == c;
    if (c == '\n') {
      ++line;
      dots = 0;
      if (state == State::comment || state == State::basic || state == State::literal) {
        state = State::normal;
      }
      continue;
    }
    switch (state) {
      case State::normal:
        if (c == '#') {
          state = State::comment;
        } else if (c == '"') {
          state = triple ? State::multiline_basic : State::basic;
          i += triple ? 2 : 0;
        } else if (c == '\'') {
          state = triple ? State::multiline_literal : State::literal;
          i += triple ? 2 : 0;
        } else if (c == '.' && ++dots > k_max_dots_per_line) {
          return line;
        }
        break;
      case State::comment:
        break;
      case State::basic:
      case State::multiline_basic:
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
          ++i;  // an escaped character, possibly a quote; an escaped newline is counted above
        } else if (c == '"' && (state == State::basic || triple)) {
          i += state == State::basic ? 0 : 2;
          state = State::normal;
        }
        break;
      case State::literal:
      case State::multiline_literal:
        if (c == '\'' && (state == State::literal || triple)) {
          i += state == State::literal ? 0 : 2;
          state = State::normal;
        }
        break;
    }
  }
  return std::nullopt;
}

// Where the text stops being UTF-8 (line, and column counted in characters), if it does. toml++ rejects
// such text too, but says only "invalid utf-8 sequence"; this names the byte, so whoever edited the file
// in a Windows-1252 or KOI8-R editor can find it. Overlong forms, surrogates and code points above
// U+10FFFF are invalid, as in RFC 3629.
struct Utf8Error {
  SourcePos pos;
  unsigned char byte;
};

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead < 0x80) {
      length = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      second_min = lead == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
      second_max = lead == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      second_min = lead == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
      second_max = lead == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would be above U+10FFFF
    } else {
      return Utf8Error{{line, column}, lead};
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= text.size()) {
        return Utf8Error{{line, column}, lead};
      }
      const auto next = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? second_min : 0x80;
      const unsigned char max = k == 1 ? second_max : 0xBF;
      if (next < min || next > max) {
        return Utf8Error{{line, column}, lead};
      }
    }
    if (lead == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

int to_int(toml::source_index index) {
  return static_cast<int>(std::min<toml::source_index>(index, 0x7fffffff));
}

// Closes the FILE* when the reader returns.
struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

ConfigResult one_issue(std::string_view file, std::string message) {
  ConfigResult result;
  result.issues.push_back(ConfigIssue{std::string(file), 0, 0, {}, std::move(message)});
  return result;
}

std::string os_reason(int error_number) {
  return std::generic_category().message(error_number);
}

ConfigResult parse_config_unguarded(std::string_view toml_text, std::string_view source_name) {
  if (toml_text.size() > k_max_config_bytes) {
    return one_issue(source_name, fmt::format("file is too large: {} bytes, the limit is {} bytes (1 MiB)",
                                              toml_text.size(), k_max_config_bytes));
  }
  IssueList issues(source_name);
  if (auto bad = find_invalid_utf8(toml_text)) {
    issues.add(bad->pos, {},
               fmt::format("not valid UTF-8 text (byte 0x{:02X}); save the file as UTF-8", bad->byte));
    return ConfigResult{std::nullopt, issues.take()};
  }
  if (auto line = find_overnested_line(toml_text)) {
    issues.add(SourcePos{*line, 0}, {},
               fmt::format("more than {} '.' outside strings on one line: keys nested too deeply",
                           k_max_dots_per_line));
    return ConfigResult{std::nullopt, issues.take()};
  }

  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    issues.add(SourcePos{to_int(begin.line), to_int(begin.column)}, {}, std::string(error.description()));
    return ConfigResult{std::nullopt, issues.take()};
  }

  // Parse all: every key of the document, whatever goes wrong with the others.
  KioskConfig config = default_config();
  detail::KeyLocations locations;
  detail::read_document(root, config, locations, issues);
  // Validate once: the rules see the whole config, so rules spanning keys can be checked.
  detail::validate(config, locations, issues);

  if (!issues.empty()) {
    return ConfigResult{std::nullopt, issues.take()};
  }
  return ConfigResult{std::move(config), {}};
}

}  // namespace

std::string describe(const ConfigIssue& issue) {
  std::string text = issue.file;
  if (issue.line > 0) {
    text += fmt::format(":{}", issue.line);
    if (issue.column > 0) {
      text += fmt::format(":{}", issue.column);
    }
  }
  if (!text.empty()) {
    text += ": ";
  }
  if (!issue.key.empty()) {
    text += issue.key;
    text += ": ";
  }
  text += issue.message;
  return text;
}

KioskConfig default_config() {
  return KioskConfig{};
}

ConfigResult parse_config(std::string_view toml_text, std::string_view source_name) {
  // The promise is "never throws": std::bad_alloc (or a surprise from a library) becomes an issue.
  try {
    return parse_config_unguarded(toml_text, source_name);
  } catch (const std::exception& error) {
    return one_issue(source_name, fmt::format("internal error while reading the config: {}", error.what()));
  } catch (...) {
    return one_issue(source_name, "internal error while reading the config");
  }
}

ConfigResult load_config_file(const std::filesystem::path& file) {
  try {
    const std::string name = file.string();
    // Check the type first: fopen() succeeds on a directory on Linux and blocks on a FIFO.
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (error) {
      return one_issue(name, fmt::format("cannot open: {}", error.message()));
    }
    if (std::filesystem::is_directory(status)) {
      return one_issue(name, "cannot read: is a directory, not a config file");
    }
    if (!std::filesystem::is_regular_file(status)) {
      return one_issue(name, "cannot read: not a regular file");
    }

    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(file.c_str(), "rb"));
    if (!stream) {
      return one_issue(name, fmt::format("cannot open: {}", os_reason(errno)));
    }
    // Read one byte more than the limit to tell "exactly 1 MiB" from "larger", whatever the file
    // claims its size is (it may grow while we read).
    std::string text;
    std::array<char, std::size_t{64} * 1024> buffer{};
    while (text.size() <= k_max_config_bytes) {
      const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), stream.get());
      text.append(buffer.data(), got);
      if (got < buffer.size()) {
        break;
      }
    }
    if (std::ferror(stream.get()) != 0) {
      return one_issue(name, fmt::format("cannot read: {}", os_reason(errno)));
    }
    if (text.size() > k_max_config_bytes) {
      std::error_code size_error;
      const auto size = std::filesystem::file_size(file, size_error);
      return one_issue(name, fmt::format("file is too large: {} bytes, the limit is {} bytes (1 MiB)",
                                         size_error ? text.size() : size, k_max_config_bytes));
    }
    return parse_config(text, name);
  } catch (const std::exception& error) {
    return one_issue(file.string(), fmt::format("internal error while reading the config: {}", error.what()));
  } catch (...) {
    return one_issue({}, "internal error while reading the config");
  }
}

std::vector<ConfigIssue> validate_config(const KioskConfig& config, std::string_view source_name) {
  detail::IssueList issues(source_name);
  try {
    detail::validate(config, detail::KeyLocations{}, issues);
  } catch (const std::exception& error) {
    issues.add({}, {}, fmt::format("internal error while checking the config: {}", error.what()));
  }
  return issues.take();
}

std::string_view to_string(Profile profile) {
  switch (profile) {
    case Profile::branch:
      return "branch";
    case Profile::atm:
      return "atm";
  }
  return "branch";
}

std::string_view to_string(DisplayMode mode) {
  switch (mode) {
    case DisplayMode::windowed:
      return "windowed";
    case DisplayMode::fullscreen:
      return "fullscreen";
    case DisplayMode::headless:
      return "headless";
  }
  return "windowed";
}

std::string_view to_string(PrinterTransport transport) {
  switch (transport) {
    case PrinterTransport::none:
      return "none";
    case PrinterTransport::file:
      return "file";
    case PrinterTransport::device:
      return "device";
    case PrinterTransport::tcp:
      return "tcp";
  }
  return "none";
}

std::string_view to_string(PrintMode mode) {
  switch (mode) {
    case PrintMode::text:
      return "text";
    case PrintMode::raster:
      return "raster";
    case PrintMode::auto_select:
      return "auto";
  }
  return "auto";
}

std::string_view to_string(SyncPolicy policy) {
  switch (policy) {
    case SyncPolicy::off:
      return "off";
    case SyncPolicy::mqtt:
      return "mqtt";
    case SyncPolicy::https:
      return "https";
    case SyncPolicy::mqtt_with_https_fallback:
      return "mqtt_with_https_fallback";
  }
  return "off";
}

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view name, const std::array<Enum, N>& values) {
  for (Enum value : values) {
    if (to_string(value) == name) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Profile> parse_profile(std::string_view name) {
  return parse_enum(name, std::array{Profile::branch, Profile::atm});
}

std::optional<DisplayMode> parse_display_mode(std::string_view name) {
  return parse_enum(name, std::array{DisplayMode::windowed, DisplayMode::fullscreen, DisplayMode::headless});
}

std::optional<PrinterTransport> parse_printer_transport(std::string_view name) {
  return parse_enum(name, std::array{PrinterTransport::none, PrinterTransport::file, PrinterTransport::device,
                                     PrinterTransport::tcp});
}

std::optional<PrintMode> parse_print_mode(std::string_view name) {
  return parse_enum(name, std::array{PrintMode::text, PrintMode::raster, PrintMode::auto_select});
}

std::optional<SyncPolicy> parse_sync_policy(std::string_view name) {
  return parse_enum(name, std::array{SyncPolicy::off, SyncPolicy::mqtt, SyncPolicy::https,
                                     SyncPolicy::mqtt_with_https_fallback});
}

}  // namespace kiosk::app

namespace kiosk::app {
namespace {

// Slot ids and roles are written to the audit log and exports: short, plain, no separators.
bool is_slot_name(std::string_view name) {
  return !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

std::optional<StaffPinSlot> parse_staff_pin_slot(std::string_view entry) {
  const auto first = entry.find(':');
  const auto second = first == std::string_view::npos ? first : entry.find(':', first + 1);
  if (second == std::string_view::npos) {
    return std::nullopt;
  }
  StaffPinSlot slot{std::string(entry.substr(0, first)),
                    std::string(entry.substr(first + 1, second - first - 1)),
                    std::string(entry.substr(second + 1))};
  if (!is_slot_name(slot.slot_id) || !is_slot_name(slot.role) || store::pin_hash_problem(slot.hash)) {
    return std::nullopt;
  }
  return slot;
}

std::optional<std::string> staff_pin_slot_problem(std::string_view entry) {
  constexpr std::string_view k_shape =
      "expected \"<slot>:<role>:<hash>\" (the line `branch-kiosk hash-pin --slot <slot> --role <role>` "
      "prints)";
  const auto first = entry.find(':');
  const auto second = first == std::string_view::npos ? first : entry.find(':', first + 1);
  if (second == std::string_view::npos) {
    return std::string(k_shape);
  }
  if (!is_slot_name(entry.substr(0, first))) {
    return "the slot id must be 1 to 32 characters of a-z, 0-9, _ and -";
  }
  if (!is_slot_name(entry.substr(first + 1, second - first - 1))) {
    return "the role must be 1 to 32 characters of a-z, 0-9, _ and -";
  }
  if (auto problem = store::pin_hash_problem(entry.substr(second + 1))) {
    return "the hash is not valid: " + *problem;
  }
  return std::nullopt;
}

namespace {

bool is_lower_hex_sha256(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::optional<int> parse_counter_number(std::string_view text) {
  if (text.empty() || text.size() > 3 || text.front() == '0' ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int value = 0;
  for (char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<CounterTokenEntry> parse_counter_token_entry(std::string_view entry) {
  if (counter_token_problem(entry)) {
    return std::nullopt;
  }
  const auto colon = entry.find(':');
  CounterTokenEntry parsed;
  if (entry.substr(0, colon) != "display") {
    parsed.counter = parse_counter_number(entry.substr(0, colon));
  }
  parsed.sha256_hex = std::string(entry.substr(colon + 1));
  return parsed;
}

std::optional<std::string> counter_token_problem(std::string_view entry) {
  const auto colon = entry.find(':');
  if (colon == std::string_view::npos) {
    return std::string(
        "expected \"<counter>:<sha256 hex>\" or \"display:<sha256 hex>\" (the line `branch-kiosk "
        "counter-token` prints)");
  }
  const auto who = entry.substr(0, colon);
  if (who != "display" && !parse_counter_number(who)) {
    return fmt::format("{} is neither a counter number (1-{}) nor \"display\"", detail::quoted_value(who),
                       k_max_counter_number);
  }
  if (!is_lower_hex_sha256(entry.substr(colon + 1))) {
    return std::string("the hash must be the token's SHA-256 as 64 lower-case hex digits");
  }
  return std::nullopt;
}

}  // namespace kiosk::app
