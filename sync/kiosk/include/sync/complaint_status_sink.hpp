#pragma once
// Where complaint status changes from head office land on the kiosk.
//
// The contract that makes the change log exactly-once: apply() records the page's changes AND the page's
// `next` cursor in one transaction, and cursor() reads that stored cursor. A crash before the commit
// leaves both as they were (the page is fetched again); after it, both moved. A change whose cursor is not
// above the stored one is never applied twice.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "sync/protocol/complaint_status.hpp"

namespace kiosk::store {
class Database;
}

namespace kiosk::sync {

struct StatusApplyResult {
  std::size_t applied = 0;   // history entries written
  std::size_t skipped = 0;   // unknown reference, unknown status word, bad time, or at/below the cursor
  std::uint64_t cursor = 0;  // the stored cursor after the page
};

class ComplaintStatusSink {
 public:
  virtual ~ComplaintStatusSink() = default;
  // The cursor to read after (0: from the beginning). May throw (e.g. store::StoreError).
  virtual std::uint64_t cursor() = 0;
  // Applies the page and stores max(stored, page.next) atomically. Throws on a storage failure, and then
  // nothing of the page is kept.
  virtual StatusApplyResult apply(const protocol::ComplaintStatusPage& page) = 0;
};

// The kiosk store as the sink: each change becomes a complaint_status_history entry (source "headoffice")
// of the complaint with that reference, through ComplaintRepository::append_status; changes for unknown
// references or with a status word the kiosk does not know are logged and skipped (the cursor still moves
// past them, so one bad change never blocks the log). The cursor lives in store Meta under k_cursor_key.
// Uses its own connection (Store::open_secondary), so it can run on the sync thread beside the UI's.
class StoreComplaintStatusSink final : public ComplaintStatusSink {
 public:
  static constexpr const char* k_cursor_key = "sync.complaint_status.cursor";

  // Throws store::StoreError if the store file cannot be opened as a secondary connection.
  explicit StoreComplaintStatusSink(const std::filesystem::path& db_file);
  ~StoreComplaintStatusSink() override;
  StoreComplaintStatusSink(const StoreComplaintStatusSink&) = delete;
  StoreComplaintStatusSink& operator=(const StoreComplaintStatusSink&) = delete;

  std::uint64_t cursor() override;
  StatusApplyResult apply(const protocol::ComplaintStatusPage& page) override;

 private:
  std::unique_ptr<store::Database> m_db;
};

}  // namespace kiosk::sync
