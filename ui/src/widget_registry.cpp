#include "ui/widget_registry.hpp"

#include <algorithm>
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

std::vector<std::pair<const WidgetRecord*, const WidgetRecord*>> WidgetRegistry::overlapping() const {
  constexpr float tolerance = 1.0F;
  auto overlap = [](float a_start, float a_end, float b_start, float b_end) {
    return std::min(a_end, b_end) - std::max(a_start, b_start);
  };
  // A label drawn inside a tappable widget (a number on its key, the texts on the attract screen's
  // whole-screen target) is part of it, not an overlap.
  auto label_on = [&](const WidgetRecord& target, const WidgetRecord& label) {
    const auto& t = target.rect;
    const auto& l = label.rect;
    return target.tappable && !label.tappable && l.x >= t.x - tolerance && l.y >= t.y - tolerance &&
           l.right() <= t.right() + tolerance && l.bottom() <= t.bottom() + tolerance;
  };
  std::vector<std::pair<const WidgetRecord*, const WidgetRecord*>> result;
  for (std::size_t i = 0; i < m_widgets.size(); ++i) {
    for (std::size_t j = i + 1; j < m_widgets.size(); ++j) {
      const auto& a = m_widgets[i].rect;
      const auto& b = m_widgets[j].rect;
      if (label_on(m_widgets[i], m_widgets[j]) || label_on(m_widgets[j], m_widgets[i]))
        continue;
      if (overlap(a.x, a.right(), b.x, b.right()) > tolerance &&
          overlap(a.y, a.bottom(), b.y, b.bottom()) > tolerance) {
        result.emplace_back(&m_widgets[i], &m_widgets[j]);
      }
    }
  }
  return result;
}

}  // namespace kiosk::ui
