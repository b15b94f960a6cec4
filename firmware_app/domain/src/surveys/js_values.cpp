#include "js_values.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace kiosk::domain::surveys::detail {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

bool is_js_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digit_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

// Reads digits of `base` from the whole of `text`; NaN when empty or another character appears.
double whole_radix(std::string_view text, int base) {
  if (text.empty())
    return k_nan;
  double value = 0;
  for (char c : text) {
    const int d = digit_value(c);
    if (d >= base)
      return k_nan;
    value = value * base + d;
  }
  return value;
}

// Length of the longest prefix of `text` that is a JavaScript StrUnsignedDecimalLiteral without
// "Infinity": digits [. digits] [e [+-] digits], needing at least one digit before the exponent.
std::size_t decimal_prefix(std::string_view text) {
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i]))
    ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i]))
      ++i, ++digits;
  }
  if (digits == 0)
    return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-'))
      ++j;
    const std::size_t exponent_start = j;
    while (j < text.size() && is_digit(text[j]))
      ++j;
    if (j > exponent_start)
      i = j;
  }
  return i;
}

double read_decimal(std::string_view text) {
  // from_chars does not take a leading '.', so give it "0." in that case.
  std::string buffer = text.front() == '.' ? "0" + std::string(text) : std::string(text);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return (buffer.find_first_of("eE") != std::string::npos && buffer.find("e-") == std::string::npos &&
            buffer.find("E-") == std::string::npos)
               ? std::numeric_limits<double>::infinity()
               : 0.0;
  }
  (void)ptr;
  return ec == std::errc{} ? value : k_nan;
}

std::string_view trim_view(std::string_view text) {
  while (!text.empty() && is_js_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_js_space(text.back()))
    text.remove_suffix(1);
  return text;
}

// Signed "Infinity" or decimal prefix; `whole` demands that nothing follows.
double signed_decimal(std::string_view text, bool whole) {
  double sign = 1;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  if (text.substr(0, 8) == "Infinity") {
    if (whole && text.size() != 8)
      return k_nan;
    return sign * std::numeric_limits<double>::infinity();
  }
  const std::size_t length = decimal_prefix(text);
  if (length == 0 || (whole && length != text.size()))
    return k_nan;
  return sign * read_decimal(text.substr(0, length));
}

std::string number_to_string(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0)
    return "0";
  if (std::abs(value) >= 1e-6 && std::abs(value) < 1e21 && value == std::trunc(value)) {
    return fmt::format("{:.0f}", value);
  }
  return fmt::format("{}", value);
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string trim(std::string_view text) {
  return std::string(trim_view(text));
}

bool js_truthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      return false;
    case Json::value_t::boolean:
      return value.get<bool>();
    case Json::value_t::string:
      return !value.get_ref<const std::string&>().empty();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: {
      const double number = value.get<double>();
      return number != 0 && !std::isnan(number);
    }
    default:
      return true;  // arrays and objects, even empty ones
  }
}

double js_string_to_number(std::string_view text) {
  text = trim_view(text);
  if (text.empty())
    return 0;
  if (text.size() > 2 && text[0] == '0') {
    const char prefix = static_cast<char>(text[1] | 0x20);
    if (prefix == 'x')
      return whole_radix(text.substr(2), 16);
    if (prefix == 'o')
      return whole_radix(text.substr(2), 8);
    if (prefix == 'b')
      return whole_radix(text.substr(2), 2);
  }
  return signed_decimal(text, /*whole=*/true);
}

double js_to_number(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return 0;
    case Json::value_t::boolean:
      return value.get<bool>() ? 1 : 0;
    case Json::value_t::string:
      return js_string_to_number(value.get_ref<const std::string&>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return value.get<double>();
    case Json::value_t::array:
      return js_string_to_number(js_to_string(value));
    default:
      return k_nan;
  }
}

double js_parse_float(std::string_view text) {
  while (!text.empty() && is_js_space(text.front()))
    text.remove_prefix(1);
  return signed_decimal(text, /*whole=*/false);
}

double js_parse_int(std::string_view text) {
  text = trim_view(text);
  double sign = 1;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  int base = 10;
  if (text.size() >= 2 && text[0] == '0' && (text[1] | 0x20) == 'x') {
    base = 16;
    text.remove_prefix(2);
  }
  std::size_t length = 0;
  while (length < text.size() && digit_value(text[length]) < base)
    ++length;
  if (length == 0)
    return k_nan;
  return sign * whole_radix(text.substr(0, length), base);
}

std::string js_to_string(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::string:
      return value.get<std::string>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return number_to_string(value.get<double>());
    case Json::value_t::array: {
      std::string joined;
      bool first = true;
      for (const Json& element : value) {
        if (!first)
          joined += ',';
        first = false;
        if (!element.is_null())
          joined += js_to_string(element);  // [null].join() is ""
      }
      return joined;
    }
    default:
      return "[object Object]";
  }
}

bool js_loose_equal(const Json& left, const Json& right) {
  if (left.is_null() || right.is_null())
    return left.is_null() && right.is_null();
  if (left.is_string() && right.is_string())
    return left.get_ref<const std::string&>() == right.get_ref<const std::string&>();
  if (left.is_boolean() && right.is_boolean())
    return left.get<bool>() == right.get<bool>();
  // Every other pairing of primitives compares as numbers (NaN equals nothing).
  return js_to_number(left) == js_to_number(right);
}

bool js_less(const Json& left, const Json& right) {
  auto primitive = [](const Json& value) -> Json {
    if (value.is_array() || value.is_object())
      return js_to_string(value);
    return value;
  };
  const Json a = primitive(left);
  const Json b = primitive(right);
  if (a.is_string() && b.is_string()) {
    return a.get_ref<const std::string&>() < b.get_ref<const std::string&>();
  }
  const double x = js_to_number(a);
  const double y = js_to_number(b);
  return x < y;  // false when either is NaN
}

}  // namespace kiosk::domain::surveys::detail
