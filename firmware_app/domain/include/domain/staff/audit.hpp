#pragma once
// Every staff action is audited: who (the PIN slot that unlocked staff mode, and its role), what, when and
// on what. The store writes AuditEntry rows; the names below are stored and exported, so they never change
// meaning once released (add new ones instead).

#include <optional>
#include <string>
#include <string_view>

#include "domain/event.hpp"
#include "domain/staff/staff_gate.hpp"

namespace kiosk::domain::staff {

enum class StaffAction {
  // staff mode itself
  pin_rejected,      // a wrong PIN (no actor: nobody was identified)
  staff_locked_out,  // the wrong PIN that started a lockout
  staff_unlocked,
  staff_relocked_idle,
  staff_relocked_customer,  // a customer session started
  staff_signed_out,
  // counter console
  counter_opened,
  counter_closed,
  counter_services_changed,
  ticket_called,
  ticket_recalled,
  ticket_requeued,  // put back into the queue, keeping its place
  ticket_served,
  ticket_no_show,
  ticket_transferred,
  // dashboard
  csv_exported,
  acknowledgement_reprinted,  // a complaint's acknowledgement printed again, with a new lookup code
};

// Stable lowercase names: "pin_rejected", "ticket_called", ...
std::string_view to_string(StaffAction action);
std::optional<StaffAction> parse_staff_action(std::string_view name);

// The gate events that are staff actions to audit; nullopt for the others (the PIN pad opening or closing,
// a refused request during a lockout, the end of a lockout: the app may log them, they are not actions).
std::optional<StaffAction> audit_action(GateEvent event);

struct StaffActor {
  std::string slot_id;  // the PIN slot ("manager", "teller-2"); empty when nobody was identified
  std::string role;     // the slot's role from config ("manager", "teller"); may be empty

  friend bool operator==(const StaffActor&, const StaffActor&) = default;
};

struct AuditEntry {
  StaffActor who;
  StaffAction what = StaffAction::staff_unlocked;
  EventTime when{};
  std::string target;  // what it acted on: "counter:3", "ticket:<uuid>"; empty when nothing

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// Targets in one spelling for the store and exports.
std::string counter_target(int counter_id);                // "counter:3"
std::string ticket_target(std::string_view ticket_id);     // "ticket:0190..."
std::string complaint_target(std::string_view reference);  // "complaint:K7M-000A3-Q"

}  // namespace kiosk::domain::staff
