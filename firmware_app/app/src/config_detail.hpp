#pragma once
// Internals shared by config.cpp (the public functions), config_parse.cpp (TOML tree -> KioskConfig)
// and config_validate.cpp (the rules). Not installed, not included outside firmware_app/app/src.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "app/config.hpp"

namespace kiosk::app::detail {

struct SourcePos {
  int line = 0;
  int column = 0;
};

// Collects issues for one source, up to k_max_config_issues; past that it only counts, so a hostile
// megabyte of unknown keys costs neither memory nor a screenful of output.
class IssueList {
 public:
  explicit IssueList(std::string_view file) : m_file(file) {}

  void add(SourcePos pos, std::string_view key, std::string message);
  bool empty() const { return m_issues.empty(); }
  // The issues in file order (those without a line last), plus one saying how many were left out.
  std::vector<ConfigIssue> take();

 private:
  std::string m_file;
  std::vector<ConfigIssue> m_issues;
  std::size_t m_dropped = 0;
};

// What the parser learnt about where things are, so that a rule broken by a value can point at it.
struct KeyLocations {
  std::map<std::string, SourcePos, std::less<>> keys;                   // "kiosk.time_zone" -> its key
  std::map<std::string, std::vector<SourcePos>, std::less<>> elements;  // array key -> each element
  std::set<std::string, std::less<>> unusable;  // keys that failed to parse: rules over them are skipped

  SourcePos find(std::string_view key) const;
  // The first of `keys` present in the file, for a rule that spans several keys.
  SourcePos find_first(std::initializer_list<std::string_view> keys) const;
  bool any_unusable(std::initializer_list<std::string_view> keys) const;
};

// An inclusive range for an integer key, with its unit for messages ("" or "s").
struct IntRange {
  std::int64_t min;
  std::int64_t max;
  std::string_view unit;
};

inline constexpr IntRange k_width_range{320, 7680, ""};
inline constexpr IntRange k_height_range{240, 4320, ""};
inline constexpr IntRange k_idle_timeout_range{10, 600, "s"};
inline constexpr IntRange k_idle_warning_range{3, 60, "s"};
inline constexpr IntRange k_attract_cycle_range{1, 60, "s"};
inline constexpr IntRange k_max_file_kib_range{64, 1048576, ""};
inline constexpr IntRange k_max_files_range{1, 50, ""};
inline constexpr IntRange k_paper_width_range{58, 80, ""};
inline constexpr IntRange k_business_days_range{1, 60, ""};
inline constexpr IntRange k_batch_events_range{1, 500, ""};
inline constexpr IntRange k_ack_timeout_range{5, 3600, "s"};
inline constexpr IntRange k_fallback_after_range{10, 86400, "s"};
inline constexpr IntRange k_bundle_poll_range{10, 86400, "s"};
inline constexpr std::size_t k_max_bundle_public_keys = 2;  // current and next

// A value from the file, quoted for a message: control characters escaped (check-config prints to a
// terminal) and cut after 64 bytes, so a hostile megabyte-long value gives a one-line issue.
std::string quoted_value(std::string_view value);

// A key from the file as shown in an issue: as-is when it is a bare TOML key, else quoted_value().
std::string printable_key(std::string_view key);

// "must be between 320 and 7680, got 100" (with the unit when there is one).
std::string out_of_range_message(const IntRange& range, std::int64_t value);

// Fills `config` (which starts as the defaults) from a parsed TOML document given as its root table,
// reporting unknown tables and keys, wrong types, unknown enum names and out-of-range integers. A key
// with a problem keeps its default and is marked unusable in `locations`.
void read_document(const toml::table& root, KioskConfig& config, KeyLocations& locations, IssueList& issues);

// Checks every rule on `config`; `locations` may be empty (a config built in code).
void validate(const KioskConfig& config, const KeyLocations& locations, IssueList& issues);

}  // namespace kiosk::app::detail
