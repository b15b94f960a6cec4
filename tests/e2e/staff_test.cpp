// Staff mode through the real UI, headless, with injected finger events: the 3-second corner hold, the
// PIN pad (right PIN, wrong PINs to the lockout), relocking after 2 idle minutes, reading a dashboard
// figure, and the CSV export parsed back.
#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "app/device_health.hpp"
#include "app/staff_desk.hpp"
#include "platform/input.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"
#include "ui_harness.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

// PIN 2468 (hash computed independently with Python's hashlib; see tests/unit/store/pin_hash_test.cpp).
constexpr const char* k_manager_entry =
    "manager:manager:pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$"
    "3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";

app::KioskConfig staff_config() {
  auto config = app::default_config();
  config.staff.pin_hashes = {k_manager_entry};
  return config;
}

// One finger held in the top-left corner for `hold`, then lifted.
void hold_corner(UiHarness& ui, std::chrono::milliseconds hold = 3s) {
  int width = 0;
  int height = 0;
  ui.kiosk().runner().pixel_size(width, height);
  platform::push_finger(true, 12.0F, 12.0F, width, height);
  ui.kiosk().runner().settle();
  ui.wait(hold);
  platform::push_finger(false, 12.0F, 12.0F, width, height);
  ui.kiosk().runner().settle();
}

void tap_pin(UiHarness& ui, std::string_view pin) {
  for (char digit : pin) {
    ASSERT_TRUE(ui.tap("staff.pin.key." + std::string(1, digit))) << digit;
  }
  ASSERT_TRUE(ui.tap("staff.pin.submit"));
  // The hash is checked on a worker thread (real time); the loop polls it as the kiosk's loop would.
  for (int i = 0; i < 500 && ui.vm().staff_pin.checking; ++i) {
    std::this_thread::sleep_for(10ms);
    ui.wait(0ms);
  }
  ASSERT_FALSE(ui.vm().staff_pin.checking);
}

// Writes the screen to build/.../screens/staff_live_<name>.png and checks that every text fits and
// nothing overlaps, as the screens test does for the previews (here with real figures in the tabs).
void check_legible(UiHarness& ui, const std::string& name) {
  std::string error;
  const auto file = std::filesystem::current_path() / "screens" / ("staff_live_" + name + ".png");
  ASSERT_TRUE(ui.kiosk().write_png(file, &error)) << error;
  for (const auto* widget : ui.widgets().clipped()) {
    ADD_FAILURE() << "clipped text in " << widget->id << ": \"" << widget->text << "\" (" << file << ")";
  }
  for (const auto& [first, second] : ui.widgets().overlapping()) {
    ADD_FAILURE() << first->id << " and " << second->id << " overlap (" << file << ")";
  }
}

app::ComplaintSubmission complaint_about(std::string description) {
  app::ComplaintSubmission complaint;
  complaint.product_id = "branch_service";
  complaint.issue_id = "wait_time";
  complaint.description = std::move(description);
  complaint.language = "en";
  return complaint;
}

// Two tickets waiting and one open complaint, so every tab has something to show.
void add_branch_activity(UiHarness& ui) {
  ASSERT_TRUE(ui.services().desk->issue_ticket("cash", "en").ok());
  ASSERT_TRUE(ui.services().desk->issue_ticket("cash", "en").ok());
  ASSERT_TRUE(
      ui.services().desk->submit_complaint(complaint_about("The queue did not move for an hour.")).ok());
}

class Staff : public ::testing::Test {
 protected:
  UiHarness ui{1920, 1080, staff_config()};

  void hold_corner(std::chrono::milliseconds hold = 3s) { test::hold_corner(ui, hold); }
  void tap_pin(std::string_view pin) { test::tap_pin(ui, pin); }
  void check_legible(const std::string& name) { test::check_legible(ui, name); }

  std::string text_of(std::string_view id) {
    const auto* widget = ui.widgets().find(id);
    return widget != nullptr ? widget->text : std::string("<no widget ") + std::string(id) + ">";
  }
};

TEST_F(Staff, AShortPressDoesNothingAndThreeSecondsOpenThePinPad) {
  hold_corner(2900ms);
  EXPECT_NE(ui.vm().screen, app::ScreenId::staff_pin);
  ui.app().preview(app::ScreenId::attract, "en", false, false, ui.clock().steady_now());
  ui.kiosk().runner().settle();
  hold_corner();
  EXPECT_EQ(ui.vm().screen, app::ScreenId::staff_pin);
  EXPECT_NE(ui.widgets().find("staff.pin.key.5"), nullptr);
  // The lifted finger did not start a customer session behind the PIN pad.
  EXPECT_TRUE(ui.tap("staff.pin.cancel"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);
}

TEST_F(Staff, HoldingAHomeScreenCornerEndsTheCustomerSessionFirst) {
  ASSERT_TRUE(ui.tap("attract.start"));
  ASSERT_TRUE(ui.tap("bar.language"));
  ASSERT_TRUE(ui.tap("language.choice.nb"));
  ASSERT_EQ(ui.vm().screen, app::ScreenId::home);
  hold_corner();
  ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_pin);
  EXPECT_EQ(ui.app().session().language, "");  // the customer's choices are gone
  ASSERT_TRUE(ui.tap("staff.pin.cancel"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);
}

TEST_F(Staff, TheRightPinOpensTheDashboardWithTodaysFigures) {
  // The attract screen's loop rolled the closed days up before anyone asked (29 closed days of the trend).
  ui.wait(1s);
  store::Statement rolled_up(ui.store()->database(), "SELECT count(*) FROM dashboard_days");
  ASSERT_TRUE(rolled_up.step());
  EXPECT_EQ(rolled_up.column_int64(0), 29);
  add_branch_activity(ui);
  hold_corner();
  ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_pin);
  tap_pin("2468");
  ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_dashboard);
  EXPECT_EQ(text_of("staff.figure.waiting"), "2");
  check_legible("queue");
  ASSERT_TRUE(ui.tap("staff.tab.today"));
  EXPECT_EQ(text_of("staff.figure.check_ins"), "2");
  check_legible("today");
  ASSERT_TRUE(ui.tap("staff.tab.satisfaction"));
  check_legible("satisfaction");
  ASSERT_TRUE(ui.tap("staff.tab.complaints"));
  EXPECT_EQ(text_of("staff.figure.open"), "1");
  ASSERT_EQ(ui.vm().staff_dashboard.complaints.size(), 1U);
  EXPECT_NE(ui.widgets().find("staff.reprint." + ui.vm().staff_dashboard.complaints[0].id), nullptr);
  check_legible("complaints");
  ASSERT_TRUE(ui.tap("staff.tab.trend"));
  EXPECT_EQ(text_of("staff.figure.trend_total"), "2");
  check_legible("trend");

  ASSERT_TRUE(ui.tap("staff.dashboard.export"));
  const auto exports = ui.data_dir() / "exports";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(exports)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 2U);  // complaints and figures
  EXPECT_NE(text_of("staff.dashboard.status").find(files[1].filename().string()), std::string::npos);
  std::ifstream in(files[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  // Parse the RFC 4180 records back (no field here needs quotes) and find the check-in count.
  std::string line;
  bool found = false;
  int records = 0;
  for (std::size_t start = 0, end = 0; (end = text.str().find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    line = text.str().substr(start, end - start);
    ++records;
    if (line.starts_with("today,") && line.find(",,check_ins,") != std::string::npos) {
      EXPECT_TRUE(line.ends_with(",check_ins,2")) << line;
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_GT(records, 30);  // header, figures and 30 trend days

  ASSERT_TRUE(ui.tap("staff.dashboard.sign_out"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);
}

TEST_F(Staff, FiveWrongPinsLockThePinPad) {
  hold_corner();
  for (int attempt = 1; attempt <= 4; ++attempt) {
    tap_pin("1111");
    ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_pin);
    EXPECT_NE(text_of("staff.pin.message").find(std::to_string(5 - attempt)), std::string::npos)
        << text_of("staff.pin.message");
  }
  tap_pin("1111");
  const auto vm = ui.vm();
  ASSERT_EQ(vm.screen, app::ScreenId::staff_pin);
  EXPECT_TRUE(vm.staff_pin.locked);
  EXPECT_EQ(ui.widgets().find("staff.pin.key.1"), nullptr);  // no keys during the lockout
  EXPECT_NE(text_of("staff.pin.message").find("locked"), std::string::npos);
  ASSERT_TRUE(ui.tap("staff.pin.cancel"));
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);

  // The right PIN does not help while the lockout runs; after 5 minutes it does.
  hold_corner();
  EXPECT_TRUE(ui.vm().staff_pin.locked);
  ASSERT_TRUE(ui.tap("staff.pin.cancel"));
  ui.wait(5min);
  hold_corner();
  ASSERT_FALSE(ui.vm().staff_pin.locked);
  tap_pin("2468");
  EXPECT_EQ(ui.vm().screen, app::ScreenId::staff_dashboard);
}

TEST_F(Staff, RelocksAfterTwoMinutesWithoutATouch) {
  hold_corner();
  tap_pin("2468");
  ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_dashboard);
  ui.wait(100s);
  ASSERT_TRUE(ui.tap("staff.tab.complaints"));  // a touch restarts the idle time
  ui.wait(100s);
  EXPECT_EQ(ui.vm().screen, app::ScreenId::staff_dashboard);
  ui.wait(20s);
  EXPECT_EQ(ui.vm().screen, app::ScreenId::attract);
  EXPECT_EQ(ui.services().staff->mode(), domain::staff::StaffMode::closed);
}

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The customer lost the acknowledgement: staff reprint it from the complaints tab. The printer gets the
// reference and a new code, the screen shows how it went, and the lost receipt's code stops working.
TEST(StaffReprint, PrintsANewCodeAndTheLostOneStopsWorking) {
  TempDir printer_dir("reprint-printer");
  auto config = staff_config();
  config.printer.transport = app::PrinterTransport::file;
  config.printer.target = printer_dir.path().string();
  config.printer.mode = app::PrintMode::text;
  UiHarness ui(1920, 1080, config);
  const auto receipt = ui.services().desk->submit_complaint(complaint_about("Nobody called my number."));
  ASSERT_TRUE(receipt.ok());
  const auto reference = receipt.value->reference;
  hold_corner(ui);
  tap_pin(ui, "2468");
  ASSERT_TRUE(ui.tap("staff.tab.complaints"));
  const auto* row = ui.widgets().find("staff.complaint." + receipt.value->id);
  ASSERT_NE(row, nullptr);
  EXPECT_NE(row->text.find(reference), std::string::npos) << row->text;
  ASSERT_TRUE(ui.tap("staff.reprint." + receipt.value->id));

  // The spooler prints on its own thread: wait (bounded, real time) for the job's outcome.
  for (int i = 0; i < 500 && ui.vm().staff_dashboard.complaint_notice.find("Printed") != 0; ++i) {
    std::this_thread::sleep_for(10ms);
    ui.wait(0ms);
  }
  const auto& reprint = ui.services().staff->last_reprint();
  ASSERT_TRUE(reprint);
  const auto notice = ui.vm().staff_dashboard.complaint_notice;
  EXPECT_EQ(notice.find("Printed " + reference + " with the new code " + reprint->lookup_code), 0U) << notice;
  EXPECT_FALSE(ui.vm().staff_dashboard.complaint_notice_is_problem);
  std::vector<std::filesystem::path> jobs;
  for (const auto& entry : std::filesystem::directory_iterator(printer_dir.path())) {
    jobs.push_back(entry.path());
  }
  ASSERT_EQ(jobs.size(), 1U);  // the reprint only: submit_complaint above does not print
  const auto printed = file_text(jobs[0]);
  EXPECT_NE(printed.find(reference), std::string::npos);
  EXPECT_NE(printed.find(reprint->lookup_code), std::string::npos);
  EXPECT_NE(printed.find("Nobody called my number."), std::string::npos);
  EXPECT_NE(printed.find("Copy printed"), std::string::npos);  // a copy says it is one
  check_legible(ui, "reprinted");

  EXPECT_TRUE(ui.services().desk->look_up_complaint(reference, reprint->lookup_code).ok());
  if (reprint->lookup_code != receipt.value->lookup_code) {
    EXPECT_FALSE(ui.services().desk->look_up_complaint(reference, receipt.value->lookup_code).ok());
  }
  ASSERT_TRUE(ui.tap("staff.dashboard.sign_out"));
  EXPECT_FALSE(ui.services().staff->last_reprint());
}

// Without a printer the new code is on the staff screen, said as a problem.
TEST(StaffReprint, WithoutAPrinterStaffGetTheCodeOnScreen) {
  UiHarness ui(1920, 1080, staff_config());
  const auto receipt = ui.services().desk->submit_complaint(complaint_about("The queue did not move."));
  ASSERT_TRUE(receipt.ok());
  hold_corner(ui);
  tap_pin(ui, "2468");
  ASSERT_TRUE(ui.tap("staff.tab.complaints"));
  ASSERT_TRUE(ui.tap("staff.reprint." + receipt.value->id));
  const auto& reprint = ui.services().staff->last_reprint();
  ASSERT_TRUE(reprint);
  const auto vm = ui.vm().staff_dashboard;
  EXPECT_TRUE(vm.complaint_notice_is_problem);
  EXPECT_NE(vm.complaint_notice.find("Printer unavailable"), std::string::npos);
  EXPECT_NE(vm.complaint_notice.find(reprint->lookup_code), std::string::npos);
  EXPECT_NE(ui.widgets().find("staff.complaints.notice"), nullptr);
  check_legible(ui, "reprint_no_printer");
}

// More open complaints than fit on the small panel: Next and Previous page through all of them.
TEST(StaffReprint, TheComplaintListPagesOnTheSmallPanel) {
  UiHarness ui(800, 480, staff_config());
  constexpr std::size_t k_complaints = 9;
  for (std::size_t i = 0; i < k_complaints; ++i) {
    ASSERT_TRUE(ui.services().desk->submit_complaint(complaint_about("Complaint " + std::to_string(i))).ok());
  }
  hold_corner(ui);
  tap_pin(ui, "2468");
  ASSERT_TRUE(ui.tap("staff.tab.complaints"));
  check_legible(ui, "complaints_page1_800");
  ASSERT_EQ(ui.widgets().find("staff.complaints.previous"), nullptr);
  std::set<std::string> seen;
  for (int page = 0; page < static_cast<int>(k_complaints); ++page) {
    for (const auto& row : ui.vm().staff_dashboard.complaints) {
      if (ui.widgets().find("staff.reprint." + row.id) != nullptr) {
        seen.insert(row.id);
      }
    }
    if (ui.widgets().find("staff.complaints.next") == nullptr) {
      break;
    }
    ASSERT_TRUE(ui.tap("staff.complaints.next"));
  }
  EXPECT_EQ(seen.size(), k_complaints);  // every complaint was on some page
  EXPECT_NE(ui.widgets().find("staff.complaints.previous"), nullptr);
  check_legible(ui, "complaints_last_page_800");
  ASSERT_TRUE(ui.tap("staff.complaints.previous"));
  EXPECT_LT(ui.vm().staff_dashboard.complaints_from, k_complaints - 1);
}

// Ten days of served tickets and survey answers: the 30-day tab draws the median wait as a line over the
// check-in columns, and the NPS card a sparkline of the days with answers.
TEST(StaffCharts, TheTrendHasAWaitLineAndTheNpsCardASparkline) {
  UiHarness ui(1920, 1080, staff_config());
  auto& db = ui.store()->database();
  const auto today = std::chrono::floor<std::chrono::days>(ui.clock().utc_now());
  for (int back = 1; back <= 10; ++back) {
    const auto day = today - std::chrono::days{back};
    const auto issued = std::chrono::sys_seconds{day + std::chrono::hours{10}};
    const auto ms = [](std::chrono::sys_seconds at) { return at.time_since_epoch().count() * 1000; };
    const auto wait = std::chrono::minutes{5 + back};  // the line falls towards today
    db.exec(fmt::format(
        "INSERT INTO tickets (id, service_id, local_day, number, display, language, issued_at, people_ahead, "
        "quote_kind, status, called_at, done_at) VALUES ('t{}', 'cash', '{}', 1, 'A001', 'en', {}, 0, "
        "'no_wait', 'served', {}, {})",
        back, date::format("%F", day), ms(issued), ms(issued + wait),
        ms(issued + wait + std::chrono::minutes{5})));
    db.exec(fmt::format(
        "INSERT INTO survey_responses (id, survey_id, survey_version, triggered_by, service_id, language, "
        "answers_json, submitted_at, probable_repeat) VALUES ('s{}', 'visit', 1, 'visit', 'cash', 'en', "
        "'{{\"nps\":{}}}', {}, 0)",
        back, back % 2 == 0 ? 10 : 3, ms(issued + std::chrono::minutes{30})));
  }
  // Today: one answer with a comment and a score for the cash service.
  db.exec(fmt::format(
      "INSERT INTO survey_responses (id, survey_id, survey_version, triggered_by, service_id, language, "
      "answers_json, submitted_at, probable_repeat) VALUES ('s-today', 'visit', 1, 'visit', 'cash', 'en', "
      "'{{\"nps\":9,\"what_to_improve\":\"More chairs by the window\"}}', {}, 0)",
      std::chrono::floor<std::chrono::milliseconds>(ui.clock().utc_now()).time_since_epoch().count()));
  // The attract loop already rolled those days up empty; facts written into closed days afterwards are
  // not something a running kiosk does, so start the roll-ups again.
  db.exec("DELETE FROM dashboard_days");
  hold_corner(ui);
  tap_pin(ui, "2468");
  ASSERT_TRUE(ui.tap("staff.tab.trend"));
  const auto trend = ui.vm().staff_dashboard.trend;
  ASSERT_EQ(trend.size(), 30U);
  ASSERT_TRUE(trend[28].line && trend[19].line);  // yesterday (6 min) and ten days ago (15 min, the top)
  EXPECT_FLOAT_EQ(*trend[19].line, 1.0F);
  EXPECT_NEAR(*trend[28].line, 6.0F / 15.0F, 1e-4);
  EXPECT_FALSE(trend[29].line);  // nobody served today
  EXPECT_EQ(ui.widgets().find("staff.figure.trend_longest_median")->text, "15 min");
  check_legible(ui, "trend_line");
  ASSERT_TRUE(ui.tap("staff.tab.satisfaction"));
  const auto satisfaction = ui.vm().staff_dashboard;  // a copy: vm() returns a new frame each time
  const auto& nps = satisfaction.figures.front();
  ASSERT_EQ(nps.spark.size(), 30U);
  ASSERT_TRUE(nps.spark[29]);  // today's promoter
  EXPECT_FLOAT_EQ(*nps.spark[29], 1.0F);
  EXPECT_NE(ui.widgets().find("staff.bar.comment.0.value"), nullptr);
  EXPECT_EQ(ui.widgets().find("staff.bar.comment.0.value")->text, "\"More chairs by the window\"");
  EXPECT_EQ(ui.widgets().find("staff.bar.satisfaction.0.value")->text, "NPS 100 (1)");
  ASSERT_TRUE(nps.spark[28] && nps.spark[27]);
  EXPECT_FLOAT_EQ(*nps.spark[27], 1.0F);  // two days back: a promoter, NPS +100
  EXPECT_FLOAT_EQ(*nps.spark[28], 0.0F);  // yesterday: a detractor, NPS -100
  check_legible(ui, "satisfaction_sparkline");

  // The export has the service's scores (and never the comment, a customer's free text).
  ASSERT_TRUE(ui.tap("staff.dashboard.export"));
  std::string figures;
  for (const auto& entry : std::filesystem::directory_iterator(ui.data_dir() / "exports")) {
    if (entry.path().filename().string().ends_with("-figures.csv")) {
      figures = file_text(entry.path());
    }
  }
  EXPECT_NE(figures.find(",cash,nps,100.0\r\n"), std::string::npos) << figures.substr(0, 2000);
  EXPECT_NE(figures.find(",cash,nps_answers,1\r\n"), std::string::npos);
  EXPECT_EQ(figures.find("More chairs"), std::string::npos);
}

class StaffTabs : public ::testing::TestWithParam<std::string> {};

// Every line the device tab can show, most of them alerts: sync on and offline with a stale backlog,
// quarantined events, both alarms, an expired sync certificate and a counter link certificate 29 days
// from expiry (the longest texts, as the composition root's provider could hand them over).
void troubled_device(app::KioskConfig& config) {
  config.sync.policy = app::SyncPolicy::mqtt;
  config.counters.listen = "127.0.0.1:8765";
}

app::ExternalHealth troubled_health() {
  app::ExternalHealth health;
  app::SyncHealth sync;
  sync.transport = "mqtt";
  sync.last_disconnect_reason = "connection refused";
  sync.backlog = 1234;
  sync.backlog_counted = true;
  sync.oldest_unconfirmed_age = std::chrono::hours{26};
  sync.last_confirmation = std::chrono::system_clock::now() - std::chrono::hours{26};
  sync.quarantined = 3;
  sync.storage_alarm = true;
  sync.trust_alarm = true;
  health.sync = sync;
  health.sync_certificate_days = -3;
  health.counter_link_on = true;
  health.counter_link_certificate_days = 29;
  return health;
}

// Every tab with real figures on the smallest panel (and the portrait branch screen), in each language.
TEST_P(StaffTabs, FitTheSmallPanelAndThePortraitScreen) {
  for (const auto& [width, height] : {std::pair{800, 480}, std::pair{1080, 1920}}) {
    auto config = staff_config();
    config.languages.default_language = GetParam();
    troubled_device(config);
    UiHarness ui(width, height, config);
    ui.services().staff->set_device_health_provider(troubled_health);
    add_branch_activity(ui);
    hold_corner(ui);
    ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_pin);
    check_legible(ui, "pin_" + GetParam() + "_" + std::to_string(width));
    tap_pin(ui, "2468");
    ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_dashboard);
    for (const auto* tab : {"queue", "today", "satisfaction", "complaints", "trend", "device"}) {
      ASSERT_TRUE(ui.tap(std::string("staff.tab.") + tab));
      check_legible(ui, std::string(tab) + "_" + GetParam() + "_" + std::to_string(width));
    }
    // Every device line was drawn (the bars give up silently when they do not fit).
    for (const auto* line : {"printer", "disk", "database", "sync", "backlog", "last_confirmation",
                             "quarantined", "sync_certificate", "counter_certificate"}) {
      EXPECT_NE(ui.widgets().find(std::string("staff.bar.") + line + ".value"), nullptr)
          << line << " at " << width;
    }
    ASSERT_TRUE(ui.tap("staff.dashboard.export"));
    check_legible(ui, "exported_" + GetParam() + "_" + std::to_string(width));
  }
}

// The device tab on the landscape screens too (its screenshots: screens/staff_live_device_<lang>_<width>.png
// and staff_live_device_alerts_...), once with sync off as the harness runs it (it says so and counts the
// outbox), once with every alert.
TEST_P(StaffTabs, TheDeviceTabFitsTheLandscapeScreens) {
  for (const auto& [width, height, troubled] : {std::tuple{1920, 1080, false}, std::tuple{1024, 768, false},
                                                std::tuple{1920, 1080, true}, std::tuple{1024, 768, true}}) {
    auto config = staff_config();
    config.languages.default_language = GetParam();
    if (troubled) {
      troubled_device(config);
    }
    UiHarness ui(width, height, config);
    if (troubled) {
      ui.services().staff->set_device_health_provider(troubled_health);
    }
    add_branch_activity(ui);
    hold_corner(ui);
    tap_pin(ui, "2468");
    ASSERT_EQ(ui.vm().screen, app::ScreenId::staff_dashboard);
    ASSERT_TRUE(ui.tap("staff.tab.device"));
    EXPECT_EQ(ui.services().staff->dashboard_tab(), "device");
    ASSERT_NE(ui.widgets().find("staff.bar.sync.value"), nullptr);
    ASSERT_NE(ui.widgets().find("staff.bar.disk.value"), nullptr);
    if (troubled) {
      for (const auto* line :
           {"backlog", "last_confirmation", "quarantined", "sync_certificate", "counter_certificate"}) {
        EXPECT_NE(ui.widgets().find(std::string("staff.bar.") + line + ".value"), nullptr) << line;
      }
    }
    check_legible(
        ui, std::string("device_") + (troubled ? "alerts_" : "") + GetParam() + "_" + std::to_string(width));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryLanguage, StaffTabs, ::testing::Values("en", "ru", "zh-Hans", "nb"),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           return case_info.param == "zh-Hans" ? std::string("zhHans") : case_info.param;
                         });

}  // namespace
}  // namespace kiosk::test
