// cellos/detail/utf8.hpp — the one UTF-8 decoder (RFC 3629: no overlongs, no surrogates, nothing
// above U+10FFFF). constexpr, so the helpers and the JSON boundary share it in both modes; the
// helpers need the code point itself (one '_' per scalar, C1 controls), the boundary the offset of
// the first bad byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace cellos::detail {

/// One decoded scalar: `length` bytes starting at the offset asked for; length 0 means the bytes
/// there do not start a well-formed sequence.
struct utf8_scalar {
    char32_t code_point = 0;
    std::size_t length = 0;
};

[[nodiscard]] constexpr utf8_scalar decode_utf8_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return {};
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte (Unicode Table 3-7)
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1Fu; }
    else if (b0 == 0xE0) { len = 3; lo = 0xA0; cp = b0 & 0x0Fu; }
    else if (b0 >= 0xE1 && b0 <= 0xEC) { len = 3; cp = b0 & 0x0Fu; }
    else if (b0 == 0xED) { len = 3; hi = 0x9F; cp = b0 & 0x0Fu; }  // excludes UTF-16 surrogates
    else if (b0 >= 0xEE && b0 <= 0xEF) { len = 3; cp = b0 & 0x0Fu; }
    else if (b0 == 0xF0) { len = 4; lo = 0x90; cp = b0 & 0x07u; }
    else if (b0 >= 0xF1 && b0 <= 0xF3) { len = 4; cp = b0 & 0x07u; }
    else if (b0 == 0xF4) { len = 4; hi = 0x8F; cp = b0 & 0x07u; }  // nothing above U+10FFFF
    else return {};
    if (s.size() - i < len) return {};
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return {};
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return {cp, len};
}

/// Offset of the first byte that starts an invalid sequence, or nullopt when `s` is valid.
[[nodiscard]] constexpr std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {  // the common case, without the decoder's bookkeeping
            ++i;
            continue;
        }
        const utf8_scalar c = decode_utf8_at(s, i);
        if (c.length == 0) return i;
        i += c.length;
    }
    return std::nullopt;
}

[[nodiscard]] constexpr bool is_valid_utf8(std::string_view s) noexcept { return !first_invalid_utf8(s).has_value(); }

}  // namespace cellos::detail
