#pragma once
// Everything a screen needs to draw itself, already translated and formatted. Screens read these and
// never reach the store, the network or the catalogs; the app rebuilds them whenever state changes.

#include <string>
#include <vector>

#include "app/flow_view_models.hpp"
#include "app/now_serving.hpp"
#include "app/screen_id.hpp"
#include "app/staff_view_models.hpp"

namespace kiosk::app {

enum class LayoutProfile { branch, atm };

// The bar along the bottom of every customer screen but attract and out-of-service.
struct ChromeVm {
  bool visible = false;
  std::string language_label;
  std::string language_current;  // the current language named in itself, e.g. "Norsk bokmål"
  std::string accessibility_label;
  std::string accessibility_state;  // "On" / "Off": state is said in words, never by colour alone
  bool accessibility_on = false;
  std::string start_over_label;
};

struct AttractVm {
  std::string bank_name;
  std::string welcome;         // in the language the attract loop shows now
  std::string touch_to_start;  // same language as `welcome`
  std::string shown_language_tag;
  std::vector<std::string> autonyms;  // every offered language named in itself
};

struct LanguageChoiceVm {
  std::string tag;
  std::string autonym;
  bool selected = false;
};

struct LanguagePickerVm {
  std::string title;
  std::vector<LanguageChoiceVm> choices;
  std::string selected_label;  // second line on the current language: selection is said in words
  std::string back_label;
};

struct HomeEntryVm {
  std::string id;  // stable: "checkin", "complaint", ...
  std::string label;
  std::string description;
};

struct HomeVm {
  std::string bank_name;
  std::string title;
  std::vector<HomeEntryVm> entries;  // only flows that exist and are enabled: never a dead button
  std::string empty_text;            // shown when no entry is available
};

struct OutOfServiceVm {
  std::string title;
  std::string body;
  std::string staff_label;
  std::string staff_reason;  // technical, for staff; not translated
};

struct IdleWarningVm {
  bool visible = false;
  std::string title;
  std::string countdown;  // "Your session ends in 7 seconds", with the language's plural form
  std::string consequence;
  std::string more_time_label;
};

struct FrameVm {
  ScreenId screen = ScreenId::attract;
  std::string language_tag;
  LayoutProfile profile = LayoutProfile::branch;
  bool high_contrast = false;
  bool large_text = false;
  ChromeVm chrome;
  AttractVm attract;
  LanguagePickerVm language_picker;
  HomeVm home;
  OutOfServiceVm out_of_service;
  IdleWarningVm idle_warning;
  // customer flows: only the one for `screen` is filled
  CheckinServicesVm checkin_services;
  BookingCodeVm booking;
  TicketVm ticket;
  ComplaintChoiceVm complaint_choice;  // product and issue screens
  ComplaintDetailsVm complaint_details;
  ComplaintContactVm complaint_contact;
  ComplaintReviewVm complaint_review;
  ComplaintDoneVm complaint_done;
  SurveyTicketVm survey_ticket;
  SurveyPageVm survey_page;
  SurveyDoneVm survey_done;
  StatusLookupVm status_lookup;
  StatusResultVm status_result;
  PrivacyVm privacy;  // over any screen that asks for personal data
  // staff mode: only the one for `screen` is filled
  StaffPinVm staff_pin;
  StaffDashboardVm staff_dashboard;
  // the hall display (display role)
  NowServingView now_serving;
};

}  // namespace kiosk::app
