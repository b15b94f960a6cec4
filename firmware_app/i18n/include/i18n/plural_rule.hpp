#pragma once
// The plural rule of a language, from a catalog's Plural-Forms header:
//   nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);
//
// The expression is the C subset gettext accepts: n, decimal integers, ( ), unary !, * / %, + -,
// < > <= >=, == !=, &&, ||, and ?: (right-associative), with C precedence.
//
// Guarantees:
// - parse() rejects anything else with a message saying what and where; it never throws (other than
//   std::bad_alloc) and refuses nesting deeper than k_max_nesting, so a hostile header cannot exhaust
//   the stack. nplurals must be 1..k_max_plural_forms.
// - form_for() is total: arithmetic is unsigned 64-bit and wraps, comparisons give 0 or 1, division and
//   modulo by zero give 0, and a result >= nplurals gives form 0. It never recurses.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

class PluralRule {
 public:
  static constexpr int k_max_nesting = 64;
  static constexpr std::size_t k_max_plural_forms = 16;  // Arabic, the most, needs 6

  // English (and Norwegian) rule: nplurals=2; plural=(n != 1);
  static PluralRule english();

  // Parses a Plural-Forms value. On error returns nullopt and fills *error (if given) with e.g.
  // "plural expression: expected ':' at column 17".
  static std::optional<PluralRule> parse(std::string_view plural_forms, std::string* error);

  std::size_t form_count() const { return m_form_count; }
  // The plural form to use for n, always < form_count().
  std::size_t form_for(std::uint64_t n) const;

 private:
  PluralRule(std::size_t form_count, std::vector<std::uint64_t> program);

  std::size_t m_form_count = 1;
  std::vector<std::uint64_t> m_program;  // the expression compiled to postfix (see plural_rule.cpp)
};

}  // namespace kiosk::i18n
