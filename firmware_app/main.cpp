// branch-kiosk: composition root. It parses the command line and hands over to one command; the
// commands wire configuration, store, app and UI together. No work and no state live here.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"

namespace {

void add_startup_options(CLI::App& command, kiosk::app::StartupOptions& startup) {
  command.add_option_function<std::string>(
      "--config", [&startup](const std::string& file) { startup.config_file = file; },
      "TOML configuration file (default: built-in settings)");
  command.add_option_function<std::string>(
      "--data-dir", [&startup](const std::string& dir) { startup.data_dir = dir; },
      "folder for the database, logs and caches");
}

}  // namespace

int main(int argc, char** argv) {
  using kiosk::app::DisplayMode;
  // Parse the command line.
  CLI::App cli{"branch-kiosk: queue check-in, complaints and surveys for bank branches"};
  cli.set_version_flag("--version", std::string("branch-kiosk ") + KIOSK_VERSION);
  cli.require_subcommand(1);

  kiosk::cli::RunOptions run;
  auto* run_command = cli.add_subcommand("run", "start the kiosk");
  add_startup_options(*run_command, run.startup);
  auto* windowed = run_command->add_flag_callback(
      "--windowed", [&run] { run.startup.display_mode = DisplayMode::windowed; },
      "a window on the desktop (development)");
  auto* fullscreen = run_command->add_flag_callback(
      "--fullscreen", [&run] { run.startup.display_mode = DisplayMode::fullscreen; },
      "full screen (the kiosk)");
  auto* headless = run_command->add_flag_callback(
      "--headless", [&run] { run.startup.display_mode = DisplayMode::headless; },
      "no display: render the main screens to PNG and say where they are");
  windowed->excludes(fullscreen)->excludes(headless);
  fullscreen->excludes(headless);
  run_command
      ->add_option("--duration", run.duration_seconds, "headless: run the event loop this many seconds")
      ->check(CLI::Range(0.0, 86400.0));
  run_command->add_flag("--until-synced", run.until_synced,
                        "headless: stop the event loop early once head office has confirmed every event");
  run_command
      ->add_option_function<std::string>(
          "--role",
          [&run](const std::string& role) {
            run.role = role == "display" ? kiosk::cli::RunRole::display : kiosk::cli::RunRole::kiosk;
          },
          "kiosk (default): the customer kiosk; display: the hall's now-serving screen")
      ->check(CLI::IsMember({"kiosk", "display"}));
  auto* link_option = run_command->add_option("--link", run.link.url,
                                              "display: the counter link, e.g. https://kiosk-appliance:8443");
  run_command->add_option("--ca", run.link.ca_file, "display: the private CA of the counter link (PEM)")
      ->needs(link_option);
  run_command->add_option("--token-file", run.link.token_file, "display: the display's bearer token file")
      ->needs(link_option);
  run_command->add_option_function<std::string>(
      "--out-dir", [&run](const std::string& dir) { run.out_dir = dir; },
      "headless: folder for the PNGs (default: <data-dir>/headless)");

  kiosk::cli::ScreenshotOptions shot;
  auto* shot_command = cli.add_subcommand("screenshot", "render one screen to a PNG file, headless");
  add_startup_options(*shot_command, shot.startup);
  shot_command->add_option("--screen", shot.screen, "attract, language, home, out_of_service")->required();
  shot_command->add_option("--lang", shot.language, "en, ru, zh-Hans, nb")->required();
  shot_command->add_option("--size", shot.size, "WIDTHxHEIGHT, e.g. 1920x1080")->required();
  shot_command->add_option("--out", shot.out, "PNG file to write")->required();
  shot_command->add_flag("--high-contrast", shot.high_contrast,
                         "accessibility mode (larger text, high contrast)");
  shot_command->add_flag("--idle-warning", shot.idle_warning, "show the idle warning over the screen");

  kiosk::cli::SimulateOptions simulate;
  auto* simulate_command = cli.add_subcommand(
      "simulate", "synthetic customers tap through the real UI, headless; prints a JSON summary");
  add_startup_options(*simulate_command, simulate.startup);
  simulate_command->add_option("--sessions", simulate.sessions, "customers to simulate")
      ->check(CLI::Range(1, 1000000));
  simulate_command->add_option("--seed", simulate.seed,
                               "random seed: the same seed gives the same customers");
  simulate_command->add_option_function<std::string>(
      "--printer",
      [&simulate](const std::string& value) {
        if (value.rfind("file:", 0) != 0 || value.size() <= 5) {
          throw CLI::ValidationError("--printer", "expected file:DIR");
        }
        simulate.printer_dir = value.substr(5);
      },
      "file:DIR: print jobs as .bin files into DIR");
  simulate_command->add_flag("--trace", simulate.trace,
                             "print \"confirmed <kind> <id>\" as each confirmation is shown");

  std::string config_file;
  auto* check_command =
      cli.add_subcommand("check-config", "validate a configuration file (exit 2 when invalid)");
  check_command->add_option("file", config_file, "TOML file")->required();

  kiosk::cli::HashPinOptions hash_pin;
  auto* hash_pin_command = cli.add_subcommand(
      "hash-pin", "read a staff PIN from standard input and print its staff.pin_hashes entry");
  hash_pin_command->add_option("--slot", hash_pin.slot, "PIN slot id, e.g. manager or teller-2");
  hash_pin_command->add_option("--role", hash_pin.role, "the slot's role, e.g. manager or teller");

  kiosk::cli::CounterOptions counter;
  auto* counter_command = cli.add_subcommand(
      "counter", "counter console: call, recall, transfer and finish tickets through the counter link");
  counter_command->add_option("--counter", counter.counter, "this counter's number")
      ->required()
      ->check(CLI::Range(1, 999));
  counter_command->add_option("--link", counter.link, "the kiosk's counter link, https://HOST:PORT")
      ->required();
  counter_command->add_option("--ca", counter.ca_file, "CA certificate the link's certificate chains to")
      ->required();
  counter_command->add_option("--token-file", counter.token_file, "file holding this counter's token")
      ->required();
  counter_command
      ->add_option("--do", counter.one_shot,
                   "one command (next, recall, back, done, noshow, transfer S, open S.., close, status); "
                   "prints the JSON reply, exit 1 when refused")
      ->expected(1, 16);

  kiosk::cli::CounterTokenOptions counter_token;
  auto* counter_token_command =
      cli.add_subcommand("counter-token", "make a counter link token and print its [counters] tokens line");
  auto* token_counter = counter_token_command->add_option_function<int>(
      "--counter", [&counter_token](const int& number) { counter_token.counter = number; },
      "the counter the token acts for");
  token_counter->check(CLI::Range(1, 999));
  bool display_token = false;
  auto* token_display = counter_token_command->add_flag("--display", display_token,
                                                        "a token for the now-serving display (reads only)");
  token_counter->excludes(token_display);
  counter_token_command->add_option_function<std::string>(
      "--out", [&counter_token](const std::string& file) { counter_token.out = file; },
      "write the token to this file (mode 0600) instead of printing it");

  try {
    cli.parse(argc, argv);
    if (*counter_token_command && !*token_counter && !display_token) {
      throw CLI::RequiredError("--counter or --display");
    }
  } catch (const CLI::ParseError& error) {
    return cli.exit(error);
  }

  // Hand over to the chosen command.
  if (*check_command) {
    return kiosk::cli::check_config(config_file);
  }
  if (*hash_pin_command) {
    return kiosk::cli::hash_pin(hash_pin);
  }
  if (*counter_command) {
    return kiosk::cli::counter_console(counter);
  }
  if (*counter_token_command) {
    return kiosk::cli::counter_token(counter_token);
  }
  if (*shot_command) {
    return kiosk::cli::screenshot(shot);
  }
  if (*simulate_command) {
    return kiosk::cli::simulate(simulate);
  }
  if (!run.link.url.empty() && run.role != kiosk::cli::RunRole::display) {
    std::cerr << "--link, --ca and --token-file belong to --role display\n";
    return kiosk::cli::k_exit_bad_config;
  }
  return kiosk::cli::run(run);
}
