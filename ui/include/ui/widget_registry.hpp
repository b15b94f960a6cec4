#pragma once
// Each frame, every widget the kiosk draws records its stable id, rectangle and text here. The test
// driver taps at these rectangles; screenshot tests check that ids are unique (ImGui 1.86 has no
// duplicate-id warning) and that no text was clipped.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/layout.hpp"

namespace kiosk::ui {

struct WidgetRecord {
  std::string id;  // stable, never translated: "home.entry.checkin", "bar.language"
  Rect rect;
  std::string text;  // what the customer reads on it
  bool tappable = false;
  bool clipped = false;  // the text did not fit even at the smallest allowed size
};

class WidgetRegistry {
 public:
  void begin_frame() { m_widgets.clear(); }
  void record(WidgetRecord record) { m_widgets.push_back(std::move(record)); }

  const std::vector<WidgetRecord>& widgets() const { return m_widgets; }
  const WidgetRecord* find(std::string_view id) const;
  std::vector<std::string> duplicate_ids() const;
  std::vector<const WidgetRecord*> clipped() const;
  // Widgets whose rectangles leave the screen of the given size.
  std::vector<const WidgetRecord*> off_screen(float width, float height) const;
  // Pairs of widgets drawn on top of each other: a layout that ran out of room.
  std::vector<std::pair<const WidgetRecord*, const WidgetRecord*>> overlapping() const;

 private:
  std::vector<WidgetRecord> m_widgets;
};

}  // namespace kiosk::ui
