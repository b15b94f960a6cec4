#pragma once
// The counter link as `branch-kiosk run` starts it: off unless [counters] listen is set; otherwise the
// HTTPS server (counter_link/server.hpp) on its own threads and store connection, for this kiosk's
// service catalog and time zone. Built by the composition root only.
//
// Guarantees:
// - The link never stops the kiosk: a missing certificate, a port in use or an unusable store give no
//   runner (nullptr) and a logged reason; customers are served and counters wait for a fix.
// - follow() passes a new service catalog (head office's services bundle, applied by the UI thread) on
//   to the link, so staff can open and transfer to the new services; it costs a comparison otherwise.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/customer_desk.hpp"
#include "app/startup.hpp"
#include "counter_link/server.hpp"

namespace kiosk::platform {
class Clock;
}

namespace kiosk::cli {

class CounterLinkRunner {
 public:
  // nullptr when the link is off ([counters] listen empty), there is no store, or it could not start.
  // `on_commit` runs on a link thread after each committed counter action (the sync runner's wake).
  static std::unique_ptr<CounterLinkRunner> start(const app::Startup& startup, const app::CustomerDesk* desk,
                                                  const platform::Clock& clock,
                                                  std::function<void()> on_commit);
  // Call from the UI thread after it may have applied new content.
  void follow(const app::DeskContent& content);

 private:
  CounterLinkRunner(std::unique_ptr<counter_link::CounterLinkServer> server, std::vector<std::string> ids)
      : m_server(std::move(server)), m_service_ids(std::move(ids)) {}
  std::unique_ptr<counter_link::CounterLinkServer> m_server;
  std::vector<std::string> m_service_ids;
};

}  // namespace kiosk::cli
