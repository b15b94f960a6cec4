#pragma once
// The one list of screens. The frame drawer, the screenshot command and the tests all iterate it, so
// a new screen is one line in screen_registry.cpp.

#include <span>

#include "app/intents.hpp"
#include "app/screen_id.hpp"
#include "app/view_models.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

struct ScreenEntry {
  app::ScreenId id;
  void (*draw)(const app::FrameVm& vm, app::Intents& intents, DrawContext& context);
};

std::span<const ScreenEntry> screen_registry();

// Draws a whole frame: the screen the view-model names, the bottom bar, and the idle warning on top.
void draw_frame(const app::FrameVm& vm, app::Intents& intents, DrawContext& context);

}  // namespace kiosk::ui
