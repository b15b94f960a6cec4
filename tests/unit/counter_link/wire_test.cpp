#include "counter_link/wire.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/display/now_serving.hpp"

#include "domain/event.hpp"

namespace kiosk::counter_link {
namespace {

using domain::counters::TicketQueueEntry;
using domain::counters::TicketStatus;
using nlohmann::json;

domain::EventTime at(const char* text) {
  return domain::parse_rfc3339_utc(text).value();
}

TicketQueueEntry called_ticket() {
  TicketQueueEntry ticket;
  ticket.ticket_id = "0190a1b2-0000-7000-8000-000000000001";
  ticket.service_id = "cash";
  ticket.number = "A007";
  ticket.issued_at = at("2026-12-07T09:55:00.250Z");
  ticket.is_appointment = true;
  ticket.status = TicketStatus::called;
  ticket.counter = 3;
  ticket.called_at = at("2026-12-07T10:00:00Z");
  return ticket;
}

TEST(Wire, TicketHasTheDocumentedFields) {
  const auto document = ticket_to_json(called_ticket());
  EXPECT_EQ(document, json::parse(R"({"ticket_id":"0190a1b2-0000-7000-8000-000000000001","number":"A007",
    "service_id":"cash","issued_at":"2026-12-07T09:55:00.250Z","appointment":true,"status":"called",
    "counter":3,"called_at":"2026-12-07T10:00:00.000Z"})"));
  EXPECT_EQ(ticket_from_json(document), called_ticket());
}

TEST(Wire, AWaitingTicketHasNullCounterAndCallTime) {
  auto ticket = called_ticket();
  ticket.status = TicketStatus::waiting;
  ticket.counter.reset();
  ticket.called_at.reset();
  const auto document = ticket_to_json(ticket);
  EXPECT_TRUE(document["counter"].is_null());
  EXPECT_TRUE(document["called_at"].is_null());
  EXPECT_EQ(ticket_from_json(document), ticket);
}

TEST(Wire, ReadersRefuseTheWrongShapeWithoutThrowing) {
  EXPECT_EQ(ticket_from_json(json::array()), std::nullopt);
  auto document = ticket_to_json(called_ticket());
  document["status"] = "lost";
  EXPECT_EQ(ticket_from_json(document), std::nullopt);
  document = ticket_to_json(called_ticket());
  document.erase("number");
  EXPECT_EQ(ticket_from_json(document), std::nullopt);
  document = ticket_to_json(called_ticket());
  document["issued_at"] = 12;
  EXPECT_EQ(ticket_from_json(document), std::nullopt);
  EXPECT_EQ(counter_view_from_json(json{{"counter", 1}}), std::nullopt);
  EXPECT_FALSE(domain::display::parse_now_serving(json{{"calls", 1}, {"latest_seq", 0}}.dump()).ok());
}

TEST(Wire, CounterViewRoundTrips) {
  app::CounterView view;
  view.state = {3, true, {"cash", "accounts"}};
  view.current = called_ticket();
  view.waiting = {{"cash", 4}, {"accounts", 0}};
  const auto document = counter_view_to_json(view);
  EXPECT_EQ(document["counter"], 3);
  EXPECT_EQ(document["open"], true);
  EXPECT_EQ(document["services"], json::parse(R"(["cash","accounts"])"));
  EXPECT_EQ(document["waiting"], json::parse(R"([{"service_id":"cash","waiting":4},
                                                 {"service_id":"accounts","waiting":0}])"));
  const auto back = counter_view_from_json(document);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->state, view.state);
  EXPECT_EQ(back->current, view.current);
  ASSERT_EQ(back->waiting.size(), 2u);
  EXPECT_EQ(back->waiting[0].service_id, "cash");
  EXPECT_EQ(back->waiting[0].waiting, 4);
}

TEST(Wire, NowServingCarriesNoTicketId) {
  NowServing document;
  document.calls.push_back(
      app::CounterCall{1, "secret-id", "A007", "cash", 3, at("2026-12-07T10:00:00Z"), false});
  document.calls.push_back(
      app::CounterCall{2, "secret-id", "A007", "cash", 3, at("2026-12-07T10:01:00Z"), true});
  document.latest_seq = 2;
  const auto json_document = now_serving_to_json(document);
  EXPECT_EQ(json_document, json::parse(R"({"calls":[
    {"seq":1,"number":"A007","counter":3,"service_id":"cash","at":"2026-12-07T10:00:00.000Z","recall":false},
    {"seq":2,"number":"A007","counter":3,"service_id":"cash","at":"2026-12-07T10:01:00.000Z","recall":true}],
    "latest_seq":2})"));
  EXPECT_EQ(json_document.dump().find("secret-id"), std::string::npos);
  // The display's parser reads what the server writes.
  const auto back = domain::display::parse_now_serving(json_document.dump());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value->latest_seq, 2);
  ASSERT_EQ(back.value->calls.size(), 2u);
  EXPECT_EQ(back.value->calls[1].number, "A007");
  EXPECT_TRUE(back.value->calls[1].recall);
  EXPECT_EQ(back.value->calls[1].at, at("2026-12-07T10:01:00Z"));
}

}  // namespace
}  // namespace kiosk::counter_link
