// cellos/trust/ed25519.hpp — the encoding rules RFC 8032 §5.1.3 / §5.1.7 impose on Ed25519 keys and
// signatures, checked before any provider sees them: Crypto++ 8.7 accepts S >= L (Wycheproof tcId
// 63 and 85), which makes signatures malleable. Public data only, so no constant-time concern.
// constexpr: the tables are indexed, never compared by pointer (g++ 12 sanitizer builds).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace cellos::trust {

/// L = 2^252 + 27742317777372353535851937790883648493, the order of the base point, little-endian.
inline constexpr std::array<std::uint8_t, 32> ed25519_group_order{
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

/// p = 2^255 - 19, the field prime, little-endian.
inline constexpr std::array<std::uint8_t, 32> ed25519_field_prime{
    0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f};

namespace detail {
/// a < b for 32-byte little-endian integers (the top bit of a's last byte masked off when asked).
[[nodiscard]] constexpr bool le_less(std::span<const std::uint8_t, 32> a, const std::array<std::uint8_t, 32>& b,
                                     bool mask_top_bit) noexcept {
    for (std::size_t k = 32; k-- > 0;) {
        const std::uint8_t x = (k == 31 && mask_top_bit) ? static_cast<std::uint8_t>(a[k] & 0x7F) : a[k];
        if (x != b[k]) return x < b[k];
    }
    return false;  // equal
}
}  // namespace detail

/// S < L (RFC 8032 §5.1.7: "If S >= L, the signature is invalid"), S little-endian.
[[nodiscard]] constexpr bool is_scalar_below_group_order(std::span<const std::uint8_t, 32> s) noexcept {
    return detail::le_less(s, ed25519_group_order, false);
}

/// A canonical point encoding (RFC 8032 §5.1.3): the y coordinate (low 255 bits) is below p, and the
/// sign bit is not set on a point whose x is 0 (y = 1 or y = p - 1), which would be a second
/// encoding of the same point. Whether y lies on the curve is the provider's check.
[[nodiscard]] constexpr bool is_canonical_point_encoding(std::span<const std::uint8_t, 32> e) noexcept {
    if (!detail::le_less(e, ed25519_field_prime, true)) return false;
    if ((e[31] & 0x80) == 0) return true;
    bool y_is_one = e[0] == 1, y_is_p_minus_one = e[0] == 0xec;
    for (std::size_t k = 1; k < 32; ++k) {
        const std::uint8_t x = k == 31 ? static_cast<std::uint8_t>(e[k] & 0x7F) : e[k];
        y_is_one = y_is_one && x == 0;
        y_is_p_minus_one = y_is_p_minus_one && x == ed25519_field_prime[k];
    }
    return !y_is_one && !y_is_p_minus_one;
}

}  // namespace cellos::trust
