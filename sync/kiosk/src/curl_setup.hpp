#pragma once
// libcurl settings shared by every request the kiosk makes to head office (POST /v1/events in
// HttpsTransport, the GETs of DownstreamClient), so the two can never drift apart on trust or timeouts.
//
// apply_connection_options() guarantees, for one easy handle:
// - https only; the server chain must lead to config.ca_file and name the host (VERIFYPEER, VERIFYHOST 2);
//   TLS 1.2 or newer; the kiosk's client certificate and key are presented (mutual TLS); no TLS session
//   resumption (see the .cpp for the server bug that makes it fail);
// - with config.pinned_public_keys set, the server key must match one of them;
// - config.resolve entries are used instead of DNS;
// - connect_timeout, total_timeout and the low-speed limit bound every request;
// - no signals (threads), and the request is abandoned within about a second once *abort is true;
// - the response body is collected into a BodyBuffer that refuses (aborts the transfer) past its limit.
// Internal to kiosk_sync.

#include <curl/curl.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "sync/https_transport.hpp"

namespace kiosk::sync::curl {

// curl_global_init once per process. Throws std::runtime_error if libcurl cannot be initialised.
void init_once();

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using List = std::unique_ptr<curl_slist, SlistDeleter>;
// Appends `value`; on allocation failure the list stays as it was.
void append(List& list, const std::string& value);

// "pin1;pin2" as CURLOPT_PINNEDPUBLICKEY wants it; empty without pins.
std::string join_pins(const std::vector<std::string>& pins);

// Certificate and key problems: retrying soon cannot help, and someone has to look.
bool is_trust_failure(CURLcode code);

// A response body with a size limit. overflowed is set when the server sent more than `limit` bytes; the
// transfer was then aborted (CURLE_WRITE_ERROR) and `data` holds only a prefix.
struct BodyBuffer {
  explicit BodyBuffer(std::size_t max_bytes) : limit(max_bytes) {}
  std::size_t limit;
  std::string data;
  bool overflowed = false;
};

// What one handle needs to live as long as the request: the resolve list and the error text buffer.
class Connection {
 public:
  explicit Connection(const HttpsConfig& config);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // curl_easy_reset(handle), then every option listed at the top of this file. `abort` and `body` must
  // outlive the request. The caller adds URL, method, headers and body afterwards.
  void apply_connection_options(CURL* handle, const std::atomic<bool>& abort, BodyBuffer& body);

  // curl_easy_strerror plus libcurl's detail for the last request on this handle.
  std::string describe(CURLcode code) const;

 private:
  const HttpsConfig& m_config;
  std::string m_pins;
  List m_resolve;
  char m_error[CURL_ERROR_SIZE] = {};
};

}  // namespace kiosk::sync::curl
