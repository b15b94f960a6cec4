#pragma once
// The real kiosk UI drawing into memory: a software renderer on an SDL surface, no window, no video
// driver. Screenshots, the headless run, `simulate` and the e2e tests use it; taps go through SDL's
// event queue and the production input path.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app/kiosk_app.hpp"
#include "platform/clock.hpp"
#include "platform/surface_target.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk_runner.hpp"

namespace kiosk::ui {

class HeadlessKiosk {
 public:
  // Needs SDL's event subsystem started (platform::SdlRuntime). Throws std::runtime_error when the
  // surface cannot be made.
  HeadlessKiosk(app::KioskApp& app, const platform::Clock& clock, FontRequest fonts, int width, int height);

  KioskRunner& runner() { return *m_runner; }
  const WidgetRegistry& widgets() const { return m_runner->widgets(); }
  const platform::SurfaceTarget& surface() const { return m_surface; }

  // Taps the centre of the widget drawn last frame under `widget_id`, then lets the UI settle.
  // Returns false when no such widget is on screen.
  bool tap(std::string_view widget_id);
  // Types text as a hardware keyboard or the system IME would (SDL text input events), then settles.
  void type(std::string_view utf8);
  // Presses and releases one key (an SDL_Keycode such as SDLK_BACKSPACE), then settles.
  void press_key(int keycode);

  bool write_png(const std::filesystem::path& file, std::string* error) const;

 private:
  platform::SurfaceTarget m_surface;
  std::unique_ptr<KioskRunner> m_runner;
};

}  // namespace kiosk::ui
