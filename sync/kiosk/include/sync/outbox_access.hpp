#pragma once
// The drainer's view of the outbox on its own connection. It uses store::Outbox where that has the
// operation, and SQL on the outbox table for the few the store does not offer yet (confirming seq ranges
// and ids, priority order, resend, shedding). Those belong in store::Outbox; until they move there they
// stay in this one file, so a schema change in the store touches one place here.
//
// Every method runs in its own short transaction (or single statement) and throws store::StoreError on
// database failure.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/pii_cipher.hpp"
#include "sync/messages.hpp"

namespace kiosk::sync {

class OutboxAccess {
 public:
  // Opens a second read-write connection to an existing store file. `cipher` opens sealed bodies
  // (complaint events); without it a sealed row cannot be read and is quarantined, so the kiosk must pass
  // the store's cipher. It must outlive this object.
  OutboxAccess(const std::filesystem::path& db_file, std::chrono::milliseconds busy_timeout,
               const store::PiiCipher* cipher = nullptr);

  // Up to `limit` pending rows not in `exclude`: complaints first, then customer records, then telemetry;
  // by seq within each. Rows whose time cannot be read are quarantined by the store and skipped.
  std::vector<store::OutboxRow> next_pending(std::size_t limit,
                                             const std::unordered_set<std::int64_t>& exclude);

  std::int64_t mark_sent(std::span<const std::int64_t> seqs);
  std::int64_t return_to_pending(std::span<const std::int64_t> seqs);
  // Every sent row back to pending (start-up: nothing is in flight after a restart).
  std::int64_t return_all_sent_to_pending();
  std::int64_t confirm_up_to(std::int64_t seq);
  // pending or sent rows inside the ranges -> confirmed.
  std::int64_t confirm_ranges(std::span<const SeqRange> ranges);
  std::int64_t confirm_ids(std::span<const std::string> ids);
  bool quarantine(std::int64_t seq, std::string_view reason);
  bool quarantine_id(std::string_view id, std::string_view reason);
  // sent or confirmed rows in [from, to] -> pending. Quarantined rows stay. Returns rows changed.
  std::int64_t resend(std::int64_t from, std::int64_t to);
  // Deletes up to `max_rows` of the oldest pending telemetry rows; never touches other priorities.
  std::int64_t shed_telemetry(std::int64_t max_rows);

  store::OutboxCounts counts();
  // When the oldest pending or sent row was written (the store's created_at), if there is one.
  std::optional<std::chrono::system_clock::time_point> oldest_unconfirmed_created_at();

 private:
  std::optional<std::int64_t> seq_of(std::string_view id);

  store::Database m_db;
  store::Outbox m_outbox;
  const store::PiiCipher* m_cipher = nullptr;
};

}  // namespace kiosk::sync
