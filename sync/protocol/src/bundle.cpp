#include "sync/protocol/bundle.hpp"

#include <fmt/format.h>

#include "domain/event.hpp"
#include "json_read.hpp"
#include "sync/protocol/batch.hpp"
#include "sync/protocol/crypto.hpp"

namespace kiosk::sync::protocol {

namespace {

constexpr std::size_t ed25519_signature_size = 64;

std::string validate_bundle(const Bundle& bundle) {
  if (!is_valid_bundle_kind(bundle.kind)) {
    return "kind: must be 1-32 characters of a-z 0-9 _";
  }
  if (bundle.scope != "all" && !is_valid_node_id(bundle.scope)) {
    return "scope: must be \"all\" or a branch/kiosk id";
  }
  if (bundle.version == 0) {
    return "version: must be >= 1";
  }
  auto not_before = domain::parse_rfc3339_utc(bundle.not_before);
  auto expires = domain::parse_rfc3339_utc(bundle.expires);
  if (!not_before) {
    return "not_before: not an RFC 3339 date-time";
  }
  if (!expires) {
    return "expires: not an RFC 3339 date-time";
  }
  if (*expires <= *not_before) {
    return "expires: must be after not_before";
  }
  return {};
}

nlohmann::json bundle_to_json(const Bundle& bundle) {
  nlohmann::json json = detail::object_from_extra(bundle.extra);
  json["kind"] = bundle.kind;
  json["scope"] = bundle.scope;
  json["version"] = bundle.version;
  json["not_before"] = bundle.not_before;
  json["expires"] = bundle.expires;
  json["payload"] = bundle.payload;
  return json;
}

}  // namespace

bool is_valid_bundle_kind(std::string_view kind) {
  if (kind.empty() || kind.size() > 32) {
    return false;
  }
  for (char c : kind) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

Parsed<Bundle> parse_bundle(std::string_view text) {
  using Result = Parsed<Bundle>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("bundle: not a JSON object");
  }
  Bundle bundle;
  for (auto error :
       {detail::read_string(*json, "kind", bundle.kind), detail::read_string(*json, "scope", bundle.scope),
        detail::read_u64(*json, "version", bundle.version),
        detail::read_string(*json, "not_before", bundle.not_before),
        detail::read_string(*json, "expires", bundle.expires)}) {
    if (!error.empty()) {
      return Result::failure("bundle: " + error);
    }
  }
  auto payload = json->find("payload");
  if (payload == json->end()) {
    return Result::failure("bundle: payload: missing");
  }
  bundle.payload = *payload;
  if (auto error = validate_bundle(bundle); !error.empty()) {
    return Result::failure("bundle: " + error);
  }
  bundle.extra =
      detail::unknown_fields(*json, {"kind", "scope", "version", "not_before", "expires", "payload"});
  return Result::success(std::move(bundle));
}

std::string serialize_bundle(const Bundle& bundle) {
  return detail::dump_compact(bundle_to_json(bundle));
}

Parsed<SignedBundle> sign_bundle(const Bundle& bundle, std::string_view private_key_pem) {
  using Result = Parsed<SignedBundle>;
  if (auto error = validate_bundle(bundle); !error.empty()) {
    return Result::failure("bundle: " + error);
  }
  auto key_id = ed25519_key_id(private_key_pem);
  if (!key_id) {
    return Result::failure(key_id.error());
  }
  SignedBundle signed_bundle;
  signed_bundle.bundle_text = serialize_bundle(bundle);
  auto signature = ed25519_sign(signed_bundle.bundle_text, private_key_pem);
  if (!signature) {
    return Result::failure("signing key: not an Ed25519 private key (PEM)");
  }
  signed_bundle.signature = std::move(*signature);
  signed_bundle.key_id = std::move(key_id).value();
  return Result::success(std::move(signed_bundle));
}

Parsed<Bundle> verify_bundle(const SignedBundle& signed_bundle,
                             std::span<const std::string> public_key_pems) {
  bool verified = false;
  for (const auto& pem : public_key_pems) {
    if (ed25519_verify(signed_bundle.bundle_text, signed_bundle.signature, pem)) {
      verified = true;
      break;
    }
  }
  if (!verified) {
    return Parsed<Bundle>::failure(
        fmt::format("signature: does not verify with any of the {} pinned keys (key_id {})",
                    public_key_pems.size(), signed_bundle.key_id));
  }
  return parse_bundle(signed_bundle.bundle_text);
}

Parsed<SignedBundle> parse_signed_bundle(std::string_view text) {
  using Result = Parsed<SignedBundle>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("signed bundle: not a JSON object");
  }
  SignedBundle signed_bundle;
  std::string signature_b64;
  for (auto error :
       {detail::read_version(*json, 1), detail::read_string(*json, "bundle", signed_bundle.bundle_text),
        detail::read_string(*json, "key_id", signed_bundle.key_id),
        detail::read_string(*json, "signature", signature_b64)}) {
    if (!error.empty()) {
      return Result::failure("signed bundle: " + error);
    }
  }
  auto signature = base64_decode(signature_b64);
  if (!signature || signature->size() != ed25519_signature_size) {
    return Result::failure("signed bundle: signature: must be base64 of 64 bytes");
  }
  signed_bundle.signature = std::move(*signature);
  signed_bundle.extra = detail::unknown_fields(*json, {"v", "bundle", "key_id", "signature"});
  return Result::success(std::move(signed_bundle));
}

std::string serialize_signed_bundle(const SignedBundle& signed_bundle) {
  nlohmann::json json = detail::object_from_extra(signed_bundle.extra);
  json["v"] = 1;
  json["bundle"] = signed_bundle.bundle_text;
  json["key_id"] = signed_bundle.key_id;
  json["signature"] = base64_encode(signed_bundle.signature);
  return detail::dump_compact(json);
}

Parsed<BundlePointer> parse_bundle_pointer(std::string_view text) {
  using Result = Parsed<BundlePointer>;
  auto json = detail::parse_json_text(text);
  if (!json || !json->is_object()) {
    return Result::failure("bundle pointer: not a JSON object");
  }
  BundlePointer pointer;
  for (auto error :
       {detail::read_version(*json, 1), detail::read_string(*json, "kind", pointer.kind),
        detail::read_string(*json, "scope", pointer.scope),
        detail::read_u64(*json, "version", pointer.version), detail::read_string(*json, "path", pointer.path),
        detail::read_string(*json, "etag", pointer.etag)}) {
    if (!error.empty()) {
      return Result::failure("bundle pointer: " + error);
    }
  }
  if (pointer.path.empty() || pointer.path.front() != '/') {
    return Result::failure("bundle pointer: path: must start with '/'");
  }
  pointer.extra = detail::unknown_fields(*json, {"v", "kind", "scope", "version", "path", "etag"});
  return Result::success(std::move(pointer));
}

std::string serialize_bundle_pointer(const BundlePointer& pointer) {
  nlohmann::json json = detail::object_from_extra(pointer.extra);
  json["v"] = pointer.v;
  json["kind"] = pointer.kind;
  json["scope"] = pointer.scope;
  json["version"] = pointer.version;
  json["path"] = pointer.path;
  json["etag"] = pointer.etag;
  return detail::dump_compact(json);
}

Parsed<std::string> ed25519_key_id(std::string_view pem) {
  auto raw = ed25519_raw_public_key(pem);
  if (!raw) {
    return Parsed<std::string>::failure("key: not an Ed25519 key in PEM form");
  }
  return Parsed<std::string>::success(sha256_hex(*raw).substr(0, 16));
}

}  // namespace kiosk::sync::protocol
