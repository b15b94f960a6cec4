#include "store/complaint_repository.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "repo_test_util.hpp"
#include "store/error.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

namespace fs = std::filesystem;
using test_util::at_minutes;
using test_util::count_rows;
using test_util::make_complaint;
using test_util::make_key;

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

class Complaints : public test_util::RepoTest {
 protected:
  // Allocates a seq and inserts the complaint in one committed transaction; returns it as stored.
  NewComplaint submit(std::string description = "ATM kept my card", std::string phone = "+47 912 34 567") {
    ComplaintRepository repo(db());
    Transaction tx(db());
    NewComplaint complaint =
        make_complaint(*m_store, repo.allocate_seq(tx), std::move(description), std::move(phone));
    repo.insert(tx, complaint, m_cipher);
    tx.commit();
    return complaint;
  }
};

TEST_F(Complaints, InsertThenFindByReferenceGivesTheRecordBack) {
  const NewComplaint complaint = submit();
  ComplaintRepository repo(db());
  const auto found = repo.find_by_reference(complaint.record.reference);
  ASSERT_TRUE(found);
  const ComplaintRecord& r = *found;
  EXPECT_EQ(r.id, complaint.record.id);
  EXPECT_EQ(r.seq, 1);
  EXPECT_EQ(r.product_id, "cards");
  EXPECT_EQ(r.issue_id, "card_retained");
  EXPECT_EQ(r.taxonomy_version, "2026-11");
  EXPECT_EQ(r.priority, "normal");
  EXPECT_EQ(r.language, "nb");
  EXPECT_EQ(r.received_at, complaint.record.received_at);
  EXPECT_EQ(r.ack_due_at, complaint.record.ack_due_at);
  EXPECT_EQ(r.final_due_at, complaint.record.final_due_at);
  EXPECT_TRUE(r.needs_extra_help);
  EXPECT_TRUE(r.consent_given);
  EXPECT_EQ(r.consent_text_version, "consent-v3");
  EXPECT_EQ(r.status, "received");
  EXPECT_EQ(r.status_updated_at, complaint.record.received_at);
  EXPECT_TRUE(r.has_pii);
  EXPECT_FALSE(repo.find_by_reference("K7M-99999-Q"));
  EXPECT_TRUE(repo.find(complaint.record.id));
}

TEST_F(Complaints, PersonalDataOpensOnlyWithTheRightKey) {
  const NewComplaint complaint = submit();
  ComplaintRepository repo(db());
  EXPECT_EQ(repo.open_pii(complaint.record.id, m_cipher), complaint.pii);
  const PiiCipher other(make_key(42));
  EXPECT_EQ(repo.open_pii(complaint.record.id, other), std::nullopt);
  EXPECT_EQ(repo.open_pii("no-such-id", m_cipher), std::nullopt);
}

TEST_F(Complaints, LookupCodeIsCheckedWithoutBeingStoredInPlain) {
  const NewComplaint complaint = submit();
  ComplaintRepository repo(db());
  EXPECT_TRUE(repo.lookup_code_matches(complaint.record.id, "4821", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches(complaint.record.id, "4822", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches(complaint.record.id, "482", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches(complaint.record.id, "48210", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches(complaint.record.id, "", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches("unknown", "4821", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches(complaint.record.id, "4821", PiiCipher(make_key(3))));
}

TEST_F(Complaints, AReplacedLookupCodeIsTheOnlyOneThatMatches) {
  const NewComplaint complaint = submit();
  ComplaintRepository repo(db());
  {
    Transaction tx(db());
    EXPECT_TRUE(repo.replace_lookup_code(tx, complaint.record.id, "1593", m_cipher));
    EXPECT_FALSE(repo.replace_lookup_code(tx, "unknown", "1593", m_cipher));
    tx.commit();
  }
  EXPECT_TRUE(repo.lookup_code_matches(complaint.record.id, "1593", m_cipher));
  EXPECT_FALSE(repo.lookup_code_matches(complaint.record.id, "4821", m_cipher));
}

TEST_F(Complaints, SealedValuesMovedToAnotherRowDoNotOpen) {
  const NewComplaint first = submit("first text");
  const NewComplaint second = submit("second text");
  db().exec(
      "UPDATE complaints SET sealed_pii = (SELECT sealed_pii FROM complaints WHERE seq = 1), "
      "sealed_lookup = (SELECT sealed_pii FROM complaints WHERE seq = 1) WHERE seq = 2");
  ComplaintRepository repo(db());
  EXPECT_EQ(repo.open_pii(second.record.id, m_cipher), std::nullopt);
  EXPECT_FALSE(repo.lookup_code_matches(second.record.id, "4821", m_cipher));
  EXPECT_TRUE(repo.open_pii(first.record.id, m_cipher));
}

TEST_F(Complaints, WithoutPersonalDataNothingIsSealedButTheCode) {
  ComplaintRepository repo(db());
  Transaction tx(db());
  NewComplaint complaint = make_complaint(*m_store, repo.allocate_seq(tx));
  complaint.pii.reset();
  complaint.record.consent_given = false;
  complaint.record.consent_text_version.reset();
  repo.insert(tx, complaint, m_cipher);
  tx.commit();
  const auto found = repo.find(complaint.record.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_pii);
  EXPECT_FALSE(found->consent_given);
  EXPECT_FALSE(found->consent_text_version);
  EXPECT_EQ(repo.open_pii(complaint.record.id, m_cipher), std::nullopt);
  EXPECT_TRUE(repo.lookup_code_matches(complaint.record.id, "4821", m_cipher));
}

TEST_F(Complaints, InvalidUtf8IsRefusedWithoutQuotingTheText) {
  ComplaintRepository repo(db());
  Transaction tx(db());
  const NewComplaint complaint = make_complaint(*m_store, repo.allocate_seq(tx), "bad \xff\xfe byte");
  try {
    repo.insert(tx, complaint, m_cipher);
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()).find("bad"), std::string::npos) << error.what();
  }
}

TEST_F(Complaints, DuplicateReferenceIsAConstraintError) {
  const NewComplaint first = submit();
  ComplaintRepository repo(db());
  Transaction tx(db());
  NewComplaint again = make_complaint(*m_store, repo.allocate_seq(tx));
  again.record.reference = first.record.reference;
  try {
    repo.insert(tx, again, m_cipher);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::constraint);
  }
}

TEST_F(Complaints, SeqIsNeverReusedAfterDeletionRollbackOrRestart) {
  ComplaintRepository repo(db());
  EXPECT_EQ(repo.peek_next_seq(), 1);
  submit();
  submit();
  {
    // A transaction that took a seq and rolled back gives nothing away: no committed row shares a seq.
    Transaction tx(db());
    EXPECT_EQ(repo.allocate_seq(tx), 3);
  }
  db().exec("DELETE FROM complaints");
  EXPECT_EQ(count_rows(db(), "complaints"), 0);
  EXPECT_EQ(count_rows(db(), "complaint_status_history"), 0) << "history goes with its complaint";
  reopen();
  ComplaintRepository after(db());
  EXPECT_EQ(after.peek_next_seq(), 3);
  EXPECT_EQ(submit().record.seq, 3);
  db().exec("DELETE FROM complaints WHERE seq = 3");
  reopen();
  EXPECT_EQ(submit().record.seq, 4);
}

TEST_F(Complaints, StatusHistoryKeepsEveryEntryAndTheNewestStatus) {
  const NewComplaint complaint = submit();
  const std::string& id = complaint.record.id;
  ComplaintRepository repo(db());
  {
    Transaction tx(db());
    EXPECT_TRUE(repo.append_status(tx, id, {"resolved", "Card returned", at_minutes(120), "headoffice"}));
    // An older change arriving late is kept in history but does not overwrite the newer status.
    EXPECT_TRUE(repo.append_status(tx, id, {"in_progress", "Looking into it", at_minutes(60), "headoffice"}));
    EXPECT_FALSE(repo.append_status(tx, "unknown", {"resolved", "", at_minutes(1), "headoffice"}));
    tx.commit();
  }
  const auto history = repo.status_history(id);
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[0].status, "received");
  EXPECT_EQ(history[0].source, "kiosk");
  EXPECT_EQ(history[0].at, complaint.record.received_at);
  EXPECT_EQ(history[1].status, "in_progress");
  EXPECT_EQ(history[1].note, "Looking into it");
  EXPECT_EQ(history[2].status, "resolved");
  EXPECT_EQ(history[2].at, at_minutes(120));
  const auto found = repo.find(id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, "resolved");
  EXPECT_EQ(found->status_updated_at, at_minutes(120));
  EXPECT_TRUE(repo.status_history("unknown").empty());
}

TEST_F(Complaints, FeedbackCommentIsSealedAndOpens) {
  const NewComplaint complaint = submit();
  ComplaintRepository repo(db());
  {
    Transaction tx(db());
    repo.insert_feedback(tx,
                         {m_store->new_event_id(std::chrono::system_clock::now()), complaint.record.id,
                          "not_resolved", std::string("Still no card, call 40404040"), at_minutes(200)},
                         m_cipher);
    repo.insert_feedback(tx,
                         {m_store->new_event_id(std::chrono::system_clock::now()), complaint.record.id,
                          "resolved", std::nullopt, at_minutes(300)},
                         m_cipher);
    tx.commit();
  }
  Statement raw(db(),
                "SELECT count(*) FROM complaint_feedback WHERE CAST(sealed_comment AS TEXT) LIKE '%4040%'");
  ASSERT_TRUE(raw.step());
  EXPECT_EQ(raw.column_int(0), 0);

  auto rows = repo.feedback_for(complaint.record.id, m_cipher);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].answer, "not_resolved");
  EXPECT_EQ(rows[0].comment, "Still no card, call 40404040");
  EXPECT_FALSE(rows[0].comment_unreadable);
  EXPECT_EQ(rows[1].answer, "resolved");
  EXPECT_FALSE(rows[1].comment);
  EXPECT_FALSE(rows[1].comment_unreadable);

  rows = repo.feedback_for(complaint.record.id, PiiCipher(make_key(5)));
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_FALSE(rows[0].comment);
  EXPECT_TRUE(rows[0].comment_unreadable);
}

TEST_F(Complaints, FeedbackForAnUnknownComplaintIsRefused) {
  ComplaintRepository repo(db());
  Transaction tx(db());
  try {
    repo.insert_feedback(tx, {"f1", "no-such-complaint", "resolved", std::nullopt, at_minutes(1)}, m_cipher);
    FAIL() << "expected StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::constraint);
  }
}

TEST_F(Complaints, ListFiltersForTheDashboard) {
  ComplaintRepository repo(db());
  std::vector<std::string> ids;
  {
    Transaction tx(db());
    for (int i = 0; i < 4; ++i) {
      NewComplaint c = make_complaint(*m_store, repo.allocate_seq(tx));
      c.record.received_at = at_minutes(i * 60);
      c.record.status_updated_at = c.record.received_at;
      c.record.final_due_at = at_minutes(i * 60 + 1000);
      c.record.status = i == 1 ? "resolved" : "received";
      repo.insert(tx, c, m_cipher);
      ids.push_back(c.record.id);
    }
    tx.commit();
  }
  auto all = repo.list({});
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[0].id, ids[3]) << "newest first";
  EXPECT_EQ(all[3].id, ids[0]);

  ComplaintListFilter overdue;
  overdue.final_due_before = at_minutes(1100);
  overdue.exclude_statuses = {"resolved", "closed"};
  auto rows = repo.list(overdue);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].id, ids[0]);

  ComplaintListFilter recent;
  recent.received_since = at_minutes(120);
  recent.limit = 1;
  rows = repo.list(recent);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].id, ids[3]);
}

TEST_F(Complaints, PurgeForgetsPersonalDataButKeepsTheLookup) {
  const NewComplaint complaint = submit();
  ComplaintRepository repo(db());
  {
    Transaction tx(db());
    repo.insert_feedback(tx,
                         {"0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", complaint.record.id, "resolved",
                          std::string("thanks"), at_minutes(5)},
                         m_cipher);
    EXPECT_TRUE(repo.purge_pii(tx, complaint.record.id));
    EXPECT_FALSE(repo.purge_pii(tx, "unknown"));
    tx.commit();
  }
  const auto found = repo.find(complaint.record.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_pii);
  EXPECT_EQ(repo.open_pii(complaint.record.id, m_cipher), std::nullopt);
  EXPECT_TRUE(repo.lookup_code_matches(complaint.record.id, "4821", m_cipher));
  const auto feedback = repo.feedback_for(complaint.record.id, m_cipher);
  ASSERT_EQ(feedback.size(), 1U);
  EXPECT_FALSE(feedback[0].comment);
  EXPECT_FALSE(feedback[0].comment_unreadable);
}

TEST_F(Complaints, PurgedSealedBytesAreGoneFromTheFile) {
  const NewComplaint complaint = submit(std::string(600, 'p'));
  std::string sealed;
  {
    Statement query(db(), "SELECT sealed_pii FROM complaints WHERE id = ?1");
    query.bind_text(1, complaint.record.id);
    ASSERT_TRUE(query.step());
    const auto blob = query.column_blob(0);
    sealed.assign(reinterpret_cast<const char*>(blob.data()), blob.size());
  }
  ASSERT_GT(sealed.size(), 600U);
  {
    Transaction tx(db());
    ASSERT_TRUE(ComplaintRepository(db()).purge_pii(tx, complaint.record.id));
    tx.commit();
  }
  const fs::path file = m_store->path();
  m_store.reset();  // the last connection checkpoints the WAL into the file and removes it
  ASSERT_FALSE(fs::exists(file.string() + "-wal"));
  const std::string bytes = test_util::read_bytes(file);
  EXPECT_FALSE(contains(bytes, sealed.substr(20, 64))) << "purged bytes linger in the file";
  EXPECT_TRUE(contains(bytes, complaint.record.reference));
}

TEST_F(Complaints, WritesNeedAnOpenTransaction) {
  ComplaintRepository repo(db());
  Transaction tx(db());
  tx.commit();
  EXPECT_THROW(repo.allocate_seq(tx), std::logic_error);
}

// --- nothing personal reaches the disk ---------------------------------------------------------------------

TEST_F(Complaints, NeitherTheDatabaseNorTheWalHoldsPersonalText) {
  const std::string phone = "+47 413 97 256";
  const std::string text = "Distinctive-narrative: the Zebrafjord branch ATM swallowed my card";
  const fs::path file = m_dir / "kiosk.db";
  // A second connection keeps the WAL from being checkpointed and removed when the store closes.
  Database keeper = Store::open_secondary(file);
  std::string reference;
  {
    ComplaintRepository repo(db());
    Transaction tx(db());
    const NewComplaint complaint = make_complaint(*m_store, repo.allocate_seq(tx), text, phone);
    reference = complaint.record.reference;
    repo.insert(tx, complaint, m_cipher);
    nlohmann::json data = {{"complaint_id", complaint.record.id},
                           {"reference", reference},
                           {"description", text},
                           {"contact_phone", phone}};
    domain::EventRecord event = test_util::make_event(*m_store, "complaint.submitted", data.dump());
    m_store->outbox().append(tx, event, &m_cipher);
    tx.commit();
  }
  m_store.reset();

  const std::string wal = test_util::read_bytes(fs::path(file.string() + "-wal"));
  const std::string main_file = test_util::read_bytes(file);
  ASSERT_FALSE(wal.empty()) << "the test must look at a WAL that holds the transaction";
  // The reference is not personal and is stored in plain: finding it proves these are the right bytes.
  EXPECT_TRUE(contains(wal, reference));
  for (const std::string* secret : {&phone, &text}) {
    EXPECT_FALSE(contains(wal, *secret)) << *secret;
    EXPECT_FALSE(contains(main_file, *secret)) << *secret;
  }
  EXPECT_FALSE(contains(wal, "Zebrafjord"));
  EXPECT_FALSE(contains(wal, "413 97 256"));

  // After the last connection closes, the checkpointed file holds none of it either.
  { Database closing = std::move(keeper); }
  const std::string checkpointed = test_util::read_bytes(file);
  EXPECT_TRUE(contains(checkpointed, reference));
  EXPECT_FALSE(contains(checkpointed, text));
  EXPECT_FALSE(contains(checkpointed, phone));
  EXPECT_FALSE(contains(checkpointed, "Zebrafjord"));
}

// --- real complaint narratives -----------------------------------------------------------------------------

TEST_F(Complaints, RealNarrativesRoundTripByteForByteInRowAndOutbox) {
  const fs::path corpus = fs::path(KIOSK_SHARED_DIR) / "corpus" / "cfpb_complaints.jsonl";
  std::ifstream in(corpus);
  if (!in) {
    GTEST_SKIP() << "shared corpus not found at " << corpus << "; skipping the CFPB narrative round trip";
  }
  struct Sent {
    std::string id;
    std::string narrative;
    std::string outcome;
  };
  std::vector<Sent> sent;
  std::string line;
  ComplaintRepository repo(db());
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    const auto json = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(json.is_object()) << "corpus line " << sent.size() + 1 << " is not JSON";
    const auto text = [&json](const char* key) {
      const auto it = json.find(key);
      return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string narrative = text("narrative");
    ASSERT_FALSE(narrative.empty()) << "corpus line " << sent.size() + 1 << " has no narrative";
    const std::string outcome = text("sub_issue") + " / " + text("company");
    Transaction tx(db());
    NewComplaint complaint = make_complaint(*m_store, repo.allocate_seq(tx), narrative);
    complaint.pii->desired_outcome = outcome;
    repo.insert(tx, complaint, m_cipher);
    const nlohmann::json data = {{"complaint_id", complaint.record.id}, {"description", narrative}};
    m_store->outbox().append(tx, test_util::make_event(*m_store, "complaint.submitted", data.dump()),
                             &m_cipher);
    tx.commit();
    sent.push_back({complaint.record.id, narrative, outcome});
  }
  ASSERT_GE(sent.size(), 30U) << "the corpus should hold 39 narratives";

  reopen();
  ComplaintRepository after(db());
  const auto events = m_store->outbox().read_pending(sent.size() + 10, &m_cipher);
  ASSERT_EQ(events.size(), sent.size());
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const auto pii = after.open_pii(sent[i].id, m_cipher);
    ASSERT_TRUE(pii) << i;
    EXPECT_EQ(pii->description, sent[i].narrative) << i;
    EXPECT_EQ(pii->desired_outcome, sent[i].outcome) << i;
    const auto data = nlohmann::json::parse(events[i].event.data_json);
    EXPECT_EQ(data.at("description").get<std::string>(), sent[i].narrative) << i;
    EXPECT_EQ(data.at("complaint_id").get<std::string>(), sent[i].id) << i;
  }
}

}  // namespace
}  // namespace kiosk::store
