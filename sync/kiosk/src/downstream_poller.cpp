#include "sync/downstream_poller.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace kiosk::sync {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds jittered(std::chrono::milliseconds interval, double jitter,
                                   domain::RandomSource& random) {
  jitter = std::clamp(jitter, 0.0, 0.5);
  // 53 random bits give a uniform double in [0, 1).
  const double unit = static_cast<double>(random.next_u64() >> 11) / 9007199254740992.0;
  const double factor = 1.0 - jitter + 2.0 * jitter * unit;
  return std::chrono::milliseconds{static_cast<std::int64_t>(static_cast<double>(interval.count()) * factor)};
}

void notify(const std::function<void(const BundleReport&)>& callback, const BundleReport& report) {
  if (!callback) {
    return;
  }
  try {
    callback(report);
  } catch (const std::exception& error) {
    spdlog::error("sync/downstream: bundle callback failed for {}/{} v{}: {}", report.kind, report.scope,
                  report.version, error.what());
  }
}

// The content check's verdict on a fetched bundle, or nullopt when it passes. The signature is not checked
// yet (BundleStore::apply does that next), so a forged bundle may be refused for its content instead; it
// is refused either way and nothing is applied.
std::optional<BundleReport> refuse_content(const DownstreamConfig& config, const std::string& body) {
  if (!config.check_content) {
    return std::nullopt;
  }
  const auto signed_bundle = protocol::parse_signed_bundle(body);
  if (!signed_bundle) {
    return std::nullopt;  // BundleStore names the problem
  }
  const auto bundle = protocol::parse_bundle(signed_bundle.value().bundle_text);
  if (!bundle) {
    return std::nullopt;
  }
  const std::string problem = config.check_content(bundle.value());
  if (problem.empty()) {
    return std::nullopt;
  }
  const auto& b = bundle.value();
  return BundleReport{
      BundleOutcome::rejected,
      fmt::format("bundle {}/{} v{} refused: content: {}", b.kind, b.scope, b.version, problem), b.kind,
      b.scope, b.version};
}

}  // namespace

// What one round found; decides when the next one runs.
struct DownstreamPoller::Round {
  std::vector<std::string> errors;
  bool trust_failure = false;
  std::chrono::seconds retry_after{0};
  std::map<Key, std::uint64_t> unsatisfied;  // announced versions not applied yet: kept for the retry
  std::uint64_t status_applied = 0;
  std::uint64_t status_skipped = 0;
  std::optional<std::uint64_t> status_cursor;

  bool failed() const { return !errors.empty(); }
  void fail(const FetchError& error) {
    errors.push_back(fmt::format("{} ({})", error.message, to_string(error.kind)));
    trust_failure = trust_failure || error.kind == FetchFailure::trust_failure;
    retry_after = std::max(retry_after, error.retry_after);
  }
  void fail(std::string message) { errors.push_back(std::move(message)); }
};

DownstreamPoller::DownstreamPoller(DownstreamConfig config, HttpsConfig https, BundleStore& bundles,
                                   ComplaintStatusSink& sink)
    : m_config(std::move(config)),
      m_https(https),
      m_bundles(bundles),
      m_sink(sink),
      m_client(std::move(https)),
      m_backoff(m_config.retry, m_random) {
  if (auto error = validate_subscriptions(m_config.bundles); !error.empty()) {
    throw std::invalid_argument("downstream: " + error);
  }
  if (!m_config.clock) {
    m_config.clock = [] { return std::chrono::system_clock::now(); };
  }
  m_config.status_page_limit = std::max<std::size_t>(m_config.status_page_limit, 1);
}

DownstreamPoller::~DownstreamPoller() {
  stop();
}

void DownstreamPoller::start() {
  std::lock_guard lock(m_mutex);
  if (!m_thread.joinable() && !m_stopping) {
    m_thread = std::thread([this] { run(); });
  }
}

void DownstreamPoller::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_client.cancel();
  m_signal.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void DownstreamPoller::poke(protocol::BundlePointer pointer) {
  const BundleSubscription wanted{pointer.kind, pointer.scope};
  if (std::find(m_config.bundles.begin(), m_config.bundles.end(), wanted) == m_config.bundles.end()) {
    spdlog::debug("sync/downstream: pointer for {}/{} ignored: not followed", pointer.kind.substr(0, 32),
                  pointer.scope.substr(0, 64));
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    auto& version = m_pointers[Key{pointer.kind, pointer.scope}];
    version = std::max(version, pointer.version);
  }
  m_signal.notify_all();
}

void DownstreamPoller::poll_now() {
  {
    std::lock_guard lock(m_mutex);
    m_poll_requested = true;
  }
  m_signal.notify_all();
}

DownstreamStatus DownstreamPoller::status() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

void DownstreamPoller::run() {
  std::unique_lock lock(m_mutex);
  auto next_due = Clock::now();          // the first round runs at once
  std::map<Key, std::uint64_t> carried;  // announced versions a failed round did not reach
  while (!m_stopping) {
    const bool due = m_poll_requested || Clock::now() >= next_due;
    if (!due && m_pointers.empty()) {
      m_signal.wait_until(lock, next_due,
                          [this] { return m_stopping || m_poll_requested || !m_pointers.empty(); });
      continue;
    }
    auto pointers = std::exchange(m_pointers, {});
    for (const auto& [key, version] : carried) {
      auto& merged = pointers[key];
      merged = std::max(merged, version);
    }
    m_poll_requested = false;
    lock.unlock();

    Round round = run_round(pointers, due);
    if (round.failed()) {
      carried = round.unsatisfied;
      next_due = Clock::now() + next_wait(round);
    } else {
      carried.clear();
      if (due) {
        m_backoff.reset();
        next_due = Clock::now() + jittered(m_config.poll_interval, m_config.poll_jitter, m_random);
      }
    }

    lock.lock();
    if (m_stopping) {
      break;  // a round cut short by stop() is not news
    }
    ++m_status.rounds;
    m_status.status_changes_applied += round.status_applied;
    m_status.status_changes_skipped += round.status_skipped;
    if (round.status_cursor) {
      m_status.status_cursor = *round.status_cursor;
    }
    if (round.failed()) {
      ++m_status.failed_rounds;
      m_status.last_error = fmt::format("{}", fmt::join(round.errors, "; "));
      spdlog::warn("sync/downstream: {}; next round in {} s", m_status.last_error,
                   std::chrono::duration_cast<std::chrono::seconds>(next_due - Clock::now()).count());
    } else {
      m_status.last_error.clear();
      m_status.last_success = std::chrono::system_clock::now();
    }
  }
}

std::chrono::milliseconds DownstreamPoller::next_wait(const Round& round) {
  if (round.trust_failure) {
    return m_https.trust_failure_backoff;
  }
  const auto backoff = std::min(m_backoff.next(), m_config.poll_interval);
  return std::max<std::chrono::milliseconds>(backoff, round.retry_after);
}

DownstreamPoller::Round DownstreamPoller::run_round(const std::map<Key, std::uint64_t>& pointers, bool full) {
  Round round;
  for (const auto& subscription : m_config.bundles) {
    const auto pointer = pointers.find(Key{subscription.kind, subscription.scope});
    std::optional<std::uint64_t> announced;
    if (pointer != pointers.end()) {
      announced = pointer->second;
    }
    try {
      sync_bundle(subscription, announced, full, round);
    } catch (const std::exception& error) {
      round.fail(fmt::format("bundle {}/{}: {}", subscription.kind, subscription.scope, error.what()));
    }
  }
  try {
    sync_complaint_status(round);
  } catch (const std::exception& error) {
    round.fail(fmt::format("complaint status: {}", error.what()));
  }
  return round;
}

void DownstreamPoller::sync_bundle(const BundleSubscription& subscription,
                                   std::optional<std::uint64_t> pointer, bool full, Round& round) {
  const Key key{subscription.kind, subscription.scope};
  const auto current = m_bundles.current(subscription.kind, subscription.scope);
  const std::uint64_t applied = current ? current->version : 0;
  const bool announced_newer = pointer && *pointer > applied;
  if (!full && !announced_newer) {
    return;  // a re-delivered retained pointer for what we already have
  }
  // An ETag only names what we hold if we hold something (the bundle file may have been removed).
  const auto known = m_etags.find(key);
  const std::string etag = current && known != m_etags.end() ? known->second : std::string();

  const auto fetch = m_client.fetch_bundle(subscription.kind, subscription.scope, etag);
  std::uint64_t now_applied = applied;
  if (fetch.status == BundleFetch::Status::failed) {
    if (fetch.error.kind == FetchFailure::not_found && !announced_newer) {
      spdlog::debug("sync/downstream: no {}/{} published yet", subscription.kind, subscription.scope);
      return;
    }
    round.fail(fetch.error);
    if (announced_newer) {
      round.unsatisfied[key] = *pointer;
    }
    return;
  }
  if (fetch.status == BundleFetch::Status::fetched) {
    const auto refused = refuse_content(m_config, fetch.body);
    const BundleReport report = refused ? *refused : m_bundles.apply(fetch.body, m_config.clock());
    switch (report.outcome) {
      case BundleOutcome::applied:
        spdlog::info("sync/downstream: {}", report.message);
        m_etags[key] = fetch.etag;
        now_applied = report.version;
        notify(m_config.on_bundle_applied, report);
        break;
      case BundleOutcome::already_applied:
        m_etags[key] = fetch.etag;
        break;
      case BundleOutcome::rejected:
        // The current bundle stays. Retrying soon would fetch the same document, so the announcement is
        // dropped; the next pointer or backstop round looks again.
        spdlog::error("sync/downstream: {}", report.message);
        notify(m_config.on_bundle_rejected, report);
        return;
    }
  }
  if (announced_newer && now_applied < *pointer) {
    round.fail(fmt::format("bundle {}/{}: v{} announced, head office serves v{}", subscription.kind,
                           subscription.scope, *pointer, now_applied));
    round.unsatisfied[key] = *pointer;
  }
}

void DownstreamPoller::sync_complaint_status(Round& round) {
  for (std::size_t page_count = 0; page_count < m_config.max_status_pages; ++page_count) {
    const std::uint64_t cursor = m_sink.cursor();
    round.status_cursor = cursor;
    auto fetch = m_client.fetch_complaint_status(cursor, m_config.status_page_limit);
    if (!fetch.page) {
      round.fail(fetch.error);
      return;
    }
    if (fetch.page->changes.empty()) {
      return;
    }
    const auto result = m_sink.apply(*fetch.page);
    round.status_applied += result.applied;
    round.status_skipped += result.skipped;
    round.status_cursor = result.cursor;
    if (result.cursor <= cursor) {
      return;  // the page did not move the cursor: asking again would give the same page
    }
  }
}

}  // namespace kiosk::sync
