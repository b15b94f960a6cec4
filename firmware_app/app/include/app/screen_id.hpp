#pragma once
// The screens a customer can see. Ids are stable strings: they name screenshots, test expectations and
// log lines, and never change with the language.

#include <optional>
#include <span>
#include <string_view>

namespace kiosk::app {

enum class ScreenId {
  attract,         // idle: bank name, "touch to start" cycling through languages
  language,        // language picker, each language named in itself
  home,            // what the customer can do here
  out_of_service,  // the kiosk cannot take customers; calm text, reason for staff
  // queue check-in
  checkin_services,  // pick a service (or "I have an appointment")
  checkin_booking,   // type the booking code
  checkin_ticket,    // the issued ticket: number, people ahead, honest estimate, print state
  // complaint
  complaint_product,  // what it is about
  complaint_issue,    // what went wrong
  complaint_details,  // in the customer's words, and the outcome they want
  complaint_contact,  // optional contact details with consent
  complaint_review,   // check and send
  complaint_done,     // reference, lookup code, deadlines, print state
  // survey
  survey_ticket,  // "rate your visit": type the ticket number
  survey_page,    // one page of questions
  survey_done,    // thanks; after a low score, the offer to complain
  // complaint status
  status_lookup,  // reference + lookup code
  status_result,  // history, deadlines, and the resolution question
  // staff mode (not customer screens: shown over everything while staff mode is open)
  staff_pin,        // the PIN pad, or the lockout notice
  staff_dashboard,  // the branch manager's figures
  // the hall display (`run --role display`): the latest calls and their counters; no customer touches it
  now_serving,
};

std::string_view screen_key(ScreenId id);
std::optional<ScreenId> screen_from_key(std::string_view key);
std::span<const ScreenId> all_screens();

}  // namespace kiosk::app
