#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "domain/complaints/taxonomy.hpp"
#include "domain/language.hpp"
#include "domain/text/utf8.hpp"

namespace kiosk::domain::complaints {
namespace {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shipped_taxonomy_text() {
  return read_text_file(KIOSK_ASSETS_DIR "/complaints/taxonomy.json");
}

// A small valid document the error tests change one thing in.
constexpr std::string_view k_names =
    R"({"en": "ATM", "ru": "Банкомат", "zh-Hans": "自动取款机", "nb": "Minibank"})";

std::string issue_json(std::string_view id, std::string_view cfpb = "[]") {
  return std::string(R"({"id": ")") + std::string(id) + R"(", "name": )" + std::string(k_names) +
         R"(, "cfpb": )" + std::string(cfpb) + "}";
}

std::string product_json(std::string_view id, std::string_view issues) {
  return std::string(R"({"id": ")") + std::string(id) + R"(", "name": )" + std::string(k_names) +
         R"(, "cfpb": ["Mortgage"], "issues": [)" + std::string(issues) + "]}";
}

std::string taxonomy_json(std::string_view products) {
  return std::string(R"({"version": "t1", "products": [)") + std::string(products) + "]}";
}

std::string valid_json() {
  return taxonomy_json(product_json(
      "atm", issue_json("card_retained", R"(["Using a debit or ATM card"])") + "," + issue_json("other")));
}

// True when some issue has exactly this path and its message contains `words`.
bool has_issue(const ParseResult<Taxonomy>& result, std::string_view path, std::string_view words) {
  for (const ParseIssue& issue : result.issues) {
    if (issue.path == path && issue.message.find(words) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string all_issues(const ParseResult<Taxonomy>& result) {
  std::string text;
  for (const ParseIssue& issue : result.issues) {
    text += describe(issue) + "\n";
  }
  return text;
}

TEST(Taxonomy, ShippedFileParses) {
  const std::string text = shipped_taxonomy_text();
  ASSERT_FALSE(text.empty()) << "cannot read " KIOSK_ASSETS_DIR "/complaints/taxonomy.json";
  const auto result = parse_taxonomy(text);
  ASSERT_TRUE(result.ok()) << all_issues(result);
  EXPECT_FALSE(result.value->version.empty());
}

TEST(Taxonomy, ShippedFileHasTheAgreedProductsEachWithFourToNineIssuesEndingInOther) {
  const auto result = parse_taxonomy(shipped_taxonomy_text());
  ASSERT_TRUE(result.ok()) << all_issues(result);
  std::vector<std::string> ids;
  for (const Product& product : result.value->products) {
    ids.push_back(product.id);
    EXPECT_GE(product.issues.size(), 4U) << product.id;
    EXPECT_LE(product.issues.size(), 9U) << product.id;
    EXPECT_EQ(product.issues.back().id, k_other_issue_id) << product.id;
  }
  const std::vector<std::string> expected = {
      "checking_savings", "cards", "payments_transfers", "loans", "mortgage", "atm", "branch_service",
      "online_mobile",    "other"};
  EXPECT_EQ(ids, expected);
}

TEST(Taxonomy, ShippedFileNamesEverythingInEverySupportedLanguage) {
  const auto result = parse_taxonomy(shipped_taxonomy_text());
  ASSERT_TRUE(result.ok()) << all_issues(result);
  auto check = [](const LocalizedText& name, const std::string& where) {
    std::set<std::string> translations;
    for (const LanguageInfo& language : supported_languages()) {
      ASSERT_TRUE(name.has(language.tag)) << where << " lacks " << language.tag;
      const std::string& text = name.in(language.tag);
      EXPECT_FALSE(text.empty()) << where;
      EXPECT_LE(count_code_points(text), k_max_name_code_points) << where << " " << language.tag;
      translations.insert(text);
    }
    // A translation that is just the English text copied is a missing translation in disguise.
    EXPECT_EQ(translations.size(), supported_languages().size())
        << where << " repeats a text across languages";
  };
  for (const Product& product : result.value->products) {
    check(product.name, product.id);
    for (const Issue& issue : product.issues) {
      check(issue.name, product.id + "/" + issue.id);
    }
  }
}

TEST(Taxonomy, ShippedFileMarksTheHighPriorityAndBranchOnlyIssues) {
  const auto result = parse_taxonomy(shipped_taxonomy_text());
  ASSERT_TRUE(result.ok()) << all_issues(result);
  const Taxonomy& taxonomy = *result.value;
  EXPECT_NE(find_issue(taxonomy, "atm", "card_retained"), nullptr);
  EXPECT_NE(find_issue(taxonomy, "atm", "cash_not_dispensed"), nullptr);
  EXPECT_NE(find_issue(taxonomy, "cards", "unauthorized_transaction"), nullptr);
  const Issue* wait = find_issue(taxonomy, "branch_service", "wait_time");
  ASSERT_NE(wait, nullptr);
  EXPECT_TRUE(wait->cfpb.empty());
  const Issue* staff = find_issue(taxonomy, "branch_service", "staff_conduct");
  ASSERT_NE(staff, nullptr);
  EXPECT_TRUE(staff->cfpb.empty());
}

TEST(Taxonomy, FindHelpers) {
  const auto result = parse_taxonomy(valid_json());
  ASSERT_TRUE(result.ok()) << all_issues(result);
  const Taxonomy& taxonomy = *result.value;
  const Product* atm = find_product(taxonomy, "atm");
  ASSERT_NE(atm, nullptr);
  EXPECT_EQ(find_product(taxonomy, "ATM"), nullptr);
  EXPECT_EQ(find_product(taxonomy, ""), nullptr);
  ASSERT_NE(find_issue(*atm, "card_retained"), nullptr);
  EXPECT_EQ(find_issue(*atm, "card_retained")->cfpb, std::vector<std::string>{"Using a debit or ATM card"});
  EXPECT_EQ(find_issue(*atm, "nope"), nullptr);
  EXPECT_EQ(find_issue(taxonomy, "atm", "other"), &atm->issues[1]);
  EXPECT_EQ(find_issue(taxonomy, "nope", "other"), nullptr);
}

TEST(Taxonomy, MatchCfpbPrefersAListedIssueAndFallsBackToOther) {
  const auto result = parse_taxonomy(valid_json());
  ASSERT_TRUE(result.ok()) << all_issues(result);
  const auto listed = match_cfpb(*result.value, "Mortgage", "Using a debit or ATM card");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->product->id, "atm");
  EXPECT_EQ(listed->issue->id, "card_retained");
  const auto fallback = match_cfpb(*result.value, "Mortgage", "Something the list does not have");
  ASSERT_TRUE(fallback);
  EXPECT_EQ(fallback->issue->id, "other");
  EXPECT_FALSE(match_cfpb(*result.value, "Debt collection", "Using a debit or ATM card"));
}

TEST(TaxonomyParse, RejectsInvalidJsonWithAByteOffset) {
  const auto result = parse_taxonomy(R"({"version": "1", "products": [)");
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.issues.size(), 1U);
  EXPECT_NE(result.issues[0].message.find("not valid JSON"), std::string::npos);
}

TEST(TaxonomyParse, RejectsEmptyInputAndNonObjects) {
  EXPECT_FALSE(parse_taxonomy("").ok());
  const auto array = parse_taxonomy("[]");
  ASSERT_FALSE(array.ok());
  EXPECT_TRUE(has_issue(array, "", "expected an object"));
}

TEST(TaxonomyParse, NamesUnknownKeysWithTheirPath) {
  std::string text = valid_json();
  text.replace(text.find(R"("cfpb": [])"), 10, R"("cfpb": [], "colour": "red")");
  const auto result = parse_taxonomy(text);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_issue(result, "products[0].issues[1].colour", "unknown key")) << all_issues(result);
  const auto top = parse_taxonomy(R"({"version": "1", "products": [], "extra": 1})");
  EXPECT_TRUE(has_issue(top, "extra", "unknown key")) << all_issues(top);
}

TEST(TaxonomyParse, NamesAMissingLanguage) {
  std::string text = valid_json();
  const std::string without_nb = R"({"en": "ATM", "ru": "Банкомат", "zh-Hans": "自动取款机"})";
  text.replace(text.find(std::string(k_names)), k_names.size(), without_nb);
  const auto result = parse_taxonomy(text);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_issue(result, "products[0].name", "missing language \"nb\"")) << all_issues(result);
}

TEST(TaxonomyParse, RejectsEmptyTooLongAndNonStringNames) {
  const std::string long_name(k_max_name_code_points + 1, 'x');
  const std::string names = R"({"en": ")" + long_name + R"(", "ru": " ", "zh-Hans": 7, "nb": "Minibank"})";
  const std::string text = taxonomy_json(R"({"id": "atm", "name": )" + names +
                                         R"(, "cfpb": [], "issues": [)" + issue_json("other") + "]}");
  const auto result = parse_taxonomy(text);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_issue(result, "products[0].name.en", "longer than")) << all_issues(result);
  EXPECT_TRUE(has_issue(result, "products[0].name.ru", "empty")) << all_issues(result);
  EXPECT_TRUE(has_issue(result, "products[0].name.zh-Hans", "expected a string")) << all_issues(result);
}

TEST(TaxonomyParse, CountsNameLengthInCharactersNotBytes) {
  // 32 Chinese characters are 96 bytes but still fit.
  std::string chinese;
  for (int i = 0; i < static_cast<int>(k_max_name_code_points); ++i) {
    chinese += "银";
  }
  std::string text = valid_json();
  text.replace(text.find(R"("自动取款机")"), std::string(R"("自动取款机")").size(), "\"" + chinese + "\"");
  EXPECT_TRUE(parse_taxonomy(text).ok());
}

TEST(TaxonomyParse, NamesRepeatedProductAndIssueIds) {
  const std::string issues = issue_json("fees") + "," + issue_json("fees") + "," + issue_json("other");
  const auto result = parse_taxonomy(
      taxonomy_json(product_json("atm", issues) + "," + product_json("atm", issue_json("other"))));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_issue(result, "products[0].issues[1].id", "already used by products[0].issues[0]"))
      << all_issues(result);
  EXPECT_TRUE(has_issue(result, "products[1].id", "already used by products[0]")) << all_issues(result);
}

TEST(TaxonomyParse, TheSameIssueIdMayAppearInDifferentProducts) {
  const std::string issues = issue_json("fees") + "," + issue_json("other");
  EXPECT_TRUE(
      parse_taxonomy(taxonomy_json(product_json("atm", issues) + "," + product_json("cards", issues))).ok());
}

TEST(TaxonomyParse, NamesRepeatedJsonKeys) {
  const auto result = parse_taxonomy(R"({"version": "1", "version": "2", "products": []})");
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_issue(result, "version", "more than once")) << all_issues(result);
  std::string nested = valid_json();
  nested.replace(nested.find(R"("nb": "Minibank")"), 16, R"("nb": "Minibank", "nb": "Minibank")");
  const auto inner = parse_taxonomy(nested);
  ASSERT_FALSE(inner.ok());
  EXPECT_TRUE(has_issue(inner, "products[0].name.nb", "more than once")) << all_issues(inner);
}

TEST(TaxonomyParse, RequiresTheLastIssueToBeOther) {
  const auto result =
      parse_taxonomy(taxonomy_json(product_json("atm", issue_json("other") + "," + issue_json("fees"))));
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_issue(result, "products[0].issues[1]", "must be \"other\"")) << all_issues(result);
}

TEST(TaxonomyParse, RejectsBadIdsCountsAndCfpbLists) {
  EXPECT_TRUE(has_issue(parse_taxonomy(taxonomy_json(product_json("Atm", issue_json("other")))),
                        "products[0].id", "not a valid id"));
  EXPECT_TRUE(has_issue(parse_taxonomy(taxonomy_json("")), "products", "expected 1 to"));
  EXPECT_TRUE(has_issue(parse_taxonomy(taxonomy_json(product_json("atm", ""))), "products[0].issues",
                        "expected 1 to"));
  const auto repeated =
      parse_taxonomy(taxonomy_json(product_json("atm", issue_json("other", R"(["A", "A"])"))));
  EXPECT_TRUE(
      has_issue(repeated, "products[0].issues[0].cfpb[1]", "already listed at products[0].issues[0].cfpb[0]"))
      << all_issues(repeated);
  const auto wrong_type =
      parse_taxonomy(taxonomy_json(product_json("atm", issue_json("other", R"("Mortgage")"))));
  EXPECT_TRUE(has_issue(wrong_type, "products[0].issues[0].cfpb", "expected an array"))
      << all_issues(wrong_type);
  const auto missing = parse_taxonomy(R"({"products": []})");
  EXPECT_TRUE(has_issue(missing, "version", "missing required key")) << all_issues(missing);
}

TEST(TaxonomyParse, ReportsEveryProblemInOnePass) {
  const std::string text = taxonomy_json(product_json("Bad", issue_json("x1", "3")) + "," + R"({"id": "b"})");
  const auto result = parse_taxonomy(text);
  ASSERT_FALSE(result.ok());
  EXPECT_GE(result.issues.size(), 4U) << all_issues(result);
}

TEST(TaxonomyParse, NeverThrowsOnTruncatedOrMangledDocuments) {
  const std::string text = shipped_taxonomy_text();
  ASSERT_FALSE(text.empty());
  // Every prefix length in coarse steps, plus single-byte corruptions: parse must return, not throw.
  for (std::size_t length = 0; length < text.size(); length += 97) {
    EXPECT_NO_THROW((void)parse_taxonomy(std::string_view(text).substr(0, length)));
  }
  for (std::size_t position = 0; position < text.size(); position += 89) {
    std::string mangled = text;
    mangled[position] = static_cast<char>(0xFF);
    const auto result = parse_taxonomy(mangled);
    EXPECT_FALSE(result.ok()) << "byte " << position;
  }
}

}  // namespace
}  // namespace kiosk::domain::complaints
