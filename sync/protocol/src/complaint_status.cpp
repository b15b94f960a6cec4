#include "sync/protocol/complaint_status.hpp"

#include "json_read.hpp"

namespace kiosk::sync::protocol {

namespace {

Parsed<ComplaintStatusChange> parse_change(const nlohmann::json& json) {
  using Result = Parsed<ComplaintStatusChange>;
  if (!json.is_object()) {
    return Result::failure("changes: each change must be an object");
  }
  ComplaintStatusChange change;
  for (auto error :
       {detail::read_u64(json, "cursor", change.cursor), detail::read_string(json, "ref", change.ref),
        detail::read_string(json, "status", change.status),
        detail::read_optional_string(json, "note", change.note),
        detail::read_timestamp(json, "at", change.at)}) {
    if (!error.empty()) {
      return Result::failure("changes: " + error);
    }
  }
  change.extra = detail::unknown_fields(json, {"cursor", "ref", "status", "note", "at"});
  return Result::success(std::move(change));
}

}  // namespace

Parsed<ComplaintStatusPage> parse_complaint_status_page(std::string_view text) {
  using Result = Parsed<ComplaintStatusPage>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("complaint status: not a JSON object");
  }
  ComplaintStatusPage page;
  for (auto error : {detail::read_version(*json, 1), detail::read_string(*json, "kiosk", page.kiosk),
                     detail::read_u64(*json, "next", page.next)}) {
    if (!error.empty()) {
      return Result::failure("complaint status: " + error);
    }
  }
  auto changes = json->find("changes");
  if (changes == json->end() || !changes->is_array()) {
    return Result::failure("complaint status: changes: must be an array");
  }
  for (const auto& item : *changes) {
    auto change = parse_change(item);
    if (!change) {
      return Result::failure("complaint status: " + change.error());
    }
    page.changes.push_back(std::move(change).value());
  }
  page.extra = detail::unknown_fields(*json, {"v", "kiosk", "changes", "next"});
  return Result::success(std::move(page));
}

std::string serialize_complaint_status_page(const ComplaintStatusPage& page) {
  nlohmann::json json = detail::object_from_extra(page.extra);
  json["v"] = page.v;
  json["kiosk"] = page.kiosk;
  json["next"] = page.next;
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& change : page.changes) {
    nlohmann::json item = detail::object_from_extra(change.extra);
    item["cursor"] = change.cursor;
    item["ref"] = change.ref;
    item["status"] = change.status;
    if (change.note) {
      item["note"] = *change.note;
    }
    item["at"] = change.at;
    changes.push_back(std::move(item));
  }
  json["changes"] = std::move(changes);
  return detail::dump_compact(json);
}

}  // namespace kiosk::sync::protocol
