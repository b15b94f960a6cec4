// PBKDF2-HMAC-SHA256 through OpenSSL 3, which the store already links for AES-GCM. Base64 is OpenSSL's
// EVP_EncodeBlock/EVP_DecodeBlock, with the padding checked by hand because EVP_DecodeBlock does not
// report how much of its output is padding.

#include "store/pin_hash.hpp"

#include <array>
#include <charconv>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace kiosk::store {
namespace {

constexpr std::size_t k_salt_bytes = 16;
constexpr std::size_t k_hash_bytes = 32;

struct ParsedHash {
  int iterations = 0;
  std::vector<unsigned char> salt;
  std::vector<unsigned char> hash;
};

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3), '\0');
  const int written =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

// Strict standard base64 of exactly `expected` bytes; nullopt otherwise.
std::optional<std::vector<unsigned char>> unbase64(std::string_view text, std::size_t expected) {
  if (text.size() != 4 * ((expected + 2) / 3)) {
    return std::nullopt;
  }
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                    c == '/' || c == '=';
    if (!ok) {
      return std::nullopt;
    }
  }
  const std::size_t padding = (3 - expected % 3) % 3;
  const auto first_pad = text.find('=');
  if (padding == 0 ? first_pad != std::string_view::npos : first_pad != text.size() - padding) {
    return std::nullopt;
  }
  std::vector<unsigned char> out(text.size() / 4 * 3);
  const int written = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                      static_cast<int>(text.size()));
  if (written < 0 || static_cast<std::size_t>(written) != out.size()) {
    return std::nullopt;
  }
  out.resize(expected);
  return out;
}

std::vector<unsigned char> derive(std::string_view pin, const std::vector<unsigned char>& salt,
                                  int iterations) {
  std::vector<unsigned char> out(k_hash_bytes);
  if (PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(), static_cast<int>(salt.size()),
                        iterations, EVP_sha256(), static_cast<int>(out.size()), out.data()) != 1) {
    throw std::runtime_error("PBKDF2-HMAC-SHA256 failed in OpenSSL");
  }
  return out;
}

// Parses the format in the header; on failure `problem` says what is wrong.
std::optional<ParsedHash> parse(std::string_view encoded, std::string& problem) {
  std::array<std::string_view, 4> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto end = i + 1 < parts.size() ? encoded.find('$', start) : encoded.size();
    if (end == std::string_view::npos) {
      problem =
          "expected \"pbkdf2-sha256$<iterations>$<salt>$<hash>\" (the line `branch-kiosk hash-pin` prints)";
      return std::nullopt;
    }
    parts[i] = encoded.substr(start, end - start);
    start = end + 1;
  }
  if (parts[0] != k_pin_hash_scheme) {
    problem = fmt::format("unknown hash scheme; expected \"{}\"", k_pin_hash_scheme);
    return std::nullopt;
  }
  ParsedHash parsed;
  const auto* first = parts[1].data();
  const auto* last = first + parts[1].size();
  const auto [end, error] = std::from_chars(first, last, parsed.iterations);
  if (parts[1].empty() || error != std::errc{} || end != last) {
    problem = "the iteration count is not a whole number";
    return std::nullopt;
  }
  if (parsed.iterations < k_pin_hash_min_iterations || parsed.iterations > k_pin_hash_max_iterations) {
    problem = fmt::format("the iteration count must be between {} and {}", k_pin_hash_min_iterations,
                          k_pin_hash_max_iterations);
    return std::nullopt;
  }
  auto salt = unbase64(parts[2], k_salt_bytes);
  if (!salt) {
    problem = fmt::format("the salt must be {} bytes in base64", k_salt_bytes);
    return std::nullopt;
  }
  auto hash = unbase64(parts[3], k_hash_bytes);
  if (!hash) {
    problem = fmt::format("the hash must be {} bytes in base64", k_hash_bytes);
    return std::nullopt;
  }
  parsed.salt = std::move(*salt);
  parsed.hash = std::move(*hash);
  return parsed;
}

}  // namespace

std::string hash_pin(std::string_view pin, int iterations) {
  if (iterations < k_pin_hash_min_iterations || iterations > k_pin_hash_max_iterations) {
    throw std::invalid_argument(fmt::format("PIN hash iterations must be between {} and {}",
                                            k_pin_hash_min_iterations, k_pin_hash_max_iterations));
  }
  std::vector<unsigned char> salt(k_salt_bytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    throw std::runtime_error("no random bytes from OpenSSL for a PIN salt");
  }
  const auto hash = derive(pin, salt, iterations);
  return fmt::format("{}${}${}${}", k_pin_hash_scheme, iterations, base64(salt.data(), salt.size()),
                     base64(hash.data(), hash.size()));
}

std::optional<std::string> pin_hash_problem(std::string_view encoded) {
  std::string problem;
  if (parse(encoded, problem)) {
    return std::nullopt;
  }
  return problem;
}

bool verify_pin(std::string_view pin, std::string_view encoded) {
  std::string problem;
  const auto parsed = parse(encoded, problem);
  if (!parsed) {
    return false;
  }
  try {
    const auto typed = derive(pin, parsed->salt, parsed->iterations);
    return CRYPTO_memcmp(typed.data(), parsed->hash.data(), k_hash_bytes) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace kiosk::store
