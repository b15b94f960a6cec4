#include "headoffice/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/event.hpp"
#include "headoffice/central_db.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"

namespace kiosk::headoffice {

namespace {

struct ScoreTally {
  std::int64_t nps_count = 0;
  std::int64_t promoters = 0;
  std::int64_t detractors = 0;
  std::int64_t csat_count = 0;
  std::int64_t satisfied = 0;
};

bool name_contains(std::string name, std::string_view needle) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.find(needle) != std::string::npos;
}

std::optional<double> integer_score(const nlohmann::json& value, int low, int high) {
  if (!value.is_number()) {
    return std::nullopt;
  }
  double score = value.get<double>();
  if (score < low || score > high) {
    return std::nullopt;
  }
  return score;
}

void tally_scores(const nlohmann::json& data, ScoreTally& tally) {
  std::optional<double> nps;
  std::optional<double> csat;
  if (auto scores = data.find("scores"); scores != data.end() && scores->is_object()) {
    if (auto it = scores->find("nps"); it != scores->end()) {
      nps = integer_score(*it, 0, 10);
    }
    if (auto it = scores->find("csat"); it != scores->end()) {
      csat = integer_score(*it, 1, 5);
    }
  }
  if (auto answers = data.find("answers"); answers != data.end() && answers->is_object()) {
    for (const auto& [name, value] : answers->items()) {
      if (!nps && name_contains(name, "nps")) {
        nps = integer_score(value, 0, 10);
      } else if (!csat && name_contains(name, "csat")) {
        csat = integer_score(value, 1, 5);
      }
    }
  }
  if (nps) {
    ++tally.nps_count;
    tally.promoters += *nps >= 9 ? 1 : 0;
    tally.detractors += *nps <= 6 ? 1 : 0;
  }
  if (csat) {
    ++tally.csat_count;
    tally.satisfied += *csat >= 4 ? 1 : 0;
  }
}

bool is_closing_status(std::string_view status) {
  return status == "resolved" || status == "closed" || status == "withdrawn";
}

std::map<std::string, std::string> latest_complaint_status(store::Database& db) {
  store::Statement query(db, "SELECT ref, status FROM complaint_status ORDER BY cursor");
  std::map<std::string, std::string> latest;
  while (query.step()) {
    latest[query.column_text(0)] = query.column_text(1);
  }
  return latest;
}

void count_by_kiosk(store::Database& db, std::string_view sql, std::map<std::string, KioskReport*>& by_kiosk,
                    std::int64_t KioskReport::*field) {
  store::Statement query(db, sql);
  while (query.step()) {
    if (auto it = by_kiosk.find(query.column_text(0)); it != by_kiosk.end()) {
      it->second->*field = query.column_int64(1);
    }
  }
}

void add_complaints(store::Database& db, std::map<std::string, KioskReport*>& by_kiosk,
                    std::chrono::system_clock::time_point now) {
  const auto statuses = latest_complaint_status(db);
  store::Statement query(
      db,
      "SELECT kiosk, json_extract(data, '$.reference'), "
      "COALESCE(json_extract(data, '$.final_response_by'), json_extract(data, '$.final_due_at')) "
      "FROM events WHERE type = 'complaint.submitted'");
  while (query.step()) {
    auto it = by_kiosk.find(query.column_text(0));
    if (it == by_kiosk.end()) {
      continue;
    }
    KioskReport& report = *it->second;
    ++report.complaints;
    auto status = statuses.find(query.column_text(1));
    if (status != statuses.end() && is_closing_status(status->second)) {
      continue;
    }
    ++report.complaints_open;
    auto due = domain::parse_rfc3339_utc(query.column_text(2));
    if (due && *due < now) {
      ++report.complaints_overdue;
    }
  }
}

void add_surveys(store::Database& db, std::map<std::string, KioskReport*>& by_kiosk) {
  std::map<std::string, ScoreTally> tallies;
  store::Statement query(db, "SELECT kiosk, data FROM events WHERE type = 'survey.answered'");
  while (query.step()) {
    auto data = nlohmann::json::parse(query.column_text(1), nullptr, false);
    if (data.is_object()) {
      tally_scores(data, tallies[query.column_text(0)]);
    }
  }
  for (const auto& [kiosk, tally] : tallies) {
    auto it = by_kiosk.find(kiosk);
    if (it == by_kiosk.end()) {
      continue;
    }
    if (tally.nps_count > 0) {
      it->second->nps = 100.0 * static_cast<double>(tally.promoters - tally.detractors) /
                        static_cast<double>(tally.nps_count);
    }
    if (tally.csat_count > 0) {
      it->second->csat = 100.0 * static_cast<double>(tally.satisfied) / static_cast<double>(tally.csat_count);
    }
  }
}

}  // namespace

Report build_report(store::Database& db, std::chrono::system_clock::time_point now,
                    std::chrono::seconds offline_after) {
  Report report;
  {
    store::Statement kiosks(db,
                            "SELECT kiosk, branch, high_water, max_seq, last_seen, online FROM kiosks "
                            "ORDER BY branch, kiosk");
    while (kiosks.step()) {
      KioskReport kiosk;
      kiosk.kiosk = kiosks.column_text(0);
      kiosk.branch = kiosks.column_text(1);
      kiosk.high_water = static_cast<std::uint64_t>(kiosks.column_int64(2));
      kiosk.max_seq = static_cast<std::uint64_t>(kiosks.column_int64(3));
      if (!kiosks.column_is_null(4)) {
        kiosk.last_seen_ms = kiosks.column_int64(4);
      }
      if (!kiosks.column_is_null(5)) {
        kiosk.online_state = kiosks.column_int64(5) != 0;
      }
      const bool heard_recently =
          kiosk.last_seen_ms &&
          *kiosk.last_seen_ms >=
              to_unix_ms(now) - std::chrono::duration_cast<std::chrono::milliseconds>(offline_after).count();
      kiosk.offline = kiosk.online_state ? !*kiosk.online_state : !heard_recently;
      report.kiosks.push_back(std::move(kiosk));
    }
  }
  std::map<std::string, KioskReport*> by_kiosk;
  for (auto& kiosk : report.kiosks) {
    by_kiosk[kiosk.kiosk] = &kiosk;
  }
  {
    store::Statement types(db, "SELECT kiosk, type, COUNT(*) FROM events GROUP BY kiosk, type");
    while (types.step()) {
      if (auto it = by_kiosk.find(types.column_text(0)); it != by_kiosk.end()) {
        it->second->events_by_type[types.column_text(1)] = types.column_int64(2);
      }
    }
  }
  for (auto& kiosk : report.kiosks) {
    kiosk.tickets =
        kiosk.events_by_type.contains("ticket.issued") ? kiosk.events_by_type["ticket.issued"] : 0;
    kiosk.survey_responses =
        kiosk.events_by_type.contains("survey.answered") ? kiosk.events_by_type["survey.answered"] : 0;
  }
  add_complaints(db, by_kiosk, now);
  add_surveys(db, by_kiosk);
  count_by_kiosk(db, "SELECT kiosk, COUNT(*) FROM duplicates GROUP BY kiosk", by_kiosk,
                 &KioskReport::duplicates);
  count_by_kiosk(db, "SELECT kiosk, COUNT(*) FROM conflicts GROUP BY kiosk", by_kiosk,
                 &KioskReport::conflicts);
  count_by_kiosk(db, "SELECT kiosk, COUNT(*) FROM rejects GROUP BY kiosk", by_kiosk, &KioskReport::rejects);
  store::Statement unregistered(db,
                                "SELECT COUNT(*) FROM rejects WHERE kiosk NOT IN (SELECT kiosk FROM kiosks)");
  unregistered.step();
  report.rejects_unregistered = unregistered.column_int64(0);
  return report;
}

std::string report_to_text(const Report& report) {
  std::string out;
  std::string branch;
  for (const auto& kiosk : report.kiosks) {
    if (kiosk.branch != branch) {
      branch = kiosk.branch;
      out += fmt::format("branch {}\n", branch);
    }
    out += fmt::format(
        "  kiosk {} {}: seq {}/{}, tickets {}, complaints {} (open {}, overdue {}), surveys {}", kiosk.kiosk,
        kiosk.offline ? "OFFLINE" : "online", kiosk.high_water, kiosk.max_seq, kiosk.tickets,
        kiosk.complaints, kiosk.complaints_open, kiosk.complaints_overdue, kiosk.survey_responses);
    if (kiosk.nps) {
      out += fmt::format(", NPS {:.0f}", *kiosk.nps);
    }
    if (kiosk.csat) {
      out += fmt::format(", CSAT {:.0f}%", *kiosk.csat);
    }
    out += fmt::format(", duplicates {}, conflicts {}, rejects {}\n", kiosk.duplicates, kiosk.conflicts,
                       kiosk.rejects);
    for (const auto& [type, count] : kiosk.events_by_type) {
      out += fmt::format("    {:<32} {}\n", type, count);
    }
  }
  out += fmt::format("rejected from unregistered senders: {}\n", report.rejects_unregistered);
  return out;
}

std::string report_to_json(const Report& report) {
  nlohmann::json kiosks = nlohmann::json::array();
  for (const auto& kiosk : report.kiosks) {
    nlohmann::json item{
        {"branch", kiosk.branch},
        {"kiosk", kiosk.kiosk},
        {"events_by_type", kiosk.events_by_type},
        {"tickets", kiosk.tickets},
        {"complaints", kiosk.complaints},
        {"complaints_open", kiosk.complaints_open},
        {"complaints_overdue", kiosk.complaints_overdue},
        {"survey_responses", kiosk.survey_responses},
        {"nps", kiosk.nps ? nlohmann::json(*kiosk.nps) : nlohmann::json()},
        {"csat", kiosk.csat ? nlohmann::json(*kiosk.csat) : nlohmann::json()},
        {"duplicates", kiosk.duplicates},
        {"conflicts", kiosk.conflicts},
        {"rejects", kiosk.rejects},
        {"high_water", kiosk.high_water},
        {"max_seq", kiosk.max_seq},
        {"last_seen_ms", kiosk.last_seen_ms ? nlohmann::json(*kiosk.last_seen_ms) : nlohmann::json()},
        {"offline", kiosk.offline}};
    kiosks.push_back(std::move(item));
  }
  nlohmann::json json{{"kiosks", std::move(kiosks)}, {"rejects_unregistered", report.rejects_unregistered}};
  return json.dump(2);
}

bool record_kiosk_state(store::Database& db, std::string_view kiosk, bool online, std::string_view state_json,
                        std::chrono::system_clock::time_point now) {
  store::Statement update(db,
                          "UPDATE kiosks SET online = ?2, state_json = ?3, state_at = ?4 WHERE kiosk = ?1");
  update.bind_text(1, kiosk);
  update.bind_int64(2, online ? 1 : 0);
  update.bind_text(3, state_json);
  update.bind_int64(4, to_unix_ms(now));
  update.run();
  return db.changes() == 1;
}

}  // namespace kiosk::headoffice
