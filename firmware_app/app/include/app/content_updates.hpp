#pragma once
// Content from head office (service catalog, bookings, survey definitions) reaching the customer flows.
//
// A content bundle arrives on the sync thread, which knows nothing of the desk; the desk's content is
// replaced on the UI thread only, and only between customers (a session may be in the middle of the
// survey or the service list it would replace). The pieces, in the order content travels:
//   check_content_update   any thread: does the payload parse with the same domain parsers the desk uses
//                          for its asset files? The sync side refuses a bundle that does not, so a bad
//                          bundle is never stored and the content in use stays.
//   PendingContent         the thread-safe slot between the two threads: the newest update per kind.
//   apply_content_update   UI thread (through CustomerDesk::update_content): swaps the kind's part.
//
// Payloads are the documents of the asset files: "services" = services.json, "bookings" =
// bookings.sample.json, "surveys" = an object keyed by trigger ("visit", "atm_quick") whose values are
// survey documents; a trigger the bundle does not name keeps the survey it has.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

struct DeskContent;

// The survey triggers the flows start surveys for (see survey_flow.cpp).
inline constexpr std::array<std::string_view, 2> k_survey_triggers = {"visit", "atm_quick"};

struct ContentUpdate {
  std::string kind;           // "services", "bookings" or "surveys"
  std::string payload;        // the bundle's payload as JSON text
  std::uint64_t version = 0;  // the bundle's version (a survey without its own version takes it)
  std::string origin;         // where it came from, for logs: "surveys/all v3"

  friend bool operator==(const ContentUpdate&, const ContentUpdate&) = default;
};

// Empty when the payload parses for its kind; otherwise why not (the parsers' issues, "; "-separated,
// cut to a readable length). A kind the kiosk does not apply is refused. Pure: safe on any thread.
std::string check_content_update(const ContentUpdate& update);

// Replaces the kind's part of `content` with the update's payload. Returns empty on success; otherwise
// why not, and `content` is untouched. Bookings that name a service missing from the catalog are kept
// (catalog and bookings arrive separately) and reported in `warnings`.
std::string apply_content_update(DeskContent& content, const ContentUpdate& update,
                                 std::vector<std::string>& warnings);

// The hand-over slot between the sync thread (offer) and the UI thread (take). Holds the newest update
// of each kind: an older one that was never taken is simply superseded.
class PendingContent {
 public:
  // Any thread.
  void offer(ContentUpdate update);
  // Any thread, cheap: anything waiting?
  bool has_updates() const { return m_waiting.load(std::memory_order_acquire); }
  // UI thread: everything waiting, services before bookings (bookings are checked against the catalog)
  // before surveys; the slot is empty afterwards.
  std::vector<ContentUpdate> take();

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, ContentUpdate, std::less<>> m_by_kind;  // guarded by m_mutex
  std::atomic<bool> m_waiting{false};
};

}  // namespace kiosk::app
