#pragma once
// Bearer tokens of the counter link and who each one acts for.
//
// A token is 32 random bytes from OpenSSL's RAND_bytes, written as 43 characters of unpadded base64url.
// The kiosk keeps only the SHA-256 of each token (config counters.tokens, "<counter>:<hex>" or
// "display:<hex>"), so a copy of the config or a backup lets nobody call tickets.
//
// Guarantees of TokenBook::find:
// - the presented token is hashed and compared with EVERY configured hash in constant time
//   (CRYPTO_memcmp, no early exit), so timing tells an attacker neither which entry nor how many bytes
//   matched;
// - a token of the wrong shape (empty, too long, not base64url/hex) matches nothing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::counter_link {

// Whom a token acts for: one counter console, or the now-serving display (counter empty).
struct Grant {
  std::optional<int> counter;
  bool is_display() const { return !counter.has_value(); }
  friend bool operator==(const Grant&, const Grant&) = default;
};

// A fresh token (43 base64url characters). Throws std::runtime_error if the random generator fails.
std::string generate_token();

// SHA-256 of the token's text as 64 lower-case hex digits: what counters.tokens stores.
std::string token_sha256_hex(std::string_view token);

// The counters.tokens line for `grant` and `token`: "3:<hex>" or "display:<hex>".
std::string token_config_entry(const Grant& grant, std::string_view token);

class TokenBook {
 public:
  TokenBook() = default;
  // `entries` in the counters.tokens format; malformed entries (config validation refuses them anyway)
  // are skipped.
  explicit TokenBook(const std::vector<std::string>& entries);

  // Who `presented` acts for, or nothing when it is not one of the configured tokens.
  std::optional<Grant> find(std::string_view presented) const;
  bool empty() const { return m_entries.empty(); }

 private:
  struct Entry {
    Grant grant;
    std::string sha256;  // 32 raw bytes
  };
  std::vector<Entry> m_entries;
};

// The token in an `Authorization: Bearer <token>` header value; nothing for any other shape.
std::optional<std::string_view> bearer_token(std::string_view authorization);

}  // namespace kiosk::counter_link
