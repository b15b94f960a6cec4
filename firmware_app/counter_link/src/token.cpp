#include "counter_link/token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "app/config.hpp"

namespace kiosk::counter_link {
namespace {

constexpr std::size_t k_token_bytes = 32;
// Longer than any token we issue (43) with room for hex-written ones (64); anything longer is junk and
// is not worth hashing.
constexpr std::size_t k_max_token_chars = 128;

std::string sha256_raw(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string to_hex(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size() * 2);
  for (char byte : bytes) {
    text += fmt::format("{:02x}", static_cast<unsigned char>(byte));
  }
  return text;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return std::nullopt;
  }
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    return -1;
  };
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = nibble(hex[i]);
    const int low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    bytes += static_cast<char>(high * 16 + low);
  }
  return bytes;
}

bool is_token_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::string generate_token() {
  std::array<unsigned char, k_token_bytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("the random generator failed; no token made");
  }
  // base64url without padding (RFC 4648 section 5): safe in a header and a file, no quoting needed.
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string token;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += alphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) {
    token += alphabet[(buffer << (6 - bits)) & 0x3F];
  }
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return token;
}

std::string token_sha256_hex(std::string_view token) {
  return to_hex(sha256_raw(token));
}

std::string token_config_entry(const Grant& grant, std::string_view token) {
  return (grant.counter ? std::to_string(*grant.counter) : std::string("display")) + ":" +
         token_sha256_hex(token);
}

TokenBook::TokenBook(const std::vector<std::string>& entries) {
  for (const auto& text : entries) {
    const auto entry = app::parse_counter_token_entry(text);
    if (!entry) {
      continue;
    }
    auto raw = from_hex(entry->sha256_hex);
    if (raw && raw->size() == 32) {
      m_entries.push_back(Entry{Grant{entry->counter}, std::move(*raw)});
    }
  }
}

std::optional<Grant> TokenBook::find(std::string_view presented) const {
  if (presented.empty() || presented.size() > k_max_token_chars) {
    return std::nullopt;
  }
  for (char c : presented) {
    if (!is_token_character(c)) {
      return std::nullopt;
    }
  }
  const std::string digest = sha256_raw(presented);
  std::optional<Grant> found;
  for (const auto& entry : m_entries) {
    // Every entry is compared, whatever matched before.
    if (CRYPTO_memcmp(entry.sha256.data(), digest.data(), digest.size()) == 0 && !found) {
      found = entry.grant;
    }
  }
  return found;
}

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "Bearer ";
  if (authorization.size() <= scheme.size()) {
    return std::nullopt;
  }
  // The scheme name is case-insensitive (RFC 9110 section 11.1).
  for (std::size_t i = 0; i + 1 < scheme.size(); ++i) {
    const char c = authorization[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const char expected =
        (scheme[i] >= 'A' && scheme[i] <= 'Z') ? static_cast<char>(scheme[i] - 'A' + 'a') : scheme[i];
    if (lower != expected) {
      return std::nullopt;
    }
  }
  if (authorization[scheme.size() - 1] != ' ') {
    return std::nullopt;
  }
  auto token = authorization.substr(scheme.size());
  while (!token.empty() && token.back() == ' ') {
    token.remove_suffix(1);
  }
  if (token.empty()) {
    return std::nullopt;
  }
  return token;
}

}  // namespace kiosk::counter_link
