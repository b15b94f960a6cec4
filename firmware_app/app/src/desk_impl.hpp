#pragma once
// The desk's private state, shared by its feature files (tickets, complaints, surveys).

#include <date/tz.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <random>

#include "app/customer_desk.hpp"
#include "device_random.hpp"
#include "domain/complaints/business_days.hpp"
#include "domain/complaints/priority.hpp"
#include "domain/event.hpp"
#include "domain/surveys/scoring.hpp"
#include "domain/uuid.hpp"
#include "platform/clock.hpp"
#include "store/error.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace kiosk::app {

struct CustomerDesk::Impl {
  Impl(store::Store& store_, KioskConfig config_, const platform::Clock& clock_)
      : store(store_), config(std::move(config_)), clock(clock_) {}

  store::Store& store;
  KioskConfig config;
  const platform::Clock& clock;
  const date::time_zone* zone = nullptr;
  std::unique_ptr<store::PiiCipher> cipher;  // null when the key could not be loaded: no complaints
  std::string kiosk_code;
  domain::complaints::BusinessCalendar calendar;
  domain::complaints::PriorityRules priority_rules;
  DeviceRandom random;
  domain::surveys::RepeatGuard
      repeat_guard;                 // in memory: a repeat is a tap within seconds, not across restarts
  std::function<void()> committed;  // told after every commit (wakes the sync thread)

  UtcTime now() const { return std::chrono::floor<std::chrono::seconds>(clock.utc_now()); }
  domain::EventRecord event(std::string type, nlohmann::json data) const;
  // Runs `work` in one transaction and commits. Store failures become a DeskProblem (logged for staff).
  DeskProblem in_transaction(std::string_view what, const std::function<void(store::Transaction&)>& work);
};

std::string iso_day(date::local_days day);
std::string rfc3339(UtcTime instant);

}  // namespace kiosk::app
