#include "baselines.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <span>
#include <thread>

#include "bench_services.hpp"
#include "sync/batch_builder.hpp"
#include "sync/https_transport.hpp"

extern char** environ;

namespace kiosk::bench {
namespace {

using Clock = std::chrono::steady_clock;

// A child with output to a log file; exit status kept (test::ChildProcess discards it). The destructor
// kills a child that is still running.
class Spawned {
 public:
  Spawned(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    std::vector<char*> args;
    for (const auto& arg : argv) {
      args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    if (posix_spawnp(&m_pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
      m_pid = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Spawned() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  Spawned(const Spawned&) = delete;
  Spawned& operator=(const Spawned&) = delete;

  bool started() const { return m_pid > 0 || m_status_known; }
  // Waits until the child exits or `deadline` passes; true with exit_status() set if it exited.
  bool wait_until(Clock::time_point deadline) {
    while (m_pid > 0) {
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        m_status_known = true;
        m_pid = -1;
        return true;
      }
      if (Clock::now() >= deadline) {
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return m_status_known;
  }
  int exit_status() const { return m_status; }

 private:
  pid_t m_pid = -1;
  int m_status = -1;
  bool m_status_known = false;
};

std::vector<std::string> tls_args(const PubSetup& setup, const std::string& cert) {
  return {"-h",       setup.host,
          "-p",       std::to_string(setup.port),
          "--cafile", (setup.pki_dir / "ca.crt").string(),
          "--cert",   (setup.pki_dir / (cert + ".crt")).string(),
          "--key",    (setup.pki_dir / (cert + ".key")).string(),
          "-V",       "mqttv5",
          "-q",       "1"};
}

// The broker logs "New client connected ... as <id>"; after that the SUBSCRIBE follows at once.
bool wait_for_client(const std::filesystem::path& broker_log, const std::string& client_id,
                     Clock::time_point deadline) {
  while (Clock::now() < deadline) {
    if (read_text(broker_log).find(" as " + client_id) != std::string::npos) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

}  // namespace

PubBaseline run_mosquitto_pub(const PubSetup& setup, const std::string& tag, const std::string& payload,
                              std::size_t count) {
  PubBaseline result;
  result.messages = count;
  result.payload_bytes = payload.size();
  const std::string sub_id = "bench-sub-" + tag;
  auto sub_args = tls_args(setup, "headoffice");
  sub_args.insert(sub_args.begin(), "mosquitto_sub");
  // -F x prints one short line per message instead of the payload.
  for (const std::string& arg : {std::string("-t"), setup.topic, std::string("-C"), std::to_string(count),
                                 std::string("-i"), sub_id, std::string("-F"), std::string("x")}) {
    sub_args.push_back(arg);
  }
  const auto deadline = Clock::now() + setup.timeout;
  Spawned sub(sub_args, setup.work_dir / ("mosquitto_sub-" + tag + ".log"));
  if (!sub.started() || !wait_for_client(setup.broker_log, sub_id, Clock::now() + std::chrono::seconds(15))) {
    result.error = "mosquitto_sub did not connect (see " + setup.broker_log.string() + ")";
    return result;
  }
  auto pub_args = tls_args(setup, setup.kiosk_cert);
  pub_args.insert(pub_args.begin(), "mosquitto_pub");
  for (const std::string& arg :
       {std::string("-t"), setup.topic, std::string("-m"), payload, std::string("--repeat"),
        std::to_string(count), std::string("-i"), "bench-pub-" + tag}) {
    pub_args.push_back(arg);
  }
  const auto start = Clock::now();
  Spawned pub(pub_args, setup.work_dir / ("mosquitto_pub-" + tag + ".log"));
  if (!pub.wait_until(deadline) || pub.exit_status() != 0) {
    result.error =
        "mosquitto_pub failed or timed out (exit status " + std::to_string(pub.exit_status()) + ")";
    return result;
  }
  result.publish_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!sub.wait_until(deadline) || sub.exit_status() != 0) {
    result.error = "mosquitto_sub did not receive all " + std::to_string(count) + " messages in time";
    return result;
  }
  result.consume_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.ok = true;
  return result;
}

std::vector<PreparedBatch> prepare_batches(store::Store& store, const std::string& kiosk,
                                           const std::string& branch) {
  const auto rows = store.outbox().read_pending(static_cast<std::size_t>(store.outbox().pending_count()));
  domain::SystemRandomSource random;
  domain::UuidV7Generator ids(random);
  const std::string boot_id = ids.next(std::chrono::system_clock::now()).to_string();
  std::vector<PreparedBatch> batches;
  std::span<const store::OutboxRow> rest(rows);
  while (!rest.empty()) {
    sync::BatchHeader header{kiosk, branch, boot_id, ids.next(std::chrono::system_clock::now()).to_string()};
    auto built = sync::build_batch(rest, header, sync::BatchLimits{});
    const std::size_t used = built.batch.events.size() + built.poison.size();
    if (used == 0) {
      break;  // cannot happen with these rows; never loop forever
    }
    if (!built.batch.events.empty()) {
      batches.push_back(
          {built.batch.batch_id, sync::gzip_compress(built.batch.payload), built.batch.events.size()});
    }
    rest = rest.subspan(used);
  }
  return batches;
}

CurlBaseline run_curl_loop(const CurlSetup& setup, const std::vector<PreparedBatch>& batches) {
  CurlBaseline result;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    result.error = "curl_easy_init failed";
    return result;
  }
  curl_slist* resolve = curl_slist_append(nullptr, setup.resolve.c_str());
  const std::string url = setup.base_url + "/v1/events";
  const std::string ca = (setup.pki_dir / "ca.crt").string();
  const std::string cert = (setup.pki_dir / (setup.kiosk_cert + ".crt")).string();
  const std::string key = (setup.pki_dir / (setup.kiosk_cert + ".key")).string();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_RESOLVE, resolve);
  curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
  curl_easy_setopt(curl, CURLOPT_SSLCERT, cert.c_str());
  curl_easy_setopt(curl, CURLOPT_SSLKEY, key.c_str());
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  // As the kiosk's transport: no TLS session resumption (cpp-httplib's SSLServer verifies client
  // certificates without a session id context, so a resumed handshake fails).
  curl_easy_setopt(curl, CURLOPT_SSL_SESSIONID_CACHE, 0L);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 30'000L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &collect_body);
  std::string body;
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const auto start = Clock::now();
  for (const auto& batch : batches) {
    curl_slist* headers = nullptr;
    for (const std::string& header :
         {std::string("Content-Type: application/json"), std::string("Accept: application/json"),
          std::string("Expect:"), std::string("Content-Encoding: gzip"),
          "Idempotency-Key: " + batch.batch_id}) {
      headers = curl_slist_append(headers, header.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, batch.gzip_body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(batch.gzip_body.size()));
    body.clear();
    const auto request_start = Clock::now();
    const CURLcode code = curl_easy_perform(curl);
    long http = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http);
    curl_slist_free_all(headers);
    if (code != CURLE_OK || http != 200 || body.find("\"high_water\"") == std::string::npos) {
      result.error =
          "request " + std::to_string(result.requests + 1) + ": " +
          (code != CURLE_OK ? std::string(curl_easy_strerror(code)) : "HTTP " + std::to_string(http)) + " " +
          body.substr(0, 200);
      break;
    }
    long connects = 0;
    curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects);
    result.new_connections += static_cast<std::size_t>(connects);
    result.request_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - request_start).count());
    ++result.requests;
    result.events += batch.events;
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.ok = result.error.empty();
  curl_slist_free_all(resolve);
  curl_easy_cleanup(curl);
  return result;
}

}  // namespace kiosk::bench
