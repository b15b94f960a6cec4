#include "ui/headless_kiosk.hpp"

#include "platform/input.hpp"

namespace kiosk::ui {

HeadlessKiosk::HeadlessKiosk(app::KioskApp& app, const platform::Clock& clock, FontRequest fonts, int width,
                             int height)
    : m_surface(width, height) {
  m_runner = std::make_unique<KioskRunner>(app, clock, std::move(fonts),
                                           [this] { return make_surface_backend(m_surface); });
}

bool HeadlessKiosk::tap(std::string_view widget_id) {
  const auto* widget = m_runner->widgets().find(widget_id);
  if (widget == nullptr || !widget->tappable) {
    return false;
  }
  platform::push_tap(widget->rect.x + widget->rect.w / 2.0F, widget->rect.y + widget->rect.h / 2.0F,
                     m_surface.width(), m_surface.height());
  m_runner->settle();
  return true;
}

void HeadlessKiosk::type(std::string_view utf8) {
  platform::push_text(utf8);
  m_runner->settle();
}

void HeadlessKiosk::press_key(int keycode) {
  platform::push_key(keycode);
  m_runner->settle();
}

bool HeadlessKiosk::write_png(const std::filesystem::path& file, std::string* error) const {
  return m_surface.write_png(file, error);
}

}  // namespace kiosk::ui
