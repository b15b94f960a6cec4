#include "platform/window_target.hpp"

#include <stdexcept>

namespace kiosk::platform {
namespace {

Uint32 window_flags(WindowTarget::Mode mode) {
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_SHOWN;
  if (mode == WindowTarget::Mode::fullscreen) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
  }
  return flags;
}

}  // namespace

WindowTarget::WindowTarget(Mode mode, int width, int height, const std::string& title) {
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  m_window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                              window_flags(mode) | SDL_WINDOW_OPENGL);
  if (m_window != nullptr) {
    m_gl_context = SDL_GL_CreateContext(m_window);
  }
  if (m_gl_context != nullptr) {
    SDL_GL_MakeCurrent(m_window, m_gl_context);
    SDL_GL_SetSwapInterval(1);
    m_api = Api::opengl3;
    return;
  }
  // No OpenGL 3 here: an SDL_Renderer window still shows every screen.
  if (m_window != nullptr) {
    SDL_DestroyWindow(m_window);
  }
  m_window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                              window_flags(mode));
  if (m_window == nullptr) {
    throw std::runtime_error(std::string("cannot open a window: ") + SDL_GetError());
  }
  m_renderer = SDL_CreateRenderer(m_window, -1, SDL_RENDERER_PRESENTVSYNC);
  if (m_renderer == nullptr) {
    SDL_DestroyWindow(m_window);
    throw std::runtime_error(std::string("cannot draw in the window: ") + SDL_GetError());
  }
  m_api = Api::sdl_renderer;
}

WindowTarget::~WindowTarget() {
  if (m_renderer != nullptr) {
    SDL_DestroyRenderer(m_renderer);
  }
  if (m_gl_context != nullptr) {
    SDL_GL_DeleteContext(m_gl_context);
  }
  SDL_DestroyWindow(m_window);
}

void WindowTarget::drawable_size(int& width, int& height) const {
  if (m_api == Api::opengl3) {
    SDL_GL_GetDrawableSize(m_window, &width, &height);
  } else {
    SDL_GetRendererOutputSize(m_renderer, &width, &height);
  }
}

void WindowTarget::swap() const {
  if (m_api == Api::opengl3) {
    SDL_GL_SwapWindow(m_window);
  } else {
    SDL_RenderPresent(m_renderer);
  }
}

}  // namespace kiosk::platform
