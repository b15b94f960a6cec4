#include "i18n/catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <utility>

#include "i18n/placeholders.hpp"
#include "i18n/po_file.hpp"

namespace kiosk::i18n {
namespace {

constexpr std::string_view k_russian_po = R"(# Russian test catalog
msgid ""
msgstr ""
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "Touch the screen to start"
msgstr "Коснитесь экрана, чтобы начать"

msgctxt "button"
msgid "Back"
msgstr "Назад"

msgid "Back"
msgstr "Обратно"

#, fuzzy
msgid "Print ticket"
msgstr "Печать чека"

msgid "Call staff"
msgstr ""

msgid "Your session ends in {count} second"
msgid_plural "Your session ends in {count} seconds"
msgstr[0] "Ваш сеанс завершится через {count} секунду"
msgstr[1] "Ваш сеанс завершится через {count} секунды"
msgstr[2] "Ваш сеанс завершится через {count} секунд"

msgid "{count} ticket"
msgid_plural "{count} tickets"
msgstr[0] "{count} талон"
msgstr[1] ""
msgstr[2] "{count} талонов"

msgid "{count} window"
msgid_plural "{count} windows"
msgstr[0] "{count} окно"
msgstr[1] "{count} окна"

msgid "{count} minute"
msgstr "{count} минута"
)";

Catalog load(std::string_view text, std::string_view name = "ru.po") {
  std::string error;
  auto catalog = Catalog::parse_po(text, name, &error);
  EXPECT_TRUE(catalog) << error;
  return catalog ? std::move(*catalog) : Catalog{};
}

constexpr std::string_view k_session_one = "Your session ends in {count} second";
constexpr std::string_view k_session_many = "Your session ends in {count} seconds";

TEST(Catalog, EmptyCatalogReturnsMsgidAndEnglishPlurals) {
  const Catalog catalog;
  EXPECT_EQ(catalog.language(), "");
  const std::string msgid = "Touch the screen to start";
  EXPECT_EQ(catalog.tr(msgid).data(), msgid.data()) << "the fallback is the caller's own text, not a copy";
  EXPECT_EQ(catalog.trc("button", "Back"), "Back");
  EXPECT_EQ(catalog.tr_n("one", "many", 0), "many");
  EXPECT_EQ(catalog.tr_n("one", "many", 1), "one");
  EXPECT_EQ(catalog.tr_n("one", "many", 2), "many");
}

TEST(Catalog, TranslatesAndReadsLanguage) {
  const auto catalog = load(k_russian_po);
  EXPECT_EQ(catalog.language(), "ru");
  EXPECT_EQ(catalog.tr("Touch the screen to start"), "Коснитесь экрана, чтобы начать");
  EXPECT_EQ(catalog.tr("Not in the catalog"), "Not in the catalog");
}

TEST(Catalog, ContextSelectsTheEntry) {
  const auto catalog = load(k_russian_po);
  EXPECT_EQ(catalog.trc("button", "Back"), "Назад");
  EXPECT_EQ(catalog.tr("Back"), "Обратно");
  EXPECT_EQ(catalog.trc("", "Back"), "Обратно") << "an empty context means no context";
  EXPECT_EQ(catalog.trc("menu", "Back"), "Back") << "an unknown context does not borrow another's text";
}

TEST(Catalog, FuzzyAndUntranslatedComeBackInEnglish) {
  const auto catalog = load(k_russian_po);
  EXPECT_EQ(catalog.tr("Print ticket"), "Print ticket");
  EXPECT_EQ(catalog.tr("Call staff"), "Call staff");
  // One empty plural form makes the whole entry untranslated: no mixing of languages by count.
  EXPECT_EQ(catalog.tr_n("{count} ticket", "{count} tickets", 1), "{count} ticket");
  EXPECT_EQ(catalog.tr_n("{count} ticket", "{count} tickets", 5), "{count} tickets");
}

TEST(Catalog, PluralsFollowTheCatalogRule) {
  const auto catalog = load(k_russian_po);
  const std::string one = "Ваш сеанс завершится через {count} секунду";
  const std::string few = "Ваш сеанс завершится через {count} секунды";
  const std::string many = "Ваш сеанс завершится через {count} секунд";
  EXPECT_EQ(catalog.tr_n(k_session_one, k_session_many, 1), one);
  EXPECT_EQ(catalog.tr_n(k_session_one, k_session_many, 21), one);
  EXPECT_EQ(catalog.tr_n(k_session_one, k_session_many, 3), few);
  EXPECT_EQ(catalog.tr_n(k_session_one, k_session_many, 0), many);
  EXPECT_EQ(catalog.tr_n(k_session_one, k_session_many, 11), many);
  EXPECT_EQ(catalog.tr(k_session_one), one) << "tr() on a plural entry gives the first form";
}

TEST(Catalog, MissingPluralFormFallsBackToFirstForm) {
  const auto catalog = load(k_russian_po);
  EXPECT_EQ(catalog.tr_n("{count} window", "{count} windows", 5), "{count} окно");
  EXPECT_EQ(catalog.tr_n("{count} window", "{count} windows", 2), "{count} окна");
}

TEST(Catalog, SingularEntryUsedAsPluralFollowsEnglish) {
  const auto catalog = load(k_russian_po);
  EXPECT_EQ(catalog.tr_n("{count} minute", "{count} minutes", 5), "{count} minutes");
  EXPECT_EQ(catalog.tr("{count} minute"), "{count} минута");
}

TEST(Catalog, ChineseHasOneFormForEveryCount) {
  const auto catalog = load(R"(msgid ""
msgstr "Language: zh_CN\n"
"Plural-Forms: nplurals=1; plural=0;\n"

msgid "Your session ends in {count} second"
msgid_plural "Your session ends in {count} seconds"
msgstr[0] "您的会话将在 {count} 秒后结束"
)",
                            "zh-Hans.po");
  EXPECT_EQ(catalog.language(), "zh_CN");
  for (const std::uint64_t n : std::initializer_list<std::uint64_t>{0ULL, 1ULL, 2ULL, 1000ULL}) {
    EXPECT_EQ(catalog.tr_n(k_session_one, k_session_many, n), "您的会话将在 {count} 秒后结束") << n;
  }
}

TEST(Catalog, CatalogWithoutPluralFormsUsesEnglishRule) {
  const auto catalog = load("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"A1\"\nmsgstr[1] \"A2\"\n");
  EXPECT_EQ(catalog.tr_n("a", "as", 1), "A1");
  EXPECT_EQ(catalog.tr_n("a", "as", 0), "A2");
  EXPECT_EQ(catalog.tr_n("a", "as", 7), "A2");
}

TEST(Catalog, ReportsParseErrorsWithSourceAndLine) {
  std::string error;
  EXPECT_FALSE(Catalog::parse_po("msgid \"a\"\nmsgstr \"b\n", "nb.po", &error));
  EXPECT_EQ(error, "nb.po:2: unterminated string");
}

TEST(Catalog, RejectsMalformedPluralFormsAtHeaderLine) {
  std::string error;
  EXPECT_FALSE(Catalog::parse_po("# c\nmsgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=n ? 1;\\n\"\n",
                                 "nb.po", &error));
  EXPECT_EQ(error, "nb.po:2: Plural-Forms: plural expression: expected ':' at column 6");
}

TEST(Catalog, BuildsFromParsedFile) {
  auto file = parse_po(k_russian_po, "ru.po", nullptr);
  ASSERT_TRUE(file);
  auto catalog = Catalog::from_po_file(std::move(*file), "ru.po", nullptr);
  ASSERT_TRUE(catalog);
  EXPECT_EQ(catalog->tr("Back"), "Обратно");
}

TEST(Catalog, LoadsFileAndReportsMissingFile) {
  const auto path = std::filesystem::path(::testing::TempDir()) / "catalog_test_ru.po";
  {
    std::ofstream out(path, std::ios::binary);
    out << k_russian_po;
  }
  std::string error;
  const auto catalog = Catalog::load_po_file(path, &error);
  ASSERT_TRUE(catalog) << error;
  EXPECT_EQ(catalog->tr("Back"), "Обратно");
  std::filesystem::remove(path);

  EXPECT_FALSE(Catalog::load_po_file(path, &error));
  EXPECT_EQ(error.rfind(path.string() + ": cannot read file", 0), 0u) << error;
  EXPECT_FALSE(Catalog::load_po_file(path, nullptr));
}

TEST(Catalog, MovedFromCatalogBehavesLikeEmpty) {
  auto catalog = load(k_russian_po);
  const Catalog moved = std::move(catalog);
  EXPECT_EQ(moved.tr("Back"), "Обратно");
  // NOLINTBEGIN(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the documented moved-from behaviour
  // is what is tested
  EXPECT_EQ(catalog.tr("Back"), "Back");
  EXPECT_EQ(catalog.trc("button", "Back"), "Back");
  EXPECT_EQ(catalog.tr_n("a", "as", 2), "as");
  EXPECT_EQ(catalog.language(), "");
  catalog = Catalog{};
  EXPECT_EQ(catalog.tr("Back"), "Back");
  // NOLINTEND(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
}

// ---- format_named and placeholder_names ----

using Values = std::map<std::string, std::string, std::less<>>;

TEST(CatalogFormatNamed, ReplacesKnownPlaceholders) {
  EXPECT_EQ(format_named("Your session ends in {count} seconds", Values{{"count", "30"}}),
            "Your session ends in 30 seconds");
  EXPECT_EQ(format_named("{a}{b}{a}", Values{{"a", "1"}, {"b", "2"}}), "121");
  EXPECT_EQ(format_named("您的会话将在 {count} 秒后结束", Values{{"count", "5"}}), "您的会话将在 5 秒后结束");
  EXPECT_EQ(format_named("{name}", Values{{"name", "{count}"}}), "{count}") << "values are not re-scanned";
  EXPECT_EQ(format_named("", Values{}), "");
}

TEST(CatalogFormatNamed, LeavesUnknownAndBrokenPlaceholdersAlone) {
  const Values values{{"count", "3"}};
  EXPECT_EQ(format_named("{unknown} and {count}", values), "{unknown} and 3");
  EXPECT_EQ(format_named("{count", values), "{count");
  EXPECT_EQ(format_named("count}", values), "count}");
  EXPECT_EQ(format_named("{}", values), "{}");
  EXPECT_EQ(format_named("{", values), "{");
  EXPECT_EQ(format_named("}", values), "}");
  EXPECT_EQ(format_named("{{count}", values), "{count}");
  EXPECT_EQ(format_named("{co{count}", values), "{co3");
}

TEST(CatalogFormatNamed, DoubledBracesAreLiteral) {
  const Values values{{"count", "3"}};
  EXPECT_EQ(format_named("{{count}}", values), "{count}");
  EXPECT_EQ(format_named("{{{count}}}", values), "{3}");
  EXPECT_EQ(format_named("a}}b{{c", values), "a}b{c");
}

TEST(CatalogPlaceholders, FindsNamesByTheSameRules) {
  using Names = std::set<std::string, std::less<>>;
  EXPECT_EQ(placeholder_names("Your session ends in {count} seconds"), Names{"count"});
  EXPECT_EQ(placeholder_names("{a} {b} {a}"), (Names{"a", "b"}));
  EXPECT_EQ(placeholder_names("{{count}} {} { {x"), Names{});
  EXPECT_EQ(placeholder_names("{{{count}}}"), Names{"count"});
  EXPECT_EQ(placeholder_names("{co{count}"), Names{"count"});
  EXPECT_EQ(placeholder_names(""), Names{});
}

}  // namespace
}  // namespace kiosk::i18n
