#include "ui/screen_registry.hpp"

#include <imgui.h>

#include <array>

#include "screens/flow_parts.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags k_full_screen_flags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;

// Draws the screen whose view-model is FrameVm::*Member with Draw.
template <auto Member, auto Draw>
void draw_member(const app::FrameVm& vm, app::Intents& intents, DrawContext& context) {
  Draw(vm.*Member, intents, context);
}

const std::array<ScreenEntry, 21> k_screens{{
    {app::ScreenId::attract,
     [](const app::FrameVm& vm, app::Intents& i, DrawContext& c) { draw_attract(vm.attract, i, c); }},
    {app::ScreenId::language, [](const app::FrameVm& vm, app::Intents& i,
                                 DrawContext& c) { draw_language_picker(vm.language_picker, i, c); }},
    {app::ScreenId::home,
     [](const app::FrameVm& vm, app::Intents& i, DrawContext& c) { draw_home(vm.home, i, c); }},
    {app::ScreenId::out_of_service, [](const app::FrameVm& vm, app::Intents& i,
                                       DrawContext& c) { draw_out_of_service(vm.out_of_service, i, c); }},
    {app::ScreenId::checkin_services, draw_member<&app::FrameVm::checkin_services, draw_checkin_services>},
    {app::ScreenId::checkin_booking, draw_member<&app::FrameVm::booking, draw_checkin_booking>},
    {app::ScreenId::checkin_ticket, draw_member<&app::FrameVm::ticket, draw_checkin_ticket>},
    {app::ScreenId::complaint_product, draw_member<&app::FrameVm::complaint_choice, draw_complaint_choice>},
    {app::ScreenId::complaint_issue, draw_member<&app::FrameVm::complaint_choice, draw_complaint_choice>},
    {app::ScreenId::complaint_details, draw_member<&app::FrameVm::complaint_details, draw_complaint_details>},
    {app::ScreenId::complaint_contact, draw_member<&app::FrameVm::complaint_contact, draw_complaint_contact>},
    {app::ScreenId::complaint_review, draw_member<&app::FrameVm::complaint_review, draw_complaint_review>},
    {app::ScreenId::complaint_done, draw_member<&app::FrameVm::complaint_done, draw_complaint_done>},
    {app::ScreenId::survey_ticket, draw_member<&app::FrameVm::survey_ticket, draw_survey_ticket>},
    {app::ScreenId::survey_page, draw_member<&app::FrameVm::survey_page, draw_survey_page>},
    {app::ScreenId::survey_done, draw_member<&app::FrameVm::survey_done, draw_survey_done>},
    {app::ScreenId::status_lookup, draw_member<&app::FrameVm::status_lookup, draw_status_lookup>},
    {app::ScreenId::status_result, draw_member<&app::FrameVm::status_result, draw_status_result>},
    {app::ScreenId::staff_pin, draw_member<&app::FrameVm::staff_pin, draw_staff_pin>},
    {app::ScreenId::staff_dashboard, draw_member<&app::FrameVm::staff_dashboard, draw_staff_dashboard>},
    {app::ScreenId::now_serving, draw_member<&app::FrameVm::now_serving, draw_now_serving>},
}};

}  // namespace

std::span<const ScreenEntry> screen_registry() {
  return k_screens;
}

void draw_frame(const app::FrameVm& vm, app::Intents& intents, DrawContext& context) {
  ImGui::SetNextWindowPos({0.0F, 0.0F});
  ImGui::SetNextWindowSize({context.layout.width, context.layout.height});
  ImGui::Begin("###kiosk.screen", nullptr, k_full_screen_flags);
  fill_rect(context.layout.screen, context.palette.background);
  for (const auto& entry : k_screens) {
    if (entry.id == vm.screen) {
      entry.draw(vm, intents, context);
    }
  }
  if (vm.chrome.visible) {
    draw_chrome(vm.chrome, intents, context);
  }
  ImGui::End();
  if (vm.privacy.visible) {
    draw_privacy(vm.privacy, intents, context);
  }
  if (vm.idle_warning.visible) {
    draw_idle_warning(vm.idle_warning, intents, context);
  }
}

}  // namespace kiosk::ui
