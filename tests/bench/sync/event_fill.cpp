#include "event_fill.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "store/transaction.hpp"
#include "sync/protocol/envelope.hpp"

namespace kiosk::bench {
namespace {

constexpr std::array<std::string_view, 6> k_services = {"cash",     "loans",    "cards",
                                                        "accounts", "mortgage", "business"};
constexpr std::array<std::string_view, 4> k_languages = {"en", "ru", "zh-Hans", "nb"};
constexpr std::array<std::string_view, 4> k_reasons = {"waiting_time", "staff", "clarity", "other"};
// Every 100th envelope is serialized to report the mean wire size without slowing the fill down.
constexpr std::uint64_t k_size_sample_every = 100;

}  // namespace

int EventFiller::uniform(int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(m_random);
}

std::string_view EventFiller::pick(std::span<const std::string_view> options) {
  return options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))];
}

domain::EventRecord EventFiller::next_event(store::Store& store, std::chrono::system_clock::time_point now) {
  domain::EventRecord record;
  record.id = store.new_event_id(now);
  record.at = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
  const auto service = pick(k_services);
  const auto language = pick(k_languages);
  // 3 tickets to 2 survey answers.
  if (m_made++ % 5 < 3) {
    const int low = uniform(2, 15);
    nlohmann::json data{
        {"ticket_id", store.new_event_id(now)},
        {"service_id", service},
        {"number", fmt::format("{}{:03}", static_cast<char>('A' + uniform(0, 5)), uniform(1, 999))},
        {"local_day", "2026-11-23"},
        {"people_ahead", uniform(0, 25)},
        {"language", language},
        {"open_counters", uniform(1, 6)}};
    data["quote"] = {{"kind", "range"},
                     {"low_minutes", low},
                     {"high_minutes", low + uniform(3, 12)},
                     {"samples", uniform(5, 80)}};
    record.type = "ticket.issued";
    record.data_json = data.dump();
  } else {
    nlohmann::json answers{{"nps", uniform(0, 10)},
                           {"csat", uniform(1, 5)},
                           {"ces", uniform(1, 7)},
                           {"reason", pick(k_reasons)}};
    nlohmann::json data{{"response_id", store.new_event_id(now)},
                        {"survey_id", "post-visit"},
                        {"survey_version", 3},
                        {"trigger", "ticket_done"},
                        {"language", language},
                        {"answers", answers},
                        {"probable_repeat", false},
                        {"service_id", service}};
    record.type = "survey.answered";
    record.data_json = data.dump();
  }
  return record;
}

FillResult EventFiller::fill(store::Store& store, std::size_t count, std::size_t per_transaction) {
  const auto start = std::chrono::steady_clock::now();
  double sampled_bytes = 0;
  std::size_t samples = 0;
  std::size_t made = 0;
  while (made < count) {
    store::Transaction tx(store.database());
    for (std::size_t i = 0; i < per_transaction && made < count; ++i, ++made) {
      const auto record = next_event(store, std::chrono::system_clock::now());
      const auto seq = store.outbox().append(tx, record);
      if (made % k_size_sample_every == 0) {
        sampled_bytes +=
            static_cast<double>(sync::protocol::serialize_envelope(
                                    sync::protocol::make_envelope(static_cast<std::uint64_t>(seq), record))
                                    .size());
        ++samples;
      }
    }
    tx.commit();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {made, samples > 0 ? sampled_bytes / static_cast<double>(samples) : 0.0, seconds};
}

void EventFiller::append_one(store::Store& store) {
  m_made = 0;  // always a ticket
  store::Transaction tx(store.database());
  store.outbox().append(tx, next_event(store, std::chrono::system_clock::now()));
  tx.commit();
}

}  // namespace kiosk::bench
