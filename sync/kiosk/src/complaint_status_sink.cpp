#include "sync/complaint_status_sink.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

#include "domain/complaints/status.hpp"
#include "domain/event.hpp"
#include "store/complaint_repository.hpp"
#include "store/database.hpp"
#include "store/meta.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace kiosk::sync {
namespace {

std::uint64_t read_cursor(store::Database& db) {
  const auto text = store::Meta(db).get(StoreComplaintStatusSink::k_cursor_key);
  std::uint64_t value = 0;
  if (!text) {
    return 0;
  }
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    // Someone wrote garbage: starting from 0 re-reads the log, and history entries already applied are
    // recognised by nothing but their cursor, so say it loudly.
    spdlog::error("sync/downstream: stored complaint status cursor '{}' is not a number; reading from 0",
                  text->substr(0, 32));
    return 0;
  }
  return value;
}

// Why a change cannot be applied, or empty when it can (then `id` and `row` are filled).
std::string prepare(store::ComplaintRepository& complaints, const protocol::ComplaintStatusChange& change,
                    std::string& id, store::ComplaintStatusRow& row) {
  if (!domain::complaints::parse_complaint_status(change.status)) {
    return "unknown status '" + change.status.substr(0, 32) + "'";
  }
  const auto at = domain::parse_rfc3339_utc(change.at);
  if (!at) {
    return "at is not an RFC 3339 time";
  }
  const auto complaint = complaints.find_by_reference(change.ref);
  if (!complaint) {
    return "no complaint with this reference on this kiosk";
  }
  id = complaint->id;
  row = store::ComplaintStatusRow{change.status, change.note.value_or(""), *at, "headoffice"};
  return {};
}

}  // namespace

StoreComplaintStatusSink::StoreComplaintStatusSink(const std::filesystem::path& db_file)
    : m_db(std::make_unique<store::Database>(store::Store::open_secondary(db_file))) {}

StoreComplaintStatusSink::~StoreComplaintStatusSink() = default;

std::uint64_t StoreComplaintStatusSink::cursor() {
  return read_cursor(*m_db);
}

StatusApplyResult StoreComplaintStatusSink::apply(const protocol::ComplaintStatusPage& page) {
  StatusApplyResult result;
  store::Transaction tx(*m_db);
  // Read inside the transaction (it holds the write lock), so nobody moves the cursor under us.
  const std::uint64_t stored = read_cursor(*m_db);
  store::ComplaintRepository complaints(*m_db);
  for (const auto& change : page.changes) {
    if (change.cursor <= stored) {
      ++result.skipped;  // applied with an earlier page
      continue;
    }
    std::string id;
    store::ComplaintStatusRow row;
    if (auto problem = prepare(complaints, change, id, row); !problem.empty()) {
      spdlog::warn("sync/downstream: complaint status change {} for '{}' skipped: {}", change.cursor,
                   change.ref.substr(0, 64), problem);
      ++result.skipped;
      continue;
    }
    if (complaints.append_status(tx, id, row)) {
      ++result.applied;
    } else {
      ++result.skipped;
    }
  }
  result.cursor = std::max(stored, page.next);
  store::Meta(*m_db).set(k_cursor_key, std::to_string(result.cursor));
  tx.commit();
  return result;
}

}  // namespace kiosk::sync
