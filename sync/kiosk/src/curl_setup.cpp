#include "curl_setup.hpp"

#include <mutex>
#include <stdexcept>

namespace kiosk::sync::curl {
namespace {

size_t collect_body(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<BodyBuffer*>(user);
  const size_t bytes = size * count;
  if (body->data.size() + bytes > body->limit) {
    // Returning less than `bytes` makes libcurl abort: a body this large is refused, not buffered.
    body->overflowed = true;
    return 0;
  }
  body->data.append(data, bytes);
  return bytes;
}

int check_abort(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

}  // namespace

void init_once() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (result != CURLE_OK) {
    throw std::runtime_error(std::string("libcurl init failed: ") + curl_easy_strerror(result));
  }
}

void append(List& list, const std::string& value) {
  curl_slist* grown = curl_slist_append(list.get(), value.c_str());
  if (grown != nullptr) {
    static_cast<void>(list.release());
    list.reset(grown);
  }
}

std::string join_pins(const std::vector<std::string>& pins) {
  std::string joined;
  for (const auto& pin : pins) {
    joined += (joined.empty() ? "" : ";") + pin;
  }
  return joined;
}

bool is_trust_failure(CURLcode code) {
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
      return true;
    default:
      return false;
  }
}

Connection::Connection(const HttpsConfig& config)
    : m_config(config), m_pins(join_pins(config.pinned_public_keys)) {
  for (const auto& entry : config.resolve) {
    append(m_resolve, entry);
  }
}

void Connection::apply_connection_options(CURL* handle, const std::atomic<bool>& abort, BodyBuffer& body) {
  curl_easy_reset(handle);
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "https");
  if (m_resolve) {
    curl_easy_setopt(handle, CURLOPT_RESOLVE, m_resolve.get());
  }
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // any encoding curl can decode
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_config.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(m_config.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, m_config.low_speed_bytes_per_second);
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_config.low_speed_time.count()));
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &collect_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &check_abort);
  // libcurl takes a non-const pointer but check_abort only reads it.
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(&abort));
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, m_error);
  m_error[0] = '\0';

  curl_easy_setopt(handle, CURLOPT_CAINFO, m_config.ca_file.c_str());
  curl_easy_setopt(handle, CURLOPT_SSLCERT, m_config.cert_file.c_str());
  curl_easy_setopt(handle, CURLOPT_SSLKEY, m_config.key_file.c_str());
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  // No TLS session resumption: cpp-httplib's SSLServer verifies client certificates without setting a
  // session id context, and OpenSSL then answers a resumed handshake with an "internal error" alert, so
  // every new connection after the first would fail (seen as "tlsv1 alert internal error"). A full
  // handshake per new connection costs little at a kiosk's request rate.
  curl_easy_setopt(handle, CURLOPT_SSL_SESSIONID_CACHE, 0L);
  if (!m_pins.empty()) {
    curl_easy_setopt(handle, CURLOPT_PINNEDPUBLICKEY, m_pins.c_str());
  }
}

std::string Connection::describe(CURLcode code) const {
  return std::string(curl_easy_strerror(code)) + (m_error[0] != '\0' ? ": " : "") + m_error;
}

}  // namespace kiosk::sync::curl
