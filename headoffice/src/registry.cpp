#include "headoffice/registry.hpp"

#include <stdexcept>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "sync/protocol/batch.hpp"

namespace kiosk::headoffice {

void KioskRegistry::register_kiosk(std::string_view kiosk, std::string_view branch) {
  if (!sync::protocol::is_valid_node_id(kiosk)) {
    throw std::invalid_argument("kiosk id '" + std::string(kiosk) +
                                "' is not 1-64 characters of A-Z a-z 0-9 - _");
  }
  if (!sync::protocol::is_valid_node_id(branch) || branch == "all") {
    throw std::invalid_argument("branch id '" + std::string(branch) +
                                "' is not 1-64 characters of A-Z a-z 0-9 - _ (or is the reserved 'all')");
  }
  store::Statement upsert(m_db,
                          "INSERT INTO kiosks (kiosk, branch) VALUES (?1, ?2) "
                          "ON CONFLICT (kiosk) DO UPDATE SET branch = excluded.branch");
  upsert.bind_text(1, kiosk);
  upsert.bind_text(2, branch);
  upsert.run();
}

std::optional<std::string> KioskRegistry::branch_of(std::string_view kiosk) const {
  store::Statement query(m_db, "SELECT branch FROM kiosks WHERE kiosk = ?1");
  query.bind_text(1, kiosk);
  if (!query.step()) {
    return std::nullopt;
  }
  return query.column_text(0);
}

std::vector<RegisteredKiosk> KioskRegistry::list() const {
  store::Statement query(m_db, "SELECT kiosk, branch FROM kiosks ORDER BY branch, kiosk");
  std::vector<RegisteredKiosk> kiosks;
  while (query.step()) {
    kiosks.push_back({query.column_text(0), query.column_text(1)});
  }
  return kiosks;
}

}  // namespace kiosk::headoffice
