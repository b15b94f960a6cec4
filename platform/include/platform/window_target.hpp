#pragma once
// A real window on a display, windowed (for development) or fullscreen (on the kiosk). It prefers an
// OpenGL 3 context; where none can be had (no GPU driver), it falls back to an SDL_Renderer on the
// window, so the kiosk still shows its screens.

#include <SDL.h>

#include <string>

namespace kiosk::platform {

class WindowTarget {
 public:
  enum class Mode { windowed, fullscreen };
  enum class Api { opengl3, sdl_renderer };

  // Throws std::runtime_error with SDL's reason when no window can be opened.
  WindowTarget(Mode mode, int width, int height, const std::string& title);
  ~WindowTarget();
  WindowTarget(const WindowTarget&) = delete;
  WindowTarget& operator=(const WindowTarget&) = delete;

  Api api() const { return m_api; }
  SDL_Window* window() const { return m_window; }
  SDL_GLContext gl_context() const { return m_gl_context; }
  SDL_Renderer* renderer() const { return m_renderer; }
  // Drawable size in pixels (differs from the window size on high-DPI displays).
  void drawable_size(int& width, int& height) const;
  void swap() const;

 private:
  SDL_Window* m_window = nullptr;
  SDL_GLContext m_gl_context = nullptr;
  SDL_Renderer* m_renderer = nullptr;
  Api m_api = Api::opengl3;
};

}  // namespace kiosk::platform
