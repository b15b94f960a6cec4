#pragma once
// Sealing personal data (complaint text, contact details, lookup codes) with AES-256-GCM under a device key
// kept in its own file, so a copied database file alone reveals nothing personal.
//
// Sealed format (version 1): 1 version byte (0x01), 12-byte random nonce, ciphertext (same length as the
// plaintext), 16-byte GCM tag. The associated data (AAD) is not stored: the caller passes the same AAD to
// open() as to seal(), and row_aad() builds it from where the value lives (table, row id, column), so a
// sealed value copied into another row or column no longer opens.
//
// Key file: exactly 32 bytes, mode 0600, owned by this process's user. load_or_create() makes one from
// RAND_bytes when none exists: missing directories are created 0700, the key is written to a temporary file
// opened O_CREAT|O_EXCL with mode 0600, fsynced, then linked into place (like rename, but it never replaces
// a key another process made meanwhile) and the directory fsynced, so a crash never leaves a half-written
// key. Refused with a message saying which rule failed, and never used, replaced or repaired silently: a key
// file group or others may use, a symlink or non-regular file, another user's file, a size other than 32
// bytes, or a key directory that group or others may write to (they could swap the key).
//
// Thread-safe: seal() and open() keep no state between calls.

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

class PiiCipher {
 public:
  static constexpr std::size_t k_key_size = 32;
  static constexpr std::size_t k_nonce_size = 12;
  static constexpr std::size_t k_tag_size = 16;
  static constexpr std::byte k_format_version{1};
  // Bytes seal() adds to the plaintext.
  static constexpr std::size_t k_overhead = 1 + k_nonce_size + k_tag_size;

  using Key = std::array<std::byte, k_key_size>;

  // Loads the key at `key_file`, creating it (and its parent directory, 0700) if it does not exist.
  // Never throws: on failure returns nullptr and sets `error` to a message naming the path and the problem
  // (for logs and the staff dashboard; it never contains key bytes).
  static std::unique_ptr<PiiCipher> load_or_create(const std::filesystem::path& key_file, std::string& error);
  // Loads an existing key only (the sync thread or a tool must never mint a second key). Same checks.
  static std::unique_ptr<PiiCipher> load(const std::filesystem::path& key_file, std::string& error);

  // A cipher over a key the caller holds (tests, tools).
  explicit PiiCipher(const Key& key);
  ~PiiCipher();
  PiiCipher(const PiiCipher&) = delete;
  PiiCipher& operator=(const PiiCipher&) = delete;

  // Encrypts `plaintext` bound to `aad`. Every call uses a fresh random nonce, so sealing the same text
  // twice gives different bytes. Throws std::runtime_error only if OpenSSL itself fails (no randomness).
  std::vector<std::byte> seal(std::string_view plaintext, std::string_view aad) const;
  // The plaintext, or nullopt when `sealed` is not a version-1 sealed value, was made under another key
  // or AAD, or was changed in any byte. Never throws.
  std::optional<std::string> open(std::span<const std::byte> sealed, std::string_view aad) const;

  // The AAD for a value stored in `column` of the row `row_id` of `table`: "kiosk-pii/v1\0table\0id\0column".
  static std::string row_aad(std::string_view table, std::string_view row_id, std::string_view column);

 private:
  Key m_key;
};

}  // namespace kiosk::store
