// HttpsTransport against a real cpp-httplib SSLServer with mutual TLS on 127.0.0.1.
#include "sync/https_transport.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>

#include <zlib.h>

#include "broker_fixture.hpp"
#include "support.hpp"
#include "sync/outbox_drainer.hpp"
#include "sync/protocol/ack.hpp"
#include "sync/protocol/batch.hpp"
#include "temp_dir.hpp"
#include "wait.hpp"

namespace kiosk::sync {
namespace {

using std::chrono::milliseconds;
using test_support::wait_until;

constexpr auto k_wait = milliseconds{20'000};

struct ReceivedRequest {
  std::string idempotency_key;
  std::string content_encoding;
  std::string body;  // after httplib's decompression
};

// Head office's HTTPS receiver, scripted per test.
class TestServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  TestServer(const std::filesystem::path& pki)
      : m_server((pki / "headoffice.crt").c_str(), (pki / "headoffice.key").c_str(),
                 (pki / "ca.crt").c_str()) {
    m_server.Post("/v1/events", [this](const httplib::Request& request, httplib::Response& response) {
      Handler handler;
      {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(ReceivedRequest{request.get_header_value("Idempotency-Key"),
                                             request.get_header_value("Content-Encoding"), request.body});
        handler = m_handler;
      }
      handler(request, response);
    });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    wait_until([this] { return m_server.is_running(); }, k_wait);
  }

  ~TestServer() {
    {
      std::lock_guard lock(m_mutex);
      m_released = true;
    }
    m_release.notify_all();
    m_server.stop();
    m_thread.join();
  }

  int port() const { return m_port; }
  std::string url(const std::string& host = "localhost") const {
    return "https://" + host + ":" + std::to_string(m_port);
  }
  void set_handler(Handler handler) {
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
  }
  std::vector<ReceivedRequest> requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
  }
  // Blocks the calling handler until the server shuts down.
  void hang() {
    std::unique_lock lock(m_mutex);
    m_release.wait_for(lock, std::chrono::seconds{10}, [this] { return m_released; });
  }

  // Acks every event of the posted batch by range.
  static void ack_all(const httplib::Request& request, httplib::Response& response) {
    const auto batch = protocol::parse_batch(std::string_view(request.body));
    if (!batch) {
      response.status = 400;
      return;
    }
    protocol::Ack ack;
    ack.kiosk = batch.value().batch.kiosk;
    ack.batch_id = batch.value().batch.batch_id;
    for (const auto& event : batch.value().batch.events) {
      ack.ranges.push_back(protocol::SeqRange{event.seq, event.seq});
    }
    ack.ranges = protocol::normalize_ranges(ack.ranges);
    response.set_content(protocol::serialize_ack(ack), "application/json");
  }

 private:
  httplib::SSLServer m_server;
  int m_port = -1;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::condition_variable m_release;
  bool m_released = false;
  Handler m_handler = &TestServer::ack_all;
  std::vector<ReceivedRequest> m_requests;
};

// Records what the transport reports, in order.
class RecordingListener final : public TransportListener {
 public:
  void on_connected() override { record("connected"); }
  void on_disconnected(std::string reason) override { record("disconnected: " + reason); }
  void on_delivered(std::string batch_id) override { record("delivered " + batch_id); }
  void on_send_failed(std::string batch_id, std::string reason) override {
    record("failed " + batch_id + ": " + reason);
  }
  void on_ack(AckSummary ack) override { record("ack " + ack.batch_id); }
  void on_resend(ResendRequest) override { record("resend"); }

  std::vector<std::string> events() const {
    std::lock_guard lock(m_mutex);
    return m_events;
  }
  bool saw(const std::string& prefix) const {
    std::lock_guard lock(m_mutex);
    return std::any_of(m_events.begin(), m_events.end(),
                       [&](const auto& e) { return e.starts_with(prefix); });
  }
  std::size_t count(const std::string& prefix) const {
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(std::count_if(m_events.begin(), m_events.end(),
                                                  [&](const auto& e) { return e.starts_with(prefix); }));
  }
  // When the n-th (1-based) event starting with prefix was recorded.
  std::optional<std::chrono::steady_clock::time_point> time_of(const std::string& prefix,
                                                               std::size_t n = 1) const {
    std::lock_guard lock(m_mutex);
    std::size_t seen = 0;
    for (std::size_t i = 0; i < m_events.size(); ++i) {
      if (m_events[i].starts_with(prefix) && ++seen == n) {
        return m_times[i];
      }
    }
    return std::nullopt;
  }

 private:
  void record(std::string event) {
    std::lock_guard lock(m_mutex);
    m_events.push_back(std::move(event));
    m_times.push_back(std::chrono::steady_clock::now());
  }
  mutable std::mutex m_mutex;
  std::vector<std::string> m_events;
  std::vector<std::chrono::steady_clock::time_point> m_times;
};

OutgoingBatch make_batch(const std::string& batch_id, std::int64_t first_seq, int count) {
  protocol::Batch batch;
  batch.kiosk = "kiosk-01";
  batch.branch = "branch-001";
  batch.boot_id = "0190f0aa-0000-7000-8000-000000000001";
  batch.batch_id = batch_id;
  OutgoingBatch out;
  out.batch_id = batch_id;
  for (int i = 0; i < count; ++i) {
    const auto row = test_support::make_row(first_seq + i);
    batch.events.push_back(protocol::make_envelope(static_cast<std::uint64_t>(row.seq), row.event));
    out.events.push_back(OutgoingEvent{row.seq, row.event.id});
  }
  out.payload = protocol::serialize_batch(batch);
  return out;
}

std::string spki_pin(const std::filesystem::path& cert) {
  const std::string command = "openssl x509 -in '" + cert.string() +
                              "' -pubkey -noout | openssl pkey -pubin -outform der | "
                              "openssl dgst -sha256 -binary | openssl enc -base64";
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[256];
    while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr) {
      out += buffer;
    }
    ::pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
    out.pop_back();
  }
  return "sha256//" + out;
}

class HttpsTransportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test::TempDir("sync-https");
    s_pki_ok = test_support::make_dev_pki(s_dir->path() / "pki");
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  void SetUp() override {
    if (!s_pki_ok) {
      GTEST_SKIP() << "scripts/dev-pki.sh could not make a PKI (bash/openssl missing?)";
    }
    m_server = std::make_unique<TestServer>(pki());
    ASSERT_GT(m_server->port(), 0);
  }
  static std::filesystem::path pki() { return s_dir->path() / "pki"; }

  HttpsConfig config(const std::string& ca = "ca") const {
    HttpsConfig config;
    config.base_url = m_server->url();
    config.kiosk_id = "kiosk-01";
    config.ca_file = pki() / (ca + ".crt");
    config.cert_file = pki() / "kiosk-01.crt";
    config.key_file = pki() / "kiosk-01.key";
    config.connect_timeout = milliseconds{5'000};
    config.total_timeout = milliseconds{5'000};
    config.retry = BackoffPolicy{milliseconds{20}, milliseconds{100}};
    config.trust_failure_backoff = milliseconds{60'000};
    return config;
  }

  inline static test::TempDir* s_dir = nullptr;
  inline static bool s_pki_ok = false;
  std::unique_ptr<TestServer> m_server;
  SyncStatus m_status;
  RecordingListener m_listener;
};

TEST_F(HttpsTransportTest, PostsGzippedBatchWithIdempotencyKeyAndReportsTheAck) {
  HttpsTransport transport(config(), m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  const auto batch = make_batch("0190f0aa-0000-7000-8000-0000000000b1", 1, 3);
  ASSERT_TRUE(transport.send(batch));
  ASSERT_TRUE(wait_until([&] { return m_listener.saw("ack "); }, k_wait));
  EXPECT_TRUE(m_listener.saw("delivered " + batch.batch_id));
  EXPECT_TRUE(m_listener.saw("ack " + batch.batch_id));
  const auto requests = m_server->requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].idempotency_key, batch.batch_id);
  EXPECT_EQ(requests[0].content_encoding, "gzip");
  EXPECT_EQ(requests[0].body, batch.payload);
  transport.stop();
}

TEST_F(HttpsTransportTest, DrainerConfirmsThroughHttps) {
  test::TempDir dir("sync-https-store");
  test_support::StoreFixture store(dir.path());
  store.append_many("ticket.issued", 120);
  HttpsTransport transport(config(), m_status);
  DrainerConfig drainer_config;
  drainer_config.database = store.path();
  drainer_config.kiosk_id = "kiosk-01";
  drainer_config.branch_id = "branch-001";
  drainer_config.linger = milliseconds{20};
  drainer_config.poll_interval = milliseconds{100};
  OutboxDrainer drainer(drainer_config, transport, m_status);
  transport.start(drainer);
  drainer.start();
  ASSERT_TRUE(wait_until([&] { return store.outbox().counts_by_state().confirmed == 120; }, k_wait));
  transport.stop();
  drainer.stop();
}

TEST_F(HttpsTransportTest, ServerErrorFailsTheBatchBacksOffAndRecovers) {
  std::atomic<int> calls{0};
  m_server->set_handler([&](const httplib::Request& request, httplib::Response& response) {
    if (calls++ == 0) {
      response.status = 500;
      return;
    }
    TestServer::ack_all(request, response);
  });
  HttpsTransport transport(config(), m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  const auto first = make_batch("0190f0aa-0000-7000-8000-0000000000c1", 1, 2);
  ASSERT_TRUE(transport.send(first));
  ASSERT_TRUE(wait_until([&] { return m_listener.count("connected") == 2; }, k_wait));
  EXPECT_TRUE(m_listener.saw("failed " + first.batch_id + ": HTTP 500"));
  EXPECT_TRUE(m_listener.saw("disconnected: HTTP 500"));
  EXPECT_FALSE(m_listener.saw("delivered"));
  const auto second = make_batch("0190f0aa-0000-7000-8000-0000000000c2", 1, 2);
  ASSERT_TRUE(transport.send(second));
  ASSERT_TRUE(wait_until([&] { return m_listener.saw("ack " + second.batch_id); }, k_wait));
  transport.stop();
}

TEST_F(HttpsTransportTest, RetryAfterInSecondsIsHonoured) {
  std::atomic<int> calls{0};
  m_server->set_handler([&](const httplib::Request& request, httplib::Response& response) {
    if (calls++ == 0) {
      response.status = 429;
      response.set_header("Retry-After", "1");
      return;
    }
    TestServer::ack_all(request, response);
  });
  HttpsTransport transport(config(), m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-0000000000d1", 1, 1)));
  ASSERT_TRUE(wait_until([&] { return m_listener.count("connected") == 2; }, k_wait));
  EXPECT_TRUE(m_listener.saw("disconnected: HTTP 429 Retry-After 1 s"));
  // A lower bound only: the transport must not come back before the server said it may.
  EXPECT_GE(*m_listener.time_of("connected", 2) - *m_listener.time_of("disconnected"), milliseconds{950});
  transport.stop();
}

TEST_F(HttpsTransportTest, RetryAfterAsHttpDateIsHonoured) {
  std::atomic<int> calls{0};
  m_server->set_handler([&](const httplib::Request& request, httplib::Response& response) {
    if (calls++ == 0) {
      const std::time_t at = std::time(nullptr) + 3;
      char date[64];
      std::tm tm{};
      ::gmtime_r(&at, &tm);
      std::strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
      response.status = 503;
      response.set_header("Retry-After", date);
      return;
    }
    TestServer::ack_all(request, response);
  });
  HttpsTransport transport(config(), m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-0000000000e1", 1, 1)));
  ASSERT_TRUE(wait_until([&] { return m_listener.count("connected") == 2; }, k_wait));
  EXPECT_TRUE(m_listener.saw("disconnected: HTTP 503 Retry-After"));
  EXPECT_GE(*m_listener.time_of("connected", 2) - *m_listener.time_of("disconnected"), milliseconds{1'000});
  transport.stop();
}

TEST_F(HttpsTransportTest, HangingServerTimesOut) {
  m_server->set_handler([&](const httplib::Request&, httplib::Response&) { m_server->hang(); });
  auto cfg = config();
  cfg.total_timeout = milliseconds{500};
  HttpsTransport transport(cfg, m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-0000000000f1", 1, 1)));
  ASSERT_TRUE(wait_until([&] { return m_listener.saw("failed "); }, k_wait));
  EXPECT_TRUE(m_listener.saw("failed 0190f0aa-0000-7000-8000-0000000000f1: Timeout"));
  EXPECT_FALSE(m_status.snapshot().trust_alarm);
  transport.stop();
}

TEST_F(HttpsTransportTest, WrongHostNameIsATrustFailure) {
  auto cfg = config();
  cfg.base_url = m_server->url("wrong-host.example");
  cfg.resolve = {"wrong-host.example:" + std::to_string(m_server->port()) + ":127.0.0.1"};
  HttpsTransport transport(cfg, m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-000000000101", 1, 1)));
  ASSERT_TRUE(wait_until([&] { return m_listener.saw("disconnected"); }, k_wait));
  EXPECT_TRUE(m_status.snapshot().trust_alarm);
  EXPECT_TRUE(m_server->requests().empty());
  EXPECT_FALSE(transport.send(make_batch("0190f0aa-0000-7000-8000-000000000102", 2, 1)));  // long backoff
  transport.stop();  // returns although the backoff has a minute to go
}

TEST_F(HttpsTransportTest, ServerFromAnotherCaIsATrustFailure) {
  HttpsTransport transport(config("other-ca"), m_status);
  transport.start(m_listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-000000000201", 1, 1)));
  ASSERT_TRUE(wait_until([&] { return m_listener.saw("disconnected"); }, k_wait));
  EXPECT_TRUE(m_status.snapshot().trust_alarm);
  EXPECT_NE(m_status.snapshot().trust_detail.find("SSL"), std::string::npos)
      << m_status.snapshot().trust_detail;
  transport.stop();
}

TEST_F(HttpsTransportTest, PinnedKeysCurrentOrNextAcceptedOthersRefused) {
  const std::string right = spki_pin(pki() / "headoffice.crt");
  const std::string wrong = spki_pin(pki() / "broker.crt");
  ASSERT_GT(right.size(), 20U);
  {
    auto cfg = config();
    cfg.pinned_public_keys = {wrong, right};  // the server's key is the "next" pin
    HttpsTransport transport(cfg, m_status);
    transport.start(m_listener);
    ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
    ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-000000000301", 1, 1)));
    ASSERT_TRUE(wait_until([&] { return m_listener.saw("ack "); }, k_wait));
    transport.stop();
  }
  SyncStatus status;
  RecordingListener listener;
  auto cfg = config();
  cfg.pinned_public_keys = {wrong};
  HttpsTransport transport(cfg, status);
  transport.start(listener);
  ASSERT_TRUE(wait_until([&] { return transport.is_connected(); }, k_wait));
  ASSERT_TRUE(transport.send(make_batch("0190f0aa-0000-7000-8000-000000000302", 1, 1)));
  ASSERT_TRUE(wait_until([&] { return listener.saw("disconnected"); }, k_wait));
  EXPECT_TRUE(status.snapshot().trust_alarm);
  EXPECT_NE(status.snapshot().trust_detail.find("pinned"), std::string::npos)
      << status.snapshot().trust_detail;
  transport.stop();
}

TEST(Gzip, RoundTripsThroughZlib) {
  const std::string text(5'000, 'a');
  const std::string packed = gzip_compress(text);
  ASSERT_FALSE(packed.empty());
  EXPECT_LT(packed.size(), text.size());
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  z_stream stream{};
  ASSERT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string unpacked(text.size() + 16, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  stream.avail_in = static_cast<uInt>(packed.size());
  stream.next_out = reinterpret_cast<Bytef*>(unpacked.data());
  stream.avail_out = static_cast<uInt>(unpacked.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  unpacked.resize(stream.total_out);
  inflateEnd(&stream);
  EXPECT_EQ(unpacked, text);
}

}  // namespace
}  // namespace kiosk::sync
