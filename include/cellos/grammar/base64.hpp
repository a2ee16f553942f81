// cellos/grammar/base64.hpp — RFC 4648 §4 base64 in canonical form only (`is_base64`, constexpr),
// and its codec (`decode_base64`, `encode_base64`), so that each byte string has exactly one text.
// Used by CloudEvents `data_base64` and Binary extensions. Namespace `cellos`, as for every grammar
// header (reason: grammar/rfc3339.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/detail/ascii.hpp"

namespace cellos {

namespace detail {
inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// The 6-bit value of a standard-alphabet character, -1 for any other character ('=' included).
[[nodiscard]] constexpr int base64_value(char c) noexcept {
    if (is_ascii_upper(c)) return c - 'A';
    if (is_ascii_lower(c)) return c - 'a' + 26;
    if (is_ascii_digit(c)) return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}
}  // namespace detail

/// RFC 4648 §4 base64, canonical form only: the standard alphabet, padding to a multiple of 4, no
/// whitespace, and zero pad bits (§3.5), so each byte string has exactly one text. "" is valid.
[[nodiscard]] constexpr bool is_base64(std::string_view s) noexcept {
    if (s.size() % 4 != 0) return false;
    std::size_t pad = 0;
    if (!s.empty() && s.back() == '=') pad = s.size() >= 2 && s[s.size() - 2] == '=' ? 2 : 1;
    for (std::size_t i = 0; i < s.size() - pad; ++i)
        if (detail::base64_value(s[i]) < 0) return false;
    if (pad == 2) return (detail::base64_value(s[s.size() - 3]) & 0x0F) == 0;
    if (pad == 1) return (detail::base64_value(s[s.size() - 2]) & 0x03) == 0;
    return true;
}

/// The bytes of canonical base64 text; nullopt when !is_base64(s).
[[nodiscard]] inline std::optional<std::vector<std::byte>> decode_base64(std::string_view s) {
    if (!is_base64(s)) return std::nullopt;
    std::vector<std::byte> out;
    out.reserve(s.size() / 4 * 3);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : s) {
        if (c == '=') break;
        acc = (acc << 6) | static_cast<std::uint32_t>(detail::base64_value(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::byte>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

/// Canonical base64 text of `bytes` (padded, standard alphabet).
[[nodiscard]] inline std::string encode_base64(std::span<const std::byte> bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const auto n = (std::to_integer<std::uint32_t>(bytes[i]) << 16) | (std::to_integer<std::uint32_t>(bytes[i + 1]) << 8) |
                       std::to_integer<std::uint32_t>(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out += detail::base64_alphabet[(n >> shift) & 0x3F];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        std::uint32_t n = std::to_integer<std::uint32_t>(bytes[i]) << 16;
        if (rest == 2) n |= std::to_integer<std::uint32_t>(bytes[i + 1]) << 8;
        out += detail::base64_alphabet[(n >> 18) & 0x3F];
        out += detail::base64_alphabet[(n >> 12) & 0x3F];
        out += rest == 2 ? detail::base64_alphabet[(n >> 6) & 0x3F] : '=';
        out += '=';
    }
    return out;
}

}  // namespace cellos
