// Shared parts of the customer-flow screens. Geometry comes from the layout only, so every flow screen
// works at 1920x1080, 1080x1920 and the ATM's 800x480 without its own arithmetic.
#include "flow_parts.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/widgets/choices.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/text_field.hpp"

namespace kiosk::ui {
namespace {

using Kind = app::Intent::Kind;

std::string join_id(std::string_view a, std::string_view b) {
  std::string id(a);
  id += '.';
  id += b;
  return id;
}

KeyboardLayout widget_layout(app::KeyboardKind kind) {
  switch (kind) {
    case app::KeyboardKind::latin:
      return KeyboardLayout::en;
    case app::KeyboardKind::norwegian:
      return KeyboardLayout::nb;
    case app::KeyboardKind::cyrillic:
      return KeyboardLayout::ru;
    case app::KeyboardKind::digits:
    case app::KeyboardKind::phone:
      return KeyboardLayout::digits;
    case app::KeyboardKind::email:
      return KeyboardLayout::email;
    case app::KeyboardKind::code:
      return KeyboardLayout::en;
  }
  return KeyboardLayout::en;
}

}  // namespace

float text_field_height(const DrawContext& context) {
  const auto& layout = context.layout;
  return layout.compact ? text_field_stacked_height(context, layout.min_target * 1.1F)
                        : layout.button_height * 1.3F;
}

namespace {

// How the frame spends its height. A keyboard's keys never shrink below the touch minimum, so on a small
// panel something else gives way, in this order: the action row moves up beside the title (it stays one
// tap away), then the subtitle goes (the field's own label still says what to type), then the header
// shrinks to the touch minimum and the top margin halves. The first plan that gives the body what the
// screen asks for wins; failing that, the first that leaves a one-row field (label beside the box).
struct FramePlan {
  float header_height = 0.0F;
  bool subtitle = true;
  bool actions_in_header = false;
  float keyboard_gap = 0.0F;
  float top_trim = 0.0F;  // taken from the top margin
  bool title = true;      // the last resort (large text on an ATM panel): Back, the actions and the field
};

std::vector<FramePlan> frame_plans(const Layout& layout, bool keyboard_shown) {
  const float header_height =
      layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
  std::vector<FramePlan> plans{{header_height, true, false, layout.gap}};
  if (!keyboard_shown)
    return plans;
  plans.push_back({header_height, true, true, layout.gap});
  plans.push_back({header_height, false, true, layout.gap});
  plans.push_back({layout.min_target, false, true, layout.gap * 0.5F});
  plans.push_back({layout.min_target, false, true, layout.gap * 0.5F, layout.margin * 0.5F, false});
  return plans;
}

float subtitle_height(const DrawContext& context) {
  return context.fonts.get(FontRole::body)->FontSize * (context.layout.compact ? 1.3F : 2.6F);
}

float keyboard_height_for(const DrawContext& context, const app::KeyboardVm& keyboard, float available) {
  const auto& layout = context.layout;
  const float share = layout.portrait ? 0.38F : (layout.compact ? 0.55F : 0.45F);
  return std::min(available,
                  std::max(available * share, keyboard_min_height(layout, widget_layout(keyboard.kind))));
}

// The body height `plan` leaves under the header, subtitle, action row and keyboard.
float body_height(const DrawContext& context, const FramePlan& plan, bool has_subtitle,
                  const app::KeyboardVm* keyboard) {
  const auto& layout = context.layout;
  float rest = layout.content.h + plan.top_trim - plan.header_height - layout.gap * 0.5F;
  if (plan.subtitle && has_subtitle)
    rest -= subtitle_height(context) + layout.gap * 0.5F;
  if (keyboard != nullptr)
    rest -= keyboard_height_for(context, *keyboard, rest) + plan.keyboard_gap;
  if (!plan.actions_in_header)
    rest -= action_row_height(layout) + layout.gap;
  return rest;
}

FramePlan choose_plan(const DrawContext& context, const app::FlowHeaderVm& header,
                      const app::KeyboardVm* keyboard, float body_needed) {
  const auto plans = frame_plans(context.layout, keyboard != nullptr);
  for (const float needed : {body_needed, context.layout.min_target}) {
    for (const auto& plan : plans) {
      if (body_height(context, plan, !header.subtitle.empty(), keyboard) >= needed)
        return plan;
    }
  }
  return plans.back();
}

}  // namespace

float action_row_height(const Layout& layout) {
  return layout.compact ? std::max(layout.min_target, layout.button_height * 0.8F) : layout.button_height;
}

FlowArea draw_flow_frame(DrawContext& context, std::string_view screen_key, const app::FlowHeaderVm& header,
                         const app::KeyboardVm* keyboard, app::Intents& intents, float body_needed) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect content = layout.content;
  const app::KeyboardVm* shown_keyboard = keyboard != nullptr && keyboard->visible ? keyboard : nullptr;
  if (body_needed <= 0.0F)
    body_needed = text_field_height(context);
  const FramePlan plan = choose_plan(context, header, shown_keyboard, body_needed);
  content.y -= plan.top_trim;
  content.h += plan.top_trim;
  const float header_height = plan.header_height;

  FlowArea area;
  float header_right = content.right();
  if (plan.actions_in_header) {
    const float actions_width = content.w * 0.6F;
    area.actions = {content.right() - actions_width, content.y, actions_width, header_height};
    header_right = area.actions.x - layout.gap;
  }
  // Without the title (the last resort), Back may take the room the title had.
  const float back_share = !plan.title ? 1.0F : (plan.actions_in_header ? 0.35F : 0.28F);
  const float back_width =
      header.show_back ? std::min((header_right - content.x) * back_share, 360.0F * layout.scale) : 0.0F;
  if (header.show_back &&
      button(context, join_id(screen_key, "back"), header.back_label,
             {content.x, content.y, back_width, header_height}, ButtonKind::secondary, FontRole::button)) {
    intents.emit(Kind::back);
  }
  // The step ("2 of 4") gives way to the actions when they share the header.
  const bool show_step = !header.step.empty() && !plan.actions_in_header;
  const float step_width = show_step ? std::min(content.w * 0.22F, 300.0F * layout.scale) : 0.0F;
  const float title_x = content.x + back_width + (header.show_back ? layout.gap : 0.0F);
  const Rect title_rect{title_x, content.y, header_right - title_x - step_width, header_height};
  if (plan.title) {
    text_block(context, join_id(screen_key, "title"), header.title, title_rect,
               {.role = FontRole::title,
                .smallest = FontRole::small,
                .colour = palette.text,
                .align = Align::left,
                .centre_vertically = true});
  }
  if (show_step) {
    text_block(context, join_id(screen_key, "step"), header.step,
               {content.right() - step_width, content.y, step_width, header_height},
               {.role = FontRole::body,
                .smallest = FontRole::small,
                .colour = palette.text_muted,
                .align = Align::center,
                .centre_vertically = true});
  }
  Rect rest = content.below(header_height, layout.gap * 0.5F);
  if (plan.subtitle && !header.subtitle.empty()) {
    const float height = subtitle_height(context);
    text_block(context, join_id(screen_key, "subtitle"), header.subtitle, rest.take_top(height),
               {.role = FontRole::body, .smallest = FontRole::small, .colour = palette.text_muted});
    rest = rest.below(height, layout.gap * 0.5F);
  }
  if (shown_keyboard != nullptr) {
    const float keyboard_height = keyboard_height_for(context, *shown_keyboard, rest.h);
    area.keyboard = {rest.x, rest.bottom() - keyboard_height, rest.w, keyboard_height};
    rest.h = std::max(0.0F, rest.h - keyboard_height - plan.keyboard_gap);
  }
  if (!plan.actions_in_header) {
    const float action_height = action_row_height(layout);
    area.actions = {rest.x, rest.bottom() - action_height, rest.w, action_height};
    rest.h = std::max(0.0F, rest.h - action_height - layout.gap);
  }
  area.body = rest;
  return area;
}

void draw_action(DrawContext& context, std::string_view screen_key, const app::ActionVm& action, Rect rect,
                 app::Intents& intents) {
  if (!action.enabled) {
    fill_rect(rect, context.palette.secondary, 12.0F * context.layout.scale);
    text_block(context, join_id(screen_key, "action." + action.id + ".disabled"), action.label, rect,
               {.role = FontRole::button,
                .smallest = FontRole::small,
                .colour = context.palette.text_muted,
                .align = Align::center,
                .centre_vertically = true});
    return;
  }
  if (button(context, join_id(screen_key, "action." + action.id), action.label, rect,
             action.primary ? ButtonKind::primary : ButtonKind::secondary, FontRole::button)) {
    if (action.id == "finish") {
      intents.emit(Kind::finish);
    } else {
      intents.emit(Kind::action, action.id);
    }
  }
}

void draw_flow_keyboard(DrawContext& context, std::string_view screen_key, const app::KeyboardVm& keyboard,
                        Rect rect, app::Intents& intents) {
  if (!keyboard.visible || rect.h <= 0.0F)
    return;
  KeyboardState state;
  state.layout = widget_layout(keyboard.kind);
  state.shifted = keyboard.shifted;
  KeyboardLabels labels;
  labels.space = keyboard.space_label;
  labels.done = keyboard.done_label;
  labels.shift = keyboard.shift_label;
  labels.backspace = keyboard.backspace_label;
  labels.next_layout = keyboard.next_layout_label;
  const auto pressed = draw_keyboard(context, join_id(screen_key, "keyboard"), state, rect, labels);
  if (!pressed)
    return;
  switch (pressed->kind) {
    case KeyAction::Kind::insert:
      intents.emit(Kind::type_text, pressed->text);
      break;
    case KeyAction::Kind::space:
      intents.emit(Kind::type_text, " ");
      break;
    case KeyAction::Kind::backspace:
      intents.emit(Kind::backspace);
      break;
    case KeyAction::Kind::toggle_shift:
      intents.emit(Kind::keyboard_shift);
      break;
    case KeyAction::Kind::next_layout:
      intents.emit(Kind::keyboard_next_layout);
      break;
    case KeyAction::Kind::done:
      intents.emit(Kind::keyboard_done);
      break;
  }
}

float draw_flow_field(DrawContext& context, const app::TextFieldVm& field, Rect rect, app::Intents& intents) {
  TextFieldVm vm;
  vm.label = field.label;
  vm.value = field.value;
  vm.placeholder = field.placeholder;
  vm.error = field.error;
  vm.counter = field.counter;
  vm.focused = field.focused;
  vm.multiline = field.multiline;
  vm.masked = field.masked;
  if (draw_text_field(context, "field." + field.key, vm, rect)) {
    intents.emit(Kind::focus_field, field.key);
  }
  return rect.h;
}

void draw_flow_toggle(DrawContext& context, std::string_view screen_key, const app::ToggleVm& toggle,
                      Rect rect, app::Intents& intents) {
  if (draw_consent_box(context, join_id(screen_key, "toggle." + toggle.key), toggle.label, toggle.state,
                       toggle.on, rect)) {
    intents.emit(Kind::toggle, toggle.key);
  }
}

float draw_lines(DrawContext& context, std::string_view id, const std::vector<app::NoticeLineVm>& lines,
                 Rect rect, FontRole value_role, bool on_hero) {
  const auto& layout = context.layout;
  if (lines.empty())
    return 0.0F;
  const float line_height =
      std::min(rect.h / static_cast<float>(lines.size()),
               context.fonts.get(value_role)->FontSize * (layout.compact ? 1.6F : 2.2F));
  const float label_width = rect.w * (layout.portrait || layout.compact ? 0.48F : 0.38F);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const float y = rect.y + static_cast<float>(index) * line_height;
    const auto row = std::to_string(index);
    text_block(context, join_id(id, "label." + row), lines[index].label,
               {rect.x, y, label_width, line_height},
               {.role = FontRole::body,
                .smallest = FontRole::small,
                .colour = on_hero ? context.palette.hero_text : context.palette.text_muted,
                .centre_vertically = true});
    text_block(context, join_id(id, "value." + row), lines[index].value,
               {rect.x + label_width + layout.gap, y, rect.w - label_width - layout.gap, line_height},
               {.role = value_role,
                .smallest = FontRole::small,
                .colour = on_hero ? context.palette.hero_text : context.palette.text,
                .centre_vertically = true});
  }
  return line_height * static_cast<float>(lines.size());
}

void draw_choice_grid(DrawContext& context, std::string_view id, const std::vector<app::ChoiceVm>& choices,
                      Rect rect, app::Intents& intents, int columns) {
  const auto& layout = context.layout;
  const int count = static_cast<int>(choices.size());
  if (count == 0)
    return;
  if (columns <= 0)
    columns = layout.portrait ? 1 : (count > 6 ? 3 : 2);
  if (layout.compact)
    columns = count > 4 ? 3 : 2;
  const int rows = (count + columns - 1) / columns;
  const float cell_width =
      (rect.w - static_cast<float>(columns - 1) * layout.gap) / static_cast<float>(columns);
  const float cell_height =
      std::min(layout.button_height * 1.5F,
               (rect.h - static_cast<float>(rows - 1) * layout.gap) / static_cast<float>(std::max(rows, 1)));
  for (int index = 0; index < count; ++index) {
    const auto& choice = choices[static_cast<std::size_t>(index)];
    const Rect cell{rect.x + static_cast<float>(index % columns) * (cell_width + layout.gap),
                    rect.y + static_cast<float>(index / columns) * (cell_height + layout.gap), cell_width,
                    cell_height};
    const auto key = join_id(id, choice.key);
    if (!choice.enabled) {
      fill_rect(cell, context.palette.secondary, 12.0F * layout.scale);
      text_block(context, key + ".closed", choice.label + "\n" + choice.detail, cell.inset(layout.gap * 0.5F),
                 {.role = FontRole::button,
                  .smallest = FontRole::small,
                  .colour = context.palette.text_muted,
                  .align = Align::center,
                  .centre_vertically = true});
      continue;
    }
    if (button(context, key, choice.label, cell,
               choice.selected ? ButtonKind::primary : ButtonKind::secondary, FontRole::button,
               choice.detail)) {
      intents.emit(Kind::choose, choice.key);
    }
  }
}

void draw_privacy_link(DrawContext& context, std::string_view screen_key, const std::string& label, Rect rect,
                       app::Intents& intents) {
  if (button(context, join_id(screen_key, "privacy"), label, rect, ButtonKind::secondary, FontRole::body)) {
    intents.emit(Kind::open_privacy);
  }
}

void draw_privacy(const app::PrivacyVm& vm, app::Intents& intents, DrawContext& context) {
  if (!vm.visible)
    return;
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  ImGui::SetNextWindowPos({0.0F, 0.0F});
  ImGui::SetNextWindowSize({layout.width, layout.height});
  ImGui::Begin("###kiosk.privacy", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground);
  fill_rect(layout.screen, palette.overlay);
  const Rect panel = layout.screen.inset(layout.margin);
  Rect area = panel.inset(layout.gap);
  const float title_height = context.fonts.get(FontRole::title)->FontSize * 1.6F;
  text_block(context, "privacy.title", vm.title, area.take_top(title_height),
             {.role = FontRole::title, .smallest = FontRole::body, .colour = palette.overlay_text});
  area = area.below(title_height, layout.gap);
  const float close_height = layout.compact ? layout.min_target : layout.button_height;
  Rect text_area = area;
  text_area.h -= close_height + layout.gap;
  std::string body;
  for (const auto& paragraph : vm.paragraphs) {
    body += (body.empty() ? "" : "\n\n") + paragraph;
  }
  text_block(context, "privacy.body", body, text_area,
             {.role = FontRole::body, .smallest = FontRole::small, .colour = palette.overlay_text});
  const float close_width = std::min(area.w, 480.0F * layout.scale);
  if (button(context, "privacy.close", vm.close_label,
             {area.right() - close_width, area.bottom() - close_height, close_width, close_height},
             ButtonKind::primary, FontRole::button)) {
    intents.emit(Kind::close_privacy);
  }
  ImGui::End();
}

}  // namespace kiosk::ui
