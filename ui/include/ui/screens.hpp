#pragma once
// One function per screen: it reads its view-model, draws, and emits intents. No state lives here:
// what a customer typed or chose is in the app's session, so the idle wipe clears it.

#include "app/intents.hpp"
#include "app/view_models.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

void draw_chrome(const app::ChromeVm& vm, app::Intents& intents, DrawContext& context);
void draw_attract(const app::AttractVm& vm, app::Intents& intents, DrawContext& context);
void draw_language_picker(const app::LanguagePickerVm& vm, app::Intents& intents, DrawContext& context);
void draw_home(const app::HomeVm& vm, app::Intents& intents, DrawContext& context);
void draw_out_of_service(const app::OutOfServiceVm& vm, app::Intents& intents, DrawContext& context);
void draw_idle_warning(const app::IdleWarningVm& vm, app::Intents& intents, DrawContext& context);

// Customer flows.
void draw_checkin_services(const app::CheckinServicesVm& vm, app::Intents& intents, DrawContext& context);
void draw_checkin_booking(const app::BookingCodeVm& vm, app::Intents& intents, DrawContext& context);
void draw_checkin_ticket(const app::TicketVm& vm, app::Intents& intents, DrawContext& context);
void draw_complaint_choice(const app::ComplaintChoiceVm& vm, app::Intents& intents, DrawContext& context);
void draw_complaint_details(const app::ComplaintDetailsVm& vm, app::Intents& intents, DrawContext& context);
void draw_complaint_contact(const app::ComplaintContactVm& vm, app::Intents& intents, DrawContext& context);
void draw_complaint_review(const app::ComplaintReviewVm& vm, app::Intents& intents, DrawContext& context);
void draw_complaint_done(const app::ComplaintDoneVm& vm, app::Intents& intents, DrawContext& context);
void draw_survey_ticket(const app::SurveyTicketVm& vm, app::Intents& intents, DrawContext& context);
void draw_survey_page(const app::SurveyPageVm& vm, app::Intents& intents, DrawContext& context);
void draw_survey_done(const app::SurveyDoneVm& vm, app::Intents& intents, DrawContext& context);
void draw_status_lookup(const app::StatusLookupVm& vm, app::Intents& intents, DrawContext& context);
void draw_status_result(const app::StatusResultVm& vm, app::Intents& intents, DrawContext& context);

// Staff mode.
void draw_staff_pin(const app::StaffPinVm& vm, app::Intents& intents, DrawContext& context);
void draw_staff_dashboard(const app::StaffDashboardVm& vm, app::Intents& intents, DrawContext& context);

// The hall display (run --role display).
void draw_now_serving(const app::NowServingView& vm, app::Intents& intents, DrawContext& context);

}  // namespace kiosk::ui
