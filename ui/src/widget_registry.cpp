#include "ui/widget_registry.hpp"

#include <set>

namespace kiosk::ui {

const WidgetRecord* WidgetRegistry::find(std::string_view id) const {
  for (const auto& widget : m_widgets) {
    if (widget.id == id) {
      return &widget;
    }
  }
  return nullptr;
}

std::vector<std::string> WidgetRegistry::duplicate_ids() const {
  std::set<std::string, std::less<>> seen;
  std::vector<std::string> duplicates;
  for (const auto& widget : m_widgets) {
    if (!seen.insert(widget.id).second) {
      duplicates.push_back(widget.id);
    }
  }
  return duplicates;
}

std::vector<const WidgetRecord*> WidgetRegistry::clipped() const {
  std::vector<const WidgetRecord*> result;
  for (const auto& widget : m_widgets) {
    if (widget.clipped) {
      result.push_back(&widget);
    }
  }
  return result;
}

std::vector<const WidgetRecord*> WidgetRegistry::off_screen(float width, float height) const {
  constexpr float tolerance = 0.5F;
  std::vector<const WidgetRecord*> result;
  for (const auto& widget : m_widgets) {
    const auto& r = widget.rect;
    if (r.x < -tolerance || r.y < -tolerance || r.right() > width + tolerance ||
        r.bottom() > height + tolerance) {
      result.push_back(&widget);
    }
  }
  return result;
}

}  // namespace kiosk::ui
