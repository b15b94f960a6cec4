#include "sync/protocol/topics.hpp"

#include <fmt/format.h>

#include <vector>

#include "sync/protocol/batch.hpp"

namespace kiosk::sync::protocol {

namespace {

std::string kiosk_topic(std::string_view branch, std::string_view kiosk, std::string_view leaf) {
  return fmt::format("bank/v1/{}/{}/{}", branch, kiosk, leaf);
}

}  // namespace

std::string events_topic(std::string_view branch, std::string_view kiosk) {
  return kiosk_topic(branch, kiosk, "events");
}
std::string state_topic(std::string_view branch, std::string_view kiosk) {
  return kiosk_topic(branch, kiosk, "state");
}
std::string ack_topic(std::string_view branch, std::string_view kiosk) {
  return kiosk_topic(branch, kiosk, "ack");
}
std::string cmd_topic(std::string_view branch, std::string_view kiosk) {
  return kiosk_topic(branch, kiosk, "cmd");
}
std::string bundle_pointer_topic(std::string_view scope, std::string_view kind) {
  return fmt::format("bank/v1/{}/{}", scope, kind);
}

std::optional<KioskTopic> parse_kiosk_topic(std::string_view topic) {
  std::vector<std::string_view> levels;
  std::size_t start = 0;
  while (true) {
    auto slash = topic.find('/', start);
    levels.push_back(
        topic.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  if (levels.size() != 5 || levels[0] != "bank" || levels[1] != "v1" || !is_valid_node_id(levels[2]) ||
      !is_valid_node_id(levels[3]) || levels[4].empty()) {
    return std::nullopt;
  }
  return KioskTopic{std::string(levels[2]), std::string(levels[3]), std::string(levels[4])};
}

}  // namespace kiosk::sync::protocol
