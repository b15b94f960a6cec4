#pragma once
// The {name} placeholders of a message, found by exactly the rules format_named() (catalog.hpp) uses
// to replace them: a name is the non-empty text between '{' and the next '}' with no '{' in between;
// "{{" and "}}" are literal braces, not placeholders. Catalog checks compare these sets between a
// msgid and its translations.

#include <set>
#include <string>
#include <string_view>

namespace kiosk::i18n {

std::set<std::string, std::less<>> placeholder_names(std::string_view pattern);

}  // namespace kiosk::i18n
