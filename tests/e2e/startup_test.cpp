// Start-up against real files: a damaged database is moved aside and the kiosk serves; a database that
// cannot be opened puts the kiosk out of service with the reason for staff, and nothing is deleted.
#include <gtest/gtest.h>

#include <fstream>

#include "app/startup.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"
#include "ui_harness.hpp"

namespace kiosk::test {
namespace {

app::StartupOptions options_for(const std::filesystem::path& data_dir) {
  app::StartupOptions options;
  options.data_dir = data_dir;
  options.log_to_file = false;
  return options;
}

TEST(Startup, FreshDataFolderGetsAStoreAndCatalogs) {
  TempDir dir("startup");
  auto startup = app::prepare_startup(app::default_config(), options_for(dir.path() / "data"));
  ASSERT_NE(startup.store, nullptr);
  EXPECT_FALSE(startup.out_of_service_reason);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "data" / "kiosk.db"));
  EXPECT_NE(startup.catalogs.for_language("ru").tr("Start over"), "Start over");
}

TEST(Startup, DamagedDatabaseIsMovedAsideKeptAndTheKioskServes) {
  TempDir dir("startup");
  const auto data = dir.path() / "data";
  std::filesystem::create_directories(data);
  const std::string garbage = "this is not a database, but somebody's data";
  std::ofstream(data / "kiosk.db", std::ios::binary) << garbage;

  auto startup = app::prepare_startup(app::default_config(), options_for(data));
  ASSERT_NE(startup.store, nullptr);
  EXPECT_FALSE(startup.out_of_service_reason);
  bool kept = false;
  for (const auto& entry : std::filesystem::directory_iterator(data)) {
    if (entry.path().filename().string().starts_with("kiosk.db.corrupt-")) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      kept = content == garbage;
    }
  }
  EXPECT_TRUE(kept) << "the damaged file was not kept byte for byte";
}

TEST(Startup, UnusableDataFolderPutsTheKioskOutOfServiceWithTheReasonForStaff) {
  TempDir dir("startup");
  const auto blocker = dir.path() / "not-a-folder";
  std::ofstream(blocker) << "a file where the data folder should be";
  auto startup = app::prepare_startup(app::default_config(), options_for(blocker / "data"));
  EXPECT_EQ(startup.store, nullptr);
  ASSERT_TRUE(startup.out_of_service_reason);
  EXPECT_NE(startup.out_of_service_reason->find("not-a-folder"), std::string::npos)
      << *startup.out_of_service_reason;

  UiHarness ui;
  ui.app().enter_out_of_service(*startup.out_of_service_reason);
  ui.kiosk().runner().settle();
  EXPECT_EQ(ui.vm().screen, app::ScreenId::out_of_service);
  const auto* staff = ui.widgets().find("out_of_service.staff");
  ASSERT_NE(staff, nullptr);
  EXPECT_NE(staff->text.find("not-a-folder"), std::string::npos);
  EXPECT_EQ(ui.widgets().find("attract.start"), nullptr);
  EXPECT_EQ(ui.widgets().find("bar.start_over"), nullptr);
}

}  // namespace
}  // namespace kiosk::test
