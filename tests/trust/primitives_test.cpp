// The strict primitives (cellos/trust/keys.hpp, ed25519.hpp, crypto_provider.hpp, base64url.hpp):
// each refusal has a test that names the rule it expects, so removing the check fails the test.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <cryptopp/xed25519.h>

#include "../doctest.hpp"
#include "test_keys.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;

using cellos_test::hex;

// RFC 8032 §7.1 TEST 2 (one-byte message 0x72).
const auto seed2 = hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
const auto pub2 = hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
const auto sig2 = hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                      "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
const std::vector<std::uint8_t> msg2{0x72};

/// S + L (little-endian add): the malleated twin of a valid signature, which Crypto++ 8.7 accepts.
std::vector<std::uint8_t> add_group_order(std::vector<std::uint8_t> sig) {
    unsigned carry = 0;
    for (std::size_t k = 0; k < 32; ++k) {
        const unsigned sum = sig[32 + k] + ct::ed25519_group_order[k] + carry;
        sig[32 + k] = static_cast<std::uint8_t>(sum & 0xFF);
        carry = sum >> 8;
    }
    return sig;
}

std::string rule_of(const auto& r) { return r ? std::string("<accepted>") : r.error().rule; }

/// A provider that forwards to Crypto++ and counts verifications: the seam an HSM would use.
struct counting_provider {
    using ed25519_signing_key = ct::ed25519_private_key;
    ct::cryptopp_provider inner;
    mutable int verifications = 0;
    [[nodiscard]] ct::sha256_bytes sha256(ct::byte_view m) const { return inner.sha256(m); }
    [[nodiscard]] cellos::checked<ct::hmac_sha256_tag> hmac_sha256(const ct::hmac_key& k, ct::byte_view m) const { return inner.hmac_sha256(k, m); }
    [[nodiscard]] cellos::checked<ct::ed25519_signature> ed25519_sign(const ed25519_signing_key& k, ct::byte_view m) const { return inner.ed25519_sign(k, m); }
    [[nodiscard]] cellos::checked<ct::ed25519_public_key> ed25519_public_key_of(const ed25519_signing_key& k) const { return inner.ed25519_public_key_of(k); }
    [[nodiscard]] bool ed25519_verify(const ct::ed25519_public_key& k, ct::byte_view m, const ct::ed25519_signature& s) const {
        ++verifications;
        return inner.ed25519_verify(k, m, s);
    }
    [[nodiscard]] cellos::checked<ed25519_signing_key> ed25519_generate() const { return inner.ed25519_generate(); }
};
static_assert(ct::CryptoProvider<counting_provider>);
static_assert(!ct::CryptoProvider<int>);

}  // namespace

TEST_CASE("ed25519: a valid RFC 8032 signature verifies; a one-bit change does not") {
    CHECK(ct::verify_ed25519(pub2, msg2, sig2));
    const std::vector<std::uint8_t> other{0x73};
    CHECK(rule_of(ct::verify_ed25519(pub2, other, sig2)) == "ed25519Mismatch");
    auto sig = sig2;
    sig[5] ^= 0x01;  // R changes, still canonical
    CHECK(rule_of(ct::verify_ed25519(pub2, msg2, sig)) == "ed25519Mismatch");
}

TEST_CASE("ed25519: S >= L is refused before the provider (Crypto++ alone accepts S + L)") {
    const auto malleated = add_group_order(sig2);
    // Crypto++ alone accepts it: this is the hole the check closes.
    const CryptoPP::ed25519Verifier raw(pub2.data());
    CHECK(raw.VerifyMessage(msg2.data(), msg2.size(), malleated.data(), malleated.size()));
    counting_provider p;
    CHECK(rule_of(ct::verify_ed25519(pub2, msg2, malleated, p)) == "ed25519ScalarRange");
    CHECK(p.verifications == 0);
    auto s_equals_l = sig2;
    std::copy(ct::ed25519_group_order.begin(), ct::ed25519_group_order.end(), s_equals_l.begin() + 32);
    CHECK(rule_of(ct::ed25519_signature::from_bytes(s_equals_l)) == "ed25519ScalarRange");
    auto s_below_l = s_equals_l;
    s_below_l[32] -= 1;  // L - 1 is in range (and simply does not verify)
    CHECK(ct::ed25519_signature::from_bytes(s_below_l));
    static_assert(!ct::is_scalar_below_group_order(std::span<const std::uint8_t, 32>(ct::ed25519_group_order)));
}

TEST_CASE("ed25519: lengths of keys, seeds and signatures") {
    CHECK(rule_of(ct::verify_ed25519(std::vector<std::uint8_t>(pub2.begin(), pub2.end() - 1), msg2, sig2)) == "ed25519PublicKeyLength");
    auto long_key = pub2;
    long_key.push_back(0);
    CHECK(rule_of(ct::ed25519_public_key::from_bytes(long_key)) == "ed25519PublicKeyLength");
    auto garbage = sig2;
    garbage.push_back(0);  // Crypto++ alone reads 64 bytes and accepts this
    CHECK(rule_of(ct::verify_ed25519(pub2, msg2, garbage)) == "ed25519SignatureLength");
    CHECK(rule_of(ct::verify_ed25519(pub2, msg2, std::vector<std::uint8_t>(sig2.begin(), sig2.end() - 1))) == "ed25519SignatureLength");
    CHECK(rule_of(ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(31, 1))) == "ed25519SeedLength");
    CHECK(rule_of(ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(33, 1))) == "ed25519SeedLength");
    CHECK(ct::ed25519_private_key::from_seed(seed2));
}

TEST_CASE("ed25519: non-canonical point encodings (y >= p, negative zero) are refused") {
    std::vector<std::uint8_t> p(ct::ed25519_field_prime.begin(), ct::ed25519_field_prime.end());
    CHECK(rule_of(ct::ed25519_public_key::from_bytes(p)) == "ed25519PublicKeyEncoding");
    std::vector<std::uint8_t> one(32, 0);
    one[0] = 1;
    CHECK(ct::ed25519_public_key::from_bytes(one));  // the neutral point, canonical
    one[31] |= 0x80;                                  // "-0": x = 0 with the sign bit
    CHECK(rule_of(ct::ed25519_public_key::from_bytes(one)) == "ed25519PublicKeyEncoding");
    auto minus_one = p;
    minus_one[0] -= 1;  // y = p - 1, x = 0
    CHECK(ct::ed25519_public_key::from_bytes(minus_one));
    minus_one[31] |= 0x80;
    CHECK(rule_of(ct::ed25519_public_key::from_bytes(minus_one)) == "ed25519PublicKeyEncoding");
    auto bad_r = sig2;
    std::copy(p.begin(), p.end(), bad_r.begin());  // R = p (y >= p)
    CHECK(rule_of(ct::ed25519_signature::from_bytes(bad_r)) == "ed25519PointEncoding");
    auto ok_r = bad_r;
    ok_r[0] -= 1;  // y = p - 1: canonical
    CHECK(ct::ed25519_signature::from_bytes(ok_r));
}

TEST_CASE("ed25519: sign, derive, generate through the provider") {
    const auto key = ct::ed25519_private_key::from_seed(seed2).value();
    CHECK(ct::ed25519_public_key_of(key).value() == ct::ed25519_public_key::from_bytes(pub2).value());
    const auto sig = ct::sign_ed25519(key, msg2).value();
    CHECK(std::vector<std::uint8_t>(sig.bytes().begin(), sig.bytes().end()) == sig2);
    const auto fresh = ct::generate_ed25519_key().value();
    const auto fresh_pub = ct::ed25519_public_key_of(fresh).value();
    const auto fresh_sig = ct::sign_ed25519(fresh, msg2).value();
    CHECK(ct::verify_ed25519(fresh_pub, msg2, fresh_sig));
    CHECK(rule_of(ct::verify_ed25519(ct::ed25519_public_key::from_bytes(pub2).value(), msg2, fresh_sig)) == "ed25519Mismatch");
    counting_provider p;
    CHECK(ct::verify_ed25519(fresh_pub, msg2, fresh_sig, p));
    CHECK(p.verifications == 1);
}

TEST_CASE("hmac-sha256: full and truncated tags, constant-time compare, lengths") {
    // RFC 4231 test case 2.
    const auto key = ct::hmac_key::from_bytes(hex("4a656665")).value();
    const auto data = hex("7768617420646f2079612077616e7420666f72206e6f7468696e673f");
    const auto expected = hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const auto tag = ct::hmac_sha256(key, data).value();
    CHECK(std::vector<std::uint8_t>(tag.begin(), tag.end()) == expected);
    CHECK(ct::verify_hmac_sha256(key, data, expected));
    CHECK(ct::verify_hmac_sha256(key, data, std::vector<std::uint8_t>(expected.begin(), expected.begin() + 16)));
    for (std::size_t i : {std::size_t{0}, std::size_t{15}, std::size_t{31}}) {
        auto wrong = expected;
        wrong[i] ^= 0x01;
        CHECK(rule_of(ct::verify_hmac_sha256(key, data, wrong)) == "hmacTagMismatch");
    }
    CHECK(rule_of(ct::verify_hmac_sha256(key, data, std::vector<std::uint8_t>(expected.begin(), expected.begin() + 15))) == "hmacTagLength");
    CHECK(rule_of(ct::verify_hmac_sha256(key, data, std::vector<std::uint8_t>{})) == "hmacTagLength");
    auto longer = expected;
    longer.push_back(0);
    CHECK(rule_of(ct::verify_hmac_sha256(key, data, longer)) == "hmacTagLength");
    CHECK(rule_of(ct::hmac_key::from_bytes(std::vector<std::uint8_t>{})) == "hmacKeyLength");
}

TEST_CASE("sha256 through the provider equals the existing digest") {
    const auto d = ct::sha256_of(ct::bytes_of("abc"));
    CHECK(d == ct::sha256("abc"));
}

TEST_CASE("base64url: unpadded, padding tolerated, canonical only") {
    const std::vector<std::uint8_t> bytes{0xfb, 0xff, 0x01, 0x02};
    CHECK(ct::encode_base64url(bytes) == "-_8BAg");
    const auto back = ct::decode_base64url("-_8BAg");
    REQUIRE(back);
    CHECK(std::vector<std::uint8_t>(back->begin(), back->end()) == bytes);
    CHECK(ct::decode_base64url("-_8BAg=="));          // correct padding tolerated
    CHECK(!ct::decode_base64url("-_8BAg="));          // wrong padding
    CHECK(!ct::decode_base64url("-_8BAg==="));
    CHECK(!ct::decode_base64url("+/8BAg"));           // standard alphabet refused
    CHECK(!ct::decode_base64url("-_8BAh"));           // non-zero pad bits (2 mod 4)
    CHECK(ct::decode_base64url("-_8")->size() == 2);
    CHECK(!ct::decode_base64url("-_9"));              // non-zero pad bits (3 mod 4)
    CHECK(!ct::decode_base64url("-_9="));
    CHECK(!ct::decode_base64url("-_8BA"));            // 1 mod 4
    CHECK(!ct::decode_base64url("-_8B Ag"));
    CHECK(ct::decode_base64url("")->size() == 0);
    const auto pk = ct::ed25519_public_key::from_bytes(pub2).value();
    CHECK(pk.to_base64url().size() == 43);
    CHECK(ct::ed25519_public_key::from_base64url(pk.to_base64url()).value() == pk);
    CHECK(ct::ed25519_public_key::from_base64url(pk.to_base64url() + "=").value() == pk);
    CHECK(rule_of(ct::ed25519_public_key::from_base64url("not base64!")) == "ed25519PublicKeyEncoding");
}
