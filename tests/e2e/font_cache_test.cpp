// The on-disk font atlas cache must give exactly the pixels a fresh bake gives, and a damaged cache
// file must be baked over, never trusted.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "temp_dir.hpp"
#include "ui_harness.hpp"

namespace kiosk::test {
namespace {

struct Render {
  std::vector<unsigned char> pixels;
  ui::FontReport report;
};

Render render_home(const std::filesystem::path& cache_dir) {
  platform::SdlRuntime sdl(platform::SdlRuntime::Video::none);
  platform::ManualClock clock;
  const auto config = app::default_config();
  auto catalogs = shipped_catalogs(config.languages.enabled);
  auto fonts = test_font_request(catalogs, config);
  fonts.cache_dir = cache_dir;
  app::KioskApp kiosk_app(config, std::move(catalogs), clock.steady_now());
  ui::HeadlessKiosk kiosk(kiosk_app, clock, std::move(fonts), 1080, 1920);
  kiosk_app.preview(app::ScreenId::language, "zh-Hans", false, false, clock.steady_now());
  kiosk.runner().settle();
  const auto& surface = kiosk.surface();
  Render render;
  render.pixels.assign(surface.pixels(), surface.pixels() + surface.pitch() * surface.height());
  render.report = kiosk.runner().font_report();
  return render;
}

TEST(FontCache, CachedAtlasDrawsExactlyLikeAFreshBake) {
  TempDir cache("font-cache");
  const auto cold = render_home(cache.path());
  ASSERT_FALSE(cold.report.from_cache) << cold.report.problem;
  ASSERT_FALSE(cold.report.fallback_font) << cold.report.problem;
  ASSERT_TRUE(std::filesystem::exists(cold.report.cache_file)) << cold.report.problem;
  const auto warm = render_home(cache.path());
  EXPECT_TRUE(warm.report.from_cache) << warm.report.problem;
  EXPECT_EQ(warm.report.cache_file, cold.report.cache_file);
  EXPECT_TRUE(cold.pixels == warm.pixels) << "cached atlas renders differently";
}

TEST(FontCache, DamagedCacheIsRebakedNotTrusted) {
  TempDir cache("font-cache");
  const auto cold = render_home(cache.path());
  ASSERT_TRUE(std::filesystem::exists(cold.report.cache_file));
  const auto size = std::filesystem::file_size(cold.report.cache_file);
  std::filesystem::resize_file(cold.report.cache_file, size / 2);
  const auto again = render_home(cache.path());
  EXPECT_FALSE(again.report.from_cache);
  EXPECT_TRUE(cold.pixels == again.pixels);
  EXPECT_EQ(std::filesystem::file_size(cold.report.cache_file), size) << "the damaged file was not replaced";

  std::ofstream(cold.report.cache_file, std::ios::binary | std::ios::trunc) << "BKATLAS2 garbage";
  const auto garbage = render_home(cache.path());
  EXPECT_FALSE(garbage.report.from_cache);
  EXPECT_TRUE(cold.pixels == garbage.pixels);
}

// Content from head office arrives after the atlas was baked; its characters must be drawable once it is
// in use (a survey whose Chinese title uses characters no catalog or shipped file has).
TEST(FontCache, ContentFromHeadOfficeBringsItsGlyphsIntoTheAtlas) {
  UiHarness ui;
  const auto before = ui.kiosk().runner().font_report().glyph_count;
  std::ifstream in(std::filesystem::path(KIOSK_ASSETS_DIR) / "surveys" / "visit.json");
  std::string survey((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string shipped_title = "评价您的到访";
  const auto at = survey.find(shipped_title);
  ASSERT_NE(at, std::string::npos);
  survey.replace(at, shipped_title.size(), "猫狗熊到访");
  ui.services().content_updates->offer({"surveys", "{\"visit\":" + survey + "}", 2, "surveys/all v2"});
  ui.wait(std::chrono::seconds{1});  // on the attract screen: the app adopts it at the next tick
  EXPECT_EQ(ui.app().content_generation(), 1U);
  EXPECT_GE(ui.kiosk().runner().font_report().glyph_count, before + 3) << "猫, 狗 and 熊 were baked";
}

}  // namespace
}  // namespace kiosk::test
