// Queue check-in: pick a service (or type a booking code), get a ticket with the people ahead and an
// honest wait estimate, and a printed copy when a printer is there.
#include "app/print_coordinator.hpp"
#include "flows/flows.hpp"
#include "flows/text_entry.hpp"

namespace kiosk::app {
namespace {

void take_ticket(FlowContext& context, DeskResult<IssuedTicket> result) {
  auto& checkin = context.session.checkin;
  checkin.problem = result.problem;
  if (!result.ok())
    return;
  checkin.ticket = std::move(*result.value);
  if (context.printing != nullptr) {
    checkin.print_job = context.printing->print_ticket(*checkin.ticket, context.session.language);
  }
  go_to(context.session, ScreenId::checkin_ticket);
}

std::string service_detail(const i18n::Catalog& catalog, const ServiceOption& option,
                           const std::string& time_zone, const std::string& language) {
  using State = ServiceOption::State;
  switch (option.state) {
    case State::open: {
      auto waiting = i18n::format_named(catalog.tr_n("{count} person waiting", "{count} people waiting",
                                                     static_cast<std::uint64_t>(option.waiting)),
                                        {{"count", std::to_string(option.waiting)}});
      if (!option.closes_at)
        return waiting;
      return waiting + " · " +
             i18n::format_named(std::string(catalog.tr("open until {time}")),
                                {{"time", local_time_text(*option.closes_at, time_zone)}});
    }
    case State::opens_later:
    case State::closed_today:
      if (option.next_opening) {
        return i18n::format_named(std::string(catalog.tr("Closed now. Opens {date} at {time}")),
                                  {{"date", local_date_text(*option.next_opening, time_zone, language)},
                                   {"time", local_time_text(*option.next_opening, time_zone)}});
      }
      return std::string(catalog.tr("Closed now"));
    case State::disabled:
      return std::string(catalog.tr("Not available today"));
  }
  return {};
}

std::string wait_text(const i18n::Catalog& catalog, const QuotedWait& wait) {
  switch (wait.kind) {
    case QuotedWait::Kind::range:
      if (wait.low_minutes == wait.high_minutes) {
        return i18n::format_named(
            catalog.tr_n("Estimated wait: about {count} minute", "Estimated wait: about {count} minutes",
                         static_cast<std::uint64_t>(wait.high_minutes)),
            {{"count", std::to_string(wait.high_minutes)}});
      }
      return i18n::format_named(
          std::string(catalog.tr("Estimated wait: {low} to {high} minutes")),
          {{"low", std::to_string(wait.low_minutes)}, {"high", std::to_string(wait.high_minutes)}});
    case QuotedWait::Kind::no_wait:
      return std::string(catalog.tr("You should be called very soon."));
    case QuotedWait::Kind::people_ahead_only:
      return {};
  }
  return {};
}

}  // namespace

std::string people_ahead_text(const i18n::Catalog& catalog, int people_ahead) {
  if (people_ahead == 0)
    return std::string(catalog.tr("Nobody is ahead of you"));
  return i18n::format_named(catalog.tr_n("{count} person ahead of you", "{count} people ahead of you",
                                         static_cast<std::uint64_t>(people_ahead)),
                            {{"count", std::to_string(people_ahead)}});
}

std::string estimate_text(const i18n::Catalog& catalog, const QuotedWait& wait) {
  return wait_text(catalog, wait);
}

bool apply_checkin(FlowContext& context, const Intent& intent) {
  using Kind = Intent::Kind;
  auto& session = context.session;
  if (context.desk == nullptr)
    return false;
  switch (session.screen) {
    case ScreenId::checkin_services:
      if (intent.kind == Kind::choose) {
        take_ticket(context, context.desk->issue_ticket(intent.argument, session.language));
        return true;
      }
      if (intent.kind == Kind::action && intent.argument == "appointment") {
        session.checkin.problem = DeskProblem::none;
        go_to(session, ScreenId::checkin_booking);
        focus_field(session, "booking.code");
        return true;
      }
      if (intent.kind == Kind::back) {
        go_to(session, ScreenId::home);
        return true;
      }
      return false;
    case ScreenId::checkin_booking:
      if (intent.kind == Kind::action && intent.argument == "check_in") {
        take_ticket(context, context.desk->check_in_booking(session.checkin.booking_code, session.language));
        return true;
      }
      if (intent.kind == Kind::back) {
        session.checkin.booking_code.clear();
        session.checkin.problem = DeskProblem::none;
        go_to(session, ScreenId::checkin_services);
        return true;
      }
      return false;
    default:
      return false;
  }
}

void build_checkin_vm(const FlowViewContext& context, FrameVm& vm) {
  const auto& catalog = context.catalog;
  const auto& session = context.session;
  const auto& time_zone = context.config.kiosk.time_zone;
  switch (session.screen) {
    case ScreenId::checkin_services: {
      auto& screen = vm.checkin_services;
      screen.header = flow_header(catalog, std::string(catalog.tr("Choose a service")),
                                  problem_text(catalog, session.checkin.problem), 0, 0);
      if (context.desk != nullptr) {
        for (const auto& option : context.desk->services(session.language)) {
          screen.services.push_back({option.id, option.name,
                                     service_detail(catalog, option, time_zone, session.language),
                                     option.state == ServiceOption::State::open, false});
        }
      }
      screen.appointment_label = std::string(catalog.tr("I have an appointment"));
      screen.empty_text =
          std::string(catalog.tr("No services can be booked here right now. Please ask a member of staff."));
      break;
    }
    case ScreenId::checkin_booking: {
      auto& screen = vm.booking;
      screen.header =
          flow_header(catalog, std::string(catalog.tr("Check in for your appointment")),
                      std::string(catalog.tr("Type the booking code from your confirmation.")), 0, 0);
      screen.code =
          text_field_vm(session, "booking.code", std::string(catalog.tr("Booking code")), "", catalog);
      screen.code.error = problem_text(catalog, session.checkin.problem);
      screen.keyboard = keyboard_vm(session, catalog);
      screen.check_in = {"check_in", std::string(catalog.tr("Check in")),
                         !session.checkin.booking_code.empty(), true};
      break;
    }
    case ScreenId::checkin_ticket: {
      if (!session.checkin.ticket)
        break;
      const auto& ticket = *session.checkin.ticket;
      auto& screen = vm.ticket;
      screen.heading = std::string(catalog.tr("Your number"));
      screen.number = ticket.number;
      screen.service = ticket.service_name;
      screen.ahead = people_ahead_text(catalog, ticket.people_ahead);
      screen.estimate = wait_text(catalog, ticket.wait);
      screen.issued_at = i18n::format_named(std::string(catalog.tr("Issued at {time}")),
                                            {{"time", local_time_text(ticket.issued_at, time_zone)}});
      if (ticket.appointment_at) {
        screen.appointment =
            i18n::format_named(std::string(catalog.tr("Appointment at {time}")),
                               {{"time", local_time_text(*ticket.appointment_at, time_zone)}});
      }
      if (context.printing != nullptr) {
        const auto state = context.printing->state(session.checkin.print_job);
        screen.printer = print_state_text(catalog, state, PrintedThing::ticket);
        screen.printer_fault = state == PrintState::failed;
      }
      screen.done = {"finish", std::string(catalog.tr("Done")), true, true};
      break;
    }
    default:
      break;
  }
}

}  // namespace kiosk::app
