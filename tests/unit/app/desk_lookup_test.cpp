// CustomerDesk status lookup (rate limited across restarts), resolution feedback, and storage full.
#include <algorithm>
#include <cctype>

#include "desk_test.hpp"
#include "domain/complaints/reference.hpp"
#include "store/complaint_repository.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using test_support::DeskTest;

std::string other_code(const std::string& code) {
  std::string wrong = code;
  wrong[0] = static_cast<char>('0' + (wrong[0] - '0' + 1) % 10);
  return wrong;
}

// "k7m 000a3 q": how a customer might type "K7M-000A3-Q".
std::string as_typed_loosely(const std::string& reference) {
  std::string typed;
  for (const char c : reference)
    typed.push_back(c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return typed;
}

class DeskLookupTest : public DeskTest {
 protected:
  ComplaintReceipt receipt;

  void SetUp() override {
    DeskTest::SetUp();
    const auto submitted = desk->submit_complaint(complaint("My transfer never arrived."));
    ASSERT_TRUE(submitted.ok());
    receipt = *submitted.value;
  }
};

TEST_F(DeskLookupTest, RightReferenceAndCodeShowTheStatus) {
  const auto found = desk->look_up_complaint(receipt.reference, receipt.lookup_code);
  ASSERT_TRUE(found.ok()) << static_cast<int>(found.problem);
  EXPECT_EQ(found.value->complaint_id, receipt.id);
  EXPECT_EQ(found.value->reference, receipt.reference);
  EXPECT_EQ(found.value->status, "received");
  EXPECT_EQ(found.value->received_at, receipt.received_at);
  EXPECT_EQ(found.value->acknowledge_by, receipt.acknowledge_by);
  EXPECT_EQ(found.value->final_response_by, receipt.final_response_by);
  ASSERT_FALSE(found.value->history.empty());
  EXPECT_EQ(found.value->history.front().status, "received");
  EXPECT_FALSE(found.value->resolution_answered);
}

TEST_F(DeskLookupTest, ReferenceTypedInLowerCaseWithSpacesStillWorks) {
  const auto typed = as_typed_loosely(receipt.reference);
  ASSERT_NE(typed, receipt.reference);
  const auto found = desk->look_up_complaint(typed, receipt.lookup_code);
  ASSERT_TRUE(found.ok()) << typed << " problem " << static_cast<int>(found.problem);
  EXPECT_EQ(found.value->reference, receipt.reference);
}

TEST_F(DeskLookupTest, WrongCodeAndUnknownReferenceLookTheSame) {
  const auto wrong_code = desk->look_up_complaint(receipt.reference, other_code(receipt.lookup_code));
  EXPECT_FALSE(wrong_code.ok());
  EXPECT_EQ(wrong_code.problem, DeskProblem::lookup_wrong);
  EXPECT_FALSE(wrong_code.retry_after.has_value());

  const auto parsed = domain::complaints::parse_reference(receipt.reference);
  ASSERT_TRUE(parsed.has_value());
  const auto unknown = domain::complaints::format_reference(parsed->kiosk_code, parsed->seq + 40);
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(desk->look_up_complaint(*unknown, receipt.lookup_code).problem, DeskProblem::lookup_wrong);
  EXPECT_EQ(desk->look_up_complaint("not a reference", receipt.lookup_code).problem,
            DeskProblem::lookup_wrong);
  EXPECT_EQ(desk->look_up_complaint(receipt.reference, "").problem, DeskProblem::lookup_wrong);
}

TEST_F(DeskLookupTest, FiveWrongTriesLockLookupsAndTheLockSurvivesReopening) {
  const auto wrong = other_code(receipt.lookup_code);
  for (int attempt = 1; attempt <= 4; ++attempt) {
    const auto result = desk->look_up_complaint(receipt.reference, wrong);
    EXPECT_EQ(result.problem, DeskProblem::lookup_wrong) << "attempt " << attempt;
    clock.advance(10s);
  }
  const auto locked_at = desk->now();
  const auto fifth = desk->look_up_complaint(receipt.reference, wrong);
  EXPECT_FALSE(fifth.ok());
  ASSERT_EQ(fifth.problem, DeskProblem::lookup_locked);
  ASSERT_TRUE(fifth.retry_after.has_value());
  EXPECT_EQ(*fifth.retry_after, locked_at + 5min);

  // Even the right pair is refused while locked.
  clock.advance(1min);
  const auto right_while_locked = desk->look_up_complaint(receipt.reference, receipt.lookup_code);
  EXPECT_FALSE(right_while_locked.ok());
  EXPECT_EQ(right_while_locked.problem, DeskProblem::lookup_locked);
  EXPECT_EQ(right_while_locked.retry_after, fifth.retry_after);

  reopen();  // a restart must not reset the limiter
  const auto after_restart = desk->look_up_complaint(receipt.reference, receipt.lookup_code);
  EXPECT_EQ(after_restart.problem, DeskProblem::lookup_locked);
  EXPECT_EQ(after_restart.retry_after, fifth.retry_after);

  set_clock(*fifth.retry_after + 1s);
  const auto after_lock = desk->look_up_complaint(receipt.reference, receipt.lookup_code);
  EXPECT_TRUE(after_lock.ok()) << static_cast<int>(after_lock.problem);
}

TEST_F(DeskLookupTest, ResolutionFeedbackIsStoredAndShowsInTheLookup) {
  EXPECT_EQ(desk->record_resolution(receipt.id, "maybe", ""), DeskProblem::invalid_input);
  EXPECT_NE(desk->record_resolution("no-such-complaint", "yes", ""), DeskProblem::none);
  EXPECT_EQ(desk->record_resolution(receipt.id, "partly", "Refund came, apology did not."),
            DeskProblem::none);
  const auto found = desk->look_up_complaint(receipt.reference, receipt.lookup_code);
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found.value->resolution_answered);
  const auto feedback = events("complaint.resolution_feedback");
  ASSERT_EQ(feedback.size(), 1U);
  EXPECT_EQ(feedback[0].at("complaint_id"), receipt.id);
  EXPECT_EQ(feedback[0].at("answer"), "partly");
  EXPECT_EQ(feedback[0].at("comment"), "Refund came, apology did not.");
  EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE type = 'complaint.resolution_feedback' AND data != ''"),
            0);
}

// --- storage full ---

std::string long_description(int index) {
  std::string text = "Complaint " + std::to_string(index) + ": ";
  while (text.size() < 3000)
    text += "the deposit machine counted " + std::to_string(text.size() * 7 + 13) + " kroner wrong; ";
  return text;
}

TEST_F(DeskTest, StorageFullRefusesNewComplaintsAndKeepsEverythingConfirmedBefore) {
  ASSERT_TRUE(desk->issue_ticket("cash", "en").ok());
  store::OpenOptions options;
  options.max_page_count = store->page_count() + 40;
  reopen(options);

  std::vector<ComplaintReceipt> confirmed;
  std::vector<std::string> descriptions;
  DeskProblem last = DeskProblem::none;
  for (int i = 0; i < 1000 && last == DeskProblem::none; ++i) {
    const auto description = long_description(i);
    const auto result = desk->submit_complaint(complaint(description));
    last = result.problem;
    if (result.ok()) {
      confirmed.push_back(*result.value);
      descriptions.push_back(description);
    }
  }
  ASSERT_EQ(last, DeskProblem::storage_full) << "the store never filled up";
  ASSERT_FALSE(confirmed.empty()) << "the limit left no room at all; raise it";

  // Still full: refused again, without touching anything.
  EXPECT_EQ(desk->submit_complaint(complaint(long_description(9999))).problem, DeskProblem::storage_full);

  EXPECT_EQ(count("SELECT count(*) FROM complaints"), static_cast<std::int64_t>(confirmed.size()));
  EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE type = 'complaint.submitted'"),
            static_cast<std::int64_t>(confirmed.size()));
  EXPECT_EQ(events("ticket.issued").size(), 1U);
  const auto submitted = events("complaint.submitted");
  ASSERT_EQ(submitted.size(), confirmed.size());
  store::ComplaintRepository repository(store->database());
  for (std::size_t i = 0; i < confirmed.size(); ++i) {
    SCOPED_TRACE(confirmed[i].reference);
    EXPECT_EQ(submitted[i].at("reference"), confirmed[i].reference);
    EXPECT_EQ(submitted[i].at("description"), descriptions[i]);
    const auto pii = repository.open_pii(confirmed[i].id, *cipher);
    ASSERT_TRUE(pii.has_value());
    EXPECT_EQ(pii->description, descriptions[i]);
  }
  const auto integrity = store->integrity_check();
  EXPECT_TRUE(integrity.ok) << (integrity.problems.empty() ? "" : integrity.problems.front());

  // Once there is room again, complaints are taken and references stay unique.
  store->set_max_page_count(store->page_count() + 1000);
  const auto after = desk->submit_complaint(complaint("Room again."));
  ASSERT_TRUE(after.ok()) << static_cast<int>(after.problem);
  for (const auto& earlier : confirmed)
    EXPECT_NE(after.value->reference, earlier.reference);
}

}  // namespace
}  // namespace kiosk::app
