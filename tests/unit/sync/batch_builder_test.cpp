#include "sync/batch_builder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "sync/protocol/batch.hpp"

namespace kiosk::sync {
namespace {

using test_support::make_row;

const BatchHeader k_header{"kiosk-01", "branch-001", "0190f0aa-0000-7000-8000-000000000001",
                           "0190f0aa-0000-7000-8000-000000000002"};

std::vector<store::OutboxRow> rows_of_size(int count, std::size_t data_bytes, std::int64_t first_seq = 1) {
  std::vector<store::OutboxRow> rows;
  for (int i = 0; i < count; ++i) {
    rows.push_back(
        make_row(first_seq + i, "ticket.issued", R"({"pad":")" + std::string(data_bytes, 'x') + "\"}"));
  }
  return rows;
}

TEST(BatchBuilder, StopsAtTheEventCount) {
  const auto rows = rows_of_size(60, 10);
  const auto built = build_batch(rows, k_header, BatchLimits{50, 16'000});
  EXPECT_EQ(built.batch.events.size(), 50U);
  EXPECT_TRUE(built.full);
  EXPECT_LE(built.batch.payload.size(), 16'000U);
  EXPECT_EQ(built.batch.events.front().seq, 1);
  EXPECT_EQ(built.batch.events.back().seq, 50);
  const auto parsed = protocol::parse_batch(std::string_view(built.batch.payload));
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed.value().batch.events.size(), 50U);
  EXPECT_EQ(parsed.value().batch.batch_id, k_header.batch_id);
}

TEST(BatchBuilder, StopsBeforeTheByteBoundAndFillsItClosely) {
  const auto rows = rows_of_size(50, 1'000);
  const auto built = build_batch(rows, k_header, BatchLimits{50, 16'000});
  EXPECT_TRUE(built.full);
  EXPECT_LE(built.batch.payload.size(), 16'000U);
  EXPECT_GT(built.batch.payload.size(), 16'000U - 1'300U);  // one more event would not have fit
  EXPECT_LT(built.batch.events.size(), 50U);
}

TEST(BatchBuilder, ExactByteBoundIsAllowed) {
  const auto rows = rows_of_size(3, 100);
  const auto all = build_batch(rows, k_header, BatchLimits{50, 100'000});
  ASSERT_EQ(all.batch.events.size(), 3U);
  const auto exact = build_batch(rows, k_header, BatchLimits{50, all.batch.payload.size()});
  EXPECT_EQ(exact.batch.events.size(), 3U);
  const auto one_less = build_batch(rows, k_header, BatchLimits{50, all.batch.payload.size() - 1});
  EXPECT_EQ(one_less.batch.events.size(), 2U);
  EXPECT_TRUE(one_less.full);
}

TEST(BatchBuilder, FewRowsAreNotFull) {
  const auto built = build_batch(rows_of_size(3, 10), k_header, BatchLimits{50, 16'000});
  EXPECT_EQ(built.batch.events.size(), 3U);
  EXPECT_FALSE(built.full);
}

TEST(BatchBuilder, PoisonRowsAreReportedAndSkipped) {
  std::vector<store::OutboxRow> rows = rows_of_size(1, 10, 1);
  rows.push_back(make_row(2, "ticket.issued", "not json"));
  rows.push_back(make_row(3, "ticket.issued", R"({"pad":")" + std::string(20'000, 'x') + "\"}"));
  rows.push_back(make_row(4));
  const auto built = build_batch(rows, k_header, BatchLimits{50, 16'000});
  ASSERT_EQ(built.batch.events.size(), 2U);
  EXPECT_EQ(built.batch.events[0].seq, 1);
  EXPECT_EQ(built.batch.events[1].seq, 4);
  ASSERT_EQ(built.poison.size(), 2U);
  EXPECT_EQ(built.poison[0].seq, 2);
  EXPECT_EQ(built.poison[1].seq, 3);
  EXPECT_NE(built.poison[1].reason.find("too large"), std::string::npos);
}

TEST(BatchBuilder, NoCandidatesGiveAnEmptyBatch) {
  const auto built = build_batch({}, k_header, BatchLimits{});
  EXPECT_TRUE(built.batch.events.empty());
  EXPECT_TRUE(built.batch.payload.empty());
}

}  // namespace
}  // namespace kiosk::sync
