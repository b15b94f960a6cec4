#include "printer/transport.hpp"

#include <charconv>

#include <fmt/format.h>

#include "printer/device_transport.hpp"
#include "printer/file_directory_transport.hpp"
#include "printer/tcp_transport.hpp"

namespace kiosk::printer {
namespace {

constexpr std::uint16_t kRawPrintPort = 9100;

MakeTransportResult make_tcp(std::string_view target) {
  std::string_view host = target;
  std::uint16_t port = kRawPrintPort;
  // "[::1]:9100" for IPv6 literals; otherwise the last colon separates the port.
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos) {
      return {nullptr, fmt::format("printer target \"{}\": missing ']' after the IPv6 address", target)};
    }
    std::string_view rest = host.substr(close + 1);
    host = host.substr(1, close - 1);
    if (!rest.empty() && rest.front() != ':') {
      return {nullptr, fmt::format("printer target \"{}\": expected ':port' after ']'", target)};
    }
    target = rest.empty() ? std::string_view{} : rest;
  } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
    target = host.substr(colon);
    host = host.substr(0, colon);
  } else {
    target = {};
  }
  if (!target.empty()) {
    const std::string_view digits = target.substr(1);
    unsigned value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || value == 0 ||
        value > 65535) {
      return {nullptr, fmt::format("printer target: port \"{}\" is not a number from 1 to 65535", digits)};
    }
    port = static_cast<std::uint16_t>(value);
  }
  if (host.empty()) {
    return {nullptr, "printer target: host is empty (expected host:port, such as printer.local:9100)"};
  }
  return {std::make_unique<TcpTransport>(std::string(host), port), {}};
}

}  // namespace

std::string_view to_string(PrinterFault fault) {
  switch (fault) {
    case PrinterFault::unavailable:
      return "unavailable";
    case PrinterFault::offline:
      return "offline";
    case PrinterFault::paper_out:
      return "paper_out";
    case PrinterFault::timeout:
      return "timeout";
    case PrinterFault::io_error:
      return "io_error";
  }
  return "io_error";
}

MakeTransportResult make_transport(TransportKind kind, std::string_view target) {
  switch (kind) {
    case TransportKind::none:
      return {};
    case TransportKind::file:
      if (target.empty())
        return {nullptr, "printer target: a file printer needs a directory"};
      return {std::make_unique<FileDirectoryTransport>(std::filesystem::path(target)), {}};
    case TransportKind::device:
      if (target.empty())
        return {nullptr, "printer target: a device printer needs a path such as /dev/usb/lp0"};
      return {std::make_unique<DeviceTransport>(std::filesystem::path(target)), {}};
    case TransportKind::tcp:
      return make_tcp(target);
  }
  return {nullptr, "printer transport: unknown kind"};
}

}  // namespace kiosk::printer
