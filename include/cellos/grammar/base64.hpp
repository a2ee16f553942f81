// cellos/grammar/base64.hpp — RFC 4648 base64 in canonical form only (`is_base64`, `base64_body`,
// constexpr), and its one codec (`decode_base64_body`, `decode_base64`, `encode_base64`), so that each
// byte string has exactly one text: the standard alphabet, padded, for CloudEvents `data_base64` and
// Binary extensions; the URL alphabet, padding optional, for the trust plane's keys and signatures.
// Namespace `cellos`, as for every grammar header (reason: grammar/rfc3339.hpp).
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

/// RFC 4648 §4 (`+/`) or §5 (`-_`, URL- and filename-safe).
enum class base64_alphabet { standard, url };
/// Whether the "=" padding to a multiple of 4 must be present (CloudEvents `data_base64`) or may be
/// left out (upstream's trust plane writes URL_SAFE_NO_PAD). Present padding is always exact.
enum class base64_padding { required, optional };

namespace detail {
[[nodiscard]] constexpr std::string_view base64_chars(base64_alphabet a) noexcept {
    return a == base64_alphabet::standard ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}
/// The 6-bit value of a character of alphabet `a`, -1 for any other character ('=' included).
[[nodiscard]] constexpr int base64_value(char c, base64_alphabet a = base64_alphabet::standard) noexcept {
    if (is_ascii_upper(c)) return c - 'A';
    if (is_ascii_lower(c)) return c - 'a' + 26;
    if (is_ascii_digit(c)) return c - '0' + 52;
    if (c == (a == base64_alphabet::standard ? '+' : '-')) return 62;
    if (c == (a == base64_alphabet::standard ? '/' : '_')) return 63;
    return -1;
}
}  // namespace detail

/// The data characters of `s` (its padding stripped) when `s` is base64 in canonical form: only
/// characters of `a`, padding as `pad` asks and exactly what the length needs, no whitespace, and
/// zero pad bits (§3.5), so each byte string has exactly one text; nullopt otherwise.
[[nodiscard]] constexpr std::optional<std::string_view> base64_body(std::string_view s, base64_alphabet a,
                                                                    base64_padding pad) noexcept {
    std::size_t pads = 0;
    while (pads < s.size() && s[s.size() - 1 - pads] == '=') ++pads;
    const std::string_view body = s.substr(0, s.size() - pads);
    if (body.size() % 4 == 1) return std::nullopt;
    const std::size_t needed = (4 - body.size() % 4) % 4;
    if (pads != needed && (pads != 0 || pad == base64_padding::required)) return std::nullopt;
    for (char c : body)
        if (detail::base64_value(c, a) < 0) return std::nullopt;
    if (body.size() % 4 == 2 && (detail::base64_value(body.back(), a) & 0x0F) != 0) return std::nullopt;
    if (body.size() % 4 == 3 && (detail::base64_value(body.back(), a) & 0x03) != 0) return std::nullopt;
    return body;
}

/// RFC 4648 §4 base64, canonical form only: the standard alphabet, padding to a multiple of 4, no
/// whitespace, and zero pad bits (§3.5), so each byte string has exactly one text. "" is valid.
[[nodiscard]] constexpr bool is_base64(std::string_view s) noexcept {
    return base64_body(s, base64_alphabet::standard, base64_padding::required).has_value();
}

/// How many bytes a body from base64_body decodes to.
[[nodiscard]] constexpr std::size_t base64_decoded_size(std::string_view body) noexcept {
    return body.size() / 4 * 3 + (body.size() % 4 == 0 ? 0 : body.size() % 4 - 1);
}

/// Decodes a body from base64_body, calling `put(std::uint8_t)` for each byte, so the caller chooses
/// the container (a wiping one for key material).
template <class Put>
constexpr void decode_base64_body(std::string_view body, base64_alphabet a, Put&& put) {
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : body) {
        acc = ((acc << 6) | static_cast<std::uint32_t>(detail::base64_value(c, a))) & 0xFFFFFFu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            put(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
        }
    }
}

/// The bytes of canonical base64 text (standard alphabet, padded); nullopt when !is_base64(s).
[[nodiscard]] inline std::optional<std::vector<std::byte>> decode_base64(std::string_view s) {
    const auto body = base64_body(s, base64_alphabet::standard, base64_padding::required);
    if (!body) return std::nullopt;
    std::vector<std::byte> out;
    out.reserve(base64_decoded_size(*body));
    decode_base64_body(*body, base64_alphabet::standard, [&](std::uint8_t b) { out.push_back(static_cast<std::byte>(b)); });
    return out;
}

/// Canonical base64 of `bytes`, one character at a time into `put` (so a secret can be encoded
/// straight into a wiping buffer): alphabet `a`, padded unless `pad` is optional.
template <class Put>
constexpr void encode_base64_body(std::span<const std::byte> bytes, base64_alphabet a, base64_padding pad, Put&& put) {
    const std::string_view chars = detail::base64_chars(a);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const auto n = (std::to_integer<std::uint32_t>(bytes[i]) << 16) | (std::to_integer<std::uint32_t>(bytes[i + 1]) << 8) |
                       std::to_integer<std::uint32_t>(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) put(chars[(n >> shift) & 0x3F]);
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        std::uint32_t n = std::to_integer<std::uint32_t>(bytes[i]) << 16;
        if (rest == 2) n |= std::to_integer<std::uint32_t>(bytes[i + 1]) << 8;
        put(chars[(n >> 18) & 0x3F]);
        put(chars[(n >> 12) & 0x3F]);
        if (rest == 2) put(chars[(n >> 6) & 0x3F]);
        if (pad == base64_padding::required)
            for (std::size_t k = rest == 2 ? 1 : 2; k > 0; --k) put('=');
    }
}

/// Canonical base64 text of `bytes`: alphabet `a`, padded unless `pad` is optional (then unpadded).
[[nodiscard]] inline std::string encode_base64(std::span<const std::byte> bytes, base64_alphabet a = base64_alphabet::standard,
                                               base64_padding pad = base64_padding::required) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    encode_base64_body(bytes, a, pad, [&](char c) { out += c; });
    return out;
}

}  // namespace cellos
