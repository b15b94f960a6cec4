#include <algorithm>

#include "domain/complaints/taxonomy.hpp"

namespace kiosk::domain::complaints {
namespace {

bool lists(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

const Product* find_product(const Taxonomy& taxonomy, std::string_view product_id) {
  const auto found = std::find_if(taxonomy.products.begin(), taxonomy.products.end(),
                                  [&](const Product& product) { return product.id == product_id; });
  return found == taxonomy.products.end() ? nullptr : &*found;
}

const Issue* find_issue(const Product& product, std::string_view issue_id) {
  const auto found = std::find_if(product.issues.begin(), product.issues.end(),
                                  [&](const Issue& issue) { return issue.id == issue_id; });
  return found == product.issues.end() ? nullptr : &*found;
}

const Issue* find_issue(const Taxonomy& taxonomy, std::string_view product_id, std::string_view issue_id) {
  const Product* product = find_product(taxonomy, product_id);
  return product == nullptr ? nullptr : find_issue(*product, issue_id);
}

std::optional<TaxonomyMatch> match_cfpb(const Taxonomy& taxonomy, std::string_view cfpb_product,
                                        std::string_view cfpb_issue) {
  for (const Product& product : taxonomy.products) {
    if (!lists(product.cfpb, cfpb_product)) {
      continue;
    }
    for (const Issue& issue : product.issues) {
      if (lists(issue.cfpb, cfpb_issue)) {
        return TaxonomyMatch{&product, &issue};
      }
    }
    // A parsed taxonomy always ends each product with "other"; a hand-built one might not.
    return TaxonomyMatch{&product, find_issue(product, k_other_issue_id)};
  }
  return std::nullopt;
}

}  // namespace kiosk::domain::complaints
