#include "ui/ui_input.hpp"

#include <imgui.h>

#include <cfloat>

namespace kiosk::ui {

void UiInput::push(const platform::InputEvent& event) {
  m_queue.push_back(event);
}

UiInput::Applied UiInput::apply(ImGuiIO& io) {
  using Kind = platform::InputEvent::Kind;
  Applied applied;
  if (m_lift_touch && m_queue.empty()) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    m_lift_touch = false;
    applied.any = true;
    return applied;
  }
  while (!m_queue.empty()) {
    const auto event = m_queue.front();
    m_queue.pop_front();
    applied.any = true;
    switch (event.kind) {
      case Kind::pointer_move:
        io.MousePos = ImVec2(event.x, event.y);
        continue;
      case Kind::pointer_down:
        io.MousePos = ImVec2(event.x, event.y);
        io.MouseDown[0] = true;
        applied.pointer_down = true;
        m_lift_touch = false;
        return applied;
      case Kind::pointer_up:
        io.MousePos = ImVec2(event.x, event.y);
        io.MouseDown[0] = false;
        m_lift_touch = event.source == platform::PointerSource::touch;
        return applied;
      case Kind::text:
        io.AddInputCharactersUTF8(event.text.c_str());
        continue;
      case Kind::key_down:
      case Kind::key_up:
      case Kind::quit:
      case Kind::redraw:
        continue;
    }
  }
  return applied;
}

}  // namespace kiosk::ui
