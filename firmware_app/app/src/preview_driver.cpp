#include "app/preview_driver.hpp"

#include <array>

namespace kiosk::app {
namespace {

using Kind = Intent::Kind;

class Driver {
 public:
  Driver(KioskApp& app, KioskApp::TimePoint now) : m_app(app), m_now(now) {}

  void send(Kind kind, std::string argument = {}, std::string value = {}) {
    Intents intents;
    intents.emit(kind, std::move(argument), std::move(value));
    m_app.apply(intents, m_now);
  }
  void type(const std::string& field, const std::string& text) {
    send(Kind::focus_field, field);
    send(Kind::type_text, text);
  }
  FrameVm vm() const { return m_app.view_model(m_now); }
  ScreenId screen() const { return m_app.session().screen; }

  // The first choice that can be taken on the current screen.
  std::string first_enabled(const std::vector<ChoiceVm>& choices) const {
    for (const auto& choice : choices) {
      if (choice.enabled)
        return choice.key;
    }
    return {};
  }

 private:
  KioskApp& m_app;
  KioskApp::TimePoint m_now;
};

bool reach_checkin(Driver& d, ScreenId target) {
  d.send(Kind::open_flow, "checkin");
  if (target == ScreenId::checkin_services)
    return d.screen() == target;
  if (target == ScreenId::checkin_booking) {
    d.send(Kind::action, "appointment");
    d.send(Kind::type_text, "7KQ2");
    return d.screen() == target;
  }
  d.send(Kind::choose, d.first_enabled(d.vm().checkin_services.services));
  return d.screen() == target;
}

bool reach_complaint(Driver& d, ScreenId target) {
  d.send(Kind::open_flow, "complaint");
  const std::array steps{ScreenId::complaint_product, ScreenId::complaint_issue,  ScreenId::complaint_details,
                         ScreenId::complaint_contact, ScreenId::complaint_review, ScreenId::complaint_done};
  for (const auto step : steps) {
    if (d.screen() == target)
      return true;
    if (d.screen() != step)
      return false;
    switch (step) {
      case ScreenId::complaint_product:
      case ScreenId::complaint_issue:
        d.send(Kind::choose, d.first_enabled(d.vm().complaint_choice.choices));
        break;
      case ScreenId::complaint_details:
        d.type("complaint.description", "The machine kept my card after I typed my PIN. Nobody could help.");
        d.send(Kind::keyboard_done);
        d.send(Kind::action, "next");
        break;
      case ScreenId::complaint_contact:
        d.type("complaint.phone", "+47 912 34 567");
        d.send(Kind::keyboard_done);
        d.send(Kind::toggle, "consent");
        d.send(Kind::action, "next");
        break;
      case ScreenId::complaint_review:
        d.send(Kind::action, "submit");
        break;
      default:
        break;
    }
  }
  return d.screen() == target;
}

bool reach_survey(Driver& d, ScreenId target) {
  d.send(Kind::open_flow, "survey");
  if (d.screen() == target)
    return true;
  if (d.screen() == ScreenId::survey_ticket)
    d.send(Kind::action, "without_ticket");
  if (d.screen() == target)
    return true;
  // Answer every page with the lowest rating, so the done screen shows the complaint offer too.
  for (int page = 0; page < 10 && d.screen() == ScreenId::survey_page; ++page) {
    for (const auto& question : d.vm().survey_page.questions) {
      if (question.kind == QuestionKind::nps || question.kind == QuestionKind::faces ||
          question.kind == QuestionKind::scale) {
        d.send(Kind::answer, question.name, std::to_string(question.min));
      } else if (!question.choices.empty() && question.required) {
        d.send(question.kind == QuestionKind::multiple_choice ? Kind::toggle : Kind::answer, question.name,
               question.choices.front().key);
      }
    }
    d.send(Kind::action, "next");
  }
  return d.screen() == target;
}

bool reach_status(Driver& d, ScreenId target, const std::string& language, KioskApp& app,
                  KioskApp::TimePoint now) {
  if (target == ScreenId::status_lookup) {
    d.send(Kind::open_flow, "status");
    return d.screen() == target;
  }
  if (!reach_complaint(d, ScreenId::complaint_done))
    return false;
  const auto done = d.vm().complaint_done;
  d.send(Kind::finish);
  Intents start;
  start.emit(Kind::start_session);
  app.apply(start, now);
  d.send(Kind::choose_language, language);
  d.send(Kind::open_flow, "status");
  d.type("status.reference", done.reference.value);
  d.type("status.code", done.lookup_code.value);
  d.send(Kind::keyboard_done);
  d.send(Kind::action, "look_up");
  return d.screen() == target;
}

}  // namespace

bool drive_to_screen(KioskApp& app, ScreenId screen, const std::string& language, KioskApp::TimePoint now) {
  app.preview(ScreenId::home, language, false, false, now);
  Driver driver(app, now);
  switch (screen) {
    case ScreenId::checkin_services:
    case ScreenId::checkin_booking:
    case ScreenId::checkin_ticket:
      return reach_checkin(driver, screen);
    case ScreenId::complaint_product:
    case ScreenId::complaint_issue:
    case ScreenId::complaint_details:
    case ScreenId::complaint_contact:
    case ScreenId::complaint_review:
    case ScreenId::complaint_done:
      return reach_complaint(driver, screen);
    case ScreenId::survey_ticket:
    case ScreenId::survey_page:
    case ScreenId::survey_done:
      return reach_survey(driver, screen);
    case ScreenId::status_lookup:
    case ScreenId::status_result:
      return reach_status(driver, screen, language, app, now);
    default:
      app.preview(screen, language, false, false, now);
      return true;
  }
}

}  // namespace kiosk::app
