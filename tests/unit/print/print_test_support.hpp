#pragma once
// Shared bits of the print tests: fonts (skipped when the Noto packages are missing), and the readable
// form of a decoded job.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "escpos_reader.hpp"
#include "print/escpos_raster.hpp"

namespace kiosk::print::testing_support {

// Loaded once per test binary; null with the reason in `error` when the font packages are missing.
inline const RasterFontsLoad& shared_fonts() {
  static const RasterFontsLoad load = RasterFonts::load();
  return load;
}

#define KIOSK_REQUIRE_FONTS()                                                \
  do {                                                                       \
    if (!::kiosk::print::testing_support::shared_fonts().fonts) {            \
      GTEST_SKIP() << "fonts-noto-core / fonts-noto-cjk not installed: "     \
                   << ::kiosk::print::testing_support::shared_fonts().error; \
    }                                                                        \
  } while (false)

inline bool contains_line(const test::DecodedPrint& print, const std::string& line) {
  return std::find(print.lines.begin(), print.lines.end(), line) != print.lines.end();
}

}  // namespace kiosk::print::testing_support
