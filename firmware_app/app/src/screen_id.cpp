#include "app/screen_id.hpp"

#include <array>

namespace kiosk::app {
namespace {

struct ScreenName {
  ScreenId id;
  std::string_view key;
};

constexpr std::array<ScreenName, 21> k_screens{{
    {ScreenId::attract, "attract"},
    {ScreenId::language, "language"},
    {ScreenId::home, "home"},
    {ScreenId::out_of_service, "out_of_service"},
    {ScreenId::checkin_services, "checkin_services"},
    {ScreenId::checkin_booking, "checkin_booking"},
    {ScreenId::checkin_ticket, "checkin_ticket"},
    {ScreenId::complaint_product, "complaint_product"},
    {ScreenId::complaint_issue, "complaint_issue"},
    {ScreenId::complaint_details, "complaint_details"},
    {ScreenId::complaint_contact, "complaint_contact"},
    {ScreenId::complaint_review, "complaint_review"},
    {ScreenId::complaint_done, "complaint_done"},
    {ScreenId::survey_ticket, "survey_ticket"},
    {ScreenId::survey_page, "survey_page"},
    {ScreenId::survey_done, "survey_done"},
    {ScreenId::status_lookup, "status_lookup"},
    {ScreenId::status_result, "status_result"},
    {ScreenId::staff_pin, "staff_pin"},
    {ScreenId::staff_dashboard, "staff_dashboard"},
    {ScreenId::now_serving, "now_serving"},
}};

constexpr std::array<ScreenId, 21> k_screen_ids{
    ScreenId::attract,           ScreenId::language,          ScreenId::home,
    ScreenId::out_of_service,    ScreenId::checkin_services,  ScreenId::checkin_booking,
    ScreenId::checkin_ticket,    ScreenId::complaint_product, ScreenId::complaint_issue,
    ScreenId::complaint_details, ScreenId::complaint_contact, ScreenId::complaint_review,
    ScreenId::complaint_done,    ScreenId::survey_ticket,     ScreenId::survey_page,
    ScreenId::survey_done,       ScreenId::status_lookup,     ScreenId::status_result,
    ScreenId::staff_pin,         ScreenId::staff_dashboard,   ScreenId::now_serving,
};

}  // namespace

std::string_view screen_key(ScreenId id) {
  for (const auto& screen : k_screens) {
    if (screen.id == id) {
      return screen.key;
    }
  }
  return "unknown";
}

std::optional<ScreenId> screen_from_key(std::string_view key) {
  for (const auto& screen : k_screens) {
    if (screen.key == key) {
      return screen.id;
    }
  }
  return std::nullopt;
}

std::span<const ScreenId> all_screens() {
  return k_screen_ids;
}

}  // namespace kiosk::app
