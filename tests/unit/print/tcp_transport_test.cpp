#include "printer/tcp_transport.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_server.hpp"

namespace kiosk::printer {
namespace {

using namespace std::chrono_literals;
using test::TestPrinterServer;

std::vector<std::byte> pattern(std::size_t size) {
  std::vector<std::byte> out(size);
  for (std::size_t i = 0; i < size; ++i)
    out[i] = static_cast<std::byte>((i * 13 + i / 509) & 0xFF);
  return out;
}

const std::vector<std::byte> kStatusQuery{std::byte{0x10}, std::byte{0x04}, std::byte{0x04}};

TEST(TcpTransport, BytesArriveIntact) {
  TestPrinterServer server(TestPrinterServer::Behaviour::read_all);
  TcpTransport transport("127.0.0.1", server.port());
  const auto job = pattern(1 << 20);
  const SendResult result = transport.send(job, 10s);
  ASSERT_TRUE(result.ok) << result.message;
  const auto received = server.wait_for_job(10s);
  ASSERT_TRUE(received.has_value());
  EXPECT_EQ(*received, job);
}

TEST(TcpTransport, OneConnectionPerJob) {
  TestPrinterServer server(TestPrinterServer::Behaviour::read_all);
  TcpTransport transport("127.0.0.1", server.port());
  ASSERT_TRUE(transport.send(pattern(10), 5s).ok);
  ASSERT_TRUE(transport.send(pattern(20), 5s).ok);
  EXPECT_EQ(server.wait_for_job(5s)->size(), 10U);
  EXPECT_EQ(server.wait_for_job(5s)->size(), 20U);
  EXPECT_EQ(server.connections(), 2);
}

TEST(TcpTransport, PrinterThatNeverReadsTimesOutWithinTheBound) {
  TestPrinterServer server(TestPrinterServer::Behaviour::never_read);
  TcpTransport transport("127.0.0.1", server.port());
  const auto start = std::chrono::steady_clock::now();
  const SendResult result = transport.send(pattern(32 << 20), 300ms);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::timeout);
  EXPECT_THAT(result.message, testing::HasSubstr("stopped reading"));
  EXPECT_LT(elapsed, 5s);  // a hang, not a speed check
}

TEST(TcpTransport, ClosedPortIsUnavailable) {
  TcpTransport transport("127.0.0.1", test::closed_loopback_port());
  const SendResult result = transport.send(pattern(10), 2s);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::unavailable);
  EXPECT_THAT(result.message, testing::HasSubstr("127.0.0.1"));
}

TEST(TcpTransport, PaperEndStatusFailsTheJobBeforeSendingIt) {
  TestPrinterServer server(TestPrinterServer::Behaviour::read_all, std::uint8_t{0x72});  // 0x12 | paper end
  TcpTransport transport("127.0.0.1", server.port(), TcpTransportOptions{true, 2s});
  const SendResult result = transport.send(pattern(1000), 5s);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::paper_out);
  const auto received = server.wait_for_job(5s);
  ASSERT_TRUE(received.has_value());
  EXPECT_EQ(*received, kStatusQuery);  // the job itself was kept back
}

TEST(TcpTransport, PaperPresentStatusSendsTheJobAfterTheQuery) {
  TestPrinterServer server(TestPrinterServer::Behaviour::read_all, std::uint8_t{0x12});
  TcpTransport transport("127.0.0.1", server.port(), TcpTransportOptions{true, 2s});
  const auto job = pattern(1000);
  ASSERT_TRUE(transport.send(job, 5s).ok);
  auto expected = kStatusQuery;
  expected.insert(expected.end(), job.begin(), job.end());
  EXPECT_EQ(server.wait_for_job(5s), expected);
}

TEST(TcpTransport, NearEndIsNotPaperOut) {
  TestPrinterServer server(TestPrinterServer::Behaviour::read_all, std::uint8_t{0x1E});  // 0x12 | near end
  TcpTransport transport("127.0.0.1", server.port(), TcpTransportOptions{true, 2s});
  EXPECT_TRUE(transport.send(pattern(10), 5s).ok);
}

TEST(TcpTransport, PrinterThatDoesNotAnswerStatusStillPrints) {
  TestPrinterServer server(TestPrinterServer::Behaviour::read_all);  // reads, never answers
  TcpTransport transport("127.0.0.1", server.port(), TcpTransportOptions{true, 100ms});
  const auto job = pattern(100);
  ASSERT_TRUE(transport.send(job, 5s).ok);
  auto expected = kStatusQuery;
  expected.insert(expected.end(), job.begin(), job.end());
  EXPECT_EQ(server.wait_for_job(5s), expected);
}

}  // namespace
}  // namespace kiosk::printer
