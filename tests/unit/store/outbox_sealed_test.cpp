#include <gtest/gtest.h>

#include <stdexcept>

#include "repo_test_util.hpp"
#include "store/outbox.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

using test_util::make_event;
using test_util::make_key;

class SealedOutbox : public test_util::RepoTest {
 protected:
  std::int64_t append(const domain::EventRecord& event, const PiiCipher* cipher) {
    Transaction tx(db());
    const std::int64_t seq = m_store->outbox().append(tx, event, cipher);
    tx.commit();
    return seq;
  }
};

constexpr std::string_view k_secret_data = R"({"description":"my card 4111-2222","phone":"+47 99 88 77 66"})";

TEST_F(SealedOutbox, SealedBodyIsStoredOnlyEncryptedAndOpensWithTheCipher) {
  const auto event = make_event(*m_store, "complaint.submitted", std::string(k_secret_data));
  const std::int64_t seq = append(event, &m_cipher);

  Statement raw(db(), "SELECT data, sealed_data FROM outbox WHERE seq = ?1");
  raw.bind_int64(1, seq);
  ASSERT_TRUE(raw.step());
  EXPECT_EQ(raw.column_text(0), "");
  const auto blob = raw.column_blob(1);
  const std::string bytes(reinterpret_cast<const char*>(blob.data()), blob.size());
  EXPECT_EQ(bytes.find("4111-2222"), std::string::npos);
  EXPECT_EQ(blob.size(), k_secret_data.size() + PiiCipher::k_overhead);

  const auto rows = m_store->outbox().read_pending(10, &m_cipher);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_TRUE(rows[0].sealed);
  EXPECT_TRUE(rows[0].data_readable);
  EXPECT_EQ(rows[0].event.data_json, k_secret_data);
  EXPECT_EQ(rows[0].event.id, event.id);
  EXPECT_EQ(rows[0].event.type, "complaint.submitted");

  const auto found = m_store->outbox().find(seq, &m_cipher);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->event.data_json, k_secret_data);
}

TEST_F(SealedOutbox, PlainAndSealedRowsMixInSeqOrder) {
  const std::int64_t plain = append(make_event(*m_store), nullptr);
  const std::int64_t sealed = append(make_event(*m_store, "complaint.submitted", R"({"x":"y"})"), &m_cipher);
  const auto rows = m_store->outbox().read_pending(10, &m_cipher);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].seq, plain);
  EXPECT_FALSE(rows[0].sealed);
  EXPECT_EQ(rows[0].event.data_json, R"({"n":1})");
  EXPECT_EQ(rows[1].seq, sealed);
  EXPECT_EQ(rows[1].event.data_json, R"({"x":"y"})");
}

TEST_F(SealedOutbox, ReadingSealedRowsWithoutTheCipherIsRefusedLoudly) {
  append(make_event(*m_store), nullptr);
  append(make_event(*m_store, "complaint.submitted"), &m_cipher);
  EXPECT_THROW(m_store->outbox().read_pending(10), std::logic_error);
  // Nothing was quarantined or lost for the caller's mistake.
  EXPECT_EQ(m_store->outbox().counts_by_state().pending, 2);
  // A batch that ends before the sealed row still reads.
  EXPECT_EQ(m_store->outbox().read_pending(1).size(), 1U);
}

TEST_F(SealedOutbox, FindWithoutCipherSaysTheBodyIsUnreadableInsteadOfGuessing) {
  const std::int64_t seq = append(make_event(*m_store, "complaint.submitted", R"({"x":"y"})"), &m_cipher);
  const auto row = m_store->outbox().find(seq);
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->sealed);
  EXPECT_FALSE(row->data_readable);
  EXPECT_EQ(row->event.data_json, "");
  EXPECT_EQ(row->event.type, "complaint.submitted");
}

TEST_F(SealedOutbox, ARowThatDoesNotOpenIsQuarantinedNotSent) {
  const std::int64_t good = append(make_event(*m_store, "complaint.submitted", R"({"a":1})"), &m_cipher);
  const std::int64_t bad = append(make_event(*m_store, "complaint.submitted", R"({"b":2})"), &m_cipher);
  const std::int64_t after = append(make_event(*m_store), nullptr);
  // Flip one byte of the sealed body, as a damaged disk would.
  std::vector<std::byte> blob;
  {
    Statement read(db(), "SELECT sealed_data FROM outbox WHERE seq = ?1");
    read.bind_int64(1, bad);
    ASSERT_TRUE(read.step());
    blob = read.column_blob(0);
  }
  blob[20] ^= std::byte{1};
  Statement write(db(), "UPDATE outbox SET sealed_data = ?2 WHERE seq = ?1");
  write.bind_int64(1, bad);
  write.bind_blob(2, blob);
  write.run();

  const auto rows = m_store->outbox().read_pending(10, &m_cipher);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].seq, good);
  EXPECT_EQ(rows[1].seq, after);
  EXPECT_EQ(m_store->outbox().state_of(bad), OutboxState::quarantined);
  const auto quarantined = m_store->outbox().find(bad, &m_cipher);
  ASSERT_TRUE(quarantined);
  EXPECT_FALSE(quarantined->data_readable);
  EXPECT_NE(quarantined->last_error.value_or("").find("does not open"), std::string::npos);
}

TEST_F(SealedOutbox, AnotherKeyQuarantinesInsteadOfReturningGarbage) {
  const std::int64_t seq = append(make_event(*m_store, "complaint.submitted", R"({"a":1})"), &m_cipher);
  const PiiCipher other(make_key(99));
  EXPECT_TRUE(m_store->outbox().read_pending(10, &other).empty());
  EXPECT_EQ(m_store->outbox().state_of(seq), OutboxState::quarantined);
}

TEST_F(SealedOutbox, ASealedBodyMovedToAnotherEventDoesNotOpen) {
  const std::int64_t first = append(make_event(*m_store, "complaint.submitted", R"({"a":1})"), &m_cipher);
  const std::int64_t second = append(make_event(*m_store, "complaint.submitted", R"({"b":2})"), &m_cipher);
  db().exec("UPDATE outbox SET sealed_data = (SELECT sealed_data FROM outbox WHERE seq = " +
            std::to_string(first) + ") WHERE seq = " + std::to_string(second));
  const auto row = m_store->outbox().find(second, &m_cipher);
  ASSERT_TRUE(row);
  EXPECT_FALSE(row->data_readable);
}

TEST_F(SealedOutbox, ChecksRunOnThePlaintextBeforeSealing) {
  Transaction tx(db());
  EXPECT_THROW(
      m_store->outbox().append(tx, make_event(*m_store, "complaint.submitted", "not json"), &m_cipher),
      std::invalid_argument);
  EXPECT_THROW(m_store->outbox().append(tx, make_event(*m_store, "complaint.submitted", "[1]"), &m_cipher),
               std::invalid_argument);
}

}  // namespace
}  // namespace kiosk::store
