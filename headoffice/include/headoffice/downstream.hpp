#pragma once
// What head office sends down: signed bundles (served over HTTPS, announced by retained MQTT pointers)
// and the per-kiosk complaint status change log.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sync/protocol/bundle.hpp"
#include "sync/protocol/complaint_status.hpp"
#include "sync/protocol/parsed.hpp"

namespace kiosk::store {
class Database;
}

namespace kiosk::headoffice {

struct StoredBundle {
  std::uint64_t version = 0;
  std::string signed_text;  // serialize_signed_bundle()
  std::string etag;         // quoted strong ETag: "\"<kind>-<scope>-<version>-<hash prefix>\""
};

class BundleStore {
 public:
  explicit BundleStore(store::Database& db) : m_db(db) {}

  // Stores a new version. Fails (no throw) if the version is not above the latest for (kind, scope).
  sync::protocol::Parsed<sync::protocol::BundlePointer> add(const sync::protocol::Bundle& bundle,
                                                            const sync::protocol::SignedBundle& signed_bundle,
                                                            std::chrono::system_clock::time_point now);
  std::optional<StoredBundle> latest(std::string_view kind, std::string_view scope) const;
  // The next version number to use for (kind, scope): latest + 1, or 1.
  std::uint64_t next_version(std::string_view kind, std::string_view scope) const;

 private:
  store::Database& m_db;
};

class ComplaintStatusLog {
 public:
  explicit ComplaintStatusLog(store::Database& db) : m_db(db) {}

  // Appends a change for the complaint with this reference; the kiosk is the one whose complaint.submitted
  // event carried the reference. Fails (no throw) for an unknown reference or an empty status.
  sync::protocol::Parsed<std::uint64_t> append(std::string_view ref, std::string_view status,
                                               std::optional<std::string> note,
                                               std::chrono::system_clock::time_point now);
  // Up to `limit` changes for the kiosk with cursor > after, oldest first.
  sync::protocol::ComplaintStatusPage page(std::string_view kiosk, std::uint64_t after,
                                           std::size_t limit) const;

 private:
  store::Database& m_db;
};

}  // namespace kiosk::headoffice
