#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "i18n/plural_rule.hpp"

namespace kiosk::i18n {
namespace {

constexpr std::string_view k_russian =
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";

PluralRule parse_ok(std::string_view text) {
  std::string error;
  auto rule = PluralRule::parse(text, &error);
  EXPECT_TRUE(rule) << text << ": " << error;
  return rule ? std::move(*rule) : PluralRule::english();
}

std::string parse_error(std::string_view text) {
  std::string error;
  EXPECT_FALSE(PluralRule::parse(text, &error)) << "expected an error for: " << text;
  return error;
}

// The value of a bare expression, through a rule with enough forms to show it.
std::size_t evaluate(std::string_view expression, std::uint64_t n) {
  return parse_ok("nplurals=16; plural=" + std::string(expression) + ";").form_for(n);
}

TEST(PluralRule, RussianHasOneFewMany) {
  const auto rule = parse_ok(k_russian);
  EXPECT_EQ(rule.form_count(), 3u);
  const std::vector<std::pair<std::uint64_t, std::size_t>> expected{
      {0, 2},  {1, 0},  {2, 1},  {4, 1},  {5, 2},   {11, 2},  {12, 2},
      {14, 2}, {21, 0}, {22, 1}, {25, 2}, {101, 0}, {111, 2}, {1000001, 0},
  };
  for (const auto& [n, form] : expected) {
    EXPECT_EQ(rule.form_for(n), form) << "n = " << n;
  }
}

TEST(PluralRule, ChineseHasOneForm) {
  const auto rule = parse_ok("nplurals=1; plural=0;");
  EXPECT_EQ(rule.form_count(), 1u);
  for (const std::uint64_t n :
       std::initializer_list<std::uint64_t>{0ULL, 1ULL, 2ULL, 5ULL, 100ULL, UINT64_MAX}) {
    EXPECT_EQ(rule.form_for(n), 0u) << "n = " << n;
  }
}

TEST(PluralRule, NorwegianAndEnglishSingularOnlyForOne) {
  for (const auto& rule : {parse_ok("nplurals=2; plural=(n != 1);"), PluralRule::english()}) {
    EXPECT_EQ(rule.form_count(), 2u);
    EXPECT_EQ(rule.form_for(0), 1u);
    EXPECT_EQ(rule.form_for(1), 0u);
    EXPECT_EQ(rule.form_for(2), 1u);
    EXPECT_EQ(rule.form_for(21), 1u);
    EXPECT_EQ(rule.form_for(UINT64_MAX), 1u);
  }
}

TEST(PluralRule, AcceptsLooseSpacingAndMissingFinalSemicolon) {
  const auto rule = parse_ok("  nplurals = 2 ;plural= n!=1  ");
  EXPECT_EQ(rule.form_count(), 2u);
  EXPECT_EQ(rule.form_for(1), 0u);
  EXPECT_EQ(rule.form_for(3), 1u);
  EXPECT_EQ(parse_ok("plural=n>1; nplurals=2").form_for(2), 1u) << "order of settings is free";
}

TEST(PluralRule, FollowsCPrecedence) {
  EXPECT_EQ(evaluate("1+2*3", 0), 7u);
  EXPECT_EQ(evaluate("(1+2)*3", 0), 9u);
  EXPECT_EQ(evaluate("10-4-3", 0), 3u) << "left-associative";
  EXPECT_EQ(evaluate("12/2/3", 0), 2u);
  EXPECT_EQ(evaluate("n%3*2", 5), 4u);
  EXPECT_EQ(evaluate("1+1==2", 0), 1u) << "+ binds tighter than ==";
  EXPECT_EQ(evaluate("2<3==1", 0), 1u) << "< binds tighter than ==";
  EXPECT_EQ(evaluate("0 || 1 && 0", 0), 0u) << "&& binds tighter than ||";
  EXPECT_EQ(evaluate("1 || 0 && 0", 0), 1u);
  EXPECT_EQ(evaluate("!n+1", 0), 2u) << "! binds tighter than +";
  EXPECT_EQ(evaluate("!!n", 7), 1u);
  EXPECT_EQ(evaluate("!(n-7)", 7), 1u);
}

TEST(PluralRule, ComparisonsAndLogicGiveZeroOrOne) {
  EXPECT_EQ(evaluate("n<=5", 5), 1u);
  EXPECT_EQ(evaluate("n>=6", 5), 0u);
  EXPECT_EQ(evaluate("n>4", 5), 1u);
  EXPECT_EQ(evaluate("n<5", 5), 0u);
  EXPECT_EQ(evaluate("n==5", 5), 1u);
  EXPECT_EQ(evaluate("n!=5", 5), 0u);
  EXPECT_EQ(evaluate("7 && 9", 0), 1u);
  EXPECT_EQ(evaluate("0 || 9", 0), 1u);
}

TEST(PluralRule, ConditionalIsRightAssociative) {
  const std::string chain = "n==1 ? 0 : n==2 ? 1 : n==3 ? 2 : 3";
  EXPECT_EQ(evaluate(chain, 1), 0u);
  EXPECT_EQ(evaluate(chain, 2), 1u);
  EXPECT_EQ(evaluate(chain, 3), 2u);
  EXPECT_EQ(evaluate(chain, 9), 3u);
  EXPECT_EQ(evaluate("n ? n==1 ? 4 : 5 : 6", 1), 4u) << "a conditional in the middle operand";
  EXPECT_EQ(evaluate("n ? n==1 ? 4 : 5 : 6", 0), 6u);
}

TEST(PluralRule, DivisionByZeroGivesZero) {
  EXPECT_EQ(evaluate("n/0", 5), 0u);
  EXPECT_EQ(evaluate("n%0", 5), 0u);
  EXPECT_EQ(evaluate("1 + 5/(n-n)", 5), 1u);
  EXPECT_EQ(evaluate("n ? 3 : 1/n", 0), 0u) << "every branch is evaluated, the unused one must not trap";
}

TEST(PluralRule, ArithmeticIsUnsigned64Bit) {
  // 0 - 1 wraps to 2^64 - 1, which is far above any form index.
  EXPECT_EQ(evaluate("n-1 > 100", 0), 1u);
  EXPECT_EQ(evaluate("n+1", UINT64_MAX), 0u) << "wraps to 0";
  EXPECT_EQ(evaluate("18446744073709551615 == n", UINT64_MAX), 1u);
  EXPECT_EQ(evaluate("n*n > 0", 1ULL << 32), 0u) << "2^64 wraps to 0";
}

TEST(PluralRule, IndexAtOrBeyondFormCountFallsBackToZero) {
  const auto rule = parse_ok("nplurals=2; plural=n;");
  EXPECT_EQ(rule.form_for(0), 0u);
  EXPECT_EQ(rule.form_for(1), 1u);
  EXPECT_EQ(rule.form_for(2), 0u);
  EXPECT_EQ(rule.form_for(UINT64_MAX), 0u);
}

TEST(PluralRule, RejectsMalformedHeaders) {
  EXPECT_EQ(parse_error("plural=n!=1;"), "missing nplurals=");
  EXPECT_EQ(parse_error("nplurals=2;"), "missing plural=");
  EXPECT_EQ(parse_error(""), "missing nplurals=");
  EXPECT_NE(parse_error("nplurals=0; plural=0;").find("nplurals must be a number from 1 to 16"),
            std::string::npos);
  EXPECT_NE(parse_error("nplurals=17; plural=0;").find("nplurals must be"), std::string::npos);
  EXPECT_NE(parse_error("nplurals=two; plural=0;").find("not 'two'"), std::string::npos);
  EXPECT_NE(parse_error("nplurals=INTEGER; plural=EXPRESSION;").find("nplurals must be"), std::string::npos);
  EXPECT_EQ(parse_error("nplurals=2; plural=n; plural=0"), "'plural' given twice");
  EXPECT_EQ(parse_error("nplurals=2; plural=n; colour=blue"), "unknown setting 'colour'");
  EXPECT_EQ(parse_error("nplurals=2; n > 1"), "expected key=value, got 'n > 1'");
}

TEST(PluralRule, RejectsMalformedExpressions) {
  const auto error_of = [](std::string_view expression) {
    return parse_error("nplurals=2; plural=" + std::string(expression) + ";");
  };
  EXPECT_EQ(error_of("n=="), "plural expression: expected n, a number, '!' or '(' at column 4");
  EXPECT_EQ(error_of(""), "plural expression: expected n, a number, '!' or '(' at column 1");
  EXPECT_EQ(error_of("(n != 1"), "plural expression: expected ')' at column 8");
  EXPECT_EQ(error_of("n ? 1"), "plural expression: expected ':' at column 6");
  EXPECT_EQ(error_of("n 1"), "plural expression: unexpected token at column 3");
  EXPECT_EQ(error_of("n)"), "plural expression: unexpected token at column 2");
  EXPECT_EQ(error_of("n # 2"), "plural expression: unexpected character '#' at column 3");
  EXPECT_EQ(error_of("x"), "plural expression: unexpected character 'x' at column 1");
  EXPECT_EQ(error_of("-n"), "plural expression: expected n, a number, '!' or '(' at column 1")
      << "gettext has no unary minus";
  EXPECT_EQ(error_of("n & 1"), "plural expression: unexpected character '&' at column 3");
  EXPECT_EQ(error_of("n = 1"), "plural expression: unexpected character '=' at column 3");
  EXPECT_EQ(error_of("99999999999999999999"), "plural expression: number too large at column 1");
}

TEST(PluralRule, BoundsNestingDepth) {
  const auto nested = [](int depth) {
    return "nplurals=2; plural=" + std::string(depth, '(') + "n" + std::string(depth, ')') + ";";
  };
  EXPECT_EQ(parse_ok(nested(PluralRule::k_max_nesting)).form_for(1), 1u);
  EXPECT_NE(parse_error(nested(PluralRule::k_max_nesting + 1)).find("nested more than 64 levels"),
            std::string::npos);
  EXPECT_NE(parse_error(nested(100'000)).find("nested more than"), std::string::npos);
  EXPECT_NE(parse_error("nplurals=2; plural=" + std::string(100'000, '!') + "n;").find("nested more than"),
            std::string::npos);
  std::string ternaries;
  for (int i = 0; i < 10'000; ++i) {
    ternaries += "n ? 1 : ";
  }
  EXPECT_NE(parse_error("nplurals=2; plural=" + ternaries + "0;").find("nested more than"),
            std::string::npos);
}

TEST(PluralRule, LongFlatExpressionNeedsNoDeepStack) {
  // 200,000 terms in one chain: no nesting, so it is accepted, and evaluation must not recurse.
  std::string chain = "n";
  for (int i = 0; i < 200'000; ++i) {
    chain += "+n";
  }
  EXPECT_EQ(evaluate(chain + "-200001*n", 3), 0u);
  EXPECT_EQ(evaluate(chain + " > 5", 3), 1u);
}

TEST(PluralRule, ToleratesNullErrorPointer) {
  EXPECT_FALSE(PluralRule::parse("nplurals=2; plural=(", nullptr));
}

}  // namespace
}  // namespace kiosk::i18n
