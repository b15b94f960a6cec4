// "You said, we did" documents: what is read, what is refused and why, and which messages show when.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <date/date.h>
#include <date/tz.h>

#include "domain/announcements/announcements.hpp"

namespace kiosk::domain::announcements {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string issues_of(const ParseResult<Announcements>& result) {
  std::string all;
  for (const auto& issue : result.issues)
    all += describe(issue) + "\n";
  return all;
}

json message(const std::string& id) {
  return {{"id", id},
          {"title",
           {{"en", "You said the queue was hard to follow"}, {"nb", "Dere sa at køen var uoversiktlig"}}},
          {"body", {{"en", "We added a now-serving screen above the counters."}}}};
}

json document(const std::vector<json>& messages) {
  return {{"format", 1}, {"announcements", json(messages)}};
}

const date::time_zone& oslo() {
  return *date::locate_zone("Europe/Oslo");
}

EventTime utc(int y, unsigned m, unsigned d, int hh, int mm) {
  return EventTime{date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{hh} +
                   std::chrono::minutes{mm}};
}

TEST(ParseAnnouncements, ReadsMessagesInOrderWithTheirWindows) {
  auto second = message("longer-hours");
  second["start"] = "2026-12-01T00:00:00Z";
  second["end"] = "2027-01-01T00:00:00+01:00";
  second["weekdays"] = {"sat", "mon"};
  const auto result = parse_announcements(document({message("now-serving"), second}).dump());
  ASSERT_TRUE(result.ok()) << issues_of(result);
  ASSERT_EQ(result.value->items.size(), 2U);
  const auto& first = result.value->items[0];
  EXPECT_EQ(first.id, "now-serving");
  EXPECT_EQ(first.title.in("nb"), "Dere sa at køen var uoversiktlig");
  EXPECT_FALSE(first.start.has_value());
  EXPECT_FALSE(first.end.has_value());
  EXPECT_EQ(first.weekdays, (std::array<bool, 7>{true, true, true, true, true, true, true}));
  const auto& read = result.value->items[1];
  EXPECT_EQ(read.start, utc(2026, 12, 1, 0, 0));
  EXPECT_EQ(read.end, utc(2026, 12, 31, 23, 0));
  EXPECT_EQ(read.weekdays, (std::array<bool, 7>{true, false, false, false, false, true, false}));
}

TEST(ParseAnnouncements, TheShippedSampleIsValid) {
  std::ifstream in(std::string(KIOSK_ASSETS_DIR) + "/announcements/announcements.json", std::ios::binary);
  ASSERT_TRUE(in) << "assets/announcements/announcements.json is missing";
  std::stringstream text;
  text << in.rdbuf();
  const auto result = parse_announcements(text.str());
  ASSERT_TRUE(result.ok()) << issues_of(result);
  ASSERT_FALSE(result.value->items.empty());
  for (const auto& item : result.value->items) {
    for (const auto* language : {"en", "ru", "zh-Hans", "nb"}) {
      EXPECT_TRUE(item.title.has(language)) << item.id << " title in " << language;
      EXPECT_TRUE(item.body.has(language)) << item.id << " body in " << language;
    }
  }
}

TEST(ParseAnnouncements, AnEmptyListIsValidAndShowsNothing) {
  const auto result = parse_announcements(document({}).dump());
  ASSERT_TRUE(result.ok()) << issues_of(result);
  EXPECT_TRUE(result.value->items.empty());
}

TEST(ParseAnnouncements, MalformedDocumentsAreRefusedWithTheirPath) {
  struct Case {
    std::string text;
    std::string expected;
  };
  auto no_body = message("a");
  no_body.erase("body");
  auto bad_weekday = message("a");
  bad_weekday["weekdays"] = {"mon", "funday"};
  auto twice = message("a");
  twice["weekdays"] = {"mon", "mon"};
  auto backwards = message("a");
  backwards["start"] = "2026-12-02T00:00:00Z";
  backwards["end"] = "2026-12-01T00:00:00Z";
  auto not_a_time = message("a");
  not_a_time["end"] = "next Tuesday";
  auto extra = message("a");
  extra["colour"] = "red";
  const std::vector<Case> cases = {
      {"", "not valid JSON"},
      {"{\"format\": 1, \"announcements\": [", "not valid JSON"},
      {"[]", "expected an object"},
      {json{{"announcements", json::array()}}.dump(), "format: missing required key"},
      {json{{"format", 2}, {"announcements", json::array()}}.dump(), "format: format 2 is not known"},
      {json{{"format", 1}}.dump(), "announcements: missing required key"},
      {R"({"format": 1, "announcements": ["a"]})", "announcements[0]: expected an object"},
      {document({no_body}).dump(), "announcements[0].body: missing required key"},
      {document({message("Bad Id")}).dump(), "announcements[0].id: not an id"},
      {document({message("a"), message("a")}).dump(), "announcements[1].id: \"a\" is used by another"},
      {document({bad_weekday}).dump(), "announcements[0].weekdays[1]: expected one of"},
      {document({twice}).dump(), "announcements[0].weekdays[1]: weekday listed twice"},
      {document({backwards}).dump(), "announcements[0].end: must be after start"},
      {document({not_a_time}).dump(), "announcements[0].end: \"next Tuesday\" is not an RFC 3339 time"},
      {document({extra}).dump(), "announcements[0].colour: unknown key"},
      {"{\"format\": 1, \"format\": 1, \"announcements\": []}", "format: key appears more than once"},
  };
  for (const auto& [text, expected] : cases) {
    const auto result = parse_announcements(text);
    EXPECT_FALSE(result.ok()) << text;
    EXPECT_NE(issues_of(result).find(expected), std::string::npos)
        << "for " << text << "\nexpected " << expected << "\nfound " << issues_of(result);
  }
}

TEST(ParseAnnouncements, EnglishIsRequiredOtherKioskLanguagesAreOptionalUnknownOnesRefused) {
  auto no_english = message("a");
  no_english["title"] = {{"nb", "Dere sa"}};
  auto result = parse_announcements(document({no_english}).dump());
  EXPECT_NE(issues_of(result).find("announcements[0].title.en: English text is required"), std::string::npos)
      << issues_of(result);

  auto french = message("a");
  french["body"]["fr"] = "Nous avons";
  result = parse_announcements(document({french}).dump());
  EXPECT_NE(issues_of(result).find("announcements[0].body.fr: not a language this kiosk offers"),
            std::string::npos)
      << issues_of(result);

  auto lower_case_tag = message("a");
  lower_case_tag["body"]["zh-hans"] = "我们";
  result = parse_announcements(document({lower_case_tag}).dump());
  EXPECT_NE(issues_of(result).find("announcements[0].body.zh-hans: not a language"), std::string::npos)
      << "a misspelt tag would silently never show: " << issues_of(result);

  auto empty = message("a");
  empty["title"]["ru"] = "   ";
  result = parse_announcements(document({empty}).dump());
  EXPECT_NE(issues_of(result).find("announcements[0].title.ru: text is empty"), std::string::npos)
      << issues_of(result);
}

TEST(ParseAnnouncements, OversizeTextCountAndDocumentAreRefused) {
  auto long_title = message("a");
  long_title["title"]["zh-Hans"] = std::string();
  for (std::size_t i = 0; i <= k_max_title_code_points; ++i)
    long_title["title"]["zh-Hans"] = long_title["title"]["zh-Hans"].get<std::string>() + "说";
  auto result = parse_announcements(document({long_title}).dump());
  EXPECT_NE(issues_of(result).find("announcements[0].title.zh-Hans: longer than 90 characters"),
            std::string::npos)
      << issues_of(result);

  auto just_fits = message("a");
  just_fits["body"]["en"] = std::string(k_max_body_code_points, 'x');
  EXPECT_TRUE(parse_announcements(document({just_fits}).dump()).ok()) << "the bound itself is allowed";
  just_fits["body"]["en"] = std::string(k_max_body_code_points + 1, 'x');
  EXPECT_FALSE(parse_announcements(document({just_fits}).dump()).ok());

  std::vector<json> many;
  for (std::size_t i = 0; i <= k_max_announcements; ++i)
    many.push_back(message("m" + std::to_string(i)));
  result = parse_announcements(document(many).dump());
  EXPECT_NE(issues_of(result).find("announcements: 13 messages; at most 12"), std::string::npos)
      << issues_of(result);

  const std::string huge =
      "{\"format\": 1, \"announcements\": [], \"pad\": \"" + std::string(k_max_document_bytes, ' ') + "\"}";
  result = parse_announcements(huge);
  EXPECT_NE(issues_of(result).find("at most 65536 are accepted"), std::string::npos) << issues_of(result);
}

TEST(ParseAnnouncements, HostileInputIsRefusedWithoutThrowing) {
  const std::string deep(60'000, '[');
  EXPECT_FALSE(parse_announcements(deep).ok());
  const std::string invalid_utf8 =
      "{\"format\": 1, \"announcements\": [{\"id\": \"a\", \"title\": {\"en\": \"\xC3\x28\"}, "
      "\"body\": {\"en\": \"x\"}}]}";
  EXPECT_FALSE(parse_announcements(invalid_utf8).ok());
  auto control = message("a");
  control["title"]["en"] = "You said\x1b[2J";
  auto result = parse_announcements(document({control}).dump());
  EXPECT_NE(issues_of(result).find("announcements[0].title.en: contains a control character"),
            std::string::npos)
      << issues_of(result);
  auto newline_in_body = message("a");
  newline_in_body["body"]["en"] = "We did this.\nAnd that.";
  EXPECT_TRUE(parse_announcements(document({newline_in_body}).dump()).ok()) << "a body may break lines";
  auto number_id = message("a");
  number_id["id"] = 7;
  EXPECT_FALSE(parse_announcements(document({number_id}).dump()).ok());
  EXPECT_FALSE(parse_announcements(std::string("{\"format\": 1,\0\"announcements\": []}", 34)).ok());
}

TEST(AnnouncementWindow, StartIsInclusiveEndIsExclusive) {
  Announcement item;
  item.start = utc(2026, 12, 1, 8, 0);
  item.end = utc(2026, 12, 2, 8, 0);
  EXPECT_FALSE(is_shown_at(item, *item.start - 1ms, oslo()));
  EXPECT_TRUE(is_shown_at(item, *item.start, oslo()));
  EXPECT_TRUE(is_shown_at(item, *item.end - 1ms, oslo()));
  EXPECT_FALSE(is_shown_at(item, *item.end, oslo()));
  EXPECT_FALSE(has_ended(item, *item.end - 1ms));
  EXPECT_TRUE(has_ended(item, *item.end));
}

TEST(AnnouncementWindow, WeekdaysAreBranchLocal) {
  Announcement weekdays_only;
  weekdays_only.weekdays = {true, true, true, true, true, false, false};
  // Friday 2026-12-04 23:30 UTC is already Saturday 00:30 in Oslo.
  EXPECT_TRUE(is_shown_at(weekdays_only, utc(2026, 12, 4, 22, 30), oslo()));
  EXPECT_FALSE(is_shown_at(weekdays_only, utc(2026, 12, 4, 23, 30), oslo()));
  EXPECT_TRUE(is_shown_at(weekdays_only, utc(2026, 12, 4, 23, 30), *date::locate_zone("UTC")));
  // Sunday 23:30 UTC is Monday in Oslo.
  EXPECT_TRUE(is_shown_at(weekdays_only, utc(2026, 12, 6, 23, 30), oslo()));
}

TEST(AnnouncementWindow, ShownAtKeepsDocumentOrderAndSkipsTheOthers) {
  Announcements all;
  all.items.resize(3);
  all.items[0].id = "always";
  all.items[1].id = "later";
  all.items[1].start = utc(2027, 1, 1, 0, 0);
  all.items[2].id = "also";
  const auto shown = shown_at(all, utc(2026, 12, 7, 12, 0), oslo());
  ASSERT_EQ(shown.size(), 2U);
  EXPECT_EQ(shown[0]->id, "always");
  EXPECT_EQ(shown[1]->id, "also");
}

TEST(AnnouncementText, FallsBackToTheKioskDefaultLanguageThenEnglish) {
  LocalizedText text({{"en", "We did"}, {"nb", "Vi gjorde"}});
  EXPECT_EQ(text_in(text, "nb", "en"), "Vi gjorde");
  EXPECT_EQ(text_in(text, "ru", "nb"), "Vi gjorde");
  EXPECT_EQ(text_in(text, "ru", "zh-Hans"), "We did");
}

}  // namespace
}  // namespace kiosk::domain::announcements
