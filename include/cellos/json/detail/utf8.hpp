// cellos/json/detail/utf8.hpp — strict UTF-8 validation (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), run over the whole input before parsing so that the boundary can name
// the error precisely instead of reporting a generic syntax error.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace cellos::json::detail {

/// Offset of the first byte that starts an invalid sequence, or nullopt when `s` is valid.
[[nodiscard]] constexpr std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) { ++i; continue; }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
        if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
        else if (b0 == 0xE0) { len = 3; lo = 0xA0; }
        else if (b0 >= 0xE1 && b0 <= 0xEC) len = 3;
        else if (b0 == 0xED) { len = 3; hi = 0x9F; }  // excludes UTF-16 surrogates
        else if (b0 >= 0xEE && b0 <= 0xEF) len = 3;
        else if (b0 == 0xF0) { len = 4; lo = 0x90; }
        else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
        else if (b0 == 0xF4) { len = 4; hi = 0x8F; }  // nothing above U+10FFFF
        else return i;
        if (n - i < len) return i;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b1 < lo || b1 > hi) return i;
        for (std::size_t k = 2; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (b < 0x80 || b > 0xBF) return i;
        }
        i += len;
    }
    return std::nullopt;
}

}  // namespace cellos::json::detail
