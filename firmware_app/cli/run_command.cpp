// run: the kiosk. With a display, a window (or full screen) and the event loop until it is closed.
// Without one, the main screens rendered to PNG in every offered language, then, if asked, the event
// loop for --duration seconds (used to measure idle CPU).
#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <iostream>

#include "app/kiosk_services.hpp"
#include "app/preview_driver.hpp"
#include "app/runtime_config.hpp"
#include "app/screen_id.hpp"
#include "cli/commands.hpp"
#include "cli/counter_link_runner.hpp"
#include "cli/device_health_source.hpp"
#include "cli/display_role.hpp"
#include "cli/sync_runner.hpp"
#include "cli/ui_session.hpp"
#include "platform/sdl_runtime.hpp"
#include "platform/window_target.hpp"
#include "ui/headless_kiosk.hpp"
#include "ui/kiosk_runner.hpp"

namespace kiosk::cli {
namespace {

using std::chrono::milliseconds;

// Longest sleep of the UI thread between checks: bounds how late a quit request is seen.
constexpr milliseconds k_max_wait{1000};

// Starts sync for this kiosk's store (none without a store or with policy "off") and lets the desk wake it
// after each commit. Call after the services exist: the desk creates the PII key sync reads.
std::unique_ptr<SyncRunner> start_sync(const app::Startup& startup, const app::KioskServices& services) {
  if (!startup.store)
    return nullptr;
  std::string problem;
  ContentListener on_content;
  if (services.content_updates) {
    // Poller thread -> the slot the app empties on the UI thread between customers.
    on_content = [pending = services.content_updates.get()](app::ContentUpdate update) {
      pending->offer(std::move(update));
    };
  }
  auto runner = SyncRunner::start(startup.config, startup.data_dir, startup.data_dir / "kiosk.db", problem,
                                  std::move(on_content));
  if (runner && services.desk)
    services.desk->set_commit_listener([sync = runner.get()] { sync->wake(); });
  return runner;
}

// The desk with this kiosk's services, and the content and config head office sent before (they win over
// the assets and kiosk.toml, so a restart keeps them). Before the fonts are requested: the atlas must hold
// the content's glyphs. The config reaches the services when they are attached to the app.
app::KioskServices make_services(app::Startup& startup, const platform::Clock& clock,
                                 app::KioskApp& kiosk_app) {
  auto services = app::make_kiosk_services(startup.store.get(), startup.config, startup.assets_dir,
                                           startup.data_dir, clock, kiosk_app.catalogs());
  if (services.desk) {
    auto stored = stored_content(startup.config, startup.data_dir);
    kiosk_app.update_runtime_config(app::take_config_updates(stored));
    services.desk->update_content(stored);
  }
  return services;
}

// The counter link ([counters]; nullptr when off), waking sync after each counter action so its events
// leave at once. Start after sync and stop before it: the link holds a pointer to the runner.
std::unique_ptr<CounterLinkRunner> start_counter_link(const app::Startup& startup,
                                                      const app::KioskServices& services,
                                                      const platform::Clock& clock, SyncRunner* sync) {
  std::function<void()> wake;
  if (sync != nullptr)
    wake = [sync] { sync->wake(); };
  return CounterLinkRunner::start(startup, services.desk.get(), clock, std::move(wake));
}

// The staff dashboard's device tab reads sync and the certificates through this provider from now on.
void watch_device_health(const app::Startup& startup, const app::KioskServices& services,
                         const SyncRunner* sync) {
  if (services.staff)
    services.staff->set_device_health_provider(
        device_health_provider(startup.config, startup.data_dir, sync));
}

// Sync is up and has nothing left to deliver.
bool synced(const SyncRunner* runner) {
  if (runner == nullptr)
    return false;
  const auto status = runner->status();
  return status.connected && status.backlog_counted && status.backlog == 0 && status.in_flight_batches == 0;
}

// The desk must not wake, nor the dashboard read, a runner that is gone.
void stop_sync(std::unique_ptr<SyncRunner>& runner, const app::KioskServices& services) {
  if (services.desk)
    services.desk->set_commit_listener({});
  if (services.staff)
    services.staff->set_device_health_provider({});
  runner.reset();
}

int run_headless(app::Startup& startup, const RunOptions& options) {
  platform::SdlRuntime sdl(platform::SdlRuntime::Video::none);
  platform::SystemClock clock;
  auto fonts = font_request(startup);
  auto kiosk_app = make_app(startup, clock);
  auto services = make_services(startup, clock, *kiosk_app);
  // The screens are shown with sample content from a throw-away store, never with this kiosk's data.
  auto preview =
      std::make_unique<app::PreviewServices>(startup.config, startup.assets_dir, kiosk_app->catalogs());
  preview->services().attach_to(*kiosk_app);
  if (services.desk)
    fonts.glyph_text += app::content_glyph_text(services.desk->content());
  fonts.glyph_text += kiosk_app->config().complaints.escalation_text;  // a stored config bundle's, too
  const auto& display = startup.config.display;
  ui::HeadlessKiosk kiosk(*kiosk_app, clock, std::move(fonts), display.width, display.height);
  const auto out_dir = options.out_dir.value_or(startup.data_dir / "headless");
  std::cout << "No display found: rendering the kiosk's screens headless (" << display.width << "x"
            << display.height << ")\n";
  int written = 0;
  for (const auto screen : app::all_screens()) {
    for (const auto& language : startup.config.languages.enabled) {
      if (!app::drive_to_screen(*kiosk_app, screen, language, clock.steady_now())) {
        std::cerr << "  " << app::screen_key(screen) << " (" << language
                  << "): the flow could not get there\n";
      }
      kiosk.runner().settle();
      const auto file = out_dir / (std::string(app::screen_key(screen)) + "-" + language + ".png");
      std::string error;
      if (!kiosk.write_png(file, &error)) {
        std::cerr << "  cannot write " << file.string() << ": " << error << '\n';
        return k_exit_failure;
      }
      ++written;
    }
  }
  std::cout << "Wrote " << written << " PNG files to " << out_dir.string() << '\n';
  const auto& baked = kiosk.runner().font_report();
  std::cout << "Fonts: " << baked.glyph_count << " glyphs, atlas " << baked.atlas_width << "x"
            << baked.atlas_height << (baked.from_cache ? " (from cache)" : " (baked)") << '\n';

  // Back to the attract screen with this kiosk's own services, as a customer would find it, and run the
  // real loop if asked.
  services.attach_to(*kiosk_app);
  preview.reset();
  auto sync = start_sync(startup, services);
  auto counter_link = start_counter_link(startup, services, clock, sync.get());
  watch_device_health(startup, services, sync.get());
  kiosk_app->leave_out_of_service(clock.steady_now());
  if (startup.out_of_service_reason) {
    kiosk_app->enter_out_of_service(*startup.out_of_service_reason);
  }
  const auto until = clock.steady_now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                              std::chrono::duration<double>(options.duration_seconds));
  const auto frames_before = kiosk.runner().frames_drawn();
  const auto loop_started = clock.steady_now();
  while (clock.steady_now() < until && !(options.until_synced && synced(sync.get()))) {
    const auto left = std::chrono::duration_cast<milliseconds>(until - clock.steady_now());
    if (!kiosk.runner().pump(std::min(left, options.until_synced ? milliseconds{100} : k_max_wait)))
      break;  // SIGTERM/SIGINT (SDL turns them into a quit event): stop sync cleanly, as at the end
    if (counter_link)
      counter_link->follow(services.desk->content());
  }
  if (options.duration_seconds > 0) {
    const auto ran = std::chrono::duration<double>(clock.steady_now() - loop_started).count();
    std::cout << "Ran the event loop for " << std::llround(ran)
              << " s: " << kiosk.runner().frames_drawn() - frames_before << " frames drawn\n";
  }
  if (sync) {
    std::cout << "Sync: " << describe(sync->status()) << '\n';
    if (auto downstream = sync->downstream_status())
      std::cout << "Downstream: " << describe(*downstream) << '\n';
  } else
    std::cout << "Sync: not running (policy " << app::to_string(startup.config.sync.policy) << ")\n";
  counter_link.reset();
  stop_sync(sync, services);
  return k_exit_ok;
}

int run_windowed(app::Startup& startup) {
  platform::SdlRuntime sdl(platform::SdlRuntime::Video::real);
  platform::SystemClock clock;
  auto fonts = font_request(startup);
  auto kiosk_app = make_app(startup, clock);
  auto services = make_services(startup, clock, *kiosk_app);
  services.attach_to(*kiosk_app);
  fonts.glyph_text += kiosk_app->content_glyph_text();
  auto sync = start_sync(startup, services);
  auto counter_link = start_counter_link(startup, services, clock, sync.get());
  watch_device_health(startup, services, sync.get());
  const auto& display = startup.config.display;
  const auto mode = display.mode == app::DisplayMode::fullscreen ? platform::WindowTarget::Mode::fullscreen
                                                                 : platform::WindowTarget::Mode::windowed;
  platform::WindowTarget window(mode, display.width, display.height, startup.config.kiosk.bank_name);
  ui::KioskRunner runner(*kiosk_app, clock, std::move(fonts),
                         [&window] { return ui::make_window_backend(window); });
  spdlog::info("kiosk running in a window ({})",
               window.api() == platform::WindowTarget::Api::opengl3 ? "OpenGL 3" : "SDL renderer");
  while (runner.pump(k_max_wait)) {
    if (counter_link)
      counter_link->follow(services.desk->content());
  }
  counter_link.reset();
  if (sync)
    spdlog::info("sync at shutdown: {}", describe(sync->status()));
  stop_sync(sync, services);
  spdlog::info("window closed; kiosk stopped");
  return k_exit_ok;
}

}  // namespace

int run(const RunOptions& options) {
  // Load config: a bad file stops here, the kiosk never starts half-configured.
  auto config = load_config_or_report(options.startup);
  if (!config) {
    return k_exit_bad_config;
  }
  // Open store, catalogs and logging, then the display.
  auto startup = app::prepare_startup(std::move(*config), options.startup);
  if (options.role == RunRole::display) {
    return run_display(startup, options);
  }
  try {
    if (startup.config.display.mode == app::DisplayMode::headless ||
        !platform::SdlRuntime::display_available()) {
      return run_headless(startup, options);
    }
    return run_windowed(startup);
  } catch (const std::exception& error) {
    spdlog::critical("kiosk stopped: {}", error.what());
    std::cerr << "branch-kiosk: " << error.what() << '\n';
    return k_exit_failure;
  }
}

}  // namespace kiosk::cli
