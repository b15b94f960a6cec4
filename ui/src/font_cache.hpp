#pragma once
// On-disk cache of a baked ImGui font atlas: the alpha texture plus every font's metrics and glyphs.
// A file is used only when its key (font files, sizes, glyph set, ImGui version, format) matches.

#include <cstdint>
#include <filesystem>
#include <string>

struct ImFontAtlas;

namespace kiosk::ui {

// Writes the built atlas (its fonts in order) atomically. Returns false and fills `error` on failure.
bool save_atlas_cache(const ImFontAtlas& atlas, const std::filesystem::path& file, std::uint64_t key,
                      std::string* error);

// Replaces the atlas content with the cached one. On any mismatch or damage returns false, fills
// `error` and leaves the atlas cleared, so the caller bakes instead.
bool load_atlas_cache(ImFontAtlas& atlas, const std::filesystem::path& file, std::uint64_t key,
                      int expected_fonts, std::string* error);

}  // namespace kiosk::ui
