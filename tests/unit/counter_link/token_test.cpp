#include "counter_link/token.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "app/config.hpp"

namespace kiosk::counter_link {
namespace {

TEST(Token, IsThirtyTwoRandomBytesAsBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const auto token = generate_token();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(Token, HashIsSha256Hex) {
  // FIPS 180-2 test vector.
  EXPECT_EQ(token_sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Token, ConfigEntryIsValidConfig) {
  const auto token = generate_token();
  const auto counter_line = token_config_entry(Grant{7}, token);
  const auto display_line = token_config_entry(Grant{}, token);
  EXPECT_EQ(counter_line, "7:" + token_sha256_hex(token));
  EXPECT_EQ(display_line, "display:" + token_sha256_hex(token));
  EXPECT_EQ(app::counter_token_problem(counter_line), std::nullopt);
  EXPECT_EQ(app::counter_token_problem(display_line), std::nullopt);
}

TEST(TokenBook, FindsWhoATokenActsFor) {
  const auto counter_token = generate_token();
  const auto display_token = generate_token();
  const TokenBook book(
      {token_config_entry(Grant{3}, counter_token), token_config_entry(Grant{}, display_token), "junk"});
  EXPECT_EQ(book.find(counter_token), (Grant{3}));
  EXPECT_EQ(book.find(display_token), (Grant{}));
  EXPECT_EQ(book.find(generate_token()), std::nullopt);
  EXPECT_EQ(book.find(""), std::nullopt);
  EXPECT_EQ(book.find(counter_token + "x"), std::nullopt);
  EXPECT_EQ(book.find(counter_token.substr(1)), std::nullopt);
  EXPECT_EQ(book.find(std::string(1000, 'a')), std::nullopt);
  // The hash itself is not a token.
  EXPECT_EQ(book.find(token_sha256_hex(counter_token)), std::nullopt);
}

TEST(TokenBook, HexTokensWorkToo) {
  const std::string hex_token(64, 'f');
  const TokenBook book({"12:" + token_sha256_hex(hex_token)});
  EXPECT_EQ(book.find(hex_token), (Grant{12}));
}

TEST(TokenBook, EmptyBookMatchesNothing) {
  const TokenBook book;
  EXPECT_TRUE(book.empty());
  EXPECT_EQ(book.find(generate_token()), std::nullopt);
}

TEST(BearerToken, ReadsTheHeader) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bearer abc  "), "abc");
  EXPECT_EQ(bearer_token("Basic abc"), std::nullopt);
  EXPECT_EQ(bearer_token("Bearer "), std::nullopt);
  EXPECT_EQ(bearer_token("Bearerabc"), std::nullopt);
  EXPECT_EQ(bearer_token(""), std::nullopt);
}

}  // namespace
}  // namespace kiosk::counter_link
