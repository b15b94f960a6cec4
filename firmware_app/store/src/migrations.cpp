// The store's schema, one numbered migration at a time. To change the schema, append a migration to
// k_migrations; never edit one that has shipped, because kiosks in the field already ran it.

#include "migrations.hpp"

#include <array>
#include <string>

#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store::detail {
namespace {

// Migration 1: the outbox, settings and device alarms.
// - outbox.seq is AUTOINCREMENT so a seq is never handed out twice, even after rows are purged; head office
//   relies on (kiosk, seq) being unique forever.
// - The (state, seq) index serves "next pending batch in seq order" and the per-state counts.
constexpr std::string_view k_schema_v1 = R"sql(
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  id         TEXT    NOT NULL UNIQUE,
  type       TEXT    NOT NULL,
  schema     INTEGER NOT NULL,
  at         TEXT    NOT NULL,
  data       TEXT    NOT NULL,
  state      TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sent', 'confirmed', 'quarantined')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT    NOT NULL
);
CREATE INDEX outbox_state_seq ON outbox (state, seq);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE device_alarms (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  detail     TEXT NOT NULL,
  cleared_at TEXT
);
)sql";

// Migration 2: customer records (tickets, complaints, surveys) and sealed outbox payloads.
// - Instants are INTEGER Unix milliseconds (UTC); local_day is the branch-local 'YYYY-MM-DD' that ticket
//   numbers restart on.
// - complaints.seq comes from `counters`, a row that only ever goes up, so a complaint seq (and the reference
//   printed from it) is never issued twice even if complaint rows are purged. `CHECK (value >= 0)` and the
//   UPDATE ... RETURNING in ComplaintRepository keep it one statement per allocation.
// - Customer text lives only in the sealed_* BLOBs (AES-256-GCM, see PiiCipher); nothing personal is in a
//   plaintext column. survey_responses holds no customer identifier at all.
// - outbox.sealed_data: events that carry personal data keep their body here, sealed; `data` is then ''.
// - Indexes: tickets_waiting serves "waiting today per service" and "people ahead"; tickets_called serves
//   "recent service times per service"; complaints_due serves the dashboard's deadline lists.
constexpr std::string_view k_schema_v2 = R"sql(
CREATE TABLE tickets (
  id             TEXT    PRIMARY KEY,
  service_id     TEXT    NOT NULL,
  local_day      TEXT    NOT NULL CHECK (local_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  number         INTEGER NOT NULL CHECK (number > 0),
  display        TEXT    NOT NULL,
  language       TEXT    NOT NULL,
  booking_code   TEXT,
  issued_at      INTEGER NOT NULL,
  people_ahead   INTEGER NOT NULL CHECK (people_ahead >= 0),
  quote_kind     TEXT    NOT NULL CHECK (quote_kind IN ('range', 'people_ahead_only', 'no_wait')),
  quote_low_min  INTEGER NOT NULL DEFAULT 0,
  quote_high_min INTEGER,
  status         TEXT    NOT NULL DEFAULT 'waiting'
                 CHECK (status IN ('waiting', 'called', 'served', 'no_show', 'transferred', 'cancelled')),
  called_at      INTEGER,
  served_at      INTEGER,
  done_at        INTEGER,
  counter        TEXT,
  UNIQUE (service_id, local_day, number)
);
CREATE INDEX tickets_waiting ON tickets (service_id, local_day, status, number);
CREATE INDEX tickets_called ON tickets (service_id, called_at);
CREATE INDEX tickets_display ON tickets (local_day, display);

CREATE TABLE ticket_counters (
  service_id  TEXT    PRIMARY KEY,
  local_day   TEXT    NOT NULL,
  last_number INTEGER NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE used_bookings (
  code      TEXT    PRIMARY KEY,
  ticket_id TEXT    NOT NULL REFERENCES tickets (id),
  used_at   INTEGER NOT NULL
);

CREATE TABLE counters (
  name  TEXT    PRIMARY KEY,
  value INTEGER NOT NULL CHECK (value >= 0)
);
INSERT INTO counters (name, value) VALUES ('complaint_seq', 0);

CREATE TABLE complaints (
  id                   TEXT    PRIMARY KEY,
  seq                  INTEGER NOT NULL UNIQUE CHECK (seq > 0),
  reference            TEXT    NOT NULL UNIQUE,
  product_id           TEXT    NOT NULL,
  issue_id             TEXT    NOT NULL,
  taxonomy_version     TEXT    NOT NULL,
  priority             TEXT    NOT NULL,
  language             TEXT    NOT NULL,
  received_at          INTEGER NOT NULL,
  ack_due_at           INTEGER NOT NULL,
  final_due_at         INTEGER NOT NULL,
  needs_extra_help     INTEGER NOT NULL CHECK (needs_extra_help IN (0, 1)),
  consent_given        INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
  consent_text_version TEXT,
  sealed_pii           BLOB,
  sealed_lookup        BLOB    NOT NULL,
  status               TEXT    NOT NULL,
  status_updated_at    INTEGER NOT NULL
);
CREATE INDEX complaints_due ON complaints (status, final_due_at);
CREATE INDEX complaints_received ON complaints (received_at);

CREATE TABLE complaint_status_history (
  id           INTEGER PRIMARY KEY,
  complaint_id TEXT    NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  status       TEXT    NOT NULL,
  note         TEXT    NOT NULL DEFAULT '',
  at           INTEGER NOT NULL,
  source       TEXT    NOT NULL
);
CREATE INDEX complaint_status_history_by_complaint ON complaint_status_history (complaint_id, at, id);

CREATE TABLE complaint_feedback (
  id             TEXT    PRIMARY KEY,
  complaint_id   TEXT    NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  answer         TEXT    NOT NULL,
  sealed_comment BLOB,
  at             INTEGER NOT NULL
);
CREATE INDEX complaint_feedback_by_complaint ON complaint_feedback (complaint_id, at);

CREATE TABLE survey_responses (
  id              TEXT    PRIMARY KEY,
  survey_id       TEXT    NOT NULL,
  survey_version  INTEGER NOT NULL,
  triggered_by    TEXT    NOT NULL,
  service_id      TEXT,
  language        TEXT    NOT NULL,
  answers_json    TEXT    NOT NULL CHECK (json_valid(answers_json)),
  submitted_at    INTEGER NOT NULL,
  probable_repeat INTEGER NOT NULL CHECK (probable_repeat IN (0, 1))
);
CREATE INDEX survey_responses_by_time ON survey_responses (submitted_at);
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id, submitted_at);

ALTER TABLE outbox ADD COLUMN sealed_data BLOB;
)sql";

// Migration 3: staff mode and the manager's dashboard.
// - staff_audit: one row per staff action (domain::staff::StaffAction names, which never change meaning),
//   written in the same transaction as its "staff.action" outbox event, whose id it keeps. slot_id and role
//   name the PIN slot that unlocked staff mode ('' when nobody was identified, e.g. a wrong PIN); no PIN
//   and no hash is ever stored here.
// - The dashboard reads tickets by the instant of each fact (issued, called, done), so each has an index;
//   the partial ones stay small because most rows have no call or no end yet. Waiting and called tickets
//   (the queue now) are found through tickets_open.
// - complaints_updated lets "open, or changed in the period" use an index for its second half.
constexpr std::string_view k_schema_v3 = R"sql(
CREATE TABLE staff_audit (
  id       INTEGER PRIMARY KEY,
  event_id TEXT    NOT NULL UNIQUE,
  at       INTEGER NOT NULL,
  slot_id  TEXT    NOT NULL DEFAULT '',
  role     TEXT    NOT NULL DEFAULT '',
  action   TEXT    NOT NULL,
  target   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX staff_audit_by_time ON staff_audit (at, id);

CREATE INDEX tickets_issued_at ON tickets (issued_at);
CREATE INDEX tickets_called_at ON tickets (called_at) WHERE called_at IS NOT NULL;
CREATE INDEX tickets_done_at ON tickets (done_at) WHERE done_at IS NOT NULL;
CREATE INDEX tickets_open ON tickets (status) WHERE status IN ('waiting', 'called');
CREATE INDEX complaints_updated ON complaints (status_updated_at);
)sql";

// Migration 4: the sync drainer's reads of a large backlog (issue 5 benchmark: 100,000 pending events).
// - outbox_pending_by_priority: the pending rows in the order they leave (store::k_outbox_priority_sql,
// copied
//   here letter for letter because SQLite matches an indexed expression by its text; a store test checks the
//   two are equal and that the drainer's query plan uses the index without a sort).
// - outbox_state_created: the oldest unconfirmed event for the sync status (min(created_at) per state) is
//   one index seek instead of a read of every pending row at each drainer cycle.
constexpr std::string_view k_schema_v4 = R"sql(
CREATE INDEX outbox_pending_by_priority ON outbox (
  (CASE WHEN substr(type, 1, 10) = 'complaint.' THEN 0 WHEN substr(type, 1, 7) = 'device.' OR substr(type, 1, 6) = 'kiosk.' OR substr(type, 1, 10) = 'telemetry.' THEN 2 ELSE 1 END),
  seq
) WHERE state = 'pending';
CREATE INDEX outbox_state_created ON outbox (state, created_at);
)sql";

// Migration 5: the counter console (issue 6).
// - tickets is rebuilt to add transferred_from (the id of the ticket a transfer closed, on the waiting entry
//   it created) and to make (service_id, local_day, number) unique only for printed tickets: a transfer
//   keeps the customer's printed number ("A007" now waiting for service B), which may equal a number of
//   service B's own. SQLite cannot drop a table constraint in place, hence the copy. used_bookings, the one
//   table that references tickets, is rebuilt beside it so the DROP never leaves a dangling reference
//   while foreign keys are on (the RENAME rewrites its REFERENCES to the new name). tickets.counter stays
//   TEXT holding the decimal counter number.
// - counter_states: one row per counter ever opened; services is a JSON array of service ids in staff's
//   order; local_day is the branch-local day of the last change (estimates trust counter states only when
//   one changed today).
// - counter_calls: the now-serving display's call log (calls and recalls). AUTOINCREMENT so a seq is never
//   handed out twice: the display asks for "calls after the last seq I showed".
constexpr std::string_view k_schema_v5 = R"sql(
CREATE TABLE tickets_v5 (
  id               TEXT    PRIMARY KEY,
  service_id       TEXT    NOT NULL,
  local_day        TEXT    NOT NULL CHECK (local_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  number           INTEGER NOT NULL CHECK (number > 0),
  display          TEXT    NOT NULL,
  language         TEXT    NOT NULL,
  booking_code     TEXT,
  issued_at        INTEGER NOT NULL,
  people_ahead     INTEGER NOT NULL CHECK (people_ahead >= 0),
  quote_kind       TEXT    NOT NULL CHECK (quote_kind IN ('range', 'people_ahead_only', 'no_wait')),
  quote_low_min    INTEGER NOT NULL DEFAULT 0,
  quote_high_min   INTEGER,
  status           TEXT    NOT NULL DEFAULT 'waiting'
                   CHECK (status IN ('waiting', 'called', 'served', 'no_show', 'transferred', 'cancelled')),
  called_at        INTEGER,
  served_at        INTEGER,
  done_at          INTEGER,
  counter          TEXT,
  transferred_from TEXT
);
INSERT INTO tickets_v5 (id, service_id, local_day, number, display, language, booking_code, issued_at,
                        people_ahead, quote_kind, quote_low_min, quote_high_min, status, called_at, served_at,
                        done_at, counter)
  SELECT id, service_id, local_day, number, display, language, booking_code, issued_at, people_ahead,
         quote_kind, quote_low_min, quote_high_min, status, called_at, served_at, done_at, counter
  FROM tickets;
CREATE TABLE used_bookings_v5 (
  code      TEXT    PRIMARY KEY,
  ticket_id TEXT    NOT NULL REFERENCES tickets_v5 (id),
  used_at   INTEGER NOT NULL
);
INSERT INTO used_bookings_v5 (code, ticket_id, used_at) SELECT code, ticket_id, used_at FROM used_bookings;
DROP TABLE used_bookings;
DROP TABLE tickets;
ALTER TABLE tickets_v5 RENAME TO tickets;
ALTER TABLE used_bookings_v5 RENAME TO used_bookings;

CREATE UNIQUE INDEX tickets_number ON tickets (service_id, local_day, number) WHERE transferred_from IS NULL;
CREATE INDEX tickets_waiting ON tickets (service_id, local_day, status, number);
CREATE INDEX tickets_called ON tickets (service_id, called_at);
CREATE INDEX tickets_display ON tickets (local_day, display);
CREATE INDEX tickets_issued_at ON tickets (issued_at);
CREATE INDEX tickets_called_at ON tickets (called_at) WHERE called_at IS NOT NULL;
CREATE INDEX tickets_done_at ON tickets (done_at) WHERE done_at IS NOT NULL;
CREATE INDEX tickets_open ON tickets (status) WHERE status IN ('waiting', 'called');

CREATE TABLE counter_states (
  counter    INTEGER PRIMARY KEY CHECK (counter > 0),
  open       INTEGER NOT NULL CHECK (open IN (0, 1)),
  services   TEXT    NOT NULL CHECK (json_valid(services) AND json_type(services) = 'array'),
  local_day  TEXT    NOT NULL CHECK (local_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at INTEGER NOT NULL
);

CREATE TABLE counter_calls (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id  TEXT    NOT NULL,
  number     TEXT    NOT NULL,
  service_id TEXT    NOT NULL,
  counter    INTEGER NOT NULL CHECK (counter > 0),
  at         INTEGER NOT NULL,
  recall     INTEGER NOT NULL CHECK (recall IN (0, 1)),
  local_day  TEXT    NOT NULL
);
CREATE INDEX counter_calls_by_day ON counter_calls (local_day, seq);
)sql";

constexpr std::array k_migrations{
    Migration{1, "outbox, meta, device_alarms", k_schema_v1},
    Migration{2, "tickets, complaints, surveys, sealed outbox payloads", k_schema_v2},
    Migration{3, "staff audit, dashboard indexes", k_schema_v3},
    Migration{4, "outbox index for the drainer's priority order", k_schema_v4},
    Migration{5, "counter console: transfers, counter states, call log", k_schema_v5},
};

}  // namespace

std::span<const Migration> migrations() {
  return k_migrations;
}

int latest_schema_version() {
  return k_migrations.back().version;
}

int read_user_version(Database& db) {
  Statement query(db, "PRAGMA user_version");
  query.step();
  return query.column_int(0);
}

void migrate(Database& db) {
  migrate_to(db, latest_schema_version());
}

void migrate_to(Database& db, int version) {
  const int current = read_user_version(db);
  for (const Migration& migration : k_migrations) {
    if (migration.version <= current || migration.version > version) {
      continue;
    }
    Transaction tx(db);
    db.exec(migration.sql);
    // PRAGMA takes no bound parameters; the version is our own constant.
    db.exec("PRAGMA user_version = " + std::to_string(migration.version));
    tx.commit();
  }
}

}  // namespace kiosk::store::detail
