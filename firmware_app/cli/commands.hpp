#pragma once
// The commands of the branch-kiosk binary. Each returns the process exit code.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/startup.hpp"

namespace kiosk::cli {

// Exit codes shared by all commands (scripts and systemd read them).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_failure = 1;
inline constexpr int k_exit_bad_config = 2;

// Where the now-serving display reads calls: the counter link of the kiosk appliance (see display_role.hpp).
struct DisplayLinkOptions {
  std::string url;                   // e.g. https://kiosk-appliance:8443; empty: no link configured
  std::filesystem::path ca_file;     // the private CA that signed the appliance's certificate (pinned)
  std::filesystem::path token_file;  // the display's bearer token, one line
};

enum class RunRole { kiosk, display };

struct RunOptions {
  app::StartupOptions startup;
  RunRole role = RunRole::kiosk;  // display: the hall's now-serving screen instead of the customer kiosk
  DisplayLinkOptions link;        // display role only
  double duration_seconds = 0.0;  // headless: keep the event loop running this long after the PNGs
  std::optional<std::filesystem::path> out_dir;  // headless: where the PNGs go
  // headless: leave the loop before --duration ends once sync is up and the outbox holds no unconfirmed
  // event (flushing a kiosk before it is swapped; tests).
  bool until_synced = false;
};

struct ScreenshotOptions {
  app::StartupOptions startup;
  std::string screen;
  std::string language;
  std::string size;  // "WIDTHxHEIGHT"
  std::filesystem::path out;
  bool high_contrast = false;
  bool idle_warning = false;
};

struct SimulateOptions {
  app::StartupOptions startup;
  int sessions = 100;
  std::uint64_t seed = 1;
  std::optional<std::filesystem::path> printer_dir;  // --printer file:DIR
  bool trace = false;  // print "confirmed <kind> <id>" as each confirmation appears on screen
};

struct HashPinOptions {
  std::string slot = "manager";  // the PIN slot id the audit log names
  std::string role = "manager";
};

// counter: the counter console (issue 6), a client of the counter link of `branch-kiosk run`.
struct CounterOptions {
  int counter = 0;                // 1-999
  std::string link;               // "https://HOST:PORT"
  std::filesystem::path ca_file;  // the CA the link's certificate chains to (the only one trusted)
  std::filesystem::path token_file;
  std::vector<std::string> one_shot;  // --do ACTION [ARGS]: one command, JSON on stdout, then exit
};

// counter-token: a new bearer token for a counter (or the display) and its counters.tokens line.
struct CounterTokenOptions {
  std::optional<int> counter;                // empty with --display
  std::optional<std::filesystem::path> out;  // write the token here (0600) instead of printing it
};

int check_config(const std::filesystem::path& file);
// Interactive console, or with --do one command whose JSON reply is printed; exit 1 when the link refused
// it (the reply's "error" says why) or could not be reached.
int counter_console(const CounterOptions& options);
int counter_token(const CounterTokenOptions& options);
// Reads one PIN line from stdin; prints "<slot>:<role>:<hash>" quoted for staff.pin_hashes.
int hash_pin(const HashPinOptions& options);
int run(const RunOptions& options);
int screenshot(const ScreenshotOptions& options);
int simulate(const SimulateOptions& options);

}  // namespace kiosk::cli
