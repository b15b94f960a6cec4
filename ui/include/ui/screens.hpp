#pragma once
// One function per screen: it reads its view-model, draws, and emits intents. No state lives here:
// what a customer typed or chose is in the app's session, so the idle wipe clears it.

#include "app/intents.hpp"
#include "app/view_models.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

void draw_chrome(const app::ChromeVm& vm, app::Intents& intents, DrawContext& context);
void draw_attract(const app::AttractVm& vm, app::Intents& intents, DrawContext& context);
void draw_language_picker(const app::LanguagePickerVm& vm, app::Intents& intents, DrawContext& context);
void draw_home(const app::HomeVm& vm, app::Intents& intents, DrawContext& context);
void draw_out_of_service(const app::OutOfServiceVm& vm, app::Intents& intents, DrawContext& context);
void draw_idle_warning(const app::IdleWarningVm& vm, app::Intents& intents, DrawContext& context);

}  // namespace kiosk::ui
