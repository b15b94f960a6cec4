// The reader is the oracle of the print tests, so it must itself reject what a printer would not take.
#include "escpos_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

namespace kiosk::test {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::SizeIs;

std::vector<std::byte> bytes(std::initializer_list<unsigned> values) {
  std::vector<std::byte> out;
  for (const unsigned v : values)
    out.push_back(static_cast<std::byte>(v));
  return out;
}

TEST(EscposReader, DecodesCodePageSwitchesWithinALine) {
  // ESC t 17 (CP866) 0x90 = 'Р'; ESC t 5 (CP865) 0x9B = 'ø'; LF.
  const auto print = decode_escpos(bytes({0x1B, '@', 0x1B, 't', 17, 0x90, 0x1B, 't', 5, 0x9B, 0x0A}));
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.lines, ElementsAre("Рø"));
}

TEST(EscposReader, UnknownCommandsAreErrors) {
  EXPECT_THAT(decode_escpos(bytes({0x1B, 'q', 0x0A})).errors, ElementsAre(HasSubstr("ESC 0x71")));
  EXPECT_THAT(decode_escpos(bytes({0x1D, 'Z', 0x0A})).errors, ElementsAre(HasSubstr("GS 0x5A")));
  EXPECT_THAT(decode_escpos(bytes({0x07, 0x0A})).errors, ElementsAre(HasSubstr("control byte 0x07")));
  EXPECT_THAT(decode_escpos(bytes({0x1B, 't', 99, 0x0A})).errors, ElementsAre(HasSubstr("code page")));
}

TEST(EscposReader, TruncatedParametersAreErrors) {
  EXPECT_THAT(decode_escpos(bytes({0x1B, 't'})).errors, ElementsAre(HasSubstr("truncated ESC t")));
  EXPECT_THAT(decode_escpos(bytes({0x1D, 'v', '0', 0, 72, 0, 2, 0, 0xFF})).errors,
              ElementsAre(HasSubstr("truncated GS v 0 image data")));
  EXPECT_THAT(decode_escpos(bytes({0x1D, '(', 'k', 10, 0, 49, 80, 48, 'a'})).errors,
              ElementsAre(HasSubstr("truncated GS ( k parameters")));
}

TEST(EscposReader, TextWithoutLineFeedIsAnError) {
  const auto print = decode_escpos(bytes({'a', 'b'}));
  EXPECT_THAT(print.errors, ElementsAre(HasSubstr("without a final LF")));
}

TEST(EscposReader, ReadsQrRasterAndCut) {
  const auto print = decode_escpos(bytes({0x1D, '(', 'k', 4, 0, 49, 65, 50, 0,           // model 2
                                          0x1D, '(', 'k', 3, 0, 49, 67, 6,               // size 6
                                          0x1D, '(', 'k', 3, 0, 49, 69, 49,              // level M
                                          0x1D, '(', 'k', 5, 0, 49, 80, 48, 'h',  'i',   // store "hi"
                                          0x1D, '(', 'k', 3, 0, 49, 81, 48,              // print
                                          0x1D, 'v', '0', 0, 1, 0,  2,  0,  0x80, 0x01,  // 8x2 image
                                          0x1D, 'V', 66,  0}));
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.qr_payloads, ElementsAre("hi"));
  EXPECT_THAT(print.qr_module_sizes, ElementsAre(6));
  ASSERT_THAT(print.raster_bands, SizeIs(1));
  EXPECT_TRUE(print.raster_bands[0].dot(0, 0));
  EXPECT_TRUE(print.raster_bands[0].dot(7, 1));
  EXPECT_FALSE(print.raster_bands[0].dot(1, 0));
  EXPECT_EQ(print.raster_rows, 2);
  EXPECT_TRUE(print.cut);
}

TEST(EscposReader, QrPrintWithoutStoredDataIsAnError) {
  EXPECT_THAT(decode_escpos(bytes({0x1D, '(', 'k', 3, 0, 49, 81, 48})).errors,
              ElementsAre(HasSubstr("without stored data")));
}

TEST(EscposReader, ChineseModeDecodesGb18030IncludingFourByteSequences) {
  // FS &, "号" (BA C5), "€" (A2 E3), "æ" (81 30 8A 33, four bytes), 'A', LF, FS .
  const auto print =
      decode_escpos(bytes({0x1C, '&', 0xBA, 0xC5, 0xA2, 0xE3, 0x81, 0x30, 0x8A, 0x33, 'A', 0x0A, 0x1C, '.'}));
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.lines, ElementsAre("号€æA"));
  EXPECT_FALSE(print.chinese_mode_at_end);
}

}  // namespace
}  // namespace kiosk::test
