#include "cli/counter_link_runner.hpp"

#include <spdlog/spdlog.h>

#include "cli/sync_config.hpp"
#include "store/store.hpp"

namespace kiosk::cli {
namespace {

std::vector<std::string> service_ids(const app::DeskContent& content) {
  std::vector<std::string> ids;
  for (const auto& service : content.services.services) {
    ids.push_back(service.id);
  }
  return ids;
}

}  // namespace

std::unique_ptr<CounterLinkRunner> CounterLinkRunner::start(const app::Startup& startup,
                                                            const app::CustomerDesk* desk,
                                                            const platform::Clock& clock,
                                                            std::function<void()> on_commit) {
  const auto& counters = startup.config.counters;
  if (counters.listen.empty()) {
    return nullptr;
  }
  if (!startup.store || desk == nullptr) {
    spdlog::error("counter link not started: the store is unavailable");
    return nullptr;
  }
  counter_link::LinkServerOptions options;
  if (!counter_link::split_listen_address(counters.listen, options.host, options.port)) {
    spdlog::error("counter link not started: counters.listen \"{}\" is not host:port", counters.listen);
    return nullptr;
  }
  options.tls_cert = under(startup.data_dir, counters.tls_cert);
  options.tls_key = under(startup.data_dir, counters.tls_key);
  options.tokens = counters.tokens;
  options.database = startup.store->path();
  options.service_ids = service_ids(desk->content());
  options.time_zone = startup.config.kiosk.time_zone;
  options.on_commit = std::move(on_commit);
  auto ids = options.service_ids;
  std::string problem;
  auto server = counter_link::CounterLinkServer::start(std::move(options), clock, problem);
  if (!server) {
    spdlog::error("counter link not started: {}", problem);
    return nullptr;
  }
  return std::unique_ptr<CounterLinkRunner>(new CounterLinkRunner(std::move(server), std::move(ids)));
}

void CounterLinkRunner::follow(const app::DeskContent& content) {
  auto ids = service_ids(content);
  if (ids != m_service_ids) {
    m_server->set_known_service_ids(ids);
    m_service_ids = std::move(ids);
  }
}

}  // namespace kiosk::cli
