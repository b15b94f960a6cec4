#pragma once
// The staff audit log (table staff_audit) and the staff gate's persisted lockout state (meta key
// "staff_lock_state"). Every staff action is one row, written by the app in the same transaction as the
// "staff.action" outbox event that carries it to head office; the row keeps that event's id.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"
#include "domain/staff/audit.hpp"

namespace kiosk::store {

class Database;
class Transaction;

struct StaffAuditRow {
  std::int64_t id = 0;   // insertion order
  std::string event_id;  // the outbox event that carries the entry
  domain::staff::AuditEntry entry;
  // The stored action name. A name this program does not know (written by a newer one) is kept here and
  // entry.what is then staff_unlocked, so callers that show or export rows use `action`.
  std::string action;
};

class StaffAuditRepository {
 public:
  explicit StaffAuditRepository(Database& db) : m_db(db) {}

  // Throws std::logic_error without an open transaction, StoreError (Kind::constraint) for a duplicate
  // event id.
  void insert(Transaction& tx, const domain::staff::AuditEntry& entry, std::string_view event_id);
  // Entries with from <= at < to, oldest first (ties in insertion order).
  std::vector<StaffAuditRow> between(domain::EventTime from, domain::EventTime to) const;
  // The newest `limit` entries, newest first.
  std::vector<StaffAuditRow> latest(std::size_t limit) const;

 private:
  Database& m_db;
};

// Where StaffGate's lock state (domain::staff::to_json) survives a restart, so pulling the plug does not
// reset a lockout. Kept in the database, as durable as the audit log.
class StaffLockStore {
 public:
  static constexpr std::string_view k_meta_key = "staff_lock_state";

  explicit StaffLockStore(Database& db) : m_db(db) {}

  std::optional<std::string> load() const;  // nullopt before the first save
  // A single statement: joins the caller's open Transaction if there is one.
  void save(std::string_view state);

 private:
  Database& m_db;
};

}  // namespace kiosk::store
