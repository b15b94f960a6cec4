#include "domain/staff/lock_state.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kiosk::domain::staff {
namespace {

using Json = nlohmann::json;

// Far above any real count (a lockout resets it at max_wrong_pins); a larger number means a damaged file.
constexpr int k_max_stored_wrong_pins = 1000;

// RFC 3339 cannot write years outside 0000-9999; only a broken clock gets there, so clamp instead of
// throwing from a function that runs after every PIN.
EventTime writable(EventTime at) {
  using namespace std::chrono;
  const EventTime earliest{sys_days{year{0} / January / 1}};
  const EventTime latest{sys_days{year{10000} / January / 1} - milliseconds{1}};
  return std::clamp(at, earliest, latest);
}

void read_wrong_pins(const Json& document, StaffLockState& state, std::vector<ParseIssue>& issues) {
  const auto found = document.find("wrong_pins");
  if (found == document.end()) {
    issues.push_back({"wrong_pins", "missing"});
    return;
  }
  if (!found->is_number_integer() || found->get<long long>() < 0 ||
      found->get<long long>() > k_max_stored_wrong_pins) {
    issues.push_back({"wrong_pins", "expected a whole number from 0 to 1000"});
    return;
  }
  state.wrong_pins = found->get<int>();
}

void read_locked_until(const Json& document, StaffLockState& state, std::vector<ParseIssue>& issues) {
  const auto found = document.find("locked_until");
  if (found == document.end() || found->is_null()) {
    return;
  }
  std::optional<EventTime> at;
  if (found->is_string()) {
    at = parse_rfc3339_utc(found->get_ref<const std::string&>());
  }
  if (!at) {
    issues.push_back({"locked_until", "expected an RFC 3339 UTC time such as \"2026-11-23T09:15:02.123Z\""});
    return;
  }
  state.locked_until = at;
}

}  // namespace

std::string to_json(const StaffLockState& state) {
  Json document{{"wrong_pins", state.wrong_pins}};
  document["locked_until"] =
      state.locked_until ? Json(format_rfc3339_utc(writable(*state.locked_until))) : Json(nullptr);
  return document.dump();
}

ParseResult<StaffLockState> parse_staff_lock_state(std::string_view json) {
  const Json document = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    return ParseResult<StaffLockState>::failure({{"", "not valid JSON"}});
  }
  if (!document.is_object()) {
    return ParseResult<StaffLockState>::failure({{"", "expected a JSON object"}});
  }
  StaffLockState state;
  std::vector<ParseIssue> issues;
  read_wrong_pins(document, state, issues);
  read_locked_until(document, state, issues);
  if (!issues.empty()) {
    return ParseResult<StaffLockState>::failure(std::move(issues));
  }
  return ParseResult<StaffLockState>::success(state);
}

}  // namespace kiosk::domain::staff
