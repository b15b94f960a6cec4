#include "sync/https_transport.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>
#include <zlib.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "curl_setup.hpp"
#include "wire.hpp"

namespace kiosk::sync {
namespace {

struct RequestResult {
  HttpsOutcome outcome = HttpsOutcome::transient;
  std::string detail;
  std::chrono::milliseconds wait{0};  // for retry_after
  std::string body;
};

}  // namespace

std::string gzip_compress(std::string_view data) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip wrapper rather than zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return rc == Z_STREAM_END ? out : std::string{};
}

struct HttpsTransport::Impl {
  Impl(HttpsConfig cfg, SyncStatus& sync_status, std::atomic<bool>& ready_flag)
      : config(std::move(cfg)), status(sync_status), ready(ready_flag), backoff(config.retry, random) {
    curl::init_once();
    handle = curl_easy_init();
    if (handle == nullptr) {
      throw std::runtime_error("libcurl: cannot create a handle");
    }
  }
  ~Impl() { curl_easy_cleanup(handle); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  template <typename Call>
  void notify(Call&& call) {
    std::lock_guard lock(listener_mutex);
    if (listener != nullptr) {
      call(*listener);
    }
  }

  RequestResult post(const OutgoingBatch& batch) {
    RequestResult result;
    const std::string url = config.base_url + "/v1/events";
    const std::string compressed = config.gzip ? gzip_compress(batch.payload) : std::string{};
    const bool gzipped = !compressed.empty();
    const std::string& body = gzipped ? compressed : batch.payload;

    curl::List headers;
    curl::append(headers, "Content-Type: application/json");
    curl::append(headers, "Accept: application/json");
    curl::append(headers, "Idempotency-Key: " + batch.batch_id);
    curl::append(headers, "Expect:");  // no 100-continue round trip
    if (gzipped) {
      curl::append(headers, "Content-Encoding: gzip");
    }
    // One byte over the limit is kept so wire::parse_ack can name the problem; more aborts the transfer.
    curl::BodyBuffer response(wire::k_max_downstream_bytes + 1);
    connection.apply_connection_options(handle, stopping_flag, response);
    curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle, CURLOPT_POST, 1L);
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());

    const CURLcode code = curl_easy_perform(handle);
    result.body = std::move(response.data);
    if (code != CURLE_OK) {
      result.outcome = curl::is_trust_failure(code) ? HttpsOutcome::trust_failure : HttpsOutcome::transient;
      result.detail = connection.describe(code);
      return result;
    }
    long http = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &http);
    if (http >= 200 && http < 300) {
      result.outcome = HttpsOutcome::delivered;
      return result;
    }
    result.detail = "HTTP " + std::to_string(http);
    curl_off_t retry_after = 0;
    if ((http == 429 || http == 503) &&
        curl_easy_getinfo(handle, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
      result.outcome = HttpsOutcome::retry_after;
      const auto seconds = std::min<curl_off_t>(retry_after, config.max_retry_after.count());
      result.wait = std::chrono::seconds{seconds};
      result.detail += " Retry-After " + std::to_string(retry_after) + " s";
      return result;
    }
    result.outcome = HttpsOutcome::transient;
    return result;
  }

  void deliver(const OutgoingBatch& batch, const RequestResult& result) {
    backoff.reset();
    if (status.snapshot().trust_alarm) {
      status.set_trust_alarm(false);
    }
    notify([&](TransportListener& l) { l.on_delivered(batch.batch_id); });
    auto ack = wire::parse_ack(result.body, config.kiosk_id);
    if (ack.value) {
      notify([&](TransportListener& l) { l.on_ack(std::move(*ack.value)); });
    } else {
      // The rows are sent; without an Ack they go out again after the drainer's ack timeout.
      spdlog::warn("sync/https: batch {} accepted but the answer is not a usable ack: {}", batch.batch_id,
                   ack.error);
    }
  }

  // Fails `current` and everything queued behind it, then waits before taking batches again.
  void fail(const OutgoingBatch& current, const RequestResult& result, std::unique_lock<std::mutex>& lock) {
    std::chrono::milliseconds wait{0};
    switch (result.outcome) {
      case HttpsOutcome::retry_after:
        wait = result.wait;
        break;
      case HttpsOutcome::trust_failure:
        wait = config.trust_failure_backoff;
        status.set_trust_alarm(true, result.detail);
        break;
      default:
        wait = backoff.next();
        break;
    }
    std::vector<OutgoingBatch> failed{current};
    failed.insert(failed.end(), std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
    queue.clear();
    ready = false;
    lock.unlock();
    const std::string reason =
        fmt::format("{}{}; next try in {} ms", result.detail,
                    result.outcome == HttpsOutcome::trust_failure ? " (TRUST FAILURE)" : "", wait.count());
    if (result.outcome == HttpsOutcome::trust_failure) {
      spdlog::error("sync/https: {}: {}", config.base_url, reason);
    } else {
      spdlog::warn("sync/https: {}: {}", config.base_url, reason);
    }
    status.set_connected(false, reason);
    notify([&](TransportListener& l) {
      for (const auto& batch : failed) {
        l.on_send_failed(batch.batch_id, result.detail);
      }
      l.on_disconnected(reason);
    });
    lock.lock();
    signal.wait_for(lock, wait, [this] { return stopping; });
  }

  void become_ready(std::unique_lock<std::mutex>& lock) {
    ready = true;
    lock.unlock();
    status.set_connected(true);
    notify([](TransportListener& l) { l.on_connected(); });
    lock.lock();
  }

  void run() {
    std::unique_lock lock(mutex);
    become_ready(lock);
    while (!stopping) {
      if (queue.empty()) {
        signal.wait(lock, [this] { return stopping || !queue.empty(); });
        continue;
      }
      OutgoingBatch batch = std::move(queue.front());
      queue.pop_front();
      lock.unlock();
      const RequestResult result = post(batch);
      lock.lock();
      if (stopping) {
        break;
      }
      if (result.outcome == HttpsOutcome::delivered) {
        lock.unlock();
        deliver(batch, result);
        lock.lock();
        continue;
      }
      fail(batch, result, lock);
      if (!stopping) {
        become_ready(lock);
      }
    }
    ready = false;
  }

  HttpsConfig config;
  SyncStatus& status;
  std::atomic<bool>& ready;
  curl::Connection connection{config};
  domain::SystemRandomSource random;
  Backoff backoff;  // worker thread only
  CURL* handle = nullptr;
  std::atomic<bool> stopping_flag{false};

  std::mutex listener_mutex;
  TransportListener* listener = nullptr;

  std::mutex mutex;  // guards queue, stopping
  std::condition_variable signal;
  std::deque<OutgoingBatch> queue;
  bool stopping = false;
  std::thread thread;
};

HttpsTransport::HttpsTransport(HttpsConfig config, SyncStatus& status)
    : m_impl(std::make_unique<Impl>(std::move(config), status, m_ready)) {
  status.set_transport("https");
  record_certificate_days(m_impl->config.cert_file, status);
}

HttpsTransport::~HttpsTransport() {
  stop();
}

void HttpsTransport::start(TransportListener& listener) {
  {
    std::lock_guard lock(m_impl->listener_mutex);
    m_impl->listener = &listener;
  }
  std::lock_guard lock(m_impl->mutex);
  if (!m_impl->thread.joinable() && !m_impl->stopping) {
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
  }
}

void HttpsTransport::stop() {
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->stopping = true;
    m_impl->stopping_flag = true;
  }
  m_impl->signal.notify_all();
  if (m_impl->thread.joinable()) {
    m_impl->thread.join();
  }
  std::lock_guard lock(m_impl->listener_mutex);
  m_impl->listener = nullptr;
  m_ready = false;
}

bool HttpsTransport::send(const OutgoingBatch& batch) {
  {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->stopping || !m_ready.load() || m_impl->queue.size() >= m_impl->config.queue_limit) {
      return false;
    }
    m_impl->queue.push_back(batch);
  }
  m_impl->signal.notify_all();
  return true;
}

}  // namespace kiosk::sync
