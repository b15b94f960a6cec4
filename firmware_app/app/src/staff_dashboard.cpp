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
#include <cstdint>
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
#include "store/transaction.hpp"

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

std::string printer_condition_name(PrinterCondition condition) {
  switch (condition) {
    case PrinterCondition::not_configured:
      return "not_configured";
    case PrinterCondition::not_used_yet:
      return "not_used_yet";
    case PrinterCondition::ok:
      return "ok";
    case PrinterCondition::faulted:
      return "faulted";
  }
  return {};
}

template <typename T>
std::string optional_text(const std::optional<T>& value) {
  return value ? std::to_string(*value) : std::string{};
}

// The device tab's reading, in machine units (bytes, seconds, whole days, RFC 3339 UTC); an unknown figure
// is an empty value, as a trend day without data is.
void append_device_figures(std::string& out, const DeviceHealth& health, const std::string& today) {
  auto add = [&](std::string_view figure, std::string value) {
    append_csv_record(out, {"device", today, "", std::string(figure), std::move(value)});
  };
  auto yes_no = [](bool value) { return std::string(value ? "yes" : "no"); };
  add("printer", printer_condition_name(health.printer.condition));
  add("printer_last_fault", spreadsheet_safe(health.printer.last_fault));
  add("disk_free_bytes", health.disk ? std::to_string(health.disk->available) : "");
  add("disk_size_bytes", health.disk ? std::to_string(health.disk->capacity) : "");
  add("disk_low", health.disk ? yes_no(dashboard::disk_low(*health.disk)) : "");
  add("database_bytes", optional_text(health.database_bytes));
  add("outbox_waiting", optional_text(health.outbox_backlog));
  add("outbox_quarantined", optional_text(health.outbox_quarantined));
  const auto& sync = health.external.sync;
  add("sync", health.sync_policy_off ? "off" : sync ? "running" : "not_running");
  if (sync) {
    add("sync_transport", sync->transport);
    add("sync_connected", yes_no(sync->connected));
    add("sync_backlog", sync->backlog_counted ? std::to_string(sync->backlog) : "");
    add("sync_oldest_unconfirmed_s",
        sync->oldest_unconfirmed_age ? std::to_string(sync->oldest_unconfirmed_age->count()) : "");
    add("sync_last_confirmation",
        sync->last_confirmation
            ? domain::format_rfc3339_utc(
                  std::chrono::time_point_cast<std::chrono::milliseconds>(*sync->last_confirmation))
            : "");
    add("sync_quarantined", std::to_string(sync->quarantined));
    add("sync_storage_alarm", yes_no(sync->storage_alarm));
    add("sync_trust_alarm", yes_no(sync->trust_alarm));
  }
  if (!health.sync_policy_off) {
    add("sync_certificate_days_left", optional_text(health.external.sync_certificate_days));
  }
  if (health.external.counter_link_on) {
    add("counter_link_certificate_days_left", optional_text(health.external.counter_link_certificate_days));
  }
}

std::string figures_csv(const dashboard::Dashboard& board, const std::vector<std::string>& ids,
                        const std::optional<DeviceHealth>& device) {
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
  // Per service, for the services with answers today (comments stay out: customers' free text).
  for (std::size_t i = 0; i < board.satisfaction.services.size() && i < ids.size(); ++i) {
    const auto& service = board.satisfaction.services[i];
    if (service.answers == 0) {
      continue;
    }
    add("satisfaction", today, ids[i], "nps", number_text(service.nps.score));
    add("satisfaction", today, ids[i], "nps_answers", std::to_string(service.nps.count()));
    add("satisfaction", today, ids[i], "csat_percent", number_text(service.csat.percent));
    add("satisfaction", today, ids[i], "csat_answers", std::to_string(service.csat.count));
    add("satisfaction", today, ids[i], "ces_mean", number_text(service.ces.mean));
    add("satisfaction", today, ids[i], "ces_answers", std::to_string(service.ces.count));
    add("satisfaction", today, ids[i], "answers", std::to_string(service.answers));
  }
  const auto& complaints = board.complaints;
  add("complaints", today, "", "new_today", std::to_string(complaints.new_today));
  add("complaints", today, "", "resolved_today", std::to_string(complaints.resolved_today));
  add("complaints", today, "", "open", std::to_string(complaints.open));
  add("complaints", today, "", "overdue", std::to_string(complaints.overdue));
  add("complaints", today, "", "ack_overdue", std::to_string(complaints.ack_overdue));
  add("complaints", today, "", "due_within_day", std::to_string(complaints.due_within_day));
  // Open complaints and today's new ones per taxonomy product, and per product/issue (issue ids are unique
  // only within their product), most open first.
  for (const auto& count : complaints.by_product) {
    add("complaints_by_product", today, "", count.product + ".open", std::to_string(count.open));
    add("complaints_by_product", today, "", count.product + ".new_today", std::to_string(count.new_today));
  }
  for (const auto& count : complaints.by_issue) {
    const auto name = count.product + "/" + count.issue;
    add("complaints_by_issue", today, "", name + ".open", std::to_string(count.open));
    add("complaints_by_issue", today, "", name + ".new_today", std::to_string(count.new_today));
  }
  // A day without data is written with empty values: a gap, never a zero.
  for (const auto& point : board.trend) {
    const auto day_text = date::format("%F", point.day);
    add("trend", day_text, "", "check_ins", point.check_ins ? std::to_string(*point.check_ins) : "");
    add("trend", day_text, "", "median_wait_min", minutes_text(point.median_wait));
    add("trend", day_text, "", "nps", number_text(point.nps));
    add("trend", day_text, "", "complaints", point.complaints ? std::to_string(*point.complaints) : "");
  }
  if (device) {
    append_device_figures(out, *device, today);
  }
  return out;
}

// Roll-ups (schema v6 dashboard_days): a closed day's trend point never changes, so a refresh reads the
// saved points of the trend's closed days and only the facts of the days without one, today and the open
// tickets. The key names everything besides the facts that a point depends on, so a point computed under
// other rules is never used: the format (bump it when TrendPoint or its computation changes), the branch
// time zone (day boundaries), the wait settings, and which survey answers count as what (an NPS question
// renamed or rescaled changes the NPS).
constexpr int k_rollup_format = 1;

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

std::string rollup_key(const date::time_zone& zone, const dashboard::DashboardSettings& settings,
                       const DeskContent& content) {
  std::string surveys_text;
  for (const auto& [trigger, definition] : content.surveys) {
    surveys_text += fmt::format("{}@{}:", definition.id, definition.version);
    for (const auto& page : definition.pages) {
      for (const auto& question : page.questions) {
        const auto kind = question.type == surveys::QuestionType::rating
                              ? surveys::rating_kind_name(surveys::classify_rating(question))
                              : std::string_view{};
        surveys_text += fmt::format("{}={}/{};", question.name, static_cast<int>(question.type), kind);
      }
    }
    surveys_text += '|';
  }
  return fmt::format("v{} {} target={}min plausible={}h surveys={:016x}", k_rollup_format, zone.name(),
                     settings.target_wait.count(), settings.max_plausible_wait.count(), fnv1a(surveys_text));
}

// The saved points that still hold: a closed day of this trend, saved after that day ended (all its facts
// were in) and not after `at` (a clock that once ran ahead could have saved "no data" for days that had
// not happened yet). A store error means no roll-ups: the refresh then reads every fact, as before v6.
std::vector<dashboard::TrendPoint> usable_rollups(const store::DashboardRepository& repository,
                                                  const std::string& key,
                                                  const std::vector<dashboard::LocalDayWindow>& windows,
                                                  domain::EventTime at) {
  std::vector<dashboard::TrendPoint> points;
  try {
    const auto first = windows.front().day;
    for (const auto& row : repository.rolled_up_days(key, first, windows.back().day)) {
      const auto index = (row.point.day - first).count();
      if (index < 0 || static_cast<std::size_t>(index) + 1 >= windows.size()) {
        continue;
      }
      const auto& window = windows[static_cast<std::size_t>(index)];
      if (row.computed_at >= window.end && row.computed_at <= at) {
        points.push_back(row.point);
      }
    }
  } catch (const std::exception& error) {
    spdlog::warn("dashboard roll-ups not read, reading every fact: {}", error.what());
    points.clear();
  }
  return points;
}

// Where the facts must start: the oldest closed day without a usable point, else today.
domain::EventTime facts_since(const std::vector<dashboard::LocalDayWindow>& windows,
                              const std::vector<dashboard::TrendPoint>& rollups) {
  for (std::size_t i = 0; i + 1 < windows.size(); ++i) {
    const bool rolled_up = std::any_of(rollups.begin(), rollups.end(),
                                       [&](const auto& point) { return point.day == windows[i].day; });
    if (!rolled_up) {
      return windows[i].start;
    }
  }
  return windows.back().start;
}

// Saves the closed days the facts just gave (never today, which is still open). A failure costs only the
// next refresh's speed, never a figure.
void save_new_rollups(store::Database& db, const std::string& key, const dashboard::Dashboard& board,
                      const std::vector<dashboard::TrendPoint>& rollups, domain::EventTime at) {
  std::vector<dashboard::TrendPoint> fresh;
  for (std::size_t i = 0; i + 1 < board.trend.size(); ++i) {
    const auto& point = board.trend[i];
    const bool rolled_up = std::any_of(rollups.begin(), rollups.end(),
                                       [&](const auto& saved) { return saved.day == point.day; });
    if (!rolled_up) {
      fresh.push_back(point);
    }
  }
  if (fresh.empty() || board.trend.empty()) {
    return;
  }
  try {
    store::Transaction tx(db);
    store::DashboardRepository(db).save_rolled_up_days(tx, key, fresh, at, board.trend.front().day);
    tx.commit();
  } catch (const std::exception& error) {
    spdlog::warn("dashboard roll-ups not saved: {}", error.what());
  }
}

}  // namespace

void StaffDesk::refresh_dashboard() {
  refresh_device_health();  // first: a full disk or a broken store must still show here
  const auto at = now();
  if (auto reading = read_dashboard(at)) {
    m_dashboard = std::move(reading->board);
    m_complaint_facts = std::move(reading->complaints);
    m_dashboard_at = at;
  } else {
    m_dashboard.reset();
    m_complaint_facts.clear();
  }
}

bool StaffDesk::roll_up_closed_days() {
  const auto at = now();
  if (m_rollups_due && at < *m_rollups_due) {
    return false;
  }
  const auto started = std::chrono::steady_clock::now();
  if (!read_dashboard(at)) {
    m_rollups_due = at + std::chrono::minutes{10};  // the store failed: try again later, not every frame
    return true;
  }
  spdlog::info(
      "dashboard: closed days rolled up in {} ms",
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
          .count());
  return true;
}

std::optional<StaffDesk::DashboardReading> StaffDesk::read_dashboard(domain::EventTime at) {
  try {
    const auto& zone = branch_zone(m_config.kiosk.time_zone);
    const dashboard::DashboardSettings settings;
    const auto windows = dashboard::trend_windows(at, zone, settings);
    const auto ids = service_ids(m_content);
    const auto key = rollup_key(zone, settings, m_content);
    store::DashboardRepository repository(m_store.database());
    const auto rollups = usable_rollups(repository, key, windows, at);
    const auto since = facts_since(windows, rollups);
    const auto tickets = repository.tickets(since, ids);
    const auto answers = survey_facts(repository.survey_responses(since), m_content, ids);
    DashboardReading reading;
    // Complaints stay read over the whole trend: few rows, and the complaints tab lists them.
    reading.complaints = repository.complaints(windows.front().start);
    // Who is open, as the counter consoles set it (app::CounterDesk writes counter_states).
    const auto counters = repository.counters(ids);
    const dashboard::DashboardInput input{tickets, answers, reading.complaints, counters, ids.size()};
    reading.board = dashboard::compute_dashboard(input, rollups, at, zone, settings);
    save_new_rollups(m_store.database(), key, reading.board, rollups, at);
    m_rollups_due = windows.back().end;  // today's end: yesterday is then a closed day to roll up
    return reading;
  } catch (const std::exception& error) {
    spdlog::error("dashboard not computed: {}", error.what());
    return std::nullopt;
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
  if (!write_file(figures_file, figures_csv(*m_dashboard, service_ids(m_content), m_device), result.error) ||
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
