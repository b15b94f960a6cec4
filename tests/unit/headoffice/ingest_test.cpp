// Ingestion against a real SQLite file: exactly once, duplicates and conflicts, rejects, registry checks,
// idempotency keys, high-water marks and gap detection.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "headoffice/central_db.hpp"
#include "headoffice/ingest.hpp"
#include "headoffice/registry.hpp"
#include "store/statement.hpp"
#include "sync/protocol/batch.hpp"
#include "temp_dir.hpp"

namespace kiosk::headoffice {
namespace {

namespace protocol = sync::protocol;
using namespace std::chrono_literals;

std::string event_id(int n) {
  return "01890a5d-ac96-774b-bcce-" + std::string(12 - std::to_string(n).size(), '0') + std::to_string(n);
}
std::string batch_id(int n) {
  return "01890a5d-ac96-774b-bcce-b3" + std::string(10 - std::to_string(n).size(), '0') + std::to_string(n);
}

protocol::Envelope envelope(int n, std::uint64_t seq, std::string type = "ticket.issued") {
  protocol::Envelope e;
  e.id = event_id(n);
  e.seq = seq;
  e.type = std::move(type);
  e.at = "2026-11-23T09:15:02.123Z";
  e.data = {{"n", n}};
  return e;
}

protocol::Batch batch(int id, std::vector<protocol::Envelope> events, std::string kiosk = "kiosk-01",
                      std::string branch = "br-001") {
  protocol::Batch b;
  b.kiosk = std::move(kiosk);
  b.branch = std::move(branch);
  b.boot_id = "boot";
  b.batch_id = batch_id(id);
  b.events = std::move(events);
  return b;
}

std::int64_t count(store::Database& db, const char* sql) {
  store::Statement query(db, sql);
  query.step();
  return query.column_int64(0);
}

class IngestTest : public ::testing::Test {
 protected:
  IngestTest() : m_db(open_central_db(m_dir / "ho.sqlite")), m_ingestor(m_db) {
    KioskRegistry registry(m_db);
    registry.register_kiosk("kiosk-01", "br-001");
    registry.register_kiosk("kiosk-02", "br-002");
  }

  IngestResult send(const protocol::Batch& b, std::string kiosk = "kiosk-01",
                    std::optional<std::string> topic_branch = std::string("br-001")) {
    return m_ingestor.ingest(protocol::serialize_batch(b),
                             {std::move(kiosk), std::move(topic_branch), std::nullopt}, m_now);
  }

  test::TempDir m_dir{"ho-ingest"};
  store::Database m_db;
  Ingestor m_ingestor;
  std::chrono::system_clock::time_point m_now = std::chrono::system_clock::time_point(1'795'000'000'000ms);
};

TEST_F(IngestTest, StoresEachEventOnceAndAcksHighWater) {
  auto first = send(batch(1, {envelope(1, 1), envelope(2, 2), envelope(3, 3)}));
  ASSERT_EQ(first.status, IngestStatus::acked) << first.error;
  EXPECT_EQ(first.stored, 3U);
  EXPECT_EQ(first.ack.high_water, 3U);
  EXPECT_TRUE(first.ack.ranges.empty());
  EXPECT_EQ(first.branch, "br-001");

  // The kiosk resends the same events in a new batch (ack lost): duplicates, nothing new stored.
  auto again = send(batch(2, {envelope(2, 2), envelope(3, 3), envelope(4, 4)}));
  ASSERT_EQ(again.status, IngestStatus::acked);
  EXPECT_EQ(again.stored, 1U);
  EXPECT_EQ(again.ack.duplicates, (std::vector<std::string>{event_id(2), event_id(3)}));
  EXPECT_EQ(again.ack.high_water, 4U);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM events"), 4);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM duplicates"), 2);
}

TEST_F(IngestTest, AGroupCommitAnswersEachBatchAsIfItCameAlone) {
  // Two batches of one kiosk (the second sees the first), a replay of the first, another kiosk's batch
  // on the wrong topic branch, and garbage: all in one transaction, results in input order.
  const std::string first = protocol::serialize_batch(batch(1, {envelope(1, 1), envelope(2, 2)}));
  const std::string second = protocol::serialize_batch(batch(2, {envelope(2, 2), envelope(3, 3)}));
  const std::string foreign = protocol::serialize_batch(batch(3, {envelope(9, 1)}, "kiosk-02", "br-002"));
  const std::vector<GroupedBatch> group{
      {first, {"kiosk-01", std::string("br-001"), std::nullopt}},
      {second, {"kiosk-01", std::string("br-001"), std::nullopt}},
      {first, {"kiosk-01", std::string("br-001"), std::nullopt}},
      {foreign, {"kiosk-02", std::string("br-001"), std::nullopt}},
      {"{", {"kiosk-01", std::string("br-001"), std::nullopt}},
  };
  const auto outcomes = m_ingestor.ingest_group(group, m_now);
  ASSERT_EQ(outcomes.size(), group.size());
  for (const auto& outcome : outcomes) {
    ASSERT_TRUE(outcome.result) << outcome.store_error;
  }
  EXPECT_EQ(outcomes[0].result->status, IngestStatus::acked);
  EXPECT_EQ(outcomes[0].result->ack.high_water, 2U);
  EXPECT_EQ(outcomes[1].result->status, IngestStatus::acked);
  EXPECT_EQ(outcomes[1].result->stored, 1U);
  EXPECT_EQ(outcomes[1].result->ack.duplicates, (std::vector<std::string>{event_id(2)}));
  EXPECT_EQ(outcomes[1].result->ack.high_water, 3U);
  EXPECT_EQ(outcomes[2].result->status, IngestStatus::replayed);
  EXPECT_EQ(outcomes[2].result->ack, outcomes[0].result->ack);
  EXPECT_EQ(outcomes[3].result->status, IngestStatus::rejected);
  EXPECT_EQ(outcomes[4].result->status, IngestStatus::invalid);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM events"), 3);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM rejects"), 2);
}

TEST_F(IngestTest, ReplayedBatchIdReturnsTheFirstAckAndOtherContentIsAKeyConflict) {
  auto b = batch(1, {envelope(1, 1)});
  auto first = send(b);
  ASSERT_EQ(first.status, IngestStatus::acked);
  auto replay = send(b);
  EXPECT_EQ(replay.status, IngestStatus::replayed);
  EXPECT_EQ(replay.ack, first.ack);
  b.events.push_back(envelope(2, 2));
  auto other = send(b);
  EXPECT_EQ(other.status, IngestStatus::key_conflict);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM events"), 1);
}

TEST_F(IngestTest, SameIdOtherBodyAndSameSeqOtherIdAreConflicts) {
  ASSERT_EQ(send(batch(1, {envelope(1, 1)})).status, IngestStatus::acked);
  auto changed = envelope(1, 1);
  changed.data["n"] = 99;
  auto result = send(batch(2, {changed, envelope(5, 1)}));
  ASSERT_EQ(result.status, IngestStatus::acked);
  EXPECT_EQ(result.ack.conflicts, (std::vector<std::string>{event_id(1), event_id(5)}));
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM conflicts"), 2);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM events"), 1);
}

TEST_F(IngestTest, UnreadableEventsAreRejectedAndTheRestStored) {
  auto json = protocol::batch_to_json(batch(1, {envelope(1, 1)}));
  json["events"].push_back({{"id", event_id(2)}, {"seq", 2}, {"type", "BAD"}});
  auto result = m_ingestor.ingest(json.dump(), {"kiosk-01", std::string("br-001"), std::nullopt}, m_now);
  ASSERT_EQ(result.status, IngestStatus::acked) << result.error;
  ASSERT_EQ(result.ack.rejects.size(), 1U);
  EXPECT_EQ(result.ack.rejects[0].id, event_id(2));
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM rejects WHERE event_id IS NOT NULL"), 1);
}

TEST_F(IngestTest, UnknownSchemaVersionIsStoredVerbatim) {
  auto e = envelope(1, 1, "survey.answered");
  e.schema = 99;
  e.extra["new_top_level"] = {1, 2};
  ASSERT_EQ(send(batch(1, {e})).status, IngestStatus::acked);
  store::Statement query(m_db, "SELECT schema, envelope FROM events");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_int64(0), 99);
  EXPECT_EQ(query.column_text(1), protocol::serialize_envelope(e));
}

TEST_F(IngestTest, IdentityMustMatchTheRegistry) {
  auto b = batch(1, {envelope(1, 1)});
  EXPECT_EQ(send(b, "kiosk-02", std::string("br-002")).status,
            IngestStatus::rejected);  // payload kiosk differs
  EXPECT_EQ(send(b, "kiosk-01", std::string("br-002")).status, IngestStatus::rejected);  // wrong topic branch
  EXPECT_EQ(send(batch(1, {envelope(1, 1)}, "kiosk-09"), "kiosk-09").status, IngestStatus::rejected);
  EXPECT_EQ(send(batch(1, {envelope(1, 1)}, "kiosk-01", "br-002")).status, IngestStatus::rejected);
  EXPECT_EQ(m_ingestor.ingest("{", {"kiosk-01", std::nullopt, std::nullopt}, m_now).status,
            IngestStatus::invalid);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM events"), 0);
  EXPECT_EQ(count(m_db, "SELECT COUNT(*) FROM rejects"), 5);
  // HTTPS has no topic branch: the certificate kiosk and the registry decide.
  EXPECT_EQ(send(b, "kiosk-01", std::nullopt).status, IngestStatus::acked);
}

TEST_F(IngestTest, GapsAreReportedAfterTheReorderTimeoutOnce) {
  auto result = send(batch(1, {envelope(1, 1), envelope(4, 4), envelope(5, 5)}));
  ASSERT_EQ(result.status, IngestStatus::acked);
  EXPECT_EQ(result.ack.high_water, 1U);
  ASSERT_EQ(result.ack.ranges.size(), 1U);
  EXPECT_EQ(result.ack.ranges[0], (protocol::SeqRange{4, 5}));

  EXPECT_TRUE(take_overdue_gaps(m_db, m_now + 1s, 5s).empty());
  auto gaps = take_overdue_gaps(m_db, m_now + 6s, 5s);
  ASSERT_EQ(gaps.size(), 1U);
  EXPECT_EQ(gaps[0].kiosk, "kiosk-01");
  EXPECT_EQ(gaps[0].branch, "br-001");
  EXPECT_EQ(gaps[0].from, 2U);
  EXPECT_EQ(gaps[0].to, 3U);
  EXPECT_TRUE(take_overdue_gaps(m_db, m_now + 7s, 5s).empty());
  EXPECT_EQ(take_overdue_gaps(m_db, m_now + 12s, 5s).size(), 1U);  // asked again after another timeout

  auto filled = send(batch(2, {envelope(2, 2), envelope(3, 3)}));
  EXPECT_EQ(filled.ack.high_water, 5U);
  EXPECT_TRUE(filled.ack.ranges.empty());
  EXPECT_TRUE(take_overdue_gaps(m_db, m_now + 60s, 5s).empty());
}

TEST_F(IngestTest, FillingAGapBelowALongRunAdvancesPastIt) {
  // More stored seqs above the gap than one page of the high-water walk.
  int n = 10;
  for (int b = 0; b < 5; ++b) {
    std::vector<protocol::Envelope> events;
    for (int i = 0; i < 1000; ++i, ++n) {
      events.push_back(envelope(n, static_cast<std::uint64_t>(n - 8)));  // seqs 2..5001
    }
    ASSERT_EQ(send(batch(10 + b, std::move(events))).status, IngestStatus::acked);
  }
  auto filled = send(batch(1, {envelope(1, 1)}));
  ASSERT_EQ(filled.status, IngestStatus::acked);
  EXPECT_EQ(filled.ack.high_water, 5001U);
  EXPECT_TRUE(filled.ack.ranges.empty());
}

TEST_F(IngestTest, IdempotencyKeyMustBeTheBatchId) {
  auto b = batch(1, {envelope(1, 1)});
  auto result =
      m_ingestor.ingest(protocol::serialize_batch(b), {"kiosk-01", std::nullopt, batch_id(2)}, m_now);
  EXPECT_EQ(result.status, IngestStatus::rejected);
  EXPECT_NE(result.error.find("Idempotency-Key"), std::string::npos);
}

TEST_F(IngestTest, RegistryRefusesBadIds) {
  KioskRegistry registry(m_db);
  EXPECT_THROW(registry.register_kiosk("kiosk/1", "br-001"), std::invalid_argument);
  EXPECT_THROW(registry.register_kiosk("kiosk-1", "all"), std::invalid_argument);
  registry.register_kiosk("kiosk-01", "br-009");
  EXPECT_EQ(registry.branch_of("kiosk-01"), std::optional<std::string>("br-009"));
}

TEST(CentralDb, ReopeningKeepsDataAndSchema) {
  test::TempDir dir("ho-db");
  {
    auto db = open_central_db(dir / "ho.sqlite");
    KioskRegistry(db).register_kiosk("kiosk-01", "br-001");
  }
  auto db = open_central_db(dir / "ho.sqlite");
  EXPECT_EQ(KioskRegistry(db).list().size(), 1U);
  EXPECT_EQ(count(db, "PRAGMA user_version"), 1);
}

}  // namespace
}  // namespace kiosk::headoffice
