// cellos/trust/crypto_provider.hpp — the seam between the trust plane and a cryptographic
// implementation (upstream 0.8's CryptoProvider): a `CryptoProvider` concept, its default
// implementation on Crypto++ 8.7 (`cryptopp_provider`), and the strict primitives every caller
// uses. The strictness lives here, not in the provider: lengths and canonical encodings are checked
// by the key and signature types before a provider runs, and the MAC compare is constant-time here,
// so a plugged-in provider (an HSM / PKCS#11 signer with its own signing-key handle type) cannot
// weaken them. Crypto++ throws; no exception leaves this header.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include <cryptopp/hmac.h>
#include <cryptopp/misc.h>
#include <cryptopp/osrng.h>
#include <cryptopp/secblock.h>
#include <cryptopp/sha.h>
#include <cryptopp/xed25519.h>

#include "cellos/problem.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/sha256.hpp"

namespace cellos::trust {

/// What the trust plane needs from a cryptographic implementation. `ed25519_signing_key` is the
/// provider's own handle for a private key (raw seed bytes in software, a slot/label in an HSM);
/// everything else is public data or an HMAC key. `ed25519_verify` sees only well-formed,
/// canonical inputs (the types guarantee it) and answers the curve equation alone.
template <class P>
concept CryptoProvider =
    requires(const P& p, const typename P::ed25519_signing_key& sk, const ed25519_public_key& pk,
             const ed25519_signature& sig, const hmac_key& hk, byte_view msg) {
        { p.sha256(msg) } -> std::same_as<sha256_bytes>;
        { p.hmac_sha256(hk, msg) } -> std::same_as<checked<hmac_sha256_tag>>;
        { p.ed25519_sign(sk, msg) } -> std::same_as<checked<ed25519_signature>>;
        { p.ed25519_public_key_of(sk) } -> std::same_as<checked<ed25519_public_key>>;
        { p.ed25519_verify(pk, msg, sig) } -> std::same_as<bool>;
        { p.ed25519_generate() } -> std::same_as<checked<typename P::ed25519_signing_key>>;
    };

namespace detail {
[[nodiscard]] inline problem provider_failure(const char* what) {
    return make_problem(errc::crypto_failure, "", std::string("the crypto provider failed: ") + what);
}
}  // namespace detail

/// The default provider: Crypto++ 8.7 (SHA256, HMAC<SHA256>, ed25519Signer / ed25519Verifier,
/// AutoSeededRandomPool). Stateless; each call builds its own Crypto++ objects, so one instance may
/// be shared between threads.
struct cryptopp_provider {
    using ed25519_signing_key = ed25519_private_key;

    [[nodiscard]] sha256_bytes sha256(byte_view msg) const {
        sha256_bytes out{};
        CryptoPP::SHA256().CalculateDigest(out.data(), msg.data(), msg.size());
        return out;
    }

    [[nodiscard]] checked<hmac_sha256_tag> hmac_sha256(const hmac_key& key, byte_view msg) const {
        try {
            hmac_sha256_tag out{};
            CryptoPP::HMAC<CryptoPP::SHA256> mac(key.bytes().data(), key.bytes().size());
            mac.CalculateDigest(out.data(), msg.data(), msg.size());
            return out;
        } catch (const std::exception& e) {
            return detail::provider_failure(e.what());
        }
    }

    [[nodiscard]] checked<ed25519_signature> ed25519_sign(const ed25519_private_key& key, byte_view msg) const {
        try {
            const CryptoPP::ed25519Signer signer(key.seed().data());
            std::array<std::uint8_t, ed25519_signature_size> raw{};
            // Ed25519 signing is deterministic (RFC 8032 §5.1.6): Crypto++ never reads the RNG.
            signer.SignMessage(CryptoPP::NullRNG(), msg.data(), msg.size(), raw.data());
            return ed25519_signature::from_bytes(raw);
        } catch (const std::exception& e) {
            return detail::provider_failure(e.what());
        }
    }

    [[nodiscard]] checked<ed25519_public_key> ed25519_public_key_of(const ed25519_private_key& key) const {
        try {
            const CryptoPP::ed25519Signer signer(key.seed().data());
            const auto& priv = dynamic_cast<const CryptoPP::ed25519PrivateKey&>(signer.GetPrivateKey());
            return ed25519_public_key::from_bytes(byte_view(priv.GetPublicKeyBytePtr(), ed25519_public_key_size));
        } catch (const std::exception& e) {
            return detail::provider_failure(e.what());
        }
    }

    [[nodiscard]] bool ed25519_verify(const ed25519_public_key& key, byte_view msg, const ed25519_signature& sig) const noexcept {
        try {
            const CryptoPP::ed25519Verifier verifier(key.bytes().data());
            return verifier.VerifyMessage(msg.data(), msg.size(), sig.bytes().data(), sig.bytes().size());
        } catch (...) {
            return false;  // a key Crypto++ cannot decode verifies nothing
        }
    }

    [[nodiscard]] checked<ed25519_private_key> ed25519_generate() const {
        try {
            CryptoPP::AutoSeededRandomPool rng;
            CryptoPP::SecByteBlock seed(ed25519_seed_size);
            rng.GenerateBlock(seed.data(), seed.size());
            return ed25519_private_key::from_seed(byte_view(seed.data(), seed.size()));
        } catch (const std::exception& e) {
            return detail::provider_failure(e.what());
        }
    }
};
static_assert(CryptoProvider<cryptopp_provider>);

// --- the strict primitives ----------------------------------------------------------------------

/// SHA-256 of `msg`.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] sha256_bytes sha256_of(byte_view msg, const P& provider = {}) {
    return provider.sha256(msg);
}

/// HMAC-SHA256 (RFC 2104 / RFC 4231) of `msg` under `key`: the full 32-byte tag.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<hmac_sha256_tag> hmac_sha256(const hmac_key& key, byte_view msg, const P& provider = {}) {
    return provider.hmac_sha256(key, msg);
}

/// Whether `tag` is the HMAC-SHA256 of `msg` under `key`, or its leftmost tag.size() bytes
/// (RFC 2104 §5 truncation; 16 to 32 bytes). The comparison is constant-time
/// (CryptoPP::VerifyBufsEqual). Refusals: hmacTagLength, hmacTagMismatch.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<void> verify_hmac_sha256(const hmac_key& key, byte_view msg, byte_view tag, const P& provider = {}) {
    if (tag.size() < hmac_sha256_min_tag_size || tag.size() > hmac_sha256_size)
        return make_problem(errc::signature_invalid, "", "an HMAC-SHA256 tag is 16 to 32 bytes, not " + std::to_string(tag.size()),
                            "hmacTagLength");
    BOOST_OUTCOME_TRY(const hmac_sha256_tag expected, provider.hmac_sha256(key, msg));
    const bool equal = CryptoPP::VerifyBufsEqual(expected.data(), tag.data(), tag.size());
    if (!equal) return make_problem(errc::signature_invalid, "", "the HMAC-SHA256 tag does not match", "hmacTagMismatch");
    return boost::outcome_v2::success();
}

/// A fresh Ed25519 signing key from the provider's randomness (Crypto++: AutoSeededRandomPool).
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<typename P::ed25519_signing_key> generate_ed25519_key(const P& provider = {}) {
    return provider.ed25519_generate();
}

/// The public key of a signing key.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<ed25519_public_key> ed25519_public_key_of(const typename P::ed25519_signing_key& key, const P& provider = {}) {
    return provider.ed25519_public_key_of(key);
}

/// Pure Ed25519 (RFC 8032 §5.1.6) signature of `msg`.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<ed25519_signature> sign_ed25519(const typename P::ed25519_signing_key& key, byte_view msg, const P& provider = {}) {
    return provider.ed25519_sign(key, msg);
}

/// Strict Ed25519 verification of a well-formed signature (the type already holds S < L and a
/// canonical R). Refusal: ed25519Mismatch.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<void> verify_ed25519(const ed25519_public_key& key, byte_view msg, const ed25519_signature& sig,
                                           const P& provider = {}) {
    if (!provider.ed25519_verify(key, msg, sig))
        return make_problem(errc::signature_invalid, "", "the Ed25519 signature does not verify", "ed25519Mismatch");
    return boost::outcome_v2::success();
}

/// Strict Ed25519 verification of raw bytes: 32-byte canonical key, 64-byte signature with S < L
/// and canonical R (refusals of ed25519_public_key::from_bytes / ed25519_signature::from_bytes),
/// then the curve equation.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<void> verify_ed25519(byte_view key, byte_view msg, byte_view sig, const P& provider = {}) {
    BOOST_OUTCOME_TRY(const ed25519_public_key pk, ed25519_public_key::from_bytes(key));
    BOOST_OUTCOME_TRY(const ed25519_signature s, ed25519_signature::from_bytes(sig));
    return verify_ed25519(pk, msg, s, provider);
}

}  // namespace cellos::trust
