#include "store/staff_audit_repository.hpp"

#include "row_helpers.hpp"
#include "store/meta.hpp"

namespace kiosk::store {
namespace {

constexpr std::string_view k_columns = "id, event_id, at, slot_id, role, action, target";

std::vector<StaffAuditRow> read_rows(Statement& query) {
  std::vector<StaffAuditRow> rows;
  while (query.step()) {
    StaffAuditRow row;
    row.id = query.column_int64(0);
    row.event_id = query.column_text(1);
    row.entry.when = detail::column_time(query, 2);
    row.entry.who.slot_id = query.column_text(3);
    row.entry.who.role = query.column_text(4);
    row.action = query.column_text(5);
    row.entry.what =
        domain::staff::parse_staff_action(row.action).value_or(domain::staff::StaffAction::staff_unlocked);
    row.entry.target = query.column_text(6);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

void StaffAuditRepository::insert(Transaction& tx, const domain::staff::AuditEntry& entry,
                                  std::string_view event_id) {
  Database& db = detail::writable(tx, "StaffAuditRepository::insert");
  Statement insert(db,
                   "INSERT INTO staff_audit (event_id, at, slot_id, role, action, target) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind_text(1, event_id);
  detail::bind_time(insert, 2, entry.when);
  insert.bind_text(3, entry.who.slot_id);
  insert.bind_text(4, entry.who.role);
  insert.bind_text(5, domain::staff::to_string(entry.what));
  insert.bind_text(6, entry.target);
  insert.run();
}

std::vector<StaffAuditRow> StaffAuditRepository::between(domain::EventTime from, domain::EventTime to) const {
  Statement query(m_db, "SELECT " + std::string(k_columns) +
                            " FROM staff_audit WHERE at >= ?1 AND at < ?2 ORDER BY at, id");
  detail::bind_time(query, 1, from);
  detail::bind_time(query, 2, to);
  return read_rows(query);
}

std::vector<StaffAuditRow> StaffAuditRepository::latest(std::size_t limit) const {
  Statement query(
      m_db, "SELECT " + std::string(k_columns) + " FROM staff_audit ORDER BY at DESC, id DESC LIMIT ?1");
  query.bind_int64(1, static_cast<std::int64_t>(limit));
  return read_rows(query);
}

std::optional<std::string> StaffLockStore::load() const {
  return Meta(m_db).get(k_meta_key);
}

void StaffLockStore::save(std::string_view state) {
  Meta(m_db).set(k_meta_key, state);
}

}  // namespace kiosk::store
