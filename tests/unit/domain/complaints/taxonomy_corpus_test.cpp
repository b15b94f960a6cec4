// The taxonomy against the real CFPB data in the shared corpus: every `cfpb` value must be a value the
// bureau actually uses, and the bureau's own labelled complaints must find a home in the kiosk's products.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/complaints/taxonomy.hpp"

namespace kiosk::domain::complaints {
namespace {

constexpr const char* k_cfpb_taxonomy = KIOSK_SHARED_DIR "/corpus/cfpb_taxonomy.json";
constexpr const char* k_cfpb_complaints = KIOSK_SHARED_DIR "/corpus/cfpb_complaints.jsonl";

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Taxonomy shipped_taxonomy() {
  auto result = parse_taxonomy(read_text_file(KIOSK_ASSETS_DIR "/complaints/taxonomy.json"));
  return result.ok() ? *result.value : Taxonomy{};
}

TEST(TaxonomyCorpus, EveryCfpbValueExistsInTheBureausLists) {
  if (!std::filesystem::exists(k_cfpb_taxonomy)) {
    GTEST_SKIP() << "CFPB taxonomy not found at " << k_cfpb_taxonomy << " (shared corpus absent)";
  }
  const auto corpus = nlohmann::json::parse(read_text_file(k_cfpb_taxonomy));
  std::set<std::string> products;
  std::set<std::string> issues;
  for (const auto& product : corpus.at("products")) {
    products.insert(product.at("product").get<std::string>());
  }
  for (const auto& issue : corpus.at("issues")) {
    issues.insert(issue.at("issue").get<std::string>());
  }
  ASSERT_FALSE(products.empty());
  ASSERT_FALSE(issues.empty());

  const Taxonomy taxonomy = shipped_taxonomy();
  ASSERT_FALSE(taxonomy.products.empty());
  std::size_t values_checked = 0;
  for (const Product& product : taxonomy.products) {
    for (const std::string& value : product.cfpb) {
      EXPECT_EQ(products.count(value), 1U) << product.id << ": \"" << value << "\" is not a CFPB product";
      ++values_checked;
    }
    for (const Issue& issue : product.issues) {
      for (const std::string& value : issue.cfpb) {
        EXPECT_EQ(issues.count(value), 1U)
            << product.id << "/" << issue.id << ": \"" << value << "\" is not a CFPB issue";
        ++values_checked;
      }
    }
  }
  EXPECT_GT(values_checked, 50U);
  // Every product the bureau has is accounted for by some kiosk product.
  for (const std::string& value : products) {
    bool mapped = false;
    for (const Product& product : taxonomy.products) {
      mapped = mapped || std::find(product.cfpb.begin(), product.cfpb.end(), value) != product.cfpb.end();
    }
    EXPECT_TRUE(mapped) << "CFPB product \"" << value << "\" maps to no kiosk product";
  }
}

TEST(TaxonomyCorpus, LabelledComplaintsMapToKioskProducts) {
  if (!std::filesystem::exists(k_cfpb_complaints)) {
    GTEST_SKIP() << "CFPB complaints not found at " << k_cfpb_complaints << " (shared corpus absent)";
  }
  const Taxonomy taxonomy = shipped_taxonomy();
  ASSERT_FALSE(taxonomy.products.empty());
  std::ifstream in(k_cfpb_complaints);
  std::string line;
  std::size_t total = 0;
  std::size_t mapped = 0;
  std::size_t issue_matched = 0;
  std::ostringstream unmapped;
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    const auto complaint = nlohmann::json::parse(line);
    const std::string product = complaint.at("product").get<std::string>();
    const std::string issue = complaint.value("issue", std::string{});
    ++total;
    const auto match = match_cfpb(taxonomy, product, issue);
    if (!match) {
      unmapped << "  " << complaint.value("id", std::string{"?"}) << ": " << product << " / " << issue
               << "\n";
      continue;
    }
    ++mapped;
    ASSERT_NE(match->issue, nullptr);
    if (match->issue->id != k_other_issue_id) {
      ++issue_matched;
    }
  }
  ASSERT_GT(total, 0U) << "no complaints read from " << k_cfpb_complaints;
  std::cout << "CFPB complaints: " << mapped << " of " << total << " map to a kiosk product, "
            << issue_matched << " to a specific issue (not \"other\")\n";
  if (mapped != total) {
    std::cout << "Unmapped:\n" << unmapped.str();
  }
  EXPECT_GE(static_cast<double>(mapped), 0.8 * static_cast<double>(total)) << "unmapped:\n" << unmapped.str();
}

}  // namespace
}  // namespace kiosk::domain::complaints
