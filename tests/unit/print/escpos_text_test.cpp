#include "print/escpos_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "escpos_reader.hpp"
#include "print/text_layout.hpp"
#include "print_test_support.hpp"

namespace kiosk::print {
namespace {

using testing::ElementsAre;
using testing::IsEmpty;
using testing_support::contains_line;

test::DecodedPrint decode(const TextEncodeResult& result) {
  return test::decode_escpos(result.bytes);
}

bool contains_byte(const std::vector<std::byte>& bytes, char c) {
  return std::find(bytes.begin(), bytes.end(), static_cast<std::byte>(c)) != bytes.end();
}

TEST(CodePageForLanguage, PicksThePageOfEachKioskLanguage) {
  EXPECT_EQ(code_page_for_language("ru"), CodePage::cp866);
  EXPECT_EQ(code_page_for_language("nb"), CodePage::cp865);
  EXPECT_EQ(code_page_for_language("zh-Hans"), CodePage::gb18030);
  EXPECT_EQ(code_page_for_language("ZH-hans"), CodePage::gb18030);
  EXPECT_EQ(code_page_for_language("en"), CodePage::cp858);
  EXPECT_EQ(code_page_for_language("ru-RU"), CodePage::cp866);
  EXPECT_EQ(code_page_for_language(""), CodePage::cp858);
}

TEST(EscposText, EnglishRoundTripsWithStylesAndCut) {
  Document document;
  document.text("Your number", TextStyle{TextSize::normal, false, Align::center})
      .text("A042", TextStyle{TextSize::huge, true, Align::center})
      .text("Price 5 €")
      .cut();
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp858, PaperWidth::mm80);
  ASSERT_TRUE(result.ok()) << result.error;
  const test::DecodedPrint print = decode(result);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.lines, ElementsAre("Your number", "A042", "Price 5 €"));
  EXPECT_TRUE(print.line_styles[0].centered);
  EXPECT_EQ(print.line_styles[1].width, 3);
  EXPECT_EQ(print.line_styles[1].height, 3);
  EXPECT_TRUE(print.line_styles[1].bold);
  EXPECT_FALSE(print.line_styles[2].bold);
  EXPECT_FALSE(print.line_styles[2].centered);
  EXPECT_EQ(print.line_styles[2].width, 1);
  EXPECT_TRUE(print.cut);
  EXPECT_EQ(print.initializations, 1);
}

TEST(EscposText, RussianRoundTripsThroughCp866) {
  Document document;
  document.text("Ваш номер: Б-017").text("Перед вами 3 человека, ожидание около 12 минут.");
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp866, PaperWidth::mm80);
  ASSERT_TRUE(result.ok()) << result.error;
  const test::DecodedPrint print = decode(result);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.lines,
              ElementsAre("Ваш номер: Б-017", "Перед вами 3 человека, ожидание около 12 минут."));
  EXPECT_FALSE(contains_byte(result.bytes, '?'));
}

TEST(EscposText, NorwegianRoundTripsThroughCp865) {
  Document document;
  document.text("Kø-lapp for Bærum: Åpent, vennligst vent på tur. Øvrige spørsmål?");
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp865, PaperWidth::mm58);
  ASSERT_TRUE(result.ok()) << result.error;
  const test::DecodedPrint print = decode(result);
  EXPECT_THAT(print.errors, IsEmpty());
  // 58 mm paper: 32 columns.
  EXPECT_THAT(print.lines,
              ElementsAre("Kø-lapp for Bærum: Åpent,", "vennligst vent på tur. Øvrige", "spørsmål?"));
}

TEST(EscposText, ChineseRoundTripsThroughGb18030InChineseMode) {
  Document document;
  document.text("您的号码", TextStyle{TextSize::large, true, Align::center})
      .text("A042", TextStyle{TextSize::huge, true, Align::center})
      .text("您前面还有 3 人，预计等候约 10 分钟。请留意叫号屏幕，过号需重新取号。");
  const TextEncodeResult result = encode_text_mode(document, CodePage::gb18030, PaperWidth::mm80);
  ASSERT_TRUE(result.ok()) << result.error;
  const test::DecodedPrint print = decode(result);
  EXPECT_THAT(print.errors, IsEmpty());
  ASSERT_GE(print.lines.size(), 4U);
  EXPECT_EQ(print.lines[0], "您的号码");
  EXPECT_EQ(print.lines[1], "A042");
  // 48 columns, CJK counts 2: the sentence wraps, and every line fits.
  std::string joined;
  for (std::size_t i = 2; i < print.lines.size(); ++i) {
    EXPECT_LE(display_columns(decode_utf8(print.lines[i])), 48);
    joined += print.lines[i];
  }
  EXPECT_EQ(joined, "您前面还有 3 人，预计等候约 10 分钟。请留意叫号屏幕，过号需重新取号。");
  EXPECT_FALSE(print.chinese_mode_at_end);
}

TEST(EscposText, CharacterTheCodePageLacksIsReportedNeverQuestionMark) {
  Document document;
  document.text("Сумма: 5 € и 号");
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp866, PaperWidth::mm80);
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.missing, ElementsAre("€", "号"));
  EXPECT_THAT(result.bytes, IsEmpty());
  EXPECT_THAT(characters_missing_from(document, CodePage::cp866), ElementsAre("€", "号"));
}

TEST(EscposText, ChineseInNordicPageIsReportedOnceEach) {
  Document document;
  document.text("Velkommen 欢迎 欢迎");
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp865, PaperWidth::mm80);
  EXPECT_THAT(result.missing, ElementsAre("欢", "迎"));
}

TEST(EscposText, QuestionMarkItselfStillPrints) {
  Document document;
  document.text("Spørsmål?");
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp865, PaperWidth::mm80);
  ASSERT_TRUE(result.ok());
  EXPECT_THAT(decode(result).lines, ElementsAre("Spørsmål?"));
}

TEST(EscposText, QrPayloadRoundTrips) {
  const std::string id = "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b";
  Document document;
  document.qr(id).qr("https://bank.example/s?t=" + id);
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp858, PaperWidth::mm58);
  ASSERT_TRUE(result.ok()) << result.error;
  const test::DecodedPrint print = decode(result);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.qr_payloads, ElementsAre(id, "https://bank.example/s?t=" + id));
  EXPECT_GE(print.qr_module_sizes.at(0), 3);
}

TEST(EscposText, OversizedQrPayloadIsAnError) {
  Document document;
  document.qr(std::string(3000, 'x'));
  const TextEncodeResult result = encode_text_mode(document, CodePage::cp858, PaperWidth::mm80);
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.error, testing::HasSubstr("3000 bytes"));
}

TEST(EscposText, RuleSpansThePaperAndFeedsAreCommands) {
  Document document;
  document.rule().feed(3);
  const TextEncodeResult result = encode_text_mode(document, CodePage::pc437, PaperWidth::mm58);
  const test::DecodedPrint print = decode(result);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.lines, ElementsAre(std::string(32, '-')));
  EXPECT_EQ(print.feeds, 3);
}

TEST(EscposText, LargeTextWrapsAtHalfTheColumns) {
  Document document;
  document.text("Cash and payments service", TextStyle{TextSize::large, false, Align::left});
  const auto print = decode(encode_text_mode(document, CodePage::cp858, PaperWidth::mm80));
  EXPECT_THAT(print.lines, ElementsAre("Cash and payments", "service"));  // 24 columns
}

}  // namespace
}  // namespace kiosk::print
