// The link's requests carried out on the real CounterDesk over a real store file: the JSON replies and
// statuses a console and the display get (no network here; the integration test covers TLS and auth).
#include "counter_link/dispatch.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/display/now_serving.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include "app/counter_desk.hpp"
#include "counter_link/wire.hpp"
#include "platform/clock.hpp"
#include "store/store.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"
#include "temp_dir.hpp"

namespace kiosk::counter_link {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

class DispatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::OpenReport report;
    m_store = store::Store::open(m_dir.path() / "kiosk.db", report);
    ASSERT_NE(m_store, nullptr) << report.message;
    m_desk = std::make_unique<app::CounterDesk>(*m_store, m_clock, std::vector<std::string>{"cash", "loans"},
                                                "UTC");
  }

  // A waiting ticket issued `minutes_ago` before the clock's now, today (UTC).
  void issue(const std::string& service, int number, std::chrono::minutes minutes_ago) {
    store::Transaction tx(m_store->database());
    store::TicketRow row;
    row.issued_at = std::chrono::floor<std::chrono::milliseconds>(m_clock.utc_now()) - minutes_ago;
    row.id = m_store->new_event_id(row.issued_at);
    row.service_id = service;
    row.local_day = "2026-12-07";
    row.number = number;
    row.display = fmt::format("{}{:03}", service == "cash" ? "A" : "C", number);
    row.language = "en";
    store::TicketRepository(m_store->database()).insert(tx, row);
    tx.commit();
  }

  LinkReply post(LinkAction action, int counter, const std::string& body = "") {
    return dispatch(*m_desk, LinkRoute{action, counter}, body, {});
  }

  test::TempDir m_dir{"counter-dispatch"};
  platform::ManualClock m_clock{date::sys_days{date::year{2026} / 12 / 7} + 11h};
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<app::CounterDesk> m_desk;
};

TEST_F(DispatchTest, OpenCallDoneAndTheCounterAfterEach) {
  issue("cash", 1, 10min);
  issue("loans", 1, 20min);
  const auto opened = post(LinkAction::open, 2, R"({"services":["cash","loans"]})");
  ASSERT_EQ(opened.status, 200) << opened.body.dump();
  EXPECT_TRUE(opened.body["ticket"].is_null());
  EXPECT_EQ(opened.body["counter"]["open"], true);
  EXPECT_EQ(opened.body["counter"]["services"], json::parse(R"(["cash","loans"])"));

  const auto called = post(LinkAction::call_next, 2);
  ASSERT_EQ(called.status, 200) << called.body.dump();
  EXPECT_EQ(called.body["ticket"]["number"], "C001");  // the oldest across the counter's services
  EXPECT_EQ(called.body["ticket"]["status"], "called");
  EXPECT_EQ(called.body["ticket"]["counter"], 2);
  EXPECT_EQ(called.body["counter"]["current"]["number"], "C001");

  const auto busy = post(LinkAction::call_next, 2);
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(busy.body["error"], "counter_busy");

  const auto done = post(LinkAction::done, 2);
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.body["ticket"]["status"], "served");
  EXPECT_TRUE(done.body["counter"]["current"].is_null());

  const auto view = dispatch(*m_desk, LinkRoute{LinkAction::view, 2}, "", {});
  ASSERT_EQ(view.status, 200);
  const auto parsed = counter_view_from_json(view.body);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->state.id, 2);
}

TEST_F(DispatchTest, RefusalsCarryTheDomainErrorName) {
  EXPECT_EQ(post(LinkAction::call_next, 1).body["error"], "counter_closed");
  EXPECT_EQ(post(LinkAction::open, 1, R"({"services":["nope"]})").body["error"], "unknown_service");
  ASSERT_EQ(post(LinkAction::open, 1, R"({"services":["cash"]})").status, 200);
  const auto empty = post(LinkAction::call_next, 1);
  EXPECT_EQ(empty.status, 409);
  EXPECT_EQ(empty.body["error"], "queue_empty");
  EXPECT_FALSE(empty.body["message"].get<std::string>().empty());
  EXPECT_EQ(post(LinkAction::done, 1).body["error"], "not_called_here");
}

TEST_F(DispatchTest, BodiesOfTheWrongShapeAreBadRequests) {
  for (const auto* body : {"", "[]", "{", R"({"services":"cash"})", R"({"services":[1]})"}) {
    const auto reply = post(LinkAction::open, 1, body);
    EXPECT_EQ(reply.status, 400) << body;
    EXPECT_EQ(reply.body["error"], "bad_request") << body;
  }
  EXPECT_EQ(post(LinkAction::transfer, 1, R"({"to":"cash"})").status, 400);
}

TEST_F(DispatchTest, TransferRepliesWithBothTickets) {
  issue("cash", 7, 5min);
  ASSERT_EQ(post(LinkAction::open, 1, R"({"services":["cash"]})").status, 200);
  ASSERT_EQ(post(LinkAction::call_next, 1).status, 200);
  const auto moved = post(LinkAction::transfer, 1, R"({"to_service_id":"loans"})");
  ASSERT_EQ(moved.status, 200) << moved.body.dump();
  EXPECT_EQ(moved.body["ticket"]["status"], "transferred");
  EXPECT_EQ(moved.body["transferred_to"]["service_id"], "loans");
  EXPECT_EQ(moved.body["transferred_to"]["number"], "A007");
  EXPECT_EQ(moved.body["transferred_to"]["status"], "waiting");
}

TEST_F(DispatchTest, NowServingPagesAfterASeq) {
  for (int i = 1; i <= 3; ++i) {
    issue("cash", i, std::chrono::minutes(10 - i));
  }
  ASSERT_EQ(post(LinkAction::open, 1, R"({"services":["cash"]})").status, 200);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(post(LinkAction::call_next, 1).status, 200);
    ASSERT_EQ(post(LinkAction::done, 1).status, 200);
  }
  const auto all = dispatch(*m_desk, LinkRoute{LinkAction::now_serving, 0}, "", {"0", "10"});
  ASSERT_EQ(all.status, 200);
  const auto parsed = domain::display::parse_now_serving(all.body.dump());
  ASSERT_TRUE(parsed.ok());
  const auto& document = parsed.value;
  ASSERT_EQ(document->calls.size(), 3u);
  EXPECT_EQ(document->calls[0].number, "A001");
  EXPECT_EQ(document->latest_seq, document->calls[2].seq);
  const auto after = dispatch(*m_desk, LinkRoute{LinkAction::now_serving, 0}, "",
                              {std::to_string(document->calls[1].seq), ""});
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.body["calls"].size(), 1u);
  const auto none = dispatch(*m_desk, LinkRoute{LinkAction::now_serving, 0}, "",
                             {std::to_string(document->latest_seq), ""});
  EXPECT_EQ(none.body["calls"].size(), 0u);
  EXPECT_EQ(none.body["latest_seq"], document->latest_seq);
  for (const auto& [after_text, limit] : std::vector<std::pair<std::string, std::string>>{
           {"-1", ""}, {"x", ""}, {"", "0"}, {"", "101"}, {"", "5x"}}) {
    EXPECT_EQ(dispatch(*m_desk, LinkRoute{LinkAction::now_serving, 0}, "", {after_text, limit}).status, 400)
        << after_text << " " << limit;
  }
}

}  // namespace
}  // namespace kiosk::counter_link
