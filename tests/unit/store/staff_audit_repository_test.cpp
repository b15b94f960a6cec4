// The staff audit log and the persisted lockout state, on a real SQLite file.

#include <gtest/gtest.h>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/staff_audit_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using domain::staff::AuditEntry;
using domain::staff::StaffAction;
using test_util::at_minutes;

class StaffAudit : public test_util::RepoTest {
 protected:
  std::string write(const AuditEntry& entry) {
    const auto id = m_store->new_event_id(std::chrono::system_clock::now());
    Transaction tx(db());
    StaffAuditRepository(db()).insert(tx, entry, id);
    tx.commit();
    return id;
  }
};

AuditEntry entry(StaffAction what, int minute, std::string slot = "manager", std::string target = {}) {
  std::string role = slot.empty() ? "" : "manager";
  return AuditEntry{{std::move(slot), std::move(role)}, what, at_minutes(minute), std::move(target)};
}

TEST_F(StaffAudit, EntriesComeBackInTimeOrderAndSurviveAReopen) {
  const auto unlocked = entry(StaffAction::staff_unlocked, 10);
  const auto exported = entry(StaffAction::csv_exported, 12, "manager", "dashboard.csv");
  const auto rejected = AuditEntry{{}, StaffAction::pin_rejected, at_minutes(9), ""};
  const auto id_unlocked = write(unlocked);
  write(exported);
  write(rejected);
  reopen();
  const auto rows = StaffAuditRepository(db()).between(at_minutes(0), at_minutes(60));
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].entry, rejected);
  EXPECT_EQ(rows[0].action, "pin_rejected");
  EXPECT_EQ(rows[1].entry, unlocked);
  EXPECT_EQ(rows[1].event_id, id_unlocked);
  EXPECT_EQ(rows[2].entry, exported);
  // The window is half open: [from, to).
  EXPECT_EQ(StaffAuditRepository(db()).between(at_minutes(10), at_minutes(12)).size(), 1U);
  const auto latest = StaffAuditRepository(db()).latest(2);
  ASSERT_EQ(latest.size(), 2U);
  EXPECT_EQ(latest[0].entry, exported);
  EXPECT_EQ(latest[1].entry, unlocked);
}

TEST_F(StaffAudit, WritesNeedATransactionAndAnEventIdIsUsedOnce) {
  Transaction tx(db());
  tx.commit();
  EXPECT_THROW(StaffAuditRepository(db()).insert(tx, entry(StaffAction::staff_unlocked, 1), "x"),
               std::logic_error);
  const auto id = write(entry(StaffAction::staff_unlocked, 1));
  Transaction again(db());
  EXPECT_THROW(StaffAuditRepository(db()).insert(again, entry(StaffAction::staff_signed_out, 2), id),
               StoreError);
}

TEST_F(StaffAudit, AnActionNameFromANewerProgramIsKeptAsText) {
  db().exec(
      "INSERT INTO staff_audit (event_id, at, slot_id, role, action, target) "
      "VALUES ('e1', 0, 'teller-1', 'teller', 'vault_opened', '')");
  const auto rows = StaffAuditRepository(db()).latest(5);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "vault_opened");
  EXPECT_EQ(rows[0].entry.who.slot_id, "teller-1");
}

TEST_F(StaffAudit, LockStateIsKeptAcrossAReopen) {
  EXPECT_FALSE(StaffLockStore(db()).load());
  StaffLockStore(db()).save(R"({"wrong_pins":3})");
  reopen();
  EXPECT_EQ(StaffLockStore(db()).load(), R"({"wrong_pins":3})");
}

}  // namespace
}  // namespace kiosk::store
