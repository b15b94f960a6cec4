#include "headoffice/service.hpp"

#include "headoffice/central_db.hpp"

namespace kiosk::headoffice {

TlsFiles TlsFiles::in_dir(const std::filesystem::path& dir) {
  return TlsFiles{dir / "ca.crt", dir / "headoffice.crt", dir / "headoffice.key"};
}

std::string TlsFiles::missing() const {
  for (const auto* file : {&ca, &cert, &key}) {
    if (!std::filesystem::is_regular_file(*file)) {
      return file->string();
    }
  }
  return {};
}

IngestService::IngestService(const std::filesystem::path& db_path)
    : m_db(open_central_db(db_path)), m_ingestor(m_db) {}

IngestResult IngestService::ingest(std::string_view body, const SenderIdentity& sender) {
  std::lock_guard lock(m_mutex);
  return m_ingestor.ingest(body, sender, std::chrono::system_clock::now());
}

std::vector<GroupOutcome> IngestService::ingest_group(std::span<const GroupedBatch> batches) {
  std::lock_guard lock(m_mutex);
  return m_ingestor.ingest_group(batches, std::chrono::system_clock::now());
}

std::vector<GapRequest> IngestService::take_overdue_gaps(std::chrono::milliseconds reorder_timeout) {
  std::lock_guard lock(m_mutex);
  return headoffice::take_overdue_gaps(m_db, std::chrono::system_clock::now(), reorder_timeout);
}

std::optional<IngestResult> IngestService::try_ingest(std::string_view body, const SenderIdentity& sender,
                                                      std::chrono::milliseconds wait) {
  std::unique_lock lock(m_mutex, std::defer_lock);
  if (!lock.try_lock_for(wait)) {
    return std::nullopt;
  }
  return m_ingestor.ingest(body, sender, std::chrono::system_clock::now());
}

}  // namespace kiosk::headoffice
