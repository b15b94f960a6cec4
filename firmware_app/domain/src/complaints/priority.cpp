#include "domain/complaints/priority.hpp"

#include <algorithm>

namespace kiosk::domain::complaints {

Priority classify_priority(const PriorityRules& rules, std::string_view issue_id, bool needs_extra_help) {
  if (needs_extra_help && rules.extra_help_is_high) {
    return Priority::high;
  }
  const bool high_issue =
      std::find(rules.high_issues.begin(), rules.high_issues.end(), issue_id) != rules.high_issues.end();
  return high_issue ? Priority::high : Priority::normal;
}

std::string_view to_string(Priority priority) {
  switch (priority) {
    case Priority::normal:
      return "normal";
    case Priority::high:
      return "high";
  }
  return "normal";
}

std::optional<Priority> parse_priority(std::string_view text) {
  for (Priority priority : {Priority::normal, Priority::high}) {
    if (to_string(priority) == text) {
      return priority;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::domain::complaints
