#pragma once
// The kiosk's HTTPS reads from head office (libcurl, the same HttpsConfig as HttpsTransport: mutual TLS,
// pins, resolve, timeouts - the connection setup is shared code):
//   GET {base_url}/v1/bundles/{kind}?scope={scope}     If-None-Match: the ETag we hold -> 200 or 304
//   GET {base_url}/v1/complaint-status?kiosk={kiosk_id}&after={cursor}&limit={limit}
//
// Guarantees:
// - Never throws out of a fetch and never crashes on what the server sends: a body over max_body_bytes is
//   abandoned mid-transfer, a body that is not the expected document, a bundle of another kind or scope,
//   a status page for another kiosk or with cursors that do not move forward are all failures of kind
//   bad_body with a message naming the problem.
// - A fetched bundle is only checked for shape here (a SignedBundle whose bundle text names the asked
//   kind and scope); its signature, validity window and version are BundleStore's job.
// - The URL is always built from the asked (kind, scope), never from a pointer's path, so a pointer
//   cannot send the kiosk anywhere else.
// - cancel() (any thread) aborts a request in progress within about a second and makes every later
//   fetch fail at once with kind `cancelled`.
// Not thread-safe otherwise: one thread (the downstream poller) makes the requests.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sync/https_transport.hpp"
#include "sync/protocol/complaint_status.hpp"

namespace kiosk::sync {

enum class FetchFailure {
  none,
  transient,      // connection refused, timeout, 5xx, 429/503 (retry_after may be set): try again later
  trust_failure,  // server certificate or pin mismatch, our certificate unusable: long wait, alarm
  not_found,      // 404: nothing published for this kind and scope (yet)
  refused,        // another 4xx: head office will not give it to us (e.g. 403 wrong scope)
  bad_body,       // the answer is not what was asked for (too large, not the document, wrong kiosk/scope)
  cancelled,      // cancel() was called
};

std::string_view to_string(FetchFailure failure);

struct FetchError {
  FetchFailure kind = FetchFailure::none;
  std::string message;
  std::chrono::seconds retry_after{0};  // from Retry-After on 429/503, clamped to max_retry_after
};

struct BundleFetch {
  enum class Status { fetched, not_modified, failed };
  Status status = Status::failed;
  std::string body;  // fetched: the SignedBundle document as served
  std::string etag;  // fetched / not_modified: the ETag the server gave (may be empty)
  FetchError error;  // failed
};

struct StatusFetch {
  std::optional<protocol::ComplaintStatusPage> page;  // set on success
  FetchError error;
};

class DownstreamClient {
 public:
  static constexpr std::size_t k_default_max_body_bytes = 4 * 1024 * 1024;

  // Throws std::runtime_error if libcurl cannot be initialised. config.kiosk_id must be set.
  explicit DownstreamClient(HttpsConfig config, std::size_t max_body_bytes = k_default_max_body_bytes);
  ~DownstreamClient();
  DownstreamClient(const DownstreamClient&) = delete;
  DownstreamClient& operator=(const DownstreamClient&) = delete;

  // `etag` empty: no If-None-Match. kind and scope are validated before any request.
  BundleFetch fetch_bundle(std::string_view kind, std::string_view scope, std::string_view etag);
  // Changes with cursor > after, at most `limit` of them (head office may cap lower).
  StatusFetch fetch_complaint_status(std::uint64_t after, std::size_t limit);

  void cancel();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::sync
