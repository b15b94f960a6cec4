#pragma once
// Where the complaint-lookup rate limiter keeps its state across restarts: one opaque text value (the app
// serialises the domain's LookupLimiterState, e.g. as JSON) in the `meta` table under a fixed key. Kept in
// the database rather than a file so it is as durable as the records and survives the same way.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::store {

class Database;

class LookupLimiterStore {
 public:
  static constexpr std::string_view k_meta_key = "complaint_lookup_limiter";

  explicit LookupLimiterStore(Database& db) : m_db(db) {}

  // nullopt before the first save.
  std::optional<std::string> load() const;
  // Replaces the stored state. A single statement: it joins the caller's open Transaction if there is one.
  void save(std::string_view state);

 private:
  Database& m_db;
};

}  // namespace kiosk::store
