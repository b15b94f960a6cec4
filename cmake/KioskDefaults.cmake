# Compiler settings shared by every target the project owns. Third-party headers come in as SYSTEM
# includes (imported targets), so -Werror applies to our code only.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

if(KIOSK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Applies the project's warning policy to one of our own targets. -Wnull-dereference is left out:
# with -O2, GCC 12 reports false positives inside libstdc++ stream headers.
function(kiosk_target_defaults target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough -Werror)
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()

# Declares a library module: kiosk_module(NAME kiosk_domain SOURCES ...). Headers live in
# include/<module>/ so that only targets that link the module can include it.
function(kiosk_module)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SOURCES})
  target_include_directories(${ARG_NAME} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  kiosk_target_defaults(${ARG_NAME})
endfunction()
