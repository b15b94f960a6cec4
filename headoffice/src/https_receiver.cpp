#include "headoffice/https_receiver.hpp"

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include <array>
#include <charconv>

#include "headoffice/downstream.hpp"
#include "headoffice/registry.hpp"
#include "store/error.hpp"
#include "sync/protocol/ack.hpp"
#include "sync/protocol/batch.hpp"

namespace kiosk::headoffice {

namespace protocol = sync::protocol;

namespace {

constexpr std::size_t max_status_page = 500;

// The CN of the client certificate the TLS layer already verified against the kiosks' CA.
std::string peer_common_name(const httplib::Request& request) {
  if (request.ssl == nullptr) {
    return {};
  }
  X509* cert = SSL_get1_peer_certificate(request.ssl);
  if (cert == nullptr) {
    return {};
  }
  std::array<char, 256> cn{};
  int length = X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn.data(),
                                         static_cast<int>(cn.size()));
  X509_free(cert);
  return length > 0 ? std::string(cn.data(), static_cast<std::size_t>(length)) : std::string();
}

void send_error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}

void send_retry(httplib::Response& response, int status, int seconds, const std::string& message) {
  response.set_header("Retry-After", std::to_string(seconds));
  send_error(response, status, message);
}

class InFlight {
 public:
  explicit InFlight(std::atomic<int>& counter) : m_counter(counter) { m_value = ++m_counter; }
  ~InFlight() { --m_counter; }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;
  int value() const { return m_value; }

 private:
  std::atomic<int>& m_counter;
  int m_value = 0;
};

}  // namespace

struct HttpsReceiver::Impl {
  Impl(IngestService& s, HttpsOptions o) : service(s), options(std::move(o)) {}

  IngestService& service;
  HttpsOptions options;
  std::unique_ptr<httplib::SSLServer> server;
  std::atomic<int> in_flight{0};

  void post_events(const httplib::Request& request, httplib::Response& response) {
    InFlight guard(in_flight);
    if (guard.value() > options.max_in_flight) {
      send_retry(response, 429, 1, "too many batches in flight");
      return;
    }
    const std::string kiosk = peer_common_name(request);
    if (kiosk.empty()) {
      send_error(response, 401, "no verified client certificate");
      return;
    }
    if (!request.has_header("Idempotency-Key")) {
      send_error(response, 400, "Idempotency-Key header (the batch_id) is required");
      return;
    }
    SenderIdentity sender{kiosk, std::nullopt, request.get_header_value("Idempotency-Key")};
    std::optional<IngestResult> result;
    try {
      result = service.try_ingest(request.body, sender, std::chrono::seconds(5));
    } catch (const store::StoreError& error) {
      spdlog::error("https: batch from {} not stored: {}", kiosk, error.what());
      send_retry(response, 503, 5, "head office could not store the batch");
      return;
    }
    if (!result) {
      send_retry(response, 503, 1, "head office is busy");
      return;
    }
    switch (result->status) {
      case IngestStatus::acked:
      case IngestStatus::replayed:
        response.set_content(protocol::serialize_ack(result->ack), "application/json");
        return;
      case IngestStatus::key_conflict:
        send_error(response, 422, result->error);
        return;
      case IngestStatus::rejected:
        spdlog::warn("https: batch from {} rejected: {}", kiosk, result->error);
        send_error(response, 403, result->error);
        return;
      case IngestStatus::invalid:
        spdlog::warn("https: unreadable batch from {}: {}", kiosk, result->error);
        send_error(response, 400, result->error);
        return;
    }
  }

  void get_bundle(const httplib::Request& request, httplib::Response& response) {
    const std::string kiosk = peer_common_name(request);
    const std::string kind = request.matches.size() > 1 ? request.matches[1].str() : std::string();
    const std::string scope = request.get_param_value("scope");
    auto bundle = service.with_db([&](store::Database& db) -> std::optional<StoredBundle> {
      const auto branch = KioskRegistry(db).branch_of(kiosk);
      if (scope != "all" && scope != kiosk && (!branch || scope != *branch)) {
        return std::nullopt;
      }
      return BundleStore(db).latest(kind, scope);
    });
    if (!bundle) {
      send_error(response, 404, "no bundle " + kind + " for scope " + scope);
      return;
    }
    response.set_header("ETag", bundle->etag);
    if (request.get_header_value("If-None-Match") == bundle->etag) {
      response.status = 304;
      return;
    }
    response.set_content(bundle->signed_text, "application/json");
  }

  void get_complaint_status(const httplib::Request& request, httplib::Response& response) {
    const std::string kiosk = peer_common_name(request);
    if (request.get_param_value("kiosk") != kiosk) {
      send_error(response, 403, "a kiosk reads only its own complaint status");
      return;
    }
    std::uint64_t after = 0;
    const std::string after_text = request.get_param_value("after");
    if (!after_text.empty()) {
      auto [end, error] = std::from_chars(after_text.data(), after_text.data() + after_text.size(), after);
      if (error != std::errc() || end != after_text.data() + after_text.size()) {
        send_error(response, 400, "after: must be a cursor (non-negative integer)");
        return;
      }
    }
    auto page = service.with_db(
        [&](store::Database& db) { return ComplaintStatusLog(db).page(kiosk, after, max_status_page); });
    response.set_content(protocol::serialize_complaint_status_page(page), "application/json");
  }
};

HttpsReceiver::HttpsReceiver(IngestService& service, HttpsOptions options)
    : m_impl(std::make_unique<Impl>(service, std::move(options))) {}

HttpsReceiver::~HttpsReceiver() {
  stop();
}

std::string HttpsReceiver::start() {
  const auto& tls = m_impl->options.tls;
  if (auto missing = tls.missing(); !missing.empty()) {
    return "TLS file missing: " + missing;
  }
  // Giving a client CA makes cpp-httplib require and verify a client certificate (SSL_VERIFY_PEER |
  // SSL_VERIFY_FAIL_IF_NO_PEER_CERT): no certificate, another CA or an expired one fail the handshake.
  m_impl->server = std::make_unique<httplib::SSLServer>(tls.cert.c_str(), tls.key.c_str(), tls.ca.c_str());
  auto& server = *m_impl->server;
  if (!server.is_valid()) {
    return "could not load the HTTPS certificate, key or client CA";
  }
  server.set_tcp_nodelay(true);
  // cpp-httplib closes a connection after 5 requests by default; a draining kiosk would then pay a mutual-TLS
  // handshake every 5 batches (measured: 477 handshakes for 2,381 batches).
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(30);
  server.set_payload_max_length(protocol::max_accepted_batch_bytes);
  server.set_read_timeout(std::chrono::seconds(10));
  Impl* impl = m_impl.get();
  server.Post("/v1/events", [impl](const httplib::Request& request, httplib::Response& response) {
    impl->post_events(request, response);
  });
  server.Get(R"(/v1/bundles/([a-z0-9_]{1,32}))",
             [impl](const httplib::Request& request, httplib::Response& response) {
               impl->get_bundle(request, response);
             });
  server.Get("/v1/complaint-status", [impl](const httplib::Request& request, httplib::Response& response) {
    impl->get_complaint_status(request, response);
  });
  const auto& host = m_impl->options.host;
  if (m_impl->options.port == 0) {
    m_port = server.bind_to_any_port(host);
  } else {
    m_port = server.bind_to_port(host, m_impl->options.port) ? m_impl->options.port : -1;
  }
  if (m_port <= 0) {
    return "could not bind HTTPS to " + host + ":" + std::to_string(m_impl->options.port);
  }
  m_thread = std::thread([&server] { server.listen_after_bind(); });
  return {};
}

void HttpsReceiver::stop() {
  if (m_impl && m_impl->server) {
    m_impl->server->stop();
  }
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

}  // namespace kiosk::headoffice
