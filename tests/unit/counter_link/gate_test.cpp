#include "counter_link/gate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kiosk::counter_link {
namespace {

using namespace std::chrono_literals;
using Time = AuthThrottle::Time;

TEST(Routes, MatchEveryEndpoint) {
  EXPECT_EQ(match_route("GET", "/v1/counters/3"), (LinkRoute{LinkAction::view, 3}));
  EXPECT_EQ(match_route("GET", "/v1/now-serving"), (LinkRoute{LinkAction::now_serving, 0}));
  const std::vector<std::pair<std::string, LinkAction>> posts = {
      {"open", LinkAction::open},           {"close", LinkAction::close},
      {"call-next", LinkAction::call_next}, {"recall", LinkAction::recall},
      {"requeue", LinkAction::requeue},     {"done", LinkAction::done},
      {"no-show", LinkAction::no_show},     {"transfer", LinkAction::transfer}};
  for (const auto& [name, action] : posts) {
    EXPECT_EQ(match_route("POST", "/v1/counters/999/" + name), (LinkRoute{action, 999})) << name;
    EXPECT_EQ(action_path(action), name);
  }
}

TEST(Routes, RefuseOtherShapes) {
  bool known = true;
  for (const auto* path :
       {"/", "/v1/counters/", "/v1/counters/0", "/v1/counters/03", "/v1/counters/1000", "/v1/counters/-1",
        "/v1/counters/3/", "/v1/counters/3/next", "/v1/counters/3/done/x", "/v1/now-serving/",
        "/v2/now-serving", "/v1/counters/3a"}) {
    EXPECT_EQ(match_route("GET", path, &known), std::nullopt) << path;
    EXPECT_EQ(match_route("POST", path, &known), std::nullopt) << path;
    EXPECT_FALSE(known) << path;
  }
  EXPECT_EQ(match_route("POST", "/v1/counters/3", &known), std::nullopt);
  EXPECT_TRUE(known);
  EXPECT_EQ(match_route("GET", "/v1/counters/3/call-next", &known), std::nullopt);
  EXPECT_TRUE(known);
}

class GateTest : public ::testing::Test {
 protected:
  GateTest()
      : m_counter_3(generate_token()),
        m_display(generate_token()),
        m_gate(TokenBook({token_config_entry(Grant{3}, m_counter_3), token_config_entry(Grant{}, m_display)}),
               AuthThrottle::Limits{3, 60s, 30s, 4}) {}

  std::variant<LinkRoute, LinkReply> admit(const std::string& method, const std::string& path,
                                           const std::string& token, const std::string& peer = "10.0.0.9",
                                           std::size_t body = 0) {
    return m_gate.admit(LinkRequest{method, path, token.empty() ? "" : "Bearer " + token, body, peer}, m_now);
  }

  static int status(const std::variant<LinkRoute, LinkReply>& result) {
    const auto* reply = std::get_if<LinkReply>(&result);
    return reply == nullptr ? 200 : reply->status;
  }

  std::string m_counter_3;
  std::string m_display;
  LinkGate m_gate;
  Time m_now{std::chrono::hours(1)};
};

TEST_F(GateTest, ACounterTokenActsForItsOwnCounter) {
  const auto result = admit("POST", "/v1/counters/3/call-next", m_counter_3);
  ASSERT_TRUE(std::holds_alternative<LinkRoute>(result));
  EXPECT_EQ(std::get<LinkRoute>(result), (LinkRoute{LinkAction::call_next, 3}));
  EXPECT_EQ(status(admit("GET", "/v1/counters/3", m_counter_3)), 200);
  EXPECT_EQ(status(admit("GET", "/v1/now-serving", m_counter_3)), 200);
}

TEST_F(GateTest, AnotherCountersTokenIsForbidden) {
  const auto result = admit("POST", "/v1/counters/4/call-next", m_counter_3);
  ASSERT_EQ(status(result), 403);
  EXPECT_EQ(std::get<LinkReply>(result).body["error"], "forbidden");
  EXPECT_EQ(status(admit("GET", "/v1/counters/4", m_counter_3)), 403);
}

TEST_F(GateTest, TheDisplayTokenOnlyReadsNowServing) {
  EXPECT_EQ(status(admit("GET", "/v1/now-serving", m_display)), 200);
  EXPECT_EQ(status(admit("POST", "/v1/counters/3/call-next", m_display)), 403);
  EXPECT_EQ(status(admit("GET", "/v1/counters/3", m_display)), 403);
}

TEST_F(GateTest, MissingOrWrongTokensAreUnauthorized) {
  const auto result = admit("POST", "/v1/counters/3/call-next", "");
  ASSERT_EQ(status(result), 401);
  EXPECT_EQ(std::get<LinkReply>(result).body["error"], "unauthorized");
  EXPECT_EQ(status(admit("POST", "/v1/counters/3/call-next", generate_token(), "10.0.0.10")), 401);
  EXPECT_EQ(status(m_gate.admit(LinkRequest{"GET", "/v1/counters/3", "Basic " + m_counter_3, 0, "10.0.0.11"},
                                m_now)),
            401);
}

TEST_F(GateTest, UnknownPathsAre404AndWrongMethods405) {
  EXPECT_EQ(status(admit("GET", "/admin", m_counter_3)), 404);
  EXPECT_EQ(status(admit("DELETE", "/v1/counters/3", m_counter_3)), 405);
  // Without a token too: the path says nothing about the queue.
  EXPECT_EQ(status(admit("GET", "/admin", "")), 404);
}

TEST_F(GateTest, CounterNumbersOutsideTheRangeAreBadRequests) {
  for (const auto* path : {"/v1/counters/0", "/v1/counters/1000", "/v1/counters/03/call-next",
                           "/v1/counters/99999999999999999999/done"}) {
    const auto result = admit("POST", path, m_counter_3);
    ASSERT_EQ(status(result), 400) << path;
    EXPECT_EQ(std::get<LinkReply>(result).body["error"], "bad_request");
  }
  EXPECT_EQ(status(admit("GET", "/v1/counters/3x", m_counter_3)), 404);
}

TEST_F(GateTest, LargeBodiesAreRefused) {
  EXPECT_EQ(status(admit("POST", "/v1/counters/3/open", m_counter_3, "10.0.0.9", k_max_body_bytes)), 200);
  EXPECT_EQ(status(admit("POST", "/v1/counters/3/open", m_counter_3, "10.0.0.9", k_max_body_bytes + 1)), 413);
}

TEST_F(GateTest, RepeatedFailuresFromOnePeerAreThrottled) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(status(admit("GET", "/v1/counters/3", "wrong", "10.0.0.66")), 401);
  }
  // Blocked now, even with the right token; another peer is not.
  const auto blocked = admit("GET", "/v1/counters/3", m_counter_3, "10.0.0.66");
  ASSERT_EQ(status(blocked), 429);
  EXPECT_EQ(std::get<LinkReply>(blocked).retry_after_seconds, 30);
  EXPECT_EQ(std::get<LinkReply>(blocked).body["error"], "too_many_attempts");
  EXPECT_EQ(status(admit("GET", "/v1/counters/3", m_counter_3, "10.0.0.67")), 200);
  m_now += 20s;
  EXPECT_EQ(std::get<LinkReply>(admit("GET", "/v1/counters/3", m_counter_3, "10.0.0.66")).retry_after_seconds,
            10);
  m_now += 10s;
  EXPECT_EQ(status(admit("GET", "/v1/counters/3", m_counter_3, "10.0.0.66")), 200);
}

TEST(AuthThrottle, FailuresOutsideTheWindowDoNotAddUp) {
  AuthThrottle throttle(AuthThrottle::Limits{3, 60s, 30s, 10});
  Time now{std::chrono::hours(1)};
  throttle.record_failure("a", now);
  throttle.record_failure("a", now + 10s);
  throttle.record_failure("a", now + 61s);  // a new window: count 1
  EXPECT_EQ(throttle.blocked_for("a", now + 61s), std::nullopt);
  throttle.record_failure("a", now + 62s);
  throttle.record_failure("a", now + 63s);
  EXPECT_EQ(throttle.blocked_for("a", now + 63s), 30s);
}

TEST(AuthThrottle, RemembersABoundedNumberOfPeers) {
  AuthThrottle throttle(AuthThrottle::Limits{2, 60s, 30s, 3});
  Time now{std::chrono::hours(1)};
  throttle.record_failure("old", now);
  throttle.record_failure("old", now);
  ASSERT_TRUE(throttle.blocked_for("old", now));
  for (int i = 0; i < 100; ++i) {
    throttle.record_failure("peer-" + std::to_string(i), now + std::chrono::seconds(i + 1));
    EXPECT_LE(throttle.peers_remembered(), 3u);
  }
  EXPECT_EQ(throttle.blocked_for("old", now + 2s), std::nullopt);  // forgotten, the longest unseen
}

}  // namespace
}  // namespace kiosk::counter_link
