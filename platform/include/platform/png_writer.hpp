#pragma once

#include <filesystem>
#include <string>

namespace kiosk::platform {

// Writes 8-bit RGBA pixels as a PNG file, atomically (temporary file, then rename), creating the
// parent folder. Returns false and fills `error` when it cannot.
bool write_rgba_png(const std::filesystem::path& file, const unsigned char* rgba, int width, int height,
                    int pitch, std::string* error);

}  // namespace kiosk::platform
