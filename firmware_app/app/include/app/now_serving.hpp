#pragma once
// The now-serving display (`branch-kiosk run --role display`): its view-model and the feed that keeps it
// current from the counter link.
//
// The feed owns one fetch callback (the composition root wires the real HTTPS client of the counter link;
// tests hand in documents), the board of calls (domain/display/now_serving.hpp) and the link state. It is
// polled on the UI thread by KioskApp::tick, so a fetch must be bounded by its own timeout: the display has
// no touch input to keep responsive, but its clock and highlight wait for the fetch.
//
// Guarantees: poll() never throws (a throwing callback, a failure, a malformed or hostile document each
// leave the board as it was and show "Reconnecting" with the time of the last good update); without a
// link the display says so and never shows a call it did not receive.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/display/now_serving.hpp"

namespace kiosk::platform {
class Clock;
}
namespace kiosk::i18n {
class Catalog;
}

namespace kiosk::app {

// One call on the screen, every text ready to draw.
struct NowServingCallVm {
  std::string number;             // "A007"
  std::string counter;            // "Counter 3", in the shown language
  std::string counter_secondary;  // the same in the second language; empty when there is none
  std::string service;            // the service's name in the shown language; may be empty
  std::string note;               // "Called again" for a recall, else empty
  friend bool operator==(const NowServingCallVm&, const NowServingCallVm&) = default;
};

struct NowServingView {
  std::string bank_name;
  std::string title;            // "Now serving"
  std::string title_secondary;  // in the second language (English beside a local language); may be empty
  std::string clock;            // branch-local "12:03"
  std::optional<NowServingCallVm> current;  // the newest call, shown big
  bool highlight = false;                   // the newest call arrived moments ago
  std::string highlight_label;              // "New call": said in words, colour is never the only cue
  std::string previous_title;               // "Previous calls"
  std::string previous_title_secondary;
  std::vector<NowServingCallVm> previous;  // newest first, at most the board's capacity - 1
  std::string empty_text;                  // no call on screen: why, in words
  bool connected = false;
  std::string
      connection;  // "Connected" / "Reconnecting - last update 12:03" / "Waiting for the counter link"
  friend bool operator==(const NowServingView&, const NowServingView&) = default;
};

// What a fetch of GET /v1/now-serving?after=SEQ brought: the document text, or why there is none.
struct FetchResult {
  std::optional<std::string> document;
  std::string failure;  // for the log and staff: "connection refused", "HTTP 401"
  static FetchResult ok(std::string text) { return {std::move(text), {}}; }
  static FetchResult failed(std::string why) { return {std::nullopt, std::move(why)}; }
};

using FetchNowServing = std::function<FetchResult(std::int64_t after_seq)>;

enum class LinkState {
  no_link,       // no counter link configured: "Waiting for the counter link"
  connecting,    // configured, nothing received yet
  connected,     // the last fetch gave a good document
  reconnecting,  // the last fetch failed or gave a bad document
};

// How the view names things it does not own: the service catalog lives with the desk (may be absent).
struct NowServingLabels {
  std::string bank_name;
  std::string time_zone;  // the branch's IANA zone, for the clock
  std::function<std::string(const std::string& service_id)> service_name;  // may be empty
};

class NowServingFeed {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  struct Settings {
    std::chrono::milliseconds poll_interval{1000};   // while connected
    std::chrono::milliseconds retry_interval{5000};  // after a failure
    std::chrono::milliseconds highlight{8000};       // a new call stands out this long
    std::size_t calls_shown = 7;                     // the current call and six before it
    int max_fetches_per_poll = 5;                    // catching up after an outage, bounded
    int max_chimes_per_poll = 2;                     // a burst of calls rings at most twice
  };

  // `fetch` empty: no link is configured, and the display says so. `clock` must outlive the feed.
  NowServingFeed(FetchNowServing fetch, const platform::Clock& clock);
  NowServingFeed(FetchNowServing fetch, const platform::Clock& clock, Settings settings);

  // Fetches when due (and again at once while the appliance has more, bounded). Returns true when what
  // the screen shows changed, including the highlight ending and the clock's minute. Never throws.
  bool poll();
  // When poll() next has something to do.
  TimePoint next_wake() const;
  // Chimes owed since the last call (each new call or recall, capped per poll). Resets the count.
  int take_chimes();

  LinkState state() const { return m_state; }
  const std::string& last_problem() const { return m_last_problem; }
  const domain::display::NowServingBoard& board() const { return m_board; }
  std::uint64_t good_updates() const { return m_good_updates; }
  std::uint64_t failed_updates() const { return m_failed_updates; }
  std::uint64_t chimes_total() const { return m_chimes_total; }

  NowServingView view(const i18n::Catalog& catalog, const i18n::Catalog* secondary,
                      const NowServingLabels& labels) const;

 private:
  bool fetch_once(TimePoint now, bool& more);
  std::int64_t minute_now() const;

  FetchNowServing m_fetch;
  const platform::Clock& m_clock;
  Settings m_settings;
  domain::display::NowServingBoard m_board;
  LinkState m_state;
  std::string m_last_problem;
  TimePoint m_next_fetch{};
  std::optional<TimePoint> m_highlight_until;
  std::optional<std::chrono::sys_seconds> m_last_good_utc;
  std::int64_t m_shown_minute = 0;
  int m_pending_chimes = 0;
  std::uint64_t m_good_updates = 0;
  std::uint64_t m_failed_updates = 0;
  std::uint64_t m_chimes_total = 0;
};

// The screen as the screenshot command and the tests show it: sample calls, one just in, connected.
// Built from a sample document through the same board, never from a store or a link.
NowServingView preview_now_serving_view(const i18n::Catalog& catalog, const i18n::Catalog* secondary,
                                        const NowServingLabels& labels, std::chrono::sys_seconds now_utc);

std::string_view to_string(LinkState state);

}  // namespace kiosk::app
