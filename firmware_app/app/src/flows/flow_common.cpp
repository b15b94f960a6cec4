#include <date/date.h>
#include <date/tz.h>

#include "flows/flow_context.hpp"

namespace kiosk::app {

std::string step_text(const i18n::Catalog& catalog, int step, int total) {
  return i18n::format_named(std::string(catalog.tr("Step {step} of {total}")),
                            {{"step", std::to_string(step)}, {"total", std::to_string(total)}});
}

std::string privacy_link_label(const FlowViewContext& context) {
  if (context.small_display) {
    // TRANSLATORS: the privacy button on small ATM panels, where it shares the header: keep it short.
    return std::string(context.catalog.tr("Your data"));
  }
  return std::string(context.catalog.tr("How we use your data"));
}

FlowHeaderVm flow_header(const i18n::Catalog& catalog, std::string title, std::string subtitle, int step,
                         int total) {
  FlowHeaderVm header;
  header.title = std::move(title);
  header.subtitle = std::move(subtitle);
  if (total > 0)
    header.step = step_text(catalog, step, total);
  header.back_label = std::string(catalog.tr("Back"));
  return header;
}

void go_to(CustomerSession& session, ScreenId screen) {
  session.screen = screen;
  session.editing = {};
  session.privacy_open = false;
}

std::string problem_text(const i18n::Catalog& catalog, DeskProblem problem) {
  switch (problem) {
    case DeskProblem::none:
      return {};
    case DeskProblem::storage_full:
    case DeskProblem::store_failed:
      return std::string(
          catalog.tr("We could not save this right now. Nothing you entered was sent. Please ask a member "
                     "of staff for help."));
    case DeskProblem::service_closed:
      return std::string(catalog.tr("This service is closed right now."));
    case DeskProblem::booking_unknown:
      return std::string(
          catalog.tr("We could not find this booking code. Please check it, or ask a member of staff."));
    case DeskProblem::booking_too_early:
      return std::string(
          catalog.tr("Your appointment is later. You can check in from 30 minutes before it."));
    case DeskProblem::booking_too_late:
      return std::string(
          catalog.tr("The check-in time for this appointment has passed. Please ask a member of staff."));
    case DeskProblem::booking_used:
      return std::string(catalog.tr("This booking has already been checked in."));
    case DeskProblem::lookup_wrong:
      return std::string(
          catalog.tr("We could not find a complaint with this reference and code. Please check both."));
    case DeskProblem::lookup_locked:
      return std::string(
          catalog.tr("Too many attempts. Please try again in a few minutes, or ask a member of staff."));
    case DeskProblem::invalid_input:
      return std::string(catalog.tr("Please check what you entered."));
  }
  return {};
}

namespace {

const date::time_zone* zone_or_utc(const std::string& time_zone) {
  try {
    return date::locate_zone(time_zone);
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
}

}  // namespace

std::string local_time_text(UtcTime instant, const std::string& time_zone) {
  const date::zoned_seconds local{zone_or_utc(time_zone), instant};
  return date::format("%H:%M", local);
}

std::string local_date_text(UtcTime instant, const std::string& time_zone, const std::string& language) {
  const date::zoned_seconds local{zone_or_utc(time_zone), instant};
  if (language == "zh-Hans") {
    const date::year_month_day day{date::floor<date::days>(local.get_local_time())};
    return std::to_string(static_cast<int>(day.year())) + "年" +
           std::to_string(static_cast<unsigned>(day.month())) + "月" +
           std::to_string(static_cast<unsigned>(day.day())) + "日";
  }
  if (language == "en")
    return date::format("%d/%m/%Y", local);
  return date::format("%d.%m.%Y", local);
}

}  // namespace kiosk::app
