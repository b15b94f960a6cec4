#include "print/print_spooler.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

#include "printer/file_directory_transport.hpp"
#include "printer/tcp_transport.hpp"
#include "temp_dir.hpp"
#include "test_server.hpp"

namespace kiosk::print {
namespace {

using namespace std::chrono_literals;
using printer::PrinterFault;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::SizeIs;

PrintJob job(std::string id) {
  return PrintJob{std::move(id), {std::byte{0x1B}, std::byte{'@'}, std::byte{'x'}, std::byte{0x0A}}};
}

// A printer that hangs: send() blocks until the test releases it or the send timeout passes, as a real
// transport blocked on a stalled printer does.
class HangingTransport final : public printer::PrinterTransport {
 public:
  printer::SendResult send(std::span<const std::byte>, std::chrono::milliseconds timeout) override {
    std::unique_lock lock(m_mutex);
    ++m_entered;
    m_changed.notify_all();
    if (m_changed.wait_for(lock, timeout, [this] { return m_released; }))
      return printer::SendResult::success();
    return printer::SendResult::failure(PrinterFault::timeout, "hanging printer: timeout");
  }
  std::string describe() const override { return "hanging printer"; }

  bool wait_until_entered(int count) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, 10s, [&] { return m_entered >= count; });
  }
  void release() {
    const std::lock_guard lock(m_mutex);
    m_released = true;
    m_changed.notify_all();
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  int m_entered = 0;
  bool m_released = false;
};

SpoolerOptions fast_retry() {
  SpoolerOptions options;
  options.retry_delay = 20ms;
  options.send_timeout = 2s;
  return options;
}

TEST(PrintSpooler, PrintsJobsInOrderAndReportsEach) {
  test::TempDir dir("print-spool");
  PrintSpooler spooler(std::make_unique<printer::FileDirectoryTransport>(dir.path()), fast_retry());
  for (const char* id : {"t1", "t2", "t3"})
    EXPECT_TRUE(spooler.submit(job(id)).accepted);
  ASSERT_TRUE(spooler.wait_for_outcomes(3, 10s));
  const auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(3));
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(outcomes[i].job_id, "t" + std::to_string(i + 1));
    EXPECT_TRUE(outcomes[i].ok()) << outcomes[i].message;
    EXPECT_EQ(outcomes[i].attempts, 1);
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "job-3.bin"));
  EXPECT_EQ(spooler.health().state, PrinterState::ok);
  EXPECT_TRUE(spooler.take_outcomes().empty());
}

TEST(PrintSpooler, MissingPrinterFailsAfterTheRetryThenRecoversWhenItAppears) {
  test::TempDir dir("print-spool");
  PrintSpooler spooler(std::make_unique<printer::FileDirectoryTransport>(dir / "spool"), fast_retry());
  EXPECT_EQ(spooler.health().state, PrinterState::unknown);

  ASSERT_TRUE(spooler.submit(job("lost?")).accepted);
  ASSERT_TRUE(spooler.wait_for_outcomes(1, 10s));
  auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].job_id, "lost?");
  EXPECT_EQ(outcomes[0].status, OutcomeStatus::failed);
  EXPECT_EQ(outcomes[0].fault, PrinterFault::unavailable);
  EXPECT_EQ(outcomes[0].attempts, 2);
  const PrinterHealth faulted = spooler.health();
  EXPECT_EQ(faulted.state, PrinterState::faulted);
  EXPECT_EQ(faulted.fault, PrinterFault::unavailable);
  EXPECT_THAT(faulted.last_fault, HasSubstr("spool"));

  std::filesystem::create_directory(dir / "spool");
  ASSERT_TRUE(spooler.submit(job("back")).accepted);
  ASSERT_TRUE(spooler.wait_for_outcomes(1, 10s));
  outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_TRUE(outcomes[0].ok());
  const PrinterHealth healthy = spooler.health();
  EXPECT_EQ(healthy.state, PrinterState::ok);
  EXPECT_FALSE(healthy.fault.has_value());
  EXPECT_GE(healthy.since, faulted.since);
}

// Waits (bounded) until the spooler reports the printer faulted, i.e. the first attempt failed.
bool wait_until_faulted(const PrintSpooler& spooler) {
  for (int i = 0; i < 1000 && spooler.health().state != PrinterState::faulted; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  return spooler.health().state == PrinterState::faulted;
}

TEST(PrintSpooler, RetrySucceedsWhenThePrinterComesBackInBetween) {
  test::TempDir dir("print-spool");
  SpoolerOptions options = fast_retry();
  options.retry_delay = 2s;  // the test creates the directory during this wait
  PrintSpooler spooler(std::make_unique<printer::FileDirectoryTransport>(dir / "spool"), options);
  ASSERT_TRUE(spooler.submit(job("t1")).accepted);
  ASSERT_TRUE(wait_until_faulted(spooler));
  std::filesystem::create_directory(dir / "spool");
  ASSERT_TRUE(spooler.wait_for_outcomes(1, 20s));
  const auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].message;
  EXPECT_EQ(outcomes[0].attempts, 2);
  EXPECT_EQ(spooler.health().state, PrinterState::ok);
  EXPECT_TRUE(std::filesystem::exists(dir / "spool" / "job-1.bin"));
}

TEST(PrintSpooler, StopCutsTheRetryWaitShortAndReportsTheJob) {
  test::TempDir dir("print-spool");
  SpoolerOptions options = fast_retry();
  options.retry_delay = 60s;
  PrintSpooler spooler(std::make_unique<printer::FileDirectoryTransport>(dir / "spool"), options);
  ASSERT_TRUE(spooler.submit(job("t1")).accepted);
  ASSERT_TRUE(wait_until_faulted(spooler));
  spooler.stop();  // returns long before the 60 s retry delay, or this test times out
  const auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].status, OutcomeStatus::failed);
  EXPECT_EQ(outcomes[0].fault, PrinterFault::unavailable);
  EXPECT_EQ(outcomes[0].attempts, 1);
}

TEST(PrintSpooler, SubmitNeverBlocksWhileThePrinterHangsAndAFullQueueRefuses) {
  auto transport = std::make_unique<HangingTransport>();
  HangingTransport& hanging = *transport;
  SpoolerOptions options = fast_retry();
  options.queue_capacity = 2;
  options.send_timeout = 30s;  // far beyond the test: only release() ends the hang
  PrintSpooler spooler(std::move(transport), options);

  ASSERT_TRUE(spooler.submit(job("j1")).accepted);
  ASSERT_TRUE(hanging.wait_until_entered(1));
  // The worker is stuck in send(); these calls return at once or the test would hang here.
  EXPECT_TRUE(spooler.submit(job("j2")).accepted);
  EXPECT_TRUE(spooler.submit(job("j3")).accepted);
  const SubmitResult refused = spooler.submit(job("j4"));
  EXPECT_FALSE(refused.accepted);
  EXPECT_THAT(refused.message, HasSubstr("queue full"));
  EXPECT_EQ(spooler.health().queued, 2U);

  auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));  // the refusal is an outcome too
  EXPECT_EQ(outcomes[0].job_id, "j4");
  EXPECT_EQ(outcomes[0].status, OutcomeStatus::refused);

  hanging.release();
  ASSERT_TRUE(spooler.wait_for_outcomes(3, 10s));
  outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(3));
  for (const auto& outcome : outcomes)
    EXPECT_TRUE(outcome.ok()) << outcome.job_id;
}

TEST(PrintSpooler, StopReturnsWhileThePrinterHangsAndReportsQueuedJobs) {
  auto transport = std::make_unique<HangingTransport>();
  HangingTransport& hanging = *transport;
  SpoolerOptions options = fast_retry();
  options.send_timeout = 200ms;
  options.max_attempts = 1;
  PrintSpooler spooler(std::move(transport), options);
  ASSERT_TRUE(spooler.submit(job("j1")).accepted);
  ASSERT_TRUE(hanging.wait_until_entered(1));
  ASSERT_TRUE(spooler.submit(job("j2")).accepted);
  spooler.stop();  // bounded by the 200 ms send timeout

  const auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(2));
  EXPECT_EQ(outcomes[0].job_id, "j1");
  EXPECT_EQ(outcomes[0].fault, PrinterFault::timeout);
  EXPECT_EQ(outcomes[1].job_id, "j2");
  EXPECT_THAT(outcomes[1].message, HasSubstr("stopped"));
  EXPECT_FALSE(spooler.submit(job("late")).accepted);
}

TEST(PrintSpooler, NoPrinterConfiguredRefusesWithAnOutcome) {
  PrintSpooler spooler(nullptr);
  const SubmitResult result = spooler.submit(job("t1"));
  EXPECT_FALSE(result.accepted);
  EXPECT_THAT(result.message, HasSubstr("no printer configured"));
  const auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].status, OutcomeStatus::refused);
  EXPECT_EQ(spooler.health().state, PrinterState::unknown);
}

TEST(PrintSpooler, NetworkPrinterThatStopsReadingBecomesATimeoutOutcome) {
  test::TestPrinterServer server(test::TestPrinterServer::Behaviour::never_read);
  SpoolerOptions options = fast_retry();
  options.send_timeout = 200ms;
  PrintSpooler spooler(std::make_unique<printer::TcpTransport>("127.0.0.1", server.port()), options);
  ASSERT_TRUE(spooler.submit(PrintJob{"big", std::vector<std::byte>(32 << 20, std::byte{'x'})}).accepted);
  ASSERT_TRUE(spooler.wait_for_outcomes(1, 20s));
  const auto outcomes = spooler.take_outcomes();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].fault, PrinterFault::timeout);
  EXPECT_EQ(outcomes[0].attempts, 2);
  EXPECT_EQ(spooler.health().state, PrinterState::faulted);
}

}  // namespace
}  // namespace kiosk::print
