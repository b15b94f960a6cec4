#pragma once
// Salted, slow hashes of staff PINs. The kiosk never stores or logs a PIN: config holds only these hashes,
// and a typed PIN is checked by hashing it again with the stored salt and comparing in constant time.
//
// Stored format (one line, ASCII, no spaces), in the style of passlib/Django:
//
//   pbkdf2-sha256$<iterations>$<salt>$<hash>
//
//   iterations  decimal, at least k_pin_hash_min_iterations (OWASP 2023 for PBKDF2-HMAC-SHA256)
//   salt        16 random bytes (RAND_bytes), standard base64 with padding (24 characters)
//   hash        PBKDF2-HMAC-SHA256(pin, salt, iterations), 32 bytes, standard base64 (44 characters)
//
// A 4-8 digit PIN has at most 10^8 values, so the hash alone cannot stop an attacker who has the config
// file; the iterations make each guess cost ~0.1 s and the staff gate's lockout stops guessing at the kiosk.
// Hashing takes that long on purpose: call these off the UI thread.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::store {

inline constexpr int k_pin_hash_min_iterations = 210'000;
inline constexpr int k_pin_hash_max_iterations = 10'000'000;  // beyond this a check would stall the kiosk
inline constexpr std::string_view k_pin_hash_scheme = "pbkdf2-sha256";

// Hashes `pin` with a fresh random salt. Throws std::invalid_argument for iterations outside
// [k_pin_hash_min_iterations, k_pin_hash_max_iterations] and std::runtime_error when OpenSSL fails.
std::string hash_pin(std::string_view pin, int iterations = k_pin_hash_min_iterations);

// nullopt when `encoded` is a well-formed hash in the format above; otherwise what is wrong with it, in
// words that never repeat the hash (so the message can be logged and shown by check-config).
std::optional<std::string> pin_hash_problem(std::string_view encoded);

// True when `pin` hashes to `encoded`. False for a wrong PIN and for a malformed `encoded` (never throws).
// The comparison of the derived bytes is constant-time (CRYPTO_memcmp).
bool verify_pin(std::string_view pin, std::string_view encoded);

}  // namespace kiosk::store
