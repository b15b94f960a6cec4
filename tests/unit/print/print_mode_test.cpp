#include "print/print_mode.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "escpos_reader.hpp"
#include "print_test_support.hpp"

namespace kiosk::print {
namespace {

using testing::ElementsAre;
using testing::IsEmpty;
using testing_support::shared_fonts;

const RasterFonts* fonts() {
  return shared_fonts().fonts.get();
}

TEST(PrintMode, AutoUsesTextWhenTheCodePageCoversEverything) {
  KIOSK_REQUIRE_FONTS();
  Document document;
  document.text("Ваш номер Б-017");
  const EncodedDocument encoded =
      encode_document(document, "ru", PrintMode::auto_select, fonts(), PaperWidth::mm80);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  EXPECT_EQ(encoded.used, PrintMode::text);
  EXPECT_THAT(test::decode_escpos(encoded.bytes).lines, ElementsAre("Ваш номер Б-017"));
}

TEST(PrintMode, AutoFallsBackToRasterForACharacterTheCodePageLacks) {
  KIOSK_REQUIRE_FONTS();
  Document document;
  document.text("Velkommen, 欢迎");
  const EncodedDocument encoded =
      encode_document(document, "nb", PrintMode::auto_select, fonts(), PaperWidth::mm80);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  EXPECT_EQ(encoded.used, PrintMode::raster);
  EXPECT_THAT(encoded.missing, ElementsAre("欢", "迎"));
  const test::DecodedPrint print = test::decode_escpos(encoded.bytes);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_GT(print.raster_rows, 0);
  EXPECT_THAT(print.lines, IsEmpty());
}

TEST(PrintMode, TextModeRefusesInsteadOfPrintingQuestionMarks) {
  Document document;
  document.text("Итого 5 €");
  const EncodedDocument encoded = encode_document(document, "ru", PrintMode::text, nullptr, PaperWidth::mm80);
  EXPECT_FALSE(encoded.ok());
  EXPECT_THAT(encoded.bytes, IsEmpty());
  EXPECT_THAT(encoded.error, testing::HasSubstr("CP866 lacks €"));
}

TEST(PrintMode, ChineseTextModeUsesGb18030) {
  Document document;
  document.text("请取号");
  const EncodedDocument encoded =
      encode_document(document, "zh-Hans", PrintMode::text, nullptr, PaperWidth::mm58);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  EXPECT_THAT(test::decode_escpos(encoded.bytes).lines, ElementsAre("请取号"));
}

TEST(PrintMode, RasterModeDrawsChineseTicket) {
  KIOSK_REQUIRE_FONTS();
  Document document;
  document.text("您的号码").text("A042", TextStyle{TextSize::huge, true, Align::center}).qr("id-1").cut();
  const EncodedDocument encoded =
      encode_document(document, "zh-Hans", PrintMode::raster, fonts(), PaperWidth::mm80);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  EXPECT_EQ(encoded.used, PrintMode::raster);
  const test::DecodedPrint print = test::decode_escpos(encoded.bytes);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_GT(print.raster_rows, 100);
  EXPECT_TRUE(print.cut);
}

TEST(PrintMode, RasterWithoutFontsIsAnErrorNotACrash) {
  Document document;
  document.text("欢迎");
  const EncodedDocument encoded =
      encode_document(document, "nb", PrintMode::auto_select, nullptr, PaperWidth::mm80);
  EXPECT_FALSE(encoded.ok());
  EXPECT_THAT(encoded.error, testing::HasSubstr("fonts"));
}

}  // namespace
}  // namespace kiosk::print
