#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/queue/services.hpp"
#include "queue_test_support.hpp"

namespace kiosk::domain::queue {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using test::day;
using test::describe_all;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

json valid_service(const std::string& id, const std::string& prefix) {
  return json{{"id", id},
              {"prefix", prefix},
              {"name", {{"en", "Cash and payments"}, {"nb", "Kontanter og betalinger"}}},
              {"hours",
               {{"weekly",
                 {{"mon", {"12:30-15:00", "09:00-12:00"}}, {"tue", {"09:00-15:00"}}, {"sun", json::array()}}},
                {"closed_dates", {"2026-12-25", "2026-12-24"}}}},
              {"counters", {2, 1}}};
}

json valid_catalog() {
  return json{{"version", 3}, {"services", {valid_service("cash", "A"), valid_service("loans", "C")}}};
}

std::vector<ParseIssue> issues_for_text(const std::string& text) {
  const auto result = parse_service_catalog(text);
  EXPECT_FALSE(result.ok()) << text;
  EXPECT_FALSE(result.issues.empty());
  return result.issues;
}

std::vector<ParseIssue> issues_for(const json& document) {
  return issues_for_text(document.dump());
}

auto issue(const std::string& path, const std::string& fragment) {
  return Contains(AllOf(Field(&ParseIssue::path, path), Field(&ParseIssue::message, HasSubstr(fragment))));
}

TEST(ServiceCatalogParse, ReadsAValidCatalog) {
  const auto result = parse_service_catalog(valid_catalog().dump());
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  EXPECT_THAT(result.issues, IsEmpty());
  const ServiceCatalog& catalog = *result.value;
  EXPECT_EQ(catalog.version, 3);
  ASSERT_EQ(catalog.services.size(), 2u);
  const Service& cash = catalog.services[0];
  EXPECT_EQ(cash.id, "cash");
  EXPECT_EQ(cash.prefix, "A");
  EXPECT_EQ(cash.name.in("nb"), "Kontanter og betalinger");
  EXPECT_TRUE(cash.description.empty());
  EXPECT_TRUE(cash.enabled);
  EXPECT_EQ(cash.counters, (std::vector<int>{2, 1}));
  // Written out of order, stored sorted.
  EXPECT_EQ(cash.hours.on(date::Monday), (std::vector<LocalInterval>{{9h, 12h}, {12h + 30min, 15h}}));
  EXPECT_EQ(cash.hours.on(date::Tuesday), (std::vector<LocalInterval>{{9h, 15h}}));
  EXPECT_THAT(cash.hours.on(date::Wednesday), IsEmpty());
  EXPECT_THAT(cash.hours.on(date::Sunday), IsEmpty());
  EXPECT_EQ(cash.hours.closed_dates, (std::vector<date::local_days>{day(2026, 12, 24), day(2026, 12, 25)}));
  EXPECT_TRUE(cash.hours.is_closed_on(day(2026, 12, 25)));
  EXPECT_FALSE(cash.hours.is_closed_on(day(2026, 12, 26)));
  EXPECT_EQ(catalog.find("loans"), &catalog.services[1]);
  EXPECT_EQ(catalog.find("nope"), nullptr);
}

TEST(ServiceCatalogParse, ReadsOptionalFieldsAndMidnightEnd) {
  json document = valid_catalog();
  json& service = document["services"][0];
  service["description"] = {{"en", "Deposits"}, {"zh-Hans", "存取款"}};
  service["enabled"] = false;
  service["hours"]["weekly"]["fri"] = {"18:00-24:00", "00:00-02:00"};
  service["hours"]["weekly"]["sat"] = {"09:00-12:00", "12:00-14:00"};  // touching is allowed
  const auto result = parse_service_catalog(document.dump());
  ASSERT_TRUE(result.ok()) << describe_all(result.issues);
  const Service& parsed = result.value->services[0];
  EXPECT_EQ(parsed.description.in("zh-Hans"), "存取款");
  EXPECT_FALSE(parsed.enabled);
  EXPECT_EQ(parsed.hours.on(date::Friday), (std::vector<LocalInterval>{{0h, 2h}, {18h, 24h}}));
  EXPECT_EQ(parsed.hours.on(date::Saturday), (std::vector<LocalInterval>{{9h, 12h}, {12h, 14h}}));
}

TEST(ServiceCatalogParse, RejectsBrokenJson) {
  EXPECT_THAT(issues_for_text("{\"version\": 1, \"services\": ["), issue("", "not valid JSON"));
  EXPECT_THAT(issues_for_text(""), issue("", "not valid JSON"));
  EXPECT_THAT(issues_for_text("[1, 2]"), issue("", "expected an object"));
}

TEST(ServiceCatalogParse, RejectsRepeatedKeys) {
  const std::string text =
      R"({"version": 1, "services": [{"id": "a", "id": "b", "prefix": "A", "name": {"en": "x"},
          "hours": {"weekly": {}}, "counters": [1]}]})";
  EXPECT_THAT(issues_for_text(text), issue("services[0].id", "more than once"));
  const std::string nested = R"({"version": 1, "version": 2, "services": []})";
  EXPECT_THAT(issues_for_text(nested), issue("version", "more than once"));
}

TEST(ServiceCatalogParse, RejectsUnknownKeysAtEveryLevel) {
  json document = valid_catalog();
  document["colour"] = "blue";
  document["services"][0]["icon"] = "cash.png";
  document["services"][0]["hours"]["summer"] = json::object();
  document["services"][0]["hours"]["weekly"]["monday"] = {"09:00-10:00"};
  const auto issues = issues_for(document);
  EXPECT_THAT(issues, issue("colour", "unknown key"));
  EXPECT_THAT(issues, issue("services[0].icon", "unknown key"));
  EXPECT_THAT(issues, issue("services[0].hours.summer", "unknown key"));
  EXPECT_THAT(issues, issue("services[0].hours.weekly.monday", "unknown key"));
  EXPECT_EQ(issues.size(), 4u) << describe_all(issues);
}

TEST(ServiceCatalogParse, RequiresVersionAndServices) {
  EXPECT_THAT(issues_for(json{{"services", valid_catalog()["services"]}}),
              issue("version", "missing required key"));
  EXPECT_THAT(issues_for(json{{"version", 1}}), issue("services", "missing required key"));
  EXPECT_THAT(issues_for(json{{"version", 0}, {"services", valid_catalog()["services"]}}),
              issue("version", "between"));
  EXPECT_THAT(issues_for(json{{"version", 1.5}, {"services", valid_catalog()["services"]}}),
              issue("version", "expected an integer"));
  EXPECT_THAT(issues_for(json{{"version", 1}, {"services", json::array()}}),
              issue("services", "non-empty list"));
  EXPECT_THAT(issues_for(json{{"version", 1}, {"services", {1}}}),
              issue("services[0]", "expected an object"));
}

TEST(ServiceCatalogParse, RequiresEveryServiceField) {
  for (const std::string field : {"id", "prefix", "name", "hours", "counters"}) {
    json document = valid_catalog();
    document["services"][1].erase(field);
    EXPECT_THAT(issues_for(document), issue("services[1]." + field, "missing required key")) << field;
  }
  json no_weekly = valid_catalog();
  no_weekly["services"][0]["hours"].erase("weekly");
  EXPECT_THAT(issues_for(no_weekly), issue("services[0].hours.weekly", "missing required key"));
}

TEST(ServiceCatalogParse, RejectsBadIdsAndPrefixes) {
  for (const std::string& bad_id : {std::string("Cash"), std::string(), std::string("9cash"),
                                    std::string("cash money"), std::string(33, 'a')}) {
    json document = valid_catalog();
    document["services"][0]["id"] = bad_id;
    EXPECT_THAT(issues_for(document), issue("services[0].id", "not a service id")) << bad_id;
  }
  for (const std::string bad_prefix : {"a", "ABC", "1", "", "Å", "A1"}) {
    json document = valid_catalog();
    document["services"][0]["prefix"] = bad_prefix;
    EXPECT_THAT(issues_for(document), issue("services[0].prefix", "uppercase letters")) << bad_prefix;
  }
  json numeric = valid_catalog();
  numeric["services"][0]["id"] = 7;
  EXPECT_THAT(issues_for(numeric), issue("services[0].id", "expected a string"));
}

TEST(ServiceCatalogParse, RejectsDuplicateIdsAndPrefixes) {
  json document = valid_catalog();
  document["services"].push_back(valid_service("cash", "A"));
  document["services"].push_back(valid_service("other", "C"));
  const auto issues = issues_for(document);
  EXPECT_THAT(issues, issue("services[2].id", "\"cash\" is already used by services[0]"));
  EXPECT_THAT(issues, issue("services[2].prefix", "\"A\" is already used by services[0]"));
  EXPECT_THAT(issues, issue("services[3].prefix", "\"C\" is already used by services[1]"));
  EXPECT_EQ(issues.size(), 3u) << describe_all(issues);
}

TEST(ServiceCatalogParse, RejectsBadTimes) {
  const std::pair<std::string, std::string> cases[] = {
      {"9:00-15:00", "is not an interval"},      {"09:00-25:00", "is not an interval"},
      {"10:60-11:00", "is not an interval"},     {"24:00-24:00", "is not an interval"},
      {"09:00 - 15:00", "is not an interval"},   {"09:00", "is not an interval"},
      {"0900-1500", "is not an interval"},       {"15:00-10:00", "closes before it opens"},
      {"10:00-10:00", "closes before it opens"},
  };
  for (const auto& [text, fragment] : cases) {
    json document = valid_catalog();
    document["services"][0]["hours"]["weekly"]["wed"] = {"08:00-09:00", text};
    EXPECT_THAT(issues_for(document), issue("services[0].hours.weekly.wed[1]", fragment)) << text;
  }
  json not_list = valid_catalog();
  not_list["services"][0]["hours"]["weekly"]["thu"] = "09:00-15:00";
  EXPECT_THAT(issues_for(not_list), issue("services[0].hours.weekly.thu", "expected a list"));
  json not_string = valid_catalog();
  not_string["services"][0]["hours"]["weekly"]["thu"] = {900};
  EXPECT_THAT(issues_for(not_string), issue("services[0].hours.weekly.thu[0]", "expected a string"));
}

TEST(ServiceCatalogParse, RejectsOverlappingIntervals) {
  json document = valid_catalog();
  document["services"][1]["hours"]["weekly"]["mon"] = {"09:00-12:00", "13:00-15:00", "11:30-13:30"};
  const auto issues = issues_for(document);
  EXPECT_THAT(issues, issue("services[1].hours.weekly.mon[2]",
                            "overlaps \"09:00-12:00\" (services[1].hours.weekly.mon[0])"));
  EXPECT_THAT(issues, issue("services[1].hours.weekly.mon[2]", "overlaps \"13:00-15:00\""));
  json same = valid_catalog();
  same["services"][0]["hours"]["weekly"]["fri"] = {"09:00-10:00", "09:00-10:00"};
  EXPECT_THAT(issues_for(same), issue("services[0].hours.weekly.fri[1]", "overlaps"));
}

TEST(ServiceCatalogParse, RejectsBadClosedDates) {
  for (const std::string text :
       {"2026-02-29", "2026-1-05", "2026-13-01", "26-12-24", "2026/12/24", "tomorrow"}) {
    json document = valid_catalog();
    document["services"][0]["hours"]["closed_dates"] = {text};
    EXPECT_THAT(issues_for(document), issue("services[0].hours.closed_dates[0]", "not a calendar date"))
        << text;
  }
  json leap = valid_catalog();
  leap["services"][0]["hours"]["closed_dates"] = {"2028-02-29"};
  EXPECT_TRUE(parse_service_catalog(leap.dump()).ok());
  json twice = valid_catalog();
  twice["services"][0]["hours"]["closed_dates"] = {"2026-12-24", "2026-12-24"};
  EXPECT_THAT(issues_for(twice), issue("services[0].hours.closed_dates[1]", "listed twice"));
  json not_list = valid_catalog();
  not_list["services"][0]["hours"]["closed_dates"] = "2026-12-24";
  EXPECT_THAT(issues_for(not_list), issue("services[0].hours.closed_dates", "expected a list"));
}

TEST(ServiceCatalogParse, RejectsBadCounters) {
  const std::pair<json, std::string> cases[] = {
      {json::array(), "services[0].counters"},    {json{0}, "services[0].counters[0]"},
      {json{1000}, "services[0].counters[0]"},    {json{1, "2"}, "services[0].counters[1]"},
      {json{1, 2, 1}, "services[0].counters[2]"}, {json{-1}, "services[0].counters[0]"},
      {json{1.0}, "services[0].counters[0]"},     {json{"1"}, "services[0].counters[0]"},
      {json(1), "services[0].counters"},
  };
  for (const auto& [counters, path] : cases) {
    json document = valid_catalog();
    document["services"][0]["counters"] = counters;
    const auto issues = issues_for(document);
    EXPECT_THAT(issues, Contains(Field(&ParseIssue::path, path))) << counters.dump() << "\n"
                                                                  << describe_all(issues);
  }
  json huge = valid_catalog();
  huge["services"][0]["counters"] = json::parse("[18446744073709551615]");
  EXPECT_THAT(issues_for(huge), issue("services[0].counters[0]", "between 1 and 999"));
}

TEST(ServiceCatalogParse, RequiresEnglishNamesAndRealText) {
  json no_english = valid_catalog();
  no_english["services"][0]["name"] = {{"nb", "Kontanter"}};
  EXPECT_THAT(issues_for(no_english), issue("services[0].name.en", "English text is required"));
  json empty_text = valid_catalog();
  empty_text["services"][0]["name"]["ru"] = "  ";
  EXPECT_THAT(issues_for(empty_text), issue("services[0].name.ru", "text is empty"));
  json not_text = valid_catalog();
  not_text["services"][0]["name"]["ru"] = 5;
  EXPECT_THAT(issues_for(not_text), issue("services[0].name.ru", "expected a string"));
  json bad_tag = valid_catalog();
  bad_tag["services"][0]["name"]["zh Hans"] = "现金";
  EXPECT_THAT(issues_for(bad_tag), issue("services[0].name.zh Hans", "not a language tag"));
  json plain = valid_catalog();
  plain["services"][0]["name"] = "Cash";
  EXPECT_THAT(issues_for(plain), issue("services[0].name", "expected an object"));
  json description = valid_catalog();
  description["services"][1]["description"] = {{"nb", "Innskudd"}};
  EXPECT_THAT(issues_for(description), issue("services[1].description.en", "English text is required"));
}

TEST(ServiceCatalogParse, RejectsNonBooleanEnabled) {
  json document = valid_catalog();
  document["services"][0]["enabled"] = "yes";
  EXPECT_THAT(issues_for(document), issue("services[0].enabled", "expected true or false"));
}

TEST(ServiceCatalogParse, ReportsEveryProblemAtOnce) {
  json document = valid_catalog();
  document["version"] = -1;
  document["services"][0]["prefix"] = "a";
  document["services"][1]["hours"]["weekly"]["tue"] = {"25:00-26:00"};
  document["services"][1]["counters"] = {0};
  const auto issues = issues_for(document);
  EXPECT_THAT(issues, issue("version", "between"));
  EXPECT_THAT(issues, issue("services[0].prefix", "uppercase"));
  EXPECT_THAT(issues, issue("services[1].hours.weekly.tue[0]", "is not an interval"));
  EXPECT_THAT(issues, issue("services[1].counters[0]", "between"));
  EXPECT_EQ(issues.size(), 4u) << describe_all(issues);
  EXPECT_EQ(describe(issues[0]), "version: must be between 1 and 2000000000");
}

TEST(ServiceCatalogParse, SurvivesHostileInput) {
  // Deep nesting and odd bytes must give issues, never a crash or an exception.
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  EXPECT_FALSE(parse_service_catalog(deep).ok());
  EXPECT_FALSE(parse_service_catalog(std::string("{\"version\": 1, \"services\": [\"\xff\xfe\"]}")).ok());
  EXPECT_FALSE(parse_service_catalog(std::string("\0\0\0", 3)).ok());
  EXPECT_FALSE(parse_service_catalog("null").ok());
}

}  // namespace
}  // namespace kiosk::domain::queue
