#pragma once
// Writes jobs to a character device such as /dev/usb/lp0 (the usblp driver) or a parallel port. The
// device is opened per job (a printer unplugged and plugged back in gets a new node) without blocking,
// and every write waits with poll() for at most the remaining time.

#include <filesystem>

#include "printer/transport.hpp"

namespace kiosk::printer {

class DeviceTransport final : public PrinterTransport {
 public:
  explicit DeviceTransport(std::filesystem::path device);

  // unavailable: no such device (ENOENT, ENODEV, ENXIO) or no permission; offline: EIO from the driver
  // (usblp reports a printer that is off line, out of paper or has its cover open this way);
  // timeout: the device stopped taking data before the deadline.
  SendResult send(std::span<const std::byte> job, std::chrono::milliseconds timeout) override;
  std::string describe() const override;

 private:
  std::filesystem::path m_device;
};

}  // namespace kiosk::printer
