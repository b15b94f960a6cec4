#include "counter_link/console.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "counter_link/gate.hpp"
#include "counter_link/wire.hpp"
#include "domain/event.hpp"

namespace kiosk::counter_link {
namespace {

using testing::HasSubstr;

ConsoleCommand parse_ok(std::string_view line) {
  const auto parsed = parse_console_line(line);
  EXPECT_TRUE(parsed.command.has_value()) << line << ": " << parsed.error;
  return parsed.command.value_or(ConsoleCommand{});
}

TEST(ConsoleParse, ReadsEveryCommand) {
  EXPECT_EQ(parse_ok("next"), (ConsoleCommand{ConsoleVerb::next, {}}));
  EXPECT_EQ(parse_ok("  NEXT  "), (ConsoleCommand{ConsoleVerb::next, {}}));
  EXPECT_EQ(parse_ok("recall"), (ConsoleCommand{ConsoleVerb::recall, {}}));
  EXPECT_EQ(parse_ok("back"), (ConsoleCommand{ConsoleVerb::back, {}}));
  EXPECT_EQ(parse_ok("done"), (ConsoleCommand{ConsoleVerb::done, {}}));
  EXPECT_EQ(parse_ok("noshow"), (ConsoleCommand{ConsoleVerb::noshow, {}}));
  EXPECT_EQ(parse_ok("transfer Loans"), (ConsoleCommand{ConsoleVerb::transfer, {"Loans"}}));
  EXPECT_EQ(parse_ok("open cash\taccounts"), (ConsoleCommand{ConsoleVerb::open, {"cash", "accounts"}}));
  EXPECT_EQ(parse_ok("close"), (ConsoleCommand{ConsoleVerb::close, {}}));
  EXPECT_EQ(parse_ok("status"), (ConsoleCommand{ConsoleVerb::status, {}}));
  EXPECT_EQ(parse_ok("help"), (ConsoleCommand{ConsoleVerb::help, {}}));
  EXPECT_EQ(parse_ok("quit"), (ConsoleCommand{ConsoleVerb::quit, {}}));
}

TEST(ConsoleParse, ExplainsMistakes) {
  EXPECT_FALSE(parse_console_line("").command);
  EXPECT_TRUE(parse_console_line("   ").error.empty());
  EXPECT_THAT(parse_console_line("nxt").error, HasSubstr("unknown command \"nxt\""));
  EXPECT_THAT(parse_console_line("transfer").error, HasSubstr("transfer SERVICE"));
  EXPECT_THAT(parse_console_line("transfer a b").error, HasSubstr("transfer SERVICE"));
  EXPECT_THAT(parse_console_line("open").error, HasSubstr("open SERVICE"));
  EXPECT_THAT(parse_console_line("next please").error, HasSubstr("next takes no arguments"));
}

TEST(ConsoleCalls, MapToTheLinkEndpoints) {
  const auto call = [](std::string_view line) { return link_call_for(4, parse_ok(line)).value(); };
  EXPECT_EQ(call("next").path, "/v1/counters/4/call-next");
  EXPECT_EQ(call("next").method, "POST");
  EXPECT_EQ(call("back").path, "/v1/counters/4/requeue");
  EXPECT_EQ(call("noshow").path, "/v1/counters/4/no-show");
  EXPECT_EQ(call("done").path, "/v1/counters/4/done");
  EXPECT_EQ(call("recall").path, "/v1/counters/4/recall");
  EXPECT_EQ(call("close").path, "/v1/counters/4/close");
  EXPECT_EQ(call("status").method, "GET");
  EXPECT_EQ(call("status").path, "/v1/counters/4");
  EXPECT_EQ(call("transfer loans").body, (nlohmann::json{{"to_service_id", "loans"}}));
  EXPECT_EQ(call("open cash loans").body, nlohmann::json::parse(R"({"services":["cash","loans"]})"));
  EXPECT_FALSE(link_call_for(4, parse_ok("help")));
  EXPECT_FALSE(link_call_for(4, parse_ok("quit")));
  // Every path the console builds is one the link serves.
  for (const auto* line :
       {"next", "recall", "back", "done", "noshow", "transfer x", "open x", "close", "status"}) {
    const auto built = call(line);
    EXPECT_TRUE(match_route(built.method, built.path)) << line;
  }
}

TEST(ConsoleText, PromptAndStatusShowWhatStaffNeed) {
  app::CounterView view;
  view.state = {3, true, {"cash", "accounts"}};
  view.waiting = {{"cash", 4}, {"accounts", 0}, {"loans", 2}};
  EXPECT_EQ(console_prompt(3, view), "counter 3 [free]> ");
  EXPECT_EQ(console_prompt(3, std::nullopt), "counter 3 [?]> ");
  domain::counters::TicketQueueEntry ticket;
  ticket.number = "A007";
  ticket.service_id = "cash";
  view.current = ticket;
  EXPECT_EQ(console_prompt(3, view), "counter 3 [A007]> ");
  EXPECT_EQ(describe_counter(view),
            "counter 3 (open: cash, accounts) | now: A007 cash | waiting: cash 4, accounts 0, loans 2");
  view.state.open = false;
  view.current.reset();
  EXPECT_EQ(console_prompt(3, view), "counter 3 [closed]> ");
  EXPECT_THAT(describe_counter(view), HasSubstr("(closed) | now: nobody"));
}

TEST(ConsoleText, DescribesActions) {
  domain::counters::TicketQueueEntry ticket;
  ticket.ticket_id = "t";
  ticket.number = "B012";
  ticket.service_id = "loans";
  ticket.issued_at = domain::parse_rfc3339_utc("2026-12-07T10:00:00Z").value();
  const nlohmann::json reply{{"counter", nullptr}, {"ticket", ticket_to_json(ticket)}};
  EXPECT_EQ(describe_action(parse_ok("next"), reply), "called B012 (loans)");
  EXPECT_EQ(describe_action(parse_ok("done"), reply), "B012 served");
  EXPECT_EQ(describe_action(parse_ok("transfer cash"), reply), "B012 sent to cash");
  EXPECT_EQ(describe_action(parse_ok("back"), reply), "B012 is back in the queue");
  EXPECT_THAT(console_help(), HasSubstr("transfer SERVICE"));
}

}  // namespace
}  // namespace kiosk::counter_link
