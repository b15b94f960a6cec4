#include "ui/render_backend.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdlrenderer.h>

#include <SDL_opengl.h>

#include "platform/surface_target.hpp"
#include "platform/window_target.hpp"

namespace kiosk::ui {
namespace {

// Once the font texture is on the renderer, ImGui's CPU copy of the atlas is dead weight (tens of MB).
void release_cpu_font_pixels() {
  ImGui::GetIO().Fonts->ClearTexData();
}

class SdlRendererBackend final : public RenderBackend {
 public:
  SdlRendererBackend(SDL_Renderer* renderer, std::function<void(int&, int&)> size,
                     std::function<void()> present)
      : m_renderer(renderer), m_size(std::move(size)), m_present(std::move(present)) {
    ImGui_ImplSDLRenderer_Init(m_renderer);
  }
  ~SdlRendererBackend() override { ImGui_ImplSDLRenderer_Shutdown(); }

  void new_frame() override {
    ImGui_ImplSDLRenderer_NewFrame();
    if (!m_font_uploaded) {
      m_font_uploaded = true;
      release_cpu_font_pixels();
    }
  }

  void render(ImDrawData* draw_data) override {
    SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
    SDL_RenderClear(m_renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(draw_data);
    m_present();
  }

  void pixel_size(int& width, int& height) const override { m_size(width, height); }

  void fonts_changed() override {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    release_cpu_font_pixels();
  }

 private:
  SDL_Renderer* m_renderer;
  std::function<void(int&, int&)> m_size;
  std::function<void()> m_present;
  bool m_font_uploaded = false;
};

class OpenGl3Backend final : public RenderBackend {
 public:
  explicit OpenGl3Backend(platform::WindowTarget& target) : m_target(target) {
    ImGui_ImplOpenGL3_Init("#version 130");
  }
  ~OpenGl3Backend() override { ImGui_ImplOpenGL3_Shutdown(); }

  void new_frame() override {
    ImGui_ImplOpenGL3_NewFrame();
    if (!m_font_uploaded) {
      m_font_uploaded = true;
      release_cpu_font_pixels();
    }
  }

  void render(ImDrawData* draw_data) override {
    int width = 0;
    int height = 0;
    m_target.drawable_size(width, height);
    glViewport(0, 0, width, height);
    glClearColor(0.0F, 0.0F, 0.0F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(draw_data);
    m_target.swap();
  }

  void pixel_size(int& width, int& height) const override { m_target.drawable_size(width, height); }

  void fonts_changed() override {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    release_cpu_font_pixels();
  }

 private:
  platform::WindowTarget& m_target;
  bool m_font_uploaded = false;
};

}  // namespace

std::unique_ptr<RenderBackend> make_surface_backend(platform::SurfaceTarget& target) {
  return std::make_unique<SdlRendererBackend>(
      target.renderer(),
      [&target](int& width, int& height) {
        width = target.width();
        height = target.height();
      },
      [&target] { SDL_RenderPresent(target.renderer()); });
}

std::unique_ptr<RenderBackend> make_window_backend(platform::WindowTarget& target) {
  if (target.api() == platform::WindowTarget::Api::opengl3) {
    return std::make_unique<OpenGl3Backend>(target);
  }
  return std::make_unique<SdlRendererBackend>(
      target.renderer(), [&target](int& width, int& height) { target.drawable_size(width, height); },
      [&target] { target.swap(); });
}

}  // namespace kiosk::ui
