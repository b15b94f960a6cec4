// The dashboard's reads on a real SQLite file: which rows each period selects, and the facts they become.
// Expected values are worked out by hand from the rows written here.

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/dashboard/dashboard.hpp"
#include "repo_test_util.hpp"
#include "store/counter_repository.hpp"
#include "store/dashboard_repository.hpp"
#include "store/survey_repository.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

namespace dashboard = domain::dashboard;
using test_util::at_minutes;

class DashboardRead : public test_util::RepoTest {
 protected:
  // A ticket of `service` issued at minute `issued` (k_event_time + minutes), number taken from the minute.
  TicketRow issue(std::string service, int issued, int number) {
    TicketRow row;
    row.id = m_store->new_event_id(std::chrono::system_clock::now());
    row.service_id = std::move(service);
    row.local_day = "2026-11-23";
    row.number = number;
    row.display = "A" + std::to_string(100 + number);
    row.language = "en";
    row.issued_at = at_minutes(issued);
    row.quote_kind = QuoteKind::range;
    row.quote_low_min = 5;
    row.quote_high_min = 10;
    Transaction tx(db());
    TicketRepository(db()).insert(tx, row);
    tx.commit();
    return row;
  }

  void set_status(const TicketRow& row, TicketStatus status, int minute) {
    Transaction tx(db());
    ASSERT_TRUE(TicketRepository(db()).update_status(tx, row.id, status, at_minutes(minute)));
    tx.commit();
  }

  void add_complaint(std::int64_t seq, int received, std::string status, int changed) {
    auto complaint = test_util::make_complaint(*m_store, seq);
    complaint.record.received_at = at_minutes(received);
    complaint.record.status_updated_at = at_minutes(received);
    complaint.record.ack_due_at = at_minutes(received + 60);
    complaint.record.final_due_at = at_minutes(received + 600);
    Transaction tx(db());
    ComplaintRepository repo(db());
    repo.insert(tx, complaint, m_cipher);
    if (status != "received") {
      repo.append_status(tx, complaint.record.id, {status, "", at_minutes(changed), "headoffice"});
    }
    tx.commit();
  }

  void add_survey(int minute, std::string answers, bool repeat = false) {
    SurveyResponseRow row;
    row.id = m_store->new_event_id(std::chrono::system_clock::now());
    row.survey_id = "visit";
    row.survey_version = 1;
    row.trigger = "home";
    row.service_id = "cash";
    row.language = "nb";
    row.answers_json = std::move(answers);
    row.submitted_at = at_minutes(minute);
    row.probable_repeat = repeat;
    Transaction tx(db());
    SurveyRepository(db()).insert(tx, row);
    tx.commit();
  }
};

TEST_F(DashboardRead, TicketsOfThePeriodAndTheOpenQueue) {
  const std::vector<std::string> services{"cash", "advice"};
  const auto old_waiting = issue("cash", -2000, 1);  // before the period, still waiting: the queue now
  const auto old_done = issue("cash", -1990, 2);     // before the period and finished before it: left out
  set_status(old_done, TicketStatus::called, -1985);
  set_status(old_done, TicketStatus::served, -1980);
  const auto late_call = issue("advice", -30, 3);  // issued before, called inside the period
  set_status(late_call, TicketStatus::called, 10);
  const auto served = issue("cash", 5, 4);
  set_status(served, TicketStatus::called, 20);
  set_status(served, TicketStatus::served, 30);
  const auto other = issue("mortgage", 6, 5);  // a service no longer offered

  auto facts = DashboardRepository(db()).tickets(at_minutes(0), services);
  ASSERT_EQ(facts.size(), 4U);
  std::sort(facts.begin(), facts.end(),
            [](const auto& a, const auto& b) { return a.issued_at < b.issued_at; });
  EXPECT_EQ(facts[0].issued_at, old_waiting.issued_at);
  EXPECT_EQ(facts[0].status, domain::queue::TicketStatus::waiting);
  EXPECT_EQ(facts[0].service, 0U);
  EXPECT_EQ(facts[1].service, 1U);
  EXPECT_EQ(facts[1].status, domain::queue::TicketStatus::called);
  EXPECT_EQ(facts[1].called_at, at_minutes(10));
  EXPECT_FALSE(facts[1].done_at);
  EXPECT_EQ(facts[2].status, domain::queue::TicketStatus::served);
  EXPECT_EQ(facts[2].called_at, at_minutes(20));
  EXPECT_EQ(facts[2].done_at, at_minutes(30));
  EXPECT_EQ(facts[2].quote_kind, domain::queue::WaitKind::range);
  EXPECT_EQ(facts[2].quote_low_min, 5);
  EXPECT_EQ(facts[2].quote_high_min, 10);
  EXPECT_EQ(facts[3].service, dashboard::k_no_service);
  EXPECT_EQ(facts[3].issued_at, other.issued_at);
}

TEST_F(DashboardRead, TheFactsGiveTheFiguresWorkedOutByHand) {
  // Today in UTC (the zone keeps the hand arithmetic simple): check-ins at minutes 5, 6, 7; waits of
  // 15 min (5 -> 20) and 40 min (6 -> 46); the third still waits.
  const std::vector<std::string> services{"cash"};
  const auto a = issue("cash", 5, 1);
  const auto b = issue("cash", 6, 2);
  issue("cash", 7, 3);
  set_status(a, TicketStatus::called, 20);
  set_status(a, TicketStatus::served, 25);
  set_status(b, TicketStatus::called, 46);
  const auto now = at_minutes(50);
  const auto* zone = date::locate_zone("UTC");
  const auto today = dashboard::local_day_window_at(now, *zone);
  const auto facts = DashboardRepository(db()).tickets(today.start, services);
  const auto day = dashboard::day_figures(facts, today, dashboard::DashboardSettings{});
  EXPECT_EQ(day.check_ins, 3U);
  EXPECT_EQ(day.served, 1U);
  EXPECT_EQ(day.wait.count, 2U);
  EXPECT_EQ(day.wait.median, std::chrono::minutes{15});  // nearest rank: the lower of two
  EXPECT_EQ(day.wait.within_target, 1U);                 // 15 min is within the 15 min target
  const auto queue = dashboard::queue_now(facts, {}, services.size(), now, std::chrono::hours{12});
  EXPECT_EQ(queue.waiting, 1U);
  EXPECT_EQ(queue.longest_wait, std::chrono::minutes{43});  // issued at 7, now 50
}

TEST_F(DashboardRead, TransfersAndCounterStatesFeedTheQueueAndToday) {
  // Today in UTC. A (cash, issued 5) is called at 20 and transferred to advice at 25: the new advice entry
  // keeps issued_at 5 and is marked transferred in, so it is neither a second check-in nor a second wait.
  // C (cash, issued 7) waits. Check-ins 2 (A, C), one wait of 15 min, one transfer, two waiting now.
  const std::vector<std::string> services{"cash", "advice"};
  const auto a = issue("cash", 5, 1);
  issue("cash", 7, 2);
  {
    Transaction tx(db());
    CounterRepository counters(db());
    ASSERT_TRUE(counters.mark_called(tx, a.id, 1, at_minutes(20)));
    ASSERT_TRUE(
        counters.mark_finished(tx, a.id, 1, domain::queue::TicketStatus::transferred, at_minutes(25)));
    TicketRow moved = a;
    moved.id = m_store->new_event_id(std::chrono::system_clock::now());
    moved.service_id = "advice";
    moved.transferred_from = a.id;
    TicketRepository(db()).insert(tx, moved);
    // Counters 1 and 2 open (1 for both services), 3 closed, 4 open for a service no longer offered.
    const std::string day = "2026-11-23";
    counters.save_counter_state(tx, {{1, true, {"cash", "advice"}}, day, at_minutes(1)});
    counters.save_counter_state(tx, {{2, true, {"cash"}}, day, at_minutes(1)});
    counters.save_counter_state(tx, {{3, false, {"advice"}}, day, at_minutes(1)});
    counters.save_counter_state(tx, {{4, true, {"mortgage"}}, day, at_minutes(1)});
    tx.commit();
  }
  const DashboardRepository repository(db());
  const auto counters = repository.counters(services);
  ASSERT_EQ(counters.size(), 4U);
  EXPECT_EQ(counters[0].number, 1);
  EXPECT_EQ(counters[0].services, (std::vector<dashboard::ServiceIndex>{0, 1}));
  EXPECT_FALSE(counters[2].open);
  EXPECT_EQ(counters[3].services, (std::vector<dashboard::ServiceIndex>{dashboard::k_no_service}));

  const auto now = at_minutes(50);
  const auto* zone = date::locate_zone("UTC");
  const auto today = dashboard::local_day_window_at(now, *zone);
  const auto facts = repository.tickets(today.start, services);
  ASSERT_EQ(facts.size(), 3U);
  EXPECT_EQ(std::count_if(facts.begin(), facts.end(), [](const auto& f) { return f.transferred_in; }), 1);
  const auto day = dashboard::day_figures(facts, today, dashboard::DashboardSettings{});
  EXPECT_EQ(day.check_ins, 2U);
  EXPECT_EQ(day.transfers, 1U);
  EXPECT_EQ(day.wait.count, 1U);
  EXPECT_EQ(day.wait.median, std::chrono::minutes{15});
  const auto queue = dashboard::queue_now(facts, counters, services.size(), now, std::chrono::hours{12});
  EXPECT_EQ(queue.waiting, 2U);
  EXPECT_EQ(queue.counters_open, 3);              // 1, 2 and 4
  EXPECT_EQ(queue.services[0].counters_open, 2);  // cash: 1 and 2
  EXPECT_EQ(queue.services[1].counters_open, 1);  // advice: 1 (3 is closed)
  EXPECT_EQ(queue.services[1].waiting, 1U);
  EXPECT_EQ(queue.longest_wait, std::chrono::minutes{45});  // the transferred customer, waiting since 5
}

TEST_F(DashboardRead, ComplaintsOpenOrChangedInThePeriod) {
  add_complaint(1, -5000, "in_progress", -4000);  // open from long ago: kept
  add_complaint(2, -5000, "closed", -4000);       // closed before the period: left out
  add_complaint(3, -5000, "resolved", 30);        // resolved inside the period: kept, resolved_at set
  add_complaint(4, 20, "received", 20);           // new in the period
  auto facts = DashboardRepository(db()).complaints(at_minutes(0));
  ASSERT_EQ(facts.size(), 3U);
  EXPECT_EQ(facts[0].status, domain::complaints::ComplaintStatus::in_progress);
  EXPECT_FALSE(facts[0].resolved_at);
  EXPECT_EQ(facts[1].status, domain::complaints::ComplaintStatus::resolved);
  EXPECT_EQ(facts[1].resolved_at, at_minutes(30));
  EXPECT_EQ(facts[2].status, domain::complaints::ComplaintStatus::received);
  EXPECT_EQ(facts[2].received_at, at_minutes(20));
  EXPECT_EQ(facts[2].ack_due, at_minutes(80));
  EXPECT_EQ(facts[2].final_due, at_minutes(620));
  EXPECT_EQ(facts[2].product, "cards");
  EXPECT_EQ(facts[2].issue, "card_retained");
}

TEST_F(DashboardRead, SurveyResponsesFromTheStartOfThePeriodOldestFirst) {
  add_survey(-1, R"({"nps":3})");
  add_survey(15, R"({"nps":9,"csat":5})", true);
  add_survey(0, R"({"nps":10})");
  const auto rows = DashboardRepository(db()).survey_responses(at_minutes(0));
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].answers_json, R"({"nps":10})");
  EXPECT_FALSE(rows[0].probable_repeat);
  EXPECT_EQ(rows[1].submitted_at, at_minutes(15));
  EXPECT_TRUE(rows[1].probable_repeat);
  EXPECT_EQ(rows[1].service_id, "cash");
}

}  // namespace
}  // namespace kiosk::store
