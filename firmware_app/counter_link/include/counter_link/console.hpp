#pragma once
// The counter console's words: what staff type (or scripts pass to `--do`), the request each command
// makes on the link, and what the console prints. No terminal and no network here, so all of it is
// unit-tested; firmware_app/cli/counter_command.cpp runs the loop.
//
//   next                 call the next ticket (appointments first, then the oldest across the services)
//   recall               show the current ticket on the display again
//   back                 put the current ticket back in the queue, its place kept
//   done                 the current customer was served
//   noshow               the current customer did not come
//   transfer SERVICE     send the current customer to another service's queue
//   open SERVICE...      open the counter for these services (or change them)
//   close                close the counter
//   status               show the counter again
//   help, quit

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/counter_desk.hpp"

namespace kiosk::counter_link {

enum class ConsoleVerb { next, recall, back, done, noshow, transfer, open, close, status, help, quit };

struct ConsoleCommand {
  ConsoleVerb verb = ConsoleVerb::status;
  std::vector<std::string> args;  // transfer: one service id; open: one or more
  friend bool operator==(const ConsoleCommand&, const ConsoleCommand&) = default;
};

struct ParsedLine {
  std::optional<ConsoleCommand> command;  // nothing for an empty line or an error
  std::string error;                      // for staff: "unknown command "nxt"; type help"
};

// Words split on blanks; the verb is case-insensitive, service ids are kept as typed.
ParsedLine parse_console_line(std::string_view line);

// The HTTP request a command makes (help and quit make none).
struct LinkCall {
  std::string method;   // "GET" or "POST"
  std::string path;     // "/v1/counters/3/call-next"
  nlohmann::json body;  // POST body (an object; empty object when the endpoint takes none)
};
std::optional<LinkCall> link_call_for(int counter, const ConsoleCommand& command);

std::string console_help();

// "counter 3 (open: cash, accounts) | now: A007 cash | waiting: cash 4, accounts 0, loans 2"
std::string describe_counter(const app::CounterView& view);
// The prompt line: "counter 3 [A007]> " or "counter 3 [closed]> ".
std::string console_prompt(int counter, const std::optional<app::CounterView>& view);
// What a successful action reply means for staff: "called A007 (cash)", "A007 served", ...
std::string describe_action(const ConsoleCommand& command, const nlohmann::json& reply);

}  // namespace kiosk::counter_link
