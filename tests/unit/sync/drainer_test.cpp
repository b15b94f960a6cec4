#include "sync/outbox_drainer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "fake_transport.hpp"
#include "support.hpp"
#include "sync/protocol/batch.hpp"
#include "temp_dir.hpp"

namespace kiosk::sync {
namespace {

using std::chrono::milliseconds;
using store::OutboxState;
using test_support::FakeTransport;
using test_support::StoreFixture;

const SteadyTime k_t0 = SteadyTime{} + std::chrono::hours{1};

class DrainerTest : public ::testing::Test {
 protected:
  DrainerConfig config() const {
    DrainerConfig config;
    config.database = m_store.path();
    config.kiosk_id = "kiosk-01";
    config.branch_id = "branch-001";
    config.linger = milliseconds{250};
    config.window = 8;
    config.ack_timeout = milliseconds{10'000};
    config.count_interval = milliseconds{0};  // recount every cycle; CountsAtMostOncePerInterval tests it
    return config;
  }

  std::unique_ptr<OutboxDrainer> make_drainer(DrainerConfig config) {
    auto drainer = std::make_unique<OutboxDrainer>(std::move(config), m_transport, m_status);
    m_transport.start(*drainer);
    return drainer;
  }

  std::unique_ptr<OutboxDrainer> connected_drainer(DrainerConfig config) {
    auto drainer = make_drainer(std::move(config));
    drainer->on_connected();
    return drainer;
  }

  std::vector<std::int64_t> seqs_of(const OutgoingBatch& batch) {
    std::vector<std::int64_t> seqs;
    for (const auto& event : batch.events) {
      seqs.push_back(event.seq);
    }
    return seqs;
  }

  test::TempDir m_dir{"sync-drainer"};
  StoreFixture m_store{m_dir.path()};
  FakeTransport m_transport;
  SyncStatus m_status;
};

TEST_F(DrainerTest, NothingIsSentWhileDisconnected) {
  m_store.append_many("ticket.issued", 60);
  auto drainer = make_drainer(config());
  drainer->run_cycle(k_t0);
  drainer->run_cycle(k_t0 + milliseconds{1'000});
  EXPECT_TRUE(m_transport.sent().empty());
}

TEST_F(DrainerTest, FullBatchesLeaveAtOnceAndAPartialOneAfterLinger) {
  m_store.append_many("ticket.issued", 120);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  auto sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 2U);
  EXPECT_EQ(sent[0].events.size(), 50U);
  EXPECT_EQ(sent[1].events.size(), 50U);
  EXPECT_EQ(drainer->next_deadline(), k_t0 + milliseconds{250});
  drainer->run_cycle(k_t0 + milliseconds{100});
  EXPECT_EQ(m_transport.sent().size(), 2U);
  drainer->run_cycle(k_t0 + milliseconds{250});
  sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 3U);
  EXPECT_EQ(sent[2].events.size(), 20U);
  for (const auto& batch : sent) {
    EXPECT_LE(batch.payload.size(), 16'000U);
    const auto parsed = protocol::parse_batch(std::string_view(batch.payload));
    ASSERT_TRUE(parsed) << parsed.error();
    EXPECT_EQ(parsed.value().batch.kiosk, "kiosk-01");
    EXPECT_EQ(parsed.value().batch.batch_id, batch.batch_id);
  }
  EXPECT_EQ(drainer->in_flight(), 3U);
  // Dispatched is not sent: the rows stay pending until the transport acknowledges.
  EXPECT_EQ(m_store.state(1), OutboxState::pending);
}

TEST_F(DrainerTest, OnAnIdleLinkALoneEventLeavesAtOnce) {
  m_store.append_many("complaint.submitted", 1);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  ASSERT_EQ(m_transport.sent().size(), 1U) << "nothing was in flight: no reason to linger";
  EXPECT_EQ(m_transport.sent()[0].events.size(), 1U);
  // While that batch is in flight, the next lone event waits for company until the linger ends.
  m_store.append_many("ticket.issued", 1);
  drainer->run_cycle(k_t0 + milliseconds{10});
  EXPECT_EQ(m_transport.sent().size(), 1U);
  drainer->run_cycle(k_t0 + milliseconds{260});
  EXPECT_EQ(m_transport.sent().size(), 2U);
}

TEST_F(DrainerTest, ByteBoundSplitsLargeEvents) {
  for (int i = 0; i < 10; ++i) {
    m_store.append("ticket.issued", R"({"pad":")" + std::string(3'000, 'x') + "\"}");
  }
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  drainer->run_cycle(k_t0 + milliseconds{300});
  std::size_t events = 0;
  for (const auto& batch : m_transport.sent()) {
    EXPECT_LE(batch.payload.size(), 16'000U);
    events += batch.events.size();
  }
  EXPECT_EQ(events, 10U);
  EXPECT_GE(m_transport.sent().size(), 2U);
}

TEST_F(DrainerTest, PendingToSentToConfirmedByHighWater) {
  m_store.append_many("ticket.issued", 50);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  const auto batch = m_transport.sent().at(0);
  drainer->on_delivered(batch.batch_id);
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_store.state(1), OutboxState::sent);
  EXPECT_EQ(m_store.state(50), OutboxState::sent);
  EXPECT_EQ(m_store.outbox().find(1)->attempts, 1);
  drainer->on_ack(AckSummary{batch.batch_id, 50, {}, {}, {}, {}});
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_store.state(1), OutboxState::confirmed);
  EXPECT_EQ(m_store.state(50), OutboxState::confirmed);
  EXPECT_EQ(drainer->in_flight(), 0U);
  const auto status = m_status.snapshot();
  EXPECT_EQ(status.confirmed_total, 50);
  EXPECT_TRUE(status.last_confirmation);
  EXPECT_EQ(status.backlog, 0);
}

TEST_F(DrainerTest, CountsAtMostOncePerInterval) {
  auto slow = config();
  slow.count_interval = milliseconds{1'000};
  m_store.append_many("ticket.issued", 3);
  auto drainer = make_drainer(slow);  // disconnected: nothing leaves, only counting happens
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_status.snapshot().backlog, 3);
  m_store.append_many("ticket.issued", 2);
  drainer->run_cycle(k_t0 + milliseconds{999});
  EXPECT_EQ(m_status.snapshot().backlog, 3) << "recounted before the interval passed";
  drainer->run_cycle(k_t0 + milliseconds{1'000});
  EXPECT_EQ(m_status.snapshot().backlog, 5);
}

TEST_F(DrainerTest, RangesAndDuplicatesConfirmUncoveredRowsGoBack) {
  m_store.append_many("ticket.issued", 5);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0 + milliseconds{300});  // partial batch after linger
  drainer->run_cycle(k_t0 + milliseconds{600});
  const auto batch = m_transport.sent().at(0);
  ASSERT_EQ(batch.events.size(), 5U);
  drainer->on_delivered(batch.batch_id);
  // Seqs 1-2 by range, seq 3 as a duplicate; 4 and 5 not covered.
  drainer->on_ack(AckSummary{batch.batch_id, 0, {{1, 2}}, {batch.events[2].id}, {}, {}});
  drainer->run_cycle(k_t0 + milliseconds{700});
  EXPECT_EQ(m_store.state(1), OutboxState::confirmed);
  EXPECT_EQ(m_store.state(2), OutboxState::confirmed);
  EXPECT_EQ(m_store.state(3), OutboxState::confirmed);
  // 4 and 5 went back to pending and, being pending and out of the window, are dispatched again.
  drainer->run_cycle(k_t0 + milliseconds{1'000});
  const auto sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 2U);
  EXPECT_EQ(seqs_of(sent[1]), (std::vector<std::int64_t>{4, 5}));
  EXPECT_EQ(m_store.state(4), OutboxState::pending);
  EXPECT_EQ(m_store.outbox().find(4)->attempts, 1);
}

TEST_F(DrainerTest, DuplicateIdOutsideTheWindowIsConfirmedByLookup) {
  const auto seq = m_store.append("ticket.issued");
  const auto id = m_store.outbox().find(seq)->event.id;
  auto drainer = connected_drainer(config());
  drainer->on_ack(AckSummary{"from-an-earlier-run", 0, {}, {id}, {}, {}});
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_store.state(seq), OutboxState::confirmed);
}

TEST_F(DrainerTest, NoAckWithinTimeoutSendsAgain) {
  m_store.append_many("ticket.issued", 50);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  const auto first = m_transport.sent().at(0);
  drainer->on_delivered(first.batch_id);
  drainer->run_cycle(k_t0 + milliseconds{1});
  EXPECT_EQ(m_store.state(1), OutboxState::sent);
  EXPECT_EQ(drainer->next_deadline(), k_t0 + milliseconds{10'000});
  drainer->run_cycle(k_t0 + milliseconds{9'999});
  EXPECT_EQ(m_transport.sent().size(), 1U);
  drainer->run_cycle(k_t0 + milliseconds{10'000});
  const auto sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 2U);
  EXPECT_NE(sent[1].batch_id, first.batch_id);
  EXPECT_EQ(seqs_of(sent[1]), seqs_of(first));
  EXPECT_EQ(m_store.state(1), OutboxState::pending);
  // A late Ack for the first batch still confirms.
  drainer->on_ack(AckSummary{first.batch_id, 50, {}, {}, {}, {}});
  drainer->run_cycle(k_t0 + milliseconds{10'001});
  EXPECT_EQ(m_store.state(50), OutboxState::confirmed);
}

TEST_F(DrainerTest, DisconnectReturnsSentRowsAndStopsSending) {
  m_store.append_many("ticket.issued", 100);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  const auto sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 2U);
  drainer->on_delivered(sent[0].batch_id);
  drainer->on_disconnected("broker went away");
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_store.state(1), OutboxState::pending);
  EXPECT_EQ(drainer->in_flight(), 0U);
  EXPECT_FALSE(m_status.snapshot().connected);
  EXPECT_EQ(m_status.snapshot().last_disconnect_reason, "broker went away");
  drainer->run_cycle(k_t0 + milliseconds{5'000});
  EXPECT_EQ(m_transport.sent().size(), 2U);
  drainer->on_connected();
  drainer->run_cycle(k_t0 + milliseconds{5'001});
  EXPECT_EQ(m_transport.sent().size(), 4U);
}

TEST_F(DrainerTest, WindowBoundsBatchesInFlight) {
  m_store.append_many("ticket.issued", 500);
  auto cfg = config();
  cfg.window = 3;
  auto drainer = connected_drainer(cfg);
  drainer->run_cycle(k_t0);
  auto sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 3U);
  drainer->on_delivered(sent[0].batch_id);
  drainer->on_ack(AckSummary{sent[0].batch_id, 50, {}, {}, {}, {}});
  drainer->run_cycle(k_t0);
  sent = m_transport.sent();
  ASSERT_EQ(sent.size(), 4U);
  EXPECT_EQ(sent[3].events.front().seq, 151);  // rows of batches still in flight are not sent twice
  EXPECT_EQ(m_status.snapshot().in_flight_batches, 3);
}

TEST_F(DrainerTest, TransportRefusalKeepsRowsPending) {
  m_store.append_many("ticket.issued", 50);
  auto drainer = connected_drainer(config());
  m_transport.accept = false;
  drainer->run_cycle(k_t0);
  EXPECT_EQ(drainer->in_flight(), 0U);
  m_transport.accept = true;
  drainer->run_cycle(k_t0 + milliseconds{10});
  EXPECT_EQ(m_transport.sent().size(), 1U);
}

TEST_F(DrainerTest, SendFailureReleasesTheBatch) {
  m_store.append_many("ticket.issued", 50);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  drainer->on_send_failed(m_transport.sent().at(0).batch_id, "publish denied: reason code 135");
  drainer->run_cycle(k_t0 + milliseconds{1});
  EXPECT_EQ(m_transport.sent().size(), 2U);
  EXPECT_EQ(m_store.state(1), OutboxState::pending);
}

TEST_F(DrainerTest, PoisonEventIsQuarantinedAndDoesNotBlock) {
  m_store.append("ticket.issued");
  const auto poison = m_store.append("ticket.issued", R"({"pad":")" + std::string(20'000, 'x') + "\"}");
  m_store.append("ticket.issued");
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0);
  drainer->run_cycle(k_t0 + milliseconds{300});
  EXPECT_EQ(m_store.state(poison), OutboxState::quarantined);
  EXPECT_NE(m_store.outbox().find(poison)->last_error->find("too large"), std::string::npos);
  ASSERT_EQ(m_transport.sent().size(), 1U);
  EXPECT_EQ(seqs_of(m_transport.sent()[0]), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(m_status.snapshot().quarantined, 1);
}

TEST_F(DrainerTest, RejectedAndConflictingEventsAreQuarantined) {
  m_store.append_many("ticket.issued", 3);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0 + milliseconds{300});
  drainer->run_cycle(k_t0 + milliseconds{600});
  const auto batch = m_transport.sent().at(0);
  drainer->on_delivered(batch.batch_id);
  drainer->on_ack(AckSummary{
      batch.batch_id, 0, {{1, 1}}, {}, {{batch.events[1].id, "schema unknown"}}, {batch.events[2].id}});
  drainer->run_cycle(k_t0 + milliseconds{700});
  EXPECT_EQ(m_store.state(1), OutboxState::confirmed);
  EXPECT_EQ(m_store.state(2), OutboxState::quarantined);
  EXPECT_NE(m_store.outbox().find(2)->last_error->find("schema unknown"), std::string::npos);
  EXPECT_EQ(m_store.state(3), OutboxState::quarantined);
  EXPECT_EQ(m_status.snapshot().quarantined, 2);
  EXPECT_EQ(m_status.snapshot().backlog, 0);
}

TEST_F(DrainerTest, ComplaintsFirstThenCustomerRecordsThenTelemetry) {
  const auto telemetry = m_store.append_many("device.heartbeat", 2);
  const auto customer = m_store.append_many("ticket.issued", 2);
  const auto complaint = m_store.append_many("complaint.filed", 2);
  auto drainer = connected_drainer(config());
  drainer->run_cycle(k_t0 + milliseconds{300});
  drainer->run_cycle(k_t0 + milliseconds{600});
  ASSERT_EQ(m_transport.sent().size(), 1U);
  EXPECT_EQ(seqs_of(m_transport.sent()[0]),
            (std::vector<std::int64_t>{complaint[0], complaint[1], customer[0], customer[1], telemetry[0],
                                       telemetry[1]}));
}

TEST_F(DrainerTest, ResendCommandSendsConfirmedRowsAgain) {
  m_store.append_many("ticket.issued", 10);
  m_store.outbox().mark_confirmed_up_to(10);
  auto drainer = connected_drainer(config());
  drainer->on_resend(ResendRequest{3, 5});
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_store.state(3), OutboxState::pending);
  EXPECT_EQ(m_store.state(6), OutboxState::confirmed);
  drainer->run_cycle(k_t0 + milliseconds{300});
  ASSERT_EQ(m_transport.sent().size(), 1U);
  EXPECT_EQ(seqs_of(m_transport.sent()[0]), (std::vector<std::int64_t>{3, 4, 5}));
}

TEST_F(DrainerTest, ResendSpanIsBounded) {
  m_store.append_many("ticket.issued", 10);
  m_store.outbox().mark_confirmed_up_to(10);
  auto cfg = config();
  cfg.max_resend_span = 2;
  auto drainer = make_drainer(cfg);
  drainer->on_resend(ResendRequest{1, 1'000'000'000});
  drainer->run_cycle(k_t0);
  EXPECT_EQ(m_store.state(2), OutboxState::pending);
  EXPECT_EQ(m_store.state(3), OutboxState::confirmed);
}

TEST_F(DrainerTest, StorageCapShedsOldestTelemetryNeverCustomerRecords) {
  const auto telemetry = m_store.append_many("device.heartbeat", 6);
  const auto customer = m_store.append_many("ticket.issued", 6);
  auto cfg = config();
  cfg.storage_cap_rows = 10;
  auto drainer = make_drainer(cfg);
  drainer->run_cycle(k_t0);
  EXPECT_FALSE(m_store.outbox().find(telemetry[0]));
  EXPECT_FALSE(m_store.outbox().find(telemetry[1]));
  EXPECT_TRUE(m_store.outbox().find(telemetry[2]));
  for (const auto seq : customer) {
    EXPECT_TRUE(m_store.outbox().find(seq));
  }
  auto status = m_status.snapshot();
  EXPECT_EQ(status.shed_total, 2);
  EXPECT_EQ(status.backlog, 10);
  EXPECT_TRUE(status.storage_alarm);

  m_store.append_many("complaint.filed", 20);
  drainer->run_cycle(k_t0 + milliseconds{1});
  status = m_status.snapshot();
  EXPECT_EQ(status.shed_total, 6);  // all telemetry gone, nothing else touched
  EXPECT_EQ(status.backlog, 26);
}

TEST_F(DrainerTest, RowsLeftSentByAnEarlierRunGoBackToPending) {
  const auto seqs = m_store.append_many("ticket.issued", 3);
  m_store.outbox().mark_sent(seqs);
  auto drainer = make_drainer(config());
  EXPECT_EQ(m_store.state(seqs[0]), OutboxState::pending);
  EXPECT_EQ(m_status.snapshot().backlog, 3);
  EXPECT_TRUE(m_status.snapshot().oldest_unconfirmed_age);
}

TEST_F(DrainerTest, ThreadDrainsEverythingAndStops) {
  m_store.append_many("ticket.issued", 230);
  m_transport.auto_answer = true;
  auto cfg = config();
  cfg.linger = milliseconds{20};
  cfg.poll_interval = milliseconds{50};
  auto drainer = connected_drainer(cfg);
  drainer->start();
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds{20};
  while (m_status.snapshot().backlog > 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(milliseconds{10});
  }
  EXPECT_EQ(m_status.snapshot().backlog, 0);
  m_store.append_many("complaint.filed", 3);
  drainer->wake();
  while (m_store.state(233) != OutboxState::confirmed && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(milliseconds{10});
  }
  EXPECT_EQ(m_store.state(233), OutboxState::confirmed);
  drainer->stop();
  m_transport.stop();
  EXPECT_EQ(m_store.outbox().counts_by_state().confirmed, 233);
}

}  // namespace
}  // namespace kiosk::sync
