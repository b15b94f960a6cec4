#pragma once
// The counter link server: HTTPS on the branch LAN inside `branch-kiosk run`, for counter consoles and
// now-serving displays (docs/architecture.md, "Counter link").
//
// Guarantees:
// - Its own threads (cpp-httplib's listener and worker pool) and its own store connection
//   (Store::open_secondary: it never creates, migrates or repairs the file the kiosk opened): the UI thread
//   is never blocked by a console, and the link never touches the UI's connection.
// - Requests that reach the queue are serialised onto one app::CounterDesk with one mutex; the desk's
//   conditional updates keep two counters from calling one ticket even across processes.
// - TLS only (the configured certificate and key); every request passes LinkGate first (gate.hpp); every
//   response, refusals included, is a JSON document; bodies over k_max_body_bytes are refused.
// - The destructor stops listening and joins its threads; requests in progress finish first.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::platform {
class Clock;
}

namespace kiosk::counter_link {

struct LinkServerOptions {
  std::string host;  // address to bind: "0.0.0.0", "127.0.0.1", "::1", a host name
  int port = 0;
  std::filesystem::path tls_cert;        // PEM
  std::filesystem::path tls_key;         // PEM
  std::vector<std::string> tokens;       // counters.tokens entries
  std::filesystem::path database;        // kiosk.db, already created and migrated by the kiosk
  std::vector<std::string> service_ids;  // the catalog's services (open and transfer check against them)
  std::string time_zone;                 // the branch's IANA zone
  // Called on a link thread after each committed counter action (wakes the sync drainer); may be empty.
  std::function<void()> on_commit;
};

// Splits config counters.listen ("host:port", "[v6]:port") into host and port; false when malformed.
bool split_listen_address(const std::string& listen, std::string& host, int& port);

class CounterLinkServer {
 public:
  // Binds, then serves on its own thread. On failure returns nullptr and says why in `problem`.
  static std::unique_ptr<CounterLinkServer> start(LinkServerOptions options, const platform::Clock& clock,
                                                  std::string& problem);
  ~CounterLinkServer();
  CounterLinkServer(const CounterLinkServer&) = delete;
  CounterLinkServer& operator=(const CounterLinkServer&) = delete;

  // Head office sent a new catalog. Thread-safe.
  void set_known_service_ids(std::vector<std::string> ids);

  struct Impl;

 private:
  explicit CounterLinkServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::counter_link
