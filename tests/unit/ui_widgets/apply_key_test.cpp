// apply_key: the pure editing rules behind the on-screen keyboard.
#include <gtest/gtest.h>

#include "ui/widgets/keyboard.hpp"

namespace kiosk::ui {
namespace {

using Kind = KeyAction::Kind;

KeyAction insert(std::string text) {
  return {Kind::insert, std::move(text)};
}

TEST(ApplyKey, InsertsAndReleasesShiftAfterOneLetter) {
  std::string text;
  KeyboardState state{KeyboardLayout::en, true};
  EXPECT_TRUE(apply_key(text, state, insert("H"), 10));
  EXPECT_FALSE(state.shifted);
  EXPECT_TRUE(apply_key(text, state, insert("i"), 10));
  EXPECT_TRUE(apply_key(text, state, {Kind::space, ""}, 10));
  EXPECT_EQ(text, "Hi ");
}

TEST(ApplyKey, ShiftTogglesAndSpaceKeepsIt) {
  std::string text;
  KeyboardState state;
  EXPECT_TRUE(apply_key(text, state, {Kind::toggle_shift, ""}, 10));
  EXPECT_TRUE(state.shifted);
  apply_key(text, state, {Kind::space, ""}, 10);
  EXPECT_TRUE(state.shifted);
  EXPECT_TRUE(apply_key(text, state, {Kind::toggle_shift, ""}, 10));
  EXPECT_FALSE(state.shifted);
}

TEST(ApplyKey, BackspaceRemovesOneWholeCodePoint) {
  KeyboardState state;
  struct Case {
    std::string before;
    std::string after;
  };
  const Case cases[] = {
      {"ab", "a"},         {"Привет", "Приве"},  // 2-byte Cyrillic
      {"blåbær", "blåbæ"},                       // 1 byte
      {"blå", "bl"},                             // 2-byte å
      {"ёЁ", "ё"},         {"hi😀", "hi"},        // 4-byte emoji
      {"你好", "你"},                            // 3-byte CJK from an IME
      {"x\xE4\xBD", "x"},                        // a truncated 3-byte sequence goes as one piece
      {"x\x80", "x"},                            // a stray continuation byte
  };
  for (const auto& test : cases) {
    std::string text = test.before;
    EXPECT_TRUE(apply_key(text, state, {Kind::backspace, ""}, 100)) << test.before;
    EXPECT_EQ(text, test.after) << test.before;
  }
  std::string empty;
  EXPECT_FALSE(apply_key(empty, state, {Kind::backspace, ""}, 100));
  EXPECT_EQ(empty, "");
}

TEST(ApplyKey, MaxLengthCountsCodePointsNotBytes) {
  KeyboardState state;
  std::string text = "жжж";  // 3 code points, 6 bytes
  EXPECT_TRUE(apply_key(text, state, insert("ё"), 4));
  EXPECT_EQ(count_code_points(text), 4U);
  EXPECT_FALSE(apply_key(text, state, insert("a"), 4));
  EXPECT_FALSE(apply_key(text, state, {Kind::space, ""}, 4));
  EXPECT_EQ(text, "жжжё");
}

TEST(ApplyKey, LongImeTextIsCutAtWholeCodePoints) {
  KeyboardState state;
  std::string text = "a";
  EXPECT_TRUE(apply_key(text, state, insert("你好世界😀"), 4));
  EXPECT_EQ(text, "a你好世");
  text = "ab";
  EXPECT_TRUE(apply_key(text, state, insert(".com"), 4));
  EXPECT_EQ(text, "ab.c");
}

TEST(ApplyKey, EmojiCountsAsOneCodePoint) {
  KeyboardState state;
  std::string text;
  EXPECT_TRUE(apply_key(text, state, insert("😀"), 1));
  EXPECT_EQ(text, "😀");
  EXPECT_FALSE(apply_key(text, state, insert("😀"), 1));
  EXPECT_TRUE(apply_key(text, state, {Kind::backspace, ""}, 1));
  EXPECT_EQ(text, "");
}

TEST(ApplyKey, DoneAndNextLayoutLeaveTheTextAlone) {
  KeyboardState state{KeyboardLayout::ru, true};
  std::string text = "да";
  EXPECT_FALSE(apply_key(text, state, {Kind::done, ""}, 10));
  EXPECT_FALSE(apply_key(text, state, {Kind::next_layout, ""}, 10));
  EXPECT_EQ(text, "да");
  EXPECT_TRUE(state.shifted);
  EXPECT_EQ(state.layout, KeyboardLayout::ru);
}

TEST(ApplyKey, ZeroMaxAcceptsNothing) {
  KeyboardState state;
  std::string text;
  EXPECT_FALSE(apply_key(text, state, insert("a"), 0));
  EXPECT_EQ(text, "");
}

TEST(CountCodePoints, CountsMixedScripts) {
  EXPECT_EQ(count_code_points(""), 0U);
  EXPECT_EQ(count_code_points("aæжё你😀"), 6U);
}

}  // namespace
}  // namespace kiosk::ui
