#pragma once
// SurveyJS conditions ("visibleIf"): parsing and evaluation of the subset the kiosk supports, with the
// semantics SurveyJS gives them.
//
// Supported: variables {name} (looked up without regard to case, as SurveyJS does), numbers (decimal,
// negative, 0x hex), strings in '...' or "...", bare words (strings), true/false, null/undefined, arrays
// [a, b]; comparison operators = == equal, != <> notequal, < less, <= =< lessorequal, > greater,
// >= => greaterorequal; contains (*=, contain), notcontains (notcontain), anyof, allof, noneof; postfix
// `empty` and `notempty`; prefix `!` and `negate`; and/&&, or/|| (and binds tighter than or);
// parentheses. Keywords are case-insensitive. Like SurveyJS, `!` applies to the operand right after it:
// `!{a} = 1` is `(!{a}) = 1`; write `!({a} = 1)` to negate a comparison.
//
// Rejected with an error naming what is wrong: arithmetic (+ - * / % ^ power), function calls
// (iif(), age(), today() ...), `not` (SurveyJS has no such keyword), unbalanced parentheses (SurveyJS
// tolerates a missing ')'; the kiosk does not guess), a comparison without a right operand.
//
// Guarantees: parse_expression never throws and bounds its work (at most k_max_expression_length bytes
// and k_max_expression_depth nested groups); evaluate never throws and is total for every Answers map.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/text/parse_result.hpp"

namespace kiosk::domain::surveys {

// One answer as SurveyJS stores it: a number, string, bool, or an array of those (checkbox).
using AnswerValue = nlohmann::json;
// Question name -> answer. A missing key means "not answered" (SurveyJS's undefined).
using Answers = std::map<std::string, AnswerValue, std::less<>>;

inline constexpr std::size_t k_max_expression_length = 2000;
inline constexpr int k_max_expression_depth = 32;

enum class Operator {
  // unary
  negate,
  empty,
  notempty,
  // binary
  equal,
  notequal,
  less,
  lessorequal,
  greater,
  greaterorequal,
  contains,
  notcontains,
  anyof,
  allof,
  noneof,
  logical_and,
  logical_or,
};

// SurveyJS's name for the operator ("lessorequal", "and", ...).
std::string_view operator_name(Operator op);

struct ExpressionNode {
  enum class Kind { constant, variable, array, unary, binary };
  Kind kind = Kind::constant;
  nlohmann::json constant;  // Kind::constant: already converted as SurveyJS converts constants
  std::string variable;     // Kind::variable: the name between the braces, trimmed
  Operator op = Operator::equal;
  std::vector<std::size_t> children;  // indices into Expression::nodes (unary: 1, binary: 2, array: n)
  friend bool operator==(const ExpressionNode&, const ExpressionNode&) = default;
};

// A parsed condition. Nodes are stored flat (children refer to earlier indices), so an Expression is
// cheap to copy and has no recursion in its destructor.
struct Expression {
  std::string text;                   // the source as written
  std::vector<ExpressionNode> nodes;  // never empty for a parsed expression
  std::size_t root = 0;

  // Every variable name used, in order of appearance, without duplicates.
  std::vector<std::string> variables() const;
  friend bool operator==(const Expression&, const Expression&) = default;
};

// Parses SurveyJS condition text. Issues have an empty path and say where in the text (character offset)
// and what is wrong, e.g. `at 9: arithmetic operator "+" is not supported`.
ParseResult<Expression> parse_expression(std::string_view text);

// True when the condition holds for these answers (JavaScript truthiness of the result, as SurveyJS).
bool evaluate(const Expression& expression, const Answers& answers);

// SurveyJS's notion of "no answer": missing/null, "", an empty array, or an object of empty values.
// 0 and false are answers.
bool is_answer_empty(const AnswerValue& value);

// SurveyJS's equality for answers and constants (Helpers.isTwoValueEquals as the `=` operator uses it):
// numbers and numeric strings compare as numbers ("5" = 5), strings compare trimmed and case-insensitively
// (ASCII letters), true = "true", arrays compare ignoring order, null equals "".
bool answers_equal(const AnswerValue& left, const AnswerValue& right);

}  // namespace kiosk::domain::surveys
