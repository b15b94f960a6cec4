#include "platform/surface_target.hpp"

#include <stdexcept>

#include "platform/png_writer.hpp"

namespace kiosk::platform {

SurfaceTarget::SurfaceTarget(int width, int height) : m_width(width), m_height(height) {
  // ABGR8888 is R, G, B, A byte order in memory on little-endian machines: what PNG wants.
  m_surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ABGR8888);
  if (m_surface == nullptr) {
    throw std::runtime_error(std::string("cannot create drawing surface: ") + SDL_GetError());
  }
  m_renderer = SDL_CreateSoftwareRenderer(m_surface);
  if (m_renderer == nullptr) {
    SDL_FreeSurface(m_surface);
    throw std::runtime_error(std::string("cannot create software renderer: ") + SDL_GetError());
  }
}

SurfaceTarget::~SurfaceTarget() {
  SDL_DestroyRenderer(m_renderer);
  SDL_FreeSurface(m_surface);
}

const unsigned char* SurfaceTarget::pixels() const {
  return static_cast<const unsigned char*>(m_surface->pixels);
}

int SurfaceTarget::pitch() const {
  return m_surface->pitch;
}

bool SurfaceTarget::write_png(const std::filesystem::path& file, std::string* error) const {
  return write_rgba_png(file, pixels(), m_width, m_height, pitch(), error);
}

}  // namespace kiosk::platform
