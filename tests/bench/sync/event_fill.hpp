#pragma once
// Realistic kiosk events for the sync benchmarks, written through the real store::Outbox: "ticket.issued"
// and "survey.answered" with the fields firmware_app/app writes (desk_tickets.cpp, desk_surveys.cpp), in
// the mix a busy branch produces (3 tickets to 2 surveys). Bodies are plain (not sealed), as those two
// event types are in the kiosk.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>

#include "store/store.hpp"

namespace kiosk::bench {

struct FillResult {
  std::size_t events = 0;
  double mean_envelope_bytes = 0;  // serialized envelope as it goes on the wire (sampled)
  double seconds = 0;
};

class EventFiller {
 public:
  explicit EventFiller(std::uint64_t seed) : m_random(seed) {}

  // Appends `count` pending events, `per_transaction` to a committed transaction (as many kiosk taps
  // committed one after another; the grouping only makes the setup faster and is not measured).
  FillResult fill(store::Store& store, std::size_t count, std::size_t per_transaction = 500);

  // Appends one ticket event in its own transaction (as one tap does) and returns when it is durable.
  void append_one(store::Store& store);

 private:
  domain::EventRecord next_event(store::Store& store, std::chrono::system_clock::time_point now);
  int uniform(int low, int high);
  std::string_view pick(std::span<const std::string_view> options);

  std::mt19937_64 m_random;
  std::uint64_t m_made = 0;
};

}  // namespace kiosk::bench
