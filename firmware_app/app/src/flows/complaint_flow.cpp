// Complaints: product -> issue -> the customer's own words -> optional contact with consent -> review ->
// reference, lookup code, deadlines and a printed acknowledgement. Nothing is stored before "Send".
#include "app/print_coordinator.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/text/utf8.hpp"
#include "flows/flows.hpp"
#include "flows/text_entry.hpp"

namespace kiosk::app {
namespace {

constexpr int k_steps = 5;

const domain::complaints::Product* chosen_product(const FlowViewContext& context) {
  if (context.desk == nullptr)
    return nullptr;
  return domain::complaints::find_product(context.desk->content().taxonomy,
                                          context.session.complaint.product_id);
}

domain::complaints::ComplaintDraft to_draft(const ComplaintState& state) {
  domain::complaints::ComplaintDraft draft;
  draft.product_id = state.product_id;
  draft.issue_id = state.issue_id;
  draft.description = state.description;
  draft.desired_outcome = state.desired_outcome;
  draft.contact.name = state.name;
  draft.contact.phone = state.phone;
  draft.contact.email = state.email;
  draft.consent_given = state.consent;
  draft.needs_extra_help = state.extra_help;
  return draft;
}

// Problems of the fields on one step: "field:code".
std::vector<std::string> step_problems(const FlowContext& context,
                                       std::initializer_list<std::string_view> fields) {
  std::vector<std::string> found;
  const auto problems = domain::complaints::validate_draft(to_draft(context.session.complaint),
                                                           context.desk->content().taxonomy);
  for (const auto& problem : problems) {
    const auto field_name = domain::complaints::to_string(problem.field);
    for (const auto field : fields) {
      if (field_name == field) {
        found.push_back(std::string(field_name) + ":" +
                        std::string(domain::complaints::to_string(problem.code)));
      }
    }
  }
  return found;
}

bool has_problem(const ComplaintState& state, std::string_view field) {
  for (const auto& problem : state.problems) {
    if (problem.starts_with(field) && problem.size() > field.size() && problem[field.size()] == ':')
      return true;
  }
  return false;
}

void submit(FlowContext& context) {
  auto& state = context.session.complaint;
  ComplaintSubmission submission{state.product_id,
                                 state.issue_id,
                                 state.description,
                                 state.desired_outcome,
                                 state.name,
                                 state.phone,
                                 state.email,
                                 state.consent,
                                 state.extra_help,
                                 state.context,
                                 context.session.language};
  auto result = context.desk->submit_complaint(submission);
  state.problem = result.problem;
  if (!result.ok())
    return;
  state.receipt = std::move(*result.value);
  if (context.printing != nullptr) {
    state.print_job = context.printing->print_acknowledgement(*state.receipt, submission);
  }
  go_to(context.session, ScreenId::complaint_done);
}

bool apply_step(FlowContext& context, const Intent& intent) {
  using Kind = Intent::Kind;
  auto& session = context.session;
  auto& state = session.complaint;
  switch (session.screen) {
    case ScreenId::complaint_product:
      if (intent.kind == Kind::choose &&
          domain::complaints::find_product(context.desk->content().taxonomy, intent.argument) != nullptr) {
        if (state.product_id != intent.argument)
          state.issue_id.clear();
        state.product_id = intent.argument;
        go_to(session, ScreenId::complaint_issue);
        return true;
      }
      if (intent.kind == Kind::back) {
        go_to(session, ScreenId::home);
        return true;
      }
      return false;
    case ScreenId::complaint_issue:
      if (intent.kind == Kind::choose) {
        if (domain::complaints::find_issue(context.desk->content().taxonomy, state.product_id,
                                           intent.argument) == nullptr) {
          return true;
        }
        state.issue_id = intent.argument;
        go_to(session, ScreenId::complaint_details);
        focus_field(session, "complaint.description");
        return true;
      }
      if (intent.kind == Kind::back) {
        go_to(session, ScreenId::complaint_product);
        return true;
      }
      return false;
    case ScreenId::complaint_details:
      if (intent.kind == Kind::toggle && intent.argument == "extra_help") {
        state.extra_help = !state.extra_help;
        return true;
      }
      if (intent.kind == Kind::action && intent.argument == "next") {
        state.problems = step_problems(context, {"description", "desired_outcome"});
        if (state.problems.empty())
          go_to(session, ScreenId::complaint_contact);
        return true;
      }
      if (intent.kind == Kind::back) {
        go_to(session, ScreenId::complaint_issue);
        return true;
      }
      return false;
    case ScreenId::complaint_contact:
      if (intent.kind == Kind::toggle && intent.argument == "consent") {
        state.consent = !state.consent;
        return true;
      }
      if (intent.kind == Kind::action && intent.argument == "next") {
        state.problems = step_problems(context, {"name", "phone", "email", "consent", "contact"});
        if (state.problems.empty())
          go_to(session, ScreenId::complaint_review);
        return true;
      }
      if (intent.kind == Kind::back) {
        state.problems.clear();
        go_to(session, ScreenId::complaint_details);
        return true;
      }
      return false;
    case ScreenId::complaint_review:
      if (intent.kind == Kind::action && intent.argument == "submit") {
        submit(context);
        return true;
      }
      if (intent.kind == Kind::back) {
        go_to(session, ScreenId::complaint_contact);
        return true;
      }
      return false;
    default:
      return false;
  }
}

std::string field_error(const i18n::Catalog& catalog, const ComplaintState& state, std::string_view field) {
  if (!has_problem(state, field))
    return {};
  if (field == "description")
    return std::string(catalog.tr("Please tell us in a few words what happened."));
  if (field == "desired_outcome")
    return std::string(catalog.tr("This text is too long or has characters we cannot store."));
  if (field == "phone")
    return std::string(catalog.tr("Please check the phone number."));
  if (field == "email")
    return std::string(catalog.tr("Please check the e-mail address."));
  if (field == "name")
    return std::string(catalog.tr("This text is too long or has characters we cannot store."));
  return {};
}

std::string contact_problem(const i18n::Catalog& catalog, const ComplaintState& state) {
  if (has_problem(state, "consent")) {
    return std::string(
        catalog.tr("To contact you we need your consent: tick the box, or clear your contact details."));
  }
  if (has_problem(state, "contact")) {
    return std::string(
        catalog.tr("You ticked the consent box but left no contact details. Add a phone number or an "
                   "e-mail address, or untick the box."));
  }
  return {};
}

ToggleVm toggle_vm(const i18n::Catalog& catalog, std::string key, std::string label, bool on) {
  return {std::move(key), std::move(label),
          on ? std::string(catalog.tr("Yes")) : std::string(catalog.tr("No")), on};
}

std::string shortened(const std::string& text, std::size_t characters) {
  if (domain::count_code_points(text) <= characters)
    return text;
  return std::string(domain::first_code_points(text, characters)) + "…";
}

void build_review(const FlowViewContext& context, const domain::complaints::Product* product, FrameVm& vm) {
  const auto& catalog = context.catalog;
  const auto& state = context.session.complaint;
  const auto& language = context.session.language;
  auto& screen = vm.complaint_review;
  screen.header = flow_header(catalog, std::string(catalog.tr("Check and send")), {}, 5, k_steps);
  const auto* issue = product == nullptr ? nullptr
                                         : domain::complaints::find_issue(context.desk->content().taxonomy,
                                                                          state.product_id, state.issue_id);
  screen.lines.push_back({std::string(catalog.tr("About")), product ? product->name.in(language) : ""});
  screen.lines.push_back({std::string(catalog.tr("What went wrong")), issue ? issue->name.in(language) : ""});
  screen.lines.push_back({std::string(catalog.tr("What happened")), shortened(state.description, 240)});
  if (!state.desired_outcome.empty()) {
    screen.lines.push_back(
        {std::string(catalog.tr("What you would like us to do")), shortened(state.desired_outcome, 160)});
  }
  std::string contact;
  if (!state.phone.empty())
    contact += domain::complaints::mask_phone(state.phone);
  if (!state.email.empty())
    contact += (contact.empty() ? "" : ", ") + domain::complaints::mask_email(state.email);
  screen.lines.push_back({std::string(catalog.tr("Contact")),
                          contact.empty() ? std::string(catalog.tr("No contact details")) : contact});
  if (state.extra_help)
    screen.lines.push_back({std::string(catalog.tr("Extra help")), std::string(catalog.tr("Yes"))});
  screen.problem = problem_text(catalog, state.problem);
  screen.submit = {"submit", std::string(catalog.tr("Send complaint")), true, true};
}

void build_done(const FlowViewContext& context, FrameVm& vm) {
  const auto& catalog = context.catalog;
  const auto& state = context.session.complaint;
  if (!state.receipt)
    return;
  const auto& receipt = *state.receipt;
  const auto& time_zone = context.config.kiosk.time_zone;
  const auto& language = context.session.language;
  auto& screen = vm.complaint_done;
  screen.heading = std::string(catalog.tr("Thank you. We have received your complaint."));
  screen.reference = {std::string(catalog.tr("Your reference")), receipt.reference};
  screen.lookup_code = {std::string(catalog.tr("Your code")), receipt.lookup_code};
  screen.deadlines.push_back({std::string(catalog.tr("We confirm we are handling it by")),
                              local_date_text(receipt.acknowledge_by, time_zone, language)});
  screen.deadlines.push_back({std::string(catalog.tr("You get our final answer by")),
                              local_date_text(receipt.final_response_by, time_zone, language)});
  screen.next_steps =
      receipt.high_priority
          ? std::string(catalog.tr("This is marked urgent. A complaints officer will look at it first."))
          : std::string(catalog.tr("A complaints officer will look at it and contact you if you left your "
                                   "details."));
  screen.escalation = context.config.complaints.escalation_text;
  screen.keep_note =
      std::string(catalog.tr("Keep your reference and code: you can check the status here at any time."));
  if (context.printing != nullptr) {
    const auto print_state = context.printing->state(state.print_job);
    screen.printer = print_state_text(catalog, print_state, PrintedThing::acknowledgement);
    screen.printer_fault = print_state == PrintState::failed;
  }
  screen.done = {"finish", std::string(catalog.tr("Done")), true, true};
}

}  // namespace

bool apply_complaint(FlowContext& context, const Intent& intent) {
  if (context.desk == nullptr)
    return false;
  return apply_step(context, intent);
}

void build_complaint_vm(const FlowViewContext& context, FrameVm& vm) {
  const auto& catalog = context.catalog;
  const auto& session = context.session;
  const auto& state = session.complaint;
  const auto& language = session.language;
  const auto* product = chosen_product(context);
  switch (session.screen) {
    case ScreenId::complaint_product: {
      auto& screen = vm.complaint_choice;
      screen.header =
          flow_header(catalog, std::string(catalog.tr("What is your complaint about?")), {}, 1, k_steps);
      if (context.desk == nullptr)
        break;
      for (const auto& option : context.desk->content().taxonomy.products) {
        screen.choices.push_back(
            {option.id, option.name.in(language), {}, true, option.id == state.product_id});
      }
      break;
    }
    case ScreenId::complaint_issue: {
      auto& screen = vm.complaint_choice;
      screen.header =
          flow_header(catalog, std::string(catalog.tr("What went wrong?")),
                      product != nullptr ? product->name.in(language) : std::string{}, 2, k_steps);
      if (product == nullptr)
        break;
      for (const auto& issue : product->issues) {
        screen.choices.push_back({issue.id, issue.name.in(language), {}, true, issue.id == state.issue_id});
      }
      break;
    }
    case ScreenId::complaint_details: {
      auto& screen = vm.complaint_details;
      screen.header = flow_header(
          catalog, std::string(catalog.tr("Tell us what happened")),
          std::string(catalog.tr("In your own words. Please do not type card numbers or PIN codes.")), 3,
          k_steps);
      screen.description =
          text_field_vm(session, "complaint.description", std::string(catalog.tr("What happened")),
                        std::string(catalog.tr("Tap here to type")), catalog);
      screen.description.error = field_error(catalog, state, "description");
      screen.desired_outcome = text_field_vm(
          session, "complaint.outcome", std::string(catalog.tr("What would you like us to do? (optional)")),
          std::string(catalog.tr("Tap here to type")), catalog);
      screen.desired_outcome.error = field_error(catalog, state, "desired_outcome");
      screen.extra_help = toggle_vm(
          catalog, "extra_help", std::string(catalog.tr("I need extra help or support")), state.extra_help);
      screen.keyboard = keyboard_vm(session, catalog);
      screen.next = {"next", std::string(catalog.tr("Next")), true, true};
      break;
    }
    case ScreenId::complaint_contact: {
      auto& screen = vm.complaint_contact;
      screen.header = flow_header(catalog, std::string(catalog.tr("Can we contact you?")), {}, 4, k_steps);
      screen.intro = std::string(
          catalog.tr("Optional. Leave a phone number or an e-mail address if you want us to contact "
                     "you. You can also skip this step."));
      screen.name = text_field_vm(session, "complaint.name", std::string(catalog.tr("Name")), "", catalog);
      screen.name.error = field_error(catalog, state, "name");
      screen.phone = text_field_vm(session, "complaint.phone", std::string(catalog.tr("Phone")), "", catalog);
      screen.phone.error = field_error(catalog, state, "phone");
      screen.email =
          text_field_vm(session, "complaint.email", std::string(catalog.tr("E-mail")), "", catalog);
      screen.email.error = field_error(catalog, state, "email");
      screen.consent =
          toggle_vm(catalog, "consent", std::string(catalog.tr("I agree to be contacted")), state.consent);
      screen.consent_text =
          std::string(catalog.tr("The bank may use these details only to contact you about this complaint. "
                                 "They are stored encrypted "
                                 "and deleted when the complaint is closed."));
      screen.privacy_label = privacy_link_label(context);
      screen.problem = contact_problem(catalog, state);
      screen.keyboard = keyboard_vm(session, catalog);
      const bool any_contact = !state.name.empty() || !state.phone.empty() || !state.email.empty();
      screen.next = {"next", any_contact ? std::string(catalog.tr("Next")) : std::string(catalog.tr("Skip")),
                     true, true};
      break;
    }
    case ScreenId::complaint_review:
      build_review(context, product, vm);
      break;
    case ScreenId::complaint_done:
      build_done(context, vm);
      break;
    default:
      break;
  }
}

}  // namespace kiosk::app
