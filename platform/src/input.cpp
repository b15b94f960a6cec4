#include "platform/input.hpp"

#include <algorithm>
#include <cstring>
#include <thread>

namespace kiosk::platform {
namespace {

InputEvent pointer_event(InputEvent::Kind kind, float x, float y, PointerSource source) {
  InputEvent event;
  event.kind = kind;
  event.x = x;
  event.y = y;
  event.source = source;
  return event;
}

// Finger coordinates are normalised to 0..1 over the touch surface, which is the display.
InputEvent finger_event(InputEvent::Kind kind, const SDL_TouchFingerEvent& finger, int width, int height) {
  const float x = std::clamp(finger.x, 0.0F, 1.0F) * static_cast<float>(width);
  const float y = std::clamp(finger.y, 0.0F, 1.0F) * static_cast<float>(height);
  return pointer_event(kind, x, y, PointerSource::touch);
}

InputEvent event_of(InputEvent::Kind kind) {
  InputEvent event;
  event.kind = kind;
  return event;
}

InputEvent text_event(const char* text) {
  InputEvent event = event_of(InputEvent::Kind::text);
  event.text = text;
  return event;
}

InputEvent key_event(InputEvent::Kind kind, SDL_Keycode key) {
  InputEvent event = event_of(kind);
  event.key = key;
  return event;
}

bool synthesised_from_touch(Uint32 which) {
  return which == SDL_TOUCH_MOUSEID;
}

std::optional<InputEvent> translate_window_event(const SDL_WindowEvent& window) {
  switch (window.event) {
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SIZE_CHANGED:
    case SDL_WINDOWEVENT_RESTORED:
      return InputEvent{};
    case SDL_WINDOWEVENT_CLOSE:
      return event_of(InputEvent::Kind::quit);
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<InputEvent> translate_sdl_event(const SDL_Event& event, int display_width, int display_height) {
  using Kind = InputEvent::Kind;
  switch (event.type) {
    case SDL_FINGERDOWN:
      return finger_event(Kind::pointer_down, event.tfinger, display_width, display_height);
    case SDL_FINGERUP:
      return finger_event(Kind::pointer_up, event.tfinger, display_width, display_height);
    case SDL_FINGERMOTION:
      return finger_event(Kind::pointer_move, event.tfinger, display_width, display_height);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (event.button.button != SDL_BUTTON_LEFT || synthesised_from_touch(event.button.which)) {
        return std::nullopt;
      }
      return pointer_event(event.type == SDL_MOUSEBUTTONDOWN ? Kind::pointer_down : Kind::pointer_up,
                           static_cast<float>(event.button.x), static_cast<float>(event.button.y),
                           PointerSource::mouse);
    case SDL_MOUSEMOTION:
      if (synthesised_from_touch(event.motion.which)) {
        return std::nullopt;
      }
      return pointer_event(Kind::pointer_move, static_cast<float>(event.motion.x),
                           static_cast<float>(event.motion.y), PointerSource::mouse);
    case SDL_TEXTINPUT:
      return text_event(event.text.text);
    case SDL_KEYDOWN:
      return key_event(Kind::key_down, event.key.keysym.sym);
    case SDL_KEYUP:
      return key_event(Kind::key_up, event.key.keysym.sym);
    case SDL_QUIT:
      return event_of(Kind::quit);
    case SDL_WINDOWEVENT:
      return translate_window_event(event.window);
    default:
      return std::nullopt;
  }
}

std::vector<InputEvent> wait_for_input(std::chrono::milliseconds timeout, int display_width,
                                       int display_height) {
  std::vector<InputEvent> events;
  SDL_Event event;
  const int wait_ms = static_cast<int>(std::clamp<long long>(timeout.count(), 0, 60'000));
  int has_event = SDL_PollEvent(&event);
  if (has_event == 0 && wait_ms > 0) {
    if (SDL_WasInit(SDL_INIT_VIDEO) == 0) {
      // Without a video subsystem SDL 2 "waits" by polling every millisecond (~780 wake-ups a second,
      // measured 1.5% CPU idle). Headless, nothing outside this thread produces input, so sleep instead;
      // a quit signal is seen at the next wake-up, bounded by the caller's maximum wait.
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
      has_event = SDL_PollEvent(&event);
    } else {
      has_event = SDL_WaitEventTimeout(&event, wait_ms);
    }
  }
  while (has_event != 0) {
    if (auto translated = translate_sdl_event(event, display_width, display_height)) {
      events.push_back(std::move(*translated));
    }
    has_event = SDL_PollEvent(&event);
  }
  return events;
}

bool input_queued() {
  SDL_PumpEvents();
  return SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT) == SDL_TRUE;
}

void push_finger(bool down, float x, float y, int display_width, int display_height) {
  SDL_Event event{};
  event.tfinger.timestamp = SDL_GetTicks();
  event.tfinger.touchId = 1;
  event.tfinger.fingerId = 1;
  event.tfinger.x = x / static_cast<float>(std::max(display_width, 1));
  event.tfinger.y = y / static_cast<float>(std::max(display_height, 1));
  event.tfinger.pressure = 1.0F;
  event.type = down ? SDL_FINGERDOWN : SDL_FINGERUP;
  SDL_PushEvent(&event);
}

void push_tap(float x, float y, int display_width, int display_height) {
  push_finger(true, x, y, display_width, display_height);
  push_finger(false, x, y, display_width, display_height);
}

void push_text(std::string_view utf8) {
  // SDL_TEXTINPUT carries at most SDL_TEXTINPUTEVENT_TEXT_SIZE - 1 bytes, as an IME delivers a long
  // composition: split on code point boundaries.
  constexpr std::size_t k_chunk = SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;
  std::size_t at = 0;
  while (at < utf8.size()) {
    std::size_t end = std::min(utf8.size(), at + k_chunk);
    while (end > at && end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0U) == 0x80U) {
      --end;
    }
    SDL_Event event{};
    event.text.type = SDL_TEXTINPUT;
    event.text.timestamp = SDL_GetTicks();
    std::memcpy(event.text.text, utf8.data() + at, end - at);
    event.text.text[end - at] = '\0';
    SDL_PushEvent(&event);
    at = end;
  }
}

void push_key(int keycode) {
  SDL_Event event{};
  event.key.timestamp = SDL_GetTicks();
  event.key.keysym.sym = keycode;
  event.type = SDL_KEYDOWN;
  event.key.state = SDL_PRESSED;
  SDL_PushEvent(&event);
  event.type = SDL_KEYUP;
  event.key.state = SDL_RELEASED;
  SDL_PushEvent(&event);
}

}  // namespace kiosk::platform
