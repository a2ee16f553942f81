// cellos/detail/ascii.hpp — ASCII classification and case folding, the one copy every grammar and
// helper uses. Locale-free and constexpr (<cctype> is neither), because the same predicates run in
// static_asserts and at the JSON boundary.
#pragma once

#include <cstddef>
#include <string_view>

namespace cellos::detail {

[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
[[nodiscard]] constexpr bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool is_ascii_alpha(char c) noexcept { return is_ascii_lower(c) || is_ascii_upper(c); }
[[nodiscard]] constexpr bool is_ascii_alnum(char c) noexcept { return is_ascii_alpha(c) || is_ascii_digit(c); }
[[nodiscard]] constexpr bool is_ascii_hex(char c) noexcept {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
[[nodiscard]] constexpr bool is_lower_hex(char c) noexcept { return is_ascii_digit(c) || (c >= 'a' && c <= 'f'); }
/// C0 controls and DEL.
[[nodiscard]] constexpr bool is_ascii_control(char c) noexcept {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}
/// WHATWG "ASCII whitespace" plus VT (what std::isspace accepts in the C locale).
[[nodiscard]] constexpr bool is_ascii_whitespace(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
/// Value of a hex digit (is_ascii_hex(c) must hold).
[[nodiscard]] constexpr unsigned hex_value(char c) noexcept {
    if (is_ascii_digit(c)) return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    return static_cast<unsigned>(c - 'A' + 10);
}
[[nodiscard]] constexpr char ascii_lower(char c) noexcept { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// ASCII case-insensitive equality; other bytes must be identical (no Unicode case folding).
[[nodiscard]] constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

[[nodiscard]] constexpr bool has_control(std::string_view s) noexcept {
    for (char c : s)
        if (is_ascii_control(c)) return true;
    return false;
}

/// Non-empty and every byte an ASCII digit.
[[nodiscard]] constexpr bool is_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_ascii_digit(c)) return false;
    return true;
}

}  // namespace cellos::detail
