#include "ui/now_serving_display.hpp"

namespace kiosk::ui {

bool pump_now_serving(KioskRunner& runner, app::NowServingFeed& feed, platform::ChimePlayer& chime,
                      std::chrono::milliseconds max_wait) {
  const bool running = runner.pump(max_wait);
  // After the frame: the number is on screen when the chime makes people look up.
  for (int owed = feed.take_chimes(); owed > 0; --owed) {
    chime.play();
  }
  return running;
}

}  // namespace kiosk::ui
