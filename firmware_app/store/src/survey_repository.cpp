#include "store/survey_repository.hpp"

#include "row_helpers.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

constexpr std::string_view k_columns =
    "id, survey_id, survey_version, triggered_by, service_id, language, answers_json, submitted_at, "
    "probable_repeat";

SurveyResponseRow read_response(const Statement& query) {
  SurveyResponseRow row;
  row.id = query.column_text(0);
  row.survey_id = query.column_text(1);
  row.survey_version = query.column_int(2);
  row.trigger = query.column_text(3);
  row.service_id = detail::column_optional_text(query, 4);
  row.language = query.column_text(5);
  row.answers_json = query.column_text(6);
  row.submitted_at = detail::column_time(query, 7);
  row.probable_repeat = query.column_int(8) != 0;
  return row;
}

std::optional<SurveyResponseRow> first_response(Statement& query) {
  if (!query.step()) {
    return std::nullopt;
  }
  return read_response(query);
}

}  // namespace

void SurveyRepository::insert(Transaction& tx, const SurveyResponseRow& row) {
  Database& db = detail::writable(tx, "SurveyRepository::insert");
  Statement insert(db, "INSERT INTO survey_responses (" + std::string(k_columns) +
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind_text(1, row.id);
  insert.bind_text(2, row.survey_id);
  insert.bind_int64(3, row.survey_version);
  insert.bind_text(4, row.trigger);
  detail::bind_optional_text(insert, 5, row.service_id);
  insert.bind_text(6, row.language);
  insert.bind_text(7, row.answers_json);
  detail::bind_time(insert, 8, row.submitted_at);
  insert.bind_int64(9, row.probable_repeat ? 1 : 0);
  insert.run();
}

std::optional<SurveyResponseRow> SurveyRepository::last_response() const {
  Statement query(m_db, "SELECT " + std::string(k_columns) +
                            " FROM survey_responses ORDER BY submitted_at DESC, rowid DESC LIMIT 1");
  return first_response(query);
}

std::optional<SurveyResponseRow> SurveyRepository::last_response(std::string_view survey_id) const {
  Statement query(m_db, "SELECT " + std::string(k_columns) +
                            " FROM survey_responses WHERE survey_id = ?1 "
                            "ORDER BY submitted_at DESC, rowid DESC LIMIT 1");
  query.bind_text(1, survey_id);
  return first_response(query);
}

std::vector<SurveyResponseRow> SurveyRepository::submitted_since(domain::EventTime since) const {
  Statement query(m_db, "SELECT " + std::string(k_columns) +
                            " FROM survey_responses WHERE submitted_at >= ?1 ORDER BY submitted_at, rowid");
  detail::bind_time(query, 1, since);
  std::vector<SurveyResponseRow> rows;
  while (query.step()) {
    rows.push_back(read_response(query));
  }
  return rows;
}

std::int64_t SurveyRepository::count_since(domain::EventTime since) const {
  Statement query(m_db, "SELECT count(*) FROM survey_responses WHERE submitted_at >= ?1");
  detail::bind_time(query, 1, since);
  query.step();
  return query.column_int64(0);
}

}  // namespace kiosk::store
