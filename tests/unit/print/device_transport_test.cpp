// A FIFO stands in for /dev/usb/lp0: like the device it is opened write-only and non-blocking, takes
// data only as fast as the other side reads, and fails to open when nobody is there.
#include "printer/device_transport.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "temp_dir.hpp"

namespace kiosk::printer {
namespace {

using namespace std::chrono_literals;

std::vector<std::byte> pattern(std::size_t size) {
  std::vector<std::byte> out(size);
  for (std::size_t i = 0; i < size; ++i)
    out[i] = static_cast<std::byte>((i * 7 + i / 251) & 0xFF);
  return out;
}

// Reads from `fd` until EOF or 10 s pass.
std::vector<std::byte> read_all(int fd) {
  std::vector<std::byte> out;
  std::byte buffer[65536];
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd entry{fd, POLLIN, 0};
    if (::poll(&entry, 1, 100) <= 0)
      continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      out.insert(out.end(), buffer, buffer + n);
    } else if (n == 0 || errno != EAGAIN) {
      break;
    }
  }
  return out;
}

TEST(DeviceTransport, MissingDeviceIsUnavailable) {
  test::TempDir dir("print-device");
  DeviceTransport transport(dir / "lp0");
  const SendResult result = transport.send(pattern(10), 500ms);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::unavailable);
  EXPECT_THAT(result.message, testing::HasSubstr("lp0"));
}

TEST(DeviceTransport, DeviceWithNobodyBehindItIsUnavailable) {
  test::TempDir dir("print-device");
  ASSERT_EQ(::mkfifo((dir / "lp0").c_str(), 0600), 0);
  DeviceTransport transport(dir / "lp0");
  const SendResult result = transport.send(pattern(10), 500ms);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::unavailable);
}

TEST(DeviceTransport, BytesArriveIntact) {
  test::TempDir dir("print-device");
  ASSERT_EQ(::mkfifo((dir / "lp0").c_str(), 0600), 0);
  const int reader = ::open((dir / "lp0").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  const auto job = pattern(300000);  // several times the pipe buffer
  std::vector<std::byte> received;
  std::thread read_thread([&] { received = read_all(reader); });
  DeviceTransport transport(dir / "lp0");
  const SendResult result = transport.send(job, 10s);
  read_thread.join();
  ::close(reader);
  EXPECT_TRUE(result.ok) << result.message;
  EXPECT_EQ(received, job);
}

TEST(DeviceTransport, DeviceThatStopsTakingDataTimesOutWithinTheBound) {
  test::TempDir dir("print-device");
  ASSERT_EQ(::mkfifo((dir / "lp0").c_str(), 0600), 0);
  const int reader = ::open((dir / "lp0").c_str(), O_RDONLY | O_NONBLOCK);  // never reads
  ASSERT_GE(reader, 0);
  DeviceTransport transport(dir / "lp0");
  const auto start = std::chrono::steady_clock::now();
  const SendResult result = transport.send(pattern(1 << 20), 200ms);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ::close(reader);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::timeout);
  EXPECT_LT(elapsed, 5s);  // a hang, not a speed check
}

TEST(DeviceTransport, DeviceGoingAwayMidJobIsAnErrorNotASignal) {
  test::TempDir dir("print-device");
  ASSERT_EQ(::mkfifo((dir / "lp0").c_str(), 0600), 0);
  const int reader = ::open((dir / "lp0").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  DeviceTransport transport(dir / "lp0");
  SendResult result;
  std::thread send_thread([&] { result = transport.send(pattern(1 << 20), 10s); });
  // Once the first bytes arrived the transport has the FIFO open; then the "printer" disappears.
  pollfd entry{reader, POLLIN, 0};
  ASSERT_EQ(::poll(&entry, 1, 10000), 1);
  std::byte first[16];
  ASSERT_GT(::read(reader, first, sizeof first), 0);
  ::close(reader);
  send_thread.join();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::io_error);
  EXPECT_THAT(result.message, testing::HasSubstr("pipe"));
}

}  // namespace
}  // namespace kiosk::printer
