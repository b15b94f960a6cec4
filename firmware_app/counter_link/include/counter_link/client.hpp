#pragma once
// A client of the counter link for the counter console and the now-serving display (libcurl).
//
// Guarantees:
// - HTTPS only; the link's certificate must chain to `ca_file` (the only trust anchor: the system's CAs
//   are not used) and name the host in `base_url`; TLS 1.2 or newer;
// - the bearer token goes in the Authorization header and nowhere else (never in a URL or a log);
// - every request is bounded by connect_timeout and total_timeout, and a reply body over 1 MiB is refused;
// - never throws for network or server trouble: LinkResult says what happened.
// One client per thread.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::counter_link {

struct LinkClientOptions {
  std::string base_url;  // "https://10.20.0.5:8765", no trailing slash
  std::filesystem::path ca_file;
  std::string token;
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{10000};
};

struct LinkResult {
  long status = 0;              // HTTP status; 0 when no reply arrived
  nlohmann::json body;          // the reply's JSON (null when none or unreadable)
  std::string text;             // the reply's body as received (the display hands it to its own parser)
  std::string transport_error;  // why no reply arrived (connection, TLS trust, timeout)
  std::optional<long> retry_after_seconds;

  bool ok() const { return transport_error.empty() && status == 200; }
  // The link's error name ("queue_empty"), or "transport" when nothing came back.
  std::string error() const;
  // One line for staff: the server's message, or the transport error.
  std::string message() const;
};

class LinkClient {
 public:
  explicit LinkClient(LinkClientOptions options);
  ~LinkClient();
  LinkClient(const LinkClient&) = delete;
  LinkClient& operator=(const LinkClient&) = delete;

  // `path` starts with "/" and may hold a query string.
  LinkResult get(const std::string& path);
  LinkResult post(const std::string& path, const nlohmann::json& body);

 private:
  LinkResult perform(const std::string& path, const std::string* post_body);
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// GET /v1/now-serving?after=SEQ&limit=N: what the now-serving display polls.
LinkResult fetch_now_serving(LinkClient& client, std::int64_t after_seq, std::size_t limit);

// Reads a token file: the first line, surrounding whitespace removed. Empty on failure, with `problem`.
// `warning` is set when the file can be read by group or others (the token acts for a counter).
std::string read_token_file(const std::filesystem::path& file, std::string& problem,
                            std::string* warning = nullptr);

}  // namespace kiosk::counter_link
