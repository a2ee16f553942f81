// cellos/util/hostname.hpp — host-name syntax and the allowlist matcher shared by the L7 (SNI) and
// DNS proxies (upstream `hostname_allowlist`, docs/util.md). Everything is constexpr
// over std::string_view only, because spec validation runs these checks in constant expressions
// and clang 14 has no constexpr std::string. Decisions marked "our choice" are in docs/util.md.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

#include "cellos/detail/ascii.hpp"

namespace cellos {

namespace detail {

/// Dotted quad, each part 0–255 in decimal without leading zeros (so "01.2.3.4" is not an address:
/// inet_aton would read it as octal, and the WHATWG IPv6 parser refuses it).
[[nodiscard]] constexpr std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view s) noexcept {
    std::array<std::uint8_t, 4> out{};
    std::size_t i = 0;
    for (std::size_t part = 0; part < 4; ++part) {
        const std::size_t start = i;
        unsigned v = 0;
        while (i < s.size() && is_ascii_digit(s[i])) {
            if (i - start == 3) return std::nullopt;
            v = v * 10 + static_cast<unsigned>(s[i] - '0');
            ++i;
        }
        if (i == start || v > 255 || (i - start > 1 && s[start] == '0')) return std::nullopt;
        out[part] = static_cast<std::uint8_t>(v);
        if (part < 3) {
            if (i >= s.size() || s[i] != '.') return std::nullopt;
            ++i;
        }
    }
    if (i != s.size()) return std::nullopt;
    return out;
}

/// RFC 4291 §2.2 text → the eight 16-bit pieces. "::" stands for one or more zero pieces and may
/// occur once; a trailing dotted quad fills the last two pieces. No brackets, no "%zone".
[[nodiscard]] constexpr std::optional<std::array<std::uint16_t, 8>> parse_ipv6(std::string_view s) noexcept {
    std::array<std::uint16_t, 8> p{};
    std::size_t n = 0;          // pieces written so far
    std::size_t compress = 9;   // index in p where "::" stands; 9 = none
    std::size_t i = 0;
    if (s.empty()) return std::nullopt;
    if (s[0] == ':') {
        if (s.size() < 2 || s[1] != ':') return std::nullopt;
        compress = 0;
        i = 2;
    }
    while (i < s.size()) {
        std::size_t j = i;
        unsigned v = 0;
        while (j < s.size() && j - i < 5 && is_ascii_hex(s[j])) v = v * 16 + hex_value(s[j++]);
        if (j < s.size() && s[j] == '.') {  // the rest is an embedded IPv4 address
            const auto v4 = parse_ipv4(s.substr(i));
            if (!v4 || n > 6) return std::nullopt;
            p[n++] = static_cast<std::uint16_t>(((*v4)[0] << 8) | (*v4)[1]);
            p[n++] = static_cast<std::uint16_t>(((*v4)[2] << 8) | (*v4)[3]);
            i = s.size();
            break;
        }
        if (j == i || j - i > 4 || n == 8) return std::nullopt;
        p[n++] = static_cast<std::uint16_t>(v);
        i = j;
        if (i == s.size()) break;
        if (s[i] != ':') return std::nullopt;
        ++i;
        if (i < s.size() && s[i] == ':') {
            if (compress != 9) return std::nullopt;
            compress = n;
            ++i;
        } else if (i == s.size()) {
            return std::nullopt;  // a single trailing ':'
        }
    }
    if (compress == 9) {
        if (n != 8) return std::nullopt;
        return p;
    }
    if (n > 7) return std::nullopt;  // "::" must stand for at least one piece
    std::array<std::uint16_t, 8> r{};
    for (std::size_t k = 0; k < compress; ++k) r[k] = p[k];
    const std::size_t tail = n - compress;
    for (std::size_t k = 0; k < tail; ++k) r[8 - tail + k] = p[compress + k];
    return r;
}

}  // namespace detail

/// A dotted-quad IPv4 address: four decimal parts 0–255, no leading zeros, nothing else.
[[nodiscard]] constexpr bool is_ipv4_literal(std::string_view s) noexcept { return detail::parse_ipv4(s).has_value(); }

/// An IPv6 address in any RFC 4291 text form ("::", "::1", "fe80::1", "::ffff:192.0.2.1"), hex in
/// either case, without brackets or a zone index.
[[nodiscard]] constexpr bool is_ipv6_literal(std::string_view s) noexcept { return detail::parse_ipv6(s).has_value(); }

/// Largest DNS name in text form without the root dot (RFC 1035 §2.3.4: 255 octets on the wire).
inline constexpr std::size_t dns_name_max_length = 253;
/// Largest DNS label (RFC 1035 §2.3.4).
inline constexpr std::size_t dns_label_max_length = 63;

/// An LDH host name (RFC 1123 §2.1): labels of 1–63 ASCII letters, digits and '-', not starting or
/// ending with '-', separated by single dots, at most 253 characters. Our choices: a trailing
/// (root) dot is rejected, so each name has one spelling; a last label of digits only is rejected
/// (RFC 3696 §2), so an IPv4 literal is never a DNS name; '_' is rejected (LDH, as SNI requires).
[[nodiscard]] constexpr bool is_dns_name(std::string_view s) noexcept {
    if (s.empty() || s.size() > dns_name_max_length) return false;
    std::size_t start = 0;
    while (true) {
        std::size_t end = start;
        bool digits_only = true;
        while (end < s.size() && s[end] != '.') {
            const char c = s[end];
            if (!detail::is_ascii_alnum(c) && c != '-') return false;
            digits_only = digits_only && detail::is_ascii_digit(c);
            ++end;
        }
        const std::size_t len = end - start;
        if (len == 0 || len > dns_label_max_length || s[start] == '-' || s[end - 1] == '-') return false;
        if (end == s.size()) return !digits_only;  // the top-level label
        start = end + 1;
    }
}

/// An entry an allowlist may hold: a DNS name (exact match), or "*." followed by a DNS name of at
/// least two labels (our choice: "*.com" would admit a whole TLD). No other '*' anywhere, no IP
/// literals, no trailing dot (our choice, like is_dns_name).
[[nodiscard]] constexpr bool is_valid_allowlist_entry(std::string_view entry) noexcept {
    if (entry.starts_with("*.")) {
        const std::string_view suffix = entry.substr(2);
        return is_dns_name(suffix) && suffix.find('.') != std::string_view::npos;
    }
    return is_dns_name(entry);
}

/// Upstream (docs/util.md): a literal entry matches the same name, ASCII case-insensitively, and nothing
/// below it; "*.suffix" matches names with one or more non-empty labels in front of the suffix,
/// never the apex; an empty host matches nothing. Our choices: one trailing dot is dropped from
/// the host and from the entry first ("example.com." names the same node); an entry with any
/// other '*' (bare "*", "*.", "a.*.b", "**.x") matches nothing; entry syntax is otherwise not
/// checked here (admission does that with is_valid_allowlist_entry).
[[nodiscard]] constexpr bool hostname_matches_entry(std::string_view host, std::string_view entry) noexcept {
    if (host.ends_with('.')) host.remove_suffix(1);
    if (entry.ends_with('.')) entry.remove_suffix(1);
    if (host.empty() || entry.empty()) return false;
    if (!entry.starts_with("*.")) return entry.find('*') == std::string_view::npos && detail::ascii_iequals(host, entry);
    const std::string_view suffix = entry.substr(2);
    if (suffix.empty() || suffix.find('*') != std::string_view::npos) return false;
    if (host.size() < suffix.size() + 2) return false;  // at least "x." in front
    const std::size_t cut = host.size() - suffix.size();
    if (host[cut - 1] != '.' || !detail::ascii_iequals(host.substr(cut), suffix)) return false;
    const std::string_view extra = host.substr(0, cut - 1);  // the labels in front of the suffix
    return !extra.starts_with('.') && !extra.ends_with('.') && extra.find("..") == std::string_view::npos;
}

/// A range whose elements read as string_views (std::array<std::string_view, N>,
/// std::vector<std::string>, a C array of string literals, …).
template <class Range>
concept HostnameList = requires(const Range& r) {
    std::begin(r);
    std::end(r);
    { *std::begin(r) } -> std::convertible_to<std::string_view>;
};

/// Any entry matches `host`. An empty allowlist denies everything.
template <HostnameList Range>
[[nodiscard]] constexpr bool hostname_allowed(std::string_view host, const Range& allowlist) {
    for (const auto& entry : allowlist)
        if (hostname_matches_entry(host, std::string_view(entry))) return true;
    return false;
}

[[nodiscard]] constexpr bool hostname_allowed(std::string_view host, std::initializer_list<std::string_view> allowlist) noexcept {
    for (std::string_view entry : allowlist)
        if (hostname_matches_entry(host, entry)) return true;
    return false;
}

}  // namespace cellos
