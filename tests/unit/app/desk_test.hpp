#pragma once
// Shared fixture for the CustomerDesk tests: a real SQLite store and PII key in a fresh temp dir, the shipped
// content, and a ManualClock starting Tuesday 2026-11-24 10:00 Europe/Oslo (every shipped service open).

#include <gtest/gtest.h>

#include <date/date.h>
#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "app/customer_desk.hpp"
#include "platform/clock.hpp"
#include "store/outbox.hpp"
#include "store/pii_cipher.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace kiosk::app::test_support {

// Tuesday 2026-11-24 10:00 Europe/Oslo (09:00 UTC).
inline const std::chrono::sys_seconds k_tuesday_10_oslo{std::chrono::seconds{1795510800}};

// The UTC instant of a branch-local wall-clock time in Europe/Oslo.
inline std::chrono::sys_seconds oslo(date::year_month_day day, std::chrono::seconds time_of_day) {
  const auto* zone = date::locate_zone("Europe/Oslo");
  return std::chrono::floor<std::chrono::seconds>(zone->to_sys(date::local_days{day} + time_of_day));
}

inline DeskContent shipped_content() {
  std::vector<std::string> problems;
  auto content = load_desk_content(KIOSK_ASSETS_DIR, problems);
  for (const auto& problem : problems)
    ADD_FAILURE() << "shipped content: " << problem;
  return content;
}

class DeskTest : public ::testing::Test {
 protected:
  kiosk::test::TempDir dir{"desk-test"};
  platform::ManualClock clock{k_tuesday_10_oslo};
  KioskConfig config = default_config();
  DeskContent content = shipped_content();
  std::unique_ptr<store::Store> store;
  std::unique_ptr<CustomerDesk> desk;  // declared after store: destroyed first
  std::unique_ptr<store::PiiCipher> cipher;

  std::filesystem::path db_file() const { return dir / "kiosk.db"; }
  std::filesystem::path key_file() const { return dir.path() / "keys" / "pii.key"; }

  void SetUp() override { open(); }

  void open(const store::OpenOptions& options = {}, const platform::Clock* with_clock = nullptr) {
    store::OpenReport report;
    store = store::Store::open(db_file(), report, options);
    ASSERT_NE(store, nullptr) << report.message;
    desk =
        std::make_unique<CustomerDesk>(*store, config, content, with_clock ? *with_clock : clock, key_file());
    ASSERT_TRUE(desk->complaints_available());
    std::string error;
    cipher = store::PiiCipher::load(key_file(), error);
    ASSERT_NE(cipher, nullptr) << error;
  }

  void close() {
    desk.reset();
    store.reset();
  }

  void reopen(const store::OpenOptions& options = {}, const platform::Clock* with_clock = nullptr) {
    close();
    open(options, with_clock);
  }

  void set_clock(std::chrono::sys_seconds to) {
    clock.advance(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        to - std::chrono::floor<std::chrono::seconds>(clock.utc_now())));
  }

  std::vector<store::OutboxRow> pending() { return store->outbox().read_pending(100000, cipher.get()); }

  // Bodies of the pending events of `type`, oldest first.
  std::vector<nlohmann::json> events(std::string_view type) {
    std::vector<nlohmann::json> bodies;
    for (const auto& row : pending()) {
      if (row.event.type == type)
        bodies.push_back(nlohmann::json::parse(row.event.data_json));
    }
    return bodies;
  }

  std::int64_t count(std::string_view sql) {
    store::Statement statement(store->database(), sql);
    if (!statement.step())
      return -1;
    return statement.column_int64(0);
  }

  ComplaintSubmission complaint(std::string description, std::string product = "branch_service",
                                std::string issue = "wait_time") {
    ComplaintSubmission submission;
    submission.product_id = std::move(product);
    submission.issue_id = std::move(issue);
    submission.description = std::move(description);
    submission.language = "en";
    return submission;
  }
};

}  // namespace kiosk::app::test_support
