// Submission commit latency: a complaint and a ticket through the real desk (one transaction with the
// record, the sealed outbox event, synchronous=FULL in WAL mode), against a bare SQLite insert of a row of
// the same size with the same durability settings, in the same run on the same disk. Reported as p50/p99
// and as ratios, never as absolute pass/fail: the machines are shared.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/customer_desk.hpp"
#include "platform/clock.hpp"
#include "store/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Percentiles {
  double p50_ms = 0;
  double p99_ms = 0;
};

Percentiles percentiles(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) { return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))]; };
  return {at(0.50), at(0.99)};
}

template <class Work>
std::vector<double> time_each(int count, Work work) {
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const auto start = Clock::now();
    work(i);
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return samples;
}

std::vector<double> bare_inserts(const std::filesystem::path& file, int count, std::size_t row_bytes) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE rows(id INTEGER PRIMARY KEY, body BLOB);",
               nullptr, nullptr, nullptr);
  const std::string body(row_bytes, 'x');
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO rows(body) VALUES (?)", -1, &insert, nullptr);
  auto samples = time_each(count, [&](int) {
    sqlite3_bind_blob(insert, 1, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  });
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return samples;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kiosk;
  const int count = argc > 1 ? std::max(10, std::atoi(argv[1])) : 500;
  const auto dir = std::filesystem::temp_directory_path() / ("kiosk-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> problems;
  auto content = app::load_desk_content(KIOSK_ASSETS_DIR, problems);
  for (const auto& problem : problems) std::fprintf(stderr, "content: %s\n", problem.c_str());
  // Tuesday 10:00 in Oslo: the shipped services are open.
  platform::ManualClock clock(std::chrono::sys_seconds{std::chrono::seconds{1795510800}});
  store::OpenReport report;
  auto store = store::Store::open(dir / "kiosk.db", report);
  if (!store) {
    std::fprintf(stderr, "store: %s\n", report.message.c_str());
    return 1;
  }
  auto config = app::default_config();
  app::CustomerDesk desk(*store, config, std::move(content), clock, dir / "keys" / "pii.key");
  const std::string description(600, 'd');  // a typical complaint text
  const auto complaints = time_each(count, [&](int i) {
    app::ComplaintSubmission submission{"atm", "card_retained", description + std::to_string(i), "", "", "+47 912 34 567",
                                        "", true, false, "", "en"};
    if (!desk.submit_complaint(submission).ok()) std::abort();
  });
  const auto tickets = time_each(count, [&](int) {
    if (!desk.issue_ticket("cash", "en").ok()) std::abort();
  });
  const auto bare = bare_inserts(dir / "bare.db", count, 1200);
  store.reset();
  std::filesystem::remove_all(dir);

  const auto c = percentiles(complaints);
  const auto t = percentiles(tickets);
  const auto b = percentiles(bare);
  std::printf("| operation (n=%d) | p50 ms | p99 ms | p50 ratio to bare insert | p99 ratio |\n|---|---|---|---|---|\n", count);
  std::printf("| bare SQLite insert, WAL + synchronous=FULL | %.3f | %.3f | 1.0 | 1.0 |\n", b.p50_ms, b.p99_ms);
  std::printf("| ticket issued (counter, ticket, outbox event) | %.3f | %.3f | %.1f | %.1f |\n", t.p50_ms, t.p99_ms,
              t.p50_ms / b.p50_ms, t.p99_ms / b.p99_ms);
  std::printf("| complaint submitted (sealed record + sealed event) | %.3f | %.3f | %.1f | %.1f |\n", c.p50_ms,
              c.p99_ms, c.p50_ms / b.p50_ms, c.p99_ms / b.p99_ms);
  return 0;
}
