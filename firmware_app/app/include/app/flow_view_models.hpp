#pragma once
// View-models of the customer flows (check-in, complaint, survey, status lookup). Like every view-model
// they hold finished, translated text: a screen never formats a date, counts, or asks a catalog.

#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

// Which on-screen keyboard a text field wants. The screen maps it to the widget's layout.
enum class KeyboardKind { latin, norwegian, cyrillic, digits, phone, email, code };

struct KeyboardVm {
  bool visible = false;
  KeyboardKind kind = KeyboardKind::latin;
  bool shifted = false;
  std::string space_label;
  std::string done_label;
  std::string shift_label;
  std::string backspace_label;
  std::string next_layout_label;  // "ABC" / "АБВ": names the layout the key switches to; empty = no key
};

struct TextFieldVm {
  std::string key;  // stable: "details.description"
  std::string label;
  std::string value;  // what to show: the text, or its masked form once the customer left the field
  std::string placeholder;
  std::string error;    // translated, empty when fine
  std::string counter;  // "120 / 4000" for long fields, else empty
  bool focused = false;
  bool multiline = false;
  bool masked = false;  // `value` is a masked form (contact details, codes), not what was typed
};

struct ActionVm {
  std::string id;  // stable: "next", "back", "submit"
  std::string label;
  bool enabled = true;
  bool primary = true;
};

// A big choice in a list: a service, a product, an issue.
struct ChoiceVm {
  std::string key;
  std::string label;
  std::string detail;  // second line: "Open until 16:00", "3 people waiting"
  bool enabled = true;
  bool selected = false;
};

struct ToggleVm {
  std::string key;
  std::string label;
  std::string state;  // "Yes" / "No" in words, never by colour alone
  bool on = false;
};

// The header shared by every flow screen: where the customer is, and in which step.
struct FlowHeaderVm {
  std::string title;
  std::string subtitle;
  std::string step;  // "Step 2 of 5", empty when the flow has no steps
  std::string back_label;
  bool show_back = true;
};

struct NoticeLineVm {
  std::string label;
  std::string value;
};

// ---- check-in ----

struct CheckinServicesVm {
  FlowHeaderVm header;
  std::vector<ChoiceVm> services;
  std::string appointment_label;  // "I have an appointment"
  std::string empty_text;         // when the catalog is empty
};

struct BookingCodeVm {
  FlowHeaderVm header;
  TextFieldVm code;
  KeyboardVm keyboard;
  ActionVm check_in;
};

struct TicketVm {
  std::string heading;      // "Your number"
  std::string number;       // "A007"
  std::string service;      // translated service name
  std::string ahead;        // "3 people ahead of you"
  std::string estimate;     // "Estimated wait: 10-15 minutes" or empty when there is no honest estimate
  std::string issued_at;    // "Issued 10:42"
  std::string appointment;  // "Appointment at 11:00" for a booking, else empty
  std::string printer;      // print state in words: "Printing your ticket..." / "Printer unavailable - ..."
  bool printer_fault = false;
  ActionVm done;
};

// ---- complaint ----

struct ComplaintChoiceVm {
  FlowHeaderVm header;
  std::vector<ChoiceVm> choices;  // products, then issues of the chosen product
};

struct ComplaintDetailsVm {
  FlowHeaderVm header;
  TextFieldVm description;
  TextFieldVm desired_outcome;
  ToggleVm extra_help;
  KeyboardVm keyboard;
  ActionVm next;
};

struct ComplaintContactVm {
  FlowHeaderVm header;
  std::string intro;  // "Optional: leave your details if you want us to contact you."
  TextFieldVm name;
  TextFieldVm phone;
  TextFieldVm email;
  ToggleVm consent;
  std::string consent_text;  // the full text the customer agrees to (its version is stored)
  std::string privacy_label;
  std::string problem;  // translated validation problem for the whole step
  KeyboardVm keyboard;
  ActionVm next;
};

struct ComplaintReviewVm {
  FlowHeaderVm header;
  std::vector<NoticeLineVm> lines;  // product, issue, description (shortened), contact (masked)
  std::string problem;              // "Could not save - please see staff"
  ActionVm submit;
};

struct ComplaintDoneVm {
  std::string heading;  // "Thank you - we have received your complaint"
  NoticeLineVm reference;
  NoticeLineVm lookup_code;
  std::vector<NoticeLineVm> deadlines;
  std::string next_steps;
  std::string escalation;
  std::string keep_note;  // "Keep your reference and code to check the status here."
  std::string printer;
  bool printer_fault = false;
  ActionVm done;
};

// ---- survey ----

struct SurveyTicketVm {
  FlowHeaderVm header;
  std::string intro;
  TextFieldVm ticket;
  std::string anonymous_note;
  KeyboardVm keyboard;
  ActionVm start;
  ActionVm without_ticket;
};

enum class QuestionKind { nps, faces, scale, single_choice, multiple_choice, yes_no, comment };

struct QuestionVm {
  std::string name;  // stable: the survey question name
  QuestionKind kind = QuestionKind::single_choice;
  std::string title;
  std::string description;
  bool required = false;
  std::string required_note;  // "Required" in words, empty when optional
  int min = 0;
  int max = 0;
  std::optional<int> selected_rating;
  std::string low_label;  // "Not at all likely"
  std::string high_label;
  std::vector<std::string> option_labels;  // one per rating value (faces, scales), for the words under them
  std::vector<ChoiceVm> choices;           // choice questions and yes/no
  std::optional<TextFieldVm> comment;      // comment questions
};

struct SurveyPageVm {
  FlowHeaderVm header;
  std::string anonymous_note;  // "This survey is anonymous..."
  std::vector<QuestionVm> questions;
  std::string problem;  // "Please answer the questions marked Required"
  KeyboardVm keyboard;  // when a comment is focused
  ActionVm next;        // "Next" or "Send"
};

struct SurveyDoneVm {
  std::string heading;
  std::string body;
  std::string offer_complaint;  // shown after a low score, else empty
  ActionVm complain;
  ActionVm done;
};

// ---- complaint status ----

struct StatusLookupVm {
  FlowHeaderVm header;
  TextFieldVm reference;
  TextFieldVm code;
  std::string problem;  // one message for any wrong pair: no hint which part was wrong
  std::string privacy_label;
  KeyboardVm keyboard;
  ActionVm look_up;
};

struct StatusResultVm {
  FlowHeaderVm header;
  NoticeLineVm reference;
  NoticeLineVm current;
  std::vector<NoticeLineVm> history;  // newest first: date -> status and note
  std::vector<NoticeLineVm> deadlines;
  bool ask_resolution = false;  // resolved complaints ask whether the customer is satisfied
  std::string resolution_question;
  std::vector<ChoiceVm> resolution_choices;  // yes / partly / no
  std::optional<TextFieldVm> resolution_comment;
  std::string resolution_thanks;  // after the answer was stored
  KeyboardVm keyboard;
  ActionVm send;
  ActionVm done;
};

// ---- shared ----

struct PrivacyVm {
  bool visible = false;
  std::string title;
  std::vector<std::string> paragraphs;
  std::string close_label;
};

}  // namespace kiosk::app
