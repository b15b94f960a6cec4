#include "widget_harness.hpp"

#include <imgui.h>

#include <stdexcept>

#include "ui/widgets/keyboard.hpp"

namespace kiosk::test {

std::string test_glyphs() {
  return ui::keyboard_glyphs() +
         " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
         "æøåÆØÅ•…"
         "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
         "你好请输入您的意见谢谢中文步骤第共";
}

WidgetHarness::WidgetHarness(int width, int height, bool high_contrast, bool bar_visible)
    : m_sdl(platform::SdlRuntime::Video::none),
      m_surface(width, height),
      m_layout(ui::make_layout(static_cast<float>(width), static_cast<float>(height), bar_visible)),
      m_palette(high_contrast ? ui::high_contrast_palette() : ui::standard_palette()) {
  m_context = ImGui::CreateContext();
  ImGui::SetCurrentContext(m_context);
  auto& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen | ImGuiConfigFlags_NoMouseCursorChange;
  io.MouseDragThreshold = 24.0F;
  m_backend = ui::make_surface_backend(m_surface);
  ui::FontRequest request;
  request.scale = m_layout.scale;
  request.glyph_text = test_glyphs();
  request.cache_dir = std::filesystem::current_path() / "font-cache";
  request.files = ui::find_system_fonts(nullptr);
  ui::FontReport report;
  m_fonts = ui::build_fonts(*io.Fonts, request, report);
  io.FontDefault = m_fonts.get(ui::FontRole::body);
  ui::apply_style(m_palette, m_layout.scale);
}

WidgetHarness::~WidgetHarness() {
  ImGui::SetCurrentContext(m_context);
  m_backend.reset();
  ImGui::DestroyContext(m_context);
}

void WidgetHarness::frame(const Draw& draw) {
  ImGui::SetCurrentContext(m_context);
  auto& io = ImGui::GetIO();
  m_last_applied = m_input.apply(io);
  io.DisplaySize = ImVec2(m_layout.width, m_layout.height);
  io.DeltaTime = 1.0F / 60.0F;
  m_backend->new_frame();
  ImGui::NewFrame();
  m_widgets.begin_frame();
  ImGui::SetNextWindowPos({0.0F, 0.0F});
  ImGui::SetNextWindowSize({m_layout.width, m_layout.height});
  ImGui::Begin("###widget_test", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
  ui::DrawContext context{m_layout, m_palette, m_fonts, m_widgets};
  draw(context);
  ImGui::End();
  ImGui::Render();
  m_backend->render(ImGui::GetDrawData());
}

void WidgetHarness::tap_at(float x, float y, const Draw& draw) {
  platform::InputEvent down;
  down.kind = platform::InputEvent::Kind::pointer_down;
  down.source = platform::PointerSource::touch;
  down.x = x;
  down.y = y;
  auto up = down;
  up.kind = platform::InputEvent::Kind::pointer_up;
  m_input.push(down);
  m_input.push(up);
  // Down, up and the lift each take a frame; a bounded loop in case the input path changes.
  for (int i = 0; i < 8 && m_input.has_pending(); ++i)
    frame(draw);
  frame(draw);
}

bool WidgetHarness::tap(std::string_view id, const Draw& draw) {
  const auto* widget = m_widgets.find(id);
  if (widget == nullptr || !widget->tappable)
    return false;
  tap_at(widget->rect.x + widget->rect.w / 2.0F, widget->rect.y + widget->rect.h / 2.0F, draw);
  return true;
}

std::filesystem::path WidgetHarness::write_png(const std::string& name) {
  const auto dir = std::filesystem::current_path() / "widget-png";
  std::filesystem::create_directories(dir);
  const auto file = dir / (name + ".png");
  std::string error;
  if (!m_surface.write_png(file, &error))
    throw std::runtime_error("cannot write " + file.string() + ": " + error);
  return file;
}

std::vector<std::string> layout_problems(const WidgetHarness& harness) {
  std::vector<std::string> problems;
  const auto& layout = harness.layout();
  const auto& widgets = harness.widgets();
  for (const auto& id : widgets.duplicate_ids())
    problems.push_back("duplicate id " + id);
  for (const auto* widget : widgets.clipped())
    problems.push_back("clipped text in " + widget->id);
  for (const auto* widget : widgets.off_screen(layout.width, layout.height)) {
    problems.push_back("off screen: " + widget->id);
  }
  for (const auto& widget : widgets.widgets()) {
    // A rounding tolerance: rectangles are computed in floats.
    if (widget.tappable &&
        (widget.rect.w + 0.01F < layout.min_target || widget.rect.h + 0.01F < layout.min_target)) {
      problems.push_back("target too small: " + widget.id + " " + std::to_string(widget.rect.w) + "x" +
                         std::to_string(widget.rect.h) + " < " + std::to_string(layout.min_target));
    }
  }
  return problems;
}

}  // namespace kiosk::test
