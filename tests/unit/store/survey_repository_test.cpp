#include "store/survey_repository.hpp"

#include <gtest/gtest.h>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/lookup_limiter_store.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using test_util::at_minutes;

class Surveys : public test_util::RepoTest {
 protected:
  SurveyResponseRow make_response(std::string survey, int minute) {
    SurveyResponseRow row;
    row.id = m_store->new_event_id(std::chrono::system_clock::now());
    row.survey_id = std::move(survey);
    row.survey_version = 3;
    row.trigger = "after_ticket";
    row.service_id = "cash";
    row.language = "ru";
    row.answers_json = R"({"nps":9,"comment":"быстро"})";
    row.submitted_at = at_minutes(minute);
    return row;
  }

  void insert(const SurveyResponseRow& row) {
    Transaction tx(db());
    SurveyRepository(db()).insert(tx, row);
    tx.commit();
  }
};

TEST_F(Surveys, InsertAndReadTheLastResponse) {
  SurveyRepository repo(db());
  EXPECT_FALSE(repo.last_response());
  const auto first = make_response("visit", 1);
  auto second = make_response("atm", 5);
  second.service_id.reset();
  second.probable_repeat = true;
  insert(first);
  insert(second);
  reopen();
  SurveyRepository after(db());
  EXPECT_EQ(after.last_response(), second);
  EXPECT_EQ(after.last_response("visit"), first);
  EXPECT_FALSE(after.last_response("nope"));
  EXPECT_EQ(after.count_since(at_minutes(0)), 2);
  EXPECT_EQ(after.count_since(at_minutes(2)), 1);
}

TEST_F(Surveys, LastResponseIsByTimeThenByInsertion) {
  const auto a = make_response("visit", 5);
  const auto b = make_response("visit", 5);
  const auto older = make_response("visit", 1);
  insert(a);
  insert(b);
  insert(older);
  EXPECT_EQ(SurveyRepository(db()).last_response()->id, b.id);
}

TEST_F(Surveys, AnswersMustBeJson) {
  auto row = make_response("visit", 1);
  row.answers_json = "{not json";
  Transaction tx(db());
  try {
    SurveyRepository(db()).insert(tx, row);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::constraint);
  }
}

TEST_F(Surveys, TheTableHasNoCustomerIdentifierColumns) {
  Statement columns(db(), "SELECT name FROM pragma_table_info('survey_responses')");
  std::vector<std::string> names;
  while (columns.step()) {
    names.push_back(columns.column_text(0));
  }
  for (const auto& name : names) {
    EXPECT_EQ(name.find("ticket"), std::string::npos) << name;
    EXPECT_EQ(name.find("complaint"), std::string::npos) << name;
    EXPECT_EQ(name.find("phone"), std::string::npos) << name;
  }
  EXPECT_EQ(names.size(), 9U);
}

TEST_F(Surveys, LookupLimiterStateSurvivesARestart) {
  LookupLimiterStore limiter(db());
  EXPECT_FALSE(limiter.load());
  limiter.save(R"({"failures":[1795425302],"lockouts":1})");
  limiter.save(R"({"failures":[],"lockouts":2})");
  reopen();
  EXPECT_EQ(LookupLimiterStore(db()).load(), R"({"failures":[],"lockouts":2})");
}

TEST_F(Surveys, LookupLimiterSaveJoinsTheCallersTransaction) {
  LookupLimiterStore limiter(db());
  {
    Transaction tx(db());
    limiter.save("x");
  }
  EXPECT_FALSE(limiter.load());
}

}  // namespace
}  // namespace kiosk::store
