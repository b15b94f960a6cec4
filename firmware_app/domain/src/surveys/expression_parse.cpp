// Parser for SurveyJS conditions. It follows the precedence of SurveyJS's PEG grammar
// (packages/survey-core/src/expressions/grammar.pegjs): or < and < comparisons < contains/anyof/allof/
// noneof < factors (parentheses, `!`, atoms with a postfix empty/notempty, arrays). SurveyJS rewrites
// "=>", "=<", "<>", "equals" and "notequals" textually before parsing; here the lexer knows those
// spellings as tokens, so a string constant such as 'a=>b' is left alone (SurveyJS would change it).
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "domain/surveys/expression.hpp"

namespace kiosk::domain::surveys {
namespace {

enum class TokenKind {
  end,
  lparen,
  rparen,
  lbracket,
  rbracket,
  comma,
  variable,
  string,
  number,
  word,
  op,
  arithmetic
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::size_t at = 0;
  std::string text;            // variable name, string contents, word, or operator spelling
  double number = 0;           // TokenKind::number
  std::optional<Operator> op;  // TokenKind::op
};

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; });
  return out;
}

// Word operators SurveyJS accepts, case-insensitively ("equals"/"notequals" through its text patch).
std::optional<Operator> word_operator(std::string_view word) {
  struct Entry {
    std::string_view word;
    Operator op;
  };
  static constexpr std::array<Entry, 20> k_words{{
      {"and", Operator::logical_and},
      {"or", Operator::logical_or},
      {"equal", Operator::equal},
      {"equals", Operator::equal},
      {"notequal", Operator::notequal},
      {"notequals", Operator::notequal},
      {"less", Operator::less},
      {"lessorequal", Operator::lessorequal},
      {"greater", Operator::greater},
      {"greaterorequal", Operator::greaterorequal},
      {"contains", Operator::contains},
      {"contain", Operator::contains},
      {"notcontains", Operator::notcontains},
      {"notcontain", Operator::notcontains},
      {"anyof", Operator::anyof},
      {"allof", Operator::allof},
      {"noneof", Operator::noneof},
      {"empty", Operator::empty},
      {"notempty", Operator::notempty},
      {"negate", Operator::negate},
  }};
  const std::string key = lower(word);
  for (const Entry& entry : k_words) {
    if (entry.word == key)
      return entry.op;
  }
  return std::nullopt;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : m_text(text) {}

  // Reads the whole text; on a lexical error returns nullopt and sets error().
  std::optional<std::vector<Token>> run() {
    std::vector<Token> tokens;
    while (true) {
      skip_space();
      if (m_pos >= m_text.size()) {
        tokens.push_back(Token{TokenKind::end, m_pos, {}, 0, {}});
        return tokens;
      }
      auto token = next();
      if (!token)
        return std::nullopt;
      tokens.push_back(std::move(*token));
    }
  }
  const ParseIssue& error() const { return m_error; }

 private:
  void skip_space() {
    while (m_pos < m_text.size() && is_space(m_text[m_pos]))
      ++m_pos;
  }
  std::nullopt_t fail(std::size_t at, std::string message) {
    m_error = ParseIssue{"", fmt::format("at {}: {}", at, message)};
    return std::nullopt;
  }
  bool peek_is(std::size_t offset, char c) const {
    return m_pos + offset < m_text.size() && m_text[m_pos + offset] == c;
  }
  Token make(TokenKind kind, std::size_t length) {
    Token token{kind, m_pos, std::string(m_text.substr(m_pos, length)), 0, {}};
    m_pos += length;
    return token;
  }
  Token make_op(Operator op, std::size_t length) {
    Token token = make(TokenKind::op, length);
    token.op = op;
    return token;
  }

  std::optional<Token> next() {
    const char c = m_text[m_pos];
    switch (c) {
      case '(':
        return make(TokenKind::lparen, 1);
      case ')':
        return make(TokenKind::rparen, 1);
      case '[':
        return make(TokenKind::lbracket, 1);
      case ']':
        return make(TokenKind::rbracket, 1);
      case ',':
        return make(TokenKind::comma, 1);
      case '{':
        return variable();
      case '\'':
      case '"':
        return quoted(c);
      case '=':
        if (peek_is(1, '='))
          return make_op(Operator::equal, 2);
        if (peek_is(1, '<'))
          return make_op(Operator::lessorequal, 2);
        if (peek_is(1, '>'))
          return make_op(Operator::greaterorequal, 2);
        return make_op(Operator::equal, 1);
      case '<':
        if (peek_is(1, '='))
          return make_op(Operator::lessorequal, 2);
        if (peek_is(1, '>'))
          return make_op(Operator::notequal, 2);
        return make_op(Operator::less, 1);
      case '>':
        if (peek_is(1, '='))
          return make_op(Operator::greaterorequal, 2);
        return make_op(Operator::greater, 1);
      case '!':
        if (peek_is(1, '='))
          return make_op(Operator::notequal, 2);
        return make_op(Operator::negate, 1);
      case '*':
        if (peek_is(1, '='))
          return make_op(Operator::contains, 2);
        return make(TokenKind::arithmetic, 1);
      case '&':
        if (peek_is(1, '&'))
          return make_op(Operator::logical_and, 2);
        return fail(m_pos, "a single '&' is not an operator (use && or and)");
      case '|':
        if (peek_is(1, '|'))
          return make_op(Operator::logical_or, 2);
        return fail(m_pos, "a single '|' is not an operator (use || or or)");
      case '+':
      case '/':
      case '%':
      case '^':
        return make(TokenKind::arithmetic, 1);
      case '-':
        if (peek_is(1, '.') || (m_pos + 1 < m_text.size() && is_digit(m_text[m_pos + 1])))
          return number();
        return make(TokenKind::arithmetic, 1);
      default:
        break;
    }
    if (is_digit(c))
      return number();
    if (is_letter(c))
      return word();
    return fail(m_pos, fmt::format("unexpected character '{}'", c));
  }

  std::optional<Token> variable() {
    const std::size_t start = m_pos;
    const std::size_t close = m_text.find_first_of("{}", start + 1);
    if (close == std::string_view::npos || m_text[close] != '}')
      return fail(start, "'{' without a matching '}'");
    std::string_view name = m_text.substr(start + 1, close - start - 1);
    while (!name.empty() && is_space(name.front()))
      name.remove_prefix(1);
    while (!name.empty() && is_space(name.back()))
      name.remove_suffix(1);
    if (name.empty())
      return fail(start, "empty variable name {}");
    m_pos = close + 1;
    return Token{TokenKind::variable, start, std::string(name), 0, {}};
  }

  std::optional<Token> quoted(char quote) {
    const std::size_t start = m_pos;
    std::string value;
    std::size_t i = start + 1;
    while (i < m_text.size()) {
      const char c = m_text[i];
      if (c == '\\' && i + 1 < m_text.size() && (m_text[i + 1] == '\'' || m_text[i + 1] == '"')) {
        value += m_text[i + 1];
        i += 2;
        continue;
      }
      if (c == '\'' || c == '"') {
        // SurveyJS strings cannot hold the other kind of quote unescaped either.
        if (c != quote)
          return fail(i, "a quote inside a string must be escaped with a backslash");
        m_pos = i + 1;
        return Token{TokenKind::string, start, std::move(value), 0, {}};
      }
      value += c;
      ++i;
    }
    return fail(start, "string is not closed");
  }

  std::optional<Token> number() {
    const std::size_t start = m_pos;
    std::size_t i = start;
    const bool negative = m_text[i] == '-';
    if (negative)
      ++i;
    if (!negative && m_text.substr(i, 2) == "0x") {
      std::size_t j = i + 2;
      while (j < m_text.size() && is_digit(m_text[j]))
        ++j;
      if (j == i + 2)
        return fail(start, "\"0x\" must be followed by digits");
      // SurveyJS's grammar reads only 0-9 after 0x and parses them as hexadecimal.
      double value = 0;
      for (std::size_t k = i + 2; k < j; ++k)
        value = value * 16 + (m_text[k] - '0');
      m_pos = j;
      Token token{TokenKind::number, start, std::string(m_text.substr(start, j - start)), value, {}};
      return token;
    }
    std::size_t j = i;
    while (j < m_text.size() && is_digit(m_text[j]))
      ++j;
    if (j == i)
      return fail(start, "expected a number after '-'");
    if (m_text[i] == '0' && j - i > 1)
      return fail(start, "a number cannot start with 0 (write 5, not 05)");
    if (j + 1 < m_text.size() && m_text[j] == '.' && is_digit(m_text[j + 1])) {
      ++j;
      while (j < m_text.size() && is_digit(m_text[j]))
        ++j;
    }
    if (j < m_text.size() && is_letter(m_text[j]))
      return fail(start, "a number cannot be followed by letters");
    double value = 0;
    const auto [ptr, ec] = std::from_chars(m_text.data() + i, m_text.data() + j, value);
    if (ec != std::errc{} || !std::isfinite(value))
      return fail(start, "number is out of range");
    (void)ptr;
    m_pos = j;
    return Token{TokenKind::number,
                 start,
                 std::string(m_text.substr(start, j - start)),
                 negative ? -value : value,
                 {}};
  }

  std::optional<Token> word() {
    const std::size_t start = m_pos;
    std::size_t j = start;
    while (j < m_text.size() && (is_letter(m_text[j]) || is_digit(m_text[j])))
      ++j;
    Token token{TokenKind::word, start, std::string(m_text.substr(start, j - start)), 0, {}};
    m_pos = j;
    if (lower(token.text) == "power") {
      token.kind = TokenKind::arithmetic;
    } else if (auto op = word_operator(token.text)) {
      token.kind = TokenKind::op;
      token.op = op;
    }
    return token;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  ParseIssue m_error;
};

bool is_comparison(Operator op) {
  switch (op) {
    case Operator::equal:
    case Operator::notequal:
    case Operator::less:
    case Operator::lessorequal:
    case Operator::greater:
    case Operator::greaterorequal:
      return true;
    default:
      return false;
  }
}

bool is_binary_function(Operator op) {
  return op == Operator::contains || op == Operator::notcontains || op == Operator::anyof ||
         op == Operator::allof || op == Operator::noneof;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

  std::optional<Expression> run(std::string_view text) {
    auto root = parse_or(0);
    if (!root)
      return std::nullopt;
    if (peek().kind != TokenKind::end) {
      unexpected("the end of the condition");
      return std::nullopt;
    }
    Expression expression;
    expression.text = std::string(text);
    expression.nodes = std::move(m_nodes);
    expression.root = *root;
    return expression;
  }
  const ParseIssue& error() const { return m_error; }

 private:
  const Token& peek() const { return m_tokens[m_index]; }
  const Token& take() { return m_tokens[m_index < m_tokens.size() - 1 ? m_index++ : m_index]; }
  bool peek_op(Operator op) const { return peek().kind == TokenKind::op && peek().op == op; }

  std::nullopt_t fail(std::size_t at, std::string message) {
    if (m_error.message.empty())
      m_error = ParseIssue{"", fmt::format("at {}: {}", at, message)};
    return std::nullopt;
  }
  std::nullopt_t unexpected(std::string_view expected) {
    const Token& token = peek();
    if (token.kind == TokenKind::arithmetic) {
      return fail(token.at, fmt::format("arithmetic operator \"{}\" is not supported", token.text));
    }
    if (token.kind == TokenKind::end)
      return fail(token.at, fmt::format("expected {}, found the end", expected));
    return fail(token.at, fmt::format("expected {}, found \"{}\"", expected, token.text));
  }

  std::size_t add(ExpressionNode node) {
    m_nodes.push_back(std::move(node));
    return m_nodes.size() - 1;
  }
  std::size_t add_binary(Operator op, std::size_t left, std::size_t right) {
    ExpressionNode node;
    node.kind = ExpressionNode::Kind::binary;
    node.op = op;
    node.children = {left, right};
    return add(std::move(node));
  }

  // Each level takes the next one as operands, left-associatively, as buildBinaryOperand does.
  template <class Accept, class Next>
  std::optional<std::size_t> parse_chain(int depth, Accept accept, Next next_level) {
    auto left = next_level(depth);
    if (!left)
      return std::nullopt;
    while (peek().kind == TokenKind::op && accept(*peek().op)) {
      const Operator op = *take().op;
      auto right = next_level(depth);
      if (!right)
        return std::nullopt;
      left = add_binary(op, *left, *right);
    }
    return left;
  }

  std::optional<std::size_t> parse_or(int depth) {
    return parse_chain(
        depth, [](Operator op) { return op == Operator::logical_or; },
        [this](int d) { return parse_and(d); });
  }
  std::optional<std::size_t> parse_and(int depth) {
    return parse_chain(
        depth, [](Operator op) { return op == Operator::logical_and; },
        [this](int d) { return parse_comparison(d); });
  }
  std::optional<std::size_t> parse_comparison(int depth) {
    return parse_chain(depth, is_comparison, [this](int d) { return parse_binary_function(d); });
  }
  std::optional<std::size_t> parse_binary_function(int depth) {
    return parse_chain(depth, is_binary_function, [this](int d) { return parse_factor(d); });
  }

  std::optional<std::size_t> parse_factor(int depth) {
    if (depth >= k_max_expression_depth) {
      return fail(peek().at,
                  fmt::format("condition is nested more than {} levels deep", k_max_expression_depth));
    }
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::lparen: {
        take();
        auto inner = parse_or(depth + 1);
        if (!inner)
          return std::nullopt;
        if (peek().kind != TokenKind::rparen)
          return unexpected("')'");
        take();
        return inner;
      }
      case TokenKind::lbracket:
        return parse_array(depth + 1);
      case TokenKind::op:
        if (token.op == Operator::negate) {
          take();
          auto operand = parse_factor(depth + 1);
          if (!operand)
            return std::nullopt;
          ExpressionNode node;
          node.kind = ExpressionNode::Kind::unary;
          node.op = Operator::negate;
          node.children = {*operand};
          return add(std::move(node));
        }
        return unexpected("a value, {question} or '('");
      case TokenKind::variable:
      case TokenKind::string:
      case TokenKind::number:
      case TokenKind::word:
        return parse_atom();
      default:
        return unexpected("a value, {question} or '('");
    }
  }

  std::optional<std::size_t> parse_array(int depth) {
    take();  // '['
    ExpressionNode node;
    node.kind = ExpressionNode::Kind::array;
    if (peek().kind != TokenKind::rbracket) {
      while (true) {
        auto element = parse_or(depth);
        if (!element)
          return std::nullopt;
        node.children.push_back(*element);
        if (peek().kind == TokenKind::comma) {
          take();
          continue;
        }
        break;
      }
    }
    if (peek().kind != TokenKind::rbracket)
      return unexpected("',' or ']'");
    take();
    return add(std::move(node));
  }

  std::optional<std::size_t> parse_atom() {
    const Token token = take();
    ExpressionNode node;
    switch (token.kind) {
      case TokenKind::variable:
        node.kind = ExpressionNode::Kind::variable;
        node.variable = token.text;
        break;
      case TokenKind::string:
        node.constant = token.text;
        break;
      case TokenKind::number:
        node.constant = token.number;
        break;
      case TokenKind::word: {
        if (peek().kind == TokenKind::lparen) {
          return fail(token.at, fmt::format("function \"{}()\" is not supported", token.text));
        }
        const std::string word = lower(token.text);
        if (word == "not" && starts_operand(peek())) {
          return fail(token.at, "\"not\" is not a SurveyJS operator; use \"!\" (or notempty, notcontains)");
        }
        if (token.text == "null" || token.text == "undefined") {
          node.constant = nullptr;
        } else if (word == "true" || word == "false") {
          node.constant = word == "true";
        } else {
          node.constant = token.text;  // SurveyJS reads a bare word as a string constant
        }
        break;
      }
      default:
        return unexpected("a value");
    }
    std::size_t index = add(std::move(node));
    if (peek_op(Operator::empty) || peek_op(Operator::notempty)) {
      ExpressionNode unary;
      unary.kind = ExpressionNode::Kind::unary;
      unary.op = *take().op;
      unary.children = {index};
      index = add(std::move(unary));
    }
    return index;
  }

  static bool starts_operand(const Token& token) {
    return token.kind == TokenKind::variable || token.kind == TokenKind::lparen ||
           token.kind == TokenKind::string || token.kind == TokenKind::number ||
           token.kind == TokenKind::word || (token.kind == TokenKind::op && token.op == Operator::negate);
  }

  std::vector<Token> m_tokens;
  std::size_t m_index = 0;
  std::vector<ExpressionNode> m_nodes;
  ParseIssue m_error;
};

}  // namespace

std::string_view operator_name(Operator op) {
  switch (op) {
    case Operator::negate:
      return "negate";
    case Operator::empty:
      return "empty";
    case Operator::notempty:
      return "notempty";
    case Operator::equal:
      return "equal";
    case Operator::notequal:
      return "notequal";
    case Operator::less:
      return "less";
    case Operator::lessorequal:
      return "lessorequal";
    case Operator::greater:
      return "greater";
    case Operator::greaterorequal:
      return "greaterorequal";
    case Operator::contains:
      return "contains";
    case Operator::notcontains:
      return "notcontains";
    case Operator::anyof:
      return "anyof";
    case Operator::allof:
      return "allof";
    case Operator::noneof:
      return "noneof";
    case Operator::logical_and:
      return "and";
    case Operator::logical_or:
      return "or";
  }
  return "?";
}

std::vector<std::string> Expression::variables() const {
  std::vector<std::string> names;
  for (const ExpressionNode& node : nodes) {
    if (node.kind == ExpressionNode::Kind::variable &&
        std::find(names.begin(), names.end(), node.variable) == names.end()) {
      names.push_back(node.variable);
    }
  }
  return names;
}

ParseResult<Expression> parse_expression(std::string_view text) {
  if (text.size() > k_max_expression_length) {
    return ParseResult<Expression>::failure(
        {ParseIssue{"", fmt::format("condition is longer than {} characters", k_max_expression_length)}});
  }
  if (std::all_of(text.begin(), text.end(), is_space)) {
    return ParseResult<Expression>::failure({ParseIssue{"", "condition is empty"}});
  }
  Lexer lexer(text);
  auto tokens = lexer.run();
  if (!tokens)
    return ParseResult<Expression>::failure({lexer.error()});
  Parser parser(std::move(*tokens));
  auto expression = parser.run(text);
  if (!expression)
    return ParseResult<Expression>::failure({parser.error()});
  return ParseResult<Expression>::success(std::move(*expression));
}

}  // namespace kiosk::domain::surveys
