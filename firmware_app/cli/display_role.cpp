// run --role display: the now-serving feed, the chime and the UI loop, in a window or headless.
#include "cli/display_role.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>

#include "app/customer_desk.hpp"
#include "cli/ui_session.hpp"
#include "counter_link/client.hpp"
#include "platform/chime.hpp"
#include "platform/sdl_runtime.hpp"
#include "platform/window_target.hpp"
#include "ui/headless_kiosk.hpp"
#include "ui/kiosk_runner.hpp"
#include "ui/now_serving_display.hpp"

namespace kiosk::cli {
namespace {

using std::chrono::milliseconds;

// Longest sleep of the UI thread between checks: bounds how late a quit request is seen.
constexpr milliseconds k_max_wait{1000};
// One now-serving fetch: connect and whole-request limits, and calls asked for per fetch.
constexpr milliseconds k_fetch_connect_timeout{1000};
constexpr milliseconds k_fetch_total_timeout{2000};
constexpr std::size_t k_fetch_limit = 20;

// The display names services by the catalog in the assets (it needs no store or desk of its own).
domain::queue::ServiceCatalog service_catalog(const app::Startup& startup, std::string& glyph_text) {
  std::vector<std::string> problems;
  auto content = app::load_desk_content(startup.assets_dir, problems);
  for (const auto& problem : problems) {
    spdlog::warn("display: {}", problem);
  }
  glyph_text += app::content_glyph_text(content);
  return std::move(content.services);
}

void log_chime_state(const platform::ChimePlayer& chime) {
  if (chime.available()) {
    spdlog::info("display: chime on");
  } else {
    spdlog::info("display: {}", chime.problem());  // once, at start: the display carries on silently
  }
}

// Everything the display needs but where it draws. Built after SDL has started (the chime opens audio).
struct DisplayParts {
  ui::FontRequest fonts;
  std::unique_ptr<app::NowServingFeed> feed;  // before the app, which points at it: destroyed after it
  std::unique_ptr<app::KioskApp> app;
  std::unique_ptr<platform::ChimePlayer> chime;
  std::string link_note;  // why there is no link, when there is none
};

DisplayParts make_display(app::Startup& startup, const RunOptions& options, const platform::Clock& clock) {
  DisplayParts parts;
  parts.fonts = font_request(startup);
  parts.fonts.numerals = true;
  auto services = service_catalog(startup, parts.fonts.glyph_text);
  parts.app = make_app(startup, clock);
  parts.feed =
      std::make_unique<app::NowServingFeed>(make_now_serving_fetch(options.link, parts.link_note), clock);
  if (!parts.link_note.empty()) {
    spdlog::warn("display: {}", parts.link_note);
  }
  parts.app->attach_now_serving(parts.feed.get(), std::move(services));
  parts.chime = std::make_unique<platform::ChimePlayer>();
  log_chime_state(*parts.chime);
  return parts;
}

int run_headless_display(app::Startup& startup, const RunOptions& options) {
  platform::SdlRuntime sdl(platform::SdlRuntime::Video::none);
  platform::SystemClock clock;
  auto parts = make_display(startup, options, clock);
  const auto& feed = *parts.feed;
  const auto& display = startup.config.display;
  ui::HeadlessKiosk kiosk(*parts.app, clock, std::move(parts.fonts), display.width, display.height);
  std::cout << "No display found: running the now-serving display headless (" << display.width << "x"
            << display.height << ")\n";
  const auto started = clock.steady_now();
  const auto until = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(options.duration_seconds));
  kiosk.runner().settle();
  while (clock.steady_now() < until) {
    const auto left = std::chrono::duration_cast<milliseconds>(until - clock.steady_now());
    if (!ui::pump_now_serving(kiosk.runner(), *parts.feed, *parts.chime, std::min(left, k_max_wait)))
      break;  // SIGTERM/SIGINT
  }
  const auto ran = std::chrono::duration<double>(clock.steady_now() - started).count();
  std::cout << "Counter link: " << app::to_string(feed.state())
            << (parts.link_note.empty() ? "" : " (" + parts.link_note + ")")
            << (feed.last_problem().empty() ? "" : " (" + feed.last_problem() + ")") << '\n';
  std::cout << "Ran " << std::llround(ran) << " s: " << feed.good_updates() << " updates, "
            << feed.failed_updates() << " failed, " << feed.board().calls().size() << " calls shown, "
            << parts.chime->requested() << " chimes ("
            << (parts.chime->available() ? "audio on" : "audio off") << ")\n";
  const auto out_dir = options.out_dir.value_or(startup.data_dir / "headless");
  const auto file = out_dir / "now_serving.png";
  std::string error;
  if (!kiosk.write_png(file, &error)) {
    std::cerr << "cannot write " << file.string() << ": " << error << '\n';
    return k_exit_failure;
  }
  std::cout << "Wrote " << file.string() << '\n';
  return k_exit_ok;
}

int run_windowed_display(app::Startup& startup, const RunOptions& options) {
  platform::SdlRuntime sdl(platform::SdlRuntime::Video::real);
  platform::SystemClock clock;
  auto parts = make_display(startup, options, clock);
  const auto& display = startup.config.display;
  const auto mode = display.mode == app::DisplayMode::fullscreen ? platform::WindowTarget::Mode::fullscreen
                                                                 : platform::WindowTarget::Mode::windowed;
  platform::WindowTarget window(mode, display.width, display.height, startup.config.kiosk.bank_name);
  ui::KioskRunner runner(*parts.app, clock, std::move(parts.fonts),
                         [&window] { return ui::make_window_backend(window); });
  spdlog::info("now-serving display running in a window");
  while (ui::pump_now_serving(runner, *parts.feed, *parts.chime, k_max_wait)) {
  }
  spdlog::info("window closed; display stopped ({} updates, {} failed, {} chimes)",
               parts.feed->good_updates(), parts.feed->failed_updates(), parts.chime->requested());
  return k_exit_ok;
}

}  // namespace

app::FetchNowServing make_now_serving_fetch(const DisplayLinkOptions& link, std::string& note) {
  note.clear();
  if (link.url.empty()) {
    note = "no counter link configured (--link): waiting for the counter link";
    return {};
  }
  if (link.url.rfind("https://", 0) != 0) {
    note = "the counter link must be https:// (" + link.url + "): waiting for the counter link";
    return {};
  }
  if (link.ca_file.empty() || link.token_file.empty()) {
    note = "the counter link needs --ca and --token-file: waiting for the counter link";
    return {};
  }
  std::string problem;
  std::string warning;
  auto token = counter_link::read_token_file(link.token_file, problem, &warning);
  if (token.empty()) {
    note = problem + ": waiting for the counter link";
    return {};
  }
  if (!warning.empty()) {
    spdlog::warn("display: {}", warning);
  }
  std::string url = link.url;
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  // The fetch runs on the display's UI thread: short timeouts keep the screen (and a quit request) live
  // while the appliance is unreachable. std::function needs a copyable callable, hence the shared client.
  auto client = std::make_shared<counter_link::LinkClient>(counter_link::LinkClientOptions{
      std::move(url), link.ca_file, std::move(token), k_fetch_connect_timeout, k_fetch_total_timeout});
  return [client](std::int64_t after_seq) {
    auto result = counter_link::fetch_now_serving(*client, after_seq, k_fetch_limit);
    if (!result.transport_error.empty()) {
      return app::FetchResult::failed(result.transport_error);
    }
    if (result.status != 200) {
      return app::FetchResult::failed("HTTP " + std::to_string(result.status) + ": " + result.message());
    }
    return app::FetchResult::ok(std::move(result.text));
  };
}

int run_display(app::Startup& startup, const RunOptions& options) {
  try {
    if (startup.config.display.mode == app::DisplayMode::headless ||
        !platform::SdlRuntime::display_available()) {
      return run_headless_display(startup, options);
    }
    return run_windowed_display(startup, options);
  } catch (const std::exception& error) {
    spdlog::critical("display stopped: {}", error.what());
    std::cerr << "branch-kiosk: " << error.what() << '\n';
    return k_exit_failure;
  }
}

}  // namespace kiosk::cli
