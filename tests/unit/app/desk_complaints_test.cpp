// CustomerDesk complaint steps: real narratives through the sealed outbox, references, business-day
// deadlines, priority, PII at rest in the database and WAL files, and input the desk refuses.
#include <fstream>
#include <iterator>
#include <set>

#include "desk_test.hpp"
#include "domain/complaints/reference.hpp"
#include "domain/complaints/taxonomy.hpp"
#include "store/complaint_repository.hpp"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using namespace date::literals;
using test_support::DeskTest;
using test_support::oslo;

struct CorpusComplaint {
  std::string id;
  std::string product;
  std::string issue;
  std::string narrative;
};

std::vector<CorpusComplaint> read_corpus(const std::filesystem::path& file) {
  std::vector<CorpusComplaint> complaints;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty())
      continue;
    const auto json = nlohmann::json::parse(line);
    complaints.push_back({json.at("id").get<std::string>(), json.at("product").get<std::string>(),
                          json.at("issue").get<std::string>(), json.at("narrative").get<std::string>()});
  }
  return complaints;
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(DeskTest, CorpusNarrativesComeBackByteForByteFromTheSealedOutbox) {
  const std::filesystem::path corpus_file = KIOSK_SHARED_DIR "/corpus/cfpb_complaints.jsonl";
  if (!std::filesystem::exists(corpus_file))
    GTEST_SKIP() << "real complaint corpus not found at " << corpus_file << " (shared corpus not mounted)";
  const auto corpus = read_corpus(corpus_file);
  ASSERT_EQ(corpus.size(), 39U);

  std::vector<ComplaintReceipt> receipts;
  std::set<std::string> references;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    SCOPED_TRACE("cfpb " + corpus[i].id);
    auto submission = complaint(corpus[i].narrative, "other", "other");
    if (const auto match =
            domain::complaints::match_cfpb(content.taxonomy, corpus[i].product, corpus[i].issue)) {
      submission.product_id = match->product->id;
      submission.issue_id = match->issue->id;
    }
    submission.name = "Customer " + std::to_string(i);
    submission.phone = "+47 900 00 " + std::to_string(100 + i);
    submission.email = "customer" + std::to_string(i) + "@example.no";
    submission.consent = true;
    const auto receipt = desk->submit_complaint(submission);
    ASSERT_TRUE(receipt.ok()) << "problem " << static_cast<int>(receipt.problem);
    const auto parsed = domain::complaints::parse_reference(receipt.value->reference);
    ASSERT_TRUE(parsed.has_value()) << receipt.value->reference;
    EXPECT_EQ(domain::complaints::format_reference(parsed->kiosk_code, parsed->seq),
              receipt.value->reference);
    EXPECT_EQ(receipt.value->lookup_code.size(), 4U);
    EXPECT_TRUE(references.insert(receipt.value->reference).second)
        << "repeated " << receipt.value->reference;
    receipts.push_back(*receipt.value);
    clock.advance(1min);
  }

  const auto rows = pending();
  std::size_t seen = 0;
  for (const auto& row : rows) {
    if (row.event.type != "complaint.submitted")
      continue;
    ASSERT_LT(seen, receipts.size());
    SCOPED_TRACE("cfpb " + corpus[seen].id);
    EXPECT_TRUE(row.sealed);
    const auto body = nlohmann::json::parse(row.event.data_json);
    EXPECT_EQ(body.at("complaint_id"), receipts[seen].id);
    EXPECT_EQ(body.at("reference"), receipts[seen].reference);
    EXPECT_EQ(body.at("description").get<std::string>(), corpus[seen].narrative);
    EXPECT_EQ(body.at("contact").at("phone"), "+47 900 00 " + std::to_string(100 + seen));
    ++seen;
  }
  EXPECT_EQ(seen, corpus.size());
  // Sealed events keep nothing readable in the plaintext column.
  EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE type = 'complaint.submitted' AND data != ''"), 0);

  // The record at rest opens to the same bytes too.
  store::ComplaintRepository repository(store->database());
  for (std::size_t i = 0; i < receipts.size(); ++i) {
    const auto pii = repository.open_pii(receipts[i].id, *cipher);
    ASSERT_TRUE(pii.has_value()) << receipts[i].reference;
    EXPECT_EQ(pii->description, corpus[i].narrative) << receipts[i].reference;
  }
}

TEST_F(DeskTest, FridayAfternoonComplaintIsAcknowledgedByMondayInOslo) {
  set_clock(oslo(2026_y / 11 / 27, 14h));  // Friday
  const auto receipt = desk->submit_complaint(complaint("The queue screen skipped my number twice."));
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ(receipt.value->received_at, oslo(2026_y / 11 / 27, 14h));
  EXPECT_EQ(receipt.value->acknowledge_by, oslo(2026_y / 11 / 30, 23h + 59min + 59s));
  // 15 business days after Friday 27 November: Friday 18 December.
  EXPECT_EQ(receipt.value->final_response_by, oslo(2026_y / 12 / 18, 23h + 59min + 59s));
  EXPECT_FALSE(receipt.value->high_priority);

  const auto submitted = events("complaint.submitted");
  ASSERT_EQ(submitted.size(), 1U);
  EXPECT_EQ(submitted[0].at("acknowledge_by").get<std::string>().substr(0, 19), "2026-11-30T22:59:59");
  EXPECT_EQ(submitted[0].at("final_response_by").get<std::string>().substr(0, 19), "2026-12-18T22:59:59");
  EXPECT_EQ(submitted[0].at("priority"), "normal");
}

TEST_F(DeskTest, ConfiguredHolidayPushesTheAcknowledgementDeadline) {
  config.complaints.holidays = {"2026-11-30"};
  reopen();
  set_clock(oslo(2026_y / 11 / 27, 14h));
  const auto receipt = desk->submit_complaint(complaint("Closed counter without notice."));
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ(receipt.value->acknowledge_by, oslo(2026_y / 12 / 1, 23h + 59min + 59s));
}

TEST_F(DeskTest, RetainedCardAndExtraHelpAreHighPriority) {
  const auto card = desk->submit_complaint(complaint("The ATM kept my card.", "atm", "card_retained"));
  auto help_submission = complaint("I could not reach the counter in my wheelchair.");
  help_submission.extra_help = true;
  const auto help = desk->submit_complaint(help_submission);
  const auto normal = desk->submit_complaint(complaint("The wait was long."));
  ASSERT_TRUE(card.ok() && help.ok() && normal.ok());
  EXPECT_TRUE(card.value->high_priority);
  EXPECT_TRUE(help.value->high_priority);
  EXPECT_FALSE(normal.value->high_priority);
  const auto submitted = events("complaint.submitted");
  ASSERT_EQ(submitted.size(), 3U);
  EXPECT_EQ(submitted[0].at("priority"), "high");
  EXPECT_EQ(submitted[1].at("priority"), "high");
  EXPECT_EQ(submitted[2].at("priority"), "normal");
  EXPECT_EQ(count("SELECT count(*) FROM complaints WHERE priority = 'high'"), 2);
}

TEST_F(DeskTest, InvalidComplaintIsRefusedAndWritesNothing) {
  auto no_text = complaint("   ");
  auto unknown_issue = complaint("Text", "atm", "no_such_issue");
  auto contact_without_consent = complaint("Text");
  contact_without_consent.phone = "+47 912 34 567";
  auto bad_phone = complaint("Text");
  bad_phone.phone = "call me";
  bad_phone.consent = true;
  for (const auto* submission : {&no_text, &unknown_issue, &contact_without_consent, &bad_phone}) {
    const auto refused = desk->submit_complaint(*submission);
    EXPECT_FALSE(refused.ok());
    EXPECT_EQ(refused.problem, DeskProblem::invalid_input);
  }
  EXPECT_EQ(count("SELECT count(*) FROM complaints"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM outbox"), 0);
  EXPECT_EQ(store::ComplaintRepository(store->database()).peek_next_seq(), 1);
}

TEST_F(DeskTest, PersonalDataIsNotReadableInTheDatabaseOrWalFiles) {
  const std::string description = "Zebracorn-4711: the card reader at Storgata 9 ate my card at dawn.";
  const std::string phone = "+47 913 57 246";
  auto submission = complaint(description, "atm", "card_retained");
  submission.desired_outcome = "Quokka-refund of the 3 500 kroner fee";
  submission.name = "Ingeborg Fjellheim";
  submission.phone = phone;
  submission.email = "ingeborg.fjellheim@example.no";
  submission.consent = true;
  const auto receipt = desk->submit_complaint(submission);
  ASSERT_TRUE(receipt.ok());

  // The store stays open, so the committed pages are still in the WAL (no checkpoint on close).
  ASSERT_TRUE(std::filesystem::exists(dir / "kiosk.db-wal"));
  const auto bytes = read_bytes(db_file()) + read_bytes(dir / "kiosk.db-wal");
  ASSERT_NE(bytes.find(receipt.value->reference), std::string::npos)
      << "the reference is stored in clear: not finding it means the wrong files were read";
  for (const std::string& needle :
       {description, std::string("Zebracorn"), phone, std::string("91357246"), std::string("913 57 246"),
        submission.desired_outcome, std::string("Quokka"), submission.name, submission.email}) {
    EXPECT_EQ(bytes.find(needle), std::string::npos) << "found in clear: " << needle;
  }
}

}  // namespace
}  // namespace kiosk::app
