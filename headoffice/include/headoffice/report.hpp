#pragma once
// The head-office report: per branch and kiosk, what arrived and what needs attention.
//
// - events by type; tickets (ticket.issued); survey responses (survey.answered)
// - complaints (complaint.submitted): open = no status change to a closing status ("resolved", "closed",
//   "withdrawn") in the complaint status log; overdue = open and data.final_response_by (or
//   data.final_due_at) is before `now`
// - NPS (-100..100) and CSAT (% of 4-5 on a 1-5 scale) from survey.answered data: data.scores.nps /
//   data.scores.csat when the kiosk sent them, otherwise answers whose name contains "nps" (0-10) or
//   "csat" (1-5); absent when no response carries them
// - duplicates, conflicts, rejects; online flag from the retained state topic, last seen
// - offline: the kiosk's last state said offline, or nothing was heard for `offline_after`

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::store {
class Database;
}

namespace kiosk::headoffice {

struct KioskReport {
  std::string branch;
  std::string kiosk;
  std::map<std::string, std::int64_t> events_by_type;
  std::int64_t tickets = 0;
  std::int64_t complaints = 0;
  std::int64_t complaints_open = 0;
  std::int64_t complaints_overdue = 0;
  std::int64_t survey_responses = 0;
  std::optional<double> nps;
  std::optional<double> csat;
  std::int64_t duplicates = 0;
  std::int64_t conflicts = 0;
  std::int64_t rejects = 0;
  std::uint64_t high_water = 0;
  std::uint64_t max_seq = 0;
  std::optional<std::int64_t> last_seen_ms;
  std::optional<bool> online_state;  // from the retained state topic
  bool offline = true;
};

struct Report {
  std::vector<KioskReport> kiosks;        // ordered by branch, kiosk
  std::int64_t rejects_unregistered = 0;  // rejects from senders not in the registry
};

Report build_report(store::Database& db, std::chrono::system_clock::time_point now,
                    std::chrono::seconds offline_after = std::chrono::minutes(15));
std::string report_to_text(const Report& report);
std::string report_to_json(const Report& report);

// Records a kiosk's retained state message (online/offline); unknown kiosks are ignored (false).
bool record_kiosk_state(store::Database& db, std::string_view kiosk, bool online, std::string_view state_json,
                        std::chrono::system_clock::time_point now);

}  // namespace kiosk::headoffice
