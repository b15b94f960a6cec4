#include "survey_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "domain/text/utf8.hpp"
#include "js_values.hpp"

namespace kiosk::domain::surveys::detail {
namespace {

bool is_locale_code(std::string_view code) {
  if (code.empty() || code.size() > 20 || code.front() == '-' || code.back() == '-')
    return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::string value_text(const Json& value) {
  if (value.is_string())
    return value.get<std::string>();
  return js_to_string(value);
}

}  // namespace

std::string child_path(std::string_view parent, std::string_view key) {
  if (parent.empty())
    return std::string(key);
  return fmt::format("{}.{}", parent, key);
}

std::string index_path(std::string_view parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

void add_issue(Issues& issues, const Element& element, std::string_view key, std::string what) {
  issues.push_back(ParseIssue{key.empty() ? element.path : child_path(element.path, key),
                              fmt::format("{}: {}", element.label, what)});
}

int json_depth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit)
        return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

std::optional<std::string> kiosk_language(std::string_view surveyjs_locale) {
  if (!is_locale_code(surveyjs_locale))
    return std::nullopt;
  const std::string code = ascii_lower(surveyjs_locale);
  if (code == "default" || code == "en")
    return std::string("en");
  if (code == "zh-cn" || code == "zh-hans")
    return std::string("zh-Hans");
  if (code == "nb" || code == "no")
    return std::string("nb");
  if (code == "ru")
    return std::string("ru");
  return std::string(surveyjs_locale);
}

std::optional<LocalizedText> read_text(const Json& value, const Element& element, std::string_view key,
                                       Issues& issues) {
  auto check = [&](const std::string& text, std::string_view at) {
    if (text.size() > k_max_text_bytes) {
      add_issue(issues, element, at, fmt::format("text is longer than {} bytes", k_max_text_bytes));
      return false;
    }
    if (!is_valid_utf8(text)) {
      add_issue(issues, element, at, "text is not valid UTF-8");
      return false;
    }
    return true;
  };
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (!check(text, key))
      return std::nullopt;
    LocalizedText result;
    if (!text.empty())
      result.set("en", text);
    return result;
  }
  if (!value.is_object()) {
    add_issue(issues, element, key,
              fmt::format("\"{}\" must be a string or an object of translations, found {}", key,
                          value.type_name()));
    return std::nullopt;
  }
  const std::size_t before = issues.size();
  LocalizedText result;
  std::optional<std::string> english;       // from "en"
  std::optional<std::string> default_text;  // from "default"
  for (const auto& [code, translation] : value.items()) {
    const std::string at = child_path(key, code);
    const auto language = kiosk_language(code);
    if (!language) {
      add_issue(issues, element, at, fmt::format("\"{}\" is not a locale code", code));
      continue;
    }
    if (!translation.is_string()) {
      add_issue(issues, element, at,
                fmt::format("translation must be a string, found {}", translation.type_name()));
      continue;
    }
    const std::string& text = translation.get_ref<const std::string&>();
    if (!check(text, at) || text.empty())
      continue;  // empty: SurveyJS falls back past it
    const std::string lowered = ascii_lower(code);
    if (lowered == "default") {
      default_text = text;
    } else if (*language == "en") {
      english = text;
    } else {
      result.set(*language, text);
    }
  }
  if (english) {
    result.set("en", *english);
  } else if (default_text) {
    result.set("en", *default_text);
  }
  if (issues.size() != before)
    return std::nullopt;
  return result;
}

std::optional<int> read_int(const Json& value, int min, int max, const Element& element, std::string_view key,
                            Issues& issues) {
  double number = 0;
  if (value.is_number_integer()) {
    if (value.is_number_unsigned()) {
      number =
          static_cast<double>(std::min<std::uint64_t>(value.get<std::uint64_t>(), std::uint64_t{1} << 53));
    } else {
      number = static_cast<double>(value.get<std::int64_t>());
    }
  } else if (value.is_number_float() && std::isfinite(value.get<double>()) &&
             value.get<double>() == std::trunc(value.get<double>())) {
    number = value.get<double>();  // 10.0 is the integer 10 in JavaScript
  } else {
    add_issue(issues, element, key, fmt::format("\"{}\" must be an integer, found {}", key, value.dump()));
    return std::nullopt;
  }
  if (number < min || number > max) {
    add_issue(issues, element, key, fmt::format("\"{}\" must be between {} and {}", key, min, max));
    return std::nullopt;
  }
  return static_cast<int>(number);
}

std::optional<bool> read_bool(const Json& value, const Element& element, std::string_view key,
                              Issues& issues) {
  if (!value.is_boolean()) {
    add_issue(issues, element, key,
              fmt::format("\"{}\" must be true or false, found {}", key, value.type_name()));
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<Choice> read_choice(const Json& value, const Element& element, std::string_view key,
                                  Issues& issues) {
  Choice choice;
  const Json* raw = &value;
  std::optional<LocalizedText> text;
  if (value.is_object()) {
    for (const auto& [member, ignored] : value.items()) {
      if (member != "value" && member != "text") {
        add_issue(issues, element, child_path(key, member),
                  fmt::format("unsupported property \"{}\"", member));
        return std::nullopt;
      }
    }
    const auto found = value.find("value");
    if (found == value.end()) {
      add_issue(issues, element, key, "choice has no \"value\"");
      return std::nullopt;
    }
    raw = &*found;
    if (const auto given = value.find("text"); given != value.end()) {
      text = read_text(*given, element, child_path(key, "text"), issues);
      if (!text)
        return std::nullopt;
    }
  }
  if (raw->is_number()) {
    if (!std::isfinite(raw->get<double>())) {
      add_issue(issues, element, key, "choice value must be a finite number");
      return std::nullopt;
    }
    choice.value = *raw;
  } else if (raw->is_string()) {
    std::string stored = raw->get<std::string>();
    if (stored.empty() || stored.size() > 256 || !is_valid_utf8(stored)) {
      add_issue(issues, element, key, "choice value must be 1-256 bytes of UTF-8 text");
      return std::nullopt;
    }
    // ItemValue splits "value|text" at the first '|'.
    if (const auto bar = stored.find('|'); bar != std::string::npos) {
      if (!text) {
        text = LocalizedText{};
        if (bar + 1 < stored.size())
          text->set("en", stored.substr(bar + 1));
      }
      stored.resize(bar);
    }
    choice.value = stored;
  } else {
    add_issue(issues, element, key,
              fmt::format("choice value must be a string or a number, found {}", raw->type_name()));
    return std::nullopt;
  }
  if (text && !text->empty()) {
    choice.text = std::move(*text);
  } else {
    choice.text.set("en", value_text(choice.value));
  }
  return choice;
}

std::optional<std::vector<Choice>> read_choices(const Json& value, std::size_t max_count,
                                                const Element& element, std::string_view key,
                                                Issues& issues) {
  if (!value.is_array()) {
    add_issue(issues, element, key, fmt::format("\"{}\" must be an array, found {}", key, value.type_name()));
    return std::nullopt;
  }
  if (value.size() > max_count) {
    add_issue(issues, element, key, fmt::format("more than {} items in \"{}\"", max_count, key));
    return std::nullopt;
  }
  const std::size_t before = issues.size();
  std::vector<Choice> choices;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto choice = read_choice(value[i], element, index_path(key, i), issues);
    if (!choice)
      continue;
    const bool duplicate = std::any_of(choices.begin(), choices.end(), [&](const Choice& seen) {
      return answers_equal(seen.value, choice->value);
    });
    if (duplicate) {
      add_issue(issues, element, index_path(key, i),
                fmt::format("value {} appears twice", choice->value.dump()));
      continue;
    }
    choices.push_back(std::move(*choice));
  }
  if (issues.size() != before)
    return std::nullopt;
  return choices;
}

LocalizedText default_text(std::string_view which) {
  if (which == "yes")
    return LocalizedText({{"en", "Yes"}, {"ru", "Да"}, {"zh-Hans", "是"}, {"nb", "Ja"}});
  if (which == "no")
    return LocalizedText({{"en", "No"}, {"ru", "Нет"}, {"zh-Hans", "否"}, {"nb", "Nei"}});
  if (which == "none")
    return LocalizedText({{"en", "None"}, {"ru", "Ничего"}, {"zh-Hans", "无"}, {"nb", "Ingen"}});
  return LocalizedText({{"en", "Other (describe)"},
                        {"ru", "Другое (укажите)"},
                        {"zh-Hans", "其他（请说明）"},
                        {"nb", "Annet (beskriv)"}});
}

}  // namespace kiosk::domain::surveys::detail
