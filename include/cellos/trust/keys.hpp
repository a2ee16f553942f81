// cellos/trust/keys.hpp — the key and signature types of the trust plane. Each is its own type, so
// an HMAC key cannot be passed where an Ed25519 key is expected (and the reverse) and a signature of
// the wrong length or in non-canonical form cannot exist: every factory checks, once, and returns
// a `checked<T>`. Secret material lives only in wiping buffers (CryptoPP::SecByteBlock), is
// move-only, and is never written into a message.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include <cryptopp/secblock.h>

#include "cellos/problem.hpp"
#include "cellos/trust/base64url.hpp"
#include "cellos/trust/ed25519.hpp"

namespace cellos::trust {

/// A read-only view of bytes (messages, raw keys, signatures).
using byte_view = std::span<const std::uint8_t>;

/// The bytes of a string, viewed (no copy).
[[nodiscard]] inline byte_view bytes_of(std::string_view s) noexcept {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

inline constexpr std::size_t ed25519_public_key_size = 32;
inline constexpr std::size_t ed25519_seed_size = 32;
inline constexpr std::size_t ed25519_signature_size = 64;
inline constexpr std::size_t hmac_sha256_size = 32;
/// Shortest HMAC-SHA256 tag accepted (RFC 2104 §5: not less than half the hash output).
inline constexpr std::size_t hmac_sha256_min_tag_size = 16;

using hmac_sha256_tag = std::array<std::uint8_t, hmac_sha256_size>;

/// An Ed25519 public key (RFC 8032 §5.1.5): 32 bytes, a canonical point encoding. Upstream 0.8
/// calls a trusted one a TrustAnchorPublicKey.
class ed25519_public_key {
public:
    /// Refuses anything but 32 bytes holding a canonical encoding (y < p, no "negative zero").
    [[nodiscard]] static checked<ed25519_public_key> from_bytes(byte_view raw) {
        if (raw.size() != ed25519_public_key_size)
            return make_problem(errc::invalid_key, "", "an Ed25519 public key is 32 bytes, not " + std::to_string(raw.size()),
                                "ed25519PublicKeyLength");
        const std::span<const std::uint8_t, 32> encoded_point = raw.first<32>();
        if (!is_canonical_point_encoding(encoded_point))
            return make_problem(errc::invalid_key, "", "the Ed25519 public key is not a canonical point encoding",
                                "ed25519PublicKeyEncoding");
        ed25519_public_key k;
        std::copy(raw.begin(), raw.end(), k.bytes_.begin());
        return k;
    }
    /// From base64url (unpadded, or with correct padding).
    [[nodiscard]] static checked<ed25519_public_key> from_base64url(std::string_view text) {
        const auto raw = decode_base64url(text);
        if (!raw) return make_problem(errc::invalid_key, "", "an Ed25519 public key must be base64url", "ed25519PublicKeyEncoding");
        return from_bytes(byte_view(raw->data(), raw->size()));
    }
    [[nodiscard]] const std::array<std::uint8_t, 32>& bytes() const noexcept { return bytes_; }
    [[nodiscard]] std::string to_base64url() const { return encode_base64url(bytes_); }
    friend bool operator==(const ed25519_public_key&, const ed25519_public_key&) = default;

private:
    ed25519_public_key() = default;
    std::array<std::uint8_t, 32> bytes_{};
};

/// Upstream 0.8's name for a public key a verifier trusts (Ed25519 is the only kind).
using trust_anchor_public_key = ed25519_public_key;

/// An Ed25519 signature (RFC 8032 §5.1.6): 64 bytes R || S, with R a canonical point encoding and
/// S < L. Crypto++ 8.7 alone accepts S >= L (Wycheproof tcId 63, 85): such a signature cannot be
/// built here, so it never reaches a provider and one message has at most one valid signature per key.
class ed25519_signature {
public:
    [[nodiscard]] static checked<ed25519_signature> from_bytes(byte_view raw) {
        if (raw.size() != ed25519_signature_size)
            return make_problem(errc::signature_invalid, "", "an Ed25519 signature is 64 bytes, not " + std::to_string(raw.size()),
                                "ed25519SignatureLength");
        if (!is_scalar_below_group_order(raw.subspan<32, 32>()))
            return make_problem(errc::signature_invalid, "", "the Ed25519 signature's S is not below the group order L",
                                "ed25519ScalarRange");
        const std::span<const std::uint8_t, 32> encoded_r = raw.first<32>();
        if (!is_canonical_point_encoding(encoded_r))
            return make_problem(errc::signature_invalid, "", "the Ed25519 signature's R is not a canonical point encoding",
                                "ed25519PointEncoding");
        ed25519_signature s;
        std::copy(raw.begin(), raw.end(), s.bytes_.begin());
        return s;
    }
    [[nodiscard]] static checked<ed25519_signature> from_base64url(std::string_view text) {
        const auto raw = decode_base64url(text);
        if (!raw) return make_problem(errc::signature_invalid, "", "an Ed25519 signature must be base64url", "signatureEncoding");
        return from_bytes(byte_view(raw->data(), raw->size()));
    }
    [[nodiscard]] const std::array<std::uint8_t, 64>& bytes() const noexcept { return bytes_; }
    [[nodiscard]] std::string to_base64url() const { return encode_base64url(bytes_); }
    friend bool operator==(const ed25519_signature&, const ed25519_signature&) = default;

private:
    ed25519_signature() = default;
    std::array<std::uint8_t, 64> bytes_{};
};

/// An Ed25519 private key: the 32-byte seed of RFC 8032 §5.1.5 (upstream's signing key form), in
/// a wiping buffer. Move-only.
class ed25519_private_key {
public:
    [[nodiscard]] static checked<ed25519_private_key> from_seed(byte_view seed) {
        if (seed.size() != ed25519_seed_size)
            return make_problem(errc::invalid_key, "", "an Ed25519 private key (seed) is 32 bytes, not " + std::to_string(seed.size()),
                                "ed25519SeedLength");
        return ed25519_private_key(CryptoPP::SecByteBlock(seed.data(), seed.size()));
    }
    [[nodiscard]] static checked<ed25519_private_key> from_base64url(std::string_view text) {
        const auto raw = decode_base64url(text);
        if (!raw) return make_problem(errc::invalid_key, "", "an Ed25519 private key must be base64url", "ed25519SeedEncoding");
        return from_seed(byte_view(raw->data(), raw->size()));
    }
    ed25519_private_key(ed25519_private_key&&) noexcept = default;
    ed25519_private_key& operator=(ed25519_private_key&&) noexcept = default;
    ed25519_private_key(const ed25519_private_key&) = delete;
    ed25519_private_key& operator=(const ed25519_private_key&) = delete;
    ~ed25519_private_key() = default;

    /// The seed (for a provider; never log it).
    [[nodiscard]] byte_view seed() const noexcept { return {seed_.data(), seed_.size()}; }

private:
    explicit ed25519_private_key(CryptoPP::SecByteBlock seed) noexcept : seed_(std::move(seed)) {}
    CryptoPP::SecByteBlock seed_;
};

/// An HMAC-SHA256 key: any non-empty byte string (RFC 2104 hashes keys longer than the block), in a
/// wiping buffer. Move-only. A distinct type: it is never an Ed25519 key.
class hmac_key {
public:
    [[nodiscard]] static checked<hmac_key> from_bytes(byte_view raw) {
        if (raw.empty()) return make_problem(errc::invalid_key, "", "an HMAC key must not be empty", "hmacKeyLength");
        return hmac_key(CryptoPP::SecByteBlock(raw.data(), raw.size()));
    }
    [[nodiscard]] static checked<hmac_key> from_base64url(std::string_view text) {
        const auto raw = decode_base64url(text);
        if (!raw) return make_problem(errc::invalid_key, "", "an HMAC key must be base64url", "hmacKeyEncoding");
        return from_bytes(byte_view(raw->data(), raw->size()));
    }
    hmac_key(hmac_key&&) noexcept = default;
    hmac_key& operator=(hmac_key&&) noexcept = default;
    hmac_key(const hmac_key&) = delete;
    hmac_key& operator=(const hmac_key&) = delete;
    ~hmac_key() = default;

    [[nodiscard]] byte_view bytes() const noexcept { return {key_.data(), key_.size()}; }

private:
    explicit hmac_key(CryptoPP::SecByteBlock key) noexcept : key_(std::move(key)) {}
    CryptoPP::SecByteBlock key_;
};

}  // namespace cellos::trust
