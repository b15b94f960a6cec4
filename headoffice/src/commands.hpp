#pragma once
// The headoffice-ingest subcommands. Each returns the process exit code and prints its own errors.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::headoffice::cli {

struct ServeArgs {
  std::string mqtt_uri;      // empty: no MQTT
  std::string https_listen;  // HOST:PORT, empty: no HTTPS; port 0 picks one (printed)
  std::filesystem::path db;
  std::filesystem::path tls_dir;
  std::string client_id;
  std::chrono::milliseconds reorder_timeout{30'000};
};
int serve(const ServeArgs& args);

int report(const std::filesystem::path& db, bool json);
int register_kiosk(const std::filesystem::path& db, const std::string& kiosk, const std::string& branch);

struct PublishArgs {
  std::string kind;
  std::filesystem::path file;
  std::filesystem::path key;
  std::optional<std::string> branch;  // scope; "all" when absent
  std::filesystem::path db;
  std::string mqtt_uri;  // empty: store only
  std::filesystem::path tls_dir;
  int valid_days = 365;
};
int publish(const PublishArgs& args);

int complaint_status(const std::filesystem::path& db, const std::string& ref, const std::string& status,
                     const std::optional<std::string>& note);

}  // namespace kiosk::headoffice::cli
