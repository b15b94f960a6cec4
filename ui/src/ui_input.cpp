#include "ui/ui_input.hpp"

#include <SDL.h>
#include <imgui.h>

#include <array>
#include <cfloat>

namespace kiosk::ui {
namespace {

// ImGui 1.86 reads keys from io.KeysDown[io.KeyMap[key]]. We fill KeysDown ourselves (the SDL backend
// is not used for input), so each ImGui key gets its own slot, numbered by its position here.
struct KeyBinding {
  ImGuiKey imgui_key;
  SDL_Keycode sdl_key;
};

constexpr std::array<KeyBinding, 13> k_bindings{{
    {ImGuiKey_Backspace, SDLK_BACKSPACE},
    {ImGuiKey_Enter, SDLK_RETURN},
    {ImGuiKey_KeyPadEnter, SDLK_KP_ENTER},
    {ImGuiKey_Tab, SDLK_TAB},
    {ImGuiKey_LeftArrow, SDLK_LEFT},
    {ImGuiKey_RightArrow, SDLK_RIGHT},
    {ImGuiKey_UpArrow, SDLK_UP},
    {ImGuiKey_DownArrow, SDLK_DOWN},
    {ImGuiKey_Delete, SDLK_DELETE},
    {ImGuiKey_Escape, SDLK_ESCAPE},
    {ImGuiKey_Home, SDLK_HOME},
    {ImGuiKey_End, SDLK_END},
    {ImGuiKey_Space, SDLK_SPACE},
}};

// The KeysDown slot of an SDL key, or -1 for keys the kiosk does not use.
int slot_of(int sdl_key) {
  for (std::size_t i = 0; i < k_bindings.size(); ++i) {
    if (k_bindings[i].sdl_key == sdl_key)
      return static_cast<int>(i);
  }
  return -1;
}

void install_key_map(ImGuiIO& io) {
  for (std::size_t i = 0; i < k_bindings.size(); ++i) {
    io.KeyMap[k_bindings[i].imgui_key] = static_cast<int>(i);
  }
}

void record_press(int sdl_key, TypedInput& typed) {
  switch (sdl_key) {
    case SDLK_BACKSPACE:
      ++typed.backspaces;
      break;
    case SDLK_DELETE:
      ++typed.deletes;
      break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      typed.enter = true;
      break;
    case SDLK_TAB:
      typed.tab = true;
      break;
    case SDLK_ESCAPE:
      typed.escape = true;
      break;
    case SDLK_LEFT:
      --typed.arrow_x;
      break;
    case SDLK_RIGHT:
      ++typed.arrow_x;
      break;
    case SDLK_UP:
      --typed.arrow_y;
      break;
    case SDLK_DOWN:
      ++typed.arrow_y;
      break;
    default:
      break;
  }
}

}  // namespace

void UiInput::push(const platform::InputEvent& event) {
  m_queue.push_back(event);
}

UiInput::Applied UiInput::apply(ImGuiIO& io) {
  using Kind = platform::InputEvent::Kind;
  install_key_map(io);
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
        applied.typed.text += event.text;
        continue;
      case Kind::key_down:
      case Kind::key_up: {
        const int slot = slot_of(event.key);
        if (slot < 0)
          continue;
        const bool down = event.kind == Kind::key_down;
        // A press is counted when it goes down (key repeat sends more downs without ups).
        if (down)
          record_press(event.key, applied.typed);
        const auto index = static_cast<std::size_t>(slot);
        if (io.KeysDown[index] == down)
          continue;
        io.KeysDown[index] = down;
        return applied;  // one key transition per frame, so ImGui sees every press and release
      }
      case Kind::quit:
      case Kind::redraw:
        continue;
    }
  }
  return applied;
}

}  // namespace kiosk::ui
