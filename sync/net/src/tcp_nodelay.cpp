#include "sync/tcp_nodelay.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <charconv>
#include <filesystem>
#include <string>
#include <system_error>

namespace kiosk::sync {
namespace {

bool int_option(int fd, int level, int name, int& value) {
  socklen_t length = sizeof(value);
  return ::getsockopt(fd, level, name, &value, &length) == 0 && length == sizeof(value);
}

std::optional<std::uint16_t> peer_port_of_tcp_socket(int fd) {
  int type = 0;
  if (!int_option(fd, SOL_SOCKET, SO_TYPE, type) || type != SOCK_STREAM) {
    return std::nullopt;
  }
  sockaddr_storage peer{};
  socklen_t length = sizeof(peer);
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0) {
    return std::nullopt;  // not connected (a listening socket, or one being set up)
  }
  if (peer.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(peer).sin_port);
  }
  if (peer.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(peer).sin6_port);
  }
  return std::nullopt;  // a Unix socket
}

}  // namespace

int set_nodelay_on_connections_to(std::uint16_t peer_port) {
  int changed = 0;
  std::error_code error;
  std::filesystem::directory_iterator fds("/proc/self/fd", error);
  for (; !error && fds != std::filesystem::directory_iterator(); fds.increment(error)) {
    const std::string name = fds->path().filename().string();
    int fd = -1;
    const auto [end, parse_error] = std::from_chars(name.data(), name.data() + name.size(), fd);
    if (parse_error != std::errc() || end != name.data() + name.size()) {
      continue;
    }
    if (peer_port_of_tcp_socket(fd) != peer_port) {
      continue;
    }
    int nodelay = 0;
    if (int_option(fd, IPPROTO_TCP, TCP_NODELAY, nodelay) && nodelay != 0) {
      continue;
    }
    const int on = 1;
    if (::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)) == 0) {
      ++changed;
    }
  }
  return changed;
}

std::optional<std::uint16_t> uri_port(std::string_view uri, std::uint16_t fallback) {
  if (const auto scheme = uri.find("://"); scheme != std::string_view::npos) {
    uri.remove_prefix(scheme + 3);
  }
  uri = uri.substr(0, uri.find('/'));
  std::string_view port_text;
  if (!uri.empty() && uri.front() == '[') {  // [IPv6]:port
    const auto close = uri.find(']');
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    const auto rest = uri.substr(close + 1);
    if (rest.empty()) {
      return fallback;
    }
    if (rest.front() != ':') {
      return std::nullopt;
    }
    port_text = rest.substr(1);
  } else {
    const auto colon = uri.rfind(':');
    if (colon == std::string_view::npos) {
      return fallback;
    }
    port_text = uri.substr(colon + 1);
  }
  unsigned port = 0;
  const auto [end, parse_error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || parse_error != std::errc() || end != port_text.data() + port_text.size() ||
      port == 0 || port > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(port);
}

}  // namespace kiosk::sync
