#pragma once
// The kiosk's own input path. SDL events (finger, mouse, text, keys) become one small set of
// InputEvents in display pixels, so a real touchscreen, a desktop mouse, a headless run and a test that
// injects SDL events all travel the same code. ImGui 1.86's SDL backend ignores finger events and polls
// the mouse itself, so it is not used for input.

#include <SDL.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::platform {

enum class PointerSource { mouse, touch };

struct InputEvent {
  enum class Kind {
    pointer_down,  // x, y
    pointer_up,    // x, y
    pointer_move,  // x, y
    text,          // text (UTF-8, from SDL_TEXTINPUT)
    key_down,      // key (SDL_Keycode)
    key_up,        // key
    quit,          // window closed / SIGTERM
    redraw,        // window exposed or resized: draw again
  };
  Kind kind = Kind::redraw;
  float x = 0.0F;
  float y = 0.0F;
  PointerSource source = PointerSource::mouse;
  std::string text;
  int key = 0;
};

// Converts one SDL event into an InputEvent for a display of the given pixel size, or nullopt for
// events the kiosk ignores (including the mouse events SDL synthesises from touches, which would
// otherwise double every tap).
std::optional<InputEvent> translate_sdl_event(const SDL_Event& event, int display_width, int display_height);

// Waits up to `timeout` for the first event, then drains whatever else is queued.
std::vector<InputEvent> wait_for_input(std::chrono::milliseconds timeout, int display_width,
                                       int display_height);

// True when SDL's queue holds events not yet read.
bool input_queued();

// Builds the SDL finger events a real touchscreen sends for a tap at pixel (x, y) and pushes them onto
// SDL's queue. Used by the UI test driver and `simulate`, so their taps travel the production path.
void push_tap(float x, float y, int display_width, int display_height);

// Pushes one finger event (down or up) at pixel (x, y), for gestures a tap cannot make: a test holds a
// finger down, moves the clock, then lifts it.
void push_finger(bool down, float x, float y, int display_width, int display_height);

// Pushes text as SDL_TEXTINPUT events (what a hardware keyboard or the system IME sends), split into
// chunks SDL can carry without breaking a character.
void push_text(std::string_view utf8);

// Pushes a key press and release (SDL_Keycode), e.g. SDLK_BACKSPACE from a hardware keyboard.
void push_key(int keycode);

}  // namespace kiosk::platform
