#include "sync/bundle_store.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "temp_dir.hpp"

namespace kiosk::sync {
namespace {

using std::chrono::hours;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// An Ed25519 key pair made with the openssl tool, as an operator would; nullopt if openssl is missing.
struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};

std::optional<KeyPair> make_key(const std::filesystem::path& dir, const std::string& name) {
  const auto key = dir / (name + ".key");
  const auto pub = dir / (name + ".pub");
  const std::string command = "openssl genpkey -algorithm ed25519 -out '" + key.string() +
                              "' 2>/dev/null && openssl pkey -in '" + key.string() + "' -pubout -out '" +
                              pub.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) {
    return std::nullopt;
  }
  return KeyPair{read_text(key), read_text(pub)};
}

const auto k_now = std::chrono::system_clock::time_point{std::chrono::seconds{1'795'000'000}};  // 2026-11-18

protocol::Bundle make_bundle(std::uint64_t version, std::string not_before = "2026-01-01T00:00:00Z",
                             std::string expires = "2027-01-01T00:00:00Z") {
  protocol::Bundle bundle;
  bundle.kind = "config";
  bundle.scope = "branch-001";
  bundle.version = version;
  bundle.not_before = std::move(not_before);
  bundle.expires = std::move(expires);
  bundle.payload = {{"idle_timeout_s", 60 + version}};
  return bundle;
}

class BundleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_current = make_key(m_dir.path(), "current");
    m_next = make_key(m_dir.path(), "next");
    m_stranger = make_key(m_dir.path(), "stranger");
    if (!m_current || !m_next || !m_stranger) {
      GTEST_SKIP() << "openssl command line tool not available";
    }
    m_store = std::make_unique<BundleStore>(
        m_dir.path() / "bundles", std::vector<std::string>{m_current->public_pem, m_next->public_pem});
  }

  std::string sign(const protocol::Bundle& bundle, const KeyPair& key) {
    auto signed_bundle = protocol::sign_bundle(bundle, key.private_pem);
    EXPECT_TRUE(signed_bundle) << signed_bundle.error();
    return protocol::serialize_signed_bundle(signed_bundle.value());
  }

  test::TempDir m_dir{"sync-bundles"};
  std::optional<KeyPair> m_current;
  std::optional<KeyPair> m_next;
  std::optional<KeyPair> m_stranger;
  std::unique_ptr<BundleStore> m_store;
};

TEST_F(BundleStoreTest, ValidBundleIsAppliedAndReadBack) {
  const auto report = m_store->apply(sign(make_bundle(1), *m_current), k_now);
  EXPECT_EQ(report.outcome, BundleOutcome::applied) << report.message;
  const auto current = m_store->current("config", "branch-001");
  ASSERT_TRUE(current);
  EXPECT_EQ(current->version, 1U);
  EXPECT_EQ(current->payload["idle_timeout_s"], 61);
  EXPECT_FALSE(m_store->previous("config", "branch-001"));
  EXPECT_FALSE(std::filesystem::exists(m_dir.path() / "bundles" / "config.branch-001.bundle.tmp"));
}

TEST_F(BundleStoreTest, NextKeyIsAcceptedUnpinnedKeyIsNot) {
  EXPECT_EQ(m_store->apply(sign(make_bundle(1), *m_next), k_now).outcome, BundleOutcome::applied);
  const auto report = m_store->apply(sign(make_bundle(2), *m_stranger), k_now);
  EXPECT_EQ(report.outcome, BundleOutcome::rejected);
  EXPECT_FALSE(report.message.empty());
  EXPECT_EQ(m_store->current("config", "branch-001")->version, 1U);
}

TEST_F(BundleStoreTest, VersionsOnlyGoUpAndThePreviousIsKept) {
  ASSERT_EQ(m_store->apply(sign(make_bundle(5), *m_current), k_now).outcome, BundleOutcome::applied);
  EXPECT_EQ(m_store->apply(sign(make_bundle(5), *m_current), k_now).outcome, BundleOutcome::already_applied);
  const auto rollback = m_store->apply(sign(make_bundle(4), *m_current), k_now);
  EXPECT_EQ(rollback.outcome, BundleOutcome::rejected);
  EXPECT_NE(rollback.message.find("rollback"), std::string::npos) << rollback.message;
  ASSERT_EQ(m_store->apply(sign(make_bundle(7), *m_current), k_now).outcome, BundleOutcome::applied);
  EXPECT_EQ(m_store->current("config", "branch-001")->version, 7U);
  ASSERT_TRUE(m_store->previous("config", "branch-001"));
  EXPECT_EQ(m_store->previous("config", "branch-001")->version, 5U);
}

TEST_F(BundleStoreTest, TimeWindowIsEnforced) {
  const auto early = m_store->apply(sign(make_bundle(1, "2026-12-01T00:00:00Z"), *m_current), k_now);
  EXPECT_EQ(early.outcome, BundleOutcome::rejected);
  EXPECT_NE(early.message.find("not valid before"), std::string::npos) << early.message;
  const auto late =
      m_store->apply(sign(make_bundle(1, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"), *m_current), k_now);
  EXPECT_EQ(late.outcome, BundleOutcome::rejected);
  EXPECT_NE(late.message.find("expired"), std::string::npos) << late.message;
  EXPECT_FALSE(m_store->current("config", "branch-001"));
}

TEST_F(BundleStoreTest, GarbageAndTamperedDocumentsAreRefusedAndTheCurrentStays) {
  ASSERT_EQ(m_store->apply(sign(make_bundle(1), *m_current), k_now).outcome, BundleOutcome::applied);
  EXPECT_EQ(m_store->apply("", k_now).outcome, BundleOutcome::rejected);
  EXPECT_EQ(m_store->apply("{\"v\":1}", k_now).outcome, BundleOutcome::rejected);
  std::string tampered = sign(make_bundle(2), *m_current);
  const auto at = tampered.find("62");  // the payload's idle_timeout_s
  ASSERT_NE(at, std::string::npos);
  tampered.replace(at, 2, "99");
  const auto report = m_store->apply(tampered, k_now);
  EXPECT_EQ(report.outcome, BundleOutcome::rejected);
  EXPECT_EQ(m_store->current("config", "branch-001")->version, 1U);
}

}  // namespace
}  // namespace kiosk::sync
