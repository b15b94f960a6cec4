#pragma once
// The branch complaint taxonomy: what a complaint is about (product) and what went wrong (issue), as the
// customer picks them on two screens of big buttons. assets/complaints/taxonomy.json is the shipped default;
// head office may send a newer one.
//
// Each product and issue carries `cfpb`: the US Consumer Financial Protection Bureau product or issue values
// it corresponds to (exact strings from the CFPB complaint database), so head office can report kiosk
// complaints next to CFPB data. Branch-only entries (waiting time, staff conduct, the ATM as a channel) have
// an empty list.
//
// Document shape (every key below is known; any other key is an error):
//   { "version": "2026.11-1",
//     "products": [
//       { "id": "atm", "name": {"en": "ATM", "ru": "...", "zh-Hans": "...", "nb": "..."}, "cfpb": [],
//         "issues": [ {"id": "card_retained", "name": {...}, "cfpb": ["Using a debit or ATM card"]},
//                     ...,
//                     {"id": "other", "name": {...}, "cfpb": []} ] } ] }

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/text/localized_text.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::complaints {

// Every product ends with this issue, so a customer always has a button for what the list does not name.
inline constexpr std::string_view k_other_issue_id = "other";
// A name must fit on a touch button: at most this many characters (code points) in every language.
inline constexpr std::size_t k_max_name_code_points = 32;
inline constexpr std::size_t k_max_products = 12;
inline constexpr std::size_t k_max_issues_per_product = 12;

struct Issue {
  std::string id;                 // lowercase letter, then lowercase letters, digits or '_' (<= 32); unique
                                  // within its product (the same id, e.g. "fees", may appear in several)
  LocalizedText name;             // has every language in supported_languages()
  std::vector<std::string> cfpb;  // CFPB issue values; may be empty; no repeats

  friend bool operator==(const Issue&, const Issue&) = default;
};

struct Product {
  std::string id;                 // same syntax as Issue::id; unique in the taxonomy
  LocalizedText name;             // has every language in supported_languages()
  std::vector<std::string> cfpb;  // CFPB product values; may be empty; no repeats
  std::vector<Issue> issues;      // 1..k_max_issues_per_product, in screen order, the last one is "other"

  friend bool operator==(const Product&, const Product&) = default;
};

struct Taxonomy {
  std::string version;            // opaque, non-empty; stored with each complaint so reports know the list
  std::vector<Product> products;  // 1..k_max_products, in screen order

  friend bool operator==(const Taxonomy&, const Taxonomy&) = default;
};

// Reads a taxonomy. Never throws. On any problem returns every issue found, each with its path, e.g.
// "products[2].issues[1].name: missing language \"zh-Hans\"" or "products[4].id: \"atm\" is already used by
// products[3]". Checked: JSON syntax, repeated keys, unknown keys, types, id syntax and uniqueness, names in
// every supported language (non-empty, valid UTF-8, at most k_max_name_code_points), cfpb lists of
// non-empty unique strings, issue counts and the final "other" issue.
ParseResult<Taxonomy> parse_taxonomy(std::string_view json);

// The product or issue with this id, or nullptr.
const Product* find_product(const Taxonomy& taxonomy, std::string_view product_id);
const Issue* find_issue(const Product& product, std::string_view issue_id);
const Issue* find_issue(const Taxonomy& taxonomy, std::string_view product_id, std::string_view issue_id);

struct TaxonomyMatch {
  const Product* product = nullptr;
  const Issue* issue = nullptr;
};

// Where a CFPB-labelled complaint (product and issue values) belongs: the first product, in document order,
// whose cfpb list holds `cfpb_product`; within it the first issue whose cfpb list holds `cfpb_issue`, or the
// product's "other" issue. nullopt when no product lists `cfpb_product`.
std::optional<TaxonomyMatch> match_cfpb(const Taxonomy& taxonomy, std::string_view cfpb_product,
                                        std::string_view cfpb_issue);

}  // namespace kiosk::domain::complaints
