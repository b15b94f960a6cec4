#include "domain/staff/audit.hpp"

#include <array>
#include <utility>

namespace kiosk::domain::staff {
namespace {

// One table for both directions, so a name cannot be added to one and forgotten in the other.
constexpr std::array<std::pair<StaffAction, std::string_view>, 17> k_names{{
    {StaffAction::pin_rejected, "pin_rejected"},
    {StaffAction::staff_locked_out, "staff_locked_out"},
    {StaffAction::staff_unlocked, "staff_unlocked"},
    {StaffAction::staff_relocked_idle, "staff_relocked_idle"},
    {StaffAction::staff_relocked_customer, "staff_relocked_customer"},
    {StaffAction::staff_signed_out, "staff_signed_out"},
    {StaffAction::counter_opened, "counter_opened"},
    {StaffAction::counter_closed, "counter_closed"},
    {StaffAction::counter_services_changed, "counter_services_changed"},
    {StaffAction::ticket_called, "ticket_called"},
    {StaffAction::ticket_recalled, "ticket_recalled"},
    {StaffAction::ticket_requeued, "ticket_requeued"},
    {StaffAction::ticket_served, "ticket_served"},
    {StaffAction::ticket_no_show, "ticket_no_show"},
    {StaffAction::ticket_transferred, "ticket_transferred"},
    {StaffAction::csv_exported, "csv_exported"},
    {StaffAction::acknowledgement_reprinted, "acknowledgement_reprinted"},
}};

}  // namespace

std::string_view to_string(StaffAction action) {
  for (const auto& [value, name] : k_names) {
    if (value == action) {
      return name;
    }
  }
  return "unknown";
}

std::optional<StaffAction> parse_staff_action(std::string_view name) {
  for (const auto& [value, known] : k_names) {
    if (known == name) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<StaffAction> audit_action(GateEvent event) {
  switch (event) {
    case GateEvent::unlocked:
      return StaffAction::staff_unlocked;
    case GateEvent::pin_wrong:
      return StaffAction::pin_rejected;
    case GateEvent::locked_out:
      return StaffAction::staff_locked_out;
    case GateEvent::relocked_idle:
      return StaffAction::staff_relocked_idle;
    case GateEvent::relocked_customer:
      return StaffAction::staff_relocked_customer;
    case GateEvent::signed_out:
      return StaffAction::staff_signed_out;
    case GateEvent::none:
    case GateEvent::pin_requested:
    case GateEvent::pin_refused_locked:
    case GateEvent::pin_entry_closed:
    case GateEvent::lockout_ended:
      break;
  }
  return std::nullopt;
}

std::string counter_target(int counter_id) {
  return "counter:" + std::to_string(counter_id);
}

std::string ticket_target(std::string_view ticket_id) {
  return "ticket:" + std::string(ticket_id);
}

std::string complaint_target(std::string_view reference) {
  return "complaint:" + std::string(reference);
}

}  // namespace kiosk::domain::staff
