// Surveys: "rate your visit" (ticket number -> the service, never the person) and the ATM's quick faces.
// Anonymous, and the screen says so. A low score offers a complaint with the survey context carried.
#include <algorithm>
#include <utility>

#include "domain/surveys/scoring.hpp"
#include "flows/flows.hpp"
#include "flows/text_entry.hpp"

namespace kiosk::app {
namespace {

namespace surveys = domain::surveys;

// Choices as the screens key them: a string value as itself, a number as its JSON text.
std::string answer_key(const surveys::AnswerValue& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

const surveys::Question* visible_question(const surveys::SurveyRunner& runner, std::string_view name) {
  for (const auto* question : runner.visible_questions(runner.current_page_index())) {
    if (question->name == name)
      return question;
  }
  return nullptr;
}

const surveys::AnswerValue* current_answer(const surveys::SurveyRunner& runner, std::string_view name) {
  const auto found = runner.answers().find(name);
  return found == runner.answers().end() ? nullptr : &found->second;
}

// The value a tapped key stands for, or nullopt when the key is not one of the question's answers.
std::optional<surveys::AnswerValue> answer_from_key(const surveys::Question& question, std::string_view key) {
  switch (question.type) {
    case surveys::QuestionType::rating:
      for (const auto& value : question.rating.values) {
        if (answer_key(value.value) == key)
          return value.value;
      }
      return std::nullopt;
    case surveys::QuestionType::boolean:
      if (key == "true")
        return question.value_true;
      if (key == "false")
        return question.value_false;
      return std::nullopt;
    case surveys::QuestionType::radiogroup:
    case surveys::QuestionType::checkbox:
      for (const auto& choice : question.choices) {
        if (answer_key(choice.value) == key)
          return choice.value;
      }
      if ((question.has_none && key == "none") || (question.has_other && key == "other")) {
        return surveys::AnswerValue(std::string(key));
      }
      return std::nullopt;
    case surveys::QuestionType::comment:
      return surveys::AnswerValue(std::string(key));
  }
  return std::nullopt;
}

int page_position(const surveys::SurveyRunner& runner) {
  const auto pages = runner.visible_pages();
  const auto found = std::find(pages.begin(), pages.end(), runner.current_page_index());
  return static_cast<int>(found - pages.begin()) + 1;
}

const char* survey_key_for(const KioskConfig& config) {
  return config.display.profile == Profile::atm ? "atm_quick" : "visit";
}

void start_survey(FlowContext& context, const std::string& trigger, std::string service_id) {
  auto& state = context.session.survey;
  const auto found = context.desk->content().surveys.find(trigger);
  if (found == context.desk->content().surveys.end())
    return;
  state.trigger = trigger;
  state.service_id = std::move(service_id);
  state.runner.emplace(found->second);
  state.show_missing = false;
  go_to(context.session, ScreenId::survey_page);
}

// Comment text lives in the session's field map while typed; the runner gets it before it judges a page.
void sync_comments(SurveyState& state) {
  for (const auto& [name, text] : state.comments) {
    if (text.empty()) {
      state.runner->clear_answer(name);
    } else {
      state.runner->set_answer(name, surveys::AnswerValue(text));
    }
  }
}

void ensure_comment_fields(SurveyState& state) {
  for (const auto* question : state.runner->visible_questions(state.runner->current_page_index())) {
    if (question->type == surveys::QuestionType::comment)
      state.comments.try_emplace(question->name);
  }
}

// On a small display a page with several questions is shown one question per step; Next and Back move
// between them before they move between pages. 0 when the whole page is shown at once.
std::size_t question_steps(bool small_display, const SurveyState& state) {
  if (!small_display || !state.runner)
    return 0;
  const auto count = state.runner->visible_questions(state.runner->current_page_index()).size();
  return count > 1 ? count : 0;
}

std::size_t shown_step(bool small_display, const SurveyState& state) {
  const auto steps = question_steps(small_display, state);
  return steps == 0 ? 0 : std::min(state.question_step, steps - 1);
}

// "Step N of M" as the customer moves: pages, or on a small display the questions asked one at a time
// (a page without questions still counts as one step). Later pages are counted as they are visible now;
// answers may still show or hide some, as in SurveyJS's own progress.
std::pair<int, int> survey_progress(bool small_display, const SurveyState& state) {
  const auto& runner = *state.runner;
  if (!small_display)
    return {page_position(runner), static_cast<int>(runner.visible_pages().size())};
  int position = 0;
  int total = 0;
  for (const auto page : runner.visible_pages()) {
    const int steps = static_cast<int>(std::max<std::size_t>(runner.visible_questions(page).size(), 1));
    if (page < runner.current_page_index())
      position += steps;
    else if (page == runner.current_page_index())
      position += static_cast<int>(shown_step(small_display, state)) + 1;
    total += steps;
  }
  return {position, total};
}

// Next within a page: the shown question must be answered if required. True when it moved.
bool next_question(FlowContext& context) {
  auto& state = context.session.survey;
  const auto steps = question_steps(context.small_display, state);
  const auto step = shown_step(context.small_display, state);
  if (steps == 0 || step + 1 >= steps)
    return false;
  sync_comments(state);
  const auto& shown = state.runner->visible_questions(state.runner->current_page_index())[step]->name;
  const auto missing = state.runner->missing_required();
  if (std::any_of(missing.begin(), missing.end(), [&](const auto& gap) { return gap.question == shown; })) {
    state.show_missing = true;
    return true;
  }
  state.show_missing = false;
  state.question_step = step + 1;
  context.session.editing = {};
  return true;
}

void remember_low_score(SurveyState& state, const surveys::CompletedSurvey& completed) {
  const auto low = surveys::low_score_questions(state.runner->definition(), completed.answers);
  if (low.empty())
    return;
  state.low_score = true;
  state.low_score_context =
      "survey:" + completed.survey_id + ":" + low.front() + "=" + completed.answers.at(low.front()).dump();
}

void finish_page(FlowContext& context) {
  auto& state = context.session.survey;
  sync_comments(state);
  if (!state.runner->missing_required().empty()) {
    state.show_missing = true;
    return;
  }
  state.show_missing = false;
  if (!state.runner->is_last_page()) {
    state.runner->next();
    state.question_step = 0;
    ensure_comment_fields(state);
    context.session.editing = {};
    return;
  }
  const auto completed = state.runner->complete();
  if (!completed) {
    state.show_missing = true;
    return;
  }
  const auto stored =
      context.desk->record_survey(*completed, state.trigger, state.service_id, context.session.language);
  state.problem = stored.problem;
  if (!stored.ok())
    return;
  remember_low_score(state, *completed);
  go_to(context.session, ScreenId::survey_done);
}

void answer(SurveyState& state, const Intent& intent, bool toggle) {
  const auto* question = visible_question(*state.runner, intent.argument);
  if (question == nullptr)
    return;
  auto value = answer_from_key(*question, intent.value);
  if (!value)
    return;  // not one of the question's values: a late tap from another page
  if (!toggle) {
    state.runner->set_answer(question->name, *value);
    return;
  }
  const auto* current = current_answer(*state.runner, question->name);
  surveys::AnswerValue list =
      current != nullptr && current->is_array() ? *current : surveys::AnswerValue::array();
  auto existing = std::find(list.begin(), list.end(), *value);
  if (existing != list.end()) {
    list.erase(existing);
  } else {
    list.push_back(*value);
  }
  if (list.empty()) {
    state.runner->clear_answer(question->name);
  } else {
    state.runner->set_answer(question->name, list);
  }
}

}  // namespace

bool open_flow(FlowContext& context, std::string_view flow) {
  auto& session = context.session;
  if (context.desk == nullptr)
    return false;
  if (flow == "checkin") {
    session.checkin = {};
    go_to(session, ScreenId::checkin_services);
  } else if (flow == "complaint" && context.desk->complaints_available()) {
    session.complaint = {};
    go_to(session, ScreenId::complaint_product);
  } else if (flow == "survey") {
    session.survey = {};
    if (context.config.display.profile == Profile::atm) {
      start_survey(context, "atm_quick", {});
      ensure_comment_fields(session.survey);
    } else {
      go_to(session, ScreenId::survey_ticket);
      focus_field(session, "survey.ticket");
    }
  } else if (flow == "status" && context.desk->complaints_available()) {
    session.status = {};
    go_to(session, ScreenId::status_lookup);
    focus_field(session, "status.reference");
  } else {
    return false;
  }
  return true;
}

bool apply_survey(FlowContext& context, const Intent& intent) {
  using Kind = Intent::Kind;
  if (context.desk == nullptr)
    return false;
  auto& session = context.session;
  auto& state = session.survey;
  switch (session.screen) {
    case ScreenId::survey_ticket:
      if (intent.kind == Kind::action &&
          (intent.argument == "start" || intent.argument == "without_ticket")) {
        std::string service;
        if (intent.argument == "start") {
          auto found = context.desk->service_of_ticket(state.ticket_input);
          if (!found) {
            state.problem = DeskProblem::invalid_input;
            return true;
          }
          service = *found;
        }
        state.ticket_input.clear();  // the number is not kept with the answers
        start_survey(context, survey_key_for(context.config), service);
        ensure_comment_fields(state);
        return true;
      }
      if (intent.kind == Kind::back) {
        go_to(session, ScreenId::home);
        return true;
      }
      return false;
    case ScreenId::survey_page:
      if (!state.runner)
        return false;
      if (intent.kind == Kind::answer || intent.kind == Kind::toggle) {
        answer(state, intent, intent.kind == Kind::toggle);
        return true;
      }
      if (intent.kind == Kind::action && intent.argument == "next") {
        if (!next_question(context))
          finish_page(context);
        return true;
      }
      if (intent.kind == Kind::back) {
        sync_comments(state);
        state.show_missing = false;
        if (const auto step = shown_step(context.small_display, state); step > 0) {
          state.question_step = step - 1;
          session.editing = {};
          return true;
        }
        state.question_step = 0;
        if (!state.runner->back()) {
          state = {};
          go_to(session, ScreenId::home);
        }
        session.editing = {};
        return true;
      }
      return false;
    case ScreenId::survey_done:
      if (intent.kind == Kind::action && intent.argument == "complain" && state.low_score &&
          context.desk->complaints_available()) {
        auto complaint_context = state.low_score_context;
        const bool atm = state.trigger == "atm_quick";
        session.complaint = {};
        session.complaint.context = std::move(complaint_context);
        session.survey = {};
        go_to(session, ScreenId::complaint_product);
        if (atm && domain::complaints::find_product(context.desk->content().taxonomy, "atm") != nullptr) {
          session.complaint.product_id = "atm";
          go_to(session, ScreenId::complaint_issue);
        }
        return true;
      }
      return false;
    default:
      return false;
  }
}

namespace {

QuestionVm question_vm(const FlowViewContext& context, const surveys::Question& question) {
  const auto& catalog = context.catalog;
  const auto& language = context.session.language;
  const auto& runner = *context.session.survey.runner;
  QuestionVm vm;
  vm.name = question.name;
  vm.title = surveys::display_title(question, language);
  vm.description = question.description.in(language);
  vm.required = question.is_required;
  if (vm.required)
    vm.required_note = std::string(catalog.tr("Required"));
  const auto* current = current_answer(runner, question.name);
  switch (question.type) {
    case surveys::QuestionType::rating: {
      const auto kind = surveys::classify_rating(question);
      vm.kind = kind == surveys::RatingKind::nps ? QuestionKind::nps
                : (kind == surveys::RatingKind::csat || kind == surveys::RatingKind::quick_faces)
                    ? QuestionKind::faces
                    : QuestionKind::scale;
      vm.min = question.rating.min;
      vm.max = question.rating.max;
      if (current != nullptr && current->is_number())
        vm.selected_rating = current->get<int>();
      vm.low_label = question.rating.min_description.in(language);
      vm.high_label = question.rating.max_description.in(language);
      if (vm.kind == QuestionKind::faces) {
        const int count = vm.max - vm.min + 1;
        if (count == 4) {
          vm.option_labels = {std::string(catalog.tr("Bad")), std::string(catalog.tr("Not good")),
                              std::string(catalog.tr("Good")), std::string(catalog.tr("Very good"))};
        } else if (count == 5) {
          vm.option_labels = {std::string(catalog.tr("Very unhappy")), std::string(catalog.tr("Unhappy")),
                              std::string(catalog.tr("Neutral")), std::string(catalog.tr("Happy")),
                              std::string(catalog.tr("Very happy"))};
        }
      }
      if (vm.kind == QuestionKind::nps) {
        if (vm.low_label.empty())
          vm.low_label = std::string(catalog.tr("Not at all likely"));
        if (vm.high_label.empty())
          vm.high_label = std::string(catalog.tr("Extremely likely"));
      }
      break;
    }
    case surveys::QuestionType::radiogroup:
    case surveys::QuestionType::checkbox:
      vm.kind = question.type == surveys::QuestionType::checkbox ? QuestionKind::multiple_choice
                                                                 : QuestionKind::single_choice;
      {
        auto add = [&](const surveys::AnswerValue& value, const domain::LocalizedText& text) {
          const auto key = answer_key(value);
          bool selected = false;
          if (current != nullptr) {
            selected = current->is_array()
                           ? std::find(current->begin(), current->end(), value) != current->end()
                           : *current == value;
          }
          auto label = text.in(language);
          vm.choices.push_back({key, label.empty() ? key : label, {}, true, selected});
        };
        for (const auto& choice : question.choices)
          add(choice.value, choice.text);
        if (question.has_none)
          add(surveys::AnswerValue("none"), question.none_text);
        if (question.has_other)
          add(surveys::AnswerValue("other"), question.other_text);
      }
      break;
    case surveys::QuestionType::boolean: {
      vm.kind = QuestionKind::yes_no;
      auto yes = question.label_true.in(language);
      auto no = question.label_false.in(language);
      const bool answered = current != nullptr;
      vm.choices.push_back({"true",
                            yes.empty() ? std::string(catalog.tr("Yes")) : yes,
                            {},
                            true,
                            answered && *current == question.value_true});
      vm.choices.push_back({"false",
                            no.empty() ? std::string(catalog.tr("No")) : no,
                            {},
                            true,
                            answered && *current == question.value_false});
      break;
    }
    case surveys::QuestionType::comment: {
      vm.kind = QuestionKind::comment;
      const auto key = "survey.comment." + question.name;
      vm.comment =
          text_field_vm(context.session, key, vm.title, std::string(catalog.tr("Tap here to type")), catalog);
      break;
    }
  }
  return vm;
}

}  // namespace

void build_survey_vm(const FlowViewContext& context, FrameVm& vm) {
  const auto& catalog = context.catalog;
  const auto& session = context.session;
  const auto& state = session.survey;
  const auto anonymous = std::string(catalog.tr("This survey is anonymous: we do not store who you are."));
  switch (session.screen) {
    case ScreenId::survey_ticket: {
      auto& screen = vm.survey_ticket;
      screen.header = flow_header(
          catalog, std::string(catalog.tr("Rate your visit")),
          std::string(catalog.tr("Type the number on your queue ticket, so we know which service you "
                                 "used.")),
          0, 0);
      screen.ticket =
          text_field_vm(session, "survey.ticket", std::string(catalog.tr("Ticket number")), "A001", catalog);
      if (state.problem == DeskProblem::invalid_input) {
        screen.ticket.error =
            std::string(catalog.tr("We could not find this ticket number from today. Please check it, or "
                                   "answer without it."));
      }
      screen.anonymous_note = anonymous;
      screen.keyboard = keyboard_vm(session, catalog);
      screen.start = {"start", std::string(catalog.tr("Start")), !state.ticket_input.empty(), true};
      screen.without_ticket = {"without_ticket", std::string(catalog.tr("I have no ticket")), true, false};
      break;
    }
    case ScreenId::survey_page: {
      if (!state.runner)
        break;
      auto& screen = vm.survey_page;
      const auto& runner = *state.runner;
      const auto* page = runner.current_page();
      const auto [position, total] = survey_progress(context.small_display, state);
      screen.header = flow_header(catalog, page != nullptr ? page->title.in(session.language) : std::string{},
                                  {}, position, total > 1 ? total : 0);
      if (screen.header.title.empty())
        screen.header.title = runner.definition().title.in(session.language);
      screen.anonymous_note = anonymous;
      const auto visible = runner.visible_questions(runner.current_page_index());
      const auto steps = question_steps(context.small_display, state);
      const auto step = shown_step(context.small_display, state);
      for (std::size_t index = 0; index < visible.size(); ++index) {
        if (steps == 0 || index == step)
          screen.questions.push_back(question_vm(context, *visible[index]));
      }
      const bool last_step = steps == 0 || step + 1 >= steps;
      if (state.show_missing)
        screen.problem = std::string(catalog.tr("Please answer the questions marked Required."));
      if (state.problem != DeskProblem::none)
        screen.problem = problem_text(catalog, state.problem);
      screen.keyboard = keyboard_vm(session, catalog);
      screen.next = {"next",
                     runner.is_last_page() && last_step ? std::string(catalog.tr("Send"))
                                                        : std::string(catalog.tr("Next")),
                     true, true};
      break;
    }
    case ScreenId::survey_done: {
      auto& screen = vm.survey_done;
      screen.heading = std::string(catalog.tr("Thank you for your answers"));
      screen.body = std::string(catalog.tr("They help us make every visit better. They are anonymous."));
      if (state.low_score && context.desk != nullptr && context.desk->complaints_available()) {
        screen.offer_complaint =
            std::string(catalog.tr("We are sorry it was not good. Would you like to tell us what went "
                                   "wrong? You will get a reference number."));
        screen.complain = {"complain", std::string(catalog.tr("Make a complaint")), true, false};
      }
      screen.done = {"finish", std::string(catalog.tr("Done")), true, true};
      break;
    }
    default:
      break;
  }
}

}  // namespace kiosk::app
