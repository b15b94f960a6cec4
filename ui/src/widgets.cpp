#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "ui/touch.hpp"

namespace kiosk::ui {
namespace {

ImU32 packed(Rgb colour) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.r, colour.g, colour.b, 1.0F));
}

// Decodes one UTF-8 code point starting at `text[at]`; advances `at`. Bad bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead < 0x80            ? 1
                       : (lead >> 5U) == 0x6  ? 2
                       : (lead >> 4U) == 0xE  ? 3
                       : (lead >> 3U) == 0x1E ? 4
                                              : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return U'\uFFFD';
  }
  char32_t code = length == 1 ? lead : lead & (0x7FU >> length);
  for (std::size_t i = 1; i < length; ++i) {
    code = (code << 6U) | (static_cast<unsigned char>(text[at + i]) & 0x3FU);
  }
  at += length;
  return code;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Chinese punctuation that must not start a line (it stays with the character before it).
bool no_break_before(char32_t c) {
  constexpr std::u32string_view closing = U"，。、！？：；）」』》】,.!?:;)";
  return closing.find(c) != std::u32string_view::npos;
}

struct CodePoint {
  std::size_t offset;
  char32_t value;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> code_points;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t offset = at;
    code_points.push_back({offset, next_code_point(text, at)});
  }
  return code_points;
}

// A line may end after `current` when it is a space, hyphen, slash or newline, or when either side is
// a Chinese character, unless the next one is punctuation that must stay on this line.
bool may_break_after(char32_t current, char32_t next) {
  if (no_break_before(next)) {
    return false;
  }
  return current == U' ' || current == U'-' || current == U'/' || current == U'\n' || is_cjk(current) ||
         is_cjk(next);
}

// Splits text into pieces that may not be broken inside; a line may end after any of them.
std::vector<std::string_view> breakable_pieces(std::string_view text) {
  const auto code_points = decode(text);
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    const bool last = i + 1 == code_points.size();
    if (last || may_break_after(code_points[i].value, code_points[i + 1].value)) {
      const std::size_t end = last ? text.size() : code_points[i + 1].offset;
      pieces.push_back(text.substr(start, end - start));
      start = end;
    }
  }
  return pieces;
}

float text_width(ImFont* font, float size, std::string_view text) {
  return font->CalcTextSizeA(size, FLT_MAX, 0.0F, text.data(), text.data() + text.size()).x;
}

std::string_view trim_trailing(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

WrappedText wrap_text(ImFont* font, float size, std::string_view text, float max_width) {
  WrappedText result;
  result.font = font;
  result.size = size;
  const char* line_start = text.data();
  const char* line_end = text.data();
  for (std::string_view piece : breakable_pieces(text)) {
    const std::string_view candidate(line_start,
                                     static_cast<std::size_t>(piece.data() + piece.size() - line_start));
    const bool forced_break = !piece.empty() && piece.back() == '\n';
    if (text_width(font, size, trim_trailing(candidate)) > max_width && line_end != line_start) {
      result.lines.push_back(trim_trailing({line_start, static_cast<std::size_t>(line_end - line_start)}));
      line_start = piece.data();
    }
    line_end = piece.data() + piece.size();
    if (forced_break) {
      result.lines.push_back(trim_trailing({line_start, static_cast<std::size_t>(line_end - line_start)}));
      line_start = line_end;
    }
  }
  if (line_end != line_start) {
    result.lines.push_back(trim_trailing({line_start, static_cast<std::size_t>(line_end - line_start)}));
  }
  for (auto line : result.lines) {
    const float width = text_width(font, size, line);
    result.width = std::max(result.width, width);
    result.fits = result.fits && width <= max_width + 0.5F;
  }
  result.height = static_cast<float>(result.lines.size()) * size;
  return result;
}

WrappedText fit_text(const FontSet& fonts, std::string_view text, float max_width, float max_height,
                     FontRole preferred, FontRole smallest) {
  FontRole role = preferred;
  while (true) {
    ImFont* font = fonts.get(role);
    auto wrapped = wrap_text(font, font->FontSize, text, max_width);
    wrapped.fits = wrapped.fits && wrapped.height <= max_height + 0.5F;
    if (wrapped.fits || role == smallest || role == FontRole::small) {
      return wrapped;
    }
    role = FontSet::smaller(role);
  }
}

void fill_rect(Rect rect, Rgb colour, float rounding) {
  ImGui::GetWindowDrawList()->AddRectFilled({rect.x, rect.y}, {rect.right(), rect.bottom()}, packed(colour),
                                            rounding);
}

namespace {

void draw_lines(const WrappedText& text, Rect rect, Rgb colour, Align align, float top) {
  auto* draw_list = ImGui::GetWindowDrawList();
  float y = top;
  for (auto line : text.lines) {
    const float width = text_width(text.font, text.size, line);
    const float x = align == Align::center ? rect.x + (rect.w - width) / 2.0F : rect.x;
    draw_list->AddText(text.font, text.size, {x, y}, packed(colour), line.data(), line.data() + line.size());
    y += text.size;
  }
}

}  // namespace

float text_block(DrawContext& context, std::string_view id, std::string_view text, Rect rect,
                 const TextStyle& style) {
  const auto wrapped = fit_text(context.fonts, text, rect.w, rect.h, style.role, style.smallest);
  const float top =
      style.centre_vertically ? rect.y + std::max(0.0F, (rect.h - wrapped.height) / 2.0F) : rect.y;
  ImGui::PushClipRect({rect.x, rect.y}, {rect.right(), rect.bottom()}, true);
  draw_lines(wrapped, rect, style.colour, style.align, top);
  ImGui::PopClipRect();
  context.widgets.record({std::string(id), rect, std::string(text), false, !wrapped.fits});
  return std::min(wrapped.height, rect.h);
}

namespace {

struct ButtonColours {
  Rgb fill;
  Rgb pressed;
  Rgb text;
  Rgb outline;
};

ButtonColours colours_for(const Palette& palette, ButtonKind kind) {
  switch (kind) {
    case ButtonKind::primary:
      return {palette.primary, palette.primary_pressed, palette.primary_text, palette.outline};
    case ButtonKind::bar:
      return {palette.bar, palette.secondary_pressed, palette.bar_text, palette.bar_text};
    case ButtonKind::secondary:
      break;
  }
  return {palette.secondary, palette.secondary_pressed, palette.secondary_text, palette.outline};
}

}  // namespace

bool button(DrawContext& context, std::string_view id, std::string_view label, Rect rect, ButtonKind kind,
            FontRole role, std::string_view detail) {
  ImGui::SetCursorScreenPos({rect.x, rect.y});
  const std::string imgui_id(id);
  const bool tapped =
      ImGui::InvisibleButton(imgui_id.c_str(), {std::max(rect.w, 1.0F), std::max(rect.h, 1.0F)});
  const bool pressed = ImGui::IsItemActive();
  const auto colours = colours_for(context.palette, kind);
  const float rounding = touch::k_rounding * context.layout.scale;
  const auto text_colour = pressed && kind == ButtonKind::bar ? context.palette.secondary_text : colours.text;
  fill_rect(rect, pressed ? colours.pressed : colours.fill, rounding);
  // The outline is the button's shape cue, so buttons stay recognisable without relying on colour.
  ImGui::GetWindowDrawList()->AddRect({rect.x, rect.y}, {rect.right(), rect.bottom()},
                                      packed(colours.outline), rounding, 0,
                                      std::max(2.0F, 3.0F * context.layout.scale));

  const float padding = context.layout.gap;
  const Rect inner{rect.x + padding, rect.y + padding / 4.0F, rect.w - 2 * padding, rect.h - padding / 2.0F};
  const float detail_height = detail.empty() ? 0.0F : context.fonts.get(FontRole::small)->FontSize * 1.1F;
  const auto wrapped =
      fit_text(context.fonts, label, inner.w, inner.h - detail_height, role, FontRole::small);
  const float block = wrapped.height + detail_height;
  const float top = inner.y + std::max(0.0F, (inner.h - block) / 2.0F);
  ImGui::PushClipRect({rect.x, rect.y}, {rect.right(), rect.bottom()}, true);
  draw_lines(wrapped, inner, text_colour, Align::center, top);
  bool detail_fits = true;
  if (!detail.empty()) {
    const auto detail_text = wrap_text(context.fonts.get(FontRole::small),
                                       context.fonts.get(FontRole::small)->FontSize, detail, inner.w);
    detail_fits = detail_text.fits && detail_text.lines.size() == 1;
    draw_lines(detail_text, inner, text_colour, Align::center, top + wrapped.height);
  }
  ImGui::PopClipRect();
  std::string text(label);
  if (!detail.empty()) {
    text.append(" | ").append(detail);
  }
  context.widgets.record({imgui_id, rect, text, true, !wrapped.fits || !detail_fits});
  return tapped;
}

bool tap_area(DrawContext& context, std::string_view id, Rect rect, std::string_view description) {
  ImGui::SetCursorScreenPos({rect.x, rect.y});
  const std::string imgui_id(id);
  const bool tapped =
      ImGui::InvisibleButton(imgui_id.c_str(), {std::max(rect.w, 1.0F), std::max(rect.h, 1.0F)});
  context.widgets.record({imgui_id, rect, std::string(description), true, false});
  return tapped;
}

}  // namespace kiosk::ui
