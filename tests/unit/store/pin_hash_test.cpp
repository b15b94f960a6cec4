// Staff PIN hashes: the documented format, interoperable with any PBKDF2-HMAC-SHA256 implementation,
// salted, and refusing anything malformed or too weak.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "store/pin_hash.hpp"

namespace kiosk::store {
namespace {

// Computed independently with Python: hashlib.pbkdf2_hmac("sha256", b"2468", bytes(range(16)), 210000).
constexpr std::string_view k_python_hash =
    "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";

TEST(PinHash, VerifiesAHashMadeByAnotherImplementation) {
  EXPECT_FALSE(pin_hash_problem(k_python_hash));
  EXPECT_TRUE(verify_pin("2468", k_python_hash));
  EXPECT_FALSE(verify_pin("2469", k_python_hash));
  EXPECT_FALSE(verify_pin("", k_python_hash));
  EXPECT_FALSE(verify_pin("24680", k_python_hash));
}

TEST(PinHash, HashesInTheDocumentedFormatWithAFreshSalt) {
  const auto first = hash_pin("4711");
  const auto second = hash_pin("4711");
  EXPECT_NE(first, second);  // salted
  for (const auto& hash : {first, second}) {
    EXPECT_TRUE(hash.starts_with("pbkdf2-sha256$210000$")) << hash;
    EXPECT_EQ(hash.size(), std::string("pbkdf2-sha256$210000$").size() + 24 + 1 + 44) << hash;
    EXPECT_EQ(hash.find("4711"), std::string::npos);
    EXPECT_FALSE(pin_hash_problem(hash));
    EXPECT_TRUE(verify_pin("4711", hash));
    EXPECT_FALSE(verify_pin("4712", hash));
  }
}

TEST(PinHash, HonoursAHigherIterationCountAndRefusesALowerOne) {
  const auto hash = hash_pin("9035", 250'000);
  EXPECT_TRUE(hash.starts_with("pbkdf2-sha256$250000$")) << hash;
  EXPECT_TRUE(verify_pin("9035", hash));
  EXPECT_THROW((void)hash_pin("9035", 209'999), std::invalid_argument);
  EXPECT_THROW((void)hash_pin("9035", 20'000'000), std::invalid_argument);
}

TEST(PinHash, ReportsMalformedHashesWithoutRepeatingThem) {
  const std::string good(k_python_hash);
  const std::string salt = "AAECAwQFBgcICQoLDA0ODw==";
  const std::string hash = "3h0Ecyp2BaL4dIc6djwyE3JqSNrJj2DOPz5HhnTZO8M=";
  const std::vector<std::string> bad{
      "",
      "2468",
      "pbkdf2-sha256$210000$" + salt,                                    // no hash
      "pbkdf2-sha1$210000$" + salt + "$" + hash,                         // another scheme
      "pbkdf2-sha256$1000$" + salt + "$" + hash,                         // too few iterations
      "pbkdf2-sha256$21x000$" + salt + "$" + hash,                       // not a number
      "pbkdf2-sha256$$" + salt + "$" + hash,                             // empty count
      "pbkdf2-sha256$210000$" + salt.substr(1) + "$" + hash,             // short salt
      "pbkdf2-sha256$210000$" + salt + "$" + hash + "$",                 // a fifth part
      "pbkdf2-sha256$210000$" + salt + "$" + hash.substr(0, 43) + "!",   // not base64
      "pbkdf2-sha256$210000$" + salt + "$" + hash.substr(0, 42) + "==",  // wrong padding for 32 bytes
      good + " ",
  };
  for (const auto& text : bad) {
    const auto problem = pin_hash_problem(text);
    ASSERT_TRUE(problem) << text;
    EXPECT_EQ(problem->find(salt), std::string::npos) << *problem;
    EXPECT_EQ(problem->find(hash.substr(0, 10)), std::string::npos) << *problem;
    EXPECT_FALSE(verify_pin("2468", text)) << text;
  }
}

}  // namespace
}  // namespace kiosk::store
