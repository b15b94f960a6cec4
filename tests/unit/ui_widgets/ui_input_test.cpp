// UiInput: hardware keys reach ImGui one transition per frame and are collected for the focused field.
#include <SDL.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include "ui/ui_input.hpp"

namespace kiosk::ui {
namespace {

using Kind = platform::InputEvent::Kind;

platform::InputEvent key(Kind kind, int code) {
  platform::InputEvent event;
  event.kind = kind;
  event.key = code;
  return event;
}

platform::InputEvent text(std::string utf8) {
  platform::InputEvent event;
  event.kind = Kind::text;
  event.text = std::move(utf8);
  return event;
}

class UiInputTest : public ::testing::Test {
 protected:
  UiInputTest() : m_context(ImGui::CreateContext()) {}
  ~UiInputTest() override { ImGui::DestroyContext(m_context); }
  ImGuiIO& io() { return ImGui::GetIO(); }
  bool key_down(ImGuiKey which) { return io().KeysDown[io().KeyMap[which]]; }

 private:
  ImGuiContext* m_context;
};

TEST_F(UiInputTest, BackspaceGoesDownAndUpInSeparateFrames) {
  UiInput input;
  input.push(key(Kind::key_down, SDLK_BACKSPACE));
  input.push(key(Kind::key_up, SDLK_BACKSPACE));
  const auto first = input.apply(io());
  EXPECT_TRUE(first.any);
  EXPECT_EQ(first.typed.backspaces, 1);
  EXPECT_TRUE(key_down(ImGuiKey_Backspace));
  EXPECT_TRUE(input.has_pending());
  const auto second = input.apply(io());
  EXPECT_EQ(second.typed.backspaces, 0);
  EXPECT_FALSE(key_down(ImGuiKey_Backspace));
  EXPECT_FALSE(input.has_pending());
}

TEST_F(UiInputTest, EveryMappedKeyReachesItsImGuiKey) {
  struct Case {
    int sdl;
    ImGuiKey imgui;
  };
  const Case cases[] = {{SDLK_RETURN, ImGuiKey_Enter},     {SDLK_KP_ENTER, ImGuiKey_KeyPadEnter},
                        {SDLK_TAB, ImGuiKey_Tab},          {SDLK_LEFT, ImGuiKey_LeftArrow},
                        {SDLK_RIGHT, ImGuiKey_RightArrow}, {SDLK_UP, ImGuiKey_UpArrow},
                        {SDLK_DOWN, ImGuiKey_DownArrow},   {SDLK_DELETE, ImGuiKey_Delete},
                        {SDLK_ESCAPE, ImGuiKey_Escape},    {SDLK_HOME, ImGuiKey_Home},
                        {SDLK_END, ImGuiKey_End},          {SDLK_BACKSPACE, ImGuiKey_Backspace}};
  UiInput input;
  for (const auto& test : cases) {
    input.push(key(Kind::key_down, test.sdl));
    input.apply(io());
    EXPECT_TRUE(key_down(test.imgui)) << test.sdl;
    input.push(key(Kind::key_up, test.sdl));
    input.apply(io());
    EXPECT_FALSE(key_down(test.imgui)) << test.sdl;
  }
}

TEST_F(UiInputTest, TypedInputCollectsTextAndKeys) {
  UiInput input;
  input.push(text("Привет "));
  input.push(text("你好"));
  input.push(key(Kind::key_down, SDLK_RETURN));
  const auto applied = input.apply(io());
  EXPECT_EQ(applied.typed.text, "Привет 你好");
  EXPECT_TRUE(applied.typed.enter);
  EXPECT_FALSE(applied.typed.tab);
  EXPECT_EQ(io().InputQueueCharacters.Size, 9);  // 7 Cyrillic and space, 2 CJK
}

TEST_F(UiInputTest, KeyRepeatCountsEveryPressWithoutExtraTransitions) {
  UiInput input;
  for (int i = 0; i < 3; ++i)
    input.push(key(Kind::key_down, SDLK_BACKSPACE));
  input.push(key(Kind::key_up, SDLK_BACKSPACE));
  int backspaces = 0;
  for (int frame = 0; frame < 5 && input.has_pending(); ++frame)
    backspaces += input.apply(io()).typed.backspaces;
  EXPECT_EQ(backspaces, 3);
  EXPECT_FALSE(key_down(ImGuiKey_Backspace));
}

TEST_F(UiInputTest, UnmappedKeysAreIgnored) {
  UiInput input;
  input.push(key(Kind::key_down, SDLK_a));
  input.push(key(Kind::key_down, SDLK_F5));
  const auto applied = input.apply(io());
  EXPECT_TRUE(applied.typed.empty());
  EXPECT_FALSE(input.has_pending());
}

TEST_F(UiInputTest, ArrowsAndEscapeAreReported) {
  UiInput input;
  input.push(key(Kind::key_down, SDLK_LEFT));
  auto applied = input.apply(io());
  EXPECT_EQ(applied.typed.arrow_x, -1);
  input.push(key(Kind::key_down, SDLK_ESCAPE));
  applied = input.apply(io());
  EXPECT_TRUE(applied.typed.escape);
}

TEST_F(UiInputTest, TapsStillTakeOneTransitionPerFrame) {
  UiInput input;
  platform::InputEvent down;
  down.kind = Kind::pointer_down;
  down.source = platform::PointerSource::touch;
  down.x = 10.0F;
  down.y = 20.0F;
  auto up = down;
  up.kind = Kind::pointer_up;
  input.push(down);
  input.push(key(Kind::key_down, SDLK_TAB));
  input.push(up);
  EXPECT_TRUE(input.apply(io()).pointer_down);
  EXPECT_TRUE(io().MouseDown[0]);
  EXPECT_TRUE(input.apply(io()).typed.tab);
  EXPECT_TRUE(io().MouseDown[0]);
  input.apply(io());
  EXPECT_FALSE(io().MouseDown[0]);
}

}  // namespace
}  // namespace kiosk::ui
