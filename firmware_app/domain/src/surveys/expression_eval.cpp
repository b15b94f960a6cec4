// Evaluation of parsed conditions with SurveyJS's operator semantics (OperandMaker.binaryFunctions and
// Helpers.checkIfValuesEqual in survey-core, with the default comparator settings: case-insensitive,
// trimmed strings, numbers converted). Values are JSON; a missing answer is null, like SurveyJS's
// undefined variable.
#include <algorithm>
#include <cmath>

#include "domain/surveys/expression.hpp"
#include "js_values.hpp"

namespace kiosk::domain::surveys {
namespace {

using detail::Json;

bool is_undefined_text(const Json& value) {
  return value.is_string() && value.get_ref<const std::string&>() == "undefined";
}

// Helpers.isConvertibleToNumber: not null, not an array, and Number(value) is not NaN.
bool convertible_to_number(const Json& value) {
  if (value.is_null() || value.is_array() || value.is_object())
    return false;
  return !std::isnan(detail::js_to_number(value));
}

double parse_float_of(const Json& value) {
  if (value.is_number())
    return value.get<double>();
  return detail::js_parse_float(detail::js_to_string(value));
}

double parse_int_of(const Json& value) {
  if (value.is_number()) {
    const double number = value.get<double>();
    if (!std::isfinite(number))
      return std::nan("");
    const double magnitude = std::abs(number);
    if (number == 0 || (magnitude >= 1e-6 && magnitude < 1e21))
      return std::trunc(number);
    // String() of such numbers is exponential ("1.5e+21"), and parseInt keeps the digits before '.' or 'e'.
    return std::copysign(std::floor(magnitude / std::pow(10.0, std::floor(std::log10(magnitude)))), number);
  }
  return detail::js_parse_int(detail::js_to_string(value));
}

bool values_equal(const Json& x, const Json& y);

bool arrays_equal_ignoring_order(const Json& x, const Json& y) {
  if (x.size() != y.size())
    return false;
  // Array.prototype.sort without a comparator orders by String(element).
  auto sorted = [](const Json& array) {
    std::vector<Json> items(array.begin(), array.end());
    std::stable_sort(items.begin(), items.end(), [](const Json& a, const Json& b) {
      if (a.is_null() != b.is_null())
        return !a.is_null();  // undefined/null sort last
      return detail::js_to_string(a) < detail::js_to_string(b);
    });
    return items;
  };
  const auto xs = sorted(x);
  const auto ys = sorted(y);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!values_equal(xs[i], ys[i]))
      return false;
  }
  return true;
}

bool values_equal(const Json& x_in, const Json& y_in) {
  // OperandMaker.isTwoValueEquals turns the text "undefined" into undefined.
  const bool x_undefined = is_undefined_text(x_in);
  const bool y_undefined = is_undefined_text(y_in);
  if (x_undefined || y_undefined) {
    const Json& other = x_undefined ? y_in : x_in;
    if (x_undefined && y_undefined)
      return true;
    return other.is_null() || is_undefined_text(other) ||
           (other.is_string() && other.get_ref<const std::string&>().empty()) ||
           (other.is_array() && other.empty());
  }
  const Json& x = x_in;
  const Json& y = y_in;
  if (!x.is_array() && !x.is_object() && x.type() == y.type() && x == y)
    return true;
  if (x.is_number() && y.is_number() && x.get<double>() == y.get<double>())
    return true;
  if (x.is_null() && y.is_string() && y.get_ref<const std::string&>().empty())
    return true;
  if (y.is_null() && x.is_string() && x.get_ref<const std::string&>().empty())
    return true;
  if (x.is_string() && y.is_string()) {
    return detail::ascii_lower(detail::trim(x.get_ref<const std::string&>())) ==
           detail::ascii_lower(detail::trim(y.get_ref<const std::string&>()));
  }
  if (convertible_to_number(x) && convertible_to_number(y)) {
    const double int_x = parse_int_of(x);
    const double int_y = parse_int_of(y);
    const double float_x = parse_float_of(x);
    const double float_y = parse_float_of(y);
    if (int_x == int_y && float_x == float_y)
      return true;
  }
  const bool x_empty = is_answer_empty(x);
  const bool y_empty = is_answer_empty(y);
  if (x_empty != y_empty)
    return false;
  if (x.is_boolean() && y.is_string())
    return detail::js_to_string(x) == detail::ascii_lower(y.get_ref<const std::string&>());
  if (y.is_boolean() && x.is_string())
    return detail::js_to_string(y) == detail::ascii_lower(x.get_ref<const std::string&>());
  const bool x_object = x.is_array() || x.is_object();
  const bool y_object = y.is_array() || y.is_object();
  if (!x_object && !y_object)
    return detail::js_loose_equal(x, y);
  if (!x_object || !y_object)
    return false;
  if (x.is_array() && y.is_array())
    return arrays_equal_ignoring_order(x, y);
  if (x.is_array() || y.is_array())
    return false;
  for (const auto& [key, value] : x.items()) {
    const auto other = y.find(key);
    if (other == y.end() || !values_equal(value, *other))
      return false;
  }
  return std::all_of(y.items().begin(), y.items().end(),
                     [&](const auto& item) { return x.contains(item.key()); });
}

bool greater(const Json& left, const Json& right) {
  if (left.is_null() || right.is_null())
    return false;
  return detail::js_less(right, left);
}
bool less(const Json& left, const Json& right) {
  if (left.is_null() || right.is_null())
    return false;
  return detail::js_less(left, right);
}

// OperandMaker.binaryFunctions.containsCore.
bool contains_core(const Json& left_in, const Json& right_in, bool is_contains) {
  if (!detail::js_truthy(left_in) && !(left_in.is_number() && left_in.get<double>() == 0) &&
      !(left_in.is_boolean() && !left_in.get<bool>())) {
    return false;
  }
  Json left = left_in;
  // Values without a length (numbers, booleans) and empty arrays are searched as text.
  const bool has_length =
      (left.is_array() && !left.empty()) || (left.is_string() && !left.get_ref<const std::string&>().empty());
  if (!has_length)
    left = detail::js_to_string(left);
  if (left.is_string()) {
    if (!detail::js_truthy(right_in))
      return false;
    const std::string haystack = detail::ascii_lower(left.get_ref<const std::string&>());
    const std::string needle = detail::ascii_lower(detail::js_to_string(right_in));
    const bool found = haystack.find(needle) != std::string::npos;
    return is_contains ? found : !found;
  }
  const Json rights = right_in.is_array() ? right_in : Json::array({right_in});
  for (const Json& right : rights) {
    const bool found =
        std::any_of(left.begin(), left.end(), [&](const Json& item) { return values_equal(item, right); });
    if (!found)
      return !is_contains;
  }
  return is_contains;
}

bool contains(const Json& left, const Json& right) {
  return contains_core(left, right, true);
}

bool notcontains(const Json& left, const Json& right) {
  if (!detail::js_truthy(left) && !is_answer_empty(right))
    return true;
  return contains_core(left, right, false);
}

bool anyof(const Json& left, const Json& right) {
  if (is_answer_empty(left) && is_answer_empty(right))
    return true;
  if (is_answer_empty(left))
    return false;
  if (is_answer_empty(right))
    return true;
  if (!left.is_array())
    return contains(right, left);
  if (!right.is_array())
    return contains(left, right);
  return std::any_of(right.begin(), right.end(), [&](const Json& item) { return contains(left, item); });
}

bool allof(const Json& left, const Json& right) {
  if (!detail::js_truthy(left) && !is_answer_empty(right))
    return false;
  if (!right.is_array())
    return contains(left, right);
  return std::all_of(right.begin(), right.end(), [&](const Json& item) { return contains(left, item); });
}

// Const.getCorrectValue as applied to a variable's value: "true"/"false" become booleans, quoted text
// loses its quotes, numeric text becomes a number unless it has a leading zero ("01" stays text).
Json correct_value(const Json& value) {
  if (!value.is_string())
    return value;
  const std::string& text = value.get_ref<const std::string&>();
  if (text.empty())
    return value;
  const std::string lowered = detail::ascii_lower(text);
  if (lowered == "true" || lowered == "false")
    return lowered == "true";
  if (text.size() > 1 && (text.front() == '\'' || text.front() == '"') &&
      (text.back() == '\'' || text.back() == '"')) {
    return text.substr(1, text.size() - 2);
  }
  // Helpers.getNumber: trimmed; long digit runs and strings with * ^ / % are not numbers; one comma is a
  // decimal separator; the whole string must convert.
  std::string candidate = detail::trim(text);
  if (candidate.empty())
    return value;
  double number = std::nan("");
  if (candidate.rfind("0x", 0) == 0) {
    if (candidate.size() <= 32)
      number = detail::js_parse_int(candidate);
  } else {
    const bool digits_only =
        std::all_of(candidate.begin(), candidate.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool has_operator = candidate.rfind('-') != std::string::npos && candidate.rfind('-') > 0
                                  ? false
                                  : (candidate.rfind('+') != std::string::npos && candidate.rfind('+') > 0
                                         ? false
                                         : candidate.find_first_of("*^/%") != std::string::npos);
    if (!(candidate.size() > 15 && digits_only) && !has_operator) {
      if (const auto comma = candidate.find(',');
          comma != std::string::npos && candidate.find(',', comma + 1) == std::string::npos) {
        candidate[comma] = '.';
      }
      const double whole = detail::js_string_to_number(candidate);
      const double prefix = detail::js_parse_float(candidate);
      if (std::isfinite(whole) && !std::isnan(prefix))
        number = prefix;
    }
  }
  if (std::isnan(number))
    return value;
  if (text[0] == '0' && text.rfind("0x", 0) != 0) {
    const bool has_point = text.size() > 1 && (text[1] == '.' || text[1] == ',');
    if ((!has_point && text.size() > 1) || (has_point && text.size() < 2))
      return value;
  }
  return number;
}

const AnswerValue* find_answer(const Answers& answers, std::string_view name) {
  if (auto found = answers.find(name); found != answers.end())
    return &found->second;
  // SurveyJS finds variables whatever their case.
  const std::string wanted = detail::ascii_lower(name);
  for (const auto& [key, value] : answers) {
    if (detail::ascii_lower(key) == wanted)
      return &value;
  }
  return nullptr;
}

class Evaluator {
 public:
  Evaluator(const Expression& expression, const Answers& answers)
      : m_expression(expression), m_answers(answers) {}

  Json value_of(std::size_t index) const {
    const ExpressionNode& node = m_expression.nodes[index];
    switch (node.kind) {
      case ExpressionNode::Kind::constant:
        return node.constant;
      case ExpressionNode::Kind::variable:
        return variable(node.variable);
      case ExpressionNode::Kind::array: {
        Json array = Json::array();
        for (std::size_t child : node.children)
          array.push_back(value_of(child));
        return array;
      }
      case ExpressionNode::Kind::unary:
        return unary(node.op, value_of(node.children[0]));
      case ExpressionNode::Kind::binary:
        return binary(node);
    }
    return nullptr;
  }

 private:
  Json variable(const std::string& name) const {
    // "{#name}" asks SurveyJS not to convert the value.
    const bool as_is = name.size() > 1 && name[0] == '#';
    const AnswerValue* answer = find_answer(m_answers, as_is ? std::string_view(name).substr(1) : name);
    if (answer == nullptr)
      return nullptr;
    return as_is ? *answer : correct_value(*answer);
  }

  static Json unary(Operator op, const Json& value) {
    switch (op) {
      case Operator::empty:
        return is_answer_empty(value);
      case Operator::notempty:
        return !is_answer_empty(value);
      default:
        return !detail::js_truthy(value);
    }
  }

  Json binary(const ExpressionNode& node) const {
    if (node.op == Operator::logical_and || node.op == Operator::logical_or) {
      // JavaScript's && and || return an operand, not a boolean. Both sides are evaluated, as SurveyJS does.
      Json left = value_of(node.children[0]);
      Json right = value_of(node.children[1]);
      const bool left_true = detail::js_truthy(left);
      if (node.op == Operator::logical_and)
        return left_true ? right : left;
      return left_true ? left : right;
    }
    const Json left = value_of(node.children[0]);
    const Json right = value_of(node.children[1]);
    switch (node.op) {
      case Operator::equal:
        return values_equal(left, right);
      case Operator::notequal:
        return !values_equal(left, right);
      case Operator::less:
        return less(left, right);
      case Operator::greater:
        return greater(left, right);
      case Operator::lessorequal:
        return values_equal(left, right) || less(left, right);
      case Operator::greaterorequal:
        return values_equal(left, right) || greater(left, right);
      case Operator::contains:
        return contains(left, right);
      case Operator::notcontains:
        return notcontains(left, right);
      case Operator::anyof:
        return anyof(left, right);
      case Operator::allof:
        return allof(left, right);
      case Operator::noneof:
        return !anyof(left, right);
      default:
        return nullptr;
    }
  }

  const Expression& m_expression;
  const Answers& m_answers;
};

}  // namespace

bool is_answer_empty(const AnswerValue& value) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      return true;
    case Json::value_t::string:
      return value.get_ref<const std::string&>().empty();
    case Json::value_t::array:
      return value.empty();
    case Json::value_t::object:
      return std::all_of(value.begin(), value.end(),
                         [](const Json& member) { return is_answer_empty(member); });
    case Json::value_t::number_float:
      return std::isnan(value.get<double>());
    default:
      return false;
  }
}

bool answers_equal(const AnswerValue& left, const AnswerValue& right) {
  return values_equal(left, right);
}

bool evaluate(const Expression& expression, const Answers& answers) {
  if (expression.nodes.empty() || expression.root >= expression.nodes.size())
    return false;
  return detail::js_truthy(Evaluator(expression, answers).value_of(expression.root));
}

}  // namespace kiosk::domain::surveys
