#include "ui/widgets/text_field.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/touch.hpp"
#include "widgets/widget_parts.hpp"

namespace kiosk::ui {
namespace {

using widget_parts::join_id;
using widget_parts::packed;

float width_of(ImFont* font, float size, std::string_view text) {
  return font->CalcTextSizeA(size, FLT_MAX, 0.0F, text.data(), text.data() + text.size()).x;
}

// The end of a single line that fits: the customer is typing at the end, so the end must stay visible.
std::string tail_that_fits(ImFont* font, float size, std::string_view text, float max_width) {
  if (width_of(font, size, text) <= max_width)
    return std::string(text);
  const auto pieces = widget_parts::split_code_points(text);
  const float ellipsis = width_of(font, size, "...");
  std::size_t first = 0;
  while (first < pieces.size()) {
    const std::string_view rest(pieces[first].data(),
                                static_cast<std::size_t>(text.data() + text.size() - pieces[first].data()));
    if (width_of(font, size, rest) + ellipsis <= max_width)
      return "..." + std::string(rest);
    ++first;
  }
  return {};
}

struct FieldParts {
  Rect label;
  Rect box;
  Rect note;  // error and counter line; zero height when neither is shown
};

float label_line_height(const DrawContext& context) {
  return context.fonts.get(FontRole::body)->FontSize * 1.15F;
}

float note_line_height(const DrawContext& context) {
  return context.fonts.get(FontRole::small)->FontSize * 1.2F;
}

float field_spacing(const Layout& layout) {
  return layout.gap * 0.2F;
}

// Label (and note) in a column left of the box, which takes the whole height. When the column has room
// for one line only, an error comes first, then the label; a character counter gives way.
FieldParts split_field_beside(const DrawContext& context, const TextFieldVm& vm, Rect rect) {
  const auto& layout = context.layout;
  const float label_width = rect.w * 0.3F;
  const float box_x = rect.x + label_width + layout.gap * 0.5F;
  const Rect column{rect.x, rect.y, label_width, rect.h};
  FieldParts parts;
  parts.box = {box_x, rect.y, rect.right() - box_x, std::max(layout.min_target, rect.h)};
  const bool has_note = !vm.error.empty() || !vm.counter.empty();
  const bool room_for_both = rect.h >= label_line_height(context) + note_line_height(context);
  if (!has_note) {
    parts.label = column;
  } else if (room_for_both) {
    parts.label = column.take_top(label_line_height(context));
    parts.note = column.below(label_line_height(context), 0.0F);
  } else if (!vm.error.empty()) {
    parts.note = column;
  } else {
    parts.label = column;
  }
  return parts;
}

FieldParts split_field(const DrawContext& context, const TextFieldVm& vm, Rect rect) {
  const auto& layout = context.layout;
  const float label_height = vm.label.empty() ? 0.0F : label_line_height(context);
  const float note_height = vm.error.empty() && vm.counter.empty() ? 0.0F : note_line_height(context);
  const float spacing = field_spacing(layout);
  if (label_height > 0.0F && rect.h < label_height + spacing + layout.min_target)
    return split_field_beside(context, vm, rect);
  FieldParts parts;
  parts.label = rect.take_top(label_height);
  Rect rest = label_height > 0.0F ? rect.below(label_height, spacing) : rect;
  // The box keeps the touch minimum; the note shrinks away first when the rectangle is too small.
  const float note_space = note_height > 0.0F ? note_height + spacing : 0.0F;
  const float box_height = std::max(layout.min_target, rest.h - note_space);
  parts.box = rest.take_top(box_height);
  parts.note = note_height > 0.0F ? Rect{rest.x, parts.box.bottom() + spacing, rest.w, note_height} : Rect{};
  return parts;
}

void draw_value(DrawContext& context, const TextFieldVm& vm, Rect inner) {
  const auto& palette = context.palette;
  auto* draw_list = ImGui::GetWindowDrawList();
  ImFont* font = context.fonts.get(FontRole::body);
  const float size = font->FontSize;
  const bool empty = vm.value.empty();
  const std::string_view shown = empty ? std::string_view(vm.placeholder) : std::string_view(vm.value);
  const Rgb colour = empty ? palette.text_muted : palette.text;
  std::vector<std::string> lines;
  const auto visible_lines = std::max<std::size_t>(1, static_cast<std::size_t>(inner.h / size));
  if (vm.multiline && !vm.masked) {
    const auto wrapped = wrap_text(font, size, shown, inner.w);
    const std::size_t first = wrapped.lines.size() > visible_lines ? wrapped.lines.size() - visible_lines : 0;
    for (std::size_t i = first; i < wrapped.lines.size(); ++i) {
      lines.push_back(tail_that_fits(font, size, wrapped.lines[i], inner.w));
    }
  } else {
    lines.push_back(tail_that_fits(font, size, shown, inner.w - size * 0.2F));
  }
  if (lines.empty())
    lines.emplace_back();
  const float block = static_cast<float>(lines.size()) * size;
  // A one-line value sits in the middle of the box; several lines start at the top.
  float y = vm.multiline ? inner.y : inner.y + std::max(0.0F, (inner.h - block) / 2.0F);
  for (const auto& line : lines) {
    draw_list->AddText(font, size, {inner.x, y}, packed(colour), line.c_str());
    y += size;
  }
  if (vm.focused) {
    const float caret_x = empty ? inner.x : inner.x + width_of(font, size, lines.back());
    const float caret_top = y - size;
    draw_list->AddLine({caret_x + 2.0F, caret_top + size * 0.1F}, {caret_x + 2.0F, caret_top + size * 0.95F},
                       packed(palette.text), std::max(2.0F, size * 0.08F));
  }
}

}  // namespace

float text_field_stacked_height(const DrawContext& context, float box_height) {
  const float spacing = field_spacing(context.layout);
  return label_line_height(context) + spacing + box_height + spacing + note_line_height(context);
}

bool draw_text_field(DrawContext& context, std::string_view id, const TextFieldVm& vm, Rect rect) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const auto parts = split_field(context, vm, rect);
  const std::string box_id(id);
  if (!vm.label.empty() && parts.label.h > 0.0F) {
    text_block(context, join_id(id, "label"), vm.label, parts.label,
               {.role = FontRole::body,
                .smallest = FontRole::small,
                .colour = palette.text,
                .centre_vertically = true});
  }

  ImGui::SetCursorScreenPos({parts.box.x, parts.box.y});
  const bool tapped =
      ImGui::InvisibleButton(box_id.c_str(), {std::max(parts.box.w, 1.0F), std::max(parts.box.h, 1.0F)});
  const float rounding = touch::k_rounding * 0.6F * layout.scale;
  fill_rect(parts.box, palette.background, rounding);
  // Focus and error both thicken the outline; the error is also said in words under the box.
  const float thin = std::max(2.0F, 2.0F * layout.scale);
  const float thick = std::max(4.0F, 6.0F * layout.scale);
  const Rgb outline = vm.focused || !vm.error.empty() ? palette.primary : palette.outline;
  ImGui::GetWindowDrawList()->AddRect({parts.box.x, parts.box.y}, {parts.box.right(), parts.box.bottom()},
                                      packed(outline), rounding, 0,
                                      vm.focused || !vm.error.empty() ? thick : thin);
  const float padding = std::max(thick + 2.0F, layout.gap * 0.5F);
  const Rect inner{parts.box.x + padding, parts.box.y + padding * 0.6F, parts.box.w - 2 * padding,
                   parts.box.h - padding * 1.2F};
  ImGui::PushClipRect({parts.box.x, parts.box.y}, {parts.box.right(), parts.box.bottom()}, true);
  draw_value(context, vm, inner);
  ImGui::PopClipRect();
  const std::string shown = vm.value.empty() ? vm.placeholder : vm.value;
  context.widgets.record({box_id, parts.box, shown, true, false});

  if (parts.note.h > 0.0F) {
    const float counter_width =
        vm.counter.empty() ? 0.0F
                           : std::min(parts.note.w * (vm.error.empty() ? 1.0F : 0.4F),
                                      width_of(context.fonts.get(FontRole::small),
                                               context.fonts.get(FontRole::small)->FontSize, vm.counter) +
                                          4.0F);
    if (!vm.error.empty()) {
      text_block(context, join_id(id, "error"), vm.error,
                 {parts.note.x, parts.note.y, parts.note.w - counter_width - layout.gap * 0.5F, parts.note.h},
                 {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.text});
    }
    if (!vm.counter.empty()) {
      text_block(context, join_id(id, "counter"), vm.counter,
                 {parts.note.right() - counter_width, parts.note.y, counter_width, parts.note.h},
                 {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.text_muted});
    }
  }
  return tapped;
}

}  // namespace kiosk::ui
