// SurveyJS condition semantics, checked against what survey-core's OperandMaker and Helpers do.
#include <gtest/gtest.h>

#include <string>

#include "domain/surveys/expression.hpp"
#include "survey_test_support.hpp"

namespace kiosk::domain::surveys {
namespace {

using test::holds;
using test::parse_error;

TEST(ExpressionOperators, EqualityInEverySpelling) {
  for (const char* op : {"=", "==", "equal", "EQUAL", "equals"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 5", R"({"a": 5})")) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 5", R"({"a": 4})")) << op;
  }
  for (const char* op : {"!=", "<>", "notequal", "notequals"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 5", R"({"a": 4})")) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 5", R"({"a": 5})")) << op;
  }
}

TEST(ExpressionOperators, OrderingInEverySpelling) {
  for (const char* op : {"<=", "=<", "lessorequal"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 2", R"({"a": 2})")) << op;
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 2", R"({"a": 1})")) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 2", R"({"a": 3})")) << op;
  }
  for (const char* op : {">=", "=>", "greaterorequal"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 2", R"({"a": 2})")) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 2", R"({"a": 1})")) << op;
  }
  for (const char* op : {"<", "less"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 2", R"({"a": 1})")) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 2", R"({"a": 2})")) << op;
  }
  for (const char* op : {">", "greater"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 2", R"({"a": 3})")) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 2", R"({"a": 2})")) << op;
  }
}

TEST(ExpressionOperators, EmptyAndNotEmpty) {
  EXPECT_TRUE(holds("{a} empty"));
  EXPECT_FALSE(holds("{a} notempty"));
  EXPECT_TRUE(holds("{a} empty", R"({"a": ""})"));
  EXPECT_TRUE(holds("{a} empty", R"({"a": []})"));
  EXPECT_TRUE(holds("{a} notempty", R"({"a": 0})"));      // 0 is an answer
  EXPECT_TRUE(holds("{a} notempty", R"({"a": false})"));  // and so is false
  EXPECT_TRUE(holds("{a} NotEmpty", R"({"a": ["x"]})"));
}

TEST(ExpressionOperators, ContainsOnArraysAndText) {
  const char* checked = R"({"a": ["cash", "loans"]})";
  for (const char* op : {"contains", "contain", "*="}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 'cash'", checked)) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 'cards'", checked)) << op;
  }
  for (const char* op : {"notcontains", "notcontain"}) {
    EXPECT_TRUE(holds(std::string("{a} ") + op + " 'cards'", checked)) << op;
    EXPECT_FALSE(holds(std::string("{a} ") + op + " 'cash'", checked)) << op;
  }
  EXPECT_TRUE(holds("{t} contains 'WORLD'", R"({"t": "hello world"})"));  // text, case-insensitive
  EXPECT_TRUE(holds("{n} contains 2", R"({"n": [1, "2"]})"));             // "2" equals 2
  EXPECT_FALSE(holds("{a} contains 'x'"));                                // no answer contains nothing
  EXPECT_TRUE(holds("{a} notcontains 'x'"));                              // ... and so does not contain it
}

TEST(ExpressionOperators, AnyOfAllOfNoneOf) {
  const char* checked = R"({"a": ["cash", "loans"], "r": "loans"})";
  EXPECT_TRUE(holds("{a} anyof ['loans', 'cards']", checked));
  EXPECT_FALSE(holds("{a} anyof ['cards']", checked));
  EXPECT_TRUE(holds("{r} anyof ['cash', 'loans']", checked));  // a single value is looked for in the list
  EXPECT_TRUE(holds("{a} allof ['cash', 'loans']", checked));
  EXPECT_FALSE(holds("{a} allof ['cash', 'cards']", checked));
  EXPECT_TRUE(holds("{a} noneof ['cards']", checked));
  EXPECT_FALSE(holds("{a} noneof ['cash']", checked));
  EXPECT_FALSE(holds("{x} anyof ['cash']", checked));  // unanswered
  EXPECT_FALSE(holds("{x} allof ['cash']", checked));
}

TEST(ExpressionOperators, NegationAppliesToTheNextOperand) {
  EXPECT_TRUE(holds("!({a} = 1)", R"({"a": 2})"));
  EXPECT_FALSE(holds("!({a} = 1)", R"({"a": 1})"));
  EXPECT_TRUE(holds("negate ({a} = 1)", R"({"a": 2})"));
  // As in SurveyJS, "!{a} = 1" is "(!{a}) = 1": with no answer, !null is true and true = 1.
  EXPECT_TRUE(holds("!{a} = 1"));
  EXPECT_FALSE(holds("!{a} = 1", R"({"a": 1})"));
  EXPECT_TRUE(holds("!{a}"));
}

TEST(ExpressionLogic, AndBindsTighterThanOr) {
  EXPECT_TRUE(holds("true or false and false"));
  EXPECT_FALSE(holds("(true or false) and false"));
  EXPECT_TRUE(holds("{a} = 1 or {b} = 2 and {c} = 3", R"({"a": 1, "b": 0, "c": 0})"));
  EXPECT_FALSE(holds("({a} = 1 or {b} = 2) and {c} = 3", R"({"a": 1, "b": 0, "c": 0})"));
  EXPECT_TRUE(holds("{a} = 1 || {b} = 2 && {c} = 3", R"({"a": 0, "b": 2, "c": 3})"));
  EXPECT_TRUE(holds("{a} >= 7 AND {a} <= 8", R"({"a": 7})"));
  EXPECT_FALSE(holds("{a} >= 7  and {a} <= 8", R"({"a": 9})"));
  EXPECT_TRUE(holds("((({a} = 1)))", R"({"a": 1})"));
}

TEST(ExpressionComparison, NumbersAndNumericTextCompareAsNumbers) {
  EXPECT_TRUE(holds("{a} = 5", R"({"a": "5"})"));
  EXPECT_TRUE(holds("{a} = '5'", R"({"a": 5})"));
  EXPECT_TRUE(holds("{a} = 5", R"({"a": "05"})"));     // "05" stays text, but = compares it as a number
  EXPECT_TRUE(holds("{a} = 1.5", R"({"a": "1,5"})"));  // one comma is a decimal separator
  EXPECT_TRUE(holds("{a} > 10", R"({"a": "11"})"));    // numeric text from an answer becomes a number
  EXPECT_FALSE(holds("{a} > 10", R"({"a": "9"})"));
  EXPECT_FALSE(holds("{a} > '10'", R"({"a": "9"})"));  // 9 > "10": JavaScript converts "10" to 10
  EXPECT_TRUE(holds("{a} = 0x10", R"({"a": 16})"));
  EXPECT_TRUE(holds("{a} > -1", R"({"a": 0})"));
}

TEST(ExpressionComparison, TextComparesCaseInsensitivelyAndTrimmed) {
  EXPECT_TRUE(holds("{a} = 'YES'", R"({"a": "yes"})"));
  EXPECT_TRUE(holds("{a} = 'yes'", R"({"a": "  Yes "})"));
  EXPECT_TRUE(holds("{a} = yes", R"({"a": "yes"})"));  // a bare word is text
  EXPECT_TRUE(holds("{a} > 'abc'", R"({"a": "b"})"));  // two texts compare by characters
  EXPECT_FALSE(holds("{a} < 'abc'", R"({"a": "b"})"));
}

TEST(ExpressionComparison, BooleansAndMissingValues) {
  EXPECT_TRUE(holds("{b} = true", R"({"b": true})"));
  EXPECT_TRUE(holds("{b} = true", R"({"b": "true"})"));
  EXPECT_TRUE(holds("{b} = 'true'", R"({"b": true})"));
  EXPECT_FALSE(holds("{b} = false", R"({"b": true})"));
  EXPECT_FALSE(holds("{a} < 5"));  // nothing is less or greater than no answer
  EXPECT_FALSE(holds("{a} > 5"));
  EXPECT_TRUE(holds("{a} != 5"));
  EXPECT_TRUE(holds("{a} = ''"));
  EXPECT_TRUE(holds("{a} = null"));
  EXPECT_TRUE(holds("{a} = undefined"));
  EXPECT_FALSE(holds("{a} = 0"));
}

TEST(ExpressionComparison, ArraysCompareIgnoringOrder) {
  EXPECT_TRUE(holds("{a} = ['y', 'x']", R"({"a": ["x", "y"]})"));
  EXPECT_FALSE(holds("{a} = ['x']", R"({"a": ["x", "y"]})"));
}

TEST(ExpressionVariables, NamesAreFoundWhateverTheirCase) {
  EXPECT_TRUE(holds("{NPS} >= 9", R"({"nps": 10})"));
  EXPECT_TRUE(holds("{satisfaction-score} =< 2", R"({"satisfaction-score": 1})"));
  const auto parsed = parse_expression("{a} = 1 and ({b} > {a} or {a} empty)");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value->variables(), (std::vector<std::string>{"a", "b"}));
}

TEST(ExpressionErrors, UnsupportedPartsAreNamed) {
  EXPECT_EQ(parse_error("{a} + 1 > 2"), "at 4: arithmetic operator \"+\" is not supported");
  EXPECT_EQ(parse_error("{a} * 2 > 2"), "at 4: arithmetic operator \"*\" is not supported");
  EXPECT_EQ(parse_error("iif({a} = 1, true, false)"), "at 0: function \"iif()\" is not supported");
  EXPECT_EQ(parse_error("age({birth}) > 18"), "at 0: function \"age()\" is not supported");
  EXPECT_EQ(parse_error("not {a} = 1"),
            "at 0: \"not\" is not a SurveyJS operator; use \"!\" (or notempty, notcontains)");
}

TEST(ExpressionErrors, MalformedTextIsRefusedWithAPosition) {
  EXPECT_EQ(parse_error("({a} = 1"), "at 8: expected ')', found the end");
  EXPECT_EQ(parse_error("{a} ="), "at 5: expected a value, {question} or '(', found the end");
  EXPECT_EQ(parse_error("{a = 1"), "at 0: '{' without a matching '}'");
  EXPECT_EQ(parse_error("{} = 1"), "at 0: empty variable name {}");
  EXPECT_EQ(parse_error("{a} = 'open"), "at 6: string is not closed");
  EXPECT_EQ(parse_error("{a} = 1 )"), "at 8: expected the end of the condition, found \")\"");
  EXPECT_EQ(parse_error("{a} & {b}"), "at 4: a single '&' is not an operator (use && or and)");
  EXPECT_EQ(parse_error("   "), "condition is empty");
  EXPECT_EQ(parse_error("{a} = 05"), "at 6: a number cannot start with 0 (write 5, not 05)");
}

TEST(ExpressionErrors, HostileInputIsBounded) {
  const std::string deep = std::string(200, '(') + "{a} = 1" + std::string(200, ')');
  EXPECT_EQ(parse_error(deep), "at 32: condition is nested more than 32 levels deep");
  std::string negations(40, '!');
  EXPECT_NE(parse_error(negations + "{a}"), "");
  std::string long_chain = "{a} = 1";
  while (long_chain.size() < 1990)
    long_chain += " or {a} = 1";
  EXPECT_TRUE(holds(long_chain, R"({"a": 1})"));  // long but flat: fine
  EXPECT_EQ(parse_error(long_chain + " or {a} = 2 or {a} = 3"), "condition is longer than 2000 characters");
  EXPECT_NE(
      parse_error("{a} = 99999999999999999999999999999999999999999999999999999999999999999999999999999999"
                  "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                  "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                  "99999999999999999999999999999999999999999999999999999999999999999999999"),
      "");
}

TEST(AnswersEqual, FollowsSurveyJsEquality) {
  EXPECT_TRUE(answers_equal(5, "5"));
  EXPECT_TRUE(answers_equal("abc", " ABC"));
  EXPECT_TRUE(answers_equal(nullptr, ""));
  EXPECT_FALSE(answers_equal(0, ""));
  // parseInt("1e3") is 1, but SurveyJS then falls through to JavaScript's 1000 == "1e3", which holds.
  EXPECT_TRUE(answers_equal(1000, "1e3"));
  EXPECT_FALSE(answers_equal("abc", 0));
  EXPECT_TRUE(answers_equal(nlohmann::json::array({1, 2}), nlohmann::json::array({2, 1})));
  EXPECT_TRUE(answers_equal(true, "TRUE"));
}

}  // namespace
}  // namespace kiosk::domain::surveys
