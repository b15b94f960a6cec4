#include "counter_link/console.hpp"

#include <array>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "counter_link/gate.hpp"
#include "counter_link/wire.hpp"

namespace kiosk::counter_link {
namespace {

constexpr std::array<std::pair<std::string_view, ConsoleVerb>, 11> k_verbs{{
    {"next", ConsoleVerb::next},
    {"recall", ConsoleVerb::recall},
    {"back", ConsoleVerb::back},
    {"done", ConsoleVerb::done},
    {"noshow", ConsoleVerb::noshow},
    {"transfer", ConsoleVerb::transfer},
    {"open", ConsoleVerb::open},
    {"close", ConsoleVerb::close},
    {"status", ConsoleVerb::status},
    {"help", ConsoleVerb::help},
    {"quit", ConsoleVerb::quit},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : std::string(separator)) + item;
  }
  return text;
}

std::string ticket_number(const nlohmann::json& reply, const char* key) {
  if (!reply.is_object() || !reply.contains(key)) {
    return "?";
  }
  const auto ticket = ticket_from_json(reply[key]);
  return ticket ? ticket->number : std::string("?");
}

}  // namespace

ParsedLine parse_console_line(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream stream{std::string(line)};
  for (std::string word; stream >> word;) {
    words.push_back(word);
  }
  ParsedLine parsed;
  if (words.empty()) {
    return parsed;
  }
  const auto verb_text = lower(words.front());
  std::optional<ConsoleVerb> verb;
  for (const auto& [name, value] : k_verbs) {
    if (verb_text == name) {
      verb = value;
    }
  }
  if (!verb) {
    parsed.error = fmt::format("unknown command \"{}\"; type help", words.front());
    return parsed;
  }
  std::vector<std::string> args(words.begin() + 1, words.end());
  const bool takes_one = *verb == ConsoleVerb::transfer;
  const bool takes_many = *verb == ConsoleVerb::open;
  if (takes_one && args.size() != 1) {
    parsed.error = "transfer needs one service id: transfer SERVICE";
    return parsed;
  }
  if (takes_many && args.empty()) {
    parsed.error = "open needs the services to call from: open SERVICE [SERVICE...]";
    return parsed;
  }
  if (!takes_one && !takes_many && !args.empty()) {
    parsed.error = fmt::format("{} takes no arguments", verb_text);
    return parsed;
  }
  parsed.command = ConsoleCommand{*verb, std::move(args)};
  return parsed;
}

std::optional<LinkCall> link_call_for(int counter, const ConsoleCommand& command) {
  const std::string base = fmt::format("/v1/counters/{}", counter);
  const auto post = [&](LinkAction action, nlohmann::json body = nlohmann::json::object()) {
    return LinkCall{"POST", base + "/" + std::string(action_path(action)), std::move(body)};
  };
  switch (command.verb) {
    case ConsoleVerb::next:
      return post(LinkAction::call_next);
    case ConsoleVerb::recall:
      return post(LinkAction::recall);
    case ConsoleVerb::back:
      return post(LinkAction::requeue);
    case ConsoleVerb::done:
      return post(LinkAction::done);
    case ConsoleVerb::noshow:
      return post(LinkAction::no_show);
    case ConsoleVerb::transfer:
      return post(LinkAction::transfer, {{"to_service_id", command.args.at(0)}});
    case ConsoleVerb::open:
      return post(LinkAction::open, {{"services", command.args}});
    case ConsoleVerb::close:
      return post(LinkAction::close);
    case ConsoleVerb::status:
      return LinkCall{"GET", base, nlohmann::json::object()};
    case ConsoleVerb::help:
    case ConsoleVerb::quit:
      break;
  }
  return std::nullopt;
}

std::string console_help() {
  return "  next                call the next customer (appointments first, then the longest waiting)\n"
         "  recall              show the current ticket on the display again\n"
         "  back                put the current customer back in the queue (their place is kept)\n"
         "  done                the current customer was served\n"
         "  noshow              the current customer did not come\n"
         "  transfer SERVICE    send the current customer to another service's queue\n"
         "  open SERVICE...     open this counter for these services (or change them)\n"
         "  close               close this counter\n"
         "  status              show this counter and the queue again\n"
         "  help                this list\n"
         "  quit                leave the console (the counter stays as it is)\n";
}

std::string describe_counter(const app::CounterView& view) {
  std::string text = fmt::format("counter {} ", view.state.id);
  if (view.state.open) {
    text += fmt::format("(open: {})",
                        view.state.services.empty() ? "no services" : join(view.state.services, ", "));
  } else {
    text += "(closed)";
  }
  text += " | now: ";
  text += view.current ? fmt::format("{} {}", view.current->number, view.current->service_id) : "nobody";
  std::vector<std::string> waiting;
  for (const auto& service : view.waiting) {
    waiting.push_back(fmt::format("{} {}", service.service_id, service.waiting));
  }
  text += " | waiting: " + (waiting.empty() ? std::string("none") : join(waiting, ", "));
  return text;
}

std::string console_prompt(int counter, const std::optional<app::CounterView>& view) {
  std::string state = "?";
  if (view) {
    state = !view->state.open ? "closed" : view->current ? view->current->number : "free";
  }
  return fmt::format("counter {} [{}]> ", counter, state);
}

std::string describe_action(const ConsoleCommand& command, const nlohmann::json& reply) {
  switch (command.verb) {
    case ConsoleVerb::next: {
      const auto ticket =
          reply.is_object() && reply.contains("ticket") ? ticket_from_json(reply["ticket"]) : std::nullopt;
      return ticket ? fmt::format("called {} ({}{})", ticket->number, ticket->service_id,
                                  ticket->is_appointment ? ", appointment" : "")
                    : std::string("called ?");
    }
    case ConsoleVerb::recall:
      return fmt::format("recalled {}", ticket_number(reply, "ticket"));
    case ConsoleVerb::back:
      return fmt::format("{} is back in the queue", ticket_number(reply, "ticket"));
    case ConsoleVerb::done:
      return fmt::format("{} served", ticket_number(reply, "ticket"));
    case ConsoleVerb::noshow:
      return fmt::format("{} did not come", ticket_number(reply, "ticket"));
    case ConsoleVerb::transfer:
      return fmt::format("{} sent to {}", ticket_number(reply, "ticket"), command.args.at(0));
    case ConsoleVerb::open:
      return fmt::format("counter open for {}", join(command.args, ", "));
    case ConsoleVerb::close:
      return "counter closed";
    case ConsoleVerb::status:
    case ConsoleVerb::help:
    case ConsoleVerb::quit:
      break;
  }
  return {};
}

}  // namespace kiosk::counter_link
