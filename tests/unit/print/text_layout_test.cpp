#include "print/text_layout.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "print/document.hpp"

namespace kiosk::print {
namespace {

std::vector<std::string> wrap(std::string_view utf8, int columns) {
  std::vector<std::string> out;
  for (const auto& line :
       wrap_lines(decode_utf8(utf8), columns, [](char32_t c) { return display_columns(c); })) {
    out.push_back(encode_utf8(line));
  }
  return out;
}

TEST(TextLayout, WrapsAtSpacesAndDropsTheSpace) {
  EXPECT_THAT(wrap("the quick brown fox jumps", 10), testing::ElementsAre("the quick", "brown fox", "jumps"));
}

TEST(TextLayout, ShortTextStaysOnOneLine) {
  EXPECT_THAT(wrap("Queue ticket", 48), testing::ElementsAre("Queue ticket"));
}

TEST(TextLayout, CutsAWordLongerThanALine) {
  EXPECT_THAT(wrap("abcdefghijklmnop qr", 6), testing::ElementsAre("abcdef", "ghijkl", "mnop", "qr"));
}

TEST(TextLayout, ForcedBreaksAndEmptyParagraphsArePreserved) {
  EXPECT_THAT(wrap("one\n\ntwo", 10), testing::ElementsAre("one", "", "two"));
}

TEST(TextLayout, CountsCyrillicAndNordicLettersAsOneColumnEach) {
  // 10 Cyrillic letters are 20 bytes but 10 columns.
  EXPECT_THAT(wrap("Пожалуйста подождите", 10), testing::ElementsAre("Пожалуйста", "подождите"));
  EXPECT_THAT(wrap("blåbærsyltetøy", 14), testing::ElementsAre("blåbærsyltetøy"));
}

TEST(TextLayout, CjkCharactersCountTwoColumnsAndBreakAnywhere) {
  EXPECT_EQ(display_columns(U'号'), 2);
  EXPECT_EQ(display_columns(U'A'), 1);
  EXPECT_EQ(display_columns(U"您的号码"), 8);
  // 10 characters, 20 columns, 8 columns per line.
  EXPECT_THAT(wrap("请在等候区稍候片刻谢", 8), testing::ElementsAre("请在等候", "区稍候片", "刻谢"));
}

TEST(TextLayout, ClosingPunctuationNeverStartsALine) {
  const auto lines = wrap("请在等候，谢谢", 8);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0], "请在等");
  EXPECT_EQ(lines[1], "候，谢谢");
}

TEST(TextLayout, NoLineExceedsTheWidth) {
  const std::string text = "Ваш номер A042. 您前面还有 3 人。 Estimated wait about 10 minutes, blåbær øl.";
  for (int columns = 4; columns <= 48; ++columns) {
    for (const std::string& line : wrap(text, columns)) {
      EXPECT_LE(display_columns(decode_utf8(line)), columns) << line;
    }
  }
}

TEST(TextLayout, IllFormedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(decode_utf8("a\xFF"
                        "b"),
            U"a\uFFFDb");
  EXPECT_EQ(decode_utf8("\xC0\xAF"), U"\uFFFD\uFFFD");            // overlong '/'
  EXPECT_EQ(decode_utf8("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(encode_utf8(decode_utf8("æøå 号 €")), "æøå 号 €");
}

TEST(Document, DropsControlCharactersSoTextCannotInjectCommands) {
  Document document;
  document.text(
      "A\x1B@B\tC\r\nD\x1D"
      "V\x7F");
  const auto& block = std::get<TextBlock>(document.blocks().at(0));
  EXPECT_EQ(block.utf8, "A@B C\nDV");
}

TEST(Document, ClampsFeeds) {
  Document document;
  document.feed(-3).feed(1000);
  EXPECT_EQ(std::get<FeedBlock>(document.blocks()[0]).lines, 0);
  EXPECT_EQ(std::get<FeedBlock>(document.blocks()[1]).lines, 255);
}

}  // namespace
}  // namespace kiosk::print
