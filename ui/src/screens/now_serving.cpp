// The hall display: the newest call's number huge with its counter beside it, the calls before it in a
// list, the branch clock, and the link state in words. Nobody touches it, so there are no targets; it is
// read from across a hall, so the number is as large as the screen allows and every cue is also a word
// ("New call", "Called again", "Reconnecting") and a shape (the frame), never colour alone.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

ImU32 packed(Rgb colour) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.r, colour.g, colour.b, 1.0F));
}

std::string joined(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (const auto part : parts) {
    if (!part.empty()) {
      text += (text.empty() ? "" : "  ·  ") + std::string(part);
    }
  }
  return text;
}

// A ticket number as large as `rect` allows: the font's glyphs scaled to the box (ticket numbers are a
// few Latin letters and digits, so one line always fits once scaled down).
void big_number(DrawContext& context, std::string_view id, const std::string& number, Rect rect, Rgb colour) {
  ImFont* font =
      context.fonts.numerals != nullptr ? context.fonts.numerals : context.fonts.get(FontRole::hero);
  const char* begin = number.data();
  const char* end = begin + number.size();
  float size = rect.h;
  const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0F, begin, end).x;
  if (width > rect.w) {
    size *= rect.w / width;
  }
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0F, begin, end);
  const ImVec2 at{rect.x + (rect.w - extent.x) / 2.0F, rect.y + (rect.h - extent.y) / 2.0F};
  ImGui::GetWindowDrawList()->AddText(font, size, at, packed(colour), begin, end);
  context.widgets.record({std::string(id), rect, number, false, false});
}

struct Areas {
  Rect header;
  Rect current;
  Rect previous;
  Rect status;
};

Areas areas_for(const Layout& layout) {
  const Rect content = layout.content;
  const float gap = layout.gap;
  const float header_h = content.h * (layout.portrait ? 0.08F : 0.12F);
  const float status_h = content.h * (layout.portrait ? 0.04F : 0.07F);
  const Rect main{content.x, content.y + header_h + gap, content.w,
                  content.h - header_h - status_h - 2 * gap};
  Areas areas;
  areas.header = {content.x, content.y, content.w, header_h};
  areas.status = {content.x, content.bottom() - status_h, content.w, status_h};
  if (layout.portrait) {
    const float current_h = main.h * 0.5F;
    areas.current = {main.x, main.y, main.w, current_h};
    areas.previous = {main.x, main.y + current_h + gap, main.w, main.h - current_h - gap};
  } else {
    const float current_w = main.w * 0.58F;
    areas.current = {main.x, main.y, current_w, main.h};
    areas.previous = {main.x + current_w + gap, main.y, main.w - current_w - gap, main.h};
  }
  return areas;
}

void draw_header(const app::NowServingView& vm, Rect header, DrawContext& context) {
  const auto& palette = context.palette;
  const float side = header.w * 0.22F;
  text_block(context, "now_serving.bank", vm.bank_name, {header.x, header.y, side, header.h},
             {.role = FontRole::button,
              .smallest = FontRole::small,
              .colour = palette.hero_text,
              .centre_vertically = true});
  // Portrait headers are narrow: the second language goes under the first rather than beside it.
  const auto title = context.layout.portrait && !vm.title_secondary.empty()
                         ? vm.title + "\n" + vm.title_secondary
                         : joined({vm.title, vm.title_secondary});
  text_block(context, "now_serving.title", title, {header.x + side, header.y, header.w - 2 * side, header.h},
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
  text_block(context, "now_serving.clock", vm.clock, {header.right() - side, header.y, side, header.h},
             {.role = FontRole::title,
              .smallest = FontRole::body,
              .colour = palette.hero_text,
              .align = Align::center,
              .centre_vertically = true});
}

void draw_current(const app::NowServingView& vm, Rect panel, DrawContext& context) {
  const auto& palette = context.palette;
  const float scale = context.layout.scale;
  fill_rect(panel, palette.background, 12.0F * scale);
  if (vm.highlight) {
    // A thick dark frame and the words "New call" on a dark band: shape and text say it, not colour alone.
    const float thickness = std::max(6.0F, 12.0F * scale);
    ImGui::GetWindowDrawList()->AddRect({panel.x + thickness / 2, panel.y + thickness / 2},
                                        {panel.right() - thickness / 2, panel.bottom() - thickness / 2},
                                        packed(palette.text), 12.0F * scale, 0, thickness);
  }
  const Rect inner = panel.inset(std::max(12.0F, 28.0F * scale));
  const float unit = inner.h / 10.0F;
  if (!vm.current) {
    text_block(context, "now_serving.empty", vm.empty_text, inner,
               {.role = FontRole::hero,
                .smallest = FontRole::button,
                .colour = palette.text,
                .align = Align::center,
                .centre_vertically = true});
    return;
  }
  const auto& call = *vm.current;
  if (vm.highlight) {
    const Rect band{inner.x + inner.w * 0.2F, inner.y, inner.w * 0.6F, 1.2F * unit};
    fill_rect(band, palette.text, band.h / 2.0F);
    text_block(context, "now_serving.highlight", vm.highlight_label, band.inset(std::max(1.0F, 2.0F * scale)),
               {.role = FontRole::title,
                .smallest = FontRole::small,
                .colour = palette.background,
                .align = Align::center,
                .centre_vertically = true});
  }
  big_number(context, "now_serving.number", call.number,
             {inner.x, inner.y + 1.3F * unit, inner.w, 4.9F * unit}, palette.text);
  text_block(context, "now_serving.counter", call.counter,
             {inner.x, inner.y + 6.3F * unit, inner.w, 1.9F * unit},
             {.role = FontRole::hero,
              .smallest = FontRole::button,
              .colour = palette.text,
              .align = Align::center,
              .centre_vertically = true});
  const auto detail = joined({call.counter_secondary, call.service, call.note});
  if (!detail.empty()) {
    text_block(context, "now_serving.detail", detail, {inner.x, inner.y + 8.3F * unit, inner.w, 1.7F * unit},
               {.role = FontRole::button,
                .smallest = FontRole::small,
                .colour = palette.text_muted,
                .align = Align::center,
                .centre_vertically = true});
  }
}

void draw_previous(const app::NowServingView& vm, Rect area, DrawContext& context) {
  if (vm.previous.empty()) {
    return;
  }
  const auto& palette = context.palette;
  const float scale = context.layout.scale;
  // A small panel keeps fewer, taller rows, so a recall's note still fits under its counter.
  const int rows = context.layout.compact ? 4 : 6;
  const float header_h = area.h * (context.layout.portrait ? 0.12F : 0.13F);
  text_block(context, "now_serving.previous_title", joined({vm.previous_title, vm.previous_title_secondary}),
             {area.x, area.y, area.w, header_h},
             {.role = FontRole::title,
              .smallest = FontRole::small,
              .colour = palette.hero_text,
              .centre_vertically = true});
  const float row_gap = std::max(4.0F, 10.0F * scale);
  const float row_h = (area.h - header_h - static_cast<float>(rows) * row_gap) / static_cast<float>(rows);
  for (std::size_t i = 0; i < vm.previous.size() && i < static_cast<std::size_t>(rows); ++i) {
    const auto& call = vm.previous[i];
    const Rect row{area.x, area.y + header_h + row_gap + static_cast<float>(i) * (row_h + row_gap), area.w,
                   row_h};
    fill_rect(row, palette.background, 8.0F * scale);
    const Rect inner = row.inset(std::max(4.0F, 10.0F * scale));
    const float number_w = inner.w * 0.42F;
    const std::string id = "now_serving.previous." + std::to_string(i);
    big_number(context, id + ".number", call.number, {inner.x, inner.y, number_w, inner.h}, palette.text);
    text_block(context, id + ".counter", call.note.empty() ? call.counter : call.counter + "\n" + call.note,
               {inner.x + number_w + row_gap, inner.y, inner.w - number_w - row_gap, inner.h},
               {.role = FontRole::title,
                .smallest = FontRole::small,
                .colour = palette.text,
                .centre_vertically = true});
  }
}

void draw_status(const app::NowServingView& vm, Rect status, DrawContext& context) {
  const auto& palette = context.palette;
  if (!vm.connected) {
    // A marked strip, and the state in words.
    fill_rect(status, palette.background, 8.0F * context.layout.scale);
  }
  text_block(context, "now_serving.connection", vm.connection,
             status.inset(std::max(2.0F, 6.0F * context.layout.scale)),
             {.role = FontRole::body,
              .smallest = FontRole::small,
              .colour = vm.connected ? palette.hero_text : palette.text,
              .align = Align::center,
              .centre_vertically = true});
}

}  // namespace

void draw_now_serving(const app::NowServingView& vm, app::Intents& intents, DrawContext& context) {
  (void)intents;  // a hall display: nothing to touch
  fill_rect(context.layout.screen, context.palette.hero);
  auto areas = areas_for(context.layout);
  if (!vm.current) {
    // Nothing called yet (or no link): the reason takes the whole middle of the screen.
    areas.current = {areas.current.x, areas.current.y, areas.previous.right() - areas.current.x,
                     areas.previous.bottom() - areas.current.y};
  }
  draw_header(vm, areas.header, context);
  draw_current(vm, areas.current, context);
  draw_previous(vm, areas.previous, context);
  draw_status(vm, areas.status, context);
}

}  // namespace kiosk::ui
