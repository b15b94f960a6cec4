#pragma once
// Content from head office (service catalog, bookings, survey definitions, "You said, we did"
// announcements) reaching the customer flows and the attract screen.
//
// A content bundle arrives on the sync thread, which knows nothing of the desk; the desk's content is
// replaced on the UI thread only, and only between customers (a session may be in the middle of the
// survey or the service list it would replace). The pieces, in the order content travels:
//   check_content_update   any thread: does the payload parse with the same domain parsers the desk uses
//                          for its asset files? The sync side refuses a bundle that does not, so a bad
//                          bundle is never stored and the content in use stays.
//   PendingContent         the thread-safe slot between the two threads: the newest update per kind and
//                          scope.
//   apply_content_update   UI thread (through CustomerDesk::update_content): swaps the kind's part.
//   restore_content_kind   UI thread (through CustomerDesk::drop_expired_content): puts a kind's part back
//                          as it was in the assets, before the still-valid updates are applied again.
//
// Payloads are the documents of the asset files: "services" = services.json, "bookings" =
// bookings.sample.json, "surveys" = an object keyed by trigger ("visit", "atm_quick") whose values are
// survey documents; a trigger the bundle does not name keeps the survey it has; "announcements" =
// announcements.json (domain/announcements/announcements.hpp), replaced as a whole.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::app {

struct DeskContent;

// The survey triggers the flows start surveys for (see survey_flow.cpp).
inline constexpr std::array<std::string_view, 2> k_survey_triggers = {"visit", "atm_quick"};

// The order kinds are applied in: bookings are checked against the catalog, so services come first.
inline constexpr std::array<std::string_view, 4> k_content_kinds = {"services", "bookings", "surveys",
                                                                    "announcements"};

struct ContentUpdate {
  ContentUpdate() = default;
  // A constructor rather than an aggregate, so updates written as {kind, payload, version, origin} (tests,
  // asset-like content) need not spell out a scope and an expiry they do not have.
  ContentUpdate(std::string kind_, std::string payload_, std::uint64_t version_, std::string origin_,
                std::string scope_ = {}, std::optional<std::chrono::sys_seconds> expires_ = std::nullopt)
      : kind(std::move(kind_)),
        payload(std::move(payload_)),
        version(version_),
        origin(std::move(origin_)),
        scope(std::move(scope_)),
        expires(expires_) {}

  std::string kind;           // one of k_content_kinds
  std::string payload;        // the bundle's payload as JSON text
  std::uint64_t version = 0;  // the bundle's version (a survey without its own version takes it)
  std::string origin;         // where it came from, for logs: "surveys/all v3"
  std::string scope;          // the bundle's scope ("all" or a branch id); empty when not from a bundle
  // The bundle's end: from then on its content is dropped (CustomerDesk::drop_expired_content).
  std::optional<std::chrono::sys_seconds> expires;

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

// Copies the part of `from` that `kind` replaces into `content` (an unknown kind changes nothing).
void restore_content_kind(DeskContent& content, const DeskContent& from, std::string_view kind);

// The hand-over slot between the sync thread (offer) and the UI thread (take). Holds the newest update
// of each kind and scope: an older one that was never taken is simply superseded. The sync side offers a
// kind's bank-wide bundle before the branch's, so the desk knows what to fall back to when the branch's
// expires.
class PendingContent {
 public:
  // Any thread.
  void offer(ContentUpdate update);
  // Any thread, cheap: anything waiting?
  bool has_updates() const { return m_waiting.load(std::memory_order_acquire); }
  // UI thread: everything waiting, kinds in the order of k_content_kinds, each kind's updates in the
  // order they were offered; the slot is empty afterwards.
  std::vector<ContentUpdate> take();

 private:
  struct Waiting {
    std::uint64_t offered = 0;  // offer order
    ContentUpdate update;
  };
  mutable std::mutex m_mutex;
  std::map<std::pair<std::string, std::string>, Waiting> m_by_kind_and_scope;  // guarded by m_mutex
  std::uint64_t m_offers = 0;                                                  // guarded by m_mutex
  std::atomic<bool> m_waiting{false};
};

}  // namespace kiosk::app
