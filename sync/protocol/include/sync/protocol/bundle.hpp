#pragma once
// Downstream bundles (config, surveys, services, bookings, announcements) and their Ed25519 signatures.
//
// A Bundle {kind, scope, version, not_before, expires, payload} is serialized deterministically and that
// exact text is signed. The SignedBundle carries the text as a JSON string, so a verifier checks the very
// bytes that were signed and never has to re-serialize:
//   {"v":1, "bundle":"<bundle json text>", "key_id":"<16 hex>", "signature":"<base64 of 64 bytes>"}
// key_id names the signing key (first 16 hex digits of SHA-256 over the raw 32-byte public key), so kiosks
// can pin a current and a next key. MQTT carries only a BundlePointer (retained); the kiosk fetches the
// SignedBundle over HTTPS from GET /v1/bundles/{kind}?scope=... with ETag.
// Keys are PEM files as written by `openssl genpkey -algorithm ed25519` (PKCS#8) and `openssl pkey -pubout`.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/protocol/parsed.hpp"

namespace kiosk::sync::protocol {

struct Bundle {
  std::string kind;           // "config", "surveys", ...: lowercase [a-z0-9_], 1-32 characters
  std::string scope;          // "all", a branch id or a kiosk id (is_valid_node_id)
  std::uint64_t version = 0;  // monotonic per (kind, scope); >= 1
  std::string not_before;     // RFC 3339 UTC
  std::string expires;        // RFC 3339 UTC, after not_before
  nlohmann::json payload = nlohmann::json::object();
  nlohmann::json extra = nlohmann::json::object();

  friend bool operator==(const Bundle&, const Bundle&) = default;
};

struct SignedBundle {
  std::string bundle_text;  // serialize_bundle() output, exactly the signed bytes
  std::string key_id;
  std::string signature;  // raw 64-byte Ed25519 signature
  nlohmann::json extra = nlohmann::json::object();
};

struct BundlePointer {
  int v = 1;
  std::string kind;
  std::string scope;
  std::uint64_t version = 0;
  std::string path;  // HTTPS path to fetch, e.g. "/v1/bundles/config?scope=br-001"
  std::string etag;  // the ETag the HTTPS endpoint will serve for this version
  nlohmann::json extra = nlohmann::json::object();
  friend bool operator==(const BundlePointer&, const BundlePointer&) = default;
};

bool is_valid_bundle_kind(std::string_view kind);

Parsed<Bundle> parse_bundle(std::string_view text);
std::string serialize_bundle(const Bundle& bundle);

// Signs serialize_bundle(bundle) with an Ed25519 private key (PEM). Fails with a message when the key is
// not an Ed25519 private key or the bundle itself is invalid.
Parsed<SignedBundle> sign_bundle(const Bundle& bundle, std::string_view private_key_pem);
// Checks the signature against each pinned public key (PEM) and returns the bundle if one of them verifies
// and the bundle text parses. Time windows and version monotonicity are the caller's policy.
Parsed<Bundle> verify_bundle(const SignedBundle& signed_bundle, std::span<const std::string> public_key_pems);

Parsed<SignedBundle> parse_signed_bundle(std::string_view text);
std::string serialize_signed_bundle(const SignedBundle& signed_bundle);

Parsed<BundlePointer> parse_bundle_pointer(std::string_view text);
std::string serialize_bundle_pointer(const BundlePointer& pointer);

// The key id of an Ed25519 public key (PEM), or of the public half of a private key (PEM).
Parsed<std::string> ed25519_key_id(std::string_view pem);

}  // namespace kiosk::sync::protocol
