// cellos/grammar/uri.hpp — RFC 3986 syntax: `is_uri_reference` (§4.1), `is_uri` (§3, a reference
// with a scheme) and the Appendix B split (`split_uri_reference`). Syntax only, no normalisation or
// resolution. Constexpr over string_view. IP literals use the one IPv6 parser of util/hostname.hpp.
// Namespace `cellos`, as for every grammar header (reason: grammar/rfc3339.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>

#include "cellos/detail/ascii.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos {

/// The five components of a URI-reference as RFC 3986 Appendix B splits it.
struct uri_parts {
    std::optional<std::string_view> scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
    std::optional<std::string_view> fragment;
};

/// RFC 3986 Appendix B: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))? — never fails;
/// whether the components are well-formed is is_uri_reference's question.
[[nodiscard]] constexpr uri_parts split_uri_reference(std::string_view s) noexcept {
    uri_parts p;
    const std::size_t first = s.find_first_of(":/?#");
    if (first != std::string_view::npos && first > 0 && s[first] == ':') {
        p.scheme = s.substr(0, first);
        s.remove_prefix(first + 1);
    }
    if (s.starts_with("//")) {
        s.remove_prefix(2);
        const std::size_t end = std::min(s.find_first_of("/?#"), s.size());
        p.authority = s.substr(0, end);
        s.remove_prefix(end);
    }
    const std::size_t path_end = std::min(s.find_first_of("?#"), s.size());
    p.path = s.substr(0, path_end);
    s.remove_prefix(path_end);
    if (s.starts_with("?")) {
        const std::size_t end = std::min(s.find('#'), s.size());
        p.query = s.substr(1, end - 1);
        s.remove_prefix(end);
    }
    if (s.starts_with("#")) p.fragment = s.substr(1);
    return p;
}

namespace detail {

// RFC 3986 §2.2, §2.3
[[nodiscard]] constexpr bool is_uri_unreserved(char c) noexcept {
    return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
[[nodiscard]] constexpr bool is_uri_sub_delim(char c) noexcept {
    constexpr std::string_view sub_delims = "!$&'()*+,;=";
    return c != '\0' && sub_delims.find(c) != std::string_view::npos;
}
[[nodiscard]] constexpr bool is_uri_pchar(char c) noexcept {
    return is_uri_unreserved(c) || is_uri_sub_delim(c) || c == ':' || c == '@';
}

/// Every character of `s` satisfies `allowed` or starts a pct-encoded triplet "%" HEXDIG HEXDIG.
template <class Allowed>
[[nodiscard]] constexpr bool is_pct_run(std::string_view s, Allowed allowed) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || !is_ascii_hex(s[i + 1]) || !is_ascii_hex(s[i + 2])) return false;
            i += 2;
        } else if (!allowed(s[i])) {
            return false;
        }
    }
    return true;
}

/// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
[[nodiscard]] constexpr bool is_uri_scheme(std::string_view s) noexcept {
    if (s.empty() || !is_ascii_alpha(s[0])) return false;
    for (char c : s)
        if (!(is_ascii_alnum(c) || c == '+' || c == '-' || c == '.')) return false;
    return true;
}

/// IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
[[nodiscard]] constexpr bool is_ipvfuture(std::string_view s) noexcept {
    if (s.size() < 4 || (s[0] != 'v' && s[0] != 'V')) return false;
    std::size_t i = 1;
    while (i < s.size() && is_ascii_hex(s[i])) ++i;
    if (i == 1 || i >= s.size() || s[i] != '.' || i + 1 == s.size()) return false;
    for (++i; i < s.size(); ++i)
        if (!(is_uri_unreserved(s[i]) || is_uri_sub_delim(s[i]) || s[i] == ':')) return false;
    return true;
}

/// authority = [ userinfo "@" ] host [ ":" port ]
[[nodiscard]] constexpr bool is_uri_authority(std::string_view a) noexcept {
    const std::size_t at = a.find('@');
    if (at != std::string_view::npos) {
        if (!is_pct_run(a.substr(0, at), [](char c) { return is_uri_unreserved(c) || is_uri_sub_delim(c) || c == ':'; }))
            return false;
        a.remove_prefix(at + 1);
    }
    std::string_view port;
    if (a.starts_with("[")) {
        const std::size_t close = a.find(']');
        if (close == std::string_view::npos) return false;
        const std::string_view literal = a.substr(1, close - 1);
        if (!cellos::is_ipv6_literal(literal) && !is_ipvfuture(literal)) return false;
        a.remove_prefix(close + 1);
        if (!a.empty()) {
            if (a[0] != ':') return false;
            port = a.substr(1);
        }
    } else {
        const std::size_t colon = a.find(':');
        if (colon != std::string_view::npos) {
            port = a.substr(colon + 1);
            a = a.substr(0, colon);
        }
        if (!is_pct_run(a, [](char c) { return is_uri_unreserved(c) || is_uri_sub_delim(c); })) return false;  // reg-name / IPv4
    }
    return port.empty() || is_digits(port);
}

[[nodiscard]] constexpr bool is_uri_path_chars(std::string_view s) noexcept {
    return is_pct_run(s, [](char c) { return is_uri_pchar(c) || c == '/'; });
}
[[nodiscard]] constexpr bool is_uri_query_chars(std::string_view s) noexcept {
    return is_pct_run(s, [](char c) { return is_uri_pchar(c) || c == '/' || c == '?'; });
}

}  // namespace detail

/// RFC 3986 §4.1 URI-reference (a URI or a relative reference), syntax only: ASCII, no spaces or
/// controls, "%" only as a pct-encoded triplet, IP literals checked. "" is a valid (empty)
/// reference; a "non-empty" rule (CloudEvents `source`) is the caller's.
[[nodiscard]] constexpr bool is_uri_reference(std::string_view s) noexcept {
    const uri_parts p = split_uri_reference(s);
    if (p.scheme && !detail::is_uri_scheme(*p.scheme)) return false;
    if (p.authority) {
        if (!detail::is_uri_authority(*p.authority)) return false;
    } else if (!p.scheme) {
        // path-noscheme: the first segment of a relative path must not contain ":"
        const std::string_view first_segment = p.path.substr(0, p.path.find('/'));
        if (first_segment.find(':') != std::string_view::npos) return false;
    }
    if (!detail::is_uri_path_chars(p.path)) return false;
    if (p.query && !detail::is_uri_query_chars(*p.query)) return false;
    if (p.fragment && !detail::is_uri_query_chars(*p.fragment)) return false;
    return true;
}

/// The RFC 3986 `URI` rule: a URI-reference with a scheme (absolute; a fragment is allowed, the
/// CloudEvents choice for `dataschema`: docs/events.md#our-choices).
[[nodiscard]] constexpr bool is_uri(std::string_view s) noexcept {
    return is_uri_reference(s) && split_uri_reference(s).scheme.has_value();
}

}  // namespace cellos
