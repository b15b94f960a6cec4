// StaffDesk on a real store: PINs checked against real PBKDF2 hashes, the gate's lockout and relock rules,
// every action audited with its outbox event, the lockout surviving a restart, and the CSV export.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "../../../firmware_app/app/src/csv.hpp"  // private to kiosk_app; tested here directly
#include "app/counter_desk.hpp"
#include "app/staff_desk.hpp"
#include "desk_test.hpp"
#include "store/pin_hash.hpp"
#include "store/staff_audit_repository.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using domain::staff::StaffAction;
using domain::staff::StaffMode;

// PIN 2468, computed independently with Python's hashlib (see tests/unit/store/pin_hash_test.cpp).
constexpr const char* k_manager_entry =
    "manager:manager:pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$"
    "3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";

class StaffDeskTest : public test_support::DeskTest {
 protected:
  void SetUp() override {
    config.staff.pin_hashes = {k_manager_entry, "teller-1:teller:" + store::hash_pin("1357")};
    DeskTest::SetUp();
    make_staff();
  }

  void make_staff() {
    staff.reset();
    staff = std::make_unique<StaffDesk>(*store, config, desk->content(), clock, key_file(), dir / "exports");
  }

  // Types a PIN and waits (bounded) for the worker's verdict.
  void enter(std::string_view pin) {
    for (char digit : pin) {
      staff->type_digit(digit);
    }
    staff->submit_pin();
    for (int i = 0; i < 1000 && staff->checking(); ++i) {
      std::this_thread::sleep_for(10ms);
      staff->poll();
    }
    ASSERT_FALSE(staff->checking()) << "the PIN check did not finish";
  }

  std::vector<std::string> audited_actions() {
    std::vector<std::string> actions;
    for (const auto& row : store::StaffAuditRepository(store->database()).latest(100)) {
      actions.insert(actions.begin(), row.action);
    }
    return actions;
  }

  std::unique_ptr<StaffDesk> staff;
};

TEST_F(StaffDeskTest, TheRightPinOpensStaffModeAndIsAudited) {
  EXPECT_TRUE(staff->enabled());
  staff->request_pin();
  EXPECT_EQ(staff->mode(), StaffMode::pin_entry);
  EXPECT_TRUE(staff->pin_pad_visible());
  enter("1357");
  EXPECT_EQ(staff->mode(), StaffMode::unlocked);
  EXPECT_EQ(staff->actor().slot_id, "teller-1");
  EXPECT_EQ(staff->actor().role, "teller");
  ASSERT_NE(staff->dashboard(), nullptr);
  EXPECT_EQ(audited_actions(), std::vector<std::string>{"staff_unlocked"});
  const auto bodies = events("staff.action");
  ASSERT_EQ(bodies.size(), 1U);
  EXPECT_EQ(bodies[0]["action"], "staff_unlocked");
  EXPECT_EQ(bodies[0]["slot_id"], "teller-1");
  EXPECT_EQ(bodies[0]["role"], "teller");
  // The event and the audit row are the same action.
  const auto rows = store::StaffAuditRepository(store->database()).latest(1);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].event_id, pending().back().event.id);

  staff->sign_out();
  EXPECT_EQ(staff->mode(), StaffMode::closed);
  EXPECT_EQ(staff->dashboard(), nullptr);
  EXPECT_EQ(audited_actions(), (std::vector<std::string>{"staff_unlocked", "staff_signed_out"}));
  EXPECT_EQ(events("staff.action").back()["slot_id"], "teller-1");  // who signed out
}

TEST_F(StaffDeskTest, TheDashboardCountsTheCountersTheConsolesOpened) {
  CounterDesk counters(*store, clock, {"cash", "accounts", "loans", "appointments"}, config.kiosk.time_zone);
  ASSERT_TRUE(counters.open(1, {"cash", "loans"}).ok());
  ASSERT_TRUE(counters.open(2, {"cash"}).ok());
  ASSERT_TRUE(counters.open(3, {"loans"}).ok());
  ASSERT_TRUE(counters.close(3).ok());
  staff->request_pin();
  enter("1357");
  const auto* board = staff->dashboard();
  ASSERT_NE(board, nullptr);
  EXPECT_EQ(board->queue.counters_open, 2);
  ASSERT_EQ(board->queue.services.size(), 4U);  // catalog order: cash, accounts, loans, appointments
  EXPECT_EQ(board->queue.services[0].counters_open, 2);
  EXPECT_EQ(board->queue.services[1].counters_open, 0);
  EXPECT_EQ(board->queue.services[2].counters_open, 1);
}

TEST_F(StaffDeskTest, FiveWrongPinsLockForFiveMinutesEvenAcrossARestart) {
  for (int attempt = 1; attempt <= 4; ++attempt) {
    staff->request_pin();
    enter("9999");
    EXPECT_EQ(staff->mode(), StaffMode::pin_entry) << attempt;
    EXPECT_EQ(staff->notice(), PinPadNotice::wrong_pin);
    EXPECT_EQ(staff->tries_left(), 5 - attempt);
  }
  enter("1111");
  EXPECT_EQ(staff->mode(), StaffMode::locked_out);
  EXPECT_EQ(staff->notice(), PinPadNotice::locked);
  EXPECT_TRUE(staff->pin_pad_visible());
  EXPECT_EQ(audited_actions(), (std::vector<std::string>{"pin_rejected", "pin_rejected", "pin_rejected",
                                                         "pin_rejected", "staff_locked_out"}));
  for (const auto& body : events("staff.action")) {
    EXPECT_EQ(body["slot_id"], "");  // a wrong PIN identifies nobody
  }

  // Pulling the plug does not reset the lockout.
  staff.reset();
  reopen();
  make_staff();
  EXPECT_EQ(staff->mode(), StaffMode::locked_out);
  staff->request_pin();
  EXPECT_EQ(staff->mode(), StaffMode::locked_out);
  staff->type_digit('2');
  EXPECT_EQ(staff->typed_digits(), 0U);

  clock.advance(4min + 59s);
  staff->poll();
  EXPECT_EQ(staff->mode(), StaffMode::locked_out);
  clock.advance(1s);
  staff->poll();
  EXPECT_EQ(staff->mode(), StaffMode::closed);
  staff->request_pin();
  enter("2468");
  EXPECT_EQ(staff->mode(), StaffMode::unlocked);
  EXPECT_EQ(staff->actor().slot_id, "manager");
}

TEST_F(StaffDeskTest, RelocksAfterTwoIdleMinutesAndWhenACustomerStarts) {
  staff->request_pin();
  enter("2468");
  ASSERT_EQ(staff->mode(), StaffMode::unlocked);
  clock.advance(119s);
  EXPECT_TRUE(staff->staff_input());  // a touch restarts the idle time
  clock.advance(119s);
  EXPECT_FALSE(staff->poll());
  EXPECT_EQ(staff->mode(), StaffMode::unlocked);
  clock.advance(1s);
  EXPECT_TRUE(staff->poll());
  EXPECT_EQ(staff->mode(), StaffMode::closed);
  EXPECT_EQ(audited_actions().back(), "staff_relocked_idle");
  EXPECT_EQ(events("staff.action").back()["slot_id"], "manager");

  staff->request_pin();
  enter("2468");
  ASSERT_EQ(staff->mode(), StaffMode::unlocked);
  staff->customer_session_started();
  EXPECT_EQ(staff->mode(), StaffMode::closed);
  EXPECT_EQ(audited_actions().back(), "staff_relocked_customer");
}

TEST_F(StaffDeskTest, APinCheckedAfterThePadClosedDoesNotOpenStaffMode) {
  staff->request_pin();
  for (char digit : std::string("2468")) {
    staff->type_digit(digit);
  }
  staff->submit_pin();
  staff->cancel_pin();
  for (int i = 0; i < 1000 && staff->checking(); ++i) {
    std::this_thread::sleep_for(10ms);
    staff->poll();
  }
  EXPECT_EQ(staff->mode(), StaffMode::closed);
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  // RFC 4180: CRLF records, quoted fields with doubled quotes.
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      fields.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(fields));
      fields.clear();
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_TRUE(field.empty() && fields.empty()) << "the last record must end in CRLF";
  return records;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(StaffDeskTest, ExportsFiguresAndOpenComplaintsWithContactMasked) {
  ASSERT_TRUE(desk->issue_ticket("cash", "en").ok());
  auto submission = complaint("The card machine, \"again\", kept my card");
  submission.name = "Kari Nordmann";
  submission.phone = "+47 912 34 567";
  submission.email = "kari@example.no";
  submission.consent = true;
  const auto receipt = desk->submit_complaint(submission);
  ASSERT_TRUE(receipt.ok());

  EXPECT_FALSE(staff->export_csv().ok);  // closed: nothing is written
  staff->request_pin();
  enter("2468");
  const auto result = staff->export_csv();
  ASSERT_TRUE(result.ok) << result.error;
  const auto figures = parse_csv(read_file(result.file));
  ASSERT_GE(figures.size(), 2U);
  EXPECT_EQ(figures[0], (std::vector<std::string>{"section", "day", "service", "figure", "value"}));
  bool found_waiting = false;
  std::map<std::string, std::string> by_category;
  for (const auto& record : figures) {
    ASSERT_EQ(record.size(), 5U);
    if (record[0] == "queue_now" && record[2].empty() && record[3] == "waiting") {
      EXPECT_EQ(record[4], "1");
      found_waiting = true;
    }
    if (record[0] == "complaints_by_product" || record[0] == "complaints_by_issue") {
      by_category[record[3]] = record[4];
    }
  }
  EXPECT_TRUE(found_waiting);
  const std::string issue = "branch_service/" + submission.issue_id;
  EXPECT_EQ(by_category, (std::map<std::string, std::string>{{"branch_service.open", "1"},
                                                             {"branch_service.new_today", "1"},
                                                             {issue + ".open", "1"},
                                                             {issue + ".new_today", "1"}}));

  auto complaints_file = result.file;
  complaints_file.replace_filename(result.file.filename().string().replace(
      result.file.filename().string().find("-figures"), 8, "-complaints"));
  const auto text = read_file(complaints_file);
  EXPECT_EQ(text.find("Kari Nordmann"), std::string::npos);
  EXPECT_EQ(text.find("912 34 567"), std::string::npos);
  EXPECT_EQ(text.find("kari@example.no"), std::string::npos);
  EXPECT_EQ(text.find("kept my card"), std::string::npos);  // the description never leaves the store
  const auto complaints = parse_csv(text);
  ASSERT_EQ(complaints.size(), 2U);
  ASSERT_EQ(complaints[1].size(), 12U);
  EXPECT_EQ(complaints[1][0], receipt.value->reference);
  EXPECT_EQ(complaints[1][1], "branch_service");
  EXPECT_EQ(complaints[1][8], "no");
  EXPECT_FALSE(complaints[1][9].empty());  // masked, not left out
  EXPECT_FALSE(complaints[1][10].empty());
  EXPECT_NE(complaints[1][10].front(), '+') << "a spreadsheet would run it as a formula";
  EXPECT_EQ(audited_actions().back(), "csv_exported");
  EXPECT_EQ(events("staff.action").back()["target"],
            "csv:" + result.file.filename().string().substr(0, result.file.filename().string().size() - 12));
}

TEST_F(StaffDeskTest, AReprintGetsANewCodeTheOldOneStopsWorkingAndItIsAudited) {
  const auto receipt = desk->submit_complaint(complaint("The card machine kept my card"));
  ASSERT_TRUE(receipt.ok());
  const auto old_code = receipt.value->lookup_code;
  ASSERT_TRUE(desk->look_up_complaint(receipt.value->reference, old_code).ok());
  const auto id = receipt.value->id;

  EXPECT_FALSE(staff->reprint_acknowledgement(id));  // closed: refused, nothing changes
  staff->request_pin();
  enter("2468");
  EXPECT_FALSE(staff->reprint_acknowledgement("not-a-listed-complaint"));
  const auto reprint = staff->reprint_acknowledgement(id);
  ASSERT_TRUE(reprint);
  const auto& printed = reprint->receipt;
  EXPECT_EQ(printed.reference, receipt.value->reference);
  EXPECT_EQ(printed.acknowledge_by, receipt.value->acknowledge_by);
  EXPECT_EQ(printed.final_response_by, receipt.value->final_response_by);
  EXPECT_EQ(printed.lookup_code.size(), 4U);
  EXPECT_EQ(reprint->details.description, "The card machine kept my card");
  EXPECT_EQ(reprint->details.product_id, "branch_service");
  EXPECT_EQ(reprint->details.language, "en");

  // The new code works and the lost receipt's does not (unless the 1-in-10,000 draw repeated it).
  EXPECT_TRUE(desk->look_up_complaint(printed.reference, printed.lookup_code).ok());
  if (printed.lookup_code != old_code) {
    EXPECT_FALSE(desk->look_up_complaint(printed.reference, old_code).ok());
  }
  EXPECT_EQ(audited_actions().back(), "acknowledgement_reprinted");
  EXPECT_EQ(events("staff.action").back()["target"], "complaint:" + printed.reference);
  EXPECT_EQ(events("staff.action").back()["slot_id"], "manager");
  ASSERT_TRUE(staff->last_reprint());
  EXPECT_EQ(staff->last_reprint()->lookup_code, printed.lookup_code);

  staff->sign_out();  // the new code leaves the screen with staff mode
  EXPECT_FALSE(staff->last_reprint());
}

TEST_F(StaffDeskTest, ComplaintsPageStaysInsideTheOpenList) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(desk->submit_complaint(complaint("Complaint number " + std::to_string(i))).ok());
  }
  staff->request_pin();
  enter("2468");
  staff->show_complaints_from(2);
  EXPECT_EQ(staff->complaints_from(), 2U);
  staff->show_complaints_from(50);
  EXPECT_EQ(staff->complaints_from(), 2U);  // the last one, never past the end
  staff->sign_out();
  EXPECT_EQ(staff->complaints_from(), 0U);
}

TEST(StaffCsv, QuotesFieldsAsRfc4180AndDefusesFormulas) {
  std::string out;
  append_csv_record(out, {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", "Ærlig 你好"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,Ærlig 你好\r\n");
  const auto records = parse_csv(out);
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0], (std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", " padded", "",
                                                  "Ærlig 你好"}));
  EXPECT_EQ(spreadsheet_safe("+47 ••• 567"), "'+47 ••• 567");
  EXPECT_EQ(spreadsheet_safe("=1+1"), "'=1+1");
  EXPECT_EQ(spreadsheet_safe("K••• N•••"), "K••• N•••");
}

TEST(StaffPinSlots, ConfigRefusesMalformedAndDuplicateEntries) {
  EXPECT_TRUE(parse_staff_pin_slot(k_manager_entry));
  EXPECT_FALSE(staff_pin_slot_problem(k_manager_entry));
  const std::string hash = std::string(k_manager_entry).substr(std::string("manager:manager:").size());
  for (const auto& bad : {std::string("manager:") + hash, "Manager:manager:" + hash, ":manager:" + hash,
                          std::string("manager:manager:pbkdf2-sha256$1000$x$y"), std::string("nothing")}) {
    EXPECT_TRUE(staff_pin_slot_problem(bad)) << bad;
    EXPECT_FALSE(parse_staff_pin_slot(bad)) << bad;
  }
  auto config = default_config();
  config.staff.pin_hashes = {k_manager_entry, k_manager_entry, "x"};
  const auto issues = validate_config(config, "test");
  ASSERT_EQ(issues.size(), 2U);
  EXPECT_EQ(issues[0].key, "staff.pin_hashes");
  EXPECT_NE(issues[0].message.find("appears twice"), std::string::npos) << issues[0].message;
  EXPECT_NE(issues[1].message.find("element 3"), std::string::npos) << issues[1].message;
}

}  // namespace
}  // namespace kiosk::app
