#pragma once
// A drawing target with no window: a software SDL_Renderer drawing into an SDL_Surface in memory.
// Headless runs, screenshots and tests use it. It loads no video driver, EGL or Mesa, so it starts in
// milliseconds with little memory (an offscreen-driver window costs ~180 ms and ~100 MB more).

#include <SDL.h>

#include <filesystem>
#include <string>

namespace kiosk::platform {

class SurfaceTarget {
 public:
  // Throws std::runtime_error with SDL's reason when the surface or renderer cannot be made.
  SurfaceTarget(int width, int height);
  ~SurfaceTarget();
  SurfaceTarget(const SurfaceTarget&) = delete;
  SurfaceTarget& operator=(const SurfaceTarget&) = delete;

  int width() const { return m_width; }
  int height() const { return m_height; }
  SDL_Renderer* renderer() const { return m_renderer; }
  // RGBA pixels, row by row, pitch() bytes per row.
  const unsigned char* pixels() const;
  int pitch() const;

  // Writes the current pixels as PNG. Returns false and fills `error` on failure.
  bool write_png(const std::filesystem::path& file, std::string* error) const;

 private:
  int m_width;
  int m_height;
  SDL_Surface* m_surface = nullptr;
  SDL_Renderer* m_renderer = nullptr;
};

}  // namespace kiosk::platform
