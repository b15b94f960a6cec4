#pragma once
// Internal to the surveys feature: reading SurveyJS values (localized strings, choices, integers) into the
// definition model, each problem an issue that names the element.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/surveys/definition.hpp"

namespace kiosk::domain::surveys::detail {

using Json = nlohmann::json;
using Issues = std::vector<ParseIssue>;

// Who an issue is about: `question "q1"`, `page "page2"`, or `survey`.
struct Element {
  std::string label;  // e.g. `question "q1"`
  std::string path;   // e.g. "pages[0].elements[3]"
};

std::string child_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, std::size_t index);
void add_issue(Issues& issues, const Element& element, std::string_view key, std::string what);

// Deepest nesting of arrays/objects in `text` (outside strings), stopping early past `limit`.
int json_depth(std::string_view text, int limit);

// The kiosk tag for a SurveyJS locale code ("default"/"en" -> "en", "zh-cn" -> "zh-Hans", "nb"/"no" ->
// "nb"), or the code as written for others; nullopt for something that is not a locale code.
std::optional<std::string> kiosk_language(std::string_view surveyjs_locale);

std::optional<LocalizedText> read_text(const Json& value, const Element& element, std::string_view key,
                                       Issues& issues);
std::optional<int> read_int(const Json& value, int min, int max, const Element& element, std::string_view key,
                            Issues& issues);
std::optional<bool> read_bool(const Json& value, const Element& element, std::string_view key,
                              Issues& issues);

// One choice/rate value: 1, "a", "a|Alpha", or {"value": ..., "text": ...}.
std::optional<Choice> read_choice(const Json& value, const Element& element, std::string_view key,
                                  Issues& issues);
// A list of choices; duplicates (by SurveyJS equality) are issues.
std::optional<std::vector<Choice>> read_choices(const Json& value, std::size_t max_count,
                                                const Element& element, std::string_view key, Issues& issues);

// SurveyJS's built-in texts (English from SurveyJS, the others the kiosk's translations).
LocalizedText default_text(std::string_view which);  // "yes", "no", "none", "other"

}  // namespace kiosk::domain::surveys::detail
