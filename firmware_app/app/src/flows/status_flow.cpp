// Complaint status lookup: reference + 4-digit code show the history and deadlines. A wrong pair gets one
// answer whichever part was wrong, and the desk rate-limits tries per kiosk. A resolved complaint asks
// whether the customer is satisfied with how it was resolved; the answer goes to head office.
#include "flows/flows.hpp"
#include "flows/text_entry.hpp"

namespace kiosk::app {
namespace {

bool is_resolution_choice(std::string_view choice) {
  return choice == "yes" || choice == "partly" || choice == "no";
}

void look_up(FlowContext& context) {
  auto& state = context.session.status;
  auto result = context.desk->look_up_complaint(state.reference_input, state.code_input);
  state.problem = result.problem;
  state.locked_until = result.retry_after;
  if (!result.ok()) {
    state.code_input.clear();  // never leave a wrong code on screen
    return;
  }
  state.found = std::move(*result.value);
  state.reference_input.clear();
  state.code_input.clear();
  go_to(context.session, ScreenId::status_result);
}

}  // namespace

std::string complaint_status_name(const i18n::Catalog& catalog, std::string_view status) {
  if (status == "received")
    return std::string(catalog.tr("Received"));
  if (status == "acknowledged")
    return std::string(catalog.tr("Being handled"));
  if (status == "in_progress")
    return std::string(catalog.tr("Being investigated"));
  if (status == "resolved")
    return std::string(catalog.tr("Resolved"));
  if (status == "closed")
    return std::string(catalog.tr("Closed"));
  if (status == "rejected")
    return std::string(catalog.tr("Not upheld"));
  return std::string(status);
}

bool apply_status(FlowContext& context, const Intent& intent) {
  using Kind = Intent::Kind;
  if (context.desk == nullptr)
    return false;
  auto& session = context.session;
  auto& state = session.status;
  if (session.screen == ScreenId::status_lookup) {
    if (intent.kind == Kind::action && intent.argument == "look_up") {
      look_up(context);
      return true;
    }
    if (intent.kind == Kind::back) {
      go_to(session, ScreenId::home);
      return true;
    }
    return false;
  }
  if (session.screen != ScreenId::status_result || !state.found)
    return false;
  if (intent.kind == Kind::choose && is_resolution_choice(intent.argument) && !state.resolution_sent) {
    state.resolution_choice = intent.argument;
    focus_field(session, "status.comment");
    return true;
  }
  if (intent.kind == Kind::action && intent.argument == "send" && !state.resolution_choice.empty()) {
    state.problem = context.desk->record_resolution(state.found->complaint_id, state.resolution_choice,
                                                    state.resolution_comment);
    if (state.problem == DeskProblem::none) {
      state.resolution_sent = true;
      state.resolution_comment.clear();
      session.editing = {};
    }
    return true;
  }
  if (intent.kind == Kind::back) {
    state = {};
    go_to(session, ScreenId::status_lookup);
    return true;
  }
  return false;
}

void build_status_vm(const FlowViewContext& context, FrameVm& vm) {
  const auto& catalog = context.catalog;
  const auto& session = context.session;
  const auto& state = session.status;
  const auto& time_zone = context.config.kiosk.time_zone;
  const auto& language = session.language;
  if (session.screen == ScreenId::status_lookup) {
    auto& screen = vm.status_lookup;
    screen.header = flow_header(
        catalog, std::string(catalog.tr("Check a complaint")),
        std::string(catalog.tr("Type the reference and the 4-digit code from your receipt.")), 0, 0);
    screen.reference = text_field_vm(session, "status.reference", std::string(catalog.tr("Reference")),
                                     "ABC-00000-0", catalog);
    screen.code = text_field_vm(session, "status.code", std::string(catalog.tr("Code")), "", catalog);
    screen.code.value = std::string(state.code_input.size(), '*');  // the code is never shown in the hall
    screen.code.masked = true;
    screen.problem = problem_text(catalog, state.problem);
    screen.privacy_label = privacy_link_label(context);
    screen.keyboard = keyboard_vm(session, catalog);
    screen.look_up = {"look_up", std::string(catalog.tr("Show status")),
                      !state.reference_input.empty() && state.code_input.size() == 4, true};
    return;
  }
  if (session.screen != ScreenId::status_result || !state.found)
    return;
  const auto& found = *state.found;
  auto& screen = vm.status_result;
  screen.header = flow_header(catalog, std::string(catalog.tr("Complaint status")), {}, 0, 0);
  screen.reference = {std::string(catalog.tr("Reference")), found.reference};
  screen.current = {std::string(catalog.tr("Status")), complaint_status_name(catalog, found.status)};
  for (auto entry = found.history.rbegin(); entry != found.history.rend(); ++entry) {
    auto text = complaint_status_name(catalog, entry->status);
    if (!entry->note.empty())
      text += " - " + entry->note;
    screen.history.push_back({local_date_text(entry->at, time_zone, language), std::move(text)});
  }
  screen.deadlines.push_back(
      {std::string(catalog.tr("Received")), local_date_text(found.received_at, time_zone, language)});
  screen.deadlines.push_back({std::string(catalog.tr("You get our final answer by")),
                              local_date_text(found.final_response_by, time_zone, language)});
  screen.ask_resolution = found.status == "resolved" && !found.resolution_answered;
  if (screen.ask_resolution) {
    screen.resolution_question = std::string(catalog.tr("Are you satisfied with how this was resolved?"));
    screen.resolution_choices = {
        {"yes", std::string(catalog.tr("Yes")), {}, !state.resolution_sent, state.resolution_choice == "yes"},
        {"partly",
         std::string(catalog.tr("Partly")),
         {},
         !state.resolution_sent,
         state.resolution_choice == "partly"},
        {"no", std::string(catalog.tr("No")), {}, !state.resolution_sent, state.resolution_choice == "no"}};
    if (!state.resolution_choice.empty() && !state.resolution_sent) {
      screen.resolution_comment =
          text_field_vm(session, "status.comment", std::string(catalog.tr("Anything to add? (optional)")),
                        std::string(catalog.tr("Tap here to type")), catalog);
    }
    if (state.resolution_sent)
      screen.resolution_thanks = std::string(catalog.tr("Thank you. We have passed on your answer."));
    screen.send = {"send", std::string(catalog.tr("Send answer")),
                   !state.resolution_choice.empty() && !state.resolution_sent, true};
  }
  screen.keyboard = keyboard_vm(session, catalog);
  screen.done = {"finish", std::string(catalog.tr("Done")), true,
                 !screen.ask_resolution || state.resolution_sent};
}

}  // namespace kiosk::app
