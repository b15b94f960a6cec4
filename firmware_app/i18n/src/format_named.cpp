#include "i18n/catalog.hpp"

#include "i18n/placeholders.hpp"

// format_named() and placeholder_names() share one scanner so that the catalog check and the kiosk
// can never disagree about what counts as a placeholder.

namespace kiosk::i18n {
namespace {

// Walks `pattern`, calling on_text(literal) for plain text and on_placeholder(name, original) for
// each "{name}". Unbalanced braces are plain text.
template <typename OnText, typename OnPlaceholder>
void scan_pattern(std::string_view pattern, OnText&& on_text, OnPlaceholder&& on_placeholder) {
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const auto brace = pattern.find_first_of("{}", pos);
    if (brace == std::string_view::npos) {
      on_text(pattern.substr(pos));
      return;
    }
    on_text(pattern.substr(pos, brace - pos));
    pos = brace + 1;
    const bool doubled = pos < pattern.size() && pattern[pos] == pattern[brace];
    if (doubled || pattern[brace] == '}') {
      on_text(pattern.substr(brace, 1));
      pos += doubled ? 1 : 0;
      continue;
    }
    const auto close = pattern.find_first_of("{}", pos);
    if (close == std::string_view::npos || pattern[close] == '{' || close == pos) {
      on_text(pattern.substr(brace, 1));  // "{" with no name after it stays as it is
      continue;
    }
    on_placeholder(pattern.substr(pos, close - pos), pattern.substr(brace, close - brace + 1));
    pos = close + 1;
  }
}

}  // namespace

std::string format_named(std::string_view pattern,
                         const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  out.reserve(pattern.size());
  scan_pattern(
      pattern, [&out](std::string_view text) { out += text; },
      [&out, &values](std::string_view name, std::string_view original) {
        const auto it = values.find(name);
        out += it == values.end() ? original : std::string_view(it->second);
      });
  return out;
}

std::set<std::string, std::less<>> placeholder_names(std::string_view pattern) {
  std::set<std::string, std::less<>> names;
  scan_pattern(
      pattern, [](std::string_view) {},
      [&names](std::string_view name, std::string_view) { names.emplace(name); });
  return names;
}

}  // namespace kiosk::i18n
