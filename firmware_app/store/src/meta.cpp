#include "store/meta.hpp"

#include "store/database.hpp"
#include "store/statement.hpp"

namespace kiosk::store {

std::optional<std::string> Meta::get(std::string_view key) const {
  Statement query(m_db, "SELECT value FROM meta WHERE key = ?1");
  query.bind_text(1, key);
  if (!query.step()) {
    return std::nullopt;
  }
  return query.column_text(0);
}

void Meta::set(std::string_view key, std::string_view value) {
  Statement upsert(m_db,
                   "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.bind_text(1, key);
  upsert.bind_text(2, value);
  upsert.run();
}

}  // namespace kiosk::store
