#include <gtest/gtest.h>

#include "domain/complaints/priority.hpp"

namespace kiosk::domain::complaints {
namespace {

TEST(Priority, DefaultHighIssuesAreHigh) {
  const PriorityRules rules;
  for (const char* issue : {"unauthorized_transaction", "card_retained", "cash_not_dispensed"}) {
    EXPECT_EQ(classify_priority(rules, issue, false), Priority::high) << issue;
  }
  EXPECT_EQ(classify_priority(rules, "wait_time", false), Priority::normal);
  EXPECT_EQ(classify_priority(rules, "", false), Priority::normal);
  EXPECT_EQ(classify_priority(rules, "CARD_RETAINED", false), Priority::normal);  // ids are exact
}

TEST(Priority, ExtraHelpIsHighUnlessTheRulesSayOtherwise) {
  PriorityRules rules;
  EXPECT_EQ(classify_priority(rules, "wait_time", true), Priority::high);
  rules.extra_help_is_high = false;
  EXPECT_EQ(classify_priority(rules, "wait_time", true), Priority::normal);
  EXPECT_EQ(classify_priority(rules, "card_retained", true), Priority::high);
}

TEST(Priority, RulesAreConfigurable) {
  PriorityRules rules;
  rules.high_issues = {"staff_conduct"};
  EXPECT_EQ(classify_priority(rules, "staff_conduct", false), Priority::high);
  EXPECT_EQ(classify_priority(rules, "card_retained", false), Priority::normal);
}

TEST(Priority, WordsRoundTrip) {
  EXPECT_EQ(to_string(Priority::high), "high");
  EXPECT_EQ(to_string(Priority::normal), "normal");
  EXPECT_EQ(parse_priority("high"), Priority::high);
  EXPECT_EQ(parse_priority("normal"), Priority::normal);
  EXPECT_FALSE(parse_priority("High"));
  EXPECT_FALSE(parse_priority(""));
}

}  // namespace
}  // namespace kiosk::domain::complaints
