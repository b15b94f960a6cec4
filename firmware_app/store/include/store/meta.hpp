#pragma once
// Small key/value settings that belong with the data (device identity, sync cursors, ...), table `meta`.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::store {

class Database;

class Meta {
 public:
  explicit Meta(Database& db) : m_db(db) {}

  std::optional<std::string> get(std::string_view key) const;
  // Inserts or replaces. A single statement: it joins the caller's open Transaction if there is one, and
  // is its own transaction otherwise.
  void set(std::string_view key, std::string_view value);

 private:
  Database& m_db;
};

}  // namespace kiosk::store
