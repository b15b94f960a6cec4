#pragma once
// The kiosk registry: kiosk id (= client certificate CN) -> branch. Head office takes a kiosk's branch from
// here, never from a topic or payload, and rejects batches that disagree with it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {
class Database;
}

namespace kiosk::headoffice {

struct RegisteredKiosk {
  std::string kiosk;
  std::string branch;
};

class KioskRegistry {
 public:
  explicit KioskRegistry(store::Database& db) : m_db(db) {}

  // Adds the kiosk or moves it to another branch. Throws std::invalid_argument for ids that are not
  // protocol node ids (1-64 of A-Z a-z 0-9 - _).
  void register_kiosk(std::string_view kiosk, std::string_view branch);
  std::optional<std::string> branch_of(std::string_view kiosk) const;
  std::vector<RegisteredKiosk> list() const;

 private:
  store::Database& m_db;
};

}  // namespace kiosk::headoffice
