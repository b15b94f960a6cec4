#include "store/pii_cipher.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "repo_test_util.hpp"
#include "store_test_util.hpp"
#include "temp_dir.hpp"

namespace kiosk::store {
namespace {

namespace fs = std::filesystem;
using test_util::make_key;
using test_util::read_bytes;
using test_util::write_bytes;

const std::string k_aad =
    PiiCipher::row_aad("complaints", "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "sealed_pii");

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

TEST(PiiCipher, SealThenOpenGivesThePlaintextBack) {
  const PiiCipher cipher(make_key(1));
  std::string text = "Мой номер +7 912 000-11-22, 我的卡被吞了\n\ttabs and ";
  text += std::string_view("\0nul", 4);
  const auto sealed = cipher.seal(text, k_aad);
  EXPECT_EQ(sealed.size(), text.size() + PiiCipher::k_overhead);
  EXPECT_EQ(sealed[0], PiiCipher::k_format_version);
  EXPECT_EQ(cipher.open(sealed, k_aad), text);
}

TEST(PiiCipher, EmptyTextRoundTrips) {
  const PiiCipher cipher(make_key(1));
  const auto sealed = cipher.seal("", k_aad);
  EXPECT_EQ(sealed.size(), PiiCipher::k_overhead);
  EXPECT_EQ(cipher.open(sealed, k_aad), std::string());
}

TEST(PiiCipher, SealingTwiceUsesFreshNonces) {
  const PiiCipher cipher(make_key(1));
  const auto first = cipher.seal("same text", k_aad);
  const auto second = cipher.seal("same text", k_aad);
  EXPECT_NE(first, second);
  EXPECT_EQ(cipher.open(second, k_aad), "same text");
}

TEST(PiiCipher, CiphertextDoesNotContainThePlaintext) {
  const PiiCipher cipher(make_key(1));
  const std::string text = "phone 98765432 phone 98765432 phone 98765432";
  const auto sealed = cipher.seal(text, k_aad);
  const std::string bytes(reinterpret_cast<const char*>(sealed.data()), sealed.size());
  EXPECT_EQ(bytes.find("98765432"), std::string::npos);
}

TEST(PiiCipher, WrongKeyDoesNotOpen) {
  const auto sealed = PiiCipher(make_key(1)).seal("secret", k_aad);
  EXPECT_EQ(PiiCipher(make_key(2)).open(sealed, k_aad), std::nullopt);
}

TEST(PiiCipher, AnotherRowOrColumnDoesNotOpen) {
  const PiiCipher cipher(make_key(1));
  const auto sealed = cipher.seal("secret", k_aad);
  EXPECT_FALSE(cipher.open(sealed, PiiCipher::row_aad("complaints", "other-id", "sealed_pii")));
  EXPECT_FALSE(cipher.open(
      sealed, PiiCipher::row_aad("complaints", "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "sealed_lookup")));
  EXPECT_FALSE(cipher.open(sealed, ""));
}

TEST(PiiCipher, EveryTamperedByteIsDetected) {
  const PiiCipher cipher(make_key(1));
  const auto sealed = cipher.seal("do not change me", k_aad);
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    auto tampered = sealed;
    tampered[i] ^= std::byte{0x01};
    EXPECT_EQ(cipher.open(tampered, k_aad), std::nullopt) << "byte " << i;
  }
}

TEST(PiiCipher, TruncatedOrForeignBytesDoNotOpen) {
  const PiiCipher cipher(make_key(1));
  const auto sealed = cipher.seal("abc", k_aad);
  for (std::size_t length = 0; length < sealed.size(); ++length) {
    EXPECT_FALSE(cipher.open(std::span(sealed).first(length), k_aad)) << length;
  }
  auto longer = sealed;
  longer.push_back(std::byte{0});
  EXPECT_FALSE(cipher.open(longer, k_aad));
  auto other_version = sealed;
  other_version[0] = std::byte{2};
  EXPECT_FALSE(cipher.open(other_version, k_aad));
}

class PiiKeyFile : public ::testing::Test {
 protected:
  kiosk::test::TempDir m_dir{"kiosk-key"};
  fs::path m_key = m_dir / "keys" / "sub" / "pii.key";
};

TEST_F(PiiKeyFile, CreatesAPrivateKeyAndLoadsItAgain) {
  std::string error;
  auto first = PiiCipher::load_or_create(m_key, error);
  ASSERT_TRUE(first) << error;
  EXPECT_TRUE(error.empty());
  EXPECT_EQ(fs::file_size(m_key), PiiCipher::k_key_size);
  EXPECT_EQ(mode_of(m_key), 0600U);
  EXPECT_EQ(mode_of(m_key.parent_path()), 0700U);
  EXPECT_EQ(mode_of(m_key.parent_path().parent_path()), 0700U);
  // Nothing but the key is left in the directory (the temporary was removed).
  EXPECT_EQ(std::distance(fs::directory_iterator(m_key.parent_path()), fs::directory_iterator()), 1);

  const auto sealed = first->seal("survives a restart", k_aad);
  const std::string key_bytes = read_bytes(m_key);
  auto second = PiiCipher::load_or_create(m_key, error);
  ASSERT_TRUE(second) << error;
  EXPECT_EQ(read_bytes(m_key), key_bytes) << "an existing key must never be replaced";
  EXPECT_EQ(second->open(sealed, k_aad), "survives a restart");
  auto third = PiiCipher::load(m_key, error);
  ASSERT_TRUE(third) << error;
  EXPECT_EQ(third->open(sealed, k_aad), "survives a restart");
}

TEST_F(PiiKeyFile, ALeftoverTemporaryFromACrashDoesNotBlockCreation) {
  fs::create_directories(m_key.parent_path());
  const fs::path leftover = m_key.string() + ".new-" + std::to_string(::getpid());
  write_bytes(leftover, "half");
  std::string error;
  ASSERT_TRUE(PiiCipher::load_or_create(m_key, error)) << error;
  EXPECT_EQ(fs::file_size(m_key), PiiCipher::k_key_size);
  EXPECT_FALSE(fs::exists(leftover));
}

TEST_F(PiiKeyFile, TwoKeyFilesAreDifferent) {
  std::string error;
  ASSERT_TRUE(PiiCipher::load_or_create(m_dir / "a.key", error)) << error;
  ASSERT_TRUE(PiiCipher::load_or_create(m_dir / "b.key", error)) << error;
  EXPECT_NE(read_bytes(m_dir / "a.key"), read_bytes(m_dir / "b.key"));
}

TEST_F(PiiKeyFile, LoadDoesNotCreate) {
  std::string error;
  EXPECT_FALSE(PiiCipher::load(m_dir / "missing.key", error));
  EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(m_dir / "missing.key"));
}

TEST_F(PiiKeyFile, RefusesAKeyOthersCanRead) {
  std::string error;
  ASSERT_TRUE(PiiCipher::load_or_create(m_key, error)) << error;
  const std::string before = read_bytes(m_key);
  for (const auto mode : {0640, 0604, 0660, 0602}) {
    ASSERT_EQ(::chmod(m_key.c_str(), static_cast<mode_t>(mode)), 0);
    EXPECT_FALSE(PiiCipher::load_or_create(m_key, error)) << std::oct << mode;
    EXPECT_NE(error.find("must be 0600"), std::string::npos) << error;
    EXPECT_NE(error.find(m_key.string()), std::string::npos) << error;
    EXPECT_EQ(read_bytes(m_key), before) << "a refused key is left as it was";
  }
}

TEST_F(PiiKeyFile, RefusesAKeyOfTheWrongSize) {
  fs::create_directories(m_key.parent_path());
  for (const std::size_t size : {0UL, 16UL, 31UL, 33UL, 64UL}) {
    write_bytes(m_key, std::string(size, 'k'));
    ASSERT_EQ(::chmod(m_key.c_str(), 0600), 0);
    std::string error;
    EXPECT_FALSE(PiiCipher::load_or_create(m_key, error)) << size;
    EXPECT_NE(error.find(std::to_string(size) + " bytes"), std::string::npos) << error;
    EXPECT_EQ(fs::file_size(m_key), size) << "a refused key is never replaced";
  }
}

TEST_F(PiiKeyFile, RefusesASymlinkAndADirectory) {
  std::string error;
  const fs::path real = m_dir / "real.key";
  ASSERT_TRUE(PiiCipher::load_or_create(real, error)) << error;
  fs::create_symlink(real, m_dir / "link.key");
  EXPECT_FALSE(PiiCipher::load_or_create(m_dir / "link.key", error));
  EXPECT_NE(error.find("symbolic link"), std::string::npos) << error;

  fs::create_directory(m_dir / "dir.key");
  EXPECT_FALSE(PiiCipher::load_or_create(m_dir / "dir.key", error));
  EXPECT_NE(error.find("dir.key"), std::string::npos) << error;
}

TEST_F(PiiKeyFile, RefusesADirectoryOthersCanWrite) {
  const fs::path open_dir = m_dir / "shared";
  fs::create_directory(open_dir);
  ASSERT_EQ(::chmod(open_dir.c_str(), 0777), 0);
  std::string error;
  EXPECT_FALSE(PiiCipher::load_or_create(open_dir / "pii.key", error));
  EXPECT_NE(error.find("writable by group or others"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(open_dir / "pii.key"));
}

TEST_F(PiiKeyFile, ReportsAnUnwritableDirectory) {
  const fs::path locked = m_dir / "locked";
  fs::create_directory(locked);
  ASSERT_EQ(::chmod(locked.c_str(), 0500), 0);
  if (::access(locked.c_str(), W_OK) == 0) {
    GTEST_SKIP() << "running as root: directory permissions do not stop writes";
  }
  std::string error;
  EXPECT_FALSE(PiiCipher::load_or_create(locked / "pii.key", error));
  EXPECT_NE(error.find("cannot create key file"), std::string::npos) << error;
}

}  // namespace
}  // namespace kiosk::store
