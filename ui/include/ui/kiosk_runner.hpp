#pragma once
// The UI thread's loop: wait for input or the next timer, hand input to ImGui, draw a frame only when
// something changed, apply the intents the screens emitted. An idle kiosk sleeps in
// SDL_WaitEventTimeout and draws nothing, so it uses ~0% CPU.

#include <chrono>
#include <cstdint>
#include <memory>

#include "app/kiosk_app.hpp"
#include "platform/clock.hpp"
#include "ui/fonts.hpp"
#include "ui/render_backend.hpp"
#include "ui/ui_input.hpp"
#include "ui/widget_registry.hpp"

struct ImGuiContext;

namespace kiosk::ui {

class KioskRunner {
 public:
  // Creates the ImGui context; `make_backend` is called with that context current. Fonts are baked
  // (or loaded from the cache) for the backend's size before the first frame.
  KioskRunner(app::KioskApp& app, const platform::Clock& clock, FontRequest fonts,
              const std::function<std::unique_ptr<RenderBackend>()>& make_backend);
  ~KioskRunner();
  KioskRunner(const KioskRunner&) = delete;
  KioskRunner& operator=(const KioskRunner&) = delete;

  // One turn of the loop: waits at most `max_wait` (less when a timer is due), then draws if needed.
  // Returns false once quit was requested (window closed).
  bool pump(std::chrono::milliseconds max_wait);
  // Draws one frame now, whatever changed.
  void render_frame();
  // Keeps drawing until input is consumed and the screen is stable (bounded), for tests and screenshots.
  void settle();

  const WidgetRegistry& widgets() const { return m_widgets; }
  std::uint64_t frames_drawn() const { return m_frames; }
  const FontReport& font_report() const { return m_font_report; }
  void pixel_size(int& width, int& height) const { m_backend->pixel_size(width, height); }

 private:
  void ensure_fonts(float scale, bool large_text);
  // Raw pointer events go to the app too, for gestures no screen draws (the staff corner hold).
  void forward_pointer(const platform::InputEvent& event, int width, int height);

  app::KioskApp& m_app;
  const platform::Clock& m_clock;
  FontRequest m_font_request;
  std::string m_base_glyph_text;                // the glyph text given at start
  std::uint64_t m_font_content_generation = 0;  // the app's content the atlas was baked for
  FontReport m_font_report;
  FontSet m_fonts;
  bool m_fonts_built = false;
  ImGuiContext* m_context = nullptr;
  std::unique_ptr<RenderBackend> m_backend;
  UiInput m_input;
  WidgetRegistry m_widgets;
  bool m_needs_frame = true;
  bool m_quit = false;
  bool m_last_high_contrast = false;
  float m_last_style_scale = 0.0F;
  std::uint64_t m_frames = 0;
  std::chrono::steady_clock::time_point m_last_frame{};
};

}  // namespace kiosk::ui
