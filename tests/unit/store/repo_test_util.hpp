#pragma once
// Helpers for the repository tests: a store with a fixed-key cipher and ready-made rows.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/complaint_repository.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "store_test_util.hpp"
#include "temp_dir.hpp"

namespace kiosk::store::test_util {

inline PiiCipher::Key make_key(unsigned char fill) {
  PiiCipher::Key key{};
  for (std::size_t i = 0; i < key.size(); ++i) {
    key[i] = static_cast<std::byte>(fill + i);
  }
  return key;
}

inline domain::EventTime at_minutes(int minutes) {
  return k_event_time + std::chrono::minutes{minutes};
}

// A complaint with personal data; `n` makes id, seq and reference distinct.
inline NewComplaint make_complaint(Store& store, std::int64_t seq,
                                   std::string description = "ATM kept my card",
                                   std::string phone = "+47 912 34 567") {
  NewComplaint complaint;
  ComplaintRecord& r = complaint.record;
  r.id = store.new_event_id(std::chrono::system_clock::now());
  r.seq = seq;
  r.reference = "K7M-" + std::to_string(10000 + seq) + "-Q";
  r.product_id = "cards";
  r.issue_id = "card_retained";
  r.taxonomy_version = "2026-11";
  r.priority = "normal";
  r.language = "nb";
  r.received_at = k_event_time;
  r.ack_due_at = at_minutes(3 * 24 * 60);
  r.final_due_at = at_minutes(15 * 24 * 60);
  r.needs_extra_help = true;
  r.consent_given = true;
  r.consent_text_version = "consent-v3";
  r.status = "received";
  r.status_updated_at = k_event_time;
  complaint.pii = ComplaintPii{std::move(description), "Return the card", "Kari Nordmann", std::move(phone),
                               "kari@example.no"};
  complaint.lookup_code = "4821";
  return complaint;
}

class RepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = open_ok(m_dir / "kiosk.db");
    ASSERT_TRUE(m_store);
  }

  void reopen() {
    m_store.reset();
    m_store = open_ok(m_dir / "kiosk.db");
    ASSERT_TRUE(m_store);
  }

  Database& db() { return m_store->database(); }

  kiosk::test::TempDir m_dir{"kiosk-store"};
  std::unique_ptr<Store> m_store;
  PiiCipher m_cipher{make_key(7)};
};

}  // namespace kiosk::store::test_util
