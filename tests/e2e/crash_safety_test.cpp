// Crash safety: the kiosk process is killed with SIGKILL while customers submit, 50 times. Every ticket or
// complaint whose confirmation was on screen before the kill must be in the store after a restart, with its
// event for head office, and the database must pass SQLite's integrity check.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "store/outbox.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

extern char** environ;

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

struct Confirmation {
  std::string kind;
  std::string id;
};

// Runs `simulate --trace` until it has shown `confirmations_before_kill` confirmations (or ended), waits a
// random moment so the kill lands anywhere in the next submission, then sends SIGKILL.
std::vector<Confirmation> run_and_kill(const std::filesystem::path& data_dir,
                                       const std::filesystem::path& config, int seed,
                                       int confirmations_before_kill, std::chrono::milliseconds extra) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0)
    throw std::runtime_error("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  const std::string binary = KIOSK_BINARY;
  const std::string data = data_dir.string();
  const std::string config_text = config.string();
  const std::string seed_text = std::to_string(seed);
  std::vector<std::string> args{binary,       "simulate", "--config", config_text, "--data-dir", data,
                                "--sessions", "400",      "--seed",   seed_text,   "--trace"};
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = ::posix_spawn(&child, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0)
    throw std::runtime_error("posix_spawn failed");

  std::vector<Confirmation> seen;
  std::string buffer;
  char chunk[512];
  const auto deadline = std::chrono::steady_clock::now() + 60s;  // bounded whatever the child does
  while (static_cast<int>(seen.size()) < confirmations_before_kill &&
         std::chrono::steady_clock::now() < deadline) {
    const auto got = ::read(pipe_fds[0], chunk, sizeof chunk);
    if (got <= 0)
      break;
    buffer.append(chunk, static_cast<std::size_t>(got));
    for (auto newline = buffer.find('\n'); newline != std::string::npos; newline = buffer.find('\n')) {
      const auto line = buffer.substr(0, newline);
      buffer.erase(0, newline + 1);
      std::istringstream words(line);
      std::string word;
      Confirmation confirmation;
      if (words >> word && word == "confirmed" && words >> confirmation.kind >> confirmation.id) {
        seen.push_back(confirmation);
      }
    }
  }
  std::this_thread::sleep_for(extra);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(pipe_fds[0]);
  return seen;
}

TEST(CrashSafety, EveryConfirmedSubmissionSurvivesKillNine50Times) {
  TempDir work("kiosk-crash");
  const auto config = work.path() / "kiosk.toml";
  {
    std::ofstream out(config);
    // One font cache for all runs, so each start is quick and the kill lands among submissions.
    out << "[paths]\ncache_dir = \"" << (work.path() / "cache").string() << "\"\n";
    // A small panel: each synthetic customer is drawn in software, and the test is about the store.
    out << "[display]\nwidth = 800\nheight = 480\n";
  }
  std::mt19937 random(20261123);
  int checked = 0;
  for (int run = 0; run < 50; ++run) {
    const auto data_dir = work.path() / ("run-" + std::to_string(run));
    const int wanted = std::uniform_int_distribution<int>(1, 4)(random);
    const auto extra = std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 40)(random));
    const auto confirmed = run_and_kill(data_dir, config, run, wanted, extra);
    ASSERT_FALSE(confirmed.empty()) << "run " << run << ": the simulation showed no confirmation";

    store::OpenReport report;
    auto reopened = store::Store::open(data_dir / "kiosk.db", report);
    ASSERT_NE(reopened, nullptr) << report.message;
    EXPECT_NE(report.outcome, store::OpenOutcome::recovered_from_corruption) << "run " << run;
    EXPECT_TRUE(reopened->integrity_check().ok) << "run " << run;
    std::string error;
    const auto cipher = store::PiiCipher::load(data_dir / "keys" / "pii.key", error);
    ASSERT_NE(cipher, nullptr) << error;
    std::set<std::string> stored_ids;
    for (const auto& row : reopened->outbox().read_pending(100000, cipher.get())) {
      const auto data = nlohmann::json::parse(row.event.data_json);
      for (const auto* key : {"ticket_id", "complaint_id"}) {
        if (data.contains(key))
          stored_ids.insert(data[key].get<std::string>());
      }
    }
    for (const auto& confirmation : confirmed) {
      EXPECT_TRUE(stored_ids.contains(confirmation.id))
          << "run " << run << ": confirmed " << confirmation.kind << " " << confirmation.id << " is missing";
      ++checked;
    }
  }
  EXPECT_GE(checked, 50);
}

}  // namespace
}  // namespace kiosk::test
