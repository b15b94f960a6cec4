#include "sync/fallback_transport.hpp"

#include <gtest/gtest.h>

#include <mutex>

#include "fake_transport.hpp"
#include "wait.hpp"

namespace kiosk::sync {
namespace {

using std::chrono::milliseconds;
using test_support::FakeTransport;
using test_support::wait_until;

class Recorder final : public TransportListener {
 public:
  void on_connected() override { add("connected"); }
  void on_disconnected(std::string reason) override { add("disconnected: " + reason); }
  void on_delivered(std::string batch_id) override { add("delivered " + batch_id); }
  void on_send_failed(std::string batch_id, std::string) override { add("failed " + batch_id); }
  void on_ack(AckSummary ack) override { add("ack " + ack.batch_id); }
  void on_resend(ResendRequest) override { add("resend"); }
  std::vector<std::string> events() const {
    std::lock_guard lock(m_mutex);
    return m_events;
  }

 private:
  void add(std::string event) {
    std::lock_guard lock(m_mutex);
    m_events.push_back(std::move(event));
  }
  mutable std::mutex m_mutex;
  std::vector<std::string> m_events;
};

class FallbackTest : public ::testing::Test {
 protected:
  FallbackConfig config(milliseconds down_for, std::int64_t backlog_threshold) {
    return FallbackConfig{down_for, backlog_threshold, milliseconds{5}};
  }
  FakeTransport m_mqtt;
  FakeTransport m_https;
  SyncStatus m_status;
  Recorder m_recorder;
};

TEST(TransportPolicy, ParsesTheThreeNames) {
  EXPECT_EQ(parse_transport_policy("mqtt"), TransportPolicy::mqtt);
  EXPECT_EQ(parse_transport_policy("https"), TransportPolicy::https);
  EXPECT_EQ(parse_transport_policy("mqtt_with_https_fallback"), TransportPolicy::mqtt_with_https_fallback);
  EXPECT_FALSE(parse_transport_policy("MQTT"));
  EXPECT_FALSE(parse_transport_policy(""));
  EXPECT_EQ(to_string(TransportPolicy::mqtt_with_https_fallback), "mqtt_with_https_fallback");
}

TEST_F(FallbackTest, MqttCarriesBatchesWhileUpEvenIfHttpsIsReady) {
  FallbackTransport transport(m_mqtt, m_https, m_status, config(milliseconds{0}, 0));
  transport.start(m_recorder);
  m_https.listener()->on_connected();
  m_mqtt.listener()->on_connected();
  ASSERT_TRUE(wait_until([&] { return transport.active() == "mqtt"; }, milliseconds{5'000}));
  EXPECT_TRUE(transport.send(OutgoingBatch{"b1", "{}", {}}));
  EXPECT_EQ(m_mqtt.sent().size(), 1U);
  EXPECT_TRUE(m_https.sent().empty());
  // Reports from the inner transports reach the drainer.
  m_mqtt.listener()->on_delivered("b1");
  m_mqtt.listener()->on_ack(AckSummary{"b1", 1, {}, {}, {}, {}});
  const auto events = m_recorder.events();
  EXPECT_NE(std::find(events.begin(), events.end(), "delivered b1"), events.end());
  EXPECT_NE(std::find(events.begin(), events.end(), "ack b1"), events.end());
  transport.stop();
}

TEST_F(FallbackTest, HttpsTakesOverWhenMqttStaysDownAndHandsBack) {
  FallbackTransport transport(m_mqtt, m_https, m_status, config(milliseconds{50}, 1'000'000));
  transport.start(m_recorder);
  m_https.listener()->on_connected();
  ASSERT_TRUE(wait_until([&] { return transport.active() == "https"; }, milliseconds{5'000}));
  EXPECT_TRUE(transport.send(OutgoingBatch{"b1", "{}", {}}));
  EXPECT_EQ(m_https.sent().size(), 1U);

  m_mqtt.listener()->on_connected();
  ASSERT_EQ(transport.active(), "mqtt");
  EXPECT_TRUE(transport.send(OutgoingBatch{"b2", "{}", {}}));
  EXPECT_EQ(m_mqtt.sent().size(), 1U);
  const auto events = m_recorder.events();
  EXPECT_NE(std::find(events.begin(), events.end(), "disconnected: switching to mqtt"), events.end());
  EXPECT_EQ(std::count(events.begin(), events.end(), "connected"), 2);
  transport.stop();
}

TEST_F(FallbackTest, LargeBacklogSwitchesAtOnceAndNothingWithoutHttps) {
  FallbackTransport transport(m_mqtt, m_https, m_status, config(std::chrono::hours{1}, 100));
  transport.start(m_recorder);
  m_status.set_backlog(500, 0, std::nullopt, false);
  // MQTT down, HTTPS not ready either: nowhere to send.
  std::this_thread::sleep_for(milliseconds{30});
  EXPECT_EQ(transport.active(), "");
  EXPECT_FALSE(transport.send(OutgoingBatch{"b0", "{}", {}}));
  m_https.listener()->on_connected();
  ASSERT_TRUE(wait_until([&] { return transport.active() == "https"; }, milliseconds{5'000}));
  m_https.listener()->on_disconnected("HTTP 503");
  EXPECT_EQ(transport.active(), "");
  EXPECT_FALSE(transport.is_connected());
  transport.stop();
}

TEST_F(FallbackTest, SmallBacklogWaitsForTheDowntimeThreshold) {
  FallbackTransport transport(m_mqtt, m_https, m_status, config(std::chrono::hours{1}, 100));
  transport.start(m_recorder);
  m_status.set_backlog(5, 0, std::nullopt, false);
  m_https.listener()->on_connected();
  std::this_thread::sleep_for(milliseconds{30});
  EXPECT_EQ(transport.active(), "");
  transport.stop();
}

}  // namespace
}  // namespace kiosk::sync
