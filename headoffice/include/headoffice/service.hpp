#pragma once
// The receiver's shared core: one database connection and its Ingestor behind a mutex, used by the MQTT
// and HTTPS threads alike (SQLite has one writer at a time anyway; a batch is one short transaction).

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "headoffice/ingest.hpp"
#include "store/database.hpp"

namespace kiosk::headoffice {

// Where serve finds its TLS material: DIR/ca.crt (the kiosks' CA), DIR/headoffice.crt, DIR/headoffice.key
// (as written by scripts/dev-pki.sh).
struct TlsFiles {
  std::filesystem::path ca;
  std::filesystem::path cert;
  std::filesystem::path key;
  static TlsFiles in_dir(const std::filesystem::path& dir);
  // Empty when all three files exist; otherwise names the missing one.
  std::string missing() const;
};

class IngestService {
 public:
  explicit IngestService(const std::filesystem::path& db_path);

  // Serialised Ingestor::ingest with the current time. Throws store::StoreError on database failure.
  IngestResult ingest(std::string_view body, const SenderIdentity& sender);
  // Serialised Ingestor::ingest_group with the current time (the MQTT worker's group commit).
  std::vector<GroupOutcome> ingest_group(std::span<const GroupedBatch> batches);
  // Serialised take_overdue_gaps with the current time.
  std::vector<GapRequest> take_overdue_gaps(std::chrono::milliseconds reorder_timeout);

  // Runs `work` with the database while holding the lock (bundle and status reads, state updates).
  template <typename Work>
  auto with_db(Work&& work) {
    std::lock_guard lock(m_mutex);
    return work(m_db);
  }

  // Like ingest(), but gives up (nullopt, nothing done) when the lock is not free within `wait`: the HTTPS
  // side answers 503 + Retry-After then instead of piling up threads.
  std::optional<IngestResult> try_ingest(std::string_view body, const SenderIdentity& sender,
                                         std::chrono::milliseconds wait);

 private:
  std::timed_mutex m_mutex;
  store::Database m_db;
  Ingestor m_ingestor;
};

}  // namespace kiosk::headoffice
