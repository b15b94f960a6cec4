// The catalog and sample bookings shipped in assets/services/ must always load, and every service must
// speak every language the kiosk offers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "domain/language.hpp"
#include "domain/queue/bookings.hpp"
#include "domain/queue/services.hpp"
#include "queue_test_support.hpp"

namespace kiosk::domain::queue {
namespace {

using test::describe_all;
using test::oslo;
using test::oslo_time;

std::string read_asset(const std::string& relative) {
  std::ifstream file(std::string(KIOSK_ASSETS_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(file.good()) << "cannot open " << KIOSK_ASSETS_DIR << "/" << relative;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

ServiceCatalog shipped_catalog() {
  const auto result = parse_service_catalog(read_asset("services/services.json"));
  EXPECT_TRUE(result.ok()) << describe_all(result.issues);
  return result.value.value_or(ServiceCatalog{});
}

TEST(ShippedServices, LoadsWithFourServicesInEveryLanguage) {
  const ServiceCatalog catalog = shipped_catalog();
  ASSERT_EQ(catalog.services.size(), 4u);
  std::string prefixes;
  for (const Service& service : catalog.services) {
    prefixes += service.prefix;
    EXPECT_TRUE(service.enabled) << service.id;
    EXPECT_FALSE(service.counters.empty()) << service.id;
    for (const LanguageInfo& language : supported_languages()) {
      EXPECT_TRUE(service.name.has(language.tag)) << service.id << " name lacks " << language.tag;
      EXPECT_TRUE(service.description.has(language.tag))
          << service.id << " description lacks " << language.tag;
    }
    EXPECT_EQ(service.name.all().size(), supported_languages().size()) << service.id;
  }
  EXPECT_EQ(prefixes, "ABCD");
}

TEST(ShippedServices, OpenOnWeekdaysClosedAtWeekendsAndHolidays) {
  const ServiceCatalog catalog = shipped_catalog();
  ASSERT_FALSE(catalog.services.empty());
  for (const Service& service : catalog.services) {
    // Monday 23 November 2026 at 11:00 every service is open; Saturday noon none is.
    EXPECT_EQ(availability(service, oslo_time(2026, 11, 23, 11, 0), oslo()).state, AvailabilityState::open)
        << service.id;
    EXPECT_EQ(availability(service, oslo_time(2026, 11, 28, 12, 0), oslo()).state,
              AvailabilityState::closed_today)
        << service.id;
    // Christmas Eve 2026 is a Thursday and a bank holiday.
    EXPECT_EQ(availability(service, oslo_time(2026, 12, 24, 11, 0), oslo()).state,
              AvailabilityState::closed_today)
        << service.id;
  }
}

TEST(ShippedBookings, LoadAndReferToShippedServices) {
  const ServiceCatalog catalog = shipped_catalog();
  const auto result = parse_bookings(read_asset("services/bookings.sample.json"));
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  ASSERT_FALSE(result.value->empty());
  EXPECT_THAT(check_booking_services(*result.value, catalog), ::testing::IsEmpty());
}

}  // namespace
}  // namespace kiosk::domain::queue
