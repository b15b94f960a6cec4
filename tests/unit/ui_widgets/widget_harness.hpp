#pragma once
// Draws widgets alone with the kiosk's real renderer (software SDL surface), fonts and input path:
// taps are touch events fed through UiInput, one transition per frame, as in the running kiosk.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "platform/sdl_runtime.hpp"
#include "platform/surface_target.hpp"
#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/render_backend.hpp"
#include "ui/theme.hpp"
#include "ui/ui_input.hpp"
#include "ui/widget_registry.hpp"
#include "ui/widgets.hpp"

struct ImGuiContext;

namespace kiosk::test {

struct ScreenSize {
  int width;
  int height;
  const char* name;
};

inline constexpr ScreenSize k_screen_sizes[] = {
    {1920, 1080, "1920x1080"}, {1080, 1920, "1080x1920"}, {800, 480, "800x480"}};

class WidgetHarness {
 public:
  using Draw = std::function<void(ui::DrawContext&)>;

  // `bar_visible` shapes layout.content as the flow screens see it.
  WidgetHarness(int width, int height, bool high_contrast = false, bool bar_visible = true);
  ~WidgetHarness();
  WidgetHarness(const WidgetHarness&) = delete;
  WidgetHarness& operator=(const WidgetHarness&) = delete;

  // Draws one frame.
  void frame(const Draw& draw);
  // Taps the centre of the widget `id` from the last frame, drawing frames until the input is used.
  // Returns false when there is no such tappable widget.
  bool tap(std::string_view id, const Draw& draw);
  void tap_at(float x, float y, const Draw& draw);

  const ui::Layout& layout() const { return m_layout; }
  const ui::WidgetRegistry& widgets() const { return m_widgets; }
  ui::UiInput& input() { return m_input; }
  ui::UiInput::Applied last_applied() const { return m_last_applied; }
  // Writes the last frame as PNG into the test's working directory under widget-png/.
  std::filesystem::path write_png(const std::string& name);

 private:
  platform::SdlRuntime m_sdl;
  platform::SurfaceTarget m_surface;
  ImGuiContext* m_context = nullptr;
  std::unique_ptr<ui::RenderBackend> m_backend;
  ui::Layout m_layout;
  const ui::Palette& m_palette;
  ui::FontSet m_fonts;
  ui::UiInput m_input;
  ui::UiInput::Applied m_last_applied;
  ui::WidgetRegistry m_widgets;
};

// Text every test may draw (keyboard glyphs, labels in the kiosk's languages), for the font atlas.
std::string test_glyphs();

// Checks every widget from the last frame: tappable ones at least the touch minimum both ways, all on
// screen, ids unique, no clipped text. Returns the problems, empty when fine.
std::vector<std::string> layout_problems(const WidgetHarness& harness);

}  // namespace kiosk::test
