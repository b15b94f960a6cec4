// The staff desk's dashboard side: facts from the store, figures from the domain, and the CSV export.
// Survey rows become SurveyFacts here because only the app knows the definitions that say which answer is
// an NPS, CSAT or CES score.

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "app/customer_desk.hpp"
#include "app/staff_desk.hpp"
#include "csv.hpp"
#include "domain/complaints/contact.hpp"
#include "store/complaint_repository.hpp"
#include "store/dashboard_repository.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"

namespace kiosk::app {
namespace {

namespace dashboard = domain::dashboard;
namespace surveys = domain::surveys;

const date::time_zone& branch_zone(const std::string& name) {
  try {
    return *date::locate_zone(name);
  } catch (const std::exception&) {
    return *date::locate_zone("UTC");  // config validation refuses unknown zones; a last resort
  }
}

std::vector<std::string> service_ids(const DeskContent& content) {
  std::vector<std::string> ids;
  for (const auto& service : content.services.services) {
    ids.push_back(service.id);
  }
  return ids;
}

const surveys::SurveyDefinition* find_survey(const DeskContent& content, const std::string& survey_id) {
  for (const auto& [trigger, definition] : content.surveys) {
    if (definition.id == survey_id) {
      return &definition;
    }
  }
  return nullptr;
}

std::optional<int> whole_number(const nlohmann::json& value) {
  if (value.is_number_integer()) {
    return value.get<int>();
  }
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc{} && end == text.data() + text.size()) {
      return number;
    }
  }
  return std::nullopt;
}

// One fact per answered rating question and per written comment, by the definition the row names. Rows of
// surveys the kiosk no longer has, and unparseable rows, are skipped (they stay in the store).
std::vector<dashboard::SurveyFact> survey_facts(const std::vector<store::SurveyResponseRow>& rows,
                                                const DeskContent& content,
                                                const std::vector<std::string>& ids) {
  std::vector<dashboard::SurveyFact> facts;
  for (const auto& row : rows) {
    const auto* definition = find_survey(content, row.survey_id);
    const auto answers = nlohmann::json::parse(row.answers_json, nullptr, false);
    if (definition == nullptr || !answers.is_object()) {
      continue;
    }
    dashboard::ServiceIndex service = dashboard::k_no_service;
    if (row.service_id) {
      const auto it = std::find(ids.begin(), ids.end(), *row.service_id);
      if (it != ids.end()) {
        service = static_cast<dashboard::ServiceIndex>(it - ids.begin());
      }
    }
    for (const auto& [name, value] : answers.items()) {
      const auto* question = definition->find_question(name);
      if (question == nullptr) {
        continue;
      }
      dashboard::SurveyFact fact;
      fact.service = service;
      fact.probable_repeat = row.probable_repeat;
      fact.answered_at = row.submitted_at;
      if (question->type == surveys::QuestionType::rating) {
        const auto score = whole_number(value);
        if (!score) {
          continue;
        }
        fact.kind = surveys::classify_rating(*question);
        fact.score = *score;
      } else if (question->type == surveys::QuestionType::comment && value.is_string() &&
                 !value.get_ref<const std::string&>().empty()) {
        fact.comment = value.get<std::string>();
      } else {
        continue;
      }
      facts.push_back(std::move(fact));
    }
  }
  return facts;
}

std::string minutes_text(const std::optional<std::chrono::milliseconds>& duration) {
  if (!duration) {
    return {};
  }
  return fmt::format("{:.1f}", std::chrono::duration<double, std::ratio<60>>(*duration).count());
}

std::string number_text(const std::optional<double>& value) {
  return value ? fmt::format("{:.1f}", *value) : std::string{};
}

std::string stamp(domain::EventTime at) {
  return date::format("%Y%m%dT%H%M%SZ", std::chrono::floor<std::chrono::seconds>(at));
}

// Writes `text` to `file` through a temporary sibling and a rename, so a reader never sees half a file.
bool write_file(const std::filesystem::path& file, const std::string& text, std::string& error) {
  const auto temporary = file.string() + ".part";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      error = fmt::format("cannot write {}", temporary);
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code code;
  std::filesystem::rename(temporary, file, code);
  if (code) {
    error = fmt::format("cannot rename {} to {}: {}", temporary, file.string(), code.message());
    return false;
  }
  return true;
}

std::string figures_csv(const dashboard::Dashboard& board, const std::vector<std::string>& ids) {
  std::string out;
  append_csv_record(out, {"section", "day", "service", "figure", "value"});
  const auto today = date::format("%F", board.today.day);
  auto add = [&](std::string_view section, const std::string& day, const std::string& service,
                 std::string_view figure, std::string value) {
    append_csv_record(out, {std::string(section), day, service, std::string(figure), std::move(value)});
  };
  const auto& queue = board.queue;
  add("queue_now", today, "", "waiting", std::to_string(queue.waiting));
  add("queue_now", today, "", "longest_wait_min", minutes_text(queue.longest_wait));
  add("queue_now", today, "", "counters_open", std::to_string(queue.counters_open));
  for (std::size_t i = 0; i < queue.services.size() && i < ids.size(); ++i) {
    add("queue_now", today, ids[i], "waiting", std::to_string(queue.services[i].waiting));
    add("queue_now", today, ids[i], "longest_wait_min", minutes_text(queue.services[i].longest_wait));
  }
  const auto& day = board.today_figures;
  add("today", today, "", "check_ins", std::to_string(day.check_ins));
  add("today", today, "", "served", std::to_string(day.served));
  add("today", today, "", "no_shows", std::to_string(day.no_shows));
  add("today", today, "", "transfers", std::to_string(day.transfers));
  add("today", today, "", "cancelled", std::to_string(day.cancelled));
  add("today", today, "", "median_wait_min", minutes_text(day.wait.median));
  add("today", today, "", "p80_wait_min", minutes_text(day.wait.p80));
  add("today", today, "", "within_target_percent",
      number_text(day.wait.within_target_share ? std::optional<double>(*day.wait.within_target_share * 100)
                                               : std::nullopt));
  const auto& satisfaction = board.satisfaction.overall;
  add("satisfaction", today, "", "nps", number_text(satisfaction.nps.score));
  add("satisfaction", today, "", "nps_answers", std::to_string(satisfaction.nps.count()));
  add("satisfaction", today, "", "csat_percent", number_text(satisfaction.csat.percent));
  add("satisfaction", today, "", "csat_answers", std::to_string(satisfaction.csat.count));
  add("satisfaction", today, "", "ces_mean", number_text(satisfaction.ces.mean));
  add("satisfaction", today, "", "ces_answers", std::to_string(satisfaction.ces.count));
  add("satisfaction", today, "", "answers", std::to_string(satisfaction.answers));
  add("satisfaction", today, "", "probable_repeats", std::to_string(satisfaction.probable_repeats));
  const auto& complaints = board.complaints;
  add("complaints", today, "", "new_today", std::to_string(complaints.new_today));
  add("complaints", today, "", "resolved_today", std::to_string(complaints.resolved_today));
  add("complaints", today, "", "open", std::to_string(complaints.open));
  add("complaints", today, "", "overdue", std::to_string(complaints.overdue));
  add("complaints", today, "", "ack_overdue", std::to_string(complaints.ack_overdue));
  add("complaints", today, "", "due_within_day", std::to_string(complaints.due_within_day));
  // A day without data is written with empty values: a gap, never a zero.
  for (const auto& point : board.trend) {
    const auto day_text = date::format("%F", point.day);
    add("trend", day_text, "", "check_ins", point.check_ins ? std::to_string(*point.check_ins) : "");
    add("trend", day_text, "", "median_wait_min", minutes_text(point.median_wait));
    add("trend", day_text, "", "nps", number_text(point.nps));
    add("trend", day_text, "", "complaints", point.complaints ? std::to_string(*point.complaints) : "");
  }
  return out;
}

}  // namespace

void StaffDesk::refresh_dashboard() {
  const auto at = now();
  try {
    const auto& zone = branch_zone(m_config.kiosk.time_zone);
    const dashboard::DashboardSettings settings;
    const auto today = dashboard::local_day_window_at(at, zone);
    const auto days = dashboard::local_day_windows(today.day, settings.trend_days, zone);
    const auto since = days.empty() ? today.start : days.front().start;
    const auto ids = service_ids(m_content);
    store::DashboardRepository repository(m_store.database());
    const auto tickets = repository.tickets(since, ids);
    const auto answers = survey_facts(repository.survey_responses(since), m_content, ids);
    m_complaint_facts = repository.complaints(since);
    // Who is open, as the counter consoles set it (app::CounterDesk writes counter_states).
    const auto counters = repository.counters(ids);
    const dashboard::DashboardInput input{tickets, answers, m_complaint_facts, counters, ids.size()};
    m_dashboard = dashboard::compute_dashboard(input, at, zone, settings);
    m_dashboard_at = at;
  } catch (const std::exception& error) {
    spdlog::error("dashboard not computed: {}", error.what());
    m_dashboard.reset();
    m_complaint_facts.clear();
  }
}

CsvExportResult StaffDesk::export_csv() {
  CsvExportResult result;
  if (!unlocked() || !m_dashboard) {
    result.error = "staff mode is closed or the dashboard could not be computed";
    m_last_export = result;
    return result;
  }
  const auto at = now();
  const auto stem =
      fmt::format("dashboard-{}-{}-{}", m_config.kiosk.branch_id, m_config.kiosk.kiosk_id, stamp(at));
  std::error_code code;
  std::filesystem::create_directories(m_export_dir, code);
  if (code) {
    result.error = fmt::format("cannot create {}: {}", m_export_dir.string(), code.message());
    spdlog::error("CSV export failed: {}", result.error);
    m_last_export = result;
    return result;
  }

  std::string complaints;
  append_csv_record(complaints,
                    {"reference", "product", "issue", "status", "priority", "received_at", "ack_due",
                     "final_due", "overdue", "contact_name", "contact_phone", "contact_email"});
  try {
    store::ComplaintRepository repository(m_store.database());
    store::ComplaintListFilter filter;
    filter.exclude_statuses = {"resolved", "closed", "rejected"};
    filter.limit = 10000;
    auto records = repository.list(filter);
    std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
      return std::tie(a.final_due_at, a.received_at, a.reference) <
             std::tie(b.final_due_at, b.received_at, b.reference);
    });
    for (const auto& record : records) {
      std::string name;
      std::string phone;
      std::string email;
      if (m_cipher && record.consent_given) {
        if (auto pii = repository.open_pii(record.id, *m_cipher)) {
          // Masked: enough for staff to recognise the customer, never the full details in a loose file.
          name = pii->contact_name.empty()
                     ? ""
                     : spreadsheet_safe(domain::complaints::mask_name(pii->contact_name));
          phone = pii->contact_phone.empty()
                      ? ""
                      : spreadsheet_safe(domain::complaints::mask_phone(pii->contact_phone));
          email = pii->contact_email.empty()
                      ? ""
                      : spreadsheet_safe(domain::complaints::mask_email(pii->contact_email));
        }
      }
      append_csv_record(
          complaints,
          {record.reference, record.product_id, record.issue_id, record.status, record.priority,
           domain::format_rfc3339_utc(record.received_at), domain::format_rfc3339_utc(record.ack_due_at),
           domain::format_rfc3339_utc(record.final_due_at),
           dashboard::deadline_passed(record.final_due_at, at) ? "yes" : "no", name, phone, email});
    }
  } catch (const std::exception& error) {
    result.error = fmt::format("complaints not read: {}", error.what());
    spdlog::error("CSV export failed: {}", result.error);
    m_last_export = result;
    return result;
  }

  const auto figures_file = m_export_dir / (stem + "-figures.csv");
  const auto complaints_file = m_export_dir / (stem + "-complaints.csv");
  if (!write_file(figures_file, figures_csv(*m_dashboard, service_ids(m_content)), result.error) ||
      !write_file(complaints_file, complaints, result.error)) {
    spdlog::error("CSV export failed: {}", result.error);
    m_last_export = result;
    return result;
  }
  result.ok = true;
  result.file = figures_file;
  audit(domain::staff::StaffAction::csv_exported, m_actor, "csv:" + stem, false);
  spdlog::info("dashboard exported to {}", figures_file.string());
  m_last_export = result;
  return result;
}

}  // namespace kiosk::app
