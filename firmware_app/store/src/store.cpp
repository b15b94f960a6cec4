#include "store/store.hpp"

#include <optional>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "files.hpp"
#include "migrations.hpp"
#include "sqlite_access.hpp"
#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_recovery_alarm_kind = "store.recovered_from_corruption";
// quick_check can list thousands of broken pages; a handful is enough to say what happened.
constexpr std::size_t k_max_reported_problems = 5;

enum class Verdict { ready, damaged, too_new, unavailable };

// The result of one attempt to open the file as a store.
struct Attempt {
  Verdict verdict = Verdict::unavailable;
  std::optional<Database> db;  // only when ready
  std::string reason;
  int file_version = 0;  // user_version before migrating
  bool was_new = false;
};

std::vector<std::string> check_rows(Database& db, std::string_view pragma) {
  Statement check(db, pragma);
  std::vector<std::string> problems;
  while (check.step()) {
    std::string line = check.column_text(0);
    if (line != "ok") {
      problems.push_back(std::move(line));
    }
  }
  return problems;
}

std::string summarize(const std::vector<std::string>& problems) {
  std::string text;
  for (std::size_t i = 0; i < problems.size() && i < k_max_reported_problems; ++i) {
    text += (i == 0 ? "" : "; ") + problems[i];
  }
  if (problems.size() > k_max_reported_problems) {
    text += fmt::format("; ... {} more", problems.size() - k_max_reported_problems);
  }
  return text;
}

// Per-connection settings every connection to the store uses. secure_delete: purged personal data (already
// sealed) is overwritten with zeros in the file instead of lingering in free space until the page is reused.
constexpr std::string_view k_connection_pragmas =
    "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON";

std::int64_t pragma_int(Database& db, std::string_view pragma) {
  Statement query(db, pragma);
  return query.step() ? query.column_int64(0) : -1;
}

// WAL lets the sync thread read while the UI thread writes; synchronous=FULL makes a commit survive power
// loss. Both are checked after setting, because SQLite silently keeps the old mode when it cannot switch
// (WAL needs shared memory, which some file systems lack).
std::optional<std::string> configure(Database& db) {
  Statement journal(db, "PRAGMA journal_mode = WAL");
  const std::string mode = journal.step() ? journal.column_text(0) : std::string();
  if (mode != "wal") {
    return fmt::format("cannot switch '{}' to WAL journal mode (it stayed '{}')", db.path().string(), mode);
  }
  db.exec(k_connection_pragmas);
  if (pragma_int(db, "PRAGMA synchronous") != 2) {
    return fmt::format("'{}': PRAGMA synchronous = FULL did not take effect", db.path().string());
  }
  if (pragma_int(db, "PRAGMA foreign_keys") != 1) {
    return fmt::format("'{}': PRAGMA foreign_keys = ON did not take effect", db.path().string());
  }
  return std::nullopt;
}

void set_checkpoint_on_close(Database& db, bool enabled) {
  sqlite3_db_config(detail::DatabaseAccess::handle(db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, enabled ? 0 : 1,
                    nullptr);
}

bool is_corruption(const StoreError& error) {
  return error.primary_code() == SQLITE_CORRUPT || error.primary_code() == SQLITE_NOTADB;
}

// Nothing is written until the file is known to be ours, healthy and not from a newer program: reading
// user_version and quick_check come before the switch to WAL (which rewrites the header) and migrations.
Attempt open_database(const fs::path& file, const OpenOptions& options) {
  Attempt attempt;
  if (auto problem = detail::prepare_location(file)) {
    attempt.reason = std::move(*problem);
    return attempt;
  }
  const detail::FileInspection inspection = detail::inspect_database_file(file);
  switch (inspection.state) {
    case detail::FileState::unreadable:
      attempt.reason = inspection.reason;
      return attempt;
    case detail::FileState::damaged:
      attempt.verdict = Verdict::damaged;
      attempt.reason = inspection.reason;
      return attempt;
    case detail::FileState::fresh:
      attempt.was_new = true;
      break;
    case detail::FileState::sqlite:
      break;
  }
  try {
    Database db(file, OpenMode::read_write_create);
    // Closing the last connection normally copies the -wal into the file and deletes it. Until the file is
    // known to be healthy and ours, closing must leave both exactly as found (for forensics, or for the
    // newer program that owns them).
    set_checkpoint_on_close(db, false);
    db.set_busy_timeout(options.busy_timeout);
    if (db.is_read_only()) {
      attempt.reason = fmt::format("'{}' can only be opened read-only", file.string());
      return attempt;
    }
    attempt.file_version = detail::read_user_version(db);
    if (attempt.file_version > detail::latest_schema_version()) {
      attempt.verdict = Verdict::too_new;
      attempt.reason = fmt::format(
          "'{}' has schema version {}, newer than this program knows ({}); it was left untouched. "
          "Install the newer kiosk software again or move the file away.",
          file.string(), attempt.file_version, detail::latest_schema_version());
      return attempt;
    }
    if (const auto problems = check_rows(db, "PRAGMA quick_check"); !problems.empty()) {
      attempt.verdict = Verdict::damaged;
      attempt.reason = "quick_check failed: " + summarize(problems);
      return attempt;
    }
    if (auto problem = configure(db)) {
      attempt.reason = std::move(*problem);
      return attempt;
    }
    detail::migrate(db);
    if (options.max_page_count > 0) {
      // After migrating: the cap is for customer data, and a migration must not fail half way for it.
      db.exec("PRAGMA max_page_count = " + std::to_string(options.max_page_count));
    }
    set_checkpoint_on_close(db, true);
    attempt.db.emplace(std::move(db));
    attempt.verdict = Verdict::ready;
  } catch (const StoreError& error) {
    attempt.verdict = is_corruption(error) ? Verdict::damaged : Verdict::unavailable;
    attempt.reason = is_corruption(error) ? error.what()
                                          : fmt::format("cannot open '{}': {}", file.string(), error.what());
  }
  return attempt;
}

std::string opened_message(const fs::path& file, const Attempt& attempt) {
  const int latest = detail::latest_schema_version();
  if (attempt.was_new) {
    return fmt::format("created '{}' (schema version {})", file.string(), latest);
  }
  if (attempt.file_version < latest) {
    return fmt::format("opened '{}' and upgraded its schema from version {} to {}", file.string(),
                       attempt.file_version, latest);
  }
  return fmt::format("opened '{}' (schema version {})", file.string(), latest);
}

}  // namespace

Store::Store(Database db) : m_db(std::move(db)), m_outbox(m_db), m_meta(m_db), m_ids(m_random) {}

Store::~Store() = default;

int Store::known_schema_version() {
  return detail::latest_schema_version();
}

std::unique_ptr<Store> Store::open(const fs::path& db_file, OpenReport& report) {
  return open(db_file, report, OpenOptions{});
}

std::unique_ptr<Store> Store::open(const fs::path& db_file, OpenReport& report, const OpenOptions& options) {
  report = OpenReport{};
  try {
    Attempt attempt = open_database(db_file, options);
    switch (attempt.verdict) {
      case Verdict::ready:
        report.outcome = attempt.was_new ? OpenOutcome::created : OpenOutcome::opened;
        report.message = opened_message(db_file, attempt);
        report.schema_version = detail::latest_schema_version();
        return std::unique_ptr<Store>(new Store(std::move(*attempt.db)));
      case Verdict::too_new:
        report.schema_version = attempt.file_version;
        report.message = std::move(attempt.reason);
        return nullptr;
      case Verdict::unavailable:
        report.message = std::move(attempt.reason);
        return nullptr;
      case Verdict::damaged:
        break;
    }

    // Damaged: keep the old file for forensics, start a fresh store, and raise an alarm in it.
    const auto now = options.clock ? options.clock() : std::chrono::system_clock::now();
    const detail::MoveAside moved = detail::move_aside(db_file, now);
    if (!moved.error.empty()) {
      report.message = fmt::format("'{}' is damaged ({}), and moving it aside failed: {}", db_file.string(),
                                   attempt.reason, moved.error);
      return nullptr;
    }
    report.moved_aside_to = moved.moved_to;
    Attempt fresh = open_database(db_file, options);
    if (fresh.verdict != Verdict::ready) {
      report.message = fmt::format(
          "'{}' was damaged ({}) and was moved to '{}', but a new database could not "
          "be created: {}",
          db_file.string(), attempt.reason, moved.moved_to.string(), fresh.reason);
      return nullptr;
    }
    std::unique_ptr<Store> store(new Store(std::move(*fresh.db)));
    const std::string message =
        fmt::format("'{}' was damaged ({}); it was moved to '{}' and a new empty database was created",
                    db_file.string(), attempt.reason, moved.moved_to.string());
    store->record_alarm(k_recovery_alarm_kind, message, std::chrono::floor<std::chrono::milliseconds>(now));
    report.outcome = OpenOutcome::recovered_from_corruption;
    report.message = message;
    report.schema_version = detail::latest_schema_version();
    return store;
  } catch (const std::exception& error) {
    const fs::path moved_aside_to = report.moved_aside_to;
    report = OpenReport{};
    report.moved_aside_to = moved_aside_to;
    report.message = fmt::format("cannot open the store at '{}': {}", db_file.string(), error.what());
    return nullptr;
  }
}

std::string Store::new_event_id(std::chrono::system_clock::time_point now) {
  return m_ids.next(now).to_string();
}

std::int64_t Store::record_alarm(std::string_view kind, std::string_view detail, domain::EventTime now) {
  Transaction tx(m_db);
  Statement insert(m_db, "INSERT INTO device_alarms (at, kind, detail) VALUES (?1, ?2, ?3)");
  insert.bind_text(1, domain::format_rfc3339_utc(now));
  insert.bind_text(2, kind);
  insert.bind_text(3, detail);
  insert.run();
  const std::int64_t alarm_id = m_db.last_insert_rowid();

  // Paths are bytes, not necessarily UTF-8: replace what JSON cannot carry rather than fail the alarm.
  const nlohmann::json data = {{"alarm_id", alarm_id}, {"kind", kind}, {"detail", detail}};
  domain::EventRecord event;
  event.id = new_event_id(now);
  event.type = "device.alarm";
  event.schema = 1;
  event.at = now;
  event.data_json = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  m_outbox.append(tx, event);
  tx.commit();
  return alarm_id;
}

Database Store::open_secondary(const fs::path& db_file) {
  return open_secondary(db_file, SecondaryOptions{});
}

Database Store::open_secondary(const fs::path& db_file, const SecondaryOptions& options) {
  // read_write (no create): a missing file is an error here, never a new empty store.
  Database db(db_file, OpenMode::read_write);
  db.set_busy_timeout(options.busy_timeout);
  const int version = detail::read_user_version(db);
  if (version != detail::latest_schema_version()) {
    throw StoreError(SQLITE_ERROR,
                     fmt::format("'{}' has schema version {}, this program needs exactly {}; open it with "
                                 "Store::open first (a secondary connection never migrates)",
                                 db_file.string(), version, detail::latest_schema_version()),
                     "");
  }
  // Reading journal_mode does not change it; a secondary must not switch a file the primary configured.
  Statement journal(db, "PRAGMA journal_mode");
  const std::string mode = journal.step() ? journal.column_text(0) : std::string();
  journal.reset();
  if (mode != "wal") {
    throw StoreError(SQLITE_ERROR,
                     fmt::format("'{}' is in '{}' journal mode, not WAL; open it with Store::open first",
                                 db_file.string(), mode),
                     "");
  }
  db.exec(k_connection_pragmas);
  return db;
}

std::int64_t Store::set_max_page_count(std::int64_t pages) {
  return pragma_int(m_db, "PRAGMA max_page_count = " + std::to_string(pages));
}

std::int64_t Store::page_count() {
  return pragma_int(m_db, "PRAGMA page_count");
}

std::int64_t Store::page_size() {
  return pragma_int(m_db, "PRAGMA page_size");
}

IntegrityReport Store::integrity_check() {
  IntegrityReport report;
  report.problems = check_rows(m_db, "PRAGMA integrity_check");
  report.ok = report.problems.empty();
  return report;
}

}  // namespace kiosk::store
