// CustomerDesk survey step: the shipped "visit" survey run to completion, stored anonymously with its
// version, and a repeat within 5 s stored flagged rather than dropped.
#include "desk_test.hpp"
#include "domain/surveys/runner.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using test_support::DeskTest;

domain::surveys::CompletedSurvey completed_visit(const DeskContent& content, int nps, int csat,
                                                 const std::string& topic) {
  domain::surveys::SurveyRunner runner(content.surveys.at("visit"));
  EXPECT_TRUE(runner.set_answer("nps", nps).ok);
  EXPECT_TRUE(runner.next());
  EXPECT_TRUE(runner.set_answer("csat", csat).ok);
  EXPECT_TRUE(runner.set_answer("topic", topic).ok);
  EXPECT_TRUE(runner.can_complete());
  auto completed = runner.complete();
  if (!completed) {
    ADD_FAILURE() << "the visit survey did not complete";
    return {};
  }
  return *completed;
}

std::vector<std::int64_t> repeat_flags(store::Database& db) {
  store::Statement statement(db, "SELECT probable_repeat FROM survey_responses ORDER BY submitted_at, rowid");
  std::vector<std::int64_t> flags;
  while (statement.step())
    flags.push_back(statement.column_int64(0));
  return flags;
}

TEST_F(DeskTest, VisitSurveyIsStoredWithItsVersionAndAnswersAndNoTicket) {
  ASSERT_TRUE(content.surveys.contains("visit"));
  const auto ticket = desk->issue_ticket("cash", "en");
  ASSERT_TRUE(ticket.ok());
  const auto service = desk->service_of_ticket(ticket.value->number);
  ASSERT_EQ(service, "cash");

  const auto survey = completed_visit(content, 9, 5, "cash");
  const auto stored = desk->record_survey(survey, "visit", *service, "nb");
  ASSERT_TRUE(stored.ok()) << static_cast<int>(stored.problem);
  EXPECT_FALSE(*stored.value);

  const auto answered = events("survey.answered");
  ASSERT_EQ(answered.size(), 1U);
  const auto& body = answered[0];
  EXPECT_EQ(body.at("survey_id"), "visit");
  EXPECT_EQ(body.at("survey_version"), content.surveys.at("visit").version);
  EXPECT_EQ(body.at("survey_version"), survey.version);
  EXPECT_EQ(body.at("answers"), nlohmann::json(survey.answers));
  EXPECT_EQ(body.at("answers").at("nps"), 9);
  EXPECT_EQ(body.at("answers").at("csat"), 5);
  EXPECT_EQ(body.at("answers").at("topic"), "cash");
  EXPECT_EQ(body.at("service_id"), "cash");
  EXPECT_EQ(body.at("language"), "nb");
  EXPECT_EQ(body.at("probable_repeat"), false);
  // Anonymous: nothing that ties the answers to the ticket (or the person holding it).
  EXPECT_FALSE(body.contains("ticket_id"));
  EXPECT_FALSE(body.contains("number"));
  const auto text = body.dump();
  EXPECT_EQ(text.find(ticket.value->number), std::string::npos) << text;
  EXPECT_EQ(text.find(ticket.value->id), std::string::npos) << text;
  EXPECT_EQ(count("SELECT count(*) FROM survey_responses WHERE survey_version = 1 AND service_id = 'cash'"),
            1);
}

TEST_F(DeskTest, SameAnswersWithinFiveSecondsAreStoredFlaggedAndLaterOnesAreNot) {
  const auto survey = completed_visit(content, 10, 4, "accounts");
  const auto first = desk->record_survey(survey, "visit", "", "en");
  clock.advance(3s);
  const auto repeat = desk->record_survey(survey, "visit", "", "en");
  clock.advance(6s);
  const auto later = desk->record_survey(survey, "visit", "", "en");
  ASSERT_TRUE(first.ok() && repeat.ok() && later.ok());
  EXPECT_FALSE(*first.value);
  EXPECT_TRUE(*repeat.value);
  EXPECT_FALSE(*later.value);

  const auto answered = events("survey.answered");
  ASSERT_EQ(answered.size(), 3U);
  EXPECT_EQ(answered[0].at("probable_repeat"), false);
  EXPECT_EQ(answered[1].at("probable_repeat"), true);
  EXPECT_EQ(answered[2].at("probable_repeat"), false);
  EXPECT_FALSE(answered[0].contains("service_id"));
  EXPECT_EQ(repeat_flags(store->database()), (std::vector<std::int64_t>{0, 1, 0}));
}

TEST_F(DeskTest, DifferentAnswersRightAfterEachOtherAreNotRepeats) {
  ASSERT_TRUE(desk->record_survey(completed_visit(content, 10, 5, "cash"), "visit", "", "en").ok());
  clock.advance(1s);
  const auto other = desk->record_survey(completed_visit(content, 8, 4, "loans"), "visit", "", "en");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(*other.value);
  EXPECT_EQ(repeat_flags(store->database()), (std::vector<std::int64_t>{0, 0}));
}

}  // namespace
}  // namespace kiosk::app
