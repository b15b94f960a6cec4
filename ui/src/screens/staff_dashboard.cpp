// The branch manager's dashboard: one tab of figures at a time (so it reads on an 800x480 panel as well
// as a 1080p screen), figures as labelled cards, bars drawn with ImGui's draw list. An alert bar is drawn
// in the alert colour AND says so in words beside it: colour is never the only cue.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

using Kind = app::Intent::Kind;

// Bars: the palette's primary for plain values; a dark red for alerts (4.5:1 on white), with a hatch
// so the difference does not rest on colour alone.
constexpr Rgb k_alert{0.70F, 0.11F, 0.11F};

ImU32 u32(Rgb colour) {
  return ImGui::GetColorU32(ImVec4(colour.r, colour.g, colour.b, 1.0F));
}

float draw_header(const app::StaffDashboardVm& vm, app::Intents& intents, DrawContext& context, Rect area) {
  const auto& layout = context.layout;
  const float row = layout.min_target * (layout.compact ? 1.0F : 1.2F);
  const float actions_width = area.w * (layout.portrait || layout.compact ? 0.64F : 0.55F);
  const Rect title{area.x, area.y, area.w - actions_width - layout.gap, row};
  text_block(context, "staff.dashboard.title", vm.title, title,
             {.role = FontRole::title,
              .smallest = FontRole::small,
              .colour = context.palette.text,
              .centre_vertically = true});
  const float button_width = (actions_width - 2 * layout.gap * 0.5F) / 3.0F;
  const std::pair<const char*, const std::string*> actions[] = {{"staff.refresh", &vm.refresh_label},
                                                                {"staff.export", &vm.export_label},
                                                                {"staff.sign_out", &vm.sign_out_label}};
  float x = area.right() - actions_width;
  for (const auto& [id, label] : actions) {
    if (button(context, std::string("staff.dashboard.") + (id + 6), *label,
               Rect{x, area.y, button_width, row},
               std::string_view(id) == "staff.sign_out" ? ButtonKind::primary : ButtonKind::secondary,
               FontRole::small)) {
      intents.emit(Kind::action, id);
    }
    x += button_width + layout.gap * 0.5F;
  }
  return row;
}

// One row of tabs, each as wide as its label needs plus an equal share of the rest, so six tabs fit an
// 800x480 panel; two rows of equal tabs when even that is too narrow. A label is never cut, and each tab
// keeps a full touch target.
float draw_tabs(const app::StaffDashboardVm& vm, app::Intents& intents, DrawContext& context, Rect area) {
  const auto& layout = context.layout;
  const float row = layout.min_target;
  const float gap = layout.gap * 0.4F;
  const std::size_t count = vm.tabs.size();
  if (count == 0) {
    return 0.0F;
  }
  ImFont* font = context.fonts.get(FontRole::small);
  // The button pads its label by layout.gap on each side; a little more keeps the fit off the edge.
  const float padding = 2.5F * layout.gap;
  std::vector<float> widths;
  float natural = 0.0F;
  for (const auto& tab : vm.tabs) {
    const auto& label = tab.label;
    widths.push_back(
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0F, label.data(), label.data() + label.size()).x +
        padding);
    natural += widths.back();
  }
  const float room = area.w - gap * static_cast<float>(count - 1);
  std::size_t per_row = count;
  if (natural <= room) {
    const float share = (room - natural) / static_cast<float>(count);
    for (auto& width : widths) {
      width += share;
    }
  } else {
    per_row = (count + 1) / 2;
    const float width = (area.w - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    std::fill(widths.begin(), widths.end(), width);
  }
  float x = area.x;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& tab = vm.tabs[i];
    if (i % per_row == 0) {
      x = area.x;
    }
    const Rect rect{x, area.y + static_cast<float>(i / per_row) * (row + gap), widths[i], row};
    x += widths[i] + gap;
    if (button(context, "staff.tab." + tab.id, tab.label, rect,
               tab.selected ? ButtonKind::primary : ButtonKind::secondary, FontRole::small)) {
      intents.emit(Kind::choose, tab.id);
    }
    if (tab.selected) {  // the selected tab is also underlined: a shape cue besides its colour
      fill_rect(Rect{rect.x + rect.w * 0.1F, rect.bottom() - 5.0F * layout.scale, rect.w * 0.8F,
                     3.0F * layout.scale},
                context.palette.primary_text);
    }
  }
  const std::size_t rows = (count + per_row - 1) / per_row;
  return static_cast<float>(rows) * row + static_cast<float>(rows - 1) * gap;
}

// A line through the points that have data (it breaks at a day without), each point a dot: the shape, not
// the colour, says "line". Points are spread evenly across `area`, values 0..1 from its bottom to its top.
void draw_point_line(const std::vector<std::optional<float>>& points, Rect area, float dot, ImU32 colour) {
  if (points.empty() || area.w <= 0.0F || area.h <= 0.0F) {
    return;
  }
  auto* draw_list = ImGui::GetWindowDrawList();
  const float step = area.w / static_cast<float>(points.size());
  std::optional<ImVec2> previous;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!points[i]) {
      previous.reset();
      continue;
    }
    const ImVec2 at{area.x + step * (static_cast<float>(i) + 0.5F),
                    area.bottom() - area.h * std::clamp(*points[i], 0.0F, 1.0F)};
    if (previous) {
      draw_list->AddLine(*previous, at, colour, std::max(1.5F, dot * 0.5F));
    }
    draw_list->AddCircleFilled(at, dot, colour);
    previous = at;
  }
}

void draw_sparkline(const std::vector<std::optional<float>>& points, Rect area, DrawContext& context) {
  auto* draw_list = ImGui::GetWindowDrawList();
  draw_list->AddLine({area.x, area.bottom()}, {area.right(), area.bottom()}, u32(context.palette.outline),
                     1.0F);
  draw_point_line(points, area, 1.5F * context.layout.scale, u32(context.palette.secondary_text));
}

float draw_figures(const app::StaffDashboardVm& vm, DrawContext& context, Rect area) {
  if (vm.figures.empty()) {
    return 0.0F;
  }
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const float label_height = context.fonts.get(FontRole::small)->FontSize * 2.4F;  // two lines
  const float value_height = context.fonts.get(FontRole::title)->FontSize * 1.3F;
  const float card_height = label_height + value_height + layout.gap * 0.5F;
  const int count = static_cast<int>(vm.figures.size());
  const float gap = layout.gap * 0.5F;
  const float width = (area.w - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
  for (int i = 0; i < count; ++i) {
    const auto& figure = vm.figures[static_cast<std::size_t>(i)];
    const Rect card{area.x + static_cast<float>(i) * (width + gap), area.y, width, card_height};
    fill_rect(card, palette.secondary, 10.0F * layout.scale);
    const Rect inner = card.inset(layout.gap * 0.25F);
    text_block(context, "staff.figure." + figure.id + ".label", figure.label, inner.take_top(label_height),
               {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.secondary_text});
    const Rect value_area{inner.x, inner.y + label_height, inner.w, inner.h - label_height};
    const float value_width = figure.spark.empty() ? value_area.w : value_area.w * 0.5F;
    text_block(context, "staff.figure." + figure.id, figure.value,
               Rect{value_area.x, value_area.y, value_width, value_area.h},
               {.role = FontRole::title, .smallest = FontRole::small, .colour = palette.secondary_text});
    if (!figure.spark.empty()) {
      draw_sparkline(
          figure.spark,
          Rect{value_area.x + value_width, value_area.y, value_area.w - value_width, value_area.h}.inset(
              layout.gap * 0.15F),
          context);
    }
  }
  return card_height;
}

// The list's title line; returns the area below it.
Rect draw_list_title(const app::StaffDashboardVm& vm, DrawContext& context, Rect area) {
  if (vm.bars_title.empty()) {
    return area;
  }
  const float line = context.fonts.get(FontRole::small)->FontSize * 1.3F;
  text_block(context, "staff.bars.title", vm.bars_title, area.take_top(line),
             {.role = FontRole::small, .colour = context.palette.text_muted});
  return area.below(line, context.layout.gap * 0.3F);
}

void draw_empty_list(const app::StaffDashboardVm& vm, DrawContext& context, Rect area) {
  const float line = context.fonts.get(FontRole::small)->FontSize * 1.3F;
  text_block(context, "staff.bars.empty", vm.empty_text, area.take_top(std::min(area.h, line * 2.0F)),
             {.role = FontRole::body, .smallest = FontRole::small, .colour = context.palette.text});
}

void draw_hatch(ImDrawList* draw_list, const Rect& box, float scale, ImU32 colour) {
  const float spacing = 10.0F * scale;
  const int strokes = static_cast<int>(std::ceil(box.w / spacing));
  for (int stroke = 0; stroke < strokes; ++stroke) {
    const float hx = box.x + static_cast<float>(stroke) * spacing;
    draw_list->AddLine({hx, box.bottom()}, {std::min(hx + box.h, box.right()), box.y}, colour, 1.5F);
  }
}

// A status line (StaffBarVm::track false): the value in the bar's room. An alert line starts with a
// hatched alert-coloured square; its value already says the alert in words, as an alert bar does.
void draw_status_line(const app::StaffBarVm& line, DrawContext& context, Rect area) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  float text_x = area.x;
  if (line.alert) {
    const float side = std::min(area.h * 0.6F, context.fonts.get(FontRole::small)->FontSize * 0.9F);
    const Rect marker{area.x, area.y + (area.h - side) * 0.5F, side, side};
    auto* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled({marker.x, marker.y}, {marker.right(), marker.bottom()}, u32(k_alert));
    draw_hatch(draw_list, marker, layout.scale, u32(palette.background));
    text_x += side + layout.gap * 0.3F;
  }
  text_block(context, "staff.bar." + line.id + ".value", line.value,
             Rect{text_x, area.y, area.right() - text_x, area.h},
             {.role = FontRole::small,
              .smallest = FontRole::small,
              .colour = palette.text,
              .centre_vertically = true});
}

void draw_bars(const app::StaffDashboardVm& vm, DrawContext& context, Rect area) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const float line = context.fonts.get(FontRole::small)->FontSize * 1.3F;
  area = draw_list_title(vm, context, area);
  if (vm.bars.empty()) {
    draw_empty_list(vm, context, area);
    return;
  }
  // Status lines may take two lines of text where there is room (a portrait screen), so a long reason
  // (a disconnect, a printer fault) wraps instead of being cut.
  const bool status_only =
      std::none_of(vm.bars.begin(), vm.bars.end(), [](const app::StaffBarVm& bar) { return bar.track; });
  // Rows share the room down to one line of text each; what does not fit then is left out from the end
  // (the view-model lists the most important first; the CSV export has everything).
  const float row =
      std::max(context.fonts.get(FontRole::small)->FontSize * 1.1F,
               std::min(line * (status_only ? 2.2F : 1.2F), area.h / static_cast<float>(vm.bars.size())));
  const auto rows_fit = static_cast<std::size_t>(std::max(0.0F, std::floor(area.h / row)));
  const float label_width = area.w * 0.34F;
  const float value_width = area.w * 0.22F;
  const float bar_width = area.w - label_width - value_width - layout.gap;
  auto* draw_list = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < vm.bars.size() && i < rows_fit; ++i) {
    const auto& bar = vm.bars[i];
    const float y = area.y + static_cast<float>(i) * row;
    text_block(context, "staff.bar." + bar.id + ".label", bar.label, Rect{area.x, y, label_width, row},
               {.role = FontRole::small,
                .smallest = FontRole::small,
                .colour = palette.text,
                .centre_vertically = true});
    if (!bar.track) {
      draw_status_line(bar, context, Rect{area.x + label_width, y, area.w - label_width, row});
      continue;
    }
    const Rect track{area.x + label_width, y + row * 0.2F, bar_width, row * 0.6F};
    draw_list->AddRect({track.x, track.y}, {track.right(), track.bottom()}, u32(palette.outline));
    const float filled = std::max(2.0F, track.w * std::clamp(bar.fraction, 0.0F, 1.0F));
    const Rgb colour = bar.alert ? k_alert : palette.primary;
    draw_list->AddRectFilled({track.x, track.y}, {track.x + filled, track.bottom()}, u32(colour));
    if (bar.alert) {  // diagonal hatch: alert bars differ in shape too
      draw_hatch(draw_list, Rect{track.x, track.y, filled, track.h}, layout.scale, u32(palette.background));
    }
    const std::string value = bar.alert ? bar.value + " - " + bar.alert_text : bar.value;
    text_block(context, "staff.bar." + bar.id + ".value", value,
               Rect{track.right() + layout.gap, y, value_width, row},
               {.role = FontRole::small,
                .smallest = FontRole::small,
                .colour = palette.text,
                .centre_vertically = true});
  }
}

// The hatched alert strip at a row's left edge: a shape cue besides the colour and the words.
void alert_strip(Rect strip, float scale) {
  auto* draw_list = ImGui::GetWindowDrawList();
  draw_list->AddRectFilled({strip.x, strip.y}, {strip.right(), strip.bottom()}, u32(k_alert));
  const float spacing = 8.0F * scale;
  const int strokes = static_cast<int>(std::ceil(strip.h / spacing));
  for (int stroke = 0; stroke < strokes; ++stroke) {
    const float y = strip.y + static_cast<float>(stroke) * spacing;
    draw_list->AddLine({strip.x, std::min(strip.bottom(), y + strip.w)}, {strip.right(), y},
                       ImGui::GetColorU32(ImVec4(1.0F, 1.0F, 1.0F, 1.0F)), 1.5F);
  }
}

void draw_complaint_row(const app::StaffComplaintRowVm& row, const std::string& reprint_label,
                        app::Intents& intents, DrawContext& context, Rect rect) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  auto* draw_list = ImGui::GetWindowDrawList();
  draw_list->AddRect({rect.x, rect.y}, {rect.right(), rect.bottom()}, u32(palette.outline),
                     6.0F * layout.scale);
  const float strip = 8.0F * layout.scale;
  if (row.alert) {
    alert_strip(Rect{rect.x, rect.y, strip, rect.h}, layout.scale);
  }
  const float button_width = std::max(rect.w * 0.2F, layout.min_target * 2.2F);
  const Rect text{rect.x + strip + layout.gap * 0.4F, rect.y, rect.w - button_width - strip - layout.gap,
                  rect.h};
  const std::string first = row.reference + "  " + row.about + "  -  " + row.status;
  const std::string second = row.alert ? row.alert_text + "  -  " + row.deadlines : row.deadlines;
  text_block(context, "staff.complaint." + row.id, first, text.take_top(text.h * 0.5F),
             {.role = FontRole::small,
              .smallest = FontRole::small,
              .colour = palette.text,
              .centre_vertically = true});
  text_block(context, "staff.complaint." + row.id + ".deadlines", second,
             Rect{text.x, text.y + text.h * 0.5F, text.w, text.h * 0.5F},
             {.role = FontRole::small,
              .smallest = FontRole::small,
              .colour = row.alert ? k_alert : palette.text_muted,
              .centre_vertically = true});
  const Rect target{rect.right() - button_width, rect.y, button_width, rect.h};
  if (button(context, "staff.reprint." + row.id, reprint_label, target, ButtonKind::secondary,
             FontRole::small)) {
    intents.emit(app::Intent::Kind::action, "staff.reprint:" + row.id);
  }
}

// As many rows as fit, then Previous / "5-8 / 12" / Next when the list is longer.
void draw_complaints(const app::StaffDashboardVm& vm, app::Intents& intents, DrawContext& context,
                     Rect area) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const float line = context.fonts.get(FontRole::small)->FontSize * 1.3F;
  if (!vm.complaint_notice.empty()) {
    text_block(context, "staff.complaints.notice", vm.complaint_notice, area.take_top(line * 2.0F),
               {.role = FontRole::small,
                .smallest = FontRole::small,
                .colour = vm.complaint_notice_is_problem ? k_alert : palette.text});
    area = area.below(line * 2.0F, layout.gap * 0.3F);
  }
  area = draw_list_title(vm, context, area);
  if (vm.complaints.empty()) {
    draw_empty_list(vm, context, area);
    return;
  }
  const float row_height = std::max(layout.min_target, line * 2.2F);
  const float gap = layout.gap * 0.25F;
  const auto rows_in = [&](float height) {
    return static_cast<std::size_t>(std::max(0.0F, std::floor((height + gap) / (row_height + gap))));
  };
  std::size_t fit = rows_in(area.h);
  const bool paged = vm.complaints_total > fit || vm.complaints_from > 0;
  if (paged) {
    fit = rows_in(area.h - layout.min_target - gap);
  }
  fit = std::max<std::size_t>(fit, 1);  // one row always, even if it overlaps the pager on a tiny panel
  const std::size_t shown = std::min(fit, vm.complaints.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const Rect rect{area.x, area.y + static_cast<float>(i) * (row_height + gap), area.w, row_height};
    draw_complaint_row(vm.complaints[i], vm.reprint_label, intents, context, rect);
  }
  if (!paged) {
    return;
  }
  const Rect pager{area.x, area.bottom() - layout.min_target, area.w, layout.min_target};
  const float button_width = std::max(pager.w * 0.25F, layout.min_target * 2.5F);
  if (vm.complaints_from > 0 &&
      button(context, "staff.complaints.previous", vm.previous_label,
             Rect{pager.x, pager.y, button_width, pager.h}, ButtonKind::secondary, FontRole::small)) {
    const std::size_t back = vm.complaints_from > fit ? vm.complaints_from - fit : 0;
    intents.emit(app::Intent::Kind::action, "staff.complaints_from:" + std::to_string(back));
  }
  const std::size_t last = vm.complaints_from + shown;
  text_block(
      context, "staff.complaints.page",
      std::to_string(vm.complaints_from + 1) + "-" + std::to_string(last) + " / " +
          std::to_string(vm.complaints_total),
      Rect{pager.x + button_width, pager.y, pager.w - 2 * button_width, pager.h},
      {.role = FontRole::small, .colour = palette.text, .align = Align::center, .centre_vertically = true});
  if (last < vm.complaints_total && button(context, "staff.complaints.next", vm.next_label,
                                           Rect{pager.right() - button_width, pager.y, button_width, pager.h},
                                           ButtonKind::secondary, FontRole::small)) {
    intents.emit(app::Intent::Kind::action, "staff.complaints_from:" + std::to_string(last));
  }
}

void draw_trend(const app::StaffDashboardVm& vm, DrawContext& context, Rect area) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const float line = context.fonts.get(FontRole::small)->FontSize * 1.3F;
  const Rect chart{area.x, area.y, area.w, std::max(0.0F, area.h - line * 2.2F)};
  text_block(context, "staff.trend.caption", vm.trend_caption,
             Rect{area.x, chart.bottom() + layout.gap * 0.3F, area.w, line * 2.0F},
             {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.text_muted});
  if (vm.trend.empty() || chart.h <= 0.0F) {
    return;
  }
  auto* draw_list = ImGui::GetWindowDrawList();
  draw_list->AddLine({chart.x, chart.bottom()}, {chart.right(), chart.bottom()}, u32(palette.outline), 2.0F);
  const float slot = chart.w / static_cast<float>(vm.trend.size());
  for (std::size_t i = 0; i < vm.trend.size(); ++i) {
    const auto& day = vm.trend[i];
    const float x = chart.x + static_cast<float>(i) * slot + slot * 0.15F;
    const float w = slot * 0.7F;
    if (!day.has_data) {  // a gap, never a zero: a short dash on the axis
      draw_list->AddLine({x, chart.bottom() - 4.0F * layout.scale},
                         {x + w, chart.bottom() - 4.0F * layout.scale}, u32(palette.text_muted), 2.0F);
      continue;
    }
    const float h = std::max(2.0F, (chart.h - 4.0F) * std::clamp(day.fraction, 0.0F, 1.0F));
    draw_list->AddRectFilled({x, chart.bottom() - h}, {x + w, chart.bottom()}, u32(palette.primary));
    if (day.today) {
      draw_list->AddRect({x - 2.0F, chart.bottom() - h - 2.0F}, {x + w + 2.0F, chart.bottom()},
                         u32(palette.text), 0.0F, 0, 2.0F);
    }
  }
  std::vector<std::optional<float>> waits;
  for (const auto& day : vm.trend) {
    waits.push_back(day.line);
  }
  // Over the columns, in the text colour: dots joined by a line, on the chart's own height.
  draw_point_line(waits, Rect{chart.x, chart.y + 4.0F * layout.scale, chart.w, chart.h - 8.0F * layout.scale},
                  3.5F * layout.scale, u32(palette.text));
}

}  // namespace

void draw_staff_dashboard(const app::StaffDashboardVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  Rect area = layout.content;
  const float header = draw_header(vm, intents, context, area);
  area = area.below(header, layout.gap * 0.5F);
  const float line = context.fonts.get(FontRole::small)->FontSize * 1.3F;
  const std::string status = vm.export_message.empty() ? vm.subtitle : vm.export_message;
  text_block(context, "staff.dashboard.status", status, area.take_top(line),
             {.role = FontRole::small, .smallest = FontRole::small, .colour = palette.text_muted});
  area = area.below(line, layout.gap * 0.3F);
  const float tabs = draw_tabs(vm, intents, context, area);
  area = area.below(tabs, layout.gap * 0.5F);
  if (vm.figures.empty() && vm.trend.empty() && vm.bars.empty()) {
    text_block(context, "staff.bars.empty", vm.empty_text, area.take_top(line * 2.0F),
               {.role = FontRole::body, .colour = palette.text});
    return;
  }
  const float figures = draw_figures(vm, context, area);
  area = area.below(figures, layout.gap * 0.5F);
  if (!vm.trend.empty()) {
    draw_trend(vm, context, area);
  } else if (!vm.reprint_label.empty()) {  // the complaints tab
    draw_complaints(vm, intents, context, area);
  } else {
    draw_bars(vm, context, area);
  }
}

}  // namespace kiosk::ui
