#pragma once
// SDL's process-wide state, started once by main (or a test) and shut down when this object goes.

#include <string>

namespace kiosk::platform {

class SdlRuntime {
 public:
  enum class Video { none, real };
  // Video::none starts only the event and timer subsystems: a headless run needs no video driver and
  // no display, and injected events still flow. Throws std::runtime_error with SDL's reason on failure.
  explicit SdlRuntime(Video video);
  ~SdlRuntime();
  SdlRuntime(const SdlRuntime&) = delete;
  SdlRuntime& operator=(const SdlRuntime&) = delete;

  // True when a display server is reachable (DISPLAY or WAYLAND_DISPLAY set).
  static bool display_available();
};

}  // namespace kiosk::platform
