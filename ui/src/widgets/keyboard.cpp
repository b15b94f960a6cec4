#include "ui/widgets/keyboard.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "ui/touch.hpp"
#include "widgets/widget_parts.hpp"

namespace kiosk::ui {
namespace {

using widget_parts::join_id;
using widget_parts::packed;
using widget_parts::split_code_points;

enum class KeyIcon { none, shift, backspace };

struct KeySpec {
  std::string name;   // stable id part
  std::string label;  // what is drawn (translated for special keys)
  KeyAction action;
  float units = 1.0F;   // width in letter-key widths
  bool accent = false;  // drawn as a primary button (Done, an engaged Shift)
  KeyIcon icon = KeyIcon::none;
};

using KeyRow = std::vector<KeySpec>;

struct LetterRows {
  std::u8string_view lower;
  std::u8string_view upper;
};

std::string_view as_chars(std::u8string_view text) {
  return {reinterpret_cast<const char*>(text.data()), text.size()};
}

// Decodes one well-formed code point (the tables below are ours, so they are well formed).
char32_t decode(std::string_view piece) {
  const auto lead = static_cast<unsigned char>(piece.front());
  if (piece.size() == 1)
    return lead;
  char32_t code = lead & (0x7FU >> piece.size());
  for (std::size_t i = 1; i < piece.size(); ++i) {
    code = (code << 6U) | (static_cast<unsigned char>(piece[i]) & 0x3FU);
  }
  return code;
}

// ASCII letters and digits name themselves; anything else is named by its code point, so ids stay
// plain ASCII and identical in every language.
std::string key_name(std::string_view character) {
  const char32_t code = decode(character);
  if ((code >= U'a' && code <= U'z') || (code >= U'0' && code <= U'9'))
    return std::string(character);
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "u%04x", static_cast<unsigned>(code));
  return buffer.data();
}

KeySpec character_key(std::string_view shown, std::string_view name_from, float units = 1.0F) {
  return {key_name(name_from), std::string(shown), {KeyAction::Kind::insert, std::string(shown)}, units};
}

KeyRow letter_row(LetterRows letters, bool shifted) {
  const auto lower = split_code_points(as_chars(letters.lower));
  const auto upper = split_code_points(as_chars(letters.upper));
  KeyRow row;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    row.push_back(character_key(shifted ? upper[i] : lower[i], lower[i]));
  }
  return row;
}

KeyRow symbol_row(std::u8string_view symbols) {
  KeyRow row;
  for (auto piece : split_code_points(as_chars(symbols)))
    row.push_back(character_key(piece, piece));
  return row;
}

KeySpec shift_key(const KeyboardLabels& labels, bool shifted) {
  return {"shift", labels.shift, {KeyAction::Kind::toggle_shift, {}}, 1.5F, shifted, KeyIcon::shift};
}

KeySpec backspace_key(const KeyboardLabels& labels, float units) {
  return {"backspace", labels.backspace, {KeyAction::Kind::backspace, {}}, units, false, KeyIcon::backspace};
}

KeySpec done_key(const KeyboardLabels& labels, float units) {
  return {"done", labels.done, {KeyAction::Kind::done, {}}, units, true, KeyIcon::none};
}

struct LetterLayout {
  std::array<LetterRows, 3> rows;
};

const LetterLayout& letters_of(KeyboardLayout layout) {
  static const LetterLayout en{
      {{{u8"qwertyuiop", u8"QWERTYUIOP"}, {u8"asdfghjkl", u8"ASDFGHJKL"}, {u8"zxcvbnm", u8"ZXCVBNM"}}}};
  static const LetterLayout nb{
      {{{u8"qwertyuiopå", u8"QWERTYUIOPÅ"}, {u8"asdfghjkløæ", u8"ASDFGHJKLØÆ"}, {u8"zxcvbnm", u8"ZXCVBNM"}}}};
  // ё ends the home row so no row is wider than 12 keys (portrait panels are 968 px inside margins).
  static const LetterLayout ru{{{{u8"йцукенгшщзхъ", u8"ЙЦУКЕНГШЩЗХЪ"},
                                 {u8"фывапролджэё", u8"ФЫВАПРОЛДЖЭЁ"},
                                 {u8"ячсмитьбю", u8"ЯЧСМИТЬБЮ"}}}};
  switch (layout) {
    case KeyboardLayout::nb:
      return nb;
    case KeyboardLayout::ru:
      return ru;
    default:
      return en;
  }
}

float row_units(const KeyRow& row) {
  float units = 0.0F;
  for (const auto& key : row)
    units += key.units;
  return units;
}

struct KeyRows {
  std::vector<KeyRow> rows;
  bool has_number_row = false;
};

KeyRows digit_rows(const KeyboardLabels& labels) {
  KeyRows result;
  result.rows.push_back(symbol_row(u8"1234567890"));
  result.rows.push_back({character_key("+", "+", 2.0F), backspace_key(labels, 3.0F), done_key(labels, 5.0F)});
  return result;
}

KeyRows letter_rows(const KeyboardState& state, const KeyboardLabels& labels, bool number_row) {
  KeyRows result;
  const auto& letters = letters_of(state.layout);
  if (number_row) {
    result.rows.push_back(symbol_row(u8"1234567890"));
    result.has_number_row = true;
  }
  result.rows.push_back(letter_row(letters.rows[0], state.shifted));
  result.rows.push_back(letter_row(letters.rows[1], state.shifted));
  KeyRow third{shift_key(labels, state.shifted)};
  for (auto& key : letter_row(letters.rows[2], state.shifted))
    third.push_back(std::move(key));
  third.push_back(backspace_key(labels, 1.5F));
  result.rows.push_back(std::move(third));

  KeyRow bottom;
  if (!labels.next_layout.empty()) {
    bottom.push_back({"next_layout", labels.next_layout, {KeyAction::Kind::next_layout, {}}, 1.5F});
  }
  if (state.layout == KeyboardLayout::email) {
    for (auto& key : symbol_row(u8"@-_."))
      bottom.push_back(std::move(key));
    bottom.push_back({"dot_no", ".no", {KeyAction::Kind::insert, ".no"}, 1.5F});
    bottom.push_back({"dot_com", ".com", {KeyAction::Kind::insert, ".com"}, 2.0F});
  } else {
    for (auto& key : symbol_row(u8",-"))
      bottom.push_back(std::move(key));
    bottom.push_back({"space", labels.space, {KeyAction::Kind::space, {}}, 3.0F});
    for (auto& key : symbol_row(u8".?"))
      bottom.push_back(std::move(key));
  }
  bottom.push_back(done_key(labels, 2.0F));
  // The space bar takes whatever the widest letter row leaves, so the bottom row lines up.
  float widest = 0.0F;
  for (const auto& row : result.rows)
    widest = std::max(widest, row_units(row));
  const float spare = widest - row_units(bottom);
  for (auto& key : bottom) {
    if (key.name == "space" && spare > 0.0F)
      key.units += spare;
  }
  result.rows.push_back(std::move(bottom));
  return result;
}

KeyRows rows_for(const KeyboardState& state, const KeyboardLabels& labels, bool number_row) {
  if (state.layout == KeyboardLayout::digits)
    return digit_rows(labels);
  return letter_rows(state, labels, number_row);
}

float key_gap(const Layout& layout) {
  return std::max(3.0F, layout.gap * 0.2F);
}

float rows_height(std::size_t rows, float row_height, float gap) {
  return static_cast<float>(rows) * row_height + static_cast<float>(rows - 1) * gap;
}

// Draws an upward arrow (Shift), filled when engaged so the state is not shown by colour alone.
void draw_shift_icon(ImDrawList* draw_list, ImVec2 centre, float size, ImU32 colour, bool engaged) {
  const float h = size / 2.0F;
  const std::array<ImVec2, 7> points{{{centre.x, centre.y - h},
                                      {centre.x + h, centre.y},
                                      {centre.x + h * 0.45F, centre.y},
                                      {centre.x + h * 0.45F, centre.y + h},
                                      {centre.x - h * 0.45F, centre.y + h},
                                      {centre.x - h * 0.45F, centre.y},
                                      {centre.x - h, centre.y}}};
  if (engaged)
    draw_list->AddConvexPolyFilled(points.data(), static_cast<int>(points.size()), colour);
  draw_list->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_Closed,
                         std::max(2.0F, size * 0.08F));
}

// Draws a key cap pointing left with a cross in it (Backspace).
void draw_backspace_icon(ImDrawList* draw_list, ImVec2 centre, float size, ImU32 colour) {
  const float h = size * 0.35F;
  const float w = size * 0.55F;
  const std::array<ImVec2, 5> points{{{centre.x - w, centre.y},
                                      {centre.x - w + h, centre.y - h},
                                      {centre.x + w, centre.y - h},
                                      {centre.x + w, centre.y + h},
                                      {centre.x - w + h, centre.y + h}}};
  const float thickness = std::max(2.0F, size * 0.07F);
  draw_list->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_Closed,
                         thickness);
  const float c = h * 0.45F;
  const ImVec2 mid{centre.x + h * 0.3F, centre.y};
  draw_list->AddLine({mid.x - c, mid.y - c}, {mid.x + c, mid.y + c}, colour, thickness);
  draw_list->AddLine({mid.x - c, mid.y + c}, {mid.x + c, mid.y - c}, colour, thickness);
}

bool draw_key(DrawContext& context, const std::string& id, const KeySpec& key, Rect rect) {
  const auto& palette = context.palette;
  ImGui::SetCursorScreenPos({rect.x, rect.y});
  const bool tapped = ImGui::InvisibleButton(id.c_str(), {std::max(rect.w, 1.0F), std::max(rect.h, 1.0F)});
  const bool pressed = ImGui::IsItemActive();
  const Rgb fill = key.accent ? (pressed ? palette.primary_pressed : palette.primary)
                              : (pressed ? palette.secondary_pressed : palette.secondary);
  const Rgb text_colour = key.accent ? palette.primary_text : palette.secondary_text;
  const float rounding = touch::k_rounding * 0.6F * context.layout.scale;
  auto* draw_list = ImGui::GetWindowDrawList();
  fill_rect(rect, fill, rounding);
  draw_list->AddRect({rect.x, rect.y}, {rect.right(), rect.bottom()}, packed(palette.outline), rounding, 0,
                     std::max(1.5F, 2.0F * context.layout.scale));

  const float padding = std::max(2.0F, context.layout.gap * 0.2F);
  const Rect inner = rect.inset(padding);
  bool clipped = false;
  ImGui::PushClipRect({rect.x, rect.y}, {rect.right(), rect.bottom()}, true);
  if (key.icon == KeyIcon::none) {
    const auto wrapped =
        fit_text(context.fonts, key.label, inner.w, inner.h, FontRole::button, FontRole::small);
    clipped = !wrapped.fits;
    float y = inner.y + std::max(0.0F, (inner.h - wrapped.height) / 2.0F);
    for (auto line : wrapped.lines) {
      const float width =
          wrapped.font->CalcTextSizeA(wrapped.size, inner.w * 4, 0.0F, line.data(), line.data() + line.size())
              .x;
      draw_list->AddText(wrapped.font, wrapped.size, {inner.x + (inner.w - width) / 2.0F, y},
                         packed(text_colour), line.data(), line.data() + line.size());
      y += wrapped.size;
    }
  } else {
    // The icon always shows; the translated word goes under it only when it fits on one small line.
    ImFont* small = context.fonts.get(FontRole::small);
    const auto word = wrap_text(small, small->FontSize, key.label, inner.w);
    const bool word_fits = word.fits && word.lines.size() == 1 && inner.h >= small->FontSize * 2.4F;
    const float icon_size = std::min(inner.w, (word_fits ? inner.h - small->FontSize : inner.h)) * 0.62F;
    const float icon_centre_y =
        word_fits ? inner.y + (inner.h - small->FontSize) / 2.0F : inner.y + inner.h / 2.0F;
    const ImVec2 centre{inner.x + inner.w / 2.0F, icon_centre_y};
    if (key.icon == KeyIcon::shift) {
      draw_shift_icon(draw_list, centre, icon_size, packed(text_colour), key.accent);
    } else {
      draw_backspace_icon(draw_list, centre, icon_size, packed(text_colour));
    }
    if (word_fits) {
      const auto line = word.lines.front();
      draw_list->AddText(small, small->FontSize,
                         {inner.x + (inner.w - word.width) / 2.0F, inner.bottom() - small->FontSize},
                         packed(text_colour), line.data(), line.data() + line.size());
    }
  }
  ImGui::PopClipRect();
  context.widgets.record({id, rect, key.label, true, clipped});
  return tapped;
}

}  // namespace

float keyboard_min_height(const Layout& layout, KeyboardLayout keyboard) {
  const std::size_t rows = keyboard == KeyboardLayout::digits ? 2 : 4;
  return rows_height(rows, layout.min_target, key_gap(layout));
}

std::optional<KeyAction> draw_keyboard(DrawContext& context, std::string_view id_prefix,
                                       const KeyboardState& state, Rect area, const KeyboardLabels& labels) {
  const auto& layout = context.layout;
  const float gap = key_gap(layout);
  const float max_row_height = layout.compact ? layout.min_target * 1.3F : layout.button_height * 0.9F;
  auto rows = rows_for(state, labels, true);
  auto row_height = [&](const KeyRows& candidate) {
    const auto count = static_cast<float>(candidate.rows.size());
    return std::min(max_row_height, (area.h - (count - 1.0F) * gap) / count);
  };
  if (rows.has_number_row && row_height(rows) < layout.min_target)
    rows = rows_for(state, labels, false);
  const float height = std::max(layout.min_target, row_height(rows));

  // One unit is a letter key's width: as wide as the widest row allows, never wider than tall x 1.6. A
  // key of n units also covers the n-1 gaps it replaces, so every row lines up at both ends.
  float unit = height * 1.6F;
  for (const auto& row : rows.rows)
    unit = std::min(unit, (area.w + gap) / row_units(row) - gap);
  unit = std::max(unit, layout.min_target);

  const float total_height = rows_height(rows.rows.size(), height, gap);
  float y = std::max(area.y, area.bottom() - total_height);
  if (total_height > area.h)
    y = area.bottom() - total_height;
  std::optional<KeyAction> result;
  for (const auto& row : rows.rows) {
    const float width = row_units(row) * (unit + gap) - gap;
    float x = area.x + (area.w - width) / 2.0F;
    for (const auto& key : row) {
      const Rect rect{x, y, key.units * (unit + gap) - gap, height};
      if (draw_key(context, join_id(join_id(id_prefix, "key"), key.name), key, rect))
        result = key.action;
      x += rect.w + gap;
    }
    y += height + gap;
  }
  return result;
}

std::string keyboard_glyphs() {
  std::string glyphs = "0123456789+,-.?@_";
  for (auto layout : {KeyboardLayout::en, KeyboardLayout::nb, KeyboardLayout::ru}) {
    for (const auto& row : letters_of(layout).rows) {
      glyphs += as_chars(row.lower);
      glyphs += as_chars(row.upper);
    }
  }
  return glyphs;
}

std::size_t count_code_points(std::string_view text) {
  return split_code_points(text).size();
}

bool apply_key(std::string& text, KeyboardState& state, const KeyAction& action,
               std::size_t max_code_points) {
  switch (action.kind) {
    case KeyAction::Kind::insert:
    case KeyAction::Kind::space: {
      const std::string_view insert =
          action.kind == KeyAction::Kind::space ? std::string_view(" ") : action.text;
      const std::size_t used = count_code_points(text);
      std::size_t appended = 0;
      // Whole code points only, as many as fit: a long IME composition is cut, never split.
      for (auto piece : split_code_points(insert)) {
        if (used + appended >= max_code_points)
          break;
        text += piece;
        ++appended;
      }
      if (appended > 0 && action.kind == KeyAction::Kind::insert)
        state.shifted = false;
      return appended > 0;
    }
    case KeyAction::Kind::backspace: {
      if (text.empty())
        return false;
      const auto pieces = split_code_points(text);
      text.resize(text.size() - pieces.back().size());
      return true;
    }
    case KeyAction::Kind::toggle_shift:
      state.shifted = !state.shifted;
      return true;
    case KeyAction::Kind::next_layout:
    case KeyAction::Kind::done:
      return false;
  }
  return false;
}

}  // namespace kiosk::ui
