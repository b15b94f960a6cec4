#include "platform/sdl_runtime.hpp"

#include <SDL.h>

#include <cstdlib>
#include <stdexcept>

namespace kiosk::platform {

SdlRuntime::SdlRuntime(Video video) {
  // Touches must arrive as finger events only; synthetic mouse events would double every tap.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  // A kiosk never lets the screen saver blank the customer's screen.
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  Uint32 flags = SDL_INIT_EVENTS | SDL_INIT_TIMER;
  if (video == Video::real) {
    flags |= SDL_INIT_VIDEO;
  }
  if (SDL_Init(flags) != 0) {
    throw std::runtime_error(std::string("SDL could not start: ") + SDL_GetError());
  }
}

SdlRuntime::~SdlRuntime() {
  SDL_Quit();
}

bool SdlRuntime::display_available() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 != nullptr && *x11 != '\0') || (wayland != nullptr && *wayland != '\0');
}

}  // namespace kiosk::platform
