#include "sync/downstream_client.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <stdexcept>

#include "curl_setup.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/bundle.hpp"

namespace kiosk::sync {
namespace {

FetchError error_of(FetchFailure kind, std::string message) {
  return FetchError{kind, std::move(message), std::chrono::seconds{0}};
}

bool is_valid_scope(std::string_view scope) {
  return scope == "all" || protocol::is_valid_node_id(scope);
}

// The raw response of one GET, before the caller looks at the document.
struct Response {
  long http = 0;
  std::string body;
  std::string etag;
  FetchError error;  // kind none when an HTTP answer arrived (any status)
};

// Checks that a 200 bundle body is a SignedBundle for the asked kind and scope. The signature is not
// checked here (BundleStore does that with the pinned keys); this only keeps a stray document from being
// filed under another name.
std::string check_bundle_body(std::string_view body, std::string_view kind, std::string_view scope) {
  const auto signed_bundle = protocol::parse_signed_bundle(body);
  if (!signed_bundle) {
    return signed_bundle.error();
  }
  const auto bundle = protocol::parse_bundle(signed_bundle.value().bundle_text);
  if (!bundle) {
    return bundle.error();
  }
  if (bundle.value().kind != kind || bundle.value().scope != scope) {
    return fmt::format("asked for {}/{} but got {}/{}", kind, scope, bundle.value().kind,
                       bundle.value().scope);
  }
  return {};
}

// A page must be ours and move forward: every cursor above `after` and above the one before it, and next
// at or past the last one, so applying it and storing next can neither skip nor repeat a change.
std::string check_status_page(const protocol::ComplaintStatusPage& page, std::string_view kiosk,
                              std::uint64_t after) {
  if (page.kiosk != kiosk) {
    return fmt::format("complaint status for kiosk '{}' delivered to '{}'", page.kiosk.substr(0, 64), kiosk);
  }
  std::uint64_t previous = after;
  for (const auto& change : page.changes) {
    if (change.cursor <= previous) {
      return fmt::format("complaint status: cursor {} does not follow {}", change.cursor, previous);
    }
    previous = change.cursor;
  }
  if (page.next < previous) {
    return fmt::format("complaint status: next {} is behind cursor {}", page.next, previous);
  }
  return {};
}

}  // namespace

std::string_view to_string(FetchFailure failure) {
  switch (failure) {
    case FetchFailure::none:
      return "none";
    case FetchFailure::transient:
      return "transient";
    case FetchFailure::trust_failure:
      return "trust failure";
    case FetchFailure::not_found:
      return "not found";
    case FetchFailure::refused:
      return "refused";
    case FetchFailure::bad_body:
      return "bad body";
    case FetchFailure::cancelled:
      return "cancelled";
  }
  return "unknown";
}

struct DownstreamClient::Impl {
  Impl(HttpsConfig cfg, std::size_t max_body) : config(std::move(cfg)), max_body_bytes(max_body) {
    curl::init_once();
    handle = curl_easy_init();
    if (handle == nullptr) {
      throw std::runtime_error("libcurl: cannot create a handle");
    }
  }
  ~Impl() { curl_easy_cleanup(handle); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  Response get(const std::string& path, std::string_view etag) {
    Response response;
    if (cancelled.load()) {
      response.error = error_of(FetchFailure::cancelled, "cancelled");
      return response;
    }
    const std::string url = config.base_url + path;
    curl::List headers;
    curl::append(headers, "Accept: application/json");
    if (!etag.empty()) {
      curl::append(headers, "If-None-Match: " + std::string(etag));
    }
    curl::BodyBuffer body(max_body_bytes);
    connection.apply_connection_options(handle, cancelled, body);
    curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());

    const CURLcode code = curl_easy_perform(handle);
    if (body.overflowed) {
      response.error =
          error_of(FetchFailure::bad_body,
                   fmt::format("GET {}: body larger than {} bytes, abandoned", path, max_body_bytes));
      return response;
    }
    if (code != CURLE_OK) {
      const auto kind = cancelled.load()               ? FetchFailure::cancelled
                        : curl::is_trust_failure(code) ? FetchFailure::trust_failure
                                                       : FetchFailure::transient;
      response.error = error_of(kind, fmt::format("GET {}: {}", path, connection.describe(code)));
      return response;
    }
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.http);
    response.body = std::move(body.data);
    curl_header* header = nullptr;
    if (curl_easy_header(handle, "ETag", 0, CURLH_HEADER, -1, &header) == CURLHE_OK && header != nullptr) {
      response.etag = header->value;
    }
    if (response.http == 200 || response.http == 304) {
      return response;
    }
    response.error = classify_status(path, response);
    return response;
  }

  FetchError classify_status(const std::string& path, const Response& response) {
    const std::string what = fmt::format("GET {}: HTTP {}", path, response.http);
    if (response.http == 404) {
      return error_of(FetchFailure::not_found, what);
    }
    if (response.http == 429 || response.http == 503) {
      FetchError error = error_of(FetchFailure::transient, what);
      curl_off_t retry_after = 0;
      if (curl_easy_getinfo(handle, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
        error.retry_after =
            std::chrono::seconds{std::min<curl_off_t>(retry_after, config.max_retry_after.count())};
        error.message += fmt::format(" Retry-After {} s", retry_after);
      }
      return error;
    }
    if (response.http >= 400 && response.http < 500) {
      return error_of(FetchFailure::refused, what);
    }
    return error_of(FetchFailure::transient, what);
  }

  HttpsConfig config;
  std::size_t max_body_bytes;
  curl::Connection connection{config};
  CURL* handle = nullptr;
  std::atomic<bool> cancelled{false};
};

DownstreamClient::DownstreamClient(HttpsConfig config, std::size_t max_body_bytes)
    : m_impl(std::make_unique<Impl>(std::move(config), max_body_bytes)) {}

DownstreamClient::~DownstreamClient() = default;

void DownstreamClient::cancel() {
  m_impl->cancelled = true;
}

BundleFetch DownstreamClient::fetch_bundle(std::string_view kind, std::string_view scope,
                                           std::string_view etag) {
  BundleFetch result;
  if (!protocol::is_valid_bundle_kind(kind) || !is_valid_scope(scope)) {
    result.error = error_of(FetchFailure::refused, fmt::format("not a bundle kind and scope: '{}' '{}'",
                                                               kind.substr(0, 64), scope.substr(0, 64)));
    return result;
  }
  // kind is [a-z0-9_] and scope [A-Za-z0-9_-]: nothing in them needs URL escaping.
  const std::string path = fmt::format("/v1/bundles/{}?scope={}", kind, scope);
  Response response = m_impl->get(path, etag);
  if (response.error.kind != FetchFailure::none) {
    result.error = std::move(response.error);
    return result;
  }
  result.etag = std::move(response.etag);
  if (response.http == 304) {
    result.status = BundleFetch::Status::not_modified;
    return result;
  }
  if (auto problem = check_bundle_body(response.body, kind, scope); !problem.empty()) {
    result.error = error_of(FetchFailure::bad_body, fmt::format("GET {}: {}", path, problem));
    return result;
  }
  result.status = BundleFetch::Status::fetched;
  result.body = std::move(response.body);
  return result;
}

StatusFetch DownstreamClient::fetch_complaint_status(std::uint64_t after, std::size_t limit) {
  StatusFetch result;
  const std::string& kiosk = m_impl->config.kiosk_id;
  if (!protocol::is_valid_node_id(kiosk)) {
    result.error = error_of(FetchFailure::refused, "kiosk_id is not a valid kiosk id");
    return result;
  }
  const std::string path =
      fmt::format("/v1/complaint-status?kiosk={}&after={}&limit={}", kiosk, after, limit);
  Response response = m_impl->get(path, {});
  if (response.error.kind != FetchFailure::none) {
    result.error = std::move(response.error);
    return result;
  }
  if (response.http != 200) {
    result.error =
        error_of(FetchFailure::bad_body, fmt::format("GET {}: unexpected HTTP {}", path, response.http));
    return result;
  }
  auto page = protocol::parse_complaint_status_page(response.body);
  if (!page) {
    result.error = error_of(FetchFailure::bad_body, fmt::format("GET {}: {}", path, page.error()));
    return result;
  }
  if (auto problem = check_status_page(page.value(), kiosk, after); !problem.empty()) {
    result.error = error_of(FetchFailure::bad_body, fmt::format("GET {}: {}", path, problem));
    return result;
  }
  result.page = std::move(page).value();
  return result;
}

}  // namespace kiosk::sync
