#pragma once
// How sync is doing, for the manager dashboard, the retained MQTT birth message and logs. Writers (the
// drainer, the transports) update parts of it from their threads; readers take a consistent copy with
// snapshot(). All methods are thread-safe.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk::sync {

struct SyncStatusSnapshot {
  std::string transport;  // "mqtt", "https" or "" before start
  bool connected = false;
  std::string last_disconnect_reason;
  std::int64_t backlog = 0;      // pending + sent rows
  bool backlog_counted = false;  // the drainer has counted the outbox at least once
  std::int64_t in_flight_batches = 0;
  std::optional<std::chrono::seconds> oldest_unconfirmed_age;
  std::optional<std::chrono::system_clock::time_point> last_confirmation;
  std::int64_t confirmed_total = 0;  // rows confirmed since start
  std::int64_t quarantined = 0;      // rows in quarantine now
  std::int64_t shed_total = 0;       // telemetry rows dropped under the storage cap since start
  bool storage_alarm = false;        // backlog at or above 80 % of the cap
  bool trust_alarm = false;          // the last failure was a certificate or pin problem
  std::string trust_detail;
  std::optional<int> certificate_days_left;  // client certificate; negative when expired
};

class SyncStatus {
 public:
  SyncStatusSnapshot snapshot() const;

  void set_transport(std::string name);
  void set_connected(bool connected, std::string reason = {});
  void set_backlog(std::int64_t backlog, std::int64_t in_flight_batches,
                   std::optional<std::chrono::seconds> oldest_unconfirmed_age, bool storage_alarm);
  void set_quarantined(std::int64_t quarantined);
  void add_confirmed(std::int64_t rows, std::chrono::system_clock::time_point at);
  void add_shed(std::int64_t rows);
  void set_trust_alarm(bool alarm, std::string detail = {});
  void set_certificate_days_left(std::optional<int> days);

 private:
  mutable std::mutex m_mutex;
  SyncStatusSnapshot m_state;
};

// Whole days from `now` until the PEM certificate's notAfter (rounded down; negative once expired), or
// nullopt with `error` set when the file cannot be read or parsed.
std::optional<int> certificate_days_left(const std::filesystem::path& pem_file,
                                         std::chrono::system_clock::time_point now, std::string& error);

// Reads the client certificate's days left into `status` (nullopt, with a warning logged, if unreadable).
void record_certificate_days(const std::filesystem::path& pem_file, SyncStatus& status);

}  // namespace kiosk::sync
