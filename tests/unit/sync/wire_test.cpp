#include "wire.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/envelope.hpp"

namespace kiosk::sync {
namespace {

using test_support::make_row;

const BatchHeader k_header{"kiosk-01", "branch-001", "0190f0aa-0000-7000-8000-000000000001",
                           "0190f0aa-0000-7000-8000-000000000002"};

TEST(Wire, AssembledBatchIsByteIdenticalToProtocolSerialization) {
  std::vector<store::OutboxRow> rows = {make_row(1),
                                        make_row(2, "complaint.filed", R"({"text":"Ünïcødé \"q\""})")};
  std::vector<std::string> texts;
  protocol::Batch batch;
  batch.kiosk = k_header.kiosk;
  batch.branch = k_header.branch;
  batch.boot_id = k_header.boot_id;
  batch.batch_id = k_header.batch_id;
  for (const auto& row : rows) {
    texts.push_back(std::get<0>(wire::serialize_event(row)));
    batch.events.push_back(protocol::make_envelope(static_cast<std::uint64_t>(row.seq), row.event));
  }
  const std::string assembled = wire::assemble_batch(k_header, texts);
  EXPECT_EQ(assembled, protocol::serialize_batch(batch));
  EXPECT_EQ(assembled.size(), wire::batch_overhead(k_header) + texts[0].size() + texts[1].size() + 1);
  const auto parsed = protocol::parse_batch(std::string_view(assembled));
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_TRUE(parsed.value().invalid_events.empty());
  EXPECT_EQ(parsed.value().batch, batch);
}

TEST(Wire, EventWhoseDataIsNotAnObjectIsAnError) {
  EXPECT_TRUE(wire::is_error(wire::serialize_event(make_row(1, "ticket.issued", "[1,2]"))));
  EXPECT_TRUE(wire::is_error(wire::serialize_event(make_row(1, "ticket.issued", "{broken"))));
  EXPECT_TRUE(wire::is_error(wire::serialize_event(make_row(0))));
  EXPECT_FALSE(wire::is_error(wire::serialize_event(make_row(1))));
}

TEST(Wire, AckIsParsedForItsKiosk) {
  const auto ack = wire::parse_ack(
      R"({"v":1,"kiosk":"kiosk-01","batch_id":"b1","high_water":7,"ranges":[[9,12]],)"
      R"("duplicates":["d"],"rejects":[{"id":"r","reason":"bad type"}],"conflicts":["c"],"future":true})",
      "kiosk-01");
  ASSERT_TRUE(ack.value) << ack.error;
  EXPECT_EQ(ack.value->batch_id, "b1");
  EXPECT_EQ(ack.value->high_water, 7);
  EXPECT_EQ(ack.value->ranges, (std::vector<SeqRange>{{9, 12}}));
  EXPECT_EQ(ack.value->duplicate_ids, std::vector<std::string>{"d"});
  ASSERT_EQ(ack.value->rejects.size(), 1U);
  EXPECT_EQ(ack.value->rejects[0].reason, "bad type");
  EXPECT_EQ(ack.value->conflict_ids, std::vector<std::string>{"c"});
}

TEST(Wire, HostileAcksAreRefusedWithAReason) {
  const std::vector<std::string> bad = {
      "",
      "garbage",
      "[1]",
      R"({"v":2,"kiosk":"kiosk-01","batch_id":"b","high_water":1})",
      R"({"v":1,"kiosk":"kiosk-02","batch_id":"b","high_water":1})",
      R"({"v":1,"kiosk":"kiosk-01","batch_id":"b","high_water":-1})",
      R"({"v":1,"kiosk":"kiosk-01","batch_id":"b","high_water":18446744073709551615})",
      R"({"v":1,"kiosk":"kiosk-01","batch_id":"b","high_water":1,"ranges":[[5,2]]})",
      R"({"v":1,"kiosk":"kiosk-01","batch_id":"b","high_water":1,"ranges":[[1]]})",
      std::string(wire::k_max_downstream_bytes + 1, ' '),
  };
  for (const auto& payload : bad) {
    const auto ack = wire::parse_ack(payload, "kiosk-01");
    EXPECT_FALSE(ack.value) << payload.substr(0, 80);
    EXPECT_FALSE(ack.error.empty());
  }
  EXPECT_NE(wire::parse_ack(R"({"v":1,"kiosk":"kiosk-02","batch_id":"b","high_water":1})", "kiosk-01")
                .error.find("another kiosk"),
            std::string::npos);
}

TEST(Wire, ResendCommandIsParsedOthersRefused) {
  const auto resend = wire::parse_cmd(R"({"v":1,"kind":"resend","from":3,"to":9})");
  ASSERT_TRUE(resend.value) << resend.error;
  EXPECT_EQ(resend.value->from, 3);
  EXPECT_EQ(resend.value->to, 9);
  EXPECT_FALSE(wire::parse_cmd(R"({"v":1,"kind":"reboot"})").value);
  EXPECT_FALSE(wire::parse_cmd(R"({"v":1,"kind":"resend","from":9,"to":3})").value);
  EXPECT_FALSE(wire::parse_cmd(R"({"v":1,"kind":"resend","from":0,"to":3})").value);
  EXPECT_FALSE(wire::parse_cmd("\xff\xfe").value);
}

}  // namespace
}  // namespace kiosk::sync
