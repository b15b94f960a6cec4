#include "sync/inflight_window.hpp"

#include <algorithm>

namespace kiosk::sync {
namespace {

constexpr std::size_t k_max_capacity = 64;

bool in_ranges(std::int64_t seq, std::int64_t high_water, const std::vector<SeqRange>& ranges) {
  if (seq <= high_water) {
    return true;
  }
  return std::any_of(ranges.begin(), ranges.end(),
                     [seq](const SeqRange& range) { return range.from <= seq && seq <= range.to; });
}

}  // namespace

InflightWindow::InflightWindow(std::size_t capacity)
    : m_capacity(std::clamp<std::size_t>(capacity, 1, k_max_capacity)) {}

bool InflightWindow::add(InflightBatch batch) {
  if (!has_room() || m_batches.contains(batch.batch_id)) {
    return false;
  }
  for (const auto& event : batch.events) {
    if (m_seqs.contains(event.seq)) {
      return false;
    }
  }
  for (const auto& event : batch.events) {
    m_seq_owner.emplace(event.seq, batch.batch_id);
    m_id_to_seq.emplace(event.id, event.seq);
    m_seqs.insert(event.seq);
  }
  std::string key = batch.batch_id;
  m_batches.emplace(std::move(key), std::move(batch));
  return true;
}

std::vector<std::int64_t> InflightWindow::mark_delivered(const std::string& batch_id) {
  std::vector<std::int64_t> seqs;
  const auto it = m_batches.find(batch_id);
  if (it == m_batches.end() || it->second.delivered) {
    return seqs;
  }
  it->second.delivered = true;
  for (const auto& event : it->second.events) {
    seqs.push_back(event.seq);
  }
  return seqs;
}

std::vector<std::int64_t> InflightWindow::remove(const std::string& batch_id) {
  std::vector<std::int64_t> delivered;
  const auto it = m_batches.find(batch_id);
  if (it == m_batches.end()) {
    return delivered;
  }
  for (const auto& event : it->second.events) {
    m_seq_owner.erase(event.seq);
    m_id_to_seq.erase(event.id);
    m_seqs.erase(event.seq);
    if (it->second.delivered) {
      delivered.push_back(event.seq);
    }
  }
  m_batches.erase(it);
  return delivered;
}

std::vector<std::int64_t> InflightWindow::drop(const std::string& batch_id) {
  return remove(batch_id);
}

AckOutcome InflightWindow::apply_ack(const AckSummary& ack) {
  AckOutcome outcome;
  outcome.confirm_up_to = ack.high_water;
  outcome.confirm_ranges = ack.ranges;

  std::unordered_set<std::int64_t> settled;  // seqs of this Ack's batch that the Ack accounts for
  const auto settle = [&](const std::string& id, auto&& in_window, auto&& elsewhere) {
    if (const auto it = m_id_to_seq.find(id); it != m_id_to_seq.end()) {
      settled.insert(it->second);
      in_window(it->second);
    } else {
      elsewhere();
    }
  };
  for (const auto& id : ack.duplicate_ids) {
    settle(
        id,
        [&](std::int64_t seq) {
          outcome.confirm_ranges.push_back(SeqRange{seq, seq});
        },
        [&] { outcome.confirm_ids.push_back(id); });
  }
  for (const auto& reject : ack.rejects) {
    const std::string reason = "rejected by head office: " + reject.reason;
    settle(
        reject.id,
        [&](std::int64_t seq) {
          outcome.quarantine.push_back(Quarantine{seq, reason});
        },
        [&] { outcome.quarantine_ids.emplace_back(reject.id, reason); });
  }
  for (const auto& id : ack.conflict_ids) {
    const std::string reason = "conflict: head office holds another body for this id";
    settle(
        id,
        [&](std::int64_t seq) {
          outcome.quarantine.push_back(Quarantine{seq, reason});
        },
        [&] { outcome.quarantine_ids.emplace_back(id, reason); });
  }

  const auto it = m_batches.find(ack.batch_id);
  if (it == m_batches.end()) {
    return outcome;
  }
  outcome.batch_known = true;
  // Head office answered for this batch; whatever it did not commit, duplicate or refuse was lost on its
  // side and goes out again. Rows never delivered are still pending and need nothing.
  if (it->second.delivered) {
    for (const auto& event : it->second.events) {
      if (!settled.contains(event.seq) && !in_ranges(event.seq, ack.high_water, ack.ranges)) {
        outcome.back_to_pending.push_back(event.seq);
      }
    }
  }
  remove(ack.batch_id);
  return outcome;
}

std::vector<std::int64_t> InflightWindow::expire(SteadyTime now, std::chrono::milliseconds timeout) {
  std::vector<std::string> expired;
  for (const auto& [id, batch] : m_batches) {
    if (batch.dispatched_at + timeout <= now) {
      expired.push_back(id);
    }
  }
  std::vector<std::int64_t> delivered;
  for (const auto& id : expired) {
    auto seqs = remove(id);
    delivered.insert(delivered.end(), seqs.begin(), seqs.end());
  }
  return delivered;
}

std::optional<SteadyTime> InflightWindow::next_expiry(std::chrono::milliseconds timeout) const {
  std::optional<SteadyTime> earliest;
  for (const auto& [id, batch] : m_batches) {
    const auto due = batch.dispatched_at + timeout;
    if (!earliest || due < *earliest) {
      earliest = due;
    }
  }
  return earliest;
}

std::vector<std::int64_t> InflightWindow::clear() {
  std::vector<std::int64_t> delivered;
  for (const auto& [id, batch] : m_batches) {
    if (batch.delivered) {
      for (const auto& event : batch.events) {
        delivered.push_back(event.seq);
      }
    }
  }
  m_batches.clear();
  m_seq_owner.clear();
  m_id_to_seq.clear();
  m_seqs.clear();
  return delivered;
}

}  // namespace kiosk::sync
