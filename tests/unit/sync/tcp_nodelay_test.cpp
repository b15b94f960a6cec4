// TCP_NODELAY is set on the process's own connections to the broker's port, on real loopback sockets, and
// on nothing else.
#include "sync/tcp_nodelay.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

namespace kiosk::sync {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

sockaddr_in loopback(std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// A listening socket on a free loopback port.
std::uint16_t listen_on_free_port(const Fd& server) {
  auto address = loopback(0);
  EXPECT_EQ(::bind(server.get(), reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  EXPECT_EQ(::listen(server.get(), 4), 0);
  socklen_t length = sizeof(address);
  EXPECT_EQ(::getsockname(server.get(), reinterpret_cast<sockaddr*>(&address), &length), 0);
  return ntohs(address.sin_port);
}

void connect_to(const Fd& client, std::uint16_t port) {
  auto address = loopback(port);
  ASSERT_EQ(::connect(client.get(), reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
}

bool nodelay(const Fd& socket) {
  int value = 0;
  socklen_t length = sizeof(value);
  EXPECT_EQ(::getsockopt(socket.get(), IPPROTO_TCP, TCP_NODELAY, &value, &length), 0);
  return value != 0;
}

TEST(TcpNodelay, SetOnConnectionsToThePortOnly) {
  const Fd broker(::socket(AF_INET, SOCK_STREAM, 0));
  const Fd other_server(::socket(AF_INET, SOCK_STREAM, 0));
  const auto broker_port = listen_on_free_port(broker);
  const auto other_port = listen_on_free_port(other_server);
  const Fd to_broker(::socket(AF_INET, SOCK_STREAM, 0));
  const Fd to_other(::socket(AF_INET, SOCK_STREAM, 0));
  connect_to(to_broker, broker_port);
  connect_to(to_other, other_port);
  const Fd accepted(::accept(broker.get(), nullptr, nullptr));
  ASSERT_GE(accepted.get(), 0);
  ASSERT_FALSE(nodelay(to_broker));  // the kernel's default: Nagle on

  EXPECT_EQ(set_nodelay_on_connections_to(broker_port), 1);

  EXPECT_TRUE(nodelay(to_broker));
  EXPECT_FALSE(nodelay(to_other));
  EXPECT_FALSE(nodelay(accepted));  // its peer port is the client's, not the broker's
  EXPECT_FALSE(nodelay(broker));
  EXPECT_EQ(set_nodelay_on_connections_to(broker_port), 0);  // already set: nothing changes
}

TEST(TcpNodelay, NothingToDoWithoutAConnection) {
  const Fd server(::socket(AF_INET, SOCK_STREAM, 0));
  const auto port = listen_on_free_port(server);
  EXPECT_EQ(set_nodelay_on_connections_to(port), 0);
}

TEST(TcpNodelay, PortOfBrokerUris) {
  EXPECT_EQ(uri_port("ssl://broker.bank.example:8884", 8883), 8884);
  EXPECT_EQ(uri_port("mqtts://127.0.0.1:41234", 8883), 41234);
  EXPECT_EQ(uri_port("ssl://broker.bank.example", 8883), 8883);
  EXPECT_EQ(uri_port("ssl://[::1]:9000", 8883), 9000);
  EXPECT_EQ(uri_port("ssl://[::1]", 8883), 8883);
  EXPECT_EQ(uri_port("ssl://host:8883/path", 1), 8883);
  EXPECT_EQ(uri_port("ssl://host:0", 8883), std::nullopt);
  EXPECT_EQ(uri_port("ssl://host:65536", 8883), std::nullopt);
  EXPECT_EQ(uri_port("ssl://host:88x3", 8883), std::nullopt);
  EXPECT_EQ(uri_port("ssl://host:", 8883), std::nullopt);
  EXPECT_EQ(uri_port("ssl://[::1", 8883), std::nullopt);
}

}  // namespace
}  // namespace kiosk::sync
