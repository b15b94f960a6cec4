#include "printer/device_transport.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

#include "posix_io.hpp"

namespace kiosk::printer {
namespace {

PrinterFault fault_for(int error) {
  switch (error) {
    case ENOENT:
    case ENODEV:
    case ENXIO:  // also: a FIFO with no reader
    case EACCES:
    case EPERM:
    case ENOTDIR:
    case EISDIR:
      return PrinterFault::unavailable;
    case EIO:
    case EBUSY:
      return PrinterFault::offline;
    case EAGAIN:
      return PrinterFault::timeout;
    default:
      return PrinterFault::io_error;
  }
}

}  // namespace

DeviceTransport::DeviceTransport(std::filesystem::path device) : m_device(std::move(device)) {}

std::string DeviceTransport::describe() const {
  return fmt::format("device printer {}", m_device.string());
}

SendResult DeviceTransport::send(std::span<const std::byte> job, std::chrono::milliseconds timeout) {
  const auto deadline = detail::Clock::now() + timeout;
  const auto fail = [this](int error, std::string_view what) {
    return SendResult::failure(fault_for(error),
                               fmt::format("{}: {}: {}", describe(), what, detail::errno_text(error)));
  };
  // O_NONBLOCK: opening a device (or a FIFO) must not wait for the other side.
  detail::UniqueFd fd(::open(m_device.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!fd.valid())
    return fail(errno, "open");

  const auto written = detail::write_all(fd.get(), job, deadline, false);
  if (written.timed_out) {
    return SendResult::failure(PrinterFault::timeout,
                               fmt::format("{}: stopped taking data after {} of {} bytes ({} ms)", describe(),
                                           written.written, job.size(), timeout.count()));
  }
  if (written.error != 0)
    return fail(written.error, "write");
  if (const int error = fd.close_now(); error != 0)
    return fail(error, "close");
  return SendResult::success();
}

}  // namespace kiosk::printer
