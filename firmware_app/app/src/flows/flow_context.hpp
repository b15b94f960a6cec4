#pragma once
// What a customer flow works with while it applies an intent or builds its view-model. Flows are free
// functions over this context: the state is the session, the durable side is the desk.

#include <chrono>

#include "app/config.hpp"
#include "app/customer_desk.hpp"
#include "app/session.hpp"
#include "i18n/catalog.hpp"

namespace kiosk::app {

class PrintCoordinator;

struct FlowContext {
  CustomerSession& session;
  CustomerDesk* desk = nullptr;  // null when the store is unavailable: flows are then not offered
  PrintCoordinator* printing = nullptr;
  const KioskConfig& config;
  bool small_display = false;
};

struct FlowViewContext {
  const CustomerSession& session;
  const CustomerDesk* desk = nullptr;
  const PrintCoordinator* printing = nullptr;
  const KioskConfig& config;
  const i18n::Catalog& catalog;
  bool small_display = false;
};

// "Step 2 of 5" in the customer's language.
std::string step_text(const i18n::Catalog& catalog, int step, int total);

// The button that opens the privacy notice: a short label where it shares a small panel's header.
std::string privacy_link_label(const FlowViewContext& context);

FlowHeaderVm flow_header(const i18n::Catalog& catalog, std::string title, std::string subtitle, int step,
                         int total);

// Goes to `screen`, dropping focus and the keyboard (a new screen starts calm).
void go_to(CustomerSession& session, ScreenId screen);

// The calm sentence for a desk problem, translated.
std::string problem_text(const i18n::Catalog& catalog, DeskProblem problem);

// Local time, date and date+time in the branch's zone, formatted for the customer's language.
std::string local_time_text(UtcTime instant, const std::string& time_zone);
std::string local_date_text(UtcTime instant, const std::string& time_zone, const std::string& language);

}  // namespace kiosk::app
