#pragma once
// Small hashing and encoding helpers the wire format needs (OpenSSL 3 underneath).

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::sync::protocol {

// Lowercase hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);
// Standard base64 with padding, no line breaks.
std::string base64_encode(std::string_view bytes);
// nullopt for anything that is not canonical padded base64.
std::optional<std::string> base64_decode(std::string_view text);

// Ed25519 over raw bytes; keys in PEM. sign gives nullopt if the key is not an Ed25519 private key.
std::optional<std::string> ed25519_sign(std::string_view message, std::string_view private_key_pem);
bool ed25519_verify(std::string_view message, std::string_view signature, std::string_view public_key_pem);
// The raw 32-byte public key of an Ed25519 public key PEM, or of the public half of a private key PEM.
std::optional<std::string> ed25519_raw_public_key(std::string_view pem);

}  // namespace kiosk::sync::protocol
