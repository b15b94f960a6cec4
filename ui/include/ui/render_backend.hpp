#pragma once
// Draws ImGui's output on a platform target: the SDL_Renderer backend for the in-memory surface
// (headless, screenshots, tests) and for windows without OpenGL; the OpenGL3 backend for real displays.

#include <functional>
#include <memory>

struct ImDrawData;

namespace kiosk::platform {
class SurfaceTarget;
class WindowTarget;
}  // namespace kiosk::platform

namespace kiosk::ui {

class RenderBackend {
 public:
  virtual ~RenderBackend() = default;
  virtual void new_frame() = 0;
  // Clears, draws and presents one frame.
  virtual void render(ImDrawData* draw_data) = 0;
  virtual void pixel_size(int& width, int& height) const = 0;
  // The font atlas was rebuilt: upload it again before the next frame.
  virtual void fonts_changed() = 0;
};

// Both need a current ImGui context for their whole life.
std::unique_ptr<RenderBackend> make_surface_backend(platform::SurfaceTarget& target);
std::unique_ptr<RenderBackend> make_window_backend(platform::WindowTarget& target);

}  // namespace kiosk::ui
