#include "domain/staff/audit.hpp"

#include <set>

#include <gtest/gtest.h>

namespace kiosk::domain::staff {
namespace {

constexpr StaffAction k_all[] = {
    StaffAction::pin_rejected,
    StaffAction::staff_locked_out,
    StaffAction::staff_unlocked,
    StaffAction::staff_relocked_idle,
    StaffAction::staff_relocked_customer,
    StaffAction::staff_signed_out,
    StaffAction::counter_opened,
    StaffAction::counter_closed,
    StaffAction::counter_services_changed,
    StaffAction::ticket_called,
    StaffAction::ticket_recalled,
    StaffAction::ticket_requeued,
    StaffAction::ticket_served,
    StaffAction::ticket_no_show,
    StaffAction::ticket_transferred,
    StaffAction::csv_exported,
};

TEST(StaffAudit, EveryActionHasAUniqueNameThatParsesBack) {
  std::set<std::string_view> names;
  for (const StaffAction action : k_all) {
    const std::string_view name = to_string(action);
    EXPECT_NE(name, "unknown");
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(parse_staff_action(name), action) << name;
  }
  EXPECT_EQ(to_string(StaffAction::ticket_no_show), "ticket_no_show");
  EXPECT_EQ(parse_staff_action("Ticket_Called"), std::nullopt);
  EXPECT_EQ(parse_staff_action(""), std::nullopt);
}

TEST(StaffAudit, GateEventsThatAreActions) {
  EXPECT_EQ(audit_action(GateEvent::unlocked), StaffAction::staff_unlocked);
  EXPECT_EQ(audit_action(GateEvent::pin_wrong), StaffAction::pin_rejected);
  EXPECT_EQ(audit_action(GateEvent::locked_out), StaffAction::staff_locked_out);
  EXPECT_EQ(audit_action(GateEvent::relocked_idle), StaffAction::staff_relocked_idle);
  EXPECT_EQ(audit_action(GateEvent::relocked_customer), StaffAction::staff_relocked_customer);
  EXPECT_EQ(audit_action(GateEvent::signed_out), StaffAction::staff_signed_out);
  EXPECT_EQ(audit_action(GateEvent::none), std::nullopt);
  EXPECT_EQ(audit_action(GateEvent::pin_requested), std::nullopt);
  EXPECT_EQ(audit_action(GateEvent::lockout_ended), std::nullopt);
}

TEST(StaffAudit, Targets) {
  EXPECT_EQ(counter_target(3), "counter:3");
  EXPECT_EQ(ticket_target("0190aa"), "ticket:0190aa");
  const AuditEntry entry{
      {"teller-2", "teller"}, StaffAction::ticket_called, EventTime{}, ticket_target("t1")};
  EXPECT_EQ(entry.who.slot_id, "teller-2");
}

}  // namespace
}  // namespace kiosk::domain::staff
