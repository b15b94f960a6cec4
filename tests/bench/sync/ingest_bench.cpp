// Head-office ingest throughput, in process (no network): batches of 50 events from several kiosks, with
// dedupe, as the receivers commit them. Target: >= 20,000 events/s. Two runs on fresh databases, one after
// the other: one transaction per batch (the HTTPS receiver), then group commits of GROUP batches (the MQTT
// worker takes what is queued, up to 64; a kiosk keeps up to 16 batches in flight).
//   ingest_bench [EVENTS] [KIOSKS] [GROUP]
// Prints one line per run; besides the rate it splits the wall time into CPU used, time runnable but
// waiting for a CPU (schedstat: the machine's load) and the rest, blocked (mostly fsync of each commit).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "headoffice/central_db.hpp"
#include "headoffice/ingest.hpp"
#include "headoffice/registry.hpp"
#include "proc_stats.hpp"
#include "sync/protocol/batch.hpp"
#include "temp_dir.hpp"

namespace {

std::string hex_id(std::uint64_t prefix, std::uint64_t n) {
  return fmt::format("01890a5d-ac96-7{:03x}-b{:03x}-{:012x}", prefix & 0xFFF, (n >> 48) & 0xFFF,
                     n & 0xFFFFFFFFFFFF);
}

// Ingests every body into a fresh database, `group` batches per commit; prints the line; returns the
// events stored.
std::size_t run(const std::string& label, const std::filesystem::path& file,
                const std::vector<std::string>& bodies, const std::vector<std::string>& senders, int kiosks,
                std::size_t group) {
  namespace headoffice = kiosk::headoffice;
  auto db = headoffice::open_central_db(file);
  for (int k = 0; k < kiosks; ++k) {
    headoffice::KioskRegistry(db).register_kiosk(fmt::format("kiosk-{:02}", k), "br-001");
  }
  headoffice::Ingestor ingestor(db);
  const auto sched_before = kiosk::bench::thread_sched_time(kiosk::bench::current_tid());
  const auto start = std::chrono::steady_clock::now();
  std::size_t stored = 0;
  for (std::size_t first = 0; first < bodies.size(); first += group) {
    std::vector<headoffice::GroupedBatch> batches;
    for (std::size_t i = first; i < std::min(bodies.size(), first + group); ++i) {
      batches.push_back({bodies[i], {senders[i], std::string("br-001"), std::nullopt}});
    }
    if (group == 1) {
      stored += ingestor.ingest(batches[0].body, batches[0].sender, std::chrono::system_clock::now()).stored;
      continue;
    }
    for (const auto& outcome : ingestor.ingest_group(batches, std::chrono::system_clock::now())) {
      stored += outcome.result ? outcome.result->stored : 0;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto sched_after = kiosk::bench::thread_sched_time(kiosk::bench::current_tid());
  fmt::print("ingest, {}: {} events stored in {} batches from {} kiosks: {:.2f} s, {:.0f} events/s", label,
             stored, bodies.size(), kiosks, seconds, static_cast<double>(stored) / seconds);
  if (sched_before && sched_after) {
    const double cpu = sched_after->on_cpu_seconds - sched_before->on_cpu_seconds;
    const double waiting = sched_after->waiting_seconds - sched_before->waiting_seconds;
    fmt::print(
        "; on CPU {:.2f} s ({:.0f} events per CPU second), waiting for a CPU {:.2f} s, blocked {:.2f} s", cpu,
        cpu > 0 ? static_cast<double>(stored) / cpu : 0.0, waiting, seconds - cpu - waiting);
  }
  fmt::print("\n");
  return stored;
}

}  // namespace

int main(int argc, char** argv) {
  namespace protocol = kiosk::sync::protocol;
  const long events = argc > 1 ? std::atol(argv[1]) : 100'000;
  const int kiosks = argc > 2 ? std::atoi(argv[2]) : 4;
  const std::size_t group = argc > 3 ? static_cast<std::size_t>(std::max(1, std::atoi(argv[3]))) : 16;
  kiosk::test::TempDir dir("ingest-bench");
  std::vector<std::string> bodies;
  std::vector<std::string> senders;
  std::vector<std::uint64_t> next_seq(static_cast<std::size_t>(kiosks), 1);
  for (long made = 0, batch_no = 0; made < events; ++batch_no) {
    const int k = static_cast<int>(batch_no % kiosks);
    protocol::Batch batch;
    batch.kiosk = fmt::format("kiosk-{:02}", k);
    batch.branch = "br-001";
    batch.boot_id = "bench";
    batch.batch_id = hex_id(1, static_cast<std::uint64_t>(batch_no));
    for (std::size_t i = 0; i < protocol::max_batch_events && made < events; ++i, ++made) {
      protocol::Envelope e;
      e.id = hex_id(2, static_cast<std::uint64_t>(made));
      e.seq = next_seq[static_cast<std::size_t>(k)]++;
      e.type = "ticket.issued";
      e.at = "2026-11-23T09:15:02.123Z";
      e.data = {{"number", fmt::format("A{:03}", made % 1000)}, {"service", "cash"}, {"position", 3}};
      batch.events.push_back(std::move(e));
    }
    bodies.push_back(protocol::serialize_batch(batch));
    senders.push_back(batch.kiosk);
  }
  const std::size_t per_batch =
      run("one transaction per batch", dir / "ho-per-batch.sqlite", bodies, senders, kiosks, 1);
  const std::size_t grouped = run(fmt::format("group commit of {} batches", group), dir / "ho-grouped.sqlite",
                                  bodies, senders, kiosks, group);
  const auto expected = static_cast<std::size_t>(events);
  return per_batch == expected && grouped == expected ? 0 : 1;
}
