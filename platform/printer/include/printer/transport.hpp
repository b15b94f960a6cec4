#pragma once
// How a finished print job (ESC/POS bytes) reaches a printer. Every transport:
//  - returns within about `timeout` (plus DNS lookup time for TCP host names), whatever the printer does;
//  - never throws, never raises SIGPIPE, and never reports success for bytes it could not hand over;
//  - describes a failure as one PrinterFault plus a message for staff naming the printer and the cause.
// Transports are not thread-safe; one owner (the print spooler's worker thread) calls send().

#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::printer {

enum class PrinterFault {
  unavailable,  // no such printer: device node or directory missing, connection refused, not writable
  offline,      // the printer exists but does not take data (cover open, error state, host unreachable)
  paper_out,    // the printer reported the end of the paper roll
  timeout,      // the printer stopped taking data before the job was handed over in time
  io_error,     // anything else the operating system reported (disk full, broken connection, ...)
};

std::string_view to_string(PrinterFault fault);

struct SendResult {
  bool ok = false;
  PrinterFault fault = PrinterFault::io_error;  // meaningful only when !ok
  std::string message;                          // for staff; empty when ok

  static SendResult success() { return SendResult{true, PrinterFault::io_error, {}}; }
  static SendResult failure(PrinterFault fault, std::string message) {
    return SendResult{false, fault, std::move(message)};
  }
};

class PrinterTransport {
 public:
  virtual ~PrinterTransport() = default;
  // Hands the whole job to the printer, or reports why it could not.
  virtual SendResult send(std::span<const std::byte> job, std::chrono::milliseconds timeout) = 0;
  // "tcp printer 10.0.0.5:9100", for logs and the staff dashboard.
  virtual std::string describe() const = 0;
};

// The transport kinds the kiosk config offers (printer.transport).
enum class TransportKind { none, file, device, tcp };

struct MakeTransportResult {
  std::unique_ptr<PrinterTransport> transport;  // null for kind none, or when error is set
  std::string error;                            // why `target` does not fit `kind`; empty on success
};

// file: `target` is a directory; device: a device path such as /dev/usb/lp0; tcp: host:port (port
// defaults to 9100). Checks only the shape of `target`: a printer that is missing now may appear later.
MakeTransportResult make_transport(TransportKind kind, std::string_view target);

}  // namespace kiosk::printer
