#pragma once
// The staff desk: everything staff mode owns, on the UI thread. It holds the StaffGate (domain rules: 5
// wrong PINs lock the pad for 5 minutes, 2 minutes without a staff touch relock, a customer session
// relocks at once, staff mode never survives a restart), the PIN being typed, the check of a typed PIN
// against the configured hashes, the dashboard figures and the CSV export.
//
// Guarantees:
// - Never throws. A failed store write is logged; the gate's decision still stands (failing closed).
// - A typed PIN lives only in this object until it is submitted; it is never logged or stored. The
//   check (PBKDF2, ~0.1 s per slot) runs on a worker thread; poll() takes its verdict.
// - Every staff action (domain::staff::audit_action of each gate event, and each export) is one
//   transaction: a staff_audit row and its "staff.action" outbox event for head office. The gate's lock
//   state is saved whenever it changes, so a restart does not reset a lockout.
// - The dashboard is computed from the store when staff mode opens and when staff ask to refresh it,
//   never while customers use the kiosk.
// - The device tab's health (printer, disk, database size, outbox, and what the provider gives of sync and
//   the counter link) is read at the same moments and when the device tab is selected, never per frame.

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/customer_desk.hpp"
#include "app/device_health.hpp"
#include "domain/dashboard/dashboard.hpp"
#include "domain/staff/audit.hpp"
#include "domain/staff/staff_gate.hpp"

namespace kiosk::platform {
class Clock;
}
namespace kiosk::store {
class Store;
class PiiCipher;
class Transaction;
}  // namespace kiosk::store

namespace kiosk::app {

struct DeskContent;
class PrintCoordinator;

// What the PIN pad shows besides the keys.
enum class PinPadNotice {
  none,
  wrong_pin,  // the last PIN was wrong; StaffDesk::tries_left() says how many remain
  locked,     // too many wrong PINs; StaffDesk::locked_until() says until when
};

// A complaint's acknowledgement made again for printing, with its new lookup code.
struct AcknowledgementReprint {
  ComplaintReceipt receipt;
  // What the acknowledgement prints besides the receipt: product, issue, the description (empty once the
  // personal data was purged) and the language the customer used.
  ComplaintSubmission details;
};

// The last reprint while staff mode is open: staff read the new code off the screen when the printer
// fails ("printer unavailable - give the customer the reference and this code").
struct LastReprint {
  std::string reference;
  std::string lookup_code;
  std::optional<std::uint64_t> print_job;  // nullopt: nothing was sent to a printer
};

struct CsvExportResult {
  bool ok = false;
  std::filesystem::path file;  // the written file when ok
  std::string error;           // for staff and the log when not ok (no customer data in it)
};

class StaffDesk {
 public:
  static constexpr std::size_t k_max_pin_digits = 8;

  // `content` gives the service order and survey definitions the dashboard needs; it must outlive the
  // desk. `key_file` is the PII key (loaded, never created): without it the export leaves contact
  // columns empty. `export_dir` is staff.export_dir resolved against the data directory. Reads the
  // persisted lock state from the store.
  StaffDesk(store::Store& store, const KioskConfig& config, const DeskContent& content,
            const platform::Clock& clock, const std::filesystem::path& key_file,
            std::filesystem::path export_dir);
  ~StaffDesk();
  StaffDesk(const StaffDesk&) = delete;
  StaffDesk& operator=(const StaffDesk&) = delete;

  // False when no PIN slot is configured: the corner hold then does nothing.
  bool enabled() const { return !m_slots.empty(); }
  // The PIN slots from the running config (staff.pin_hashes, e.g. a head-office config bundle), replacing
  // the ones in use. Staff mode signed in with a slot that is gone or changed closes at once (audited as
  // signed out, target "pin_slots_replaced"); a PIN check still running counts only against a slot that is
  // still there unchanged.
  void replace_pin_slots(const std::vector<std::string>& pin_hashes);
  domain::staff::StaffMode mode() const { return m_gate.mode(); }
  // True while the PIN pad (or its lockout notice) is on screen.
  bool pin_pad_visible() const;
  bool unlocked() const { return m_gate.mode() == domain::staff::StaffMode::unlocked; }
  const domain::staff::StaffActor& actor() const { return m_actor; }

  // The PIN pad.
  void request_pin();  // the corner hold was recognised
  void cancel_pin();   // closes the pad (or the lockout notice)
  void type_digit(char digit);
  void erase_digit();
  void submit_pin();  // starts the check; ignored while one runs or with no digits
  std::size_t typed_digits() const { return m_pin.size(); }
  bool checking() const { return m_check.valid(); }
  PinPadNotice notice() const { return m_notice; }
  int tries_left() const { return m_gate.tries_left(); }
  std::optional<domain::EventTime> locked_until() const { return m_gate.lock_state().locked_until; }

  // Staff mode.
  // Staff touched something: false when staff mode has closed (the action must be refused).
  bool staff_input();
  void sign_out();
  void customer_session_started();
  // The dashboard tab on screen ("queue", "today", "satisfaction", "complaints", "trend", "device").
  const std::string& dashboard_tab() const { return m_tab; }
  void select_tab(const std::string& tab);
  // Screenshots only: computes the figures without opening staff mode (the gate stays closed, so no staff
  // action is accepted).
  void preview_dashboard() { refresh_dashboard(); }
  // Recomputes the dashboard from the store (staff asked to refresh).
  void refresh_dashboard();
  // Between customers (KioskApp::tick): once per branch-local day, at start and after each midnight,
  // saves the closed days' trend points (the expensive part of a day's first refresh, ~0.2 s with a year
  // of a busy branch), so staff opening the dashboard wait only for today's facts. Nothing of the figures
  // is kept. True when it ran.
  bool roll_up_closed_days();
  const domain::dashboard::Dashboard* dashboard() const { return m_dashboard ? &*m_dashboard : nullptr; }
  // The complaint facts the dashboard was computed from (ComplaintFigures::open_by_deadline indexes them).
  const std::vector<domain::dashboard::ComplaintFact>& complaint_facts() const { return m_complaint_facts; }

  // The device tab. The printer (may be null: none) and the provider (may be empty: no sync runner and
  // no counter link known) must outlive the desk or be replaced before they go; the composition root
  // clears the provider before it stops sync.
  void attach_printer(const PrintCoordinator* printing) { m_printing = printing; }
  void set_device_health_provider(DeviceHealthProvider provider) { m_health_provider = std::move(provider); }
  // Reads the device's health now (also part of refresh_dashboard()).
  void refresh_device_health();
  const std::optional<DeviceHealth>& device_health() const { return m_device; }
  domain::EventTime dashboard_at() const { return m_dashboard_at; }
  const DeskContent& content() const { return m_content; }
  const KioskConfig& config() const { return m_config; }
  // Writes two CSV files (RFC 4180: CRLF, fields quoted when needed, UTF-8 without a byte-order mark)
  // into the export folder: "<stem>-figures.csv" (section, day, service, figure, value; the device tab's
  // last reading is section "device") and
  // "<stem>-complaints.csv" (the open complaints by deadline, contact details masked). Audited as
  // csv_exported with the stem as target. `file` in the result is the figures file.
  CsvExportResult export_csv();
  const std::optional<CsvExportResult>& last_export() const { return m_last_export; }

  // The complaints list (open complaints, earliest deadline first) starts at this entry of
  // Dashboard::complaints.open_by_deadline; staff page through it.
  std::size_t complaints_from() const { return m_complaints_from; }
  void show_complaints_from(std::size_t first);
  // Gives complaint `complaint_id` a new lookup code (the lost receipt's code stops working) and audits
  // acknowledgement_reprinted with its reference, in one transaction. nullopt (logged) for a complaint not
  // in the dashboard's list, without the PII key, or when the store fails; nothing changes then.
  std::optional<AcknowledgementReprint> reprint_acknowledgement(std::string_view complaint_id);
  // The printer job the reprint went to (nullopt: no printer).
  void reprint_sent(std::optional<std::uint64_t> print_job);
  const std::optional<LastReprint>& last_reprint() const { return m_last_reprint; }

  // Applies due timeouts and a finished PIN check. True when something visible changed.
  bool poll();
  // How long until poll() may have something to do; nullopt when nothing is pending.
  std::optional<std::chrono::milliseconds> time_to_next_change() const;

 private:
  domain::EventTime now() const;
  struct DashboardReading {
    domain::dashboard::Dashboard board;
    std::vector<domain::dashboard::ComplaintFact> complaints;
  };
  // Reads the facts, computes the figures at `at` and saves new roll-ups; nullopt (logged) when the
  // store fails.
  std::optional<DashboardReading> read_dashboard(domain::EventTime at);
  // Audits the step's action (if it is one) and saves the lock state if it changed, in one transaction.
  void record(const domain::staff::GateStep& step, const domain::staff::StaffActor& actor);
  void audit(domain::staff::StaffAction action, const domain::staff::StaffActor& actor, std::string target,
             bool save_lock_state);
  // The audit row and its outbox event, in the caller's transaction.
  void append_audit(store::Transaction& transaction, domain::staff::StaffAction action,
                    const domain::staff::StaffActor& actor, std::string target);
  void after_step(const domain::staff::GateStep& step, const domain::staff::StaffActor& actor_before);
  // Once staff mode has closed: drops the signed-in actor and everything the staff screens showed.
  void forget_staff_view();

  store::Store& m_store;
  KioskConfig m_config;
  const DeskContent& m_content;
  const platform::Clock& m_clock;
  std::unique_ptr<store::PiiCipher> m_cipher;
  std::vector<StaffPinSlot> m_slots;
  domain::staff::StaffGate m_gate;
  domain::staff::StaffLockState m_saved_lock;
  domain::staff::StaffActor m_actor;                 // who unlocked staff mode; empty unless unlocked
  std::string m_pin;                                 // digits typed so far
  std::future<std::optional<StaffPinSlot>> m_check;  // the matching slot, as it was when the check began
  PinPadNotice m_notice = PinPadNotice::none;
  bool m_lock_notice_open = false;
  std::filesystem::path m_export_dir;
  std::optional<domain::dashboard::Dashboard> m_dashboard;
  std::vector<domain::dashboard::ComplaintFact> m_complaint_facts;
  domain::EventTime m_dashboard_at{};
  std::optional<CsvExportResult> m_last_export;
  std::string m_tab = "queue";
  std::size_t m_complaints_from = 0;
  std::optional<domain::EventTime> m_rollups_due;  // when roll_up_closed_days next has work; nullopt: now
  std::optional<LastReprint> m_last_reprint;
  const PrintCoordinator* m_printing = nullptr;
  DeviceHealthProvider m_health_provider;
  std::optional<DeviceHealth> m_device;
};

}  // namespace kiosk::app
