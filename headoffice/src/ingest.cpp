#include "headoffice/ingest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "headoffice/central_db.hpp"
#include "headoffice/registry.hpp"
#include "store/database.hpp"
#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/crypto.hpp"

namespace kiosk::headoffice {

namespace protocol = sync::protocol;

namespace {

// How many committed ranges above the high-water mark an ack lists at most (a kiosk confirms the rest
// with later acks).
constexpr std::size_t max_ack_ranges = 64;
constexpr std::int64_t walk_page_rows = 4'096;

void record_reject(store::Database& db, std::string_view kiosk, std::string_view batch_id,
                   std::optional<std::string_view> event_id, std::string_view reason, std::int64_t now_ms) {
  store::Statement insert(db,
                          "INSERT INTO rejects (kiosk, batch_id, event_id, reason, received_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind_text(1, kiosk);
  if (batch_id.empty()) {
    insert.bind_null(2);
  } else {
    insert.bind_text(2, batch_id);
  }
  if (event_id) {
    insert.bind_text(3, *event_id);
  } else {
    insert.bind_null(3);
  }
  insert.bind_text(4, reason);
  insert.bind_int64(5, now_ms);
  insert.run();
}

IngestResult refuse(store::Database& db, IngestStatus status, std::string_view kiosk,
                    std::string_view batch_id, std::string error, std::int64_t now_ms) {
  record_reject(db, kiosk, batch_id, std::nullopt, error, now_ms);
  IngestResult result;
  result.status = status;
  result.error = std::move(error);
  return result;
}

// The registry check: the transport-proven kiosk, the payload and the topic must all agree with it.
std::string identity_problem(const protocol::Batch& batch, const SenderIdentity& sender,
                             const std::optional<std::string>& branch) {
  if (sender.idempotency_key && *sender.idempotency_key != batch.batch_id) {
    return fmt::format("Idempotency-Key '{}' is not the batch_id '{}'", *sender.idempotency_key,
                       batch.batch_id);
  }
  if (batch.kiosk != sender.kiosk) {
    return fmt::format("payload kiosk '{}' is not the sender '{}'", batch.kiosk, sender.kiosk);
  }
  if (!branch) {
    return fmt::format("kiosk '{}' is not in the registry", sender.kiosk);
  }
  if (sender.topic_branch && *sender.topic_branch != *branch) {
    return fmt::format("topic branch '{}' is not the registry branch '{}' of kiosk '{}'",
                       *sender.topic_branch, *branch, sender.kiosk);
  }
  if (batch.branch != *branch) {
    return fmt::format("payload branch '{}' is not the registry branch '{}' of kiosk '{}'", batch.branch,
                       *branch, sender.kiosk);
  }
  return {};
}

struct KioskProgress {
  std::uint64_t high_water = 0;
  std::uint64_t max_seq = 0;
};

KioskProgress read_progress(store::Database& db, std::string_view kiosk) {
  store::Statement query(db, "SELECT high_water, max_seq FROM kiosks WHERE kiosk = ?1");
  query.bind_text(1, kiosk);
  KioskProgress progress;
  if (query.step()) {
    progress.high_water = static_cast<std::uint64_t>(query.column_int64(0));
    progress.max_seq = static_cast<std::uint64_t>(query.column_int64(1));
  }
  return progress;
}

// Advances the high-water mark over stored seqs and collects the committed ranges above it. Reads in pages
// so a long contiguous run (a gap just filled) advances fully, while the ranges after a gap stay bounded.
std::vector<protocol::SeqRange> advance_high_water(store::Database& db, std::string_view kiosk,
                                                   std::uint64_t& high_water) {
  store::Statement query(db, "SELECT seq FROM events WHERE kiosk = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
  std::vector<protocol::SeqRange> ranges;
  while (true) {
    query.reset();
    query.bind_text(1, kiosk);
    query.bind_int64(2, static_cast<std::int64_t>(high_water));
    query.bind_int64(3, walk_page_rows);
    std::int64_t rows = 0;
    bool contiguous = true;
    while (query.step()) {
      ++rows;
      auto seq = static_cast<std::uint64_t>(query.column_int64(0));
      if (contiguous && seq == high_water + 1) {
        high_water = seq;
        continue;
      }
      contiguous = false;
      if (!ranges.empty() && ranges.back().to + 1 == seq) {
        ranges.back().to = seq;
      } else if (ranges.size() < max_ack_ranges) {
        ranges.push_back({seq, seq});
      } else {
        break;
      }
    }
    if (!contiguous || rows < walk_page_rows) {
      return ranges;
    }
  }
}

class BatchWriter {
 public:
  BatchWriter(store::Database& db, const protocol::Batch& batch, std::string_view branch, std::int64_t now_ms)
      : m_db(db),
        m_batch(batch),
        m_branch(branch),
        m_now_ms(now_ms),
        m_insert(
            db,
            "INSERT INTO events (id, kiosk, branch, seq, type, schema, at, data, envelope, body_hash, "
            "batch_id, "
            "received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING"),
        m_by_id(db, "SELECT kiosk, seq, body_hash FROM events WHERE id = ?1"),
        m_duplicate(
            db, "INSERT INTO duplicates (kiosk, event_id, batch_id, received_at) VALUES (?1, ?2, ?3, ?4)"),
        m_conflict(db,
                   "INSERT INTO conflicts (kiosk, event_id, seq, body_hash, envelope, reason, batch_id, "
                   "received_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") {}

  void write(const protocol::Envelope& envelope, protocol::Ack& ack,
             std::vector<protocol::SeqRange>& committed, std::size_t& stored) {
    const std::string text = protocol::serialize_envelope(envelope);
    const std::string hash = protocol::sha256_hex(text);
    m_insert.reset();
    m_insert.bind_text(1, envelope.id);
    m_insert.bind_text(2, m_batch.kiosk);
    m_insert.bind_text(3, m_branch);
    m_insert.bind_int64(4, static_cast<std::int64_t>(envelope.seq));
    m_insert.bind_text(5, envelope.type);
    m_insert.bind_int64(6, envelope.schema);
    m_insert.bind_text(7, envelope.at);
    m_insert.bind_text(8, envelope.data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    m_insert.bind_text(9, text);
    m_insert.bind_text(10, hash);
    m_insert.bind_text(11, m_batch.batch_id);
    m_insert.bind_int64(12, m_now_ms);
    m_insert.run();
    if (m_db.changes() == 1) {
      ++stored;
      committed.push_back({envelope.seq, envelope.seq});
      return;
    }
    classify_existing(envelope, text, hash, ack, committed);
  }

 private:
  // The insert did nothing: either this exact event is already stored (duplicate), or its id or its
  // (kiosk, seq) is taken by something else (conflict).
  void classify_existing(const protocol::Envelope& envelope, const std::string& text, const std::string& hash,
                         protocol::Ack& ack, std::vector<protocol::SeqRange>& committed) {
    m_by_id.reset();
    m_by_id.bind_text(1, envelope.id);
    std::string reason;
    if (m_by_id.step()) {
      const bool same = m_by_id.column_text(0) == m_batch.kiosk &&
                        static_cast<std::uint64_t>(m_by_id.column_int64(1)) == envelope.seq &&
                        m_by_id.column_text(2) == hash;
      if (same) {
        m_duplicate.reset();
        m_duplicate.bind_text(1, m_batch.kiosk);
        m_duplicate.bind_text(2, envelope.id);
        m_duplicate.bind_text(3, m_batch.batch_id);
        m_duplicate.bind_int64(4, m_now_ms);
        m_duplicate.run();
        ack.duplicates.push_back(envelope.id);
        committed.push_back({envelope.seq, envelope.seq});
        return;
      }
      reason = "id already stored with another body";
    } else {
      reason = fmt::format("seq {} already stored with another id", envelope.seq);
    }
    m_conflict.reset();
    m_conflict.bind_text(1, m_batch.kiosk);
    m_conflict.bind_text(2, envelope.id);
    m_conflict.bind_int64(3, static_cast<std::int64_t>(envelope.seq));
    m_conflict.bind_text(4, hash);
    m_conflict.bind_text(5, text);
    m_conflict.bind_text(6, reason);
    m_conflict.bind_text(7, m_batch.batch_id);
    m_conflict.bind_int64(8, m_now_ms);
    m_conflict.run();
    ack.conflicts.push_back(envelope.id);
  }

  store::Database& m_db;
  const protocol::Batch& m_batch;
  std::string_view m_branch;
  std::int64_t m_now_ms;
  store::Statement m_insert;
  store::Statement m_by_id;
  store::Statement m_duplicate;
  store::Statement m_conflict;
};

void save_progress(store::Database& db, std::string_view kiosk, const KioskProgress& before,
                   const KioskProgress& after, std::int64_t now_ms) {
  // gap_since: when the current gap above the high-water mark opened. A moving high-water mark restarts the
  // clock; no gap clears it.
  store::Statement update(
      db,
      "UPDATE kiosks SET high_water = ?2, max_seq = ?3, last_seen = ?4, "
      "gap_since = CASE WHEN ?3 <= ?2 THEN NULL WHEN ?5 OR gap_since IS NULL THEN ?4 "
      "ELSE gap_since END, "
      "resend_requested_at = CASE WHEN ?3 <= ?2 OR ?5 THEN NULL ELSE resend_requested_at END "
      "WHERE kiosk = ?1");
  update.bind_text(1, kiosk);
  update.bind_int64(2, static_cast<std::int64_t>(after.high_water));
  update.bind_int64(3, static_cast<std::int64_t>(after.max_seq));
  update.bind_int64(4, now_ms);
  update.bind_int64(5, after.high_water != before.high_water ? 1 : 0);
  update.run();
}

IngestResult ingest_parsed(store::Database& db, const protocol::ParsedBatch& parsed,
                           const std::string& branch, const std::string& batch_hash, std::int64_t now_ms) {
  const protocol::Batch& batch = parsed.batch;
  IngestResult result;
  result.status = IngestStatus::acked;
  result.branch = branch;
  protocol::Ack& ack = result.ack;
  ack.kiosk = batch.kiosk;
  ack.batch_id = batch.batch_id;

  for (const auto& invalid : parsed.invalid_events) {
    record_reject(db, batch.kiosk, batch.batch_id, invalid.id, invalid.reason, now_ms);
    ack.rejects.push_back({invalid.id, invalid.reason});
  }
  std::vector<protocol::SeqRange> committed;
  BatchWriter writer(db, batch, branch, now_ms);
  const KioskProgress before = read_progress(db, batch.kiosk);
  KioskProgress after = before;
  for (const auto& envelope : batch.events) {
    writer.write(envelope, ack, committed, result.stored);
    after.max_seq = std::max(after.max_seq, envelope.seq);
  }
  auto above = advance_high_water(db, batch.kiosk, after.high_water);
  committed.insert(committed.end(), above.begin(), above.end());
  std::erase_if(committed, [&](const protocol::SeqRange& range) { return range.to <= after.high_water; });
  ack.high_water = after.high_water;
  ack.ranges = protocol::normalize_ranges(std::move(committed));
  save_progress(db, batch.kiosk, before, after, now_ms);

  store::Statement remember(db,
                            "INSERT INTO batches (batch_id, kiosk, body_hash, ack, received_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)");
  remember.bind_text(1, batch.batch_id);
  remember.bind_text(2, batch.kiosk);
  remember.bind_text(3, batch_hash);
  remember.bind_text(4, protocol::serialize_ack(ack));
  remember.bind_int64(5, now_ms);
  remember.run();
  return result;
}

struct SeenBatch {
  std::string kiosk;
  std::string body_hash;
  std::string ack;
};

std::optional<SeenBatch> find_batch(store::Database& db, std::string_view batch_id) {
  store::Statement query(db, "SELECT kiosk, body_hash, ack FROM batches WHERE batch_id = ?1");
  query.bind_text(1, batch_id);
  if (!query.step()) {
    return std::nullopt;
  }
  return SeenBatch{query.column_text(0), query.column_text(1), query.column_text(2)};
}

// One batch, inside the caller's transaction.
IngestResult ingest_one(store::Database& db, std::string_view body, const SenderIdentity& sender,
                        std::int64_t now_ms) {
  auto parsed = protocol::parse_batch(body);
  if (!parsed) {
    return refuse(db, IngestStatus::invalid, sender.kiosk, {}, parsed.error(), now_ms);
  }
  const protocol::Batch& batch = parsed.value().batch;
  const auto branch = KioskRegistry(db).branch_of(sender.kiosk);
  if (auto problem = identity_problem(batch, sender, branch); !problem.empty()) {
    auto result =
        refuse(db, IngestStatus::rejected, sender.kiosk, batch.batch_id, std::move(problem), now_ms);
    result.branch = branch.value_or("");
    return result;
  }
  // The idempotency key covers the whole document, invalid events included.
  const std::string batch_hash = protocol::sha256_hex(protocol::serialize_batch(batch) + "\n" +
                                                      std::to_string(parsed.value().invalid_events.size()));
  if (auto seen = find_batch(db, batch.batch_id)) {
    IngestResult result;
    result.branch = *branch;
    if (seen->kiosk != batch.kiosk || seen->body_hash != batch_hash) {
      result.status = IngestStatus::key_conflict;
      result.error = fmt::format("batch_id {} was already used for another batch", batch.batch_id);
      return result;
    }
    if (auto ack = protocol::parse_ack(seen->ack)) {
      result.status = IngestStatus::replayed;
      result.ack = std::move(ack).value();
      return result;
    }
  }
  return ingest_parsed(db, parsed.value(), *branch, batch_hash, now_ms);
}

}  // namespace

IngestResult Ingestor::ingest(std::string_view body, const SenderIdentity& sender,
                              std::chrono::system_clock::time_point now) {
  store::Transaction tx(m_db);
  IngestResult result = ingest_one(m_db, body, sender, to_unix_ms(now));
  tx.commit();
  return result;
}

std::vector<GroupOutcome> Ingestor::ingest_group(std::span<const GroupedBatch> batches,
                                                 std::chrono::system_clock::time_point now) {
  std::vector<GroupOutcome> outcomes;
  outcomes.reserve(batches.size());
  try {
    store::Transaction tx(m_db);
    for (const auto& batch : batches) {
      outcomes.push_back(GroupOutcome{ingest_one(m_db, batch.body, batch.sender, to_unix_ms(now)), {}});
    }
    tx.commit();
    return outcomes;
  } catch (const store::StoreError& error) {
    if (batches.size() <= 1) {
      outcomes.assign(batches.size(), GroupOutcome{std::nullopt, error.what()});
      return outcomes;
    }
  }
  // One batch failed the whole group (nothing of it was committed): ingest them one by one, so a batch
  // that keeps failing holds back only itself.
  outcomes.clear();
  for (const auto& batch : batches) {
    try {
      outcomes.push_back(GroupOutcome{ingest(batch.body, batch.sender, now), {}});
    } catch (const store::StoreError& error) {
      outcomes.push_back(GroupOutcome{std::nullopt, error.what()});
    }
  }
  return outcomes;
}

std::vector<GapRequest> take_overdue_gaps(store::Database& db, std::chrono::system_clock::time_point now,
                                          std::chrono::milliseconds reorder_timeout) {
  const std::int64_t now_ms = to_unix_ms(now);
  const std::int64_t cutoff = now_ms - reorder_timeout.count();
  store::Transaction tx(db);
  store::Statement query(db,
                         "SELECT kiosk, branch, high_water, "
                         "(SELECT MIN(seq) FROM events e WHERE e.kiosk = k.kiosk AND e.seq > k.high_water) "
                         "FROM kiosks k WHERE gap_since IS NOT NULL AND gap_since <= ?1 "
                         "AND (resend_requested_at IS NULL OR resend_requested_at <= ?1)");
  query.bind_int64(1, cutoff);
  std::vector<GapRequest> gaps;
  while (query.step()) {
    if (query.column_is_null(3)) {
      continue;
    }
    GapRequest gap;
    gap.kiosk = query.column_text(0);
    gap.branch = query.column_text(1);
    gap.from = static_cast<std::uint64_t>(query.column_int64(2)) + 1;
    gap.to = static_cast<std::uint64_t>(query.column_int64(3)) - 1;
    if (gap.to >= gap.from) {
      gaps.push_back(std::move(gap));
    }
  }
  store::Statement mark(db, "UPDATE kiosks SET resend_requested_at = ?2 WHERE kiosk = ?1");
  for (const auto& gap : gaps) {
    mark.reset();
    mark.bind_text(1, gap.kiosk);
    mark.bind_int64(2, now_ms);
    mark.run();
  }
  tx.commit();
  return gaps;
}

}  // namespace kiosk::headoffice
