#pragma once
// Sends jobs over a raw TCP connection (port 9100, "JetDirect"), one connection per job, with
// TCP_NODELAY. Connect, status query and send all share the job's deadline.
//
// With query_paper_status, before the job the transport sends DLE EOT 4 (transmit roll paper sensor
// status) and waits up to status_timeout for the one-byte answer; a valid answer with the paper-end bits
// (0x60) set fails the job with paper_out before any of it is sent. No answer, or a byte that is not a
// status byte, is not an error: many network printers do not answer real-time commands.

#include <chrono>
#include <cstdint>
#include <string>

#include "printer/transport.hpp"

namespace kiosk::printer {

struct TcpTransportOptions {
  bool query_paper_status = false;
  std::chrono::milliseconds status_timeout{300};
};

class TcpTransport final : public PrinterTransport {
 public:
  TcpTransport(std::string host, std::uint16_t port, TcpTransportOptions options = {});

  // unavailable: name does not resolve or connection refused; offline: host unreachable or the connect
  // did not finish in time; paper_out: see above; timeout: the printer stopped reading the job;
  // io_error: the connection broke.
  SendResult send(std::span<const std::byte> job, std::chrono::milliseconds timeout) override;
  std::string describe() const override;

 private:
  std::string m_host;
  std::uint16_t m_port;
  TcpTransportOptions m_options;
};

}  // namespace kiosk::printer
