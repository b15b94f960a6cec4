#include "headoffice/downstream.hpp"

#include <fmt/format.h>

#include "domain/event.hpp"
#include "headoffice/central_db.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "sync/protocol/crypto.hpp"

namespace kiosk::headoffice {

namespace protocol = sync::protocol;

sync::protocol::Parsed<sync::protocol::BundlePointer> BundleStore::add(
    const protocol::Bundle& bundle, const protocol::SignedBundle& signed_bundle,
    std::chrono::system_clock::time_point now) {
  using Result = protocol::Parsed<protocol::BundlePointer>;
  store::Transaction tx(m_db);
  const auto next = next_version(bundle.kind, bundle.scope);
  if (bundle.version < next) {
    return Result::failure(fmt::format("version {} of {} for {} is not above the published version {}",
                                       bundle.version, bundle.kind, bundle.scope, next - 1));
  }
  const std::string text = protocol::serialize_signed_bundle(signed_bundle);
  const std::string etag = fmt::format("\"{}-{}-{}-{}\"", bundle.kind, bundle.scope, bundle.version,
                                       protocol::sha256_hex(text).substr(0, 16));
  store::Statement insert(m_db,
                          "INSERT INTO bundles (kind, scope, version, signed, etag, published_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind_text(1, bundle.kind);
  insert.bind_text(2, bundle.scope);
  insert.bind_int64(3, static_cast<std::int64_t>(bundle.version));
  insert.bind_text(4, text);
  insert.bind_text(5, etag);
  insert.bind_int64(6, to_unix_ms(now));
  insert.run();
  tx.commit();
  protocol::BundlePointer pointer;
  pointer.kind = bundle.kind;
  pointer.scope = bundle.scope;
  pointer.version = bundle.version;
  pointer.path = fmt::format("/v1/bundles/{}?scope={}", bundle.kind, bundle.scope);
  pointer.etag = etag;
  return Result::success(std::move(pointer));
}

std::optional<StoredBundle> BundleStore::latest(std::string_view kind, std::string_view scope) const {
  store::Statement query(m_db,
                         "SELECT version, signed, etag FROM bundles WHERE kind = ?1 AND scope = ?2 "
                         "ORDER BY version DESC LIMIT 1");
  query.bind_text(1, kind);
  query.bind_text(2, scope);
  if (!query.step()) {
    return std::nullopt;
  }
  return StoredBundle{static_cast<std::uint64_t>(query.column_int64(0)), query.column_text(1),
                      query.column_text(2)};
}

std::uint64_t BundleStore::next_version(std::string_view kind, std::string_view scope) const {
  auto current = latest(kind, scope);
  return current ? current->version + 1 : 1;
}

sync::protocol::Parsed<std::uint64_t> ComplaintStatusLog::append(std::string_view ref,
                                                                 std::string_view status,
                                                                 std::optional<std::string> note,
                                                                 std::chrono::system_clock::time_point now) {
  using Result = protocol::Parsed<std::uint64_t>;
  if (status.empty()) {
    return Result::failure("status: must not be empty");
  }
  store::Transaction tx(m_db);
  std::string kiosk;
  {
    store::Statement find(m_db,
                          "SELECT kiosk FROM events WHERE type = 'complaint.submitted' "
                          "AND json_extract(data, '$.reference') = ?1 LIMIT 1");
    find.bind_text(1, ref);
    if (!find.step()) {
      return Result::failure(fmt::format("no complaint with reference '{}' has reached head office", ref));
    }
    kiosk = find.column_text(0);
  }
  store::Statement insert(
      m_db, "INSERT INTO complaint_status (kiosk, ref, status, note, at) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind_text(1, kiosk);
  insert.bind_text(2, ref);
  insert.bind_text(3, status);
  if (note) {
    insert.bind_text(4, *note);
  } else {
    insert.bind_null(4);
  }
  insert.bind_text(5,
                   domain::format_rfc3339_utc(std::chrono::time_point_cast<std::chrono::milliseconds>(now)));
  insert.run();
  const auto cursor = static_cast<std::uint64_t>(m_db.last_insert_rowid());
  tx.commit();
  return Result::success(cursor);
}

sync::protocol::ComplaintStatusPage ComplaintStatusLog::page(std::string_view kiosk, std::uint64_t after,
                                                             std::size_t limit) const {
  protocol::ComplaintStatusPage page;
  page.kiosk = std::string(kiosk);
  page.next = after;
  store::Statement query(m_db,
                         "SELECT cursor, ref, status, note, at FROM complaint_status "
                         "WHERE kiosk = ?1 AND cursor > ?2 ORDER BY cursor LIMIT ?3");
  query.bind_text(1, kiosk);
  query.bind_int64(2, static_cast<std::int64_t>(after));
  query.bind_int64(3, static_cast<std::int64_t>(limit));
  while (query.step()) {
    protocol::ComplaintStatusChange change;
    change.cursor = static_cast<std::uint64_t>(query.column_int64(0));
    change.ref = query.column_text(1);
    change.status = query.column_text(2);
    if (!query.column_is_null(3)) {
      change.note = query.column_text(3);
    }
    change.at = query.column_text(4);
    page.next = change.cursor;
    page.changes.push_back(std::move(change));
  }
  return page;
}

}  // namespace kiosk::headoffice
