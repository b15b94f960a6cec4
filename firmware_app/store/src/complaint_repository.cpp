#include "store/complaint_repository.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "row_helpers.hpp"
#include "store/database.hpp"
#include "store/pii_cipher.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using detail::bind_time;
using detail::column_time;

constexpr std::string_view k_table = "complaints";
constexpr std::string_view k_pii_column = "sealed_pii";
constexpr std::string_view k_lookup_column = "sealed_lookup";
constexpr std::string_view k_feedback_table = "complaint_feedback";
constexpr std::string_view k_comment_column = "sealed_comment";

constexpr std::string_view k_record_columns =
    "id, seq, reference, product_id, issue_id, taxonomy_version, priority, language, received_at, "
    "ack_due_at, "
    "final_due_at, needs_extra_help, consent_given, consent_text_version, status, status_updated_at, "
    "sealed_pii IS NOT NULL";

std::string select_records(std::string_view rest) {
  return "SELECT " + std::string(k_record_columns) + " FROM complaints " + std::string(rest);
}

ComplaintRecord read_record(const Statement& query) {
  ComplaintRecord row;
  row.id = query.column_text(0);
  row.seq = query.column_int64(1);
  row.reference = query.column_text(2);
  row.product_id = query.column_text(3);
  row.issue_id = query.column_text(4);
  row.taxonomy_version = query.column_text(5);
  row.priority = query.column_text(6);
  row.language = query.column_text(7);
  row.received_at = column_time(query, 8);
  row.ack_due_at = column_time(query, 9);
  row.final_due_at = column_time(query, 10);
  row.needs_extra_help = query.column_int(11) != 0;
  row.consent_given = query.column_int(12) != 0;
  row.consent_text_version = detail::column_optional_text(query, 13);
  row.status = query.column_text(14);
  row.status_updated_at = column_time(query, 15);
  row.has_pii = query.column_int(16) != 0;
  return row;
}

std::optional<ComplaintRecord> first_record(Statement& query) {
  if (!query.step()) {
    return std::nullopt;
  }
  return read_record(query);
}

// Strict UTF-8: the text must come back byte for byte, so nothing is replaced on the way in.
std::string pii_json(const ComplaintPii& pii) {
  const nlohmann::json json = {{"description", pii.description},
                               {"desired_outcome", pii.desired_outcome},
                               {"contact_name", pii.contact_name},
                               {"contact_phone", pii.contact_phone},
                               {"contact_email", pii.contact_email}};
  try {
    return json.dump();
  } catch (const nlohmann::json::exception&) {
    // The message must not quote the text: it is personal.
    throw std::invalid_argument("complaint: personal data is not valid UTF-8 and cannot be stored");
  }
}

std::optional<ComplaintPii> parse_pii(const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) {
    return std::nullopt;
  }
  ComplaintPii pii;
  const auto field = [&json](const char* key, std::string& out) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string()) {
      return false;
    }
    out = it->get<std::string>();
    return true;
  };
  if (!field("description", pii.description) || !field("desired_outcome", pii.desired_outcome) ||
      !field("contact_name", pii.contact_name) || !field("contact_phone", pii.contact_phone) ||
      !field("contact_email", pii.contact_email)) {
    return std::nullopt;
  }
  return pii;
}

std::optional<std::vector<std::byte>> sealed_column(Database& db, std::string_view sql, std::string_view id) {
  Statement query(db, sql);
  query.bind_text(1, id);
  if (!query.step() || query.column_is_null(0)) {
    return std::nullopt;
  }
  return query.column_blob(0);
}

}  // namespace

std::int64_t ComplaintRepository::allocate_seq(Transaction& tx) {
  Database& db = detail::writable(tx, "ComplaintRepository::allocate_seq");
  Statement update(db, "UPDATE counters SET value = value + 1 WHERE name = 'complaint_seq' RETURNING value");
  if (!update.step()) {
    throw std::logic_error("complaint seq counter row is missing (schema damaged?)");
  }
  const std::int64_t seq = update.column_int64(0);
  update.run();  // finish the statement so the UPDATE is complete before the caller goes on
  return seq;
}

std::int64_t ComplaintRepository::peek_next_seq() const {
  Statement query(m_db, "SELECT value + 1 FROM counters WHERE name = 'complaint_seq'");
  return query.step() ? query.column_int64(0) : 1;
}

void ComplaintRepository::insert(Transaction& tx, const NewComplaint& complaint, const PiiCipher& cipher) {
  Database& db = detail::writable(tx, "ComplaintRepository::insert");
  const ComplaintRecord& row = complaint.record;
  Statement insert(
      db,
      "INSERT INTO complaints (id, seq, reference, product_id, issue_id, taxonomy_version, priority, "
      "language, received_at, ack_due_at, final_due_at, needs_extra_help, consent_given, "
      "consent_text_version, sealed_pii, sealed_lookup, status, status_updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?9)");
  insert.bind_text(1, row.id);
  insert.bind_int64(2, row.seq);
  insert.bind_text(3, row.reference);
  insert.bind_text(4, row.product_id);
  insert.bind_text(5, row.issue_id);
  insert.bind_text(6, row.taxonomy_version);
  insert.bind_text(7, row.priority);
  insert.bind_text(8, row.language);
  bind_time(insert, 9, row.received_at);
  bind_time(insert, 10, row.ack_due_at);
  bind_time(insert, 11, row.final_due_at);
  insert.bind_int64(12, row.needs_extra_help ? 1 : 0);
  insert.bind_int64(13, row.consent_given ? 1 : 0);
  detail::bind_optional_text(insert, 14, row.consent_text_version);
  if (complaint.pii) {
    insert.bind_blob(
        15, cipher.seal(pii_json(*complaint.pii), PiiCipher::row_aad(k_table, row.id, k_pii_column)));
  } else {
    insert.bind_null(15);
  }
  insert.bind_blob(16,
                   cipher.seal(complaint.lookup_code, PiiCipher::row_aad(k_table, row.id, k_lookup_column)));
  insert.bind_text(17, row.status);
  insert.run();

  Statement history(db,
                    "INSERT INTO complaint_status_history (complaint_id, status, note, at, source) "
                    "VALUES (?1, ?2, '', ?3, 'kiosk')");
  history.bind_text(1, row.id);
  history.bind_text(2, row.status);
  bind_time(history, 3, row.received_at);
  history.run();
}

std::optional<ComplaintRecord> ComplaintRepository::find(std::string_view complaint_id) const {
  Statement query(m_db, select_records("WHERE id = ?1"));
  query.bind_text(1, complaint_id);
  return first_record(query);
}

std::optional<ComplaintRecord> ComplaintRepository::find_by_reference(std::string_view reference) const {
  Statement query(m_db, select_records("WHERE reference = ?1"));
  query.bind_text(1, reference);
  return first_record(query);
}

std::optional<ComplaintPii> ComplaintRepository::open_pii(std::string_view complaint_id,
                                                          const PiiCipher& cipher) const {
  const auto sealed = sealed_column(m_db, "SELECT sealed_pii FROM complaints WHERE id = ?1", complaint_id);
  if (!sealed) {
    return std::nullopt;
  }
  const auto text = cipher.open(*sealed, PiiCipher::row_aad(k_table, complaint_id, k_pii_column));
  if (!text) {
    return std::nullopt;
  }
  return parse_pii(*text);
}

bool ComplaintRepository::lookup_code_matches(std::string_view complaint_id, std::string_view code,
                                              const PiiCipher& cipher) const {
  const auto sealed = sealed_column(m_db, "SELECT sealed_lookup FROM complaints WHERE id = ?1", complaint_id);
  if (!sealed) {
    return false;
  }
  const auto stored = cipher.open(*sealed, PiiCipher::row_aad(k_table, complaint_id, k_lookup_column));
  // Length first (it is public: always 4 digits), then the bytes without an early exit.
  return stored && stored->size() == code.size() &&
         CRYPTO_memcmp(stored->data(), code.data(), code.size()) == 0;
}

bool ComplaintRepository::replace_lookup_code(Transaction& tx, std::string_view complaint_id,
                                              std::string_view code, const PiiCipher& cipher) {
  Database& db = detail::writable(tx, "ComplaintRepository::replace_lookup_code");
  Statement update(db, "UPDATE complaints SET sealed_lookup = ?2 WHERE id = ?1");
  update.bind_text(1, complaint_id);
  update.bind_blob(2, cipher.seal(code, PiiCipher::row_aad(k_table, complaint_id, k_lookup_column)));
  update.run();
  return db.changes() > 0;
}

bool ComplaintRepository::append_status(Transaction& tx, std::string_view complaint_id,
                                        const ComplaintStatusRow& entry) {
  Database& db = detail::writable(tx, "ComplaintRepository::append_status");
  Statement update(db,
                   "UPDATE complaints SET status = ?2, status_updated_at = ?3 "
                   "WHERE id = ?1 AND status_updated_at <= ?3");
  update.bind_text(1, complaint_id);
  update.bind_text(2, entry.status);
  bind_time(update, 3, entry.at);
  update.run();
  if (db.changes() == 0 && !find(complaint_id)) {
    return false;
  }
  Statement history(db,
                    "INSERT INTO complaint_status_history (complaint_id, status, note, at, source) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)");
  history.bind_text(1, complaint_id);
  history.bind_text(2, entry.status);
  history.bind_text(3, entry.note);
  bind_time(history, 4, entry.at);
  history.bind_text(5, entry.source);
  history.run();
  return true;
}

std::vector<ComplaintStatusRow> ComplaintRepository::status_history(std::string_view complaint_id) const {
  Statement query(m_db,
                  "SELECT status, note, at, source FROM complaint_status_history WHERE complaint_id = ?1 "
                  "ORDER BY at, id");
  query.bind_text(1, complaint_id);
  std::vector<ComplaintStatusRow> rows;
  while (query.step()) {
    rows.push_back({query.column_text(0), query.column_text(1), column_time(query, 2), query.column_text(3)});
  }
  return rows;
}

void ComplaintRepository::insert_feedback(Transaction& tx, const ComplaintFeedbackRow& feedback,
                                          const PiiCipher& cipher) {
  Database& db = detail::writable(tx, "ComplaintRepository::insert_feedback");
  Statement insert(db,
                   "INSERT INTO complaint_feedback (id, complaint_id, answer, sealed_comment, at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind_text(1, feedback.id);
  insert.bind_text(2, feedback.complaint_id);
  insert.bind_text(3, feedback.answer);
  if (feedback.comment) {
    insert.bind_blob(4, cipher.seal(*feedback.comment,
                                    PiiCipher::row_aad(k_feedback_table, feedback.id, k_comment_column)));
  } else {
    insert.bind_null(4);
  }
  bind_time(insert, 5, feedback.at);
  insert.run();
}

std::vector<ComplaintFeedbackRow> ComplaintRepository::feedback_for(std::string_view complaint_id,
                                                                    const PiiCipher& cipher) const {
  Statement query(m_db,
                  "SELECT id, answer, sealed_comment, at FROM complaint_feedback WHERE complaint_id = ?1 "
                  "ORDER BY at, id");
  query.bind_text(1, complaint_id);
  std::vector<ComplaintFeedbackRow> rows;
  while (query.step()) {
    ComplaintFeedbackRow row;
    row.id = query.column_text(0);
    row.complaint_id = std::string(complaint_id);
    row.answer = query.column_text(1);
    if (!query.column_is_null(2)) {
      row.comment =
          cipher.open(query.column_blob(2), PiiCipher::row_aad(k_feedback_table, row.id, k_comment_column));
      row.comment_unreadable = !row.comment;
    }
    row.at = column_time(query, 3);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ComplaintRecord> ComplaintRepository::list(const ComplaintListFilter& filter) const {
  // The excluded statuses go in as one JSON array so the SQL text stays fixed whatever the filter.
  Statement query(m_db, select_records("WHERE (?1 IS NULL OR received_at >= ?1) "
                                       "AND (?2 IS NULL OR final_due_at < ?2) "
                                       "AND status NOT IN (SELECT value FROM json_each(?3)) "
                                       "ORDER BY received_at DESC, seq DESC LIMIT ?4"));
  detail::bind_optional_time(query, 1, filter.received_since);
  detail::bind_optional_time(query, 2, filter.final_due_before);
  query.bind_text(
      3,
      nlohmann::json(filter.exclude_statuses).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  query.bind_int64(4, static_cast<std::int64_t>(std::min<std::size_t>(filter.limit, 1'000'000)));
  std::vector<ComplaintRecord> rows;
  while (query.step()) {
    rows.push_back(read_record(query));
  }
  return rows;
}

bool ComplaintRepository::purge_pii(Transaction& tx, std::string_view complaint_id) {
  Database& db = detail::writable(tx, "ComplaintRepository::purge_pii");
  Statement purge(db, "UPDATE complaints SET sealed_pii = NULL WHERE id = ?1");
  purge.bind_text(1, complaint_id);
  purge.run();
  const bool found = db.changes() == 1;
  Statement comments(db, "UPDATE complaint_feedback SET sealed_comment = NULL WHERE complaint_id = ?1");
  comments.bind_text(1, complaint_id);
  comments.run();
  return found;
}

}  // namespace kiosk::store
