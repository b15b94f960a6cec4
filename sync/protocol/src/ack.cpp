#include "sync/protocol/ack.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "json_read.hpp"

namespace kiosk::sync::protocol {

namespace {

const std::initializer_list<std::string_view> known_fields = {
    "v", "kiosk", "batch_id", "high_water", "ranges", "duplicates", "rejects", "conflicts"};

std::string read_id_list(const nlohmann::json& json, std::string_view key, std::vector<std::string>& out) {
  auto it = json.find(std::string(key));
  if (it == json.end()) {
    return {};  // an empty list may be left out
  }
  if (!it->is_array()) {
    return fmt::format("{}: must be an array of strings", key);
  }
  for (const auto& item : *it) {
    if (!item.is_string()) {
      return fmt::format("{}: must be an array of strings", key);
    }
    out.push_back(item.get<std::string>());
  }
  return {};
}

std::string read_ranges(const nlohmann::json& json, std::vector<SeqRange>& out) {
  auto it = json.find("ranges");
  if (it == json.end()) {
    return {};
  }
  if (!it->is_array()) {
    return "ranges: must be an array of [from, to] pairs";
  }
  for (const auto& item : *it) {
    if (!item.is_array() || item.size() != 2 || !item[0].is_number_integer() ||
        !item[1].is_number_integer()) {
      return "ranges: must be an array of [from, to] pairs";
    }
    if (!item[0].is_number_unsigned() || !item[1].is_number_unsigned()) {
      return "ranges: seqs must be >= 0";
    }
    SeqRange range{item[0].get<std::uint64_t>(), item[1].get<std::uint64_t>()};
    if (range.to < range.from) {
      return "ranges: a range ends before it starts";
    }
    out.push_back(range);
  }
  return {};
}

std::string read_rejects(const nlohmann::json& json, std::vector<Reject>& out) {
  auto it = json.find("rejects");
  if (it == json.end()) {
    return {};
  }
  if (!it->is_array()) {
    return "rejects: must be an array of {id, reason}";
  }
  for (const auto& item : *it) {
    Reject reject;
    if (!item.is_object() || !detail::read_string(item, "id", reject.id).empty() ||
        !detail::read_string(item, "reason", reject.reason).empty()) {
      return "rejects: must be an array of {id, reason}";
    }
    out.push_back(std::move(reject));
  }
  return {};
}

}  // namespace

bool ack_covers(const Ack& ack, std::uint64_t seq) {
  if (seq <= ack.high_water) {
    return true;
  }
  return std::any_of(ack.ranges.begin(), ack.ranges.end(),
                     [seq](const SeqRange& range) { return seq >= range.from && seq <= range.to; });
}

std::vector<SeqRange> normalize_ranges(std::vector<SeqRange> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](const SeqRange& a, const SeqRange& b) {
    return a.from < b.from || (a.from == b.from && a.to < b.to);
  });
  std::vector<SeqRange> merged;
  for (const auto& range : ranges) {
    if (!merged.empty() && (merged.back().to == UINT64_MAX || range.from <= merged.back().to + 1)) {
      merged.back().to = std::max(merged.back().to, range.to);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

Parsed<Ack> parse_ack(std::string_view text) {
  using Result = Parsed<Ack>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("ack: not a JSON object");
  }
  Ack ack;
  for (auto error : {detail::read_version(*json, 1), detail::read_string(*json, "kiosk", ack.kiosk),
                     detail::read_string(*json, "batch_id", ack.batch_id),
                     detail::read_u64(*json, "high_water", ack.high_water), read_ranges(*json, ack.ranges),
                     read_id_list(*json, "duplicates", ack.duplicates), read_rejects(*json, ack.rejects),
                     read_id_list(*json, "conflicts", ack.conflicts)}) {
    if (!error.empty()) {
      return Result::failure("ack: " + error);
    }
  }
  ack.extra = detail::unknown_fields(*json, known_fields);
  return Result::success(std::move(ack));
}

nlohmann::json ack_to_json(const Ack& ack) {
  nlohmann::json json = detail::object_from_extra(ack.extra);
  json["v"] = ack.v;
  json["kiosk"] = ack.kiosk;
  json["batch_id"] = ack.batch_id;
  json["high_water"] = ack.high_water;
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& range : ack.ranges) {
    ranges.push_back(nlohmann::json::array({range.from, range.to}));
  }
  json["ranges"] = std::move(ranges);
  json["duplicates"] = ack.duplicates;
  nlohmann::json rejects = nlohmann::json::array();
  for (const auto& reject : ack.rejects) {
    rejects.push_back({{"id", reject.id}, {"reason", reject.reason}});
  }
  json["rejects"] = std::move(rejects);
  json["conflicts"] = ack.conflicts;
  return json;
}

std::string serialize_ack(const Ack& ack) {
  return detail::dump_compact(ack_to_json(ack));
}

}  // namespace kiosk::sync::protocol
