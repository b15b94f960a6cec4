// counter: the counter console. Staff type commands (counter_link/console.hpp) at a prompt that shows the
// counter, its services, the customer at the desk and who is waiting; each command is one request to the
// counter link of `branch-kiosk run`. With --do, one command for scripts and tests: the link's JSON reply
// on stdout, exit 1 when it was refused or the link could not be reached.
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "counter_link/client.hpp"
#include "counter_link/console.hpp"
#include "counter_link/wire.hpp"

namespace kiosk::cli {
namespace {

using counter_link::ConsoleCommand;
using counter_link::ConsoleVerb;
using counter_link::LinkClient;
using counter_link::LinkResult;

LinkResult perform(LinkClient& client, const counter_link::LinkCall& call) {
  return call.method == "GET" ? client.get(call.path) : client.post(call.path, call.body);
}

nlohmann::json result_json(const LinkResult& result) {
  if (!result.transport_error.empty() || !result.body.is_object()) {
    return counter_link::error_json(result.error().empty() ? "transport" : result.error(), result.message());
  }
  return result.body;
}

std::optional<app::CounterView> fetch_view(LinkClient& client, int counter) {
  const auto result = client.get("/v1/counters/" + std::to_string(counter));
  return result.ok() ? counter_link::counter_view_from_json(result.body) : std::nullopt;
}

int one_shot(LinkClient& client, const CounterOptions& options) {
  std::string line;
  for (const auto& word : options.one_shot) {
    line += (line.empty() ? "" : " ") + word;
  }
  const auto parsed = counter_link::parse_console_line(line);
  if (!parsed.command) {
    std::cerr << "counter: " << (parsed.error.empty() ? "--do needs a command" : parsed.error) << '\n';
    return k_exit_bad_config;
  }
  const auto call = counter_link::link_call_for(options.counter, *parsed.command);
  if (!call) {
    std::cout << counter_link::console_help();
    return k_exit_ok;
  }
  const auto result = perform(client, *call);
  std::cout << result_json(result).dump() << '\n';
  return result.ok() ? k_exit_ok : k_exit_failure;
}

int interactive(LinkClient& client, const CounterOptions& options) {
  std::cout << "Counter console for counter " << options.counter << " on " << options.link
            << ". Type help for the commands.\n";
  auto view = fetch_view(client, options.counter);
  if (view) {
    std::cout << counter_link::describe_counter(*view) << '\n';
  }
  for (;;) {
    std::cout << counter_link::console_prompt(options.counter, view) << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      std::cout << '\n';
      return k_exit_ok;
    }
    const auto parsed = counter_link::parse_console_line(line);
    if (!parsed.command) {
      if (!parsed.error.empty()) {
        std::cout << parsed.error << '\n';
      }
      continue;
    }
    const auto& command = *parsed.command;
    if (command.verb == ConsoleVerb::quit) {
      return k_exit_ok;
    }
    const auto call = counter_link::link_call_for(options.counter, command);
    if (!call) {
      std::cout << counter_link::console_help();
      continue;
    }
    const auto result = perform(client, *call);
    if (!result.ok()) {
      std::cout << "refused: " << result.message();
      if (result.retry_after_seconds) {
        std::cout << " (try again in " << *result.retry_after_seconds << " s)";
      }
      std::cout << '\n';
      view = fetch_view(client, options.counter);
      continue;
    }
    if (command.verb == ConsoleVerb::status) {
      view = counter_link::counter_view_from_json(result.body);
    } else {
      std::cout << counter_link::describe_action(command, result.body) << '\n';
      view = result.body.contains("counter") ? counter_link::counter_view_from_json(result.body["counter"])
                                             : std::nullopt;
    }
    if (view) {
      std::cout << counter_link::describe_counter(*view) << '\n';
    }
  }
}

}  // namespace

int counter_console(const CounterOptions& options) {
  std::string problem;
  std::string warning;
  auto token = counter_link::read_token_file(options.token_file, problem, &warning);
  if (token.empty()) {
    std::cerr << "counter: " << problem << '\n';
    return k_exit_bad_config;
  }
  if (!warning.empty()) {
    std::cerr << "counter: warning: " << warning << '\n';
  }
  std::string link = options.link;
  while (!link.empty() && link.back() == '/') {
    link.pop_back();
  }
  LinkClient client(counter_link::LinkClientOptions{link, options.ca_file, std::move(token)});
  if (!options.one_shot.empty()) {
    return one_shot(client, options);
  }
  return interactive(client, options);
}

}  // namespace kiosk::cli
