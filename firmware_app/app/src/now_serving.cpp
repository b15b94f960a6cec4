#include "app/now_serving.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

#include "flows/flow_context.hpp"
#include "i18n/catalog.hpp"
#include "platform/clock.hpp"

namespace kiosk::app {
namespace {

using domain::display::Call;
using std::chrono::sys_seconds;

// Failures are logged when the link state changes, not at every retry.
constexpr std::size_t k_max_logged_problem = 200;

std::string counter_text(const i18n::Catalog& catalog, int counter) {
  return i18n::format_named(catalog.tr("Counter {number}"), {{"number", std::to_string(counter)}});
}

NowServingCallVm call_vm(const Call& call, const i18n::Catalog& catalog, const i18n::Catalog* secondary,
                         const NowServingLabels& labels) {
  NowServingCallVm vm;
  vm.number = call.number;
  vm.counter = counter_text(catalog, call.counter);
  if (secondary != nullptr) {
    vm.counter_secondary = counter_text(*secondary, call.counter);
  }
  if (labels.service_name && !call.service_id.empty()) {
    vm.service = labels.service_name(call.service_id);
  }
  if (call.recall) {
    vm.note = std::string(catalog.tr("Called again"));
  }
  return vm;
}

struct ViewState {
  LinkState state = LinkState::no_link;
  bool highlight = false;
  std::optional<sys_seconds> last_good_utc;
  sys_seconds now_utc{};
};

NowServingView build_view(const std::deque<Call>& calls, const ViewState& state, const i18n::Catalog& catalog,
                          const i18n::Catalog* secondary, const NowServingLabels& labels) {
  NowServingView vm;
  vm.bank_name = labels.bank_name;
  vm.title = catalog.tr("Now serving");
  vm.previous_title = catalog.tr("Previous calls");
  if (secondary != nullptr) {
    vm.title_secondary = secondary->tr("Now serving");
    vm.previous_title_secondary = secondary->tr("Previous calls");
  }
  vm.clock = local_time_text(state.now_utc, labels.time_zone);
  if (!calls.empty()) {
    vm.current = call_vm(calls.front(), catalog, secondary, labels);
    vm.highlight = state.highlight;
    vm.highlight_label = catalog.tr("New call");
    for (std::size_t i = 1; i < calls.size(); ++i) {
      vm.previous.push_back(call_vm(calls[i], catalog, secondary, labels));
    }
  }
  vm.connected = state.state == LinkState::connected;
  switch (state.state) {
    case LinkState::no_link:
      vm.connection = catalog.tr("Not connected");
      vm.empty_text = catalog.tr("Waiting for the counter link");
      break;
    case LinkState::connecting:
      vm.connection = catalog.tr("Connecting to the counter link");
      vm.empty_text = catalog.tr("Please wait until your number is called");
      break;
    case LinkState::connected:
      vm.connection = catalog.tr("Connected");
      vm.empty_text = catalog.tr("Please wait until your number is called");
      break;
    case LinkState::reconnecting:
      vm.connection =
          state.last_good_utc
              ? i18n::format_named(catalog.tr("Reconnecting - last update {time}"),
                                   {{"time", local_time_text(*state.last_good_utc, labels.time_zone)}})
              : std::string(catalog.tr("Reconnecting"));
      vm.empty_text = catalog.tr("Please wait until your number is called");
      break;
  }
  return vm;
}

std::string shortened(std::string text) {
  if (text.size() > k_max_logged_problem) {
    text.resize(k_max_logged_problem);
    text += "...";
  }
  return text;
}

}  // namespace

std::string_view to_string(LinkState state) {
  switch (state) {
    case LinkState::no_link:
      return "no link";
    case LinkState::connecting:
      return "connecting";
    case LinkState::connected:
      return "connected";
    case LinkState::reconnecting:
      return "reconnecting";
  }
  return "unknown";
}

NowServingFeed::NowServingFeed(FetchNowServing fetch, const platform::Clock& clock)
    : NowServingFeed(std::move(fetch), clock, Settings{}) {}

NowServingFeed::NowServingFeed(FetchNowServing fetch, const platform::Clock& clock, Settings settings)
    : m_fetch(std::move(fetch)),
      m_clock(clock),
      m_settings(settings),
      m_board(settings.calls_shown),
      m_state(m_fetch ? LinkState::connecting : LinkState::no_link),
      m_next_fetch(clock.steady_now()),
      m_shown_minute(minute_now()) {}

std::int64_t NowServingFeed::minute_now() const {
  return std::chrono::floor<std::chrono::minutes>(m_clock.utc_now()).time_since_epoch().count();
}

bool NowServingFeed::fetch_once(TimePoint now, bool& more) {
  more = false;
  const auto before = m_state;
  FetchResult result;
  try {
    result = m_fetch(m_board.after_seq());
  } catch (const std::exception& error) {
    result = FetchResult::failed(std::string("fetch threw: ") + error.what());
  } catch (...) {
    result = FetchResult::failed("fetch threw");
  }
  std::string problem;
  bool changed = false;
  if (!result.document) {
    problem = result.failure.empty() ? "fetch failed" : result.failure;
  } else {
    const auto parsed = domain::display::parse_now_serving(*result.document);
    if (!parsed.ok()) {
      problem = "malformed now-serving document: " + domain::describe(parsed.issues.front());
    } else {
      const auto outcome = m_board.fold(*parsed.value);
      more = outcome.more_waiting;
      changed = outcome.changed;
      if (outcome.new_calls > 0) {
        m_pending_chimes += outcome.new_calls;
        m_highlight_until = now + m_settings.highlight;
      }
      if (outcome.resynced) {
        spdlog::info("now-serving: the appliance's call numbers went back; starting over");
      }
    }
  }
  if (problem.empty()) {
    m_state = LinkState::connected;
    m_last_problem.clear();
    m_last_good_utc = std::chrono::floor<std::chrono::seconds>(m_clock.utc_now());
    ++m_good_updates;
    if (before != LinkState::connected) {
      spdlog::info("now-serving: connected to the counter link");
    }
  } else {
    m_state = LinkState::reconnecting;
    ++m_failed_updates;
    if (before != LinkState::reconnecting || problem != m_last_problem) {
      spdlog::warn("now-serving: {}", shortened(problem));
    }
    m_last_problem = std::move(problem);
  }
  return changed || before != m_state;
}

bool NowServingFeed::poll() {
  const auto now = m_clock.steady_now();
  bool changed = false;
  if (m_fetch && now >= m_next_fetch) {
    const int chimes_before = m_pending_chimes;
    bool more = true;
    for (int i = 0; i < m_settings.max_fetches_per_poll && more; ++i) {
      changed = fetch_once(now, more) || changed;
    }
    m_pending_chimes = std::min(m_pending_chimes, chimes_before + m_settings.max_chimes_per_poll);
    m_next_fetch =
        now + (m_state == LinkState::connected ? m_settings.poll_interval : m_settings.retry_interval);
  }
  if (m_highlight_until && now >= *m_highlight_until) {
    m_highlight_until.reset();
    changed = true;
  }
  const auto minute = minute_now();
  if (minute != m_shown_minute) {
    m_shown_minute = minute;
    changed = true;
  }
  return changed;
}

NowServingFeed::TimePoint NowServingFeed::next_wake() const {
  const auto now = m_clock.steady_now();
  // The clock on screen changes at the next minute.
  const auto utc = m_clock.utc_now();
  const auto next_minute = std::chrono::ceil<std::chrono::minutes>(utc + std::chrono::milliseconds{1});
  auto wake = now + std::chrono::duration_cast<TimePoint::duration>(next_minute - utc);
  if (m_fetch) {
    wake = std::min(wake, m_next_fetch);
  }
  if (m_highlight_until) {
    wake = std::min(wake, *m_highlight_until);
  }
  return wake;
}

int NowServingFeed::take_chimes() {
  const int chimes = m_pending_chimes;
  m_pending_chimes = 0;
  m_chimes_total += static_cast<std::uint64_t>(chimes);
  return chimes;
}

NowServingView NowServingFeed::view(const i18n::Catalog& catalog, const i18n::Catalog* secondary,
                                    const NowServingLabels& labels) const {
  ViewState state;
  state.state = m_state;
  state.highlight = m_highlight_until.has_value();
  state.last_good_utc = m_last_good_utc;
  state.now_utc = std::chrono::floor<std::chrono::seconds>(m_clock.utc_now());
  return build_view(m_board.calls(), state, catalog, secondary, labels);
}

NowServingView preview_now_serving_view(const i18n::Catalog& catalog, const i18n::Catalog* secondary,
                                        const NowServingLabels& labels, sys_seconds now_utc) {
  // A morning in a branch: seven calls adopted, then a recall and a new call just in.
  const auto sample = [](std::int64_t seq, const char* number, int counter, const char* service,
                         bool recall) {
    return Call{seq, number, counter, service, domain::EventTime{}, recall};
  };
  domain::display::NowServingBoard board;
  board.fold({{sample(1, "A012", 2, "cash", false), sample(2, "B004", 5, "accounts", false),
               sample(3, "A013", 1, "cash", false), sample(4, "C021", 3, "loans", false),
               sample(5, "A014", 2, "cash", false), sample(6, "B005", 4, "accounts", false),
               sample(7, "A015", 12, "cash", false)},
              7});
  board.fold({{sample(8, "B005", 4, "accounts", true), sample(9, "C022", 3, "loans", false)}, 9});
  ViewState state;
  state.state = LinkState::connected;
  state.highlight = true;
  state.last_good_utc = now_utc;
  state.now_utc = now_utc;
  return build_view(board.calls(), state, catalog, secondary, labels);
}

}  // namespace kiosk::app
