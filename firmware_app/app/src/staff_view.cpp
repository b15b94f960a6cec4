// KioskApp's staff side: staff intents and the staff view-models. Staff screens read only what StaffDesk
// computed; every string is translated here, in the language the kiosk shows (the default language once
// the customer session has been cleared for staff mode).

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "app/customer_desk.hpp"
#include "app/device_health.hpp"
#include "app/kiosk_app.hpp"
#include "app/print_coordinator.hpp"
#include "app/staff_desk.hpp"
#include "domain/complaints/status.hpp"
#include "domain/complaints/taxonomy.hpp"
#include "flows/flows.hpp"
#include "i18n/catalog.hpp"

namespace kiosk::app {
namespace {

namespace dashboard = domain::dashboard;
using Kind = Intent::Kind;

const date::time_zone* zone_of(const KioskConfig& config) {
  try {
    return date::locate_zone(config.kiosk.time_zone);
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
}

std::string local_time(const KioskConfig& config, domain::EventTime at, const char* format) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  return date::format(format, date::make_zoned(zone_of(config), seconds));
}

std::string count_text(std::size_t count) {
  return std::to_string(count);
}

std::string minutes_value(const i18n::Catalog& catalog,
                          const std::optional<std::chrono::milliseconds>& wait) {
  if (!wait) {
    return std::string(catalog.tr("No data"));
  }
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*wait).count();
  return i18n::format_named(catalog.tr("{minutes} min"), {{"minutes", std::to_string(minutes)}});
}

std::string percent_value(const i18n::Catalog& catalog, const std::optional<double>& share) {
  if (!share) {
    return std::string(catalog.tr("No data"));
  }
  return i18n::format_named(catalog.tr("{percent} %"),
                            {{"percent", fmt::format("{:.0f}", std::round(*share * 100.0))}});
}

std::string decimal_value(const i18n::Catalog& catalog, const std::optional<double>& value, int decimals) {
  if (!value) {
    return std::string(catalog.tr("No data"));
  }
  return fmt::format("{:.{}f}", *value, decimals);
}

std::string service_name(const DeskContent& content, dashboard::ServiceIndex index,
                         const std::string& language) {
  if (index < content.services.services.size()) {
    return content.services.services[index].name.in(language);
  }
  return {};
}

void queue_tab(const StaffDesk& staff, const dashboard::Dashboard& board, const i18n::Catalog& catalog,
               const std::string& language, StaffDashboardVm& vm) {
  const auto& queue = board.queue;
  vm.section_title = catalog.tr("Queue now");
  vm.figures = {
      {"waiting", std::string(catalog.tr("Waiting")), count_text(queue.waiting)},
      {"longest_wait", std::string(catalog.tr("Longest wait")), minutes_value(catalog, queue.longest_wait)}};
  vm.bars_title = catalog.tr("Waiting by service");
  std::size_t widest = 1;
  for (const auto& service : queue.services) {
    widest = std::max(widest, service.waiting);
  }
  for (std::size_t i = 0; i < queue.services.size(); ++i) {
    const auto& service = queue.services[i];
    if (service.waiting == 0) {
      continue;
    }
    vm.bars.push_back({staff.content().services.services[i].id,
                       service_name(staff.content(), static_cast<dashboard::ServiceIndex>(i), language),
                       count_text(service.waiting),
                       static_cast<float>(service.waiting) / static_cast<float>(widest), false, ""});
  }
  vm.empty_text = catalog.tr("Nobody is waiting.");
}

void today_tab(const dashboard::Dashboard& board, const i18n::Catalog& catalog, StaffDashboardVm& vm) {
  const auto& day = board.today_figures;
  vm.section_title = catalog.tr("Today");
  vm.figures = {
      {"check_ins", std::string(catalog.tr("Check-ins")), count_text(day.check_ins)},
      {"served", std::string(catalog.tr("Served")), count_text(day.served)},
      {"no_shows", std::string(catalog.tr("No-shows")), count_text(day.no_shows)},
      {"median_wait", std::string(catalog.tr("Median wait")), minutes_value(catalog, day.wait.median)},
      {"within_target", std::string(catalog.tr("Called within 15 min")),
       percent_value(catalog, day.wait.within_target_share)},
  };
}

// NPS per trend day on the card's scale: -100 at the bottom, +100 at the top.
std::vector<std::optional<float>> nps_sparkline(const dashboard::Dashboard& board) {
  std::vector<std::optional<float>> points;
  for (const auto& point : board.trend) {
    points.push_back(point.nps ? std::optional<float>(static_cast<float>((*point.nps + 100.0) / 200.0))
                               : std::nullopt);
  }
  return points;
}

// One service's scores in a line: "NPS 40 (5) - CSAT 80 % (5) - CES 5.2 (3)"; scores without answers are
// left out.
std::string service_scores(const dashboard::SatisfactionFigures& figures, const i18n::Catalog& catalog) {
  std::vector<std::string> parts;
  if (figures.nps.score) {
    parts.push_back(fmt::format("NPS {:.0f} ({})", *figures.nps.score, figures.nps.count()));
  }
  if (figures.csat.percent) {
    parts.push_back(fmt::format("CSAT {} ({})", percent_value(catalog, *figures.csat.percent / 100.0),
                                figures.csat.count));
  }
  if (figures.ces.mean) {
    parts.push_back(fmt::format("CES {:.1f} ({})", *figures.ces.mean, figures.ces.count));
  }
  return fmt::format("{}", fmt::join(parts, " - "));
}

// Per service with answers, then the newest comments: status lines (no bar) under the NPS breakdown.
void satisfaction_lines(const StaffDesk& staff, const dashboard::Satisfaction& satisfaction,
                        const i18n::Catalog& catalog, const std::string& language, StaffDashboardVm& vm) {
  for (std::size_t i = 0; i < satisfaction.services.size(); ++i) {
    const auto scores = service_scores(satisfaction.services[i], catalog);
    if (!scores.empty()) {
      StaffBarVm line;
      line.id = "satisfaction." + std::to_string(i);
      line.label = service_name(staff.content(), static_cast<dashboard::ServiceIndex>(i), language);
      line.value = scores;
      line.track = false;
      vm.bars.push_back(std::move(line));
    }
  }
  constexpr std::size_t k_comments_shown = 3;
  const auto& comments = satisfaction.overall.comments;
  for (std::size_t i = 0; i < comments.size() && i < k_comments_shown; ++i) {
    const auto& comment = comments[i];
    StaffBarVm line;
    line.id = "comment." + std::to_string(i);
    line.label = i18n::format_named(catalog.tr("Comment at {time}"),
                                    {{"time", local_time(staff.config(), comment.at, "%H:%M")}});
    line.value = "\"" + comment.text + "\"";
    line.track = false;
    vm.bars.push_back(std::move(line));
  }
}

void satisfaction_tab(const StaffDesk& staff, const dashboard::Dashboard& board, const i18n::Catalog& catalog,
                      const std::string& language, StaffDashboardVm& vm) {
  const auto& overall = board.satisfaction.overall;
  vm.section_title = catalog.tr("Satisfaction today");
  vm.figures = {
      {"nps", std::string(catalog.tr("NPS today; line: 30 days")),
       decimal_value(catalog, overall.nps.score, 0), nps_sparkline(board)},
      {"csat", std::string(catalog.tr("Satisfied (CSAT)")),
       overall.csat.percent ? percent_value(catalog, *overall.csat.percent / 100.0)
                            : std::string(catalog.tr("No data"))},
      {"ces", std::string(catalog.tr("Ease (CES, 1 to 7)")), decimal_value(catalog, overall.ces.mean, 1)},
      {"answers", std::string(catalog.tr("Answers")), count_text(overall.answers)},
      {"repeat_share", std::string(catalog.tr("Probable repeat presses")),
       overall.repeat_share ? percent_value(catalog, *overall.repeat_share)
                            : std::string(catalog.tr("No data"))},
  };
  const auto total = std::max<std::size_t>(1, overall.nps.count());
  vm.bars_title = catalog.tr("NPS answers");
  auto bar = [&](std::string id, std::string_view label, std::size_t count, bool alert) {
    vm.bars.push_back({std::move(id), std::string(label), count_text(count),
                       static_cast<float>(count) / static_cast<float>(total), alert,
                       alert ? std::string(catalog.tr("Detractors")) : std::string()});
  };
  if (overall.nps.count() > 0) {
    bar("promoters", catalog.tr("Promoters (9-10)"), overall.nps.promoters, false);
    bar("passives", catalog.tr("Passives (7-8)"), overall.nps.passives, false);
    bar("detractors", catalog.tr("Detractors (0-6)"), overall.nps.detractors, overall.nps.detractors > 0);
  }
  satisfaction_lines(staff, board.satisfaction, catalog, language, vm);
  vm.empty_text = catalog.tr("No survey answers today.");
}

// What follows `prefix` in an intent argument such as "staff.reprint:<id>"; nullopt without the prefix.
std::optional<std::string_view> after_prefix(std::string_view argument, std::string_view prefix) {
  if (!argument.starts_with(prefix)) {
    return std::nullopt;
  }
  return argument.substr(prefix.size());
}

std::string product_name(const StaffDesk& staff, const std::string& product_id, const std::string& language) {
  const auto* product = domain::complaints::find_product(staff.content().taxonomy, product_id);
  return product != nullptr ? product->name.in(language) : product_id;
}

StaffComplaintRowVm complaint_row(const StaffDesk& staff, const dashboard::ComplaintFact& fact,
                                  const i18n::Catalog& catalog, const std::string& language) {
  const auto day = [&](domain::EventTime at) { return local_time(staff.config(), at, "%Y-%m-%d"); };
  StaffComplaintRowVm row;
  row.id = fact.id;
  row.reference = fact.reference;
  row.about = product_name(staff, fact.product, language);
  row.status = complaint_status_name(catalog, domain::complaints::to_string(fact.status));
  row.deadlines = i18n::format_named(catalog.tr("Confirm by {ack_date}, answer by {final_date}"),
                                     {{"ack_date", day(fact.ack_due)}, {"final_date", day(fact.final_due)}});
  switch (dashboard::deadline_state(fact, staff.dashboard_at())) {
    case dashboard::DeadlineState::overdue:
      row.alert_text = catalog.tr("Overdue");
      break;
    case dashboard::DeadlineState::ack_overdue:
      row.alert_text = catalog.tr("Confirmation overdue");
      break;
    case dashboard::DeadlineState::due_within_day:
      row.alert_text = catalog.tr("Due within a day");
      break;
    case dashboard::DeadlineState::on_time:
      break;
  }
  row.alert = !row.alert_text.empty();
  return row;
}

std::string reprint_notice(const LastReprint& reprint, const PrintCoordinator* printing,
                           const i18n::Catalog& catalog, bool& problem) {
  const std::map<std::string, std::string, std::less<>> names = {{"reference", reprint.reference},
                                                                 {"code", reprint.lookup_code}};
  const auto state = printing != nullptr && reprint.print_job ? printing->state(reprint.print_job)
                                                              : PrintState::not_configured;
  problem = state == PrintState::failed || state == PrintState::not_configured;
  switch (state) {
    case PrintState::printing:
      return i18n::format_named(catalog.tr("Printing {reference} again with the new code {code}..."), names);
    case PrintState::printed:
      return i18n::format_named(
          catalog.tr("Printed {reference} with the new code {code}. The old code no longer works."), names);
    case PrintState::failed:
    case PrintState::not_configured:
      break;
  }
  return i18n::format_named(
      catalog.tr("Printer unavailable. Give the customer {reference} and the new code {code} in writing; "
                 "the old code no longer works."),
      names);
}

void complaints_tab(const StaffDesk& staff, const PrintCoordinator* printing,
                    const dashboard::Dashboard& board, const i18n::Catalog& catalog,
                    const std::string& language, StaffDashboardVm& vm) {
  const auto& figures = board.complaints;
  vm.section_title = catalog.tr("Complaints");
  vm.figures = {
      {"new_today", std::string(catalog.tr("New today")), count_text(figures.new_today)},
      {"open", std::string(catalog.tr("Open")), count_text(figures.open)},
      {"overdue", std::string(catalog.tr("Overdue")), count_text(figures.overdue)},
      {"due_within_day", std::string(catalog.tr("Due within a day")), count_text(figures.due_within_day)},
  };
  vm.bars_title = catalog.tr("Open complaints, earliest deadline first");
  vm.reprint_label = catalog.tr("Reprint");
  vm.previous_label = catalog.tr("Previous");
  vm.next_label = catalog.tr("Next");
  // The screen shows as many rows as fit; it never needs more than a tall screen holds.
  constexpr std::size_t k_rows_sent = 12;
  const auto& facts = staff.complaint_facts();
  vm.complaints_total = figures.open_by_deadline.size();
  vm.complaints_from = std::min(staff.complaints_from(), vm.complaints_total);
  for (std::size_t n = vm.complaints_from; n < vm.complaints_total && vm.complaints.size() < k_rows_sent;
       ++n) {
    const auto index = figures.open_by_deadline[n];
    if (index < facts.size()) {
      vm.complaints.push_back(complaint_row(staff, facts[index], catalog, language));
    }
  }
  if (const auto& reprint = staff.last_reprint()) {
    vm.complaint_notice = reprint_notice(*reprint, printing, catalog, vm.complaint_notice_is_problem);
  }
  vm.empty_text = catalog.tr("No open complaints.");
}

void trend_tab(const dashboard::Dashboard& board, const i18n::Catalog& catalog, StaffDashboardVm& vm) {
  vm.section_title = catalog.tr("Check-ins per day, last 30 days");
  std::size_t highest = 0;
  std::size_t total = 0;
  for (const auto& point : board.trend) {
    highest = std::max(highest, point.check_ins.value_or(0));
    total += point.check_ins.value_or(0);
  }
  std::chrono::milliseconds longest_median{0};
  for (const auto& point : board.trend) {
    longest_median = std::max(longest_median, point.median_wait.value_or(std::chrono::milliseconds{0}));
  }
  vm.figures = {{"trend_total", std::string(catalog.tr("Check-ins")), count_text(total)},
                {"trend_highest", std::string(catalog.tr("Busiest day")), count_text(highest)},
                {"trend_longest_median", std::string(catalog.tr("Longest median wait")),
                 minutes_value(catalog, longest_median.count() > 0
                                            ? std::optional<std::chrono::milliseconds>(longest_median)
                                            : std::nullopt)}};
  for (std::size_t i = 0; i < board.trend.size(); ++i) {
    const auto& point = board.trend[i];
    StaffTrendDayVm day;
    day.has_data = point.has_data;
    day.today = i + 1 == board.trend.size();
    day.fraction =
        highest == 0 ? 0.0F : static_cast<float>(point.check_ins.value_or(0)) / static_cast<float>(highest);
    if (point.median_wait && longest_median.count() > 0) {
      day.line = static_cast<float>(point.median_wait->count()) / static_cast<float>(longest_median.count());
    }
    vm.trend.push_back(day);
  }
  vm.trend_caption = catalog.tr(
      "Columns: check-ins. Line with dots: median wait, the top is the longest. Today is on the "
      "right; a short dash marks a day without data.");
}

// How long the oldest unconfirmed event has waited: minutes up to two hours, then hours, then days.
std::string age_value(const i18n::Catalog& catalog, std::chrono::seconds age) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(age).count();
  if (minutes < 120) {
    return i18n::format_named(catalog.tr("{minutes} min"), {{"minutes", std::to_string(minutes)}});
  }
  const auto hours = minutes / 60;
  if (hours < 48) {
    return i18n::format_named(catalog.tr("{hours} h"), {{"hours", std::to_string(hours)}});
  }
  const auto days = static_cast<std::uint64_t>(hours / 24);
  return i18n::format_named(catalog.tr_n("{count} day", "{count} days", days),
                            {{"count", std::to_string(days)}});
}

// Bytes as staff read them on a disk: GB from 1 GB on, else MB (decimal units, as disks are sold).
std::string size_value(const i18n::Catalog& catalog, std::uint64_t bytes) {
  constexpr double k_gb = 1e9;
  constexpr double k_mb = 1e6;
  const auto value = static_cast<double>(bytes);
  if (value >= k_gb) {
    return i18n::format_named(catalog.tr("{size} GB"), {{"size", fmt::format("{:.1f}", value / k_gb)}});
  }
  return i18n::format_named(catalog.tr("{size} MB"), {{"size", fmt::format("{:.1f}", value / k_mb)}});
}

// The device tab: one status line each (no bars: these are states, not amounts). Every alert is said in
// words beside its colour. Lines about sync appear only when sync runs; the certificate of the counter
// link only when [counters] is on.
void device_tab(const StaffDesk& staff, const i18n::Catalog& catalog, StaffDashboardVm& vm) {
  namespace rules = domain::dashboard;
  vm.section_title = catalog.tr("Device and sync");
  vm.empty_text = catalog.tr("The device could not be read. See the log.");
  const auto& reading = staff.device_health();
  if (!reading) {
    return;
  }
  const auto& health = *reading;
  const auto& config = staff.config();
  // An alert line says its alert first, in words ("Expired: Renew it now"): the drawing marks it too.
  auto line = [&](std::string id, std::string_view label, std::string value, bool alert = false,
                  std::string_view alert_text = {}) {
    if (alert) {
      value = i18n::format_named(catalog.tr("{alert}: {value}"),
                                 {{"alert", std::string(alert_text)}, {"value", value}});
    }
    vm.bars.push_back({std::move(id), std::string(label), std::move(value), 0.0F, alert,
                       alert ? std::string(alert_text) : std::string(), false});
  };
  auto count_events = [&](std::int64_t count) {
    const auto n = static_cast<std::uint64_t>(std::max<std::int64_t>(0, count));
    return i18n::format_named(catalog.tr_n("{count} event", "{count} events", n),
                              {{"count", std::to_string(n)}});
  };

  const auto& printer = health.printer;
  switch (printer.condition) {
    case PrinterCondition::not_configured:
      line("printer", catalog.tr("Printer"), std::string(catalog.tr("No printer configured")));
      break;
    case PrinterCondition::not_used_yet:
      line("printer", catalog.tr("Printer"), std::string(catalog.tr("Not used yet")));
      break;
    case PrinterCondition::ok:
      line("printer", catalog.tr("Printer"), std::string(catalog.tr("OK")));
      break;
    case PrinterCondition::faulted:
      line("printer", catalog.tr("Printer"),
           i18n::format_named(
               catalog.tr("since {time}, {fault}"),
               {{"time", printer.faulted_since
                             ? local_time(config,
                                          std::chrono::time_point_cast<std::chrono::milliseconds>(
                                              *printer.faulted_since),
                                          "%H:%M")
                             : "-"},
                {"fault", printer.last_fault}}),
           true, catalog.tr("Fault"));
      break;
  }

  if (health.disk) {
    const auto share = rules::free_share(*health.disk);
    line("disk", catalog.tr("Disk space"),
         i18n::format_named(catalog.tr("{free} free of {size} ({percent} %)"),
                            {{"free", size_value(catalog, health.disk->available)},
                             {"size", size_value(catalog, health.disk->capacity)},
                             {"percent", fmt::format("{:.0f}", std::floor(share * 100.0))}}),
         rules::disk_low(*health.disk), catalog.tr("Low"));
  } else {
    line("disk", catalog.tr("Disk space"), std::string(catalog.tr("Could not be read")));
  }
  line("database", catalog.tr("Database"),
       health.database_bytes ? size_value(catalog, *health.database_bytes)
                             : std::string(catalog.tr("Could not be read")));

  const auto& sync = health.external.sync;
  const auto waiting = health.outbox_backlog.value_or(0);
  if (health.sync_policy_off) {
    line("sync", catalog.tr("Sync"),
         i18n::format_named(catalog.tr_n("Sync is off: {count} event waits in the outbox",
                                         "Sync is off: {count} events wait in the outbox",
                                         static_cast<std::uint64_t>(std::max<std::int64_t>(0, waiting))),
                            {{"count", std::to_string(waiting)}}));
  } else if (!sync) {
    line("sync", catalog.tr("Sync"),
         i18n::format_named(
             catalog.tr_n("{count} event waits in the outbox", "{count} events wait in the outbox",
                          static_cast<std::uint64_t>(std::max<std::int64_t>(0, waiting))),
             {{"count", std::to_string(waiting)}}),
         true, catalog.tr("Not running"));
  } else {
    // A trust alarm (head office's certificate or pin refused) is why sync cannot connect, so it is said
    // on this line rather than on one of its own: the lines must fit an 800x480 panel.
    const std::string transport = sync->transport == "mqtt"    ? "MQTT"
                                  : sync->transport == "https" ? "HTTPS"
                                                               : "-";
    const auto problem = sync->trust_alarm ? catalog.tr("Certificate refused") : catalog.tr("Offline");
    if (sync->connected) {
      line("sync", catalog.tr("Sync"),
           i18n::format_named(catalog.tr("{transport}, connected"), {{"transport", transport}}),
           sync->trust_alarm, problem);
    } else {
      const auto reason =
          sync->last_disconnect_reason.empty() ? std::string("-") : sync->last_disconnect_reason;
      // The alert ("Offline") says it is not connected; the line adds the transport and the reason.
      line("sync", catalog.tr("Sync"), fmt::format("{}, {}", transport, reason), true, problem);
    }
    std::string backlog;
    if (!sync->backlog_counted) {
      backlog = catalog.tr("Not counted yet");
    } else if (sync->backlog == 0) {
      backlog = catalog.tr("Nothing waiting");
    } else if (sync->oldest_unconfirmed_age) {
      backlog = i18n::format_named(catalog.tr("{events}, oldest {age}"),
                                   {{"events", count_events(sync->backlog)},
                                    {"age", age_value(catalog, *sync->oldest_unconfirmed_age)}});
    } else {
      backlog = count_events(sync->backlog);
    }
    // The storage alarm (backlog near the cap, telemetry shed) belongs to this line for the same reason.
    const bool stale = rules::backlog_stale(sync->oldest_unconfirmed_age);
    // When both hold, "almost full" is the one to say: the age on the line already shows it is stale.
    const auto backlog_problem = sync->storage_alarm ? catalog.tr("Almost full") : catalog.tr("Not moving");
    line("backlog", catalog.tr("Waiting to send"), std::move(backlog), stale || sync->storage_alarm,
         backlog_problem);
    line("last_confirmation", catalog.tr("Last confirmed"),
         sync->last_confirmation
             ? local_time(config,
                          std::chrono::time_point_cast<std::chrono::milliseconds>(*sync->last_confirmation),
                          "%Y-%m-%d %H:%M")
             : std::string(catalog.tr("Never")));
    line("quarantined", catalog.tr("Held back"), count_events(sync->quarantined), sync->quarantined > 0,
         catalog.tr("Ask head office"));
  }

  auto certificate = [&](std::string id, std::string_view label, std::optional<int> days) {
    switch (rules::certificate_urgency(days)) {
      case rules::CertificateUrgency::unknown:
        line(std::move(id), label, std::string(catalog.tr("see the log")), true,
             catalog.tr("Could not be read"));
        break;
      case rules::CertificateUrgency::fine:
      case rules::CertificateUrgency::expiring: {
        const auto n = static_cast<std::uint64_t>(*days);
        line(std::move(id), label,
             i18n::format_named(catalog.tr_n("{count} day left", "{count} days left", n),
                                {{"count", std::to_string(n)}}),
             rules::certificate_urgency(days) == rules::CertificateUrgency::expiring,
             catalog.tr("Renew soon"));
        break;
      }
      case rules::CertificateUrgency::expired:
        line(std::move(id), label, std::string(catalog.tr("renew it now")), true, catalog.tr("Expired"));
        break;
    }
  };
  if (!health.sync_policy_off) {
    certificate("sync_certificate", catalog.tr("Sync certificate"), health.external.sync_certificate_days);
  }
  if (health.external.counter_link_on) {
    certificate("counter_certificate", catalog.tr("Counter link certificate"),
                health.external.counter_link_certificate_days);
  }
}

}  // namespace

void KioskApp::reprint_acknowledgement(std::string_view complaint_id) {
  const auto reprint = m_staff->reprint_acknowledgement(complaint_id);
  if (!reprint) {
    return;
  }
  std::optional<std::uint64_t> job;
  if (m_printing != nullptr) {
    job = m_printing->print_acknowledgement(reprint->receipt, reprint->details);
  }
  m_staff->reprint_sent(job);
}

void KioskApp::apply_staff_intent(const Intent& intent) {
  if (m_staff_preview || m_staff == nullptr) {
    return;  // a screenshot: nothing is accepted
  }
  if (m_staff->pin_pad_visible()) {
    switch (intent.kind) {
      case Kind::type_text:
        for (const char c : intent.argument) {
          m_staff->type_digit(c);
        }
        break;
      case Kind::backspace:
        m_staff->erase_digit();
        break;
      case Kind::action:
        if (intent.argument == "staff.submit") {
          m_staff->submit_pin();
        } else if (intent.argument == "staff.cancel") {
          m_staff->cancel_pin();
        }
        break;
      default:
        break;
    }
    return;
  }
  if (!m_staff->unlocked() || !m_staff->staff_input()) {
    return;  // staff mode closed under the finger: the action is refused
  }
  if (intent.kind == Kind::choose) {
    m_staff->select_tab(intent.argument);
  } else if (intent.kind == Kind::action) {
    if (intent.argument == "staff.refresh") {
      m_staff->refresh_dashboard();
    } else if (intent.argument == "staff.export") {
      m_staff->export_csv();
    } else if (intent.argument == "staff.sign_out") {
      m_staff->sign_out();
    } else if (const auto id = after_prefix(intent.argument, "staff.reprint:")) {
      reprint_acknowledgement(*id);
    } else if (const auto from = after_prefix(intent.argument, "staff.complaints_from:")) {
      std::size_t first = 0;
      const auto [end, error] = std::from_chars(from->data(), from->data() + from->size(), first);
      if (error == std::errc() && end == from->data() + from->size()) {
        m_staff->show_complaints_from(first);
      }
    }
  }
}

void KioskApp::fill_staff_vm(const i18n::Catalog& catalog, FrameVm& vm) const {
  const bool pin_pad = m_staff_preview ? *m_staff_preview == ScreenId::staff_pin : m_staff->pin_pad_visible();
  if (pin_pad) {
    vm.screen = ScreenId::staff_pin;
    auto& pin = vm.staff_pin;
    pin.title = catalog.tr("Staff sign-in");
    pin.prompt = catalog.tr("Enter your staff PIN");
    const std::size_t digits = m_staff_preview ? 4 : m_staff->typed_digits();
    pin.digits = static_cast<int>(digits);
    pin.entered = i18n::format_named(catalog.tr_n("{count} digit entered", "{count} digits entered", digits),
                                     {{"count", std::to_string(digits)}});
    pin.submit_label = catalog.tr("Sign in");
    pin.erase_label = catalog.tr("Delete");
    pin.cancel_label = catalog.tr("Cancel");
    if (m_staff_preview) {
      pin.can_submit = true;
      return;
    }
    pin.checking = m_staff->checking();
    pin.can_submit = digits > 0 && !pin.checking;
    if (pin.checking) {
      pin.message = catalog.tr("Checking the PIN...");
    } else if (m_staff->notice() == PinPadNotice::wrong_pin) {
      const auto left = static_cast<std::uint64_t>(std::max(0, m_staff->tries_left()));
      pin.message =
          i18n::format_named(catalog.tr_n("Wrong PIN. {count} try left before sign-in locks.",
                                          "Wrong PIN. {count} tries left before sign-in locks.", left),
                             {{"count", std::to_string(left)}});
      pin.message_is_problem = true;
    } else if (m_staff->notice() == PinPadNotice::locked) {
      pin.locked = true;
      pin.message_is_problem = true;
      pin.cancel_label = catalog.tr("Close");
      const auto until = m_staff->locked_until();
      pin.message =
          i18n::format_named(catalog.tr("Too many wrong PINs. Staff sign-in is locked until {time}."),
                             {{"time", until ? local_time(m_config, *until, "%H:%M") : std::string()}});
    }
    return;
  }
  vm.screen = ScreenId::staff_dashboard;
  auto& board_vm = vm.staff_dashboard;
  board_vm.title = catalog.tr("Branch dashboard");
  board_vm.refresh_label = catalog.tr("Refresh");
  board_vm.export_label = catalog.tr("Export CSV");
  board_vm.sign_out_label = catalog.tr("Sign out");
  const std::string tab = m_staff_preview ? std::string("queue") : m_staff->dashboard_tab();
  const std::pair<const char*, std::string_view> tabs[] = {
      {"queue", catalog.tr("Queue now")},
      {"today", catalog.tr("Today")},
      {"satisfaction", catalog.tr("Satisfaction")},
      {"complaints", catalog.tr("Complaints")},
      {"trend", catalog.tr("30 days")},
      {"device", catalog.tr("Device")},
  };
  for (const auto& [id, label] : tabs) {
    board_vm.tabs.push_back({id, std::string(label), tab == id});
  }
  if (tab == "device" && m_staff != nullptr) {
    device_tab(*m_staff, catalog, board_vm);  // shown even when the store's figures fail: a full disk, say
  }
  const auto* board = m_staff != nullptr ? m_staff->dashboard() : nullptr;
  if (board == nullptr) {
    board_vm.empty_text = catalog.tr("The figures could not be read. See the log.");
    return;
  }
  const auto& actor = m_staff->actor();
  board_vm.subtitle = i18n::format_named(catalog.tr("Signed in: {who}. Figures from {time}."),
                                         {{"who", actor.slot_id.empty() ? std::string("-") : actor.slot_id},
                                          {"time", local_time(m_config, m_staff->dashboard_at(), "%H:%M")}});
  const auto& language = current_language();
  if (tab == "device") {
    // filled above
  } else if (tab == "today") {
    today_tab(*board, catalog, board_vm);
  } else if (tab == "satisfaction") {
    satisfaction_tab(*m_staff, *board, catalog, language, board_vm);
  } else if (tab == "complaints") {
    complaints_tab(*m_staff, m_printing, *board, catalog, language, board_vm);
  } else if (tab == "trend") {
    trend_tab(*board, catalog, board_vm);
  } else {
    queue_tab(*m_staff, *board, catalog, language, board_vm);
  }
  if (const auto& last = m_staff->last_export()) {
    board_vm.export_failed = !last->ok;
    board_vm.export_message =
        last->ok ? i18n::format_named(catalog.tr("Saved {file}"), {{"file", last->file.filename().string()}})
                 : std::string(catalog.tr("The export could not be saved. See the log."));
  }
}

}  // namespace kiosk::app
