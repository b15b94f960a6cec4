// The wire format: round trips keep unknown fields, serialization is deterministic, bad input gets an
// error naming the field, and bundle signatures verify only with the right key.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sync/protocol/ack.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/bundle.hpp"
#include "sync/protocol/cmd.hpp"
#include "sync/protocol/complaint_status.hpp"
#include "sync/protocol/crypto.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/state.hpp"
#include "sync/protocol/topics.hpp"

namespace kiosk::sync::protocol {
namespace {

constexpr const char* event_id = "01890a5d-ac96-774b-bcce-b302099a8057";
constexpr const char* batch_id = "01890a5d-ac96-774b-bcce-b302099a8058";

std::string sample_batch_text() {
  return R"({"v":1,"kiosk":"kiosk-01","branch":"br-001","boot_id":"b1","batch_id":")" +
         std::string(batch_id) + R"(","future_field":{"x":[1,2]},"events":[{"id":")" + event_id +
         R"(","seq":7,"type":"ticket.issued","schema":3,"at":"2026-11-23T09:15:02.123Z","data":{"b":1,"a":"x"},"extra":true}]})";
}

TEST(Envelope, ParsesAndKeepsUnknownFields) {
  auto parsed = parse_batch(sample_batch_text());
  ASSERT_TRUE(parsed) << parsed.error();
  const Batch& batch = parsed.value().batch;
  ASSERT_EQ(batch.events.size(), 1U);
  EXPECT_EQ(batch.events[0].seq, 7U);
  EXPECT_EQ(batch.events[0].schema, 3);
  EXPECT_EQ(batch.events[0].extra["extra"], true);
  EXPECT_EQ(batch.extra["future_field"]["x"][1], 2);
  auto again = parse_batch(serialize_batch(batch));
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value().batch, batch);
}

TEST(Envelope, SerializationIsDeterministicAndHashCoversBody) {
  auto parsed = parse_batch(sample_batch_text());
  ASSERT_TRUE(parsed);
  Envelope envelope = parsed.value().batch.events[0];
  const std::string text = serialize_envelope(envelope);
  EXPECT_EQ(text.find(' '), std::string::npos);
  EXPECT_LT(text.find("\"at\""), text.find("\"data\""));  // keys sorted
  auto reparsed = parse_envelope(text);
  ASSERT_TRUE(reparsed);
  EXPECT_EQ(serialize_envelope(reparsed.value()), text);
  const std::string hash = envelope_body_hash(envelope);
  EXPECT_EQ(hash.size(), 64U);
  envelope.data["a"] = "y";
  EXPECT_NE(envelope_body_hash(envelope), hash);
}

TEST(Envelope, BadFieldsAreNamed) {
  auto bad = [](const std::string& field_json) {
    std::string text = R"({"id":")" + std::string(event_id) +
                       R"(","seq":1,"type":"a.b","schema":1,"at":"2026-11-23T09:15:02Z","data":{}})";
    auto json = nlohmann::json::parse(text);
    auto patch = nlohmann::json::parse(field_json);
    for (auto& [key, value] : patch.items()) {
      json[key] = value;
    }
    return parse_envelope(std::string_view(json.dump()));
  };
  EXPECT_TRUE(bad("{}"));
  EXPECT_NE(bad(R"({"id":"nope"})").error().find("id"), std::string::npos);
  EXPECT_NE(bad(R"({"seq":0})").error().find("seq"), std::string::npos);
  EXPECT_NE(bad(R"({"seq":-3})").error().find("seq"), std::string::npos);
  EXPECT_NE(bad(R"({"seq":1.5})").error().find("seq"), std::string::npos);
  EXPECT_NE(bad(R"({"type":"Bad Type"})").error().find("type"), std::string::npos);
  EXPECT_NE(bad(R"({"schema":0})").error().find("schema"), std::string::npos);
  EXPECT_NE(bad(R"({"at":"yesterday"})").error().find("at"), std::string::npos);
  EXPECT_NE(bad(R"({"data":[1]})").error().find("data"), std::string::npos);
  EXPECT_FALSE(parse_envelope(std::string_view("{\"id\":")));
}

TEST(Envelope, RoundTripsAnEventRecord) {
  domain::EventRecord record;
  record.id = "01890A5D-AC96-774B-BCCE-B302099A8057";
  record.type = "complaint.submitted";
  record.schema = 2;
  record.at = domain::EventTime(std::chrono::milliseconds(1'795'000'000'123));
  record.data_json = R"({"reference":"R-1"})";
  Envelope envelope = make_envelope(42, record);
  EXPECT_EQ(envelope.id, event_id);
  auto back = to_event_record(envelope);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->at, record.at);
  EXPECT_EQ(back->data_json, record.data_json);
  record.data_json = "[1]";
  EXPECT_THROW(make_envelope(1, record), std::invalid_argument);
}

TEST(Batch, InvalidEventsAreReportedNotFatal) {
  auto json = nlohmann::json::parse(sample_batch_text());
  json["events"].push_back({{"id", "bad-id"}, {"seq", 8}});
  json["events"].push_back(17);
  auto parsed = parse_batch(json.dump());
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed.value().batch.events.size(), 1U);
  ASSERT_EQ(parsed.value().invalid_events.size(), 2U);
  EXPECT_EQ(parsed.value().invalid_events[0].id, "bad-id");
  EXPECT_EQ(parsed.value().invalid_events[1].id, "#2");
}

TEST(Batch, BatchLevelErrorsFail) {
  EXPECT_FALSE(parse_batch(std::string_view("[]")));
  EXPECT_FALSE(parse_batch(std::string_view("not json")));
  auto json = nlohmann::json::parse(sample_batch_text());
  json["v"] = 2;
  EXPECT_NE(parse_batch(json.dump()).error().find("v:"), std::string::npos);
  json["v"] = 1;
  json["kiosk"] = "kiosk/01";
  EXPECT_NE(parse_batch(json.dump()).error().find("kiosk"), std::string::npos);
  json["kiosk"] = "kiosk-01";
  json["events"] = nlohmann::json::object();
  EXPECT_NE(parse_batch(json.dump()).error().find("events"), std::string::npos);
}

TEST(Ack, RoundTripAndCoverage) {
  Ack ack;
  ack.kiosk = "kiosk-01";
  ack.batch_id = batch_id;
  ack.high_water = 10;
  ack.ranges = normalize_ranges({{15, 20}, {12, 13}, {14, 14}, {30, 31}});
  ASSERT_EQ(ack.ranges.size(), 2U);
  EXPECT_EQ(ack.ranges[0], (SeqRange{12, 20}));
  ack.duplicates = {event_id};
  ack.rejects = {{"x", "bad"}};
  ack.conflicts = {"y"};
  ack.extra["note"] = "kept";
  auto parsed = parse_ack(serialize_ack(ack));
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed.value(), ack);
  EXPECT_TRUE(ack_covers(ack, 10));
  EXPECT_FALSE(ack_covers(ack, 11));
  EXPECT_TRUE(ack_covers(ack, 31));
  EXPECT_FALSE(parse_ack(R"({"v":1,"kiosk":"k","batch_id":"b","high_water":1,"ranges":[[5,2]]})"));
}

TEST(Cmd, ResendNeedsAValidRange) {
  Cmd cmd;
  cmd.from = 3;
  cmd.to = 9;
  auto parsed = parse_cmd(serialize_cmd(cmd));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed.value(), cmd);
  EXPECT_FALSE(parse_cmd(R"({"v":1,"kind":"resend","from":9,"to":3})"));
  auto other = parse_cmd(R"({"v":1,"kind":"reboot","when":"now"})");
  ASSERT_TRUE(other);
  EXPECT_EQ(other.value().extra["when"], "now");
}

TEST(Topics, BuildAndSplit) {
  EXPECT_EQ(events_topic("br-001", "kiosk-01"), "bank/v1/br-001/kiosk-01/events");
  auto topic = parse_kiosk_topic("bank/v1/br-001/kiosk-01/ack");
  ASSERT_TRUE(topic);
  EXPECT_EQ(topic->branch, "br-001");
  EXPECT_EQ(topic->kiosk, "kiosk-01");
  EXPECT_EQ(topic->leaf, "ack");
  EXPECT_FALSE(parse_kiosk_topic("bank/v1/br-001/events"));
  EXPECT_FALSE(parse_kiosk_topic("bank/v2/a/b/events"));
  EXPECT_FALSE(parse_kiosk_topic("bank/v1/a/+/events"));
}

TEST(StateAndComplaintStatus, RoundTrip) {
  KioskState state;
  state.kiosk = "kiosk-01";
  state.online = true;
  state.backlog = 12;
  auto parsed_state = parse_kiosk_state(serialize_kiosk_state(state));
  ASSERT_TRUE(parsed_state);
  EXPECT_EQ(parsed_state.value(), state);

  ComplaintStatusPage page;
  page.kiosk = "kiosk-01";
  page.next = 5;
  page.changes.push_back(
      {5, "R-1", "resolved", std::string("done"), "2026-11-23T09:15:02.000Z", nlohmann::json::object()});
  auto parsed_page = parse_complaint_status_page(serialize_complaint_status_page(page));
  ASSERT_TRUE(parsed_page) << parsed_page.error();
  EXPECT_EQ(parsed_page.value(), page);
}

TEST(Crypto, Base64IsCanonical) {
  EXPECT_EQ(base64_encode("hello"), "aGVsbG8=");
  EXPECT_EQ(base64_decode("aGVsbG8="), std::optional<std::string>("hello"));
  EXPECT_FALSE(base64_decode("aGVsbG8"));
  EXPECT_FALSE(base64_decode("aGVs bG8="));
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace kiosk::sync::protocol
