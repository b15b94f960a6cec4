#pragma once
// Helpers shared by the store tests: raw file bytes, opening a store that must open, and events.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "domain/event.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"

namespace kiosk::store::test_util {

using namespace std::chrono_literals;

// 2026-11-23T09:15:02.123Z
inline const domain::EventTime k_event_time{1795425302123ms};

inline std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Compares file contents without printing megabytes of bytes on failure.
inline ::testing::AssertionResult has_bytes(const std::filesystem::path& file, const std::string& expected) {
  if (!std::filesystem::exists(file)) {
    return ::testing::AssertionFailure() << file << " does not exist";
  }
  const std::string actual = read_bytes(file);
  if (actual == expected) {
    return ::testing::AssertionSuccess();
  }
  const auto mismatch = std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end());
  return ::testing::AssertionFailure()
         << file << " has " << actual.size() << " bytes, expected " << expected.size()
         << "; first difference at offset " << (mismatch.first - actual.begin());
}

// Opens a store that is expected to open; the test fails with the report's message otherwise.
inline std::unique_ptr<Store> open_ok(const std::filesystem::path& file, OpenReport* report_out = nullptr) {
  OpenReport report;
  auto store = Store::open(file, report);
  EXPECT_NE(store, nullptr) << report.message;
  if (report_out != nullptr) {
    *report_out = report;
  }
  return store;
}

inline domain::EventRecord make_event(Store& store, std::string type = "kiosk.started",
                                      std::string data_json = R"({"n":1})") {
  domain::EventRecord event;
  event.id = store.new_event_id(std::chrono::system_clock::now());
  event.type = std::move(type);
  event.schema = 1;
  event.at = k_event_time;
  event.data_json = std::move(data_json);
  return event;
}

inline std::int64_t count_rows(Database& db, const std::string& table) {
  Statement query(db, "SELECT count(*) FROM " + table);
  query.step();
  return query.column_int64(0);
}

inline std::string pragma_text(Database& db, const std::string& pragma) {
  Statement query(db, "PRAGMA " + pragma);
  return query.step() ? query.column_text(0) : std::string();
}

}  // namespace kiosk::store::test_util
