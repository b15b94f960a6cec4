#include "domain/text/utf8.hpp"

#include <gtest/gtest.h>

#include "domain/text/localized_text.hpp"

namespace kiosk::domain {
namespace {

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(count_code_points(""), 0U);
  EXPECT_EQ(count_code_points("abc"), 3U);
  EXPECT_EQ(count_code_points("æøå"), 3U);
  EXPECT_EQ(count_code_points("Жалоба"), 6U);
  EXPECT_EQ(count_code_points("投诉"), 2U);
  EXPECT_EQ(count_code_points("\xF0\x9F\x98\x80"), 1U);  // an emoji, 4 bytes
}

TEST(Utf8, PopRemovesOneWholeCodePoint) {
  std::string text = "aø投\xF0\x9F\x98\x80";
  pop_code_point(text);
  EXPECT_EQ(text, "aø投");
  pop_code_point(text);
  EXPECT_EQ(text, "aø");
  pop_code_point(text);
  EXPECT_EQ(text, "a");
  pop_code_point(text);
  EXPECT_EQ(text, "");
  pop_code_point(text);
  EXPECT_EQ(text, "");
}

TEST(Utf8, PopOnIllFormedTailRemovesOneByte) {
  std::string text = "ab\x80\x80";
  pop_code_point(text);
  EXPECT_EQ(text, "ab\x80");
}

TEST(Utf8, ValidatesWellFormedness) {
  EXPECT_TRUE(is_valid_utf8("Hello, æøå, Привет, 你好"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\xE6\x8A"));       // truncated
}

TEST(Utf8, FirstCodePointsKeepsWholeCharacters) {
  EXPECT_EQ(first_code_points("投诉书", 2), "投诉");
  EXPECT_EQ(first_code_points("ab", 5), "ab");
}

TEST(LocalizedText, FallsBackToEnglishThenFirst) {
  LocalizedText text;
  EXPECT_EQ(text.in("nb"), "");
  text.set("ru", "Касса");
  EXPECT_EQ(text.in("nb"), "Касса");
  text.set("en", "Cash");
  EXPECT_EQ(text.in("nb"), "Cash");
  EXPECT_EQ(text.in("ru"), "Касса");
}

}  // namespace
}  // namespace kiosk::domain
