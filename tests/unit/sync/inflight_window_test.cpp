#include "sync/inflight_window.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kiosk::sync {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const SteadyTime k_t0{};
constexpr std::chrono::milliseconds k_timeout{1'000};

InflightBatch batch(std::string id, std::vector<std::int64_t> seqs, SteadyTime at = k_t0) {
  InflightBatch result{std::move(id), {}, at, false};
  for (const auto seq : seqs) {
    result.events.push_back(OutgoingEvent{seq, "id-" + std::to_string(seq)});
  }
  return result;
}

TEST(InflightWindow, CapacityIsClampedAndEnforced) {
  EXPECT_EQ(InflightWindow(0).capacity(), 1U);
  EXPECT_EQ(InflightWindow(1'000).capacity(), 64U);
  InflightWindow window(2);
  EXPECT_TRUE(window.add(batch("a", {1})));
  EXPECT_TRUE(window.add(batch("b", {2})));
  EXPECT_FALSE(window.has_room());
  EXPECT_FALSE(window.add(batch("c", {3})));
  EXPECT_EQ(window.size(), 2U);
}

TEST(InflightWindow, RefusesDuplicateBatchIdsAndSeqs) {
  InflightWindow window(8);
  EXPECT_TRUE(window.add(batch("a", {1, 2})));
  EXPECT_FALSE(window.add(batch("a", {3})));
  EXPECT_FALSE(window.add(batch("b", {2, 3})));
  EXPECT_FALSE(window.contains_seq(3));
  EXPECT_TRUE(window.contains_seq(2));
}

TEST(InflightWindow, DeliveryIsReportedOnce) {
  InflightWindow window(8);
  window.add(batch("a", {1, 2}));
  EXPECT_THAT(window.mark_delivered("a"), ElementsAre(1, 2));
  EXPECT_THAT(window.mark_delivered("a"), IsEmpty());
  EXPECT_THAT(window.mark_delivered("unknown"), IsEmpty());
}

TEST(InflightWindow, AckWithHighWaterAndRangesConfirmsAndFreesTheBatch) {
  InflightWindow window(8);
  window.add(batch("a", {5, 6, 9}));
  window.mark_delivered("a");
  AckSummary ack{"a", 6, {{9, 9}}, {}, {}, {}};
  const auto outcome = window.apply_ack(ack);
  EXPECT_TRUE(outcome.batch_known);
  EXPECT_EQ(outcome.confirm_up_to, 6);
  EXPECT_THAT(outcome.confirm_ranges, ElementsAre(SeqRange{9, 9}));
  EXPECT_THAT(outcome.back_to_pending, IsEmpty());
  EXPECT_EQ(window.size(), 0U);
  EXPECT_FALSE(window.contains_seq(5));
}

TEST(InflightWindow, DuplicatesConfirmRejectsAndConflictsQuarantineTheRestGoesBack) {
  InflightWindow window(8);
  window.add(batch("a", {1, 2, 3, 4, 5}));
  window.mark_delivered("a");
  AckSummary ack{"a", 0, {{1, 1}}, {"id-2", "id-99"}, {{"id-3", "bad type"}}, {"id-4"}};
  const auto outcome = window.apply_ack(ack);
  EXPECT_THAT(outcome.confirm_ranges, UnorderedElementsAre(SeqRange{1, 1}, SeqRange{2, 2}));
  EXPECT_THAT(outcome.confirm_ids, ElementsAre("id-99"));  // not ours in flight: resolved in the database
  ASSERT_EQ(outcome.quarantine.size(), 2U);
  EXPECT_EQ(outcome.quarantine[0].seq, 3);
  EXPECT_NE(outcome.quarantine[0].reason.find("bad type"), std::string::npos);
  EXPECT_EQ(outcome.quarantine[1].seq, 4);
  EXPECT_THAT(outcome.back_to_pending, ElementsAre(5));
}

TEST(InflightWindow, AckBeforeDeliveryReturnsNothingToPending) {
  InflightWindow window(8);
  window.add(batch("a", {1, 2}));
  const auto outcome = window.apply_ack(AckSummary{"a", 1, {}, {}, {}, {}});
  EXPECT_TRUE(outcome.batch_known);
  EXPECT_THAT(outcome.back_to_pending, IsEmpty());  // seq 2 was never marked sent: still pending
  EXPECT_EQ(window.size(), 0U);
}

TEST(InflightWindow, AckForUnknownBatchStillCarriesConfirmations) {
  InflightWindow window(8);
  window.add(batch("a", {1}));
  const auto outcome = window.apply_ack(AckSummary{"zzz", 10, {}, {"x"}, {{"y", "r"}}, {}});
  EXPECT_FALSE(outcome.batch_known);
  EXPECT_EQ(outcome.confirm_up_to, 10);
  EXPECT_THAT(outcome.confirm_ids, ElementsAre("x"));
  ASSERT_EQ(outcome.quarantine_ids.size(), 1U);
  EXPECT_EQ(window.size(), 1U);
}

TEST(InflightWindow, ExpiryReturnsOnlyDeliveredSeqsOfOverdueBatches) {
  InflightWindow window(8);
  window.add(batch("old", {1, 2}, k_t0));
  window.add(batch("old-undelivered", {3}, k_t0));
  window.add(batch("new", {4}, k_t0 + std::chrono::milliseconds{900}));
  window.mark_delivered("old");
  window.mark_delivered("new");
  EXPECT_EQ(window.next_expiry(k_timeout), k_t0 + k_timeout);
  EXPECT_THAT(window.expire(k_t0 + std::chrono::milliseconds{999}, k_timeout), IsEmpty());
  EXPECT_THAT(window.expire(k_t0 + k_timeout, k_timeout), UnorderedElementsAre(1, 2));
  EXPECT_EQ(window.size(), 1U);
  EXPECT_TRUE(window.contains_seq(4));
  EXPECT_FALSE(window.contains_seq(3));
}

TEST(InflightWindow, ClearAndDropReturnDeliveredSeqs) {
  InflightWindow window(8);
  window.add(batch("a", {1}));
  window.add(batch("b", {2}));
  window.add(batch("c", {3}));
  window.mark_delivered("a");
  window.mark_delivered("c");
  EXPECT_THAT(window.drop("c"), ElementsAre(3));
  EXPECT_THAT(window.drop("c"), IsEmpty());
  EXPECT_THAT(window.clear(), ElementsAre(1));
  EXPECT_EQ(window.size(), 0U);
  EXPECT_TRUE(window.seqs_in_flight().empty());
  EXPECT_FALSE(window.next_expiry(k_timeout));
}

}  // namespace
}  // namespace kiosk::sync
