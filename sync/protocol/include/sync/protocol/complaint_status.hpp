#pragma once
// Complaint status changes flowing down to one kiosk, read as a change log from a cursor:
//   GET /v1/complaint-status?kiosk=K&after=CURSOR  ->
//   {"v":1, "kiosk":K, "changes":[{"cursor":N, "ref":R, "status":S, "note":T, "at":RFC3339}, ...], "next":N}
// Cursors are increasing integers; "next" is the cursor to pass as `after` on the next call (equal to
// `after` when there is nothing new). Unknown fields are preserved.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

struct ComplaintStatusChange {
  std::uint64_t cursor = 0;
  std::string ref;     // the complaint reference printed for the customer
  std::string status;  // e.g. "received", "in_progress", "resolved"
  std::optional<std::string> note;
  std::string at;  // RFC 3339 UTC
  nlohmann::json extra = nlohmann::json::object();
  friend bool operator==(const ComplaintStatusChange&, const ComplaintStatusChange&) = default;
};

struct ComplaintStatusPage {
  int v = 1;
  std::string kiosk;
  std::vector<ComplaintStatusChange> changes;
  std::uint64_t next = 0;
  nlohmann::json extra = nlohmann::json::object();
  friend bool operator==(const ComplaintStatusPage&, const ComplaintStatusPage&) = default;
};

Parsed<ComplaintStatusPage> parse_complaint_status_page(std::string_view text);
std::string serialize_complaint_status_page(const ComplaintStatusPage& page);

}  // namespace kiosk::sync::protocol
