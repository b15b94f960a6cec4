#pragma once
// Helpers for the sync unit tests: a real store file with events in it, and small builders.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/event.hpp"
#include "domain/uuid.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace kiosk::sync::test_support {

inline domain::EventTime fixed_time() {
  return domain::EventTime{std::chrono::milliseconds{1'795'000'000'000}};
}

// A store created in `dir`; events are appended through the real Outbox in committed transactions.
class StoreFixture {
 public:
  explicit StoreFixture(const std::filesystem::path& dir) : m_path(dir / "kiosk.db") {
    store::OpenReport report;
    m_store = store::Store::open(m_path, report);
    if (!m_store) {
      throw std::runtime_error("store did not open: " + report.message);
    }
  }

  const std::filesystem::path& path() const { return m_path; }
  store::Store& store() { return *m_store; }
  store::Outbox& outbox() { return m_store->outbox(); }

  // Appends one event and returns its seq.
  std::int64_t append(const std::string& type, const std::string& data_json = R"({"n":1})") {
    domain::EventRecord record;
    record.id = m_store->new_event_id(std::chrono::system_clock::now());
    record.type = type;
    record.at = fixed_time();
    record.data_json = data_json;
    store::Transaction tx(m_store->database());
    const auto seq = m_store->outbox().append(tx, record);
    tx.commit();
    return seq;
  }

  std::vector<std::int64_t> append_many(const std::string& type, int count) {
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < count; ++i) {
      seqs.push_back(append(type));
    }
    return seqs;
  }

  store::OutboxState state(std::int64_t seq) { return m_store->outbox().state_of(seq).value(); }

 private:
  std::filesystem::path m_path;
  std::unique_ptr<store::Store> m_store;
};

inline store::OutboxRow make_row(std::int64_t seq, std::string type = "ticket.issued",
                                 std::string data_json = R"({"n":1})") {
  store::OutboxRow row;
  row.seq = seq;
  domain::SystemRandomSource random;
  row.event.id = domain::generate_uuid_v7(std::chrono::system_clock::now(), random).to_string();
  row.event.type = std::move(type);
  row.event.at = fixed_time();
  row.event.data_json = std::move(data_json);
  return row;
}

}  // namespace kiosk::sync::test_support
