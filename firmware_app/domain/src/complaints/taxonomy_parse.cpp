#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "domain/complaints/taxonomy.hpp"
#include "domain/language.hpp"
#include "domain/text/utf8.hpp"
#include "../text/json_reader.hpp"

namespace kiosk::domain::complaints {
namespace {

using json_reader::index_path;
using json_reader::Issues;
using json_reader::Json;
using json_reader::key_path;

constexpr std::size_t k_max_id_length = 32;
constexpr std::size_t k_max_cfpb_value_length = 200;

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > k_max_id_length || id.front() < 'a' || id.front() > 'z') {
    return false;
  }
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35 || tag.front() == '-' || tag.back() == '-') {
    return false;
  }
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::optional<std::string> read_id(const Json& value, const std::string& path, Issues& issues) {
  auto id = json_reader::read_string(value, path, issues);
  if (id && !is_valid_id(*id)) {
    issues.push_back({path, fmt::format("\"{}\" is not a valid id (lowercase letter, then lowercase letters, "
                                        "digits or '_', at most {} characters)",
                                        *id, k_max_id_length)});
    return std::nullopt;
  }
  return id;
}

// A button label: every supported language present, each a short, non-blank, valid UTF-8 text. Extra
// well-formed language tags are kept (a newer kiosk may know them) rather than rejected.
std::optional<LocalizedText> read_name(const Json& value, const std::string& path, Issues& issues) {
  if (!json_reader::expect_object(value, path, issues)) {
    return std::nullopt;
  }
  const std::size_t issues_before = issues.size();
  LocalizedText name;
  for (const auto& [language, text] : value.items()) {
    const std::string item_path = key_path(path, language);
    if (!is_language_tag(language)) {
      issues.push_back({item_path, "not a language tag (expected e.g. \"en\", \"zh-Hans\")"});
      continue;
    }
    auto words = json_reader::read_string(text, item_path, issues);
    if (!words) {
      continue;
    }
    if (words->find_first_not_of(" \t\r\n") == std::string::npos) {
      issues.push_back({item_path, "text is empty"});
    } else if (!is_valid_utf8(*words)) {
      issues.push_back({item_path, "text is not valid UTF-8"});
    } else if (count_code_points(*words) > k_max_name_code_points) {
      issues.push_back({item_path, fmt::format("text is longer than {} characters (too long for a button)",
                                               k_max_name_code_points)});
    } else {
      name.set(language, *words);
    }
  }
  for (const LanguageInfo& language : supported_languages()) {
    if (!value.contains(language.tag)) {
      issues.push_back({path, fmt::format("missing language \"{}\"", language.tag)});
    }
  }
  if (issues.size() != issues_before) {
    return std::nullopt;
  }
  return name;
}

std::optional<std::vector<std::string>> read_cfpb(const Json& value, const std::string& path,
                                                  Issues& issues) {
  if (!json_reader::expect_array(value, path, issues)) {
    return std::nullopt;
  }
  const std::size_t issues_before = issues.size();
  std::vector<std::string> values;
  std::map<std::string, std::size_t, std::less<>> first_index;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = index_path(path, i);
    auto text = json_reader::read_string(value[i], item_path, issues);
    if (!text) {
      continue;
    }
    if (text->empty() || text->size() > k_max_cfpb_value_length || !is_valid_utf8(*text)) {
      issues.push_back(
          {item_path, fmt::format("expected a CFPB value of 1-{} bytes of UTF-8", k_max_cfpb_value_length)});
      continue;
    }
    if (auto [it, inserted] = first_index.emplace(*text, i); !inserted) {
      issues.push_back(
          {item_path, fmt::format("\"{}\" is already listed at {}", *text, index_path(path, it->second))});
      continue;
    }
    values.push_back(std::move(*text));
  }
  if (issues.size() != issues_before) {
    return std::nullopt;
  }
  return values;
}

// Reads the members every entry has (id, name, cfpb); false when any of them is wrong.
template <class Entry>
bool read_entry_common(const Json& object, const std::string& path, Entry& entry, Issues& issues) {
  bool ok = true;
  if (const Json* id = json_reader::required_member(object, "id", path, issues)) {
    auto read = read_id(*id, key_path(path, "id"), issues);
    ok = ok && read.has_value();
    entry.id = read.value_or("");
  } else {
    ok = false;
  }
  if (const Json* name = json_reader::required_member(object, "name", path, issues)) {
    auto read = read_name(*name, key_path(path, "name"), issues);
    ok = ok && read.has_value();
    entry.name = read.value_or(LocalizedText{});
  } else {
    ok = false;
  }
  if (const Json* cfpb = json_reader::required_member(object, "cfpb", path, issues)) {
    auto read = read_cfpb(*cfpb, key_path(path, "cfpb"), issues);
    ok = ok && read.has_value();
    entry.cfpb = read.value_or(std::vector<std::string>{});
  } else {
    ok = false;
  }
  return ok;
}

std::optional<Issue> read_issue(const Json& value, const std::string& path, Issues& issues) {
  if (!json_reader::expect_object(value, path, issues)) {
    return std::nullopt;
  }
  json_reader::reject_unknown_keys(value, {"id", "name", "cfpb"}, path, issues);
  Issue issue;
  if (!read_entry_common(value, path, issue, issues)) {
    return std::nullopt;
  }
  return issue;
}

// Checks an id against the ids seen so far in the same list; names the earlier entry on a repeat.
void check_unique(const std::string& id, const std::string& path, const std::string& list_path,
                  std::size_t index, std::map<std::string, std::size_t, std::less<>>& seen, Issues& issues) {
  if (id.empty()) {
    return;
  }
  if (auto [it, inserted] = seen.emplace(id, index); !inserted) {
    issues.push_back({key_path(path, "id"),
                      fmt::format("\"{}\" is already used by {}", id, index_path(list_path, it->second))});
  }
}

std::vector<Issue> read_issues(const Json& value, const std::string& path, Issues& issues) {
  std::vector<Issue> result;
  if (!json_reader::expect_array(value, path, issues)) {
    return result;
  }
  if (value.empty() || value.size() > k_max_issues_per_product) {
    issues.push_back(
        {path, fmt::format("expected 1 to {} issues, found {}", k_max_issues_per_product, value.size())});
  }
  std::map<std::string, std::size_t, std::less<>> seen;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = index_path(path, i);
    if (auto issue = read_issue(value[i], item_path, issues)) {
      check_unique(issue->id, item_path, path, i, seen, issues);
      result.push_back(std::move(*issue));
    }
  }
  if (!value.empty() && result.size() == value.size() && result.back().id != k_other_issue_id) {
    issues.push_back(
        {index_path(path, value.size() - 1),
         fmt::format("the last issue must be \"{}\" (found \"{}\")", k_other_issue_id, result.back().id)});
  }
  return result;
}

std::optional<Product> read_product(const Json& value, const std::string& path, Issues& issues) {
  if (!json_reader::expect_object(value, path, issues)) {
    return std::nullopt;
  }
  json_reader::reject_unknown_keys(value, {"id", "name", "cfpb", "issues"}, path, issues);
  Product product;
  const std::size_t issues_before = issues.size();
  read_entry_common(value, path, product, issues);
  if (const Json* list = json_reader::required_member(value, "issues", path, issues)) {
    product.issues = read_issues(*list, key_path(path, "issues"), issues);
  }
  if (issues.size() != issues_before) {
    return std::nullopt;
  }
  return product;
}

void read_products(const Json& value, Taxonomy& taxonomy, Issues& issues) {
  const std::string path = "products";
  if (!json_reader::expect_array(value, path, issues)) {
    return;
  }
  if (value.empty() || value.size() > k_max_products) {
    issues.push_back(
        {path, fmt::format("expected 1 to {} products, found {}", k_max_products, value.size())});
  }
  std::map<std::string, std::size_t, std::less<>> seen;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = index_path(path, i);
    // The id is checked for uniqueness even when something else in the product is wrong, so one pass
    // reports both.
    if (value[i].is_object()) {
      if (auto id = value[i].find("id"); id != value[i].end() && id->is_string()) {
        check_unique(id->get<std::string>(), item_path, path, i, seen, issues);
      }
    }
    if (auto product = read_product(value[i], item_path, issues)) {
      taxonomy.products.push_back(std::move(*product));
    }
  }
}

}  // namespace

ParseResult<Taxonomy> parse_taxonomy(std::string_view json) {
  Issues issues;
  Taxonomy taxonomy;
  // The parser may allocate; an allocation failure is the only exception left and becomes an issue too.
  try {
    auto document = json_reader::parse_json_document(json, issues);
    if (!document) {
      return ParseResult<Taxonomy>::failure(std::move(issues));
    }
    if (!json_reader::expect_object(*document, "", issues)) {
      return ParseResult<Taxonomy>::failure(std::move(issues));
    }
    json_reader::reject_unknown_keys(*document, {"version", "products"}, "", issues);
    if (const Json* version = json_reader::required_member(*document, "version", "", issues)) {
      if (auto text = json_reader::read_string(*version, "version", issues)) {
        if (text->empty() || text->size() > 64 || !is_valid_utf8(*text)) {
          issues.push_back({"version", "expected a non-empty version of at most 64 bytes"});
        }
        taxonomy.version = std::move(*text);
      }
    }
    if (const Json* products = json_reader::required_member(*document, "products", "", issues)) {
      read_products(*products, taxonomy, issues);
    }
  } catch (const std::exception& error) {
    issues.push_back({"", fmt::format("cannot read the taxonomy: {}", error.what())});
  }
  if (!issues.empty()) {
    return ParseResult<Taxonomy>::failure(std::move(issues));
  }
  return ParseResult<Taxonomy>::success(std::move(taxonomy));
}

}  // namespace kiosk::domain::complaints
