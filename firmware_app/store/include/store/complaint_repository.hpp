#pragma once
// Complaints, their status history and the customer's answer to the resolution (tables complaints,
// complaint_status_history, complaint_feedback, counters).
//
// Guarantees:
// - seq (the number behind the printed reference) comes from allocate_seq(): a counter that only goes up,
//   in the caller's transaction, so a seq is never issued twice, even after rows are deleted or the
//   transaction that took one rolled back and a later one commits.
// - Personal data (description, desired outcome, contact name/phone/email, the 4-digit lookup code and the
//   feedback comment) is written only sealed with the PiiCipher, bound to its row and column (AAD), so the
//   file holds no plaintext of it and a sealed value moved to another row does not open.
// Writes take the caller's Transaction (the app adds the outbox event in the same one).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"

namespace kiosk::store {

class Database;
class PiiCipher;
class Transaction;

// What the customer typed that is personal. Sealed as one JSON object.
struct ComplaintPii {
  std::string description;
  std::string desired_outcome;
  std::string contact_name;
  std::string contact_phone;
  std::string contact_email;
  friend bool operator==(const ComplaintPii&, const ComplaintPii&) = default;
};

// A complaint without its personal data.
struct ComplaintRecord {
  std::string id;  // UUID text
  std::int64_t seq = 0;
  std::string reference;  // as printed, e.g. "K7M-000A3-Q"
  std::string product_id;
  std::string issue_id;
  std::string taxonomy_version;
  std::string priority;  // "normal" / "high" (domain keys, stored as given)
  std::string language;
  domain::EventTime received_at{};
  domain::EventTime ack_due_at{};
  domain::EventTime final_due_at{};
  bool needs_extra_help = false;
  bool consent_given = false;
  std::optional<std::string> consent_text_version;
  std::string status;  // domain status key: "received", "in_progress", "resolved", ...
  domain::EventTime status_updated_at{};
  bool has_pii = false;  // read side: a sealed PII value is stored (false after purge_pii)
};

struct NewComplaint {
  ComplaintRecord record;           // record.has_pii is ignored; it follows `pii`
  std::optional<ComplaintPii> pii;  // nullopt: nothing personal was given
  std::string lookup_code;          // the 4 digits printed on the receipt
};

struct ComplaintStatusRow {
  std::string status;
  std::string note;
  domain::EventTime at{};
  std::string source;  // "kiosk", "headoffice", ...
};

struct ComplaintFeedbackRow {
  std::string id;  // UUID text
  std::string complaint_id;
  std::string answer;                  // domain key, e.g. "resolved", "not_resolved"
  std::optional<std::string> comment;  // plaintext; stored sealed
  domain::EventTime at{};
  // Read side: a comment is stored but did not open with the cipher given (wrong key or damaged); comment is
  // then nullopt.
  bool comment_unreadable = false;
};

struct ComplaintListFilter {
  std::optional<domain::EventTime> received_since;
  std::optional<domain::EventTime> final_due_before;  // e.g. now: the overdue ones
  std::vector<std::string> exclude_statuses;          // e.g. {"resolved", "closed"}
  std::size_t limit = 100;
};

class ComplaintRepository {
 public:
  explicit ComplaintRepository(Database& db) : m_db(db) {}

  // The next complaint seq (1, 2, ...). Rolling the transaction back returns it to the pool only together
  // with everything else in that transaction, so no committed complaint ever shares a seq.
  std::int64_t allocate_seq(Transaction& tx);
  // The seq the next allocate_seq() would return (for the dashboard and tests).
  std::int64_t peek_next_seq() const;

  // Inserts the complaint with its sealed fields and its first status history entry (record.status at
  // record.received_at, source "kiosk"). Throws StoreError (Kind::constraint) for a duplicate id, seq or
  // reference; std::invalid_argument if a PII text is not valid UTF-8 (it could not be sealed as JSON).
  void insert(Transaction& tx, const NewComplaint& complaint, const PiiCipher& cipher);

  std::optional<ComplaintRecord> find(std::string_view complaint_id) const;
  std::optional<ComplaintRecord> find_by_reference(std::string_view reference) const;

  // The personal data, opened. nullopt when none is stored or it does not open (record.has_pii tells which).
  std::optional<ComplaintPii> open_pii(std::string_view complaint_id, const PiiCipher& cipher) const;
  // Whether `code` is the complaint's lookup code, compared in constant time. False for an unknown id or a
  // sealed code that does not open.
  bool lookup_code_matches(std::string_view complaint_id, std::string_view code,
                           const PiiCipher& cipher) const;
  // Replaces the lookup code (a reprinted acknowledgement carries a new one, so a lost receipt stops
  // working). False for an unknown complaint.
  bool replace_lookup_code(Transaction& tx, std::string_view complaint_id, std::string_view code,
                           const PiiCipher& cipher);

  // Appends a history entry, and moves the complaint's current status to it unless the complaint already
  // holds a newer one (head-office changes can arrive out of order). False for an unknown complaint.
  bool append_status(Transaction& tx, std::string_view complaint_id, const ComplaintStatusRow& entry);
  // Oldest first (by time, then by insertion).
  std::vector<ComplaintStatusRow> status_history(std::string_view complaint_id) const;

  // The comment, if any, is sealed. Throws StoreError (Kind::constraint) for an unknown complaint.
  void insert_feedback(Transaction& tx, const ComplaintFeedbackRow& feedback, const PiiCipher& cipher);
  // Oldest first, comments opened with `cipher`.
  std::vector<ComplaintFeedbackRow> feedback_for(std::string_view complaint_id,
                                                 const PiiCipher& cipher) const;

  // Newest first, without personal data.
  std::vector<ComplaintRecord> list(const ComplaintListFilter& filter) const;

  // Forgets the personal data (description, contact, feedback comments) after head office has it and the
  // retention period ended. The lookup code stays, so the customer can still follow the status. Returns
  // false for an unknown complaint.
  bool purge_pii(Transaction& tx, std::string_view complaint_id);

 private:
  Database& m_db;
};

}  // namespace kiosk::store
