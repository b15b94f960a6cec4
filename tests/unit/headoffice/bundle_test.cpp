// Bundle signing: a signed bundle verifies with its key or the other pinned key set, and any change to the
// signed text, a wrong key or a malformed document is refused with a message.
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "sync/protocol/bundle.hpp"

namespace kiosk::sync::protocol {
namespace {

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

KeyPair make_ed25519() {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  BIO* priv = BIO_new(BIO_s_mem());
  BIO* pub = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
  PEM_write_bio_PUBKEY(pub, key);
  KeyPair pair{bio_text(priv), bio_text(pub)};
  BIO_free(priv);
  BIO_free(pub);
  EVP_PKEY_free(key);
  return pair;
}

Bundle sample_bundle() {
  Bundle bundle;
  bundle.kind = "surveys";
  bundle.scope = "all";
  bundle.version = 3;
  bundle.not_before = "2026-11-01T00:00:00Z";
  bundle.expires = "2027-11-01T00:00:00Z";
  bundle.payload = {{"surveys", nlohmann::json::array({"s1"})}};
  return bundle;
}

TEST(Bundle, SignAndVerifyWithPinnedKeys) {
  const KeyPair current = make_ed25519();
  const KeyPair next = make_ed25519();
  auto signed_bundle = sign_bundle(sample_bundle(), current.private_pem);
  ASSERT_TRUE(signed_bundle) << signed_bundle.error();
  EXPECT_EQ(signed_bundle.value().key_id, ed25519_key_id(current.public_pem).value());

  auto wire = parse_signed_bundle(serialize_signed_bundle(signed_bundle.value()));
  ASSERT_TRUE(wire) << wire.error();
  const std::vector<std::string> pins{next.public_pem, current.public_pem};
  auto verified = verify_bundle(wire.value(), pins);
  ASSERT_TRUE(verified) << verified.error();
  EXPECT_EQ(verified.value(), sample_bundle());

  const std::vector<std::string> only_next{next.public_pem};
  EXPECT_FALSE(verify_bundle(wire.value(), only_next));

  SignedBundle tampered = wire.value();
  tampered.bundle_text.replace(tampered.bundle_text.find("\"version\":3"), 11, "\"version\":4");
  EXPECT_FALSE(verify_bundle(tampered, pins));
}

TEST(Bundle, RefusesBadKeysAndDocuments) {
  EXPECT_FALSE(sign_bundle(sample_bundle(), "not a key"));
  Bundle expired = sample_bundle();
  expired.expires = expired.not_before;
  EXPECT_FALSE(sign_bundle(expired, make_ed25519().private_pem));
  EXPECT_FALSE(parse_signed_bundle(R"({"v":1,"bundle":"{}","key_id":"x","signature":"AAAA"})"));
  EXPECT_FALSE(parse_signed_bundle("[]"));
  EXPECT_FALSE(ed25519_key_id("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
}

TEST(BundlePointer, RoundTrip) {
  BundlePointer pointer;
  pointer.kind = "config";
  pointer.scope = "br-001";
  pointer.version = 2;
  pointer.path = "/v1/bundles/config?scope=br-001";
  pointer.etag = "\"abc\"";
  auto parsed = parse_bundle_pointer(serialize_bundle_pointer(pointer));
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed.value(), pointer);
}

}  // namespace
}  // namespace kiosk::sync::protocol
