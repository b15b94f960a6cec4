# Dear ImGui 1.86 from Debian: libimgui.a holds the core, the SDL2 platform backend and the OpenGL3
# renderer. The SDL_Renderer backend ships only as source, so it is compiled here from Debian's copy.
set(KIOSK_IMGUI_BACKEND_SRC /usr/share/doc/libimgui-dev/examples/backends/imgui_impl_sdlrenderer.cpp)
if(NOT EXISTS ${KIOSK_IMGUI_BACKEND_SRC})
  message(FATAL_ERROR "ImGui SDL_Renderer backend source missing: ${KIOSK_IMGUI_BACKEND_SRC} (apt-get install libimgui-dev)")
endif()
add_library(kiosk_imgui_sdlrenderer STATIC ${KIOSK_IMGUI_BACKEND_SRC})
target_include_directories(kiosk_imgui_sdlrenderer SYSTEM PUBLIC /usr/include/imgui /usr/include/imgui/backends)
target_link_libraries(kiosk_imgui_sdlrenderer PUBLIC PkgConfig::IMGUI SDL2::SDL2)

find_package(OpenGL REQUIRED)
add_library(kiosk_imgui INTERFACE)
target_include_directories(kiosk_imgui SYSTEM INTERFACE /usr/include/imgui /usr/include/imgui/backends)
target_link_libraries(kiosk_imgui INTERFACE kiosk_imgui_sdlrenderer PkgConfig::IMGUI OpenGL::GL ${CMAKE_DL_LIBS})
