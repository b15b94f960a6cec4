#include "i18n/plural_rule.hpp"

#include <array>
#include <charconv>
#include <utility>

// The expression is compiled once to a postfix program and run on a value stack. Evaluating the tree
// recursively would let a long flat chain ("n+n+n+...", which the parser accepts without nesting) use
// stack in proportion to its length; the loop below uses none. Every operand of ?:, && and || is
// evaluated (no short-circuit): the operations have no side effects and division by zero gives 0, so
// the result is the same as C's.

namespace kiosk::i18n {
namespace {

enum Op : std::uint64_t {
  op_push_n,
  op_push_value,  // followed by the value in the next word
  op_not,
  op_mul,
  op_div,
  op_mod,
  op_add,
  op_sub,
  op_less,
  op_greater,
  op_less_equal,
  op_greater_equal,
  op_equal,
  op_not_equal,
  op_and,
  op_or,
  op_select,  // cond ? a : b
};

enum class TokenKind { end, n, number, open, close, bang, binary, question, colon };

struct Token {
  TokenKind kind = TokenKind::end;
  Op op = op_push_n;        // for binary operators
  int precedence = 0;       // for binary operators: higher binds tighter
  std::uint64_t value = 0;  // for numbers
  std::size_t column = 0;   // 1-based, for messages
};

struct OperatorSpelling {
  std::string_view text;
  Op op;
  int precedence;
};

// Longest spellings first so "<=" is not read as "<" followed by "=".
constexpr std::array<OperatorSpelling, 13> k_binary_operators{{
    {"||", op_or, 1},
    {"&&", op_and, 2},
    {"==", op_equal, 3},
    {"!=", op_not_equal, 3},
    {"<=", op_less_equal, 4},
    {">=", op_greater_equal, 4},
    {"<", op_less, 4},
    {">", op_greater, 4},
    {"+", op_add, 5},
    {"-", op_sub, 5},
    {"*", op_mul, 6},
    {"/", op_div, 6},
    {"%", op_mod, 6},
}};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string column_text(std::size_t column) {
  return " at column " + std::to_string(column);
}

// Splits the expression into tokens; fails on characters outside the grammar and on numbers that do
// not fit 64 bits.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : m_text(text) {}

  bool tokenize(std::vector<Token>* tokens, std::string* error) {
    while (true) {
      skip_spaces();
      Token token;
      token.column = m_pos + 1;
      if (m_pos == m_text.size()) {
        tokens->push_back(token);
        return true;
      }
      if (!read_token(&token, error)) {
        return false;
      }
      tokens->push_back(token);
    }
  }

 private:
  void skip_spaces() {
    while (m_pos < m_text.size() && is_space(m_text[m_pos])) {
      ++m_pos;
    }
  }

  bool read_token(Token* token, std::string* error) {
    const char c = m_text[m_pos];
    if (is_digit(c)) {
      return read_number(token, error);
    }
    for (const auto& spelling : k_binary_operators) {
      if (m_text.substr(m_pos).starts_with(spelling.text)) {
        token->kind = TokenKind::binary;
        token->op = spelling.op;
        token->precedence = spelling.precedence;
        m_pos += spelling.text.size();
        return true;
      }
    }
    // After the operators, so that "!=" is not read as '!' followed by '='.
    if (read_single(c, token)) {
      ++m_pos;
      return true;
    }
    *error = "unexpected character '" + std::string(1, c) + "'" + column_text(m_pos + 1);
    return false;
  }

  // Tokens of one character that are not binary operators.
  static bool read_single(char c, Token* token) {
    switch (c) {
      case 'n':
        token->kind = TokenKind::n;
        return true;
      case '(':
        token->kind = TokenKind::open;
        return true;
      case ')':
        token->kind = TokenKind::close;
        return true;
      case '?':
        token->kind = TokenKind::question;
        return true;
      case ':':
        token->kind = TokenKind::colon;
        return true;
      case '!':
        token->kind = TokenKind::bang;
        return true;
      default:
        break;
    }
    return false;
  }

  bool read_number(Token* token, std::string* error) {
    std::size_t end = m_pos;
    while (end < m_text.size() && is_digit(m_text[end])) {
      ++end;
    }
    const auto result = std::from_chars(m_text.data() + m_pos, m_text.data() + end, token->value);
    if (result.ec != std::errc{}) {
      *error = "number too large" + column_text(m_pos + 1);
      return false;
    }
    token->kind = TokenKind::number;
    m_pos = end;
    return true;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

// Recursive descent with precedence climbing, emitting postfix code. Recursion grows only with
// parentheses, '!' and '?:' (each counted against k_max_nesting) and with the fixed number of
// precedence levels, so its depth is bounded whatever the input.
class ExpressionParser {
 public:
  ExpressionParser(std::vector<Token> tokens, std::vector<std::uint64_t>* program)
      : m_tokens(std::move(tokens)), m_program(program) {}

  bool parse(std::string* error) {
    if (!parse_conditional(0)) {
      *error = m_error;
      return false;
    }
    if (peek().kind != TokenKind::end) {
      *error = "unexpected token" + column_text(peek().column);
      return false;
    }
    return true;
  }

 private:
  const Token& peek() const { return m_tokens[m_pos]; }
  const Token& take() { return m_tokens[m_pos++]; }

  bool fail(const std::string& message) {
    m_error = message + column_text(peek().column);
    return false;
  }

  bool check_depth(int depth) {
    if (depth > PluralRule::k_max_nesting) {
      return fail("expression nested more than " + std::to_string(PluralRule::k_max_nesting) + " levels");
    }
    return true;
  }

  bool parse_conditional(int depth) {
    if (!check_depth(depth) || !parse_binary(1, depth)) {
      return false;
    }
    if (peek().kind != TokenKind::question) {
      return true;
    }
    take();
    if (!parse_conditional(depth + 1)) {
      return false;
    }
    if (peek().kind != TokenKind::colon) {
      return fail("expected ':'");
    }
    take();
    if (!parse_conditional(depth + 1)) {
      return false;
    }
    m_program->push_back(op_select);
    return true;
  }

  bool parse_binary(int min_precedence, int depth) {
    if (!parse_primary(depth)) {
      return false;
    }
    while (peek().kind == TokenKind::binary && peek().precedence >= min_precedence) {
      const Token& op = take();
      if (!parse_binary(op.precedence + 1, depth)) {
        return false;
      }
      m_program->push_back(op.op);
    }
    return true;
  }

  // A primary may carry any number of '!' in front, as C's unary-expression.
  bool parse_primary(int depth) {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::n:
        take();
        m_program->push_back(op_push_n);
        return true;
      case TokenKind::number:
        take();
        m_program->push_back(op_push_value);
        m_program->push_back(token.value);
        return true;
      case TokenKind::bang:
        take();
        return check_depth(depth + 1) && parse_primary_then_not(depth + 1);
      case TokenKind::open:
        return parse_parenthesized(depth + 1);
      default:
        return fail("expected n, a number, '!' or '('");
    }
  }

  bool parse_primary_then_not(int depth) {
    if (!parse_primary(depth)) {
      return false;
    }
    m_program->push_back(op_not);
    return true;
  }

  bool parse_parenthesized(int depth) {
    take();
    if (!parse_conditional(depth)) {
      return false;
    }
    if (peek().kind != TokenKind::close) {
      return fail("expected ')'");
    }
    take();
    return true;
  }

  std::vector<Token> m_tokens;  // always ends with an `end` token, so peek() stays in range
  std::size_t m_pos = 0;
  std::vector<std::uint64_t>* m_program;
  std::string m_error;
};

std::uint64_t apply_binary(std::uint64_t op, std::uint64_t a, std::uint64_t b) {
  switch (op) {
    case op_mul:
      return a * b;
    case op_div:
      return b == 0 ? 0 : a / b;
    case op_mod:
      return b == 0 ? 0 : a % b;
    case op_add:
      return a + b;
    case op_sub:
      return a - b;
    case op_less:
      return a < b;
    case op_greater:
      return a > b;
    case op_less_equal:
      return a <= b;
    case op_greater_equal:
      return a >= b;
    case op_equal:
      return a == b;
    case op_not_equal:
      return a != b;
    case op_and:
      return a != 0 && b != 0;
    case op_or:
      return a != 0 || b != 0;
    default:
      return 0;
  }
}

bool compile_expression(std::string_view text, std::vector<std::uint64_t>* program, std::string* error) {
  std::vector<Token> tokens;
  if (!Lexer(text).tokenize(&tokens, error)) {
    return false;
  }
  return ExpressionParser(std::move(tokens), program).parse(error);
}

bool parse_form_count(std::string_view text, std::size_t* count, std::string* error) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *count);
  if (text.empty() || result.ec != std::errc{} || result.ptr != text.data() + text.size() || *count == 0 ||
      *count > PluralRule::k_max_plural_forms) {
    *error = "nplurals must be a number from 1 to " + std::to_string(PluralRule::k_max_plural_forms) +
             ", not '" + std::string(text) + "'";
    return false;
  }
  return true;
}

// The two "key=value" settings of a Plural-Forms header, as written.
struct PluralFormsFields {
  std::optional<std::string_view> nplurals;
  std::optional<std::string_view> plural;
};

bool store_field(std::string_view part, PluralFormsFields* fields, std::string* error) {
  const auto equals = part.find('=');
  if (equals == std::string_view::npos) {
    *error = "expected key=value, got '" + std::string(part) + "'";
    return false;
  }
  const auto key = trim(part.substr(0, equals));
  const auto value = trim(part.substr(equals + 1));
  std::optional<std::string_view>* slot = key == "nplurals" ? &fields->nplurals
                                          : key == "plural" ? &fields->plural
                                                            : nullptr;
  if (slot == nullptr) {
    *error = "unknown setting '" + std::string(key) + "'";
    return false;
  }
  if (slot->has_value()) {
    *error = "'" + std::string(key) + "' given twice";
    return false;
  }
  *slot = value;
  return true;
}

bool split_fields(std::string_view text, PluralFormsFields* fields, std::string* error) {
  while (!text.empty()) {
    const auto semicolon = text.find(';');
    const auto part = trim(text.substr(0, semicolon));
    text = semicolon == std::string_view::npos ? std::string_view{} : text.substr(semicolon + 1);
    if (!part.empty() && !store_field(part, fields, error)) {
      return false;
    }
  }
  if (!fields->nplurals || !fields->plural) {
    *error = fields->nplurals ? "missing plural=" : "missing nplurals=";
    return false;
  }
  return true;
}

}  // namespace

PluralRule::PluralRule(std::size_t form_count, std::vector<std::uint64_t> program)
    : m_form_count(form_count), m_program(std::move(program)) {}

PluralRule PluralRule::english() {
  return PluralRule(2, {op_push_n, op_push_value, 1, op_not_equal});
}

std::optional<PluralRule> PluralRule::parse(std::string_view plural_forms, std::string* error) {
  std::string message;
  PluralFormsFields fields;
  std::size_t form_count = 0;
  std::vector<std::uint64_t> program;
  bool ok = split_fields(plural_forms, &fields, &message) &&
            parse_form_count(*fields.nplurals, &form_count, &message);
  if (ok && !compile_expression(*fields.plural, &program, &message)) {
    message = "plural expression: " + message;
    ok = false;
  }
  if (!ok) {
    if (error != nullptr) {
      *error = std::move(message);
    }
    return std::nullopt;
  }
  return PluralRule(form_count, std::move(program));
}

std::size_t PluralRule::form_for(std::uint64_t n) const {
  std::vector<std::uint64_t> stack;
  stack.reserve(m_program.size());
  auto pop = [&stack] {
    // The compiler never emits an unbalanced program; the guard keeps a bug from reading out of range.
    if (stack.empty()) {
      return std::uint64_t{0};
    }
    const auto top = stack.back();
    stack.pop_back();
    return top;
  };
  for (std::size_t i = 0; i < m_program.size(); ++i) {
    const auto op = m_program[i];
    if (op == op_push_n) {
      stack.push_back(n);
    } else if (op == op_push_value) {
      stack.push_back(i + 1 < m_program.size() ? m_program[++i] : 0);
    } else if (op == op_not) {
      stack.push_back(pop() == 0);
    } else if (op == op_select) {
      const auto otherwise = pop();
      const auto then = pop();
      stack.push_back(pop() != 0 ? then : otherwise);
    } else {
      const auto b = pop();
      const auto a = pop();
      stack.push_back(apply_binary(op, a, b));
    }
  }
  const auto form = stack.empty() ? 0 : stack.back();
  return form < m_form_count ? static_cast<std::size_t>(form) : 0;
}

}  // namespace kiosk::i18n
