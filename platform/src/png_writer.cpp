#include "platform/png_writer.hpp"

#include <stb_image_write.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace kiosk::platform {

bool write_rgba_png(const std::filesystem::path& file, const unsigned char* rgba, int width, int height,
                    int pitch, std::string* error) {
  std::error_code fs_error;
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), fs_error);
    if (fs_error) {
      *error = "cannot create folder " + file.parent_path().string() + ": " + fs_error.message();
      return false;
    }
  }
  // A half-written PNG must never replace a good one: write beside it, then rename.
  auto temporary = file;
  temporary += ".tmp";
  if (stbi_write_png(temporary.c_str(), width, height, 4, rgba, pitch) == 0) {
    *error = "cannot write " + temporary.string() + ": " + std::strerror(errno);
    return false;
  }
  std::filesystem::rename(temporary, file, fs_error);
  if (fs_error) {
    *error = "cannot rename " + temporary.string() + " to " + file.string() + ": " + fs_error.message();
    std::filesystem::remove(temporary, fs_error);
    return false;
  }
  return true;
}

}  // namespace kiosk::platform
