#include "counter_link/server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <mutex>
#include <thread>

#include "app/counter_desk.hpp"
#include "counter_link/dispatch.hpp"
#include "counter_link/gate.hpp"
#include "counter_link/wire.hpp"
#include "platform/clock.hpp"
#include "store/database.hpp"
#include "store/store.hpp"

namespace kiosk::counter_link {
namespace {

constexpr std::size_t k_worker_threads = 32;

void send(httplib::Response& response, const LinkReply& reply) {
  response.status = reply.status;
  if (reply.retry_after_seconds) {
    response.set_header("Retry-After", std::to_string(*reply.retry_after_seconds));
  }
  response.set_header("Cache-Control", "no-store");
  response.set_content(reply.body.dump(), "application/json");
}

}  // namespace

bool split_listen_address(const std::string& listen, std::string& host, int& port) {
  std::string_view text = listen;
  std::string_view port_text;
  if (text.starts_with('[')) {
    const auto close = text.find("]:");
    if (close == std::string_view::npos) {
      return false;
    }
    host = std::string(text.substr(1, close - 1));
    port_text = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      return false;
    }
    host = std::string(text.substr(0, colon));
    port_text = text.substr(colon + 1);
  }
  const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  return !host.empty() && error == std::errc() && end == port_text.data() + port_text.size() && port > 0 &&
         port <= 65535;
}

struct CounterLinkServer::Impl {
  Impl(LinkServerOptions o, const platform::Clock& c)
      : options(std::move(o)), clock(c), gate(TokenBook(options.tokens), AuthThrottle::Limits{}) {}

  LinkServerOptions options;
  const platform::Clock& clock;
  LinkGate gate;
  std::unique_ptr<store::Database> connection;  // the link's own connection to kiosk.db
  std::mutex desk_mutex;                        // one request at a time on the desk and its connection
  std::unique_ptr<app::CounterDesk> desk;
  std::unique_ptr<httplib::SSLServer> server;
  std::thread thread;

  void handle(const httplib::Request& request, httplib::Response& response) {
    LinkRequest link_request{request.method, request.path, request.get_header_value("Authorization"),
                             request.body.size(), request.remote_addr};
    auto admitted = gate.admit(link_request, clock.steady_now());
    if (auto* refusal = std::get_if<LinkReply>(&admitted)) {
      if (refusal->status == 401 || refusal->status == 429) {
        spdlog::warn("counter link: {} {} from {} refused ({})", request.method, request.path,
                     request.remote_addr, refusal->status);
      }
      send(response, *refusal);
      return;
    }
    const auto& route = std::get<LinkRoute>(admitted);
    const LinkQuery query{request.get_param_value("after"), request.get_param_value("limit")};
    LinkReply reply;
    {
      std::lock_guard lock(desk_mutex);
      reply = dispatch(*desk, route, request.body, query);
    }
    send(response, reply);
  }
};

CounterLinkServer::CounterLinkServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

std::unique_ptr<CounterLinkServer> CounterLinkServer::start(LinkServerOptions options,
                                                            const platform::Clock& clock,
                                                            std::string& problem) {
  problem.clear();
  for (const auto& file : {options.tls_cert, options.tls_key}) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
      problem = "TLS file missing: " + file.string();
      return nullptr;
    }
  }
  auto impl = std::make_unique<Impl>(std::move(options), clock);
  try {
    impl->connection =
        std::make_unique<store::Database>(store::Store::open_secondary(impl->options.database));
  } catch (const std::exception& error) {
    problem = std::string("the queue store cannot be opened: ") + error.what();
    return nullptr;
  }
  impl->desk = std::make_unique<app::CounterDesk>(*impl->connection, clock, impl->options.service_ids,
                                                  impl->options.time_zone);
  if (impl->options.on_commit) {
    impl->desk->set_commit_listener(impl->options.on_commit);
  }

  impl->server =
      std::make_unique<httplib::SSLServer>(impl->options.tls_cert.c_str(), impl->options.tls_key.c_str());
  auto& server = *impl->server;
  if (!server.is_valid()) {
    problem = "could not load the counter link's TLS certificate or key";
    return nullptr;
  }
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(k_max_body_bytes);
  server.set_read_timeout(std::chrono::seconds(10));
  server.set_write_timeout(std::chrono::seconds(10));
  // A display polls every second or two; a console sends a request per command. Reusing connections
  // saves a TLS handshake each time (cpp-httplib closes after 5 requests by default). But cpp-httplib
  // gives each open connection a worker thread for as long as it is kept alive, so idle connections are
  // closed after a few seconds and the pool is larger than a branch's counters and displays: a silent
  // console must never make another counter wait.
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  server.new_task_queue = [] { return new httplib::ThreadPool(k_worker_threads); };
  Impl* raw = impl.get();
  const auto handler = [raw](const httplib::Request& request, httplib::Response& response) {
    raw->handle(request, response);
  };
  // Every path goes through the gate, which knows the endpoints (and answers 404 for the rest).
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Delete(".*", handler);
  server.Patch(".*", handler);
  // What cpp-httplib answers on its own (413 for a long body, 400 for a malformed request) is JSON too.
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) {
      return;
    }
    if (response.status == 413) {
      response.set_content(
          error_json("too_large", fmt::format("request bodies are limited to {} bytes", k_max_body_bytes))
              .dump(),
          "application/json");
    } else {
      response.set_content(error_json(response.status == 404 ? "not_found" : "bad_request",
                                      fmt::format("HTTP {}", response.status))
                               .dump(),
                           "application/json");
    }
  });
  if (!server.bind_to_port(raw->options.host, raw->options.port)) {
    problem = "cannot listen on " + raw->options.host + ":" + std::to_string(raw->options.port);
    return nullptr;
  }
  raw->thread = std::thread([raw] { raw->server->listen_after_bind(); });
  // Until the listener runs, cpp-httplib's stop() does nothing, and the destructor's join would then wait
  // forever: return only once it runs (bounded; it takes microseconds).
  for (int waited_ms = 0; !raw->server->is_running() && waited_ms < 2000; ++waited_ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  spdlog::info("counter link: listening on {}:{} (HTTPS)", raw->options.host, raw->options.port);
  return std::unique_ptr<CounterLinkServer>(new CounterLinkServer(std::move(impl)));
}

CounterLinkServer::~CounterLinkServer() {
  if (m_impl->server) {
    m_impl->server->stop();
  }
  if (m_impl->thread.joinable()) {
    m_impl->thread.join();
  }
}

void CounterLinkServer::set_known_service_ids(std::vector<std::string> ids) {
  std::lock_guard lock(m_impl->desk_mutex);
  m_impl->desk->set_known_service_ids(std::move(ids));
}

}  // namespace kiosk::counter_link
