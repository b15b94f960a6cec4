#pragma once
// Helpers shared by the survey tests: reading files, describing issues, evaluating a condition.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/surveys/definition.hpp"
#include "domain/surveys/expression.hpp"

namespace kiosk::domain::surveys::test {

inline std::string describe_all(const std::vector<ParseIssue>& issues) {
  std::string text;
  for (const ParseIssue& issue : issues)
    text += describe(issue) + "\n";
  return text;
}

inline std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Parses `condition` (failing the test if it does not parse) and evaluates it on `answers` (a JSON object).
inline bool holds(const std::string& condition, const std::string& answers_json = "{}") {
  const auto parsed = parse_expression(condition);
  EXPECT_TRUE(parsed.ok()) << condition << ": " << describe_all(parsed.issues);
  if (!parsed.ok())
    return false;
  Answers answers;
  const nlohmann::json given = nlohmann::json::parse(answers_json);
  for (auto it = given.begin(); it != given.end(); ++it)
    answers[it.key()] = it.value();
  return evaluate(*parsed.value, answers);
}

// The message of the single issue parsing `condition` gives ("" when it parses).
inline std::string parse_error(const std::string& condition) {
  const auto parsed = parse_expression(condition);
  if (parsed.ok())
    return "";
  EXPECT_EQ(parsed.issues.size(), 1u);
  return parsed.issues.front().message;
}

inline SurveyDefinition parse_ok(const std::string& json, const std::string& id = "test") {
  auto result = parse_survey(json, id);
  EXPECT_TRUE(result.ok()) << describe_all(result.issues);
  return result.value.value_or(SurveyDefinition{});
}

}  // namespace kiosk::domain::surveys::test
