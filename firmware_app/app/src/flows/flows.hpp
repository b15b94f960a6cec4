#pragma once
// The customer flows. Each flow applies the intents of its screens and builds their view-models; the app
// shell (KioskApp) routes to them by screen. Every apply returns true when it handled the intent.

#include "app/intents.hpp"
#include "app/view_models.hpp"
#include "flows/flow_context.hpp"

namespace kiosk::app {

bool apply_checkin(FlowContext& context, const Intent& intent);
void build_checkin_vm(const FlowViewContext& context, FrameVm& vm);

bool apply_complaint(FlowContext& context, const Intent& intent);
void build_complaint_vm(const FlowViewContext& context, FrameVm& vm);

bool apply_survey(FlowContext& context, const Intent& intent);
void build_survey_vm(const FlowViewContext& context, FrameVm& vm);

bool apply_status(FlowContext& context, const Intent& intent);
void build_status_vm(const FlowViewContext& context, FrameVm& vm);
// A complaint status key ("received", "in_progress", ...) as customers and staff read it.
std::string complaint_status_name(const i18n::Catalog& catalog, std::string_view status);

// Texts shared by the ticket screen and the printed ticket.
std::string people_ahead_text(const i18n::Catalog& catalog, int people_ahead);
std::string estimate_text(const i18n::Catalog& catalog, const QuotedWait& wait);

// Starts a flow from the home screen (or from another flow, such as a complaint after a low score).
bool open_flow(FlowContext& context, std::string_view flow);

}  // namespace kiosk::app
