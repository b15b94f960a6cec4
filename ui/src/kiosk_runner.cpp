#include "ui/kiosk_runner.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/layout.hpp"
#include "ui/screen_registry.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {
namespace {

using std::chrono::milliseconds;

// Frames drawn by settle() before it gives up: input is one transition per frame, and the screen
// needs one more frame after the last one.
constexpr int k_settle_frame_limit = 64;

// A hardware keyboard or the IME edits the focused field exactly as the on-screen keys do.
void emit_typed_input(const TypedInput& typed, app::Intents& intents) {
  using Kind = app::Intent::Kind;
  if (!typed.text.empty())
    intents.emit(Kind::type_text, typed.text);
  for (int i = 0; i < typed.backspaces + typed.deletes; ++i)
    intents.emit(Kind::backspace);
  if (typed.enter)
    intents.emit(Kind::type_text, "\n");  // a new line where the field allows one
  if (typed.escape)
    intents.emit(Kind::keyboard_done);
  if (!typed.empty())
    intents.emit(Kind::activity);
}

}  // namespace

KioskRunner::KioskRunner(app::KioskApp& app, const platform::Clock& clock, FontRequest fonts,
                         const std::function<std::unique_ptr<RenderBackend>()>& make_backend)
    : m_app(app),
      m_clock(clock),
      m_font_request(std::move(fonts)),
      m_base_glyph_text(m_font_request.glyph_text),
      m_font_content_generation(app.content_generation()) {
  m_context = ImGui::CreateContext();
  ImGui::SetCurrentContext(m_context);
  auto& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing of a session is written to disk
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen | ImGuiConfigFlags_NoMouseCursorChange;
  io.MouseDragThreshold = 24.0F;  // a finger moves a little while tapping
  m_backend = make_backend();
  int width = 0;
  int height = 0;
  m_backend->pixel_size(width, height);
  const auto layout = make_layout(static_cast<float>(width), static_cast<float>(height), false);
  ensure_fonts(layout.scale, false);
  m_last_frame = m_clock.steady_now();
}

KioskRunner::~KioskRunner() {
  ImGui::SetCurrentContext(m_context);
  m_backend.reset();
  ImGui::DestroyContext(m_context);
}

void KioskRunner::ensure_fonts(float scale, bool large_text) {
  const auto content_generation = m_app.content_generation();
  if (m_fonts_built && m_font_request.scale == scale && m_font_request.large_text == large_text &&
      m_font_content_generation == content_generation) {
    return;
  }
  if (m_font_content_generation != content_generation) {
    // Content from head office (a new survey, renamed services) may use characters the atlas lacks.
    // Rebuilt from the start-up text each time, so the glyph text does not grow with every update.
    m_font_request.glyph_text = m_base_glyph_text + m_app.content_glyph_text();
    m_font_content_generation = content_generation;
  }
  m_font_request.scale = scale;
  m_font_request.large_text = large_text;
  m_fonts = build_fonts(*ImGui::GetIO().Fonts, m_font_request, m_font_report);
  ImGui::GetIO().FontDefault = m_fonts.get(FontRole::body);
  if (m_fonts_built) {
    m_backend->fonts_changed();
  }
  m_fonts_built = true;
}

bool KioskRunner::pump(milliseconds max_wait) {
  ImGui::SetCurrentContext(m_context);
  auto now = m_clock.steady_now();
  auto wait = std::chrono::duration_cast<milliseconds>(m_app.next_wake(now) - now) + milliseconds{1};
  wait = std::clamp(wait, milliseconds{0}, max_wait);
  if (m_needs_frame || m_input.has_pending()) {
    wait = milliseconds{0};
  }
  int width = 0;
  int height = 0;
  m_backend->pixel_size(width, height);
  for (auto& event : platform::wait_for_input(wait, width, height)) {
    if (event.kind == platform::InputEvent::Kind::quit) {
      m_quit = true;
    } else if (event.kind == platform::InputEvent::Kind::redraw) {
      m_needs_frame = true;
    } else {
      forward_pointer(event, width, height);
      m_input.push(event);
    }
  }
  if (m_app.tick(m_clock.steady_now())) {
    m_needs_frame = true;
  }
  if (m_needs_frame || m_input.has_pending()) {
    render_frame();
  }
  return !m_quit;
}

void KioskRunner::forward_pointer(const platform::InputEvent& event, int width, int height) {
  using platform::InputEvent;
  std::optional<app::PointerPhase> phase;
  if (event.kind == InputEvent::Kind::pointer_down) {
    phase = app::PointerPhase::down;
  } else if (event.kind == InputEvent::Kind::pointer_move) {
    phase = app::PointerPhase::move;
  } else if (event.kind == InputEvent::Kind::pointer_up) {
    phase = app::PointerPhase::up;
  }
  if (phase && width > 0 && height > 0 &&
      m_app.pointer(*phase, event.x / static_cast<float>(width), event.y / static_cast<float>(height),
                    m_clock.steady_now())) {
    m_needs_frame = true;
  }
}

void KioskRunner::render_frame() {
  ImGui::SetCurrentContext(m_context);
  auto& io = ImGui::GetIO();
  const auto now = m_clock.steady_now();
  const auto applied = m_input.apply(io);

  int width = 0;
  int height = 0;
  m_backend->pixel_size(width, height);
  m_app.set_small_display(make_layout(static_cast<float>(width), static_cast<float>(height), false).compact);
  const auto vm = m_app.view_model(now);
  const auto layout =
      make_layout(static_cast<float>(width), static_cast<float>(height), vm.chrome.visible, vm.large_text);
  ensure_fonts(layout.scale, vm.large_text);
  const auto& palette = vm.high_contrast ? high_contrast_palette() : standard_palette();
  if (m_last_high_contrast != vm.high_contrast || m_last_style_scale != layout.scale) {
    apply_style(palette, layout.scale);
    m_last_high_contrast = vm.high_contrast;
    m_last_style_scale = layout.scale;
  }

  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  const auto elapsed = std::chrono::duration<float>(now - m_last_frame).count();
  io.DeltaTime = std::max(elapsed, 1.0F / 1000.0F);
  m_last_frame = now;
  m_backend->new_frame();
  ImGui::NewFrame();
  m_widgets.begin_frame();
  app::Intents intents;
  if (applied.pointer_down) {
    intents.emit(app::Intent::Kind::activity);
  }
  emit_typed_input(applied.typed, intents);
  DrawContext context{layout, palette, m_fonts, m_widgets};
  draw_frame(vm, intents, context);
  ImGui::Render();
  m_backend->render(ImGui::GetDrawData());
  ++m_frames;

  const bool state_changed = m_app.apply(intents, m_clock.steady_now());
  // ImGui needs one more frame after input (release, hover, the new screen) before it is stable.
  m_needs_frame = applied.any || state_changed;
}

void KioskRunner::settle() {
  m_needs_frame = true;
  for (int frame = 0; frame < k_settle_frame_limit; ++frame) {
    pump(milliseconds{0});
    if (!m_needs_frame && !m_input.has_pending() && !platform::input_queued()) {
      return;
    }
  }
}

}  // namespace kiosk::ui
