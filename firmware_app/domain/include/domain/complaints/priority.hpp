#pragma once
// Which complaints staff must look at first. A complaint is high priority when its issue means the customer
// may be out of money or exposed right now (a transaction they did not make, a card kept by the ATM, cash
// not dispensed), or when the customer said they need extra help (and the rules honour that).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::domain::complaints {

enum class Priority { normal, high };

struct PriorityRules {
  // Issue ids (in any product) that are always high priority.
  std::vector<std::string> high_issues = {"unauthorized_transaction", "card_retained", "cash_not_dispensed"};
  bool extra_help_is_high = true;
};

Priority classify_priority(const PriorityRules& rules, std::string_view issue_id, bool needs_extra_help);

// "normal" / "high", the words used in events and the store.
std::string_view to_string(Priority priority);
std::optional<Priority> parse_priority(std::string_view text);

}  // namespace kiosk::domain::complaints
