#include "domain/display/now_serving.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "../text/json_reader.hpp"
#include "domain/queue/services.hpp"

namespace kiosk::domain::display {
namespace {

using namespace json_reader;

bool is_ticket_number(std::string_view number) {
  if (number.empty() || number.size() > k_max_number_length) {
    return false;
  }
  return std::all_of(number.begin(), number.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-'; });
}

// seq values are 64-bit: json_reader::read_int stops at int.
std::optional<std::int64_t> read_seq(const Json& value, std::int64_t min, const std::string& path,
                                     Issues& issues) {
  if (!value.is_number_integer()) {
    add_issue(issues, path, fmt::format("expected a whole number, found {}", value.type_name()));
    return std::nullopt;
  }
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    add_issue(issues, path, "number too large");
    return std::nullopt;
  }
  const auto number = value.get<std::int64_t>();
  if (number < min) {
    add_issue(issues, path, fmt::format("expected at least {}, found {}", min, number));
    return std::nullopt;
  }
  return number;
}

Call read_call(const Json& value, const std::string& path, Issues& issues) {
  Call call;
  if (!expect_object(value, path, issues)) {
    return call;
  }
  if (const Json* seq = required_member(value, "seq", path, issues)) {
    call.seq = read_seq(*seq, 1, key_path(path, "seq"), issues).value_or(0);
  }
  if (const Json* number = required_member(value, "number", path, issues)) {
    const auto number_path = key_path(path, "number");
    if (const auto text = read_string(*number, number_path, issues)) {
      if (is_ticket_number(*text)) {
        call.number = *text;
      } else {
        add_issue(
            issues, number_path,
            fmt::format("not a ticket number (1-{} capital letters, digits or '-')", k_max_number_length));
      }
    }
  }
  if (const Json* counter = required_member(value, "counter", path, issues)) {
    call.counter = read_int(*counter, 1, k_max_counter, key_path(path, "counter"), issues).value_or(0);
  }
  if (const Json* service = optional_member(value, "service_id")) {
    const auto service_path = key_path(path, "service_id");
    if (const auto text = read_string(*service, service_path, issues)) {
      if (text->empty() || queue::is_valid_service_id(*text)) {
        call.service_id = *text;
      } else {
        add_issue(issues, service_path, "not a service id");
      }
    }
  }
  if (const Json* at = required_member(value, "at", path, issues)) {
    const auto at_path = key_path(path, "at");
    if (const auto text = read_string(*at, at_path, issues)) {
      if (const auto parsed = parse_rfc3339_utc(*text)) {
        call.at = *parsed;
      } else {
        add_issue(issues, at_path, "not an RFC 3339 time such as \"2026-12-07T10:00:00Z\"");
      }
    }
  }
  if (const Json* recall = optional_member(value, "recall")) {
    call.recall = read_bool(*recall, key_path(path, "recall"), issues).value_or(false);
  }
  return call;
}

}  // namespace

ParseResult<NowServingDocument> parse_now_serving(std::string_view text) {
  Issues issues;
  if (text.size() > k_max_document_bytes) {
    add_issue(issues, "",
              fmt::format("document of {} bytes; at most {} expected", text.size(), k_max_document_bytes));
    return ParseResult<NowServingDocument>::failure(std::move(issues));
  }
  const auto document = parse_json_document(text, issues);
  if (!document || !expect_object(*document, "", issues)) {
    return ParseResult<NowServingDocument>::failure(std::move(issues));
  }
  NowServingDocument result;
  std::optional<std::int64_t> latest;
  if (const Json* member = required_member(*document, "latest_seq", "", issues)) {
    latest = read_seq(*member, 0, "latest_seq", issues);
    result.latest_seq = latest.value_or(0);
  }
  if (const Json* calls = required_member(*document, "calls", "", issues)) {
    if (expect_array(*calls, "calls", issues)) {
      if (calls->size() > k_max_calls_per_document) {
        add_issue(issues, "calls",
                  fmt::format("{} calls; at most {} expected", calls->size(), k_max_calls_per_document));
      } else {
        for (std::size_t i = 0; i < calls->size(); ++i) {
          const auto path = index_path("calls", i);
          Call call = read_call((*calls)[i], path, issues);
          if (latest && call.seq > *latest) {
            add_issue(issues, key_path(path, "seq"),
                      fmt::format("{} is beyond latest_seq {}", call.seq, result.latest_seq));
          }
          result.calls.push_back(std::move(call));
        }
      }
    }
  }
  if (!issues.empty()) {
    return ParseResult<NowServingDocument>::failure(std::move(issues));
  }
  return ParseResult<NowServingDocument>::success(std::move(result));
}

NowServingBoard::NowServingBoard(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

FoldOutcome NowServingBoard::fold(const NowServingDocument& document) {
  FoldOutcome outcome;
  if (document.latest_seq < m_last_seq) {
    // The appliance numbers calls from 1 again: it restarted, or a new branch day began. What is on
    // screen belongs to the old sequence; start over and ask again from the beginning.
    m_calls.clear();
    outcome.changed = true;
    outcome.resynced = true;
    outcome.more_waiting = true;
    m_last_seq = 0;
    return outcome;
  }
  std::vector<const Call*> fresh;
  for (const auto& call : document.calls) {
    if (call.seq > m_last_seq) {
      fresh.push_back(&call);
    }
  }
  std::sort(fresh.begin(), fresh.end(), [](const Call* a, const Call* b) { return a->seq < b->seq; });
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const Call& call = *fresh[i];
    if (i > 0 && fresh[i - 1]->seq == call.seq) {
      continue;  // the same seq twice in one document: shown once
    }
    // A number called again (recall, or a transfer called at another counter) moves to the top.
    std::erase_if(m_calls, [&call](const Call& shown) { return shown.number == call.number; });
    m_calls.push_front(call);
    m_last_seq = call.seq;
    outcome.changed = true;
    ++outcome.new_calls;
  }
  while (m_calls.size() > m_capacity) {
    m_calls.pop_back();
  }
  outcome.more_waiting = document.latest_seq > m_last_seq;
  if (!m_adopted) {
    // Switching the display on shows what is there without chiming for it, however many fetches it
    // takes to catch up.
    m_adopted = !outcome.more_waiting;
    outcome.new_calls = 0;
  }
  return outcome;
}

}  // namespace kiosk::domain::display
