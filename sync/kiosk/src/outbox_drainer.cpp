#include "sync/outbox_drainer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "store/error.hpp"
#include "sync/batch_builder.hpp"

namespace kiosk::sync {
namespace {

// Pause after a database error before the loop tries again, so a locked or failing disk is not hammered.
constexpr std::chrono::milliseconds k_error_pause{1'000};

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

OutboxDrainer::OutboxDrainer(DrainerConfig config, Transport& transport, SyncStatus& status)
    : m_config(std::move(config)),
      m_transport(transport),
      m_status(status),
      m_outbox(m_config.database, m_config.busy_timeout, m_config.cipher),
      m_window(m_config.window),
      m_batch_ids(m_random) {
  if (m_config.boot_id.empty()) {
    m_config.boot_id = m_batch_ids.next(std::chrono::system_clock::now()).to_string();
  }
  // Nothing is in flight after a restart: whatever an earlier run left `sent` never got its Ack.
  if (const auto returned = m_outbox.return_all_sent_to_pending(); returned > 0) {
    spdlog::info("sync: {} rows left sent by an earlier run go back to pending", returned);
  }
  publish_status();
}

OutboxDrainer::~OutboxDrainer() {
  stop();
}

void OutboxDrainer::start() {
  std::lock_guard lock(m_mutex);
  if (!m_thread.joinable() && !m_stop) {
    m_thread = std::thread([this] { thread_main(); });
  }
}

void OutboxDrainer::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_signal.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void OutboxDrainer::wake() {
  {
    std::lock_guard lock(m_mutex);
    m_wake = true;
  }
  m_signal.notify_all();
}

void OutboxDrainer::post(News news) {
  {
    std::lock_guard lock(m_mutex);
    m_news.push_back(std::move(news));
  }
  m_signal.notify_all();
}

void OutboxDrainer::on_connected() {
  post(Connected{});
}
void OutboxDrainer::on_disconnected(std::string reason) {
  post(Disconnected{std::move(reason)});
}
void OutboxDrainer::on_delivered(std::string batch_id) {
  post(Delivered{std::move(batch_id)});
}
void OutboxDrainer::on_send_failed(std::string batch_id, std::string reason) {
  post(SendFailed{std::move(batch_id), std::move(reason)});
}
void OutboxDrainer::on_ack(AckSummary ack) {
  post(std::move(ack));
}
void OutboxDrainer::on_resend(ResendRequest request) {
  post(request);
}

void OutboxDrainer::thread_main() {
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    lock.unlock();
    auto pause = m_config.poll_interval;
    try {
      run_cycle(std::chrono::steady_clock::now());
    } catch (const store::StoreError& error) {
      spdlog::error("sync: outbox database error, retrying: {}", error.what());
      pause = k_error_pause;
    } catch (const std::exception& error) {
      // Nothing else is expected here; the thread must survive it all the same, or sync stops silently.
      spdlog::error("sync: drainer cycle failed, retrying: {}", error.what());
      pause = k_error_pause;
    }
    auto until = std::chrono::steady_clock::now() + pause;
    if (const auto deadline = next_deadline()) {
      until = std::min(until, *deadline);
    }
    lock.lock();
    m_signal.wait_until(lock, until, [this] { return m_stop || m_wake || !m_news.empty(); });
    m_wake = false;
  }
}

std::optional<SteadyTime> OutboxDrainer::next_deadline() const {
  auto deadline = m_window.next_expiry(m_config.ack_timeout);
  if (m_linger_since && m_connected && m_window.has_room()) {
    const auto linger_end = *m_linger_since + m_config.linger;
    deadline = deadline ? std::min(*deadline, linger_end) : linger_end;
  }
  return deadline;
}

void OutboxDrainer::run_cycle(SteadyTime now) {
  std::vector<News> news;
  {
    std::lock_guard lock(m_mutex);
    news.swap(m_news);
  }
  for (auto& item : news) {
    apply(item);
  }
  if (const auto overdue = m_window.expire(now, m_config.ack_timeout); !overdue.empty()) {
    spdlog::warn("sync: no ack within {} ms for {} sent rows; sending them again",
                 m_config.ack_timeout.count(), overdue.size());
    m_outbox.return_to_pending(overdue);
  }
  const bool recount = !m_last_count || now - *m_last_count >= m_config.count_interval;
  if (recount) {
    enforce_storage_cap();
  }
  while (m_connected && m_window.has_room() && dispatch_one(now)) {
  }
  if (recount) {
    publish_status();
    m_last_count = now;
  }
}

void OutboxDrainer::apply(News& news) {
  std::visit(Overloaded{
                 [this](Connected&) {
                   m_connected = true;
                   m_status.set_connected(true);
                 },
                 [this](Disconnected& lost) {
                   m_connected = false;
                   m_status.set_connected(false, lost.reason);
                   // Acks for these batches may never come on a new connection: send them again.
                   const auto seqs = m_window.clear();
                   m_outbox.return_to_pending(seqs);
                 },
                 [this](Delivered& delivered) {
                   const auto seqs = m_window.mark_delivered(delivered.batch_id);
                   m_outbox.mark_sent(seqs);
                 },
                 [this](SendFailed& failed) {
                   spdlog::warn("sync: batch {} not sent: {}", failed.batch_id, failed.reason);
                   const auto seqs = m_window.drop(failed.batch_id);
                   m_outbox.return_to_pending(seqs);
                 },
                 [this](AckSummary& ack) { apply_ack(ack); },
                 [this](ResendRequest& request) { apply_resend(request); },
             },
             news);
}

void OutboxDrainer::apply_ack(const AckSummary& ack) {
  const AckOutcome outcome = m_window.apply_ack(ack);
  std::int64_t confirmed = m_outbox.confirm_up_to(outcome.confirm_up_to);
  confirmed += m_outbox.confirm_ranges(outcome.confirm_ranges);
  confirmed += m_outbox.confirm_ids(outcome.confirm_ids);
  for (const auto& poison : outcome.quarantine) {
    spdlog::error("sync: event seq {} quarantined: {}", poison.seq, poison.reason);
    m_outbox.quarantine(poison.seq, poison.reason);
  }
  for (const auto& [id, reason] : outcome.quarantine_ids) {
    if (m_outbox.quarantine_id(id, reason)) {
      spdlog::error("sync: event {} quarantined: {}", id, reason);
    }
  }
  m_outbox.return_to_pending(outcome.back_to_pending);
  if (confirmed > 0) {
    m_status.add_confirmed(confirmed, std::chrono::system_clock::now());
  }
}

void OutboxDrainer::apply_resend(const ResendRequest& request) {
  // A hostile or buggy command must not turn the whole history back into pending rows in one go.
  const std::int64_t to = std::min(request.to, request.from + m_config.max_resend_span - 1);
  const auto changed = m_outbox.resend(request.from, to);
  spdlog::info("sync: head office asked for seqs {}-{}; {} rows go out again", request.from, to, changed);
}

void OutboxDrainer::enforce_storage_cap() {
  const auto counts = m_outbox.counts();
  const std::int64_t backlog = counts.pending + counts.sent;
  if (backlog <= m_config.storage_cap_rows) {
    return;
  }
  const auto shed = m_outbox.shed_telemetry(backlog - m_config.storage_cap_rows);
  if (shed > 0) {
    spdlog::warn("sync: backlog {} over the cap of {} rows; dropped {} oldest telemetry events", backlog,
                 m_config.storage_cap_rows, shed);
    m_status.add_shed(shed);
  }
}

bool OutboxDrainer::dispatch_one(SteadyTime now) {
  // A few extra candidates so poison rows found on the way do not leave the batch short.
  const auto candidates = m_outbox.next_pending(m_config.max_batch_events + 8, m_window.seqs_in_flight());
  if (candidates.empty()) {
    m_linger_since.reset();
    return false;
  }
  BatchHeader header{m_config.kiosk_id, m_config.branch_id, m_config.boot_id,
                     m_batch_ids.next(std::chrono::system_clock::now()).to_string()};
  BuiltBatch built =
      build_batch(candidates, header, BatchLimits{m_config.max_batch_events, m_config.max_batch_bytes});
  for (const auto& poison : built.poison) {
    spdlog::error("sync: event seq {} quarantined: {}", poison.seq, poison.reason);
    m_outbox.quarantine(poison.seq, poison.reason);
  }
  if (built.batch.events.empty()) {
    // Everything read was poison; the next pass reads the rows behind it.
    return !built.poison.empty();
  }
  if (!built.full && m_window.size() > 0) {
    if (!m_linger_since) {
      m_linger_since = now;
    }
    if (now - *m_linger_since < m_config.linger) {
      return false;
    }
  }
  if (!m_transport.send(built.batch)) {
    return false;
  }
  m_window.add(InflightBatch{built.batch.batch_id, std::move(built.batch.events), now, false});
  m_linger_since.reset();
  return true;
}

void OutboxDrainer::publish_status() {
  const auto counts = m_outbox.counts();
  const std::int64_t backlog = counts.pending + counts.sent;
  std::optional<std::chrono::seconds> age;
  if (const auto oldest = m_outbox.oldest_unconfirmed_created_at()) {
    age = std::max(std::chrono::seconds{0}, std::chrono::duration_cast<std::chrono::seconds>(
                                                std::chrono::system_clock::now() - *oldest));
  }
  const bool alarm = backlog * 5 >= m_config.storage_cap_rows * 4;
  m_status.set_backlog(backlog, static_cast<std::int64_t>(m_window.size()), age, alarm);
  m_status.set_quarantined(counts.quarantined);
}

}  // namespace kiosk::sync
