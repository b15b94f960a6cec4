#pragma once
// Survey responses (table survey_responses). Anonymous by design: a row holds the survey, the trigger, the
// service and the answers, never anything that identifies the customer (no ticket id, no complaint id).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"

namespace kiosk::store {

class Database;
class Transaction;

struct SurveyResponseRow {
  std::string id;  // UUID text
  std::string survey_id;
  int survey_version = 0;
  std::string trigger;  // what offered the survey: "after_ticket", "idle", "atm", ...
  std::optional<std::string> service_id;
  std::string language;
  std::string answers_json;  // one JSON value (object or array); refused if not valid JSON
  domain::EventTime submitted_at{};
  bool probable_repeat = false;  // the app's repeat check flagged it; kept, never dropped
  friend bool operator==(const SurveyResponseRow&, const SurveyResponseRow&) = default;
};

class SurveyRepository {
 public:
  explicit SurveyRepository(Database& db) : m_db(db) {}

  // Throws StoreError (Kind::constraint) for a duplicate id or answers that are not valid JSON.
  void insert(Transaction& tx, const SurveyResponseRow& row);
  // The most recently submitted response on this kiosk (any survey), for the repeat check.
  std::optional<SurveyResponseRow> last_response() const;
  // The most recently submitted response to `survey_id`.
  std::optional<SurveyResponseRow> last_response(std::string_view survey_id) const;
  std::int64_t count_since(domain::EventTime since) const;
  // Every response submitted at or after `since`, oldest first (the dashboard's period).
  std::vector<SurveyResponseRow> submitted_since(domain::EventTime since) const;

 private:
  Database& m_db;
};

}  // namespace kiosk::store
