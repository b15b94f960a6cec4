#include "sync/fallback_transport.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::sync {

std::optional<TransportPolicy> parse_transport_policy(std::string_view text) {
  for (const auto policy :
       {TransportPolicy::mqtt, TransportPolicy::https, TransportPolicy::mqtt_with_https_fallback}) {
    if (to_string(policy) == text) {
      return policy;
    }
  }
  return std::nullopt;
}

std::string_view to_string(TransportPolicy policy) {
  switch (policy) {
    case TransportPolicy::mqtt:
      return "mqtt";
    case TransportPolicy::https:
      return "https";
    case TransportPolicy::mqtt_with_https_fallback:
      return "mqtt_with_https_fallback";
  }
  return "mqtt";
}

// Receives one inner transport's reports: connection news goes to the policy, everything else straight on.
class FallbackTransport::Leg final : public TransportListener {
 public:
  Leg(FallbackTransport& owner, Path path) : m_owner(owner), m_path(path) {}

  void on_connected() override { m_owner.leg_connected(m_path); }
  void on_disconnected(std::string reason) override { m_owner.leg_disconnected(m_path, reason); }
  void on_delivered(std::string batch_id) override {
    forward([&](TransportListener& l) { l.on_delivered(std::move(batch_id)); });
  }
  void on_send_failed(std::string batch_id, std::string reason) override {
    forward([&](TransportListener& l) { l.on_send_failed(std::move(batch_id), std::move(reason)); });
  }
  void on_ack(AckSummary ack) override {
    forward([&](TransportListener& l) { l.on_ack(std::move(ack)); });
  }
  void on_resend(ResendRequest request) override {
    forward([&](TransportListener& l) { l.on_resend(request); });
  }

 private:
  template <typename Call>
  void forward(Call&& call) {
    TransportListener* listener = nullptr;
    {
      std::lock_guard lock(m_owner.m_mutex);
      listener = m_owner.m_listener;
    }
    // The listener is only queued news (it never calls back), and it outlives stop(), after which the
    // inner transports are silent.
    if (listener != nullptr) {
      call(*listener);
    }
  }

  FallbackTransport& m_owner;
  Path m_path;
};

FallbackTransport::FallbackTransport(Transport& mqtt, Transport& https, SyncStatus& status,
                                     FallbackConfig config)
    : m_mqtt(mqtt),
      m_https(https),
      m_status(status),
      m_config(config),
      m_mqtt_leg(std::make_unique<Leg>(*this, Path::mqtt)),
      m_https_leg(std::make_unique<Leg>(*this, Path::https)),
      m_mqtt_down_since(std::chrono::steady_clock::now()) {}

FallbackTransport::~FallbackTransport() {
  stop();
}

std::string_view FallbackTransport::name() const {
  return "mqtt_with_https_fallback";
}

std::string FallbackTransport::active() const {
  std::lock_guard lock(m_mutex);
  return m_active == Path::mqtt ? "mqtt" : m_active == Path::https ? "https" : "";
}

void FallbackTransport::start(TransportListener& listener) {
  {
    std::lock_guard lock(m_mutex);
    m_listener = &listener;
    m_mqtt_down_since = std::chrono::steady_clock::now();
  }
  m_mqtt.start(*m_mqtt_leg);
  m_https.start(*m_https_leg);
  std::lock_guard lock(m_mutex);
  if (!m_watcher.joinable() && !m_stopping) {
    m_watcher = std::thread([this] { watch(); });
  }
}

void FallbackTransport::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_signal.notify_all();
  if (m_watcher.joinable()) {
    m_watcher.join();
  }
  m_mqtt.stop();
  m_https.stop();
  std::lock_guard lock(m_mutex);
  m_listener = nullptr;
  m_active = Path::none;
}

bool FallbackTransport::send(const OutgoingBatch& batch) {
  Path active = Path::none;
  {
    std::lock_guard lock(m_mutex);
    active = m_active;
  }
  switch (active) {
    case Path::mqtt:
      return m_mqtt.send(batch);
    case Path::https:
      return m_https.send(batch);
    case Path::none:
      return false;
  }
  return false;
}

bool FallbackTransport::is_connected() const {
  std::lock_guard lock(m_mutex);
  return m_active != Path::none;
}

void FallbackTransport::leg_connected(Path path) {
  {
    std::lock_guard lock(m_mutex);
    (path == Path::mqtt ? m_mqtt_up : m_https_up) = true;
  }
  reconsider();
}

void FallbackTransport::leg_disconnected(Path path, const std::string& reason) {
  {
    std::lock_guard lock(m_mutex);
    if (path == Path::mqtt) {
      if (m_mqtt_up) {
        m_mqtt_down_since = std::chrono::steady_clock::now();
      }
      m_mqtt_up = false;
    } else {
      m_https_up = false;
    }
  }
  spdlog::info("sync: {} path down: {}", path == Path::mqtt ? "mqtt" : "https", reason);
  reconsider();
}

void FallbackTransport::reconsider() {
  std::lock_guard decide(m_decide);
  const std::int64_t backlog = m_status.snapshot().backlog;
  std::unique_lock lock(m_mutex);
  if (m_stopping) {
    return;
  }
  Path wanted = Path::none;
  if (m_mqtt_up) {
    wanted = Path::mqtt;
  } else if (m_https_up && (std::chrono::steady_clock::now() - m_mqtt_down_since >= m_config.mqtt_down_for ||
                            backlog >= m_config.backlog_threshold)) {
    wanted = Path::https;
  }
  if (wanted == m_active) {
    return;
  }
  const Path previous = m_active;
  m_active = wanted;
  TransportListener* listener = m_listener;
  lock.unlock();
  const std::string_view name = wanted == Path::mqtt ? "mqtt" : wanted == Path::https ? "https" : "none";
  spdlog::info("sync: batches now go by {}", name);
  m_status.set_transport(std::string(wanted == Path::none ? "" : name));
  if (listener == nullptr) {
    return;
  }
  // Batches in flight on the old path will not be acked through the new one: the drainer sends them again.
  if (previous != Path::none) {
    listener->on_disconnected(std::string("switching to ") + std::string(name));
  }
  if (wanted != Path::none) {
    listener->on_connected();
  }
}

void FallbackTransport::watch() {
  std::unique_lock lock(m_mutex);
  while (!m_stopping) {
    m_signal.wait_for(lock, m_config.check_interval, [this] { return m_stopping; });
    if (m_stopping) {
      break;
    }
    lock.unlock();
    reconsider();
    lock.lock();
  }
}

}  // namespace kiosk::sync
