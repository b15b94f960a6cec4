// Every screen in every language at every shipped size: rendered for real, written to PNG (in the
// build tree, to look at), non-blank, no clipped text, unique widget ids, nothing off screen, and
// every tappable target at least the touch minimum.
#include <gtest/gtest.h>

#include <set>

#include "app/screen_id.hpp"
#include "ui/layout.hpp"
#include "ui_harness.hpp"

namespace kiosk::test {
namespace {

struct ScreenCase {
  app::ScreenId screen;
  std::string language;
  int width;
  int height;
  bool accessibility;
  bool idle_warning;

  std::string name() const {
    return std::string(app::screen_key(screen)) + (idle_warning ? "_idle" : "") +
           (accessibility ? "_a11y" : "") + "_" + (language == "zh-Hans" ? std::string("zhHans") : language) +
           "_" + std::to_string(width) + "x" + std::to_string(height);
  }
};

std::vector<ScreenCase> all_cases() {
  std::vector<ScreenCase> cases;
  const std::vector<std::pair<int, int>> sizes{{1920, 1080}, {1080, 1920}, {800, 480}};
  for (const auto& language : domain::supported_languages()) {
    for (const auto& [width, height] : sizes) {
      for (const auto screen : app::all_screens()) {
        cases.push_back({screen, std::string(language.tag), width, height, false, false});
      }
      cases.push_back({app::ScreenId::home, std::string(language.tag), width, height, false, true});
      cases.push_back({app::ScreenId::home, std::string(language.tag), width, height, true, false});
      cases.push_back({app::ScreenId::language, std::string(language.tag), width, height, true, false});
      // Check-in is not offered on the ATM profile (800x480), so its accessibility variant is checked on the
      // branch sizes only.
      if (width != 800) {
        cases.push_back(
            {app::ScreenId::checkin_ticket, std::string(language.tag), width, height, true, false});
      }
      cases.push_back(
          {app::ScreenId::complaint_details, std::string(language.tag), width, height, true, false});
    }
  }
  return cases;
}

std::size_t distinct_colours(const platform::SurfaceTarget& surface, std::size_t enough) {
  std::set<std::uint32_t> colours;
  for (int y = 0; y < surface.height(); y += 3) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(surface.pixels() + y * surface.pitch());
    for (int x = 0; x < surface.width(); x += 3) {
      colours.insert(row[x]);
      if (colours.size() >= enough) {
        return colours.size();
      }
    }
  }
  return colours.size();
}

bool is_flow_screen(app::ScreenId screen) {
  return screen != app::ScreenId::attract && screen != app::ScreenId::language &&
         screen != app::ScreenId::home && screen != app::ScreenId::out_of_service;
}

// Flow screens are reached by the intents a customer's taps emit (real store, real desk); the others
// are set directly.
void show(UiHarness& ui, const ScreenCase& param) {
  if (is_flow_screen(param.screen)) {
    ASSERT_TRUE(ui.drive_to(param.screen, param.language))
        << "could not reach " << app::screen_key(param.screen);
    if (param.accessibility) {
      ASSERT_TRUE(ui.tap("bar.accessibility"));
    }
    return;
  }
  ui.app().preview(param.screen, param.language, param.accessibility, param.idle_warning,
                   ui.clock().steady_now());
  ui.kiosk().runner().settle();
}

void PrintTo(const ScreenCase& screen_case, std::ostream* out) {
  *out << screen_case.name();
}

class Screens : public ::testing::TestWithParam<ScreenCase> {};

TEST_P(Screens, RenderCompletelyAndLegibly) {
  const auto& param = GetParam();
  UiHarness ui(param.width, param.height);
  show(ui, param);

  std::string error;
  const auto file = std::filesystem::current_path() / "screens" / (param.name() + ".png");
  ASSERT_TRUE(ui.kiosk().write_png(file, &error)) << error;
  EXPECT_GE(distinct_colours(ui.kiosk().surface(), 16), 16U) << "blank or nearly blank: " << file;

  const auto& widgets = ui.widgets();
  ASSERT_FALSE(widgets.widgets().empty());
  EXPECT_TRUE(widgets.duplicate_ids().empty()) << "duplicate id " << widgets.duplicate_ids().front();
  for (const auto* widget : widgets.clipped()) {
    ADD_FAILURE() << "clipped text in " << widget->id << ": \"" << widget->text << "\" (" << file << ")";
  }
  for (const auto* widget :
       widgets.off_screen(static_cast<float>(param.width), static_cast<float>(param.height))) {
    ADD_FAILURE() << widget->id << " leaves the screen (" << file << ")";
  }
  if (!param.idle_warning) {  // the idle warning is drawn over the screen on purpose
    for (const auto& [first, second] : widgets.overlapping()) {
      ADD_FAILURE() << first->id << " and " << second->id << " overlap (" << file << ")";
    }
  }
  const auto layout =
      ui::make_layout(static_cast<float>(param.width), static_cast<float>(param.height), false);
  for (const auto& widget : widgets.widgets()) {
    if (widget.tappable) {
      EXPECT_GE(widget.rect.w, layout.min_target - 0.5F) << widget.id;
      EXPECT_GE(widget.rect.h, layout.min_target - 0.5F) << widget.id;
    }
    EXPECT_FALSE(widget.text.empty() && !widget.tappable) << widget.id << " shows no text";
  }
  if (param.idle_warning) {
    EXPECT_NE(widgets.find("idle.more_time"), nullptr);
  }
}

INSTANTIATE_TEST_SUITE_P(AllScreens, Screens, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<ScreenCase>& case_info) {
                           return case_info.param.name();
                         });

TEST(ScreenIds, StayTheSameInEveryLanguage) {
  std::map<app::ScreenId, std::vector<std::string>> first_ids;
  for (const auto& language : domain::supported_languages()) {
    UiHarness ui(1920, 1080);
    for (const auto screen : app::all_screens()) {
      show(ui, {screen, std::string(language.tag), 1920, 1080, false, false});
      std::vector<std::string> ids;
      for (const auto& widget : ui.widgets().widgets()) {
        // Keyboard keys follow the language's alphabet by design; every other id must not.
        if (widget.id.find(".keyboard.key.") == std::string::npos)
          ids.push_back(widget.id);
      }
      auto [it, inserted] = first_ids.emplace(screen, ids);
      if (!inserted) {
        EXPECT_EQ(it->second, ids) << "widget ids of " << app::screen_key(screen) << " change with language "
                                   << language.tag;
      }
    }
  }
}

}  // namespace
}  // namespace kiosk::test
