#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/touch.hpp"

namespace kiosk::ui {
namespace {

constexpr Rgb hex(unsigned value) {
  return {static_cast<float>((value >> 16U) & 0xFFU) / 255.0F,
          static_cast<float>((value >> 8U) & 0xFFU) / 255.0F, static_cast<float>(value & 0xFFU) / 255.0F};
}

double linear_channel(float channel) {
  const double c = channel;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

ImVec4 imgui_colour(Rgb colour, float alpha = 1.0F) {
  return {colour.r, colour.g, colour.b, alpha};
}

// Calm, bank-like: dark navy text on a near-white background, a deep blue primary action.
constexpr Palette k_standard{
    .background = hex(0xF3F5F8),
    .text = hex(0x13233F),
    .text_muted = hex(0x44526A),
    .primary = hex(0x0B4F9C),
    .primary_text = hex(0xFFFFFF),
    .primary_pressed = hex(0x083A73),
    .secondary = hex(0xFFFFFF),
    .secondary_text = hex(0x13233F),
    .secondary_pressed = hex(0xDCE3EC),
    .outline = hex(0x5A6B85),
    .bar = hex(0x13233F),
    .bar_text = hex(0xFFFFFF),
    .overlay = hex(0xFFFFFF),
    .overlay_text = hex(0x13233F),
    .hero = hex(0x0B4F9C),
    .hero_text = hex(0xFFFFFF),
};

// Black, white and yellow only; the yellow carries black text.
constexpr Palette k_high_contrast{
    .background = hex(0x000000),
    .text = hex(0xFFFFFF),
    .text_muted = hex(0xF0F0F0),
    .primary = hex(0xFFE14D),
    .primary_text = hex(0x000000),
    .primary_pressed = hex(0xFFFFFF),
    .secondary = hex(0x000000),
    .secondary_text = hex(0xFFFFFF),
    .secondary_pressed = hex(0x333333),
    .outline = hex(0xFFFFFF),
    .bar = hex(0x000000),
    .bar_text = hex(0xFFFFFF),
    .overlay = hex(0x000000),
    .overlay_text = hex(0xFFFFFF),
    .hero = hex(0x000000),
    .hero_text = hex(0xFFE14D),
};

}  // namespace

double relative_luminance(Rgb colour) {
  return 0.2126 * linear_channel(colour.r) + 0.7152 * linear_channel(colour.g) +
         0.0722 * linear_channel(colour.b);
}

double contrast_ratio(Rgb a, Rgb b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const Palette& standard_palette() {
  return k_standard;
}
const Palette& high_contrast_palette() {
  return k_high_contrast;
}

void apply_style(const Palette& palette, float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = {0.0F, 0.0F};
  style.WindowBorderSize = 0.0F;
  style.WindowRounding = 0.0F;
  style.FrameRounding = touch::k_rounding * scale;
  style.FrameBorderSize = std::max(2.0F, 3.0F * scale);
  style.ItemSpacing = {touch::k_gap * scale, touch::k_gap * scale};
  style.ScrollbarSize = touch::k_min_target * scale;  // no thin scrollbars on a touchscreen
  style.TouchExtraPadding = {4.0F * scale, 4.0F * scale};
  style.AntiAliasedLinesUseTex = false;
  auto* colours = style.Colors;
  colours[ImGuiCol_WindowBg] = imgui_colour(palette.background);
  colours[ImGuiCol_Text] = imgui_colour(palette.text);
  colours[ImGuiCol_Border] = imgui_colour(palette.outline);
  colours[ImGuiCol_Button] = imgui_colour(palette.secondary);
  colours[ImGuiCol_ButtonHovered] = imgui_colour(palette.secondary);
  colours[ImGuiCol_ButtonActive] = imgui_colour(palette.secondary_pressed);
  colours[ImGuiCol_ModalWindowDimBg] = ImVec4(0.0F, 0.0F, 0.0F, 0.6F);
  ImGui::GetStyle() = style;
}

}  // namespace kiosk::ui
