#include "ui/screen_registry.hpp"

#include <imgui.h>

#include <array>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags k_full_screen_flags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;

const std::array<ScreenEntry, 4> k_screens{{
    {app::ScreenId::attract,
     [](const app::FrameVm& vm, app::Intents& i, DrawContext& c) { draw_attract(vm.attract, i, c); }},
    {app::ScreenId::language, [](const app::FrameVm& vm, app::Intents& i,
                                 DrawContext& c) { draw_language_picker(vm.language_picker, i, c); }},
    {app::ScreenId::home,
     [](const app::FrameVm& vm, app::Intents& i, DrawContext& c) { draw_home(vm.home, i, c); }},
    {app::ScreenId::out_of_service, [](const app::FrameVm& vm, app::Intents& i,
                                       DrawContext& c) { draw_out_of_service(vm.out_of_service, i, c); }},
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
  if (vm.idle_warning.visible) {
    draw_idle_warning(vm.idle_warning, intents, context);
  }
}

}  // namespace kiosk::ui
