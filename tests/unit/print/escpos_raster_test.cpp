#include "print/escpos_raster.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "escpos_reader.hpp"
#include "print_test_support.hpp"

namespace kiosk::print {
namespace {

using testing::IsEmpty;
using testing_support::shared_fonts;

struct Ink {
  int rows_with_ink = 0;
  int dots = 0;
  int leftmost = 1 << 30;
  int rightmost = -1;
};

Ink measure_ink(const test::DecodedPrint& print) {
  Ink ink;
  for (const test::RasterBand& band : print.raster_bands) {
    for (int y = 0; y < band.rows; ++y) {
      bool any = false;
      for (int x = 0; x < band.width_bytes * 8; ++x) {
        if (!band.dot(x, y))
          continue;
        any = true;
        ++ink.dots;
        ink.leftmost = std::min(ink.leftmost, x);
        ink.rightmost = std::max(ink.rightmost, x);
      }
      if (any)
        ++ink.rows_with_ink;
    }
  }
  return ink;
}

test::DecodedPrint render(const Document& document, PaperWidth width) {
  const RasterEncodeResult result = encode_raster_mode(document, *shared_fonts().fonts, width);
  EXPECT_TRUE(result.ok()) << result.error;
  return test::decode_escpos(result.bytes);
}

TEST(RasterFonts, FindsTheSimplifiedChineseFaceByName) {
  KIOSK_REQUIRE_FONTS();
  SUCCEED();
}

TEST(RasterFonts, MissingFileOrFamilyIsAClearError) {
  RasterFontPaths paths;
  paths.bold = "/nonexistent/NotoSans-Bold.ttf";
  const RasterFontsLoad missing = RasterFonts::load(paths);
  EXPECT_EQ(missing.fonts, nullptr);
  EXPECT_THAT(missing.error, testing::HasSubstr("/nonexistent/NotoSans-Bold.ttf"));

  KIOSK_REQUIRE_FONTS();
  RasterFontPaths wrong_family;
  wrong_family.cjk_family = "Noto Sans CJK XX";
  const RasterFontsLoad load = RasterFonts::load(wrong_family);
  EXPECT_EQ(load.fonts, nullptr);
  EXPECT_THAT(load.error, testing::HasSubstr("Noto Sans CJK XX"));
}

TEST(RasterFonts, AFileThatIsNotAFontIsAnError) {
  RasterFontPaths paths;
  paths.regular = KIOSK_SOURCE_DIR "/CMakeLists.txt";
  const RasterFontsLoad load = RasterFonts::load(paths);
  EXPECT_EQ(load.fonts, nullptr);
  EXPECT_THAT(load.error, testing::HasSubstr("CMakeLists.txt"));
}

TEST(EscposRaster, EveryBandHasThePaperWidthAndTheRowLimit) {
  KIOSK_REQUIRE_FONTS();
  for (const PaperWidth width : {PaperWidth::mm80, PaperWidth::mm58}) {
    Document document;
    document.text("Ваш номер", TextStyle{TextSize::large, true, Align::center})
        .text("A042", TextStyle{TextSize::huge, true, Align::center})
        .text("Kø-lapp: blåbær, ÆØÅ")
        .text("您前面还有 3 人，预计等候约 10 分钟。")
        .rule()
        .qr("0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b")
        .feed(2)
        .cut();
    const test::DecodedPrint print = render(document, width);
    EXPECT_THAT(print.errors, IsEmpty());
    EXPECT_THAT(print.lines, IsEmpty());  // nothing goes through code pages
    ASSERT_GT(print.raster_images, 0);
    for (const test::RasterBand& band : print.raster_bands) {
      EXPECT_EQ(band.width_bytes * 8, paper_dots(width));
      EXPECT_LE(band.rows, kRasterBandRows);
    }
    const Ink ink = measure_ink(print);
    EXPECT_GT(ink.rows_with_ink, 100);
    EXPECT_LT(ink.rightmost, paper_dots(width));
    EXPECT_EQ(print.feeds, 2);
    EXPECT_TRUE(print.cut);
  }
}

TEST(EscposRaster, ChineseCyrillicAndNordicTextAllLeaveInk) {
  KIOSK_REQUIRE_FONTS();
  for (const char* text : {"号码", "Жё", "æøå", "A"}) {
    Document document;
    document.text(text);
    const Ink ink = measure_ink(render(document, PaperWidth::mm80));
    EXPECT_GT(ink.dots, 40) << text;
    EXPECT_GT(ink.rows_with_ink, 10) << text;
  }
}

TEST(EscposRaster, SizesScaleTheGlyphs) {
  KIOSK_REQUIRE_FONTS();
  Document normal;
  normal.text("8");
  Document huge;
  huge.text("8", TextStyle{TextSize::huge, false, Align::left});
  const Ink small_ink = measure_ink(render(normal, PaperWidth::mm80));
  const Ink big_ink = measure_ink(render(huge, PaperWidth::mm80));
  EXPECT_GE(big_ink.rows_with_ink, 2 * small_ink.rows_with_ink);
}

TEST(EscposRaster, CenteredTextSitsInTheMiddle) {
  KIOSK_REQUIRE_FONTS();
  Document document;
  document.text("A042", TextStyle{TextSize::large, true, Align::center});
  const Ink ink = measure_ink(render(document, PaperWidth::mm80));
  const int middle = (ink.leftmost + ink.rightmost) / 2;
  EXPECT_NEAR(middle, 288, 12);
}

TEST(EscposRaster, LongTextWrapsIntoMoreRows) {
  KIOSK_REQUIRE_FONTS();
  Document one_line;
  one_line.text("short");
  Document wrapped;
  wrapped.text(
      "If you are not satisfied with our final answer, you can bring the complaint to the Norwegian "
      "Financial Services Complaints Board.");
  EXPECT_GT(render(wrapped, PaperWidth::mm58).raster_rows,
            3 * render(one_line, PaperWidth::mm58).raster_rows);
}

TEST(EscposRaster, QrIsASquareOfDarkModulesCentred) {
  KIOSK_REQUIRE_FONTS();
  Document document;
  document.qr("T-0193a1b2");
  const test::DecodedPrint print = render(document, PaperWidth::mm80);
  const Ink ink = measure_ink(print);
  ASSERT_GT(ink.dots, 0);
  const int width = ink.rightmost - ink.leftmost + 1;
  EXPECT_EQ(width, ink.rows_with_ink);  // finder patterns span the full symbol both ways
  EXPECT_NEAR((ink.leftmost + ink.rightmost) / 2, 288, 6);
}

TEST(EscposRaster, OversizedQrIsAnError) {
  KIOSK_REQUIRE_FONTS();
  Document document;
  document.qr(std::string(2400, 'q'));
  const RasterEncodeResult result = encode_raster_mode(document, *shared_fonts().fonts, PaperWidth::mm80);
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.bytes, IsEmpty());
}

}  // namespace
}  // namespace kiosk::print
