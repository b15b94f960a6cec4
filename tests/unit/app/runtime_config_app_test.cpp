// A config bundle reaching the running kiosk: handed over through PendingContent like content, applied by
// KioskApp only between customers, and given to every holder of a setting (the app's idle timer, the desk's
// complaint rules, staff mode's PIN slots). Real store file, real desk, staff desk and KioskApp; PINs
// checked against real PBKDF2 hashes.

#include <gtest/gtest.h>

#include <thread>

#include "app/kiosk_app.hpp"
#include "app/runtime_config.hpp"
#include "app/staff_desk.hpp"
#include "desk_test.hpp"
#include "store/pin_hash.hpp"
#include "store/staff_audit_repository.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using domain::staff::StaffMode;
using test_support::DeskTest;

// PIN 2468 (tests/unit/store/pin_hash_test.cpp).
constexpr const char* k_manager_entry =
    "manager:manager:pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$"
    "3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";

class RuntimeConfigAppTest : public DeskTest {
 protected:
  using TimePoint = KioskApp::TimePoint;
  TimePoint start{};
  PendingContent pending;
  std::unique_ptr<StaffDesk> staff;
  std::unique_ptr<KioskApp> app;
  std::string teller_entry = "teller-1:teller:" + store::hash_pin("1357");

  void SetUp() override {
    config.staff.pin_hashes = {k_manager_entry};
    DeskTest::SetUp();
    staff = std::make_unique<StaffDesk>(*store, config, desk->content(), clock, key_file(), dir / "exports");
    app = make_app();
  }

  void TearDown() override {
    app.reset();
    staff.reset();
  }

  std::unique_ptr<KioskApp> make_app() {
    std::vector<std::string> problems;
    auto made = std::make_unique<KioskApp>(
        config, LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems), start);
    made->attach(desk.get(), nullptr);
    made->attach_content_updates(&pending);
    made->attach_staff(staff.get());
    return made;
  }

  ContentUpdate bundle(const std::string& payload, std::uint64_t version = 1) {
    return ContentUpdate{"config", payload, version, "config/br-001 v" + std::to_string(version), "br-001"};
  }

  void send(Intent::Kind kind, TimePoint now, std::string argument = {}) {
    Intents intents;
    intents.emit(kind, std::move(argument));
    app->apply(intents, now);
  }

  // Opens the PIN pad, types `pin` and waits (bounded) for the verdict. True when staff mode opened.
  bool unlock_with(std::string_view pin) {
    staff->request_pin();
    for (char digit : pin)
      staff->type_digit(digit);
    staff->submit_pin();
    for (int i = 0; i < 1000 && staff->checking(); ++i) {
      std::this_thread::sleep_for(10ms);
      staff->poll();
    }
    EXPECT_FALSE(staff->checking()) << "the PIN check did not finish";
    const bool unlocked = staff->unlocked();
    staff->cancel_pin();
    return unlocked;
  }
};

TEST_F(RuntimeConfigAppTest, AConfigUpdateWaitsForTheCustomerThenChangesIdleTimeoutAndPinSlots) {
  send(Intent::Kind::start_session, start);
  ASSERT_EQ(app->session().screen, ScreenId::home);
  pending.offer(bundle(R"({"session": {"idle_timeout_seconds": 20, "idle_warning_seconds": 5},
                           "staff": {"pin_hashes": [")" +
                       teller_entry + R"("]}})"));

  // The customer keeps kiosk.toml's 45 s: at 30 s without a touch the session is still theirs.
  for (int second = 1; second <= 30; ++second)
    app->tick(start + std::chrono::seconds{second});
  EXPECT_EQ(app->session().screen, ScreenId::home) << "never changed under a customer";
  EXPECT_EQ(app->config().session.idle_timeout, 45s);
  EXPECT_TRUE(pending.has_updates());

  send(Intent::Kind::start_over, start + 31s);
  ASSERT_EQ(app->session().screen, ScreenId::attract);
  const auto generation = app->content_generation();
  EXPECT_TRUE(app->tick(start + 32s)) << "a config change asks for a frame";
  EXPECT_FALSE(pending.has_updates());
  EXPECT_EQ(app->config().session.idle_timeout, 20s);
  EXPECT_EQ(app->config().session.idle_warning, 5s);
  EXPECT_GT(app->content_generation(), generation) << "new text may need glyphs";

  // The next customer gets the new timer: the warning at 15 s, the wipe at 20 s.
  const auto next = start + 40s;
  send(Intent::Kind::start_session, next);
  app->tick(next + 14s);
  EXPECT_FALSE(app->view_model(next + 14s).idle_warning.visible);
  app->tick(next + 16s);
  EXPECT_TRUE(app->view_model(next + 16s).idle_warning.visible);
  app->tick(next + 21s);
  EXPECT_EQ(app->session().screen, ScreenId::attract) << "wiped after the bundle's 20 s";

  // Staff mode takes the bundle's slots: the teller's PIN opens it, the manager's no longer does.
  EXPECT_FALSE(unlock_with("2468"));
  EXPECT_TRUE(unlock_with("1357"));
  EXPECT_EQ(staff->actor().slot_id, "teller-1");
}

TEST_F(RuntimeConfigAppTest, StaffModeOpenedWithARemovedSlotClosesAndIsAudited) {
  const auto receipt = desk->submit_complaint(complaint("The card machine kept my card"));
  ASSERT_TRUE(receipt.ok());
  ASSERT_TRUE(unlock_with("2468"));
  ASSERT_EQ(staff->mode(), StaffMode::unlocked);
  ASSERT_TRUE(staff->reprint_acknowledgement(receipt.value->id));  // a new code now on the staff screen

  // A bundle that keeps the manager's slot leaves staff mode open.
  pending.offer(bundle(R"({"staff": {"pin_hashes": [")" + std::string(k_manager_entry) + R"(", ")" +
                       teller_entry + R"("]}})"));
  app->tick(start + 1s);
  EXPECT_EQ(staff->mode(), StaffMode::unlocked);

  // One without it closes staff mode at once (staff mode is no customer session: it does not wait).
  pending.offer(bundle(R"({"staff": {"pin_hashes": [")" + teller_entry + R"("]}})", 2));
  EXPECT_TRUE(app->tick(start + 2s));
  EXPECT_EQ(staff->mode(), StaffMode::closed);
  EXPECT_EQ(staff->dashboard(), nullptr) << "nothing of the dashboard stays behind";
  EXPECT_FALSE(staff->last_reprint()) << "nor the reprinted lookup code";
  const auto rows = store::StaffAuditRepository(store->database()).latest(1);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "staff_signed_out");
  EXPECT_EQ(rows[0].entry.who.slot_id, "manager");
  EXPECT_EQ(rows[0].entry.target, "pin_slots_replaced");
  const auto bodies = events("staff.action");
  ASSERT_FALSE(bodies.empty());
  EXPECT_EQ(bodies.back()["action"], "staff_signed_out");
  EXPECT_EQ(bodies.back()["target"], "pin_slots_replaced");
  EXPECT_FALSE(unlock_with("2468"));
}

TEST_F(RuntimeConfigAppTest, NoSlotsLeftClosesAnOpenPinPadAndTheCornerDoesNothing) {
  staff->request_pin();
  ASSERT_TRUE(staff->pin_pad_visible());
  pending.offer(bundle(R"({"staff": {"pin_hashes": []}})"));
  app->tick(start + 1s);
  EXPECT_FALSE(staff->pin_pad_visible());
  EXPECT_FALSE(staff->enabled()) << "staff mode cannot be opened without a slot";
  EXPECT_EQ(staff->tries_left(), 5) << "nothing counted as a wrong PIN";
}

TEST_F(RuntimeConfigAppTest, AStoredBundleAppliedAtStartReachesTheServicesAttachedLater) {
  // As the binary starts: the app takes the stored config bundles before the services are attached.
  std::vector<std::string> problems;
  app = std::make_unique<KioskApp>(config, LanguageCatalogs::load(KIOSK_ASSETS_DIR "/i18n", {"en"}, problems),
                                   start);
  app->update_runtime_config({bundle(R"({"staff": {"pin_hashes": [")" + teller_entry +
                                     R"("]}, "complaints": {"acknowledge_business_days": 3}})")});
  app->attach(desk.get(), nullptr);
  app->attach_staff(staff.get());
  EXPECT_TRUE(unlock_with("1357"));
  staff->sign_out();
  // The desk files complaints with the bundle's rules.
  const auto receipt = desk->submit_complaint(complaint("The card machine ate my card."));
  ASSERT_TRUE(receipt.ok());
  // Tuesday 10:00 + 3 business days is Friday; kiosk.toml's 1 day would be Wednesday.
  const auto* zone = date::locate_zone("Europe/Oslo");
  const auto local = date::floor<date::days>(zone->to_local(receipt.value->acknowledge_by));
  EXPECT_EQ(date::year_month_weekday(local).weekday(), date::Friday);
}

TEST_F(RuntimeConfigAppTest, ARefusedBundleChangesNothing) {
  pending.offer(bundle(R"({"session": {"idle_timeout_seconds": 20}, "sync": {"https_url": "https://x:1"}})"));
  EXPECT_FALSE(app->tick(start + 1s));
  EXPECT_FALSE(pending.has_updates()) << "refused once, not retried every frame";
  EXPECT_EQ(app->config(), config);
  EXPECT_TRUE(unlock_with("2468"));
}

}  // namespace
}  // namespace kiosk::app
