#include "counter_link/client.hpp"

#include <curl/curl.h>

#include <fstream>
#include <mutex>

namespace kiosk::counter_link {
namespace {

constexpr std::size_t k_max_reply_bytes = std::size_t{1024} * 1024;

struct Body {
  std::string data;
  bool overflowed = false;
};

size_t collect(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  const size_t bytes = size * count;
  if (body->data.size() + bytes > k_max_reply_bytes) {
    body->overflowed = true;
    return 0;  // less than offered: libcurl aborts the transfer
  }
  body->data.append(data, bytes);
  return bytes;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

struct LinkClient::Impl {
  LinkClientOptions options;
  CURL* handle = nullptr;
  char error[CURL_ERROR_SIZE] = {};
};

LinkClient::LinkClient(LinkClientOptions options) : m_impl(std::make_unique<Impl>()) {
  init_curl_once();
  m_impl->options = std::move(options);
  m_impl->handle = curl_easy_init();
}

LinkClient::~LinkClient() {
  if (m_impl->handle != nullptr) {
    curl_easy_cleanup(m_impl->handle);
  }
}

LinkResult LinkClient::get(const std::string& path) {
  return perform(path, nullptr);
}

LinkResult LinkClient::post(const std::string& path, const nlohmann::json& body) {
  const std::string text = body.dump();
  return perform(path, &text);
}

LinkResult LinkClient::perform(const std::string& path, const std::string* post_body) {
  LinkResult result;
  CURL* handle = m_impl->handle;
  if (handle == nullptr) {
    result.transport_error = "libcurl could not start";
    return result;
  }
  const auto& options = m_impl->options;
  curl_easy_reset(handle);
  const std::string url = options.base_url + path;
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
  // Trust exactly the branch's CA file: no CA directory, no system bundle.
  curl_easy_setopt(handle, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(handle, CURLOPT_CAPATH, nullptr);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, m_impl->error);
  m_impl->error[0] = '\0';
  Body body;
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &collect);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &body);
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  const auto add_header = [&headers](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown != nullptr) {
      static_cast<void>(headers.release());
      headers.reset(grown);
    }
  };
  add_header("Authorization: Bearer " + options.token);
  add_header("Accept: application/json");
  if (post_body != nullptr) {
    add_header("Content-Type: application/json");
    curl_easy_setopt(handle, CURLOPT_POST, 1L);
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, post_body->c_str());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(post_body->size()));
  }
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode code = curl_easy_perform(handle);
  // The header list holds the token: wipe it from the handle before the list goes.
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, nullptr);
  if (code != CURLE_OK) {
    result.transport_error =
        body.overflowed ? std::string("the reply is too large")
                        : std::string(curl_easy_strerror(code)) +
                              (m_impl->error[0] != '\0' ? std::string(": ") + m_impl->error : std::string());
    return result;
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &result.status);
  curl_off_t retry_after = 0;
  if (curl_easy_getinfo(handle, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
    result.retry_after_seconds = static_cast<long>(retry_after);
  }
  result.text = std::move(body.data);
  result.body = nlohmann::json::parse(result.text, nullptr, false);
  if (result.body.is_discarded()) {
    result.body = nullptr;
  }
  return result;
}

std::string LinkResult::error() const {
  if (!transport_error.empty()) {
    return "transport";
  }
  if (body.is_object() && body.contains("error") && body["error"].is_string()) {
    return body["error"].get<std::string>();
  }
  return status == 200 ? std::string() : "http_" + std::to_string(status);
}

std::string LinkResult::message() const {
  if (!transport_error.empty()) {
    return transport_error;
  }
  if (body.is_object() && body.contains("message") && body["message"].is_string()) {
    return body["message"].get<std::string>();
  }
  return "HTTP " + std::to_string(status);
}

LinkResult fetch_now_serving(LinkClient& client, std::int64_t after_seq, std::size_t limit) {
  return client.get("/v1/now-serving?after=" + std::to_string(after_seq) + "&limit=" + std::to_string(limit));
}

std::string read_token_file(const std::filesystem::path& file, std::string& problem, std::string* warning) {
  std::error_code error;
  const auto permissions = std::filesystem::status(file, error).permissions();
  if (!error && warning != nullptr &&
      (permissions & (std::filesystem::perms::group_read | std::filesystem::perms::others_read)) !=
          std::filesystem::perms::none) {
    *warning = "the token file " + file.string() + " is readable by other users; chmod 600 it";
  }
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) {
    problem = "cannot read the token file " + file.string();
    return {};
  }
  const auto first = line.find_first_not_of(" \t\r");
  const auto last = line.find_last_not_of(" \t\r");
  if (first == std::string::npos) {
    problem = "the token file " + file.string() + " is empty";
    return {};
  }
  return line.substr(first, last - first + 1);
}

}  // namespace kiosk::counter_link
