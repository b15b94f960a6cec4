#pragma once
// Everything that belongs to the customer at the screen. It is one plain struct on purpose: the idle
// wipe and "start over" are `session = {}`, so nothing a customer chose or typed can survive into the
// next customer's session. Drafts live only here, in memory; nothing is written before the customer
// confirms.

#include <map>
#include <optional>
#include <string>

#include "app/customer_desk_types.hpp"
#include "app/flow_view_models.hpp"
#include "app/screen_id.hpp"
#include "domain/surveys/runner.hpp"

namespace kiosk::app {

// The text field that has focus and the on-screen keyboard shown for it.
struct TextEditing {
  std::string focused;  // field key, empty when none
  KeyboardKind keyboard = KeyboardKind::latin;
  bool shifted = false;
  bool keyboard_visible = false;
};

struct CheckinState {
  std::string booking_code;
  DeskProblem problem = DeskProblem::none;
  std::optional<IssuedTicket> ticket;
  std::optional<std::uint64_t> print_job;
  PrintState print = PrintState::not_configured;
};

struct ComplaintState {
  std::string product_id;
  std::string issue_id;
  std::string description;
  std::string desired_outcome;
  std::string name;
  std::string phone;
  std::string email;
  bool consent = false;
  bool extra_help = false;
  std::string context;                // where the complaint came from, e.g. a low survey score; sent with it
  std::vector<std::string> problems;  // "field:code" from the domain's draft validation
  DeskProblem problem = DeskProblem::none;
  std::optional<ComplaintReceipt> receipt;
  std::optional<std::uint64_t> print_job;
  PrintState print = PrintState::not_configured;
};

struct SurveyState {
  std::string ticket_input;
  std::string trigger;  // "visit" (rate your visit), "atm_quick"
  std::string service_id;
  std::optional<domain::surveys::SurveyRunner> runner;
  std::map<std::string, std::string, std::less<>> comments;  // comment question name -> text
  bool show_missing = false;
  // On a small display: which of the page's visible questions is shown (one at a time).
  std::size_t question_step = 0;
  bool low_score = false;
  std::string low_score_context;
  DeskProblem problem = DeskProblem::none;
};

struct StatusState {
  std::string reference_input;
  std::string code_input;
  DeskProblem problem = DeskProblem::none;
  std::optional<UtcTime> locked_until;
  std::optional<ComplaintStatusView> found;
  std::string resolution_choice;  // "yes", "partly", "no"
  std::string resolution_comment;
  bool resolution_sent = false;
};

struct CustomerSession {
  ScreenId screen = ScreenId::attract;
  ScreenId return_from_language = ScreenId::home;  // where "Back" on the language picker goes
  std::string language;                            // BCP 47 tag; empty until the customer starts
  bool accessibility = false;                      // larger text, high contrast, doubled time limits
  bool privacy_open = false;                       // the privacy notice over the current screen
  TextEditing editing;
  CheckinState checkin;
  ComplaintState complaint;
  SurveyState survey;
  StatusState status;
};

}  // namespace kiosk::app
