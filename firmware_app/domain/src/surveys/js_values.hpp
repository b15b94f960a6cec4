#pragma once
// Internal to the surveys feature: the JavaScript value rules SurveyJS's conditions rely on (truthiness,
// Number(), parseFloat, parseInt, loose ==, relational < >, String()), applied to JSON values, so that
// `{age} > '18'` or `{score} = "5"` give here exactly what they give in a browser.
//
// Guarantees: no function throws; NaN is represented as a quiet NaN double.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk::domain::surveys::detail {

using Json = nlohmann::json;

bool js_truthy(const Json& value);
// Number(string): whole-string conversion; "" and blanks are 0; hex/octal/binary prefixes; NaN otherwise.
double js_string_to_number(std::string_view text);
// Number(value) for any JSON value (arrays via their String(), objects NaN).
double js_to_number(const Json& value);
double js_parse_float(std::string_view text);
double js_parse_int(std::string_view text);
// String(value): numbers in JavaScript's shortest form, arrays joined with ",", null as "null".
std::string js_to_string(const Json& value);
// The `==` operator between two non-object values (null, bool, number, string).
bool js_loose_equal(const Json& left, const Json& right);
// `left < right` after JavaScript's ToPrimitive (arrays become strings).
bool js_less(const Json& left, const Json& right);
// ASCII-lowercased copy (SurveyJS lowercases with toLowerCase; answers are choice values, mostly ASCII).
std::string ascii_lower(std::string_view text);
std::string trim(std::string_view text);

}  // namespace kiosk::domain::surveys::detail
