// Dashboard refresh with a year of a busy branch (issue 6): 1,000,000 tickets and 100,000 survey answers in a
// real kiosk.db, then the manager's "Refresh" (StaffDesk::refresh_dashboard) timed end to end, beside a full
// scan of the tickets table in the same run (the ratio is what compares across machines). Two kinds of
// refresh are timed apart: the first of a day, with no roll-ups saved (the store reads of the 30-day period
// plus every open ticket, the survey rows turned into facts, the domain figures, then the 29 closed days
// saved to dashboard_days; the saved days are deleted before each such run), and the following ones, which
// read the roll-ups and only today's facts. Every following refresh must give exactly the dashboard of the
// first (the full computation). The same is then timed again with the ticket time indexes of schema v3
// dropped, to show what they are worth. Usage: bench_dashboard [tickets] [answers] [refreshes]; with
// KIOSK_BENCH_KEEP set the generated store is left in /tmp for EXPLAIN QUERY PLAN.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/customer_desk.hpp"
#include "app/staff_desk.hpp"
#include "domain/dashboard/local_day.hpp"
#include "platform/clock.hpp"
#include "store/dashboard_repository.hpp"
#include "store/store.hpp"

namespace {

using Steady = std::chrono::steady_clock;
constexpr std::int64_t k_day_ms = 24LL * 3600 * 1000;

struct Sqlite {
  sqlite3* db = nullptr;
  explicit Sqlite(const std::filesystem::path& file) {
    if (sqlite3_open(file.c_str(), &db) != SQLITE_OK)
      fail("open");
  }
  ~Sqlite() { sqlite3_close(db); }
  void exec(const char* sql) const {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::fprintf(stderr, "%s: %s\n", sql, message != nullptr ? message : "?");
      std::exit(1);
    }
  }
  [[noreturn]] void fail(const char* what) const {
    std::fprintf(stderr, "sqlite %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
};

// A busy branch: tickets spread evenly over the year before `now_ms` across the four shipped services,
// most served, some no-shows, the last hour still waiting; waits of 0-40 minutes, service 2-15 minutes.
void fill_tickets(const Sqlite& db, std::int64_t now_ms, int count, std::mt19937& random) {
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(
          db.db,
          "INSERT INTO tickets (id, service_id, local_day, number, display, language, issued_at, "
          "people_ahead, quote_kind, quote_low_min, quote_high_min, status, called_at, served_at, "
          "done_at, counter) VALUES (?1, ?2, ?3, ?4, ?5, 'en', ?6, ?7, 'range', ?8, ?9, ?10, ?11, "
          "?11, ?12, ?13)",
          -1, &insert, nullptr) != SQLITE_OK) {
    db.fail("prepare tickets");
  }
  const char* services[] = {"cash", "accounts", "loans", "appointments"};
  const char prefixes[] = {'A', 'B', 'C', 'D'};
  std::uniform_int_distribution<int> service_pick(0, 3);
  std::uniform_int_distribution<int> wait_min(0, 40);
  std::uniform_int_distribution<int> service_min(2, 15);
  std::uniform_int_distribution<int> outcome(0, 99);
  const std::int64_t start_ms = now_ms - 365 * k_day_ms;
  const std::int64_t step_ms = (now_ms - start_ms) / count;
  std::vector<int> numbers(4, 0);
  std::int64_t current_day = -1;
  for (int i = 0; i < count; ++i) {
    const std::int64_t issued = start_ms + step_ms * i;
    const std::int64_t day = issued / k_day_ms;
    if (day != current_day) {
      std::fill(numbers.begin(), numbers.end(), 0);
      current_day = day;
    }
    const int service = service_pick(random);
    const int number = ++numbers[static_cast<std::size_t>(service)];
    const int wait = wait_min(random);
    const bool open = now_ms - issued < 3600 * 1000;
    const int roll = outcome(random);
    const char* status = open ? "waiting" : (roll < 10 ? "no_show" : "served");
    char id[32];
    char local_day[16];
    char display[16];
    std::snprintf(id, sizeof id, "t%09d", i);
    const auto civil = std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
    std::snprintf(local_day, sizeof local_day, "%04d-%02u-%02u", static_cast<int>(civil.year()),
                  static_cast<unsigned>(civil.month()), static_cast<unsigned>(civil.day()));
    std::snprintf(display, sizeof display, "%c%03d", prefixes[service], number % 1000);
    sqlite3_bind_text(insert, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, services[service], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, local_day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(insert, 4, number);
    sqlite3_bind_text(insert, 5, display, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 6, issued);
    sqlite3_bind_int(insert, 7, wait / 4);
    sqlite3_bind_int(insert, 8, std::max(0, wait - 5));
    sqlite3_bind_int(insert, 9, wait + 10);
    sqlite3_bind_text(insert, 10, status, -1, SQLITE_STATIC);
    if (open) {
      sqlite3_bind_null(insert, 11);
      sqlite3_bind_null(insert, 12);
      sqlite3_bind_null(insert, 13);
    } else {
      const std::int64_t called = issued + wait * 60'000LL;
      sqlite3_bind_int64(insert, 11, called);
      sqlite3_bind_int64(insert, 12, called + service_min(random) * 60'000LL);
      sqlite3_bind_text(insert, 13, "1", -1, SQLITE_STATIC);
    }
    if (sqlite3_step(insert) != SQLITE_DONE)
      db.fail("insert ticket");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
}

// Answers to the shipped "visit" survey (NPS and CSAT, some with a comment), evenly over the year.
void fill_answers(const Sqlite& db, std::int64_t now_ms, int count, std::mt19937& random) {
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(
          db.db,
          "INSERT INTO survey_responses (id, survey_id, survey_version, triggered_by, service_id, "
          "language, answers_json, submitted_at, probable_repeat) VALUES (?1, 'visit', 1, 'visit', "
          "'cash', 'en', ?2, ?3, 0)",
          -1, &insert, nullptr) != SQLITE_OK) {
    db.fail("prepare answers");
  }
  std::uniform_int_distribution<int> nps(0, 10);
  std::uniform_int_distribution<int> csat(1, 5);
  const std::int64_t start_ms = now_ms - 365 * k_day_ms;
  const std::int64_t step_ms = (now_ms - start_ms) / count;
  for (int i = 0; i < count; ++i) {
    char id[32];
    char answers[128];
    std::snprintf(id, sizeof id, "s%09d", i);
    std::snprintf(answers, sizeof answers, "{\"nps\":%d,\"csat\":%d%s}", nps(random), csat(random),
                  i % 5 == 0 ? ",\"comment\":\"Friendly staff, long queue.\"" : "");
    sqlite3_bind_text(insert, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, answers, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 3, start_ms + step_ms * i);
    if (sqlite3_step(insert) != SQLITE_DONE)
      db.fail("insert answer");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
}

// `prepare` runs before each sample, outside the timing.
std::vector<double> time_runs(int count, auto work, auto prepare) {
  std::vector<double> samples;
  for (int i = 0; i < count; ++i) {
    prepare();
    const auto start = Steady::now();
    work();
    samples.push_back(std::chrono::duration<double, std::milli>(Steady::now() - start).count());
  }
  std::sort(samples.begin(), samples.end());
  return samples;
}

std::vector<double> time_runs(int count, auto work) {
  return time_runs(count, work, [] {});
}

double median(const std::vector<double>& sorted) {
  return sorted[sorted.size() / 2];
}

struct RefreshTimes {
  std::vector<double> first;      // no roll-ups saved: every fact of the 30 days read, 29 days saved
  std::vector<double> following;  // roll-ups read, facts of today and the open tickets only
  std::size_t tickets_today = 0;
};

// The refresh as staff see it, on a freshly opened store (no warm statement cache beyond SQLite's pages).
RefreshTimes time_refreshes(const std::filesystem::path& dir, const kiosk::app::KioskConfig& config,
                            const kiosk::app::DeskContent& content, const kiosk::platform::Clock& clock,
                            int refreshes) {
  using namespace kiosk;
  store::OpenReport report;
  auto store = store::Store::open(dir / "kiosk.db", report);
  if (!store) {
    std::fprintf(stderr, "store: %s\n", report.message.c_str());
    std::exit(1);
  }
  store->database().exec("DELETE FROM dashboard_days");
  // The store's share of a first refresh: the same three reads the staff desk makes (30 days and the open
  // tickets), and of a following one (today and the open tickets).
  {
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(clock.utc_now());
    const auto today =
        domain::dashboard::local_day_window_at(now, *date::locate_zone(config.kiosk.time_zone));
    std::vector<std::string> ids;
    for (const auto& service : content.services.services)
      ids.push_back(service.id);
    store::DashboardRepository repository(store->database());
    for (const auto& [what, since] :
         {std::pair{"30 days", now - std::chrono::days{31}}, std::pair{"today", today.start}}) {
      std::size_t rows = 0;
      const auto reads = time_runs(std::max(3, refreshes / 3), [&] {
        rows = repository.tickets(since, ids).size() + repository.survey_responses(since).size() +
               repository.complaints(since).size();
      });
      std::printf("store reads alone, %s: %zu rows, median %.1f ms\n", what, rows, median(reads));
    }
  }
  app::StaffDesk staff(*store, config, content, clock, dir / "keys" / "pii.key", dir / "exports");
  RefreshTimes times;
  times.first = time_runs(
      std::max(3, refreshes / 3), [&] { staff.refresh_dashboard(); },
      [&] { store->database().exec("DELETE FROM dashboard_days"); });
  if (staff.dashboard() == nullptr) {
    std::fprintf(stderr, "the dashboard was not computed (see the log)\n");
    std::exit(1);
  }
  const domain::dashboard::Dashboard full = *staff.dashboard();
  int differing = 0;
  times.following = time_runs(refreshes, [&] {
    staff.refresh_dashboard();
    differing += (staff.dashboard() == nullptr || !(*staff.dashboard() == full)) ? 1 : 0;
  });
  if (differing > 0) {
    std::fprintf(stderr, "%d refreshes from roll-ups differ from the full computation\n", differing);
    std::exit(1);
  }
  times.tickets_today = static_cast<std::size_t>(full.today_figures.check_ins);
  return times;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kiosk;
  const int ticket_count = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 1'000'000;
  const int answer_count = argc > 2 ? std::max(100, std::atoi(argv[2])) : 100'000;
  const int refreshes = argc > 3 ? std::max(3, std::atoi(argv[3])) : 15;
  const auto dir =
      std::filesystem::temp_directory_path() / ("kiosk-dashboard-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> problems;
  const auto content = app::load_desk_content(KIOSK_ASSETS_DIR, problems);
  for (const auto& problem : problems)
    std::fprintf(stderr, "content: %s\n", problem.c_str());
  // Tuesday 10:00 in Oslo, as in the submission benchmark.
  const std::chrono::sys_seconds now{std::chrono::seconds{1795510800}};
  platform::ManualClock clock(now);
  const auto config = app::default_config();
  {
    store::OpenReport report;  // creates and migrates the schema
    if (!store::Store::open(dir / "kiosk.db", report)) {
      std::fprintf(stderr, "store: %s\n", report.message.c_str());
      return 1;
    }
  }
  const auto fill_start = Steady::now();
  {
    Sqlite db(dir / "kiosk.db");
    db.exec("BEGIN");
    std::mt19937 random(42);
    const std::int64_t now_ms = now.time_since_epoch().count() * 1000LL;
    fill_tickets(db, now_ms, ticket_count, random);
    fill_answers(db, now_ms, answer_count, random);
    db.exec("COMMIT");
    db.exec("ANALYZE");
  }
  const double fill_s = std::chrono::duration<double>(Steady::now() - fill_start).count();

  const auto indexed = time_refreshes(dir, config, content, clock, refreshes);
  std::vector<double> scan;
  {
    Sqlite db(dir / "kiosk.db");
    scan =
        time_runs(refreshes, [&] { db.exec("SELECT count(*), sum(people_ahead) FROM tickets NOT INDEXED"); });
    db.exec(
        "DROP INDEX tickets_issued_at; DROP INDEX tickets_called_at; DROP INDEX tickets_done_at; "
        "DROP INDEX tickets_open; ANALYZE");
  }
  const auto without = time_refreshes(dir, config, content, clock, std::max(3, refreshes / 5));
  if (std::getenv("KIOSK_BENCH_KEEP") == nullptr) {
    std::filesystem::remove_all(dir);
  }
  if (indexed.tickets_today != without.tickets_today) {
    std::fprintf(stderr, "the figures differ without the indexes: %zu vs %zu check-ins\n",
                 indexed.tickets_today, without.tickets_today);
    return 1;
  }

  std::printf("store: %d tickets, %d survey answers (filled in %.1f s); %zu check-ins today\n\n",
              ticket_count, answer_count, fill_s, indexed.tickets_today);
  std::printf("| what (median of n) | ms | ratio to the full tickets scan |\n|---|---|---|\n");
  std::printf("| full scan of tickets, `count(*), sum()` (n=%zu) | %.1f | 1.00 |\n", scan.size(),
              median(scan));
  const auto row = [&](const char* what, const std::vector<double>& samples) {
    std::printf("| %s (n=%zu; fastest %.1f, slowest %.1f) | %.1f | %.2f |\n", what, samples.size(),
                samples.front(), samples.back(), median(samples), median(samples) / median(scan));
  };
  row("first refresh of the day: every fact of 30 days, 29 days rolled up", indexed.first);
  row("following refresh: roll-ups plus today's facts", indexed.following);
  row("first refresh, without the ticket time indexes", without.first);
  row("following refresh, without the ticket time indexes", without.following);
  return 0;
}
