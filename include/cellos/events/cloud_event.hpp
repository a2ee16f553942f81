// cellos/events/cloud_event.hpp — the CloudEvents v1.0 envelope (`cloud_event_v1`) and the rules
// every attribute obeys, written once as constexpr functions over string_view so that the JSON
// boundary (cellos/json/cloud_event.hpp), the model validator below and static_asserts all run the
// very same code. Core header: no Boost.JSON. `data` is kept as text (its compact JSON text, a
// string, or decoded bytes), never as a JSON DOM.
//
// Rules and "our choice" decisions: docs/events.md#cloudevents-v10.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/detail/utf8.hpp"
#include "cellos/problem.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos {

// --- constants ------------------------------------------------------------------------------------

/// The only `specversion` this library reads or writes (every 1.0.x revision uses "1.0").
inline constexpr std::string_view spec_version_1_0 = "1.0";
/// Media type of one event in structured mode (json-format §3).
inline constexpr std::string_view structured_media_type = "application/cloudevents+json";
/// Media type of a batch (json-format §4.2).
inline constexpr std::string_view batch_media_type = "application/cloudevents-batch+json";
/// The Distributed Tracing extension attribute (W3C Trace Context `traceparent`).
inline constexpr std::string_view traceparent_attribute = "traceparent";
/// Our choice: the spec's SHOULD NOT exceed 20 characters is enforced as a MUST.
inline constexpr std::size_t max_attribute_name_length = 20;

/// The context attributes, in the order this library checks and writes them (our choice; follows
/// the CloudEventV1 field order reconstructed in events.md §6, dataschema after datacontenttype).
/// `data` / `data_base64` are checked and written between dataschema and time.
inline constexpr std::array<std::string_view, 8> context_attributes{
    "specversion", "id", "source", "type", "datacontenttype", "dataschema", "time", "subject"};
/// Required context attributes (present, a string, non-empty).
inline constexpr std::array<std::string_view, 4> required_attributes{"specversion", "id", "source", "type"};

// --- character classes ----------------------------------------------------------------------------

namespace detail {

using detail::ascii_iequals;
using detail::ascii_lower;
using detail::is_ascii_alpha;
using detail::is_ascii_digit;
using detail::is_ascii_hex;
using detail::is_lower_hex;

// RFC 3986 §2.2, §2.3
[[nodiscard]] constexpr bool is_unreserved(char c) noexcept {
    return is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
[[nodiscard]] constexpr bool is_sub_delim(char c) noexcept {
    return c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' ||
           c == ';' || c == '=';
}
[[nodiscard]] constexpr bool is_pchar(char c) noexcept { return is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@'; }

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

}  // namespace detail

// --- attribute names ------------------------------------------------------------------------------

/// `[a-z0-9]{1,20}`: the naming rule of every context and extension attribute (spec §Attribute Naming
/// Convention; the 20-character limit is a SHOULD in the spec, enforced here).
[[nodiscard]] constexpr bool is_attribute_name(std::string_view name) noexcept {
    if (name.empty() || name.size() > max_attribute_name_length) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || detail::is_ascii_digit(c))) return false;
    return true;
}

/// Names an extension may not take: the context attributes and the JSON members `data` and
/// `data_base64` (1.0.3-wip: MUST NOT be `data`).
[[nodiscard]] constexpr bool is_reserved_name(std::string_view name) noexcept {
    if (name == "data" || name == "data_base64") return true;
    for (std::string_view a : context_attributes)
        if (a == name) return true;
    return false;
}

// --- CloudEvents String ---------------------------------------------------------------------------

/// A CloudEvents String (spec §Type System): well-formed UTF-8 without the control characters
/// U+0000–U+001F and U+007F–U+009F and without Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE,
/// U+xFFFF). Surrogates cannot occur in well-formed UTF-8 (and the JSON parser refuses lone "\uD800").
[[nodiscard]] constexpr bool is_attribute_string(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const cellos::detail::utf8_scalar c = cellos::detail::decode_utf8_at(s, i);
        if (c.length == 0) return false;
        const char32_t cp = c.code_point;
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu) return false;
        i += c.length;
    }
    return true;
}

// --- RFC 3339 timestamps --------------------------------------------------------------------------

/// A parsed RFC 3339 date-time. `nanosecond` keeps the first 9 fractional digits (further digits
/// are checked, then truncated). `offset_minutes` is local time minus UTC ("-00:00" reads as 0).
struct rfc3339_timestamp {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::uint32_t nanosecond = 0;
    int offset_minutes = 0;

    /// Seconds since 1970-01-01T00:00:00Z of the instant (a leap second 23:59:60 reads as the
    /// following midnight).
    [[nodiscard]] constexpr std::int64_t unix_seconds() const noexcept {
        // days_from_civil (H. Hinnant): proleptic Gregorian calendar
        const std::int64_t y = year - (month <= 2 ? 1 : 0);
        const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
        const std::int64_t yoe = y - era * 400;
        const std::int64_t mp = month > 2 ? month - 3 : month + 9;
        const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
        const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        const std::int64_t days = era * 146097 + doe - 719468;
        return days * 86400 + hour * 3600 + minute * 60 + second - std::int64_t{offset_minutes} * 60;
    }
    friend constexpr bool operator==(const rfc3339_timestamp&, const rfc3339_timestamp&) = default;
};

namespace detail {

[[nodiscard]] constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
[[nodiscard]] constexpr int days_in_month(int y, int m) noexcept {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}
/// Exactly `n` digits at s[i..], as a number; -1 otherwise.
[[nodiscard]] constexpr int digits_at(std::string_view s, std::size_t i, std::size_t n) noexcept {
    if (i + n > s.size()) return -1;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!is_ascii_digit(s[i + k])) return -1;
        v = v * 10 + (s[i + k] - '0');
    }
    return v;
}

}  // namespace detail

/// RFC 3339 §5.6 `date-time`: full-date ("T" / "t") full-time, seconds required, fractional
/// seconds of any length, offset "Z" / "z" / ±hh:mm (hh ≤ 23, mm ≤ 59). Dates are checked against
/// the calendar (leap years); second 60 only at 23:59 UTC (a leap second).
[[nodiscard]] constexpr std::optional<rfc3339_timestamp> parse_rfc3339(std::string_view s) noexcept {
    using detail::digits_at;
    rfc3339_timestamp t;
    // 0123456789012345678
    // YYYY-MM-DDThh:mm:ss
    if (s.size() < 20) return std::nullopt;
    t.year = digits_at(s, 0, 4);
    t.month = digits_at(s, 5, 2);
    t.day = digits_at(s, 8, 2);
    t.hour = digits_at(s, 11, 2);
    t.minute = digits_at(s, 14, 2);
    t.second = digits_at(s, 17, 2);
    if (t.year < 0 || t.month < 0 || t.day < 0 || t.hour < 0 || t.minute < 0 || t.second < 0) return std::nullopt;
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return std::nullopt;
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > detail::days_in_month(t.year, t.month)) return std::nullopt;
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    std::size_t i = 19;
    if (s[i] == '.') {
        ++i;
        const std::size_t first = i;
        std::uint32_t scale = 100'000'000;
        while (i < s.size() && detail::is_ascii_digit(s[i])) {
            t.nanosecond += static_cast<std::uint32_t>(s[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
        if (i == first) return std::nullopt;  // "." needs at least one digit
    }
    if (i >= s.size()) return std::nullopt;  // the offset is required
    if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
    } else if (s[i] == '+' || s[i] == '-') {
        const int h = digits_at(s, i + 1, 2), m = digits_at(s, i + 4, 2);
        if (h < 0 || m < 0 || i + 3 >= s.size() || s[i + 3] != ':' || h > 23 || m > 59) return std::nullopt;
        t.offset_minutes = (s[i] == '-' ? -1 : 1) * (h * 60 + m);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    if (t.second == 60) {  // a leap second is inserted at 23:59:60 UTC only
        const int utc_minute = ((t.hour * 60 + t.minute - t.offset_minutes) % 1440 + 1440) % 1440;
        if (utc_minute != 23 * 60 + 59) return std::nullopt;
    }
    return t;
}

/// Verdict twin of parse_rfc3339.
[[nodiscard]] constexpr bool is_rfc3339_timestamp(std::string_view s) noexcept { return parse_rfc3339(s).has_value(); }

/// The same instant, to the nanosecond (offsets and extra precision are no difference).
[[nodiscard]] constexpr bool same_instant(const rfc3339_timestamp& a, const rfc3339_timestamp& b) noexcept {
    return a.unix_seconds() == b.unix_seconds() && a.nanosecond == b.nanosecond;
}
/// Both are RFC 3339 timestamps of the same instant.
[[nodiscard]] constexpr bool same_instant(std::string_view a, std::string_view b) noexcept {
    const auto x = parse_rfc3339(a), y = parse_rfc3339(b);
    return x && y && same_instant(*x, *y);
}

// --- RFC 2046 media types -------------------------------------------------------------------------

/// The parts of a media type; `parameters` is the text after the subtype ("" or "; charset=utf-8").
struct media_type_parts {
    std::string_view type;
    std::string_view subtype;
    std::string_view parameters;
};

namespace detail {

/// RFC 2045 §5.1 token character: US-ASCII, not SPACE, not a control, not a tspecial.
[[nodiscard]] constexpr bool is_token_char(char c) noexcept {
    if (c <= 0x20 || c >= 0x7F) return false;
    constexpr std::string_view tspecials = "()<>@,;:\\\"/[]?=";
    return tspecials.find(c) == std::string_view::npos;
}
[[nodiscard]] constexpr std::size_t token_end(std::string_view s, std::size_t i) noexcept {
    while (i < s.size() && is_token_char(s[i])) ++i;
    return i;
}
[[nodiscard]] constexpr std::size_t skip_ows(std::string_view s, std::size_t i) noexcept {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}
/// End of the quoted-string starting at s[i] == '"' (RFC 7230 §3.2.6, US-ASCII), or npos.
[[nodiscard]] constexpr std::size_t quoted_string_end(std::string_view s, std::size_t i) noexcept {
    for (++i; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') return i + 1;
        if (c == '\\') {
            if (++i >= s.size()) return std::string_view::npos;
            const char q = s[i];
            if (!(q == '\t' || (q >= 0x20 && q < 0x7F))) return std::string_view::npos;
        } else if (!(c == '\t' || (c >= 0x20 && c < 0x7F))) {
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

}  // namespace detail

/// RFC 2046 / RFC 2045 §5.1 media type syntax: token "/" token *( OWS ";" OWS token "=" ( token /
/// quoted-string ) ), US-ASCII only, whitespace only around ";" (the HTTP form of the grammar,
/// RFC 7231 §3.1.1.1). Top-level types are not checked against the IANA registry.
[[nodiscard]] constexpr std::optional<media_type_parts> parse_media_type(std::string_view s) noexcept {
    using namespace detail;
    const std::size_t slash = token_end(s, 0);
    if (slash == 0 || slash >= s.size() || s[slash] != '/') return std::nullopt;
    const std::size_t sub_end = token_end(s, slash + 1);
    if (sub_end == slash + 1) return std::nullopt;
    std::size_t i = sub_end;
    while (i < s.size()) {
        i = skip_ows(s, i);
        if (i >= s.size() || s[i] != ';') return std::nullopt;
        i = skip_ows(s, i + 1);
        const std::size_t name_end = token_end(s, i);
        if (name_end == i || name_end >= s.size() || s[name_end] != '=') return std::nullopt;
        i = name_end + 1;
        if (i < s.size() && s[i] == '"') {
            i = quoted_string_end(s, i);
            if (i == std::string_view::npos) return std::nullopt;
        } else {
            const std::size_t value_end = token_end(s, i);
            if (value_end == i) return std::nullopt;
            i = value_end;
        }
    }
    return media_type_parts{s.substr(0, slash), s.substr(slash + 1, sub_end - slash - 1), s.substr(sub_end)};
}

/// Verdict twin of parse_media_type.
[[nodiscard]] constexpr bool is_media_type(std::string_view s) noexcept { return parse_media_type(s).has_value(); }

/// json-format §3.1.1: a media type declares JSON content when, stripped of parameters, it has the
/// form `*/json` or `*/*+json` (case-insensitive). Not a media type: false.
[[nodiscard]] constexpr bool is_json_media_type(std::string_view s) noexcept {
    const auto m = parse_media_type(s);
    if (!m) return false;
    const std::string_view sub = m->subtype;
    return detail::ascii_iequals(sub, "json") || (sub.size() > 5 && detail::ascii_iequals(sub.substr(sub.size() - 5), "+json"));
}

// --- RFC 3986 URIs --------------------------------------------------------------------------------

/// The five components of a URI-reference as RFC 3986 Appendix B splits it.
struct uri_parts {
    std::optional<std::string_view> scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
    std::optional<std::string_view> fragment;
};

namespace detail {

/// RFC 3986 Appendix B: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
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

[[nodiscard]] constexpr bool is_scheme(std::string_view s) noexcept {
    if (s.empty() || !is_ascii_alpha(s[0])) return false;
    for (char c : s)
        if (!(is_ascii_alpha(c) || is_ascii_digit(c) || c == '+' || c == '-' || c == '.')) return false;
    return true;
}

/// IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
[[nodiscard]] constexpr bool is_ipvfuture(std::string_view s) noexcept {
    if (s.size() < 4 || (s[0] != 'v' && s[0] != 'V')) return false;
    std::size_t i = 1;
    while (i < s.size() && is_ascii_hex(s[i])) ++i;
    if (i == 1 || i >= s.size() || s[i] != '.' || i + 1 == s.size()) return false;
    for (++i; i < s.size(); ++i)
        if (!(is_unreserved(s[i]) || is_sub_delim(s[i]) || s[i] == ':')) return false;
    return true;
}

/// authority = [ userinfo "@" ] host [ ":" port ]
[[nodiscard]] constexpr bool is_uri_authority(std::string_view a) noexcept {
    const std::size_t at = a.find('@');
    if (at != std::string_view::npos) {
        if (!is_pct_run(a.substr(0, at), [](char c) { return is_unreserved(c) || is_sub_delim(c) || c == ':'; }))
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
        if (!is_pct_run(a, [](char c) { return is_unreserved(c) || is_sub_delim(c); })) return false;  // reg-name / IPv4
    }
    for (char c : port)
        if (!is_ascii_digit(c)) return false;
    return true;
}

[[nodiscard]] constexpr bool is_path_chars(std::string_view s) noexcept {
    return is_pct_run(s, [](char c) { return is_pchar(c) || c == '/'; });
}
[[nodiscard]] constexpr bool is_query_chars(std::string_view s) noexcept {
    return is_pct_run(s, [](char c) { return is_pchar(c) || c == '/' || c == '?'; });
}

}  // namespace detail

/// RFC 3986 §4.1 URI-reference (a URI or a relative reference), syntax only: ASCII, no spaces or
/// controls, "%" only as a pct-encoded triplet, IP literals checked. "" is a valid (empty)
/// reference; CloudEvents' non-empty rule is separate.
[[nodiscard]] constexpr bool is_uri_reference(std::string_view s) noexcept {
    const uri_parts p = detail::split_uri_reference(s);
    if (p.scheme && !detail::is_scheme(*p.scheme)) return false;
    if (p.authority) {
        if (!detail::is_uri_authority(*p.authority)) return false;
    } else if (!p.scheme) {
        // path-noscheme: the first segment of a relative path must not contain ":"
        const std::string_view first_segment = p.path.substr(0, p.path.find('/'));
        if (first_segment.find(':') != std::string_view::npos) return false;
    }
    if (!detail::is_path_chars(p.path)) return false;
    if (p.query && !detail::is_query_chars(*p.query)) return false;
    if (p.fragment && !detail::is_query_chars(*p.fragment)) return false;
    return true;
}

/// The RFC 3986 `URI` rule: a URI-reference with a scheme (absolute; a fragment is allowed, our
/// choice: the CloudEvents type names the `URI` rule; see docs/events.md). Used for `dataschema`.
[[nodiscard]] constexpr bool is_uri(std::string_view s) noexcept {
    return is_uri_reference(s) && detail::split_uri_reference(s).scheme.has_value();
}

// --- RFC 4648 base64 ------------------------------------------------------------------------------

namespace detail {
[[nodiscard]] constexpr int base64_value(char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (is_ascii_digit(c)) return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}
inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
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

// --- W3C Trace Context --------------------------------------------------------------------------

/// W3C Trace Context `traceparent`: version "-" trace-id "-" parent-id "-" trace-flags in lower-case
/// hex (2-32-16-2), version not "ff", trace-id and parent-id not all zeros. Version 00 is exactly 55
/// characters; a later version may continue after a "-" (W3C §3.2.4 forward compatibility).
[[nodiscard]] constexpr bool is_traceparent(std::string_view s) noexcept {
    if (s.size() < 55) return false;
    const auto hex_run = [&](std::size_t from, std::size_t n) {
        bool nonzero = false;
        for (std::size_t i = from; i < from + n; ++i) {
            if (!detail::is_lower_hex(s[i])) return 0;
            nonzero = nonzero || s[i] != '0';
        }
        return nonzero ? 2 : 1;  // 0 not hex, 1 all zeros, 2 hex with a non-zero digit
    };
    if (hex_run(0, 2) == 0 || s.substr(0, 2) == "ff" || s[2] != '-') return false;
    if (hex_run(3, 32) != 2 || s[35] != '-' || hex_run(36, 16) != 2 || s[52] != '-' || hex_run(53, 2) == 0) return false;
    if (s.substr(0, 2) == "00") return s.size() == 55;
    return s.size() == 55 || s[55] == '-';
}

// --- the model ------------------------------------------------------------------------------------

/// `data` given as a JSON string: the string itself (for a non-JSON datacontenttype, the encoded
/// content; for a JSON one, a JSON string value). Never re-parsed as JSON (json-format §3.1.2).
struct text_data {
    std::string text;
    friend bool operator==(const text_data&, const text_data&) = default;
};

/// `data` given as any other JSON value (object, array, number, boolean, null), kept as its compact
/// JSON text in document order (json::to_text), so equal payloads compare equal as text. Only
/// allowed when datacontenttype is absent or declares JSON.
struct json_data {
    std::string json;
    friend bool operator==(const json_data&, const json_data&) = default;
};

/// `data_base64`, decoded (json-format §3.1.2: MUST be decoded to bytes).
struct binary_data {
    std::vector<std::byte> bytes;
    friend bool operator==(const binary_data&, const binary_data&) = default;
};

/// No data (`data` and `data_base64` absent, or `data_base64: null`), or one of the three forms.
using event_data = std::variant<std::monostate, text_data, json_data, binary_data>;

/// The value of an extension attribute as JSON carries it: Boolean, Integer (32-bit) or String.
/// The CloudEvents types Binary, URI, URI-reference and Timestamp travel as strings; see
/// `attribute_type` and `conforms` for typed reading.
using extension_value = std::variant<bool, std::int32_t, std::string>;

struct extension_attribute {
    std::string name;
    extension_value value;
    friend bool operator==(const extension_attribute&, const extension_attribute&) = default;
};

/// Extension attributes, kept sorted by name (byte order) and unique, so that two events with the
/// same attributes compare equal whatever order they arrived in.
class extension_map {
public:
    using const_iterator = std::vector<extension_attribute>::const_iterator;

    /// The value of `name`, or nullptr.
    [[nodiscard]] const extension_value* find(std::string_view name) const noexcept {
        const auto it = lower_bound(name);
        return it != items_.end() && it->name == name ? &it->value : nullptr;
    }
    [[nodiscard]] bool contains(std::string_view name) const noexcept { return find(name) != nullptr; }

    /// Inserts or replaces. The name is not checked here: validate_cloud_event (and the JSON
    /// encoder) refuse invalid names.
    void set(std::string name, extension_value value) {
        auto it = lower_bound(name);
        if (it != items_.end() && it->name == name) {
            items_[static_cast<std::size_t>(it - items_.begin())].value = std::move(value);
            return;
        }
        items_.insert(it, extension_attribute{std::move(name), std::move(value)});
    }
    void set(std::string name, std::string value) { set(std::move(name), extension_value(std::move(value))); }
    void set(std::string name, const char* value) { set(std::move(name), extension_value(std::string(value))); }
    void set(std::string name, std::string_view value) { set(std::move(name), extension_value(std::string(value))); }

    /// Removes `name`; false when it was absent.
    bool erase(std::string_view name) {
        const auto it = lower_bound(name);
        if (it == items_.end() || it->name != name) return false;
        items_.erase(it);
        return true;
    }

    [[nodiscard]] const_iterator begin() const noexcept { return items_.begin(); }
    [[nodiscard]] const_iterator end() const noexcept { return items_.end(); }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] bool empty() const noexcept { return items_.empty(); }

    friend bool operator==(const extension_map&, const extension_map&) = default;

private:
    [[nodiscard]] const_iterator lower_bound(std::string_view name) const noexcept {
        return std::lower_bound(items_.begin(), items_.end(), name,
                                [](const extension_attribute& a, std::string_view n) { return std::string_view(a.name) < n; });
    }
    std::vector<extension_attribute> items_;
};

/// A CloudEvents v1.0 event (structured JSON mode: json::parse_cloud_event / json::to_text).
/// A default-constructed event is not valid (id, source and type are empty): fill them, then
/// `validate_cloud_event` or let the encoder check.
struct cloud_event_v1 {
    std::string specversion{spec_version_1_0};      ///< always "1.0"
    std::string id;                                 ///< non-empty String
    std::string source;                             ///< non-empty URI-reference
    std::string type;                               ///< non-empty String
    std::optional<std::string> datacontenttype;     ///< RFC 2046; absent means application/json
    std::optional<std::string> dataschema;          ///< absolute URI
    std::optional<std::string> subject;             ///< non-empty String
    std::optional<std::string> time;                ///< RFC 3339, kept as received (compare with same_instant)
    event_data data;                                ///< none, text, JSON text or bytes
    extension_map extensions;                       ///< every other attribute, incl. traceparent

    friend bool operator==(const cloud_event_v1&, const cloud_event_v1&) = default;
};

/// The `traceparent` extension when present and a string.
[[nodiscard]] inline std::optional<std::string_view> traceparent(const cloud_event_v1& e) noexcept {
    const extension_value* v = e.extensions.find(traceparent_attribute);
    if (v == nullptr || !std::holds_alternative<std::string>(*v)) return std::nullopt;
    return std::string_view(std::get<std::string>(*v));
}

/// Equal, except that `time` is compared as an instant (same_instant): the comparison the
/// conformance suite asks for ("an offset or extra precision is not a difference").
[[nodiscard]] inline bool equivalent(const cloud_event_v1& a, const cloud_event_v1& b) {
    if (a.time.has_value() != b.time.has_value()) return false;
    if (a.time && *a.time != *b.time && !same_instant(*a.time, *b.time)) return false;
    return a.specversion == b.specversion && a.id == b.id && a.source == b.source && a.type == b.type &&
           a.datacontenttype == b.datacontenttype && a.dataschema == b.dataschema && a.subject == b.subject &&
           a.data == b.data && a.extensions == b.extensions;
}

// --- typed reading of extension values -----------------------------------------------------------

/// The CloudEvents type system (spec §Type System).
enum class attribute_type : std::uint8_t { boolean, integer, string, binary, uri, uri_reference, timestamp };

[[nodiscard]] constexpr std::string_view attribute_type_name(attribute_type t) noexcept {
    constexpr std::array<std::string_view, 7> names{"Boolean", "Integer", "String", "Binary", "URI", "URI-reference", "Timestamp"};
    return names[static_cast<std::size_t>(t)];
}

/// A JSON string read as CloudEvents type `t` (json-format §2.2: only strings are ambiguous).
[[nodiscard]] constexpr bool string_conforms(std::string_view s, attribute_type t) noexcept {
    switch (t) {
        case attribute_type::string: return is_attribute_string(s);
        case attribute_type::binary: return is_base64(s);
        case attribute_type::uri: return is_uri(s);
        case attribute_type::uri_reference: return is_uri_reference(s);
        case attribute_type::timestamp: return is_rfc3339_timestamp(s);
        case attribute_type::boolean:
        case attribute_type::integer: return false;
    }
    return false;
}

/// Whether an extension value can be read as CloudEvents type `t`.
[[nodiscard]] inline bool conforms(const extension_value& v, attribute_type t) noexcept {
    if (std::holds_alternative<bool>(v)) return t == attribute_type::boolean;
    if (std::holds_alternative<std::int32_t>(v)) return t == attribute_type::integer;
    return string_conforms(std::get<std::string>(v), t);
}

// --- the rules, one function per attribute -------------------------------------------------------

/// The first rule a value of context attribute `name` breaks (errc{} when it breaks none):
/// empty_attribute (""), invalid_value (not a CloudEvents String), then per attribute
/// unsupported_spec_version (specversion ≠ "1.0"), invalid_uri (source: URI-reference; dataschema:
/// URI), invalid_media_type (datacontenttype), invalid_timestamp (time). unknown_field when `name`
/// is not a context attribute.
[[nodiscard]] constexpr errc context_attribute_error(std::string_view name, std::string_view value) noexcept {
    if (std::find(context_attributes.begin(), context_attributes.end(), name) == context_attributes.end())
        return errc::unknown_field;
    if (value.empty()) return errc::empty_attribute;
    if (!is_attribute_string(value)) return errc::invalid_value;
    if (name == "specversion") return value == spec_version_1_0 ? errc{} : errc::unsupported_spec_version;
    if (name == "source") return is_uri_reference(value) ? errc{} : errc::invalid_uri;
    if (name == "dataschema") return is_uri(value) ? errc{} : errc::invalid_uri;
    if (name == "datacontenttype") return is_media_type(value) ? errc{} : errc::invalid_media_type;
    if (name == "time") return is_rfc3339_timestamp(value) ? errc{} : errc::invalid_timestamp;
    return errc{};  // id, type, subject: any non-empty String
}

/// invalid_attribute_name when `name` breaks `[a-z0-9]{1,20}` or is reserved (a context attribute,
/// `data`, `data_base64`); errc{} otherwise.
[[nodiscard]] constexpr errc extension_name_error(std::string_view name) noexcept {
    return is_attribute_name(name) && !is_reserved_name(name) ? errc{} : errc::invalid_attribute_name;
}

/// The first rule a string extension value breaks: invalid_value when it is not a CloudEvents
/// String, or when `name` is traceparent and the value is not a W3C traceparent.
[[nodiscard]] constexpr errc extension_string_error(std::string_view name, std::string_view value) noexcept {
    if (!is_attribute_string(value)) return errc::invalid_value;
    if (name == traceparent_attribute && !is_traceparent(value)) return errc::invalid_value;
    return errc{};
}

/// One broken rule: code, RFC 6901 pointer (relative to the event), message.
struct cloud_event_violation {
    errc code{};
    std::string pointer;
    std::string message;
    friend bool operator==(const cloud_event_violation&, const cloud_event_violation&) = default;
};

namespace detail {

/// `s` in double quotes for a message, cut (on a UTF-8 boundary) after 80 bytes.
[[nodiscard]] inline std::string quoted(std::string_view s) {
    constexpr std::size_t limit = 80;
    if (s.size() <= limit) return '"' + std::string(s) + '"';
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return '"' + std::string(s.substr(0, cut)) + "\"…";
}

[[nodiscard]] inline std::string pointer_to(std::string_view member) { return (json_path{} / member).to_pointer(); }

}  // namespace detail

/// The message for `code` broken by context attribute `name` = `value`.
[[nodiscard]] inline std::string context_attribute_message(errc code, std::string_view name, std::string_view value) {
    const std::string n(name);
    switch (code) {
        case errc::empty_attribute: return "attribute \"" + n + "\" must not be empty";
        case errc::invalid_value:
            return "attribute \"" + n + "\" is not a CloudEvents String (a control character U+0000-U+001F or "
                   "U+007F-U+009F, or a Unicode noncharacter)";
        case errc::unsupported_spec_version:
            return "specversion " + detail::quoted(value) + " is not supported (only \"1.0\")";
        case errc::invalid_uri:
            return name == "dataschema" ? "dataschema " + detail::quoted(value) + " is not an absolute URI (RFC 3986: scheme \":\" ...)"
                                        : "source " + detail::quoted(value) + " is not a URI-reference (RFC 3986)";
        case errc::invalid_media_type:
            return "datacontenttype " + detail::quoted(value) +
                   " is not an RFC 2046 media type (type \"/\" subtype, then optional \";\" parameters)";
        case errc::invalid_timestamp:
            return "time " + detail::quoted(value) + " is not an RFC 3339 timestamp (e.g. 2018-04-05T17:31:00Z)";
        default: return "attribute \"" + n + "\" is invalid";
    }
}

/// The message for an invalid extension name.
[[nodiscard]] inline std::string extension_name_message(std::string_view name) {
    if (is_attribute_name(name)) return "attribute name " + detail::quoted(name) + " is reserved";
    return "attribute name " + detail::quoted(name) + " must be 1 to 20 lower-case ASCII letters or digits ([a-z0-9]{1,20})";
}

/// The message for an invalid string extension value.
[[nodiscard]] inline std::string extension_string_message(std::string_view name, std::string_view value) {
    if (!is_attribute_string(value))
        return "extension \"" + std::string(name) +
               "\" is not a CloudEvents String (a control character or a Unicode noncharacter)";
    return "traceparent " + detail::quoted(value) +
           " is not a W3C traceparent (version-traceid-parentid-flags, lower-case hex 2-32-16-2)";
}

/// The data rules that hold whatever carried the event: json_data only with a JSON (or absent)
/// datacontenttype (json-format §3.1.2 MAY, our choice: wrong_type), and json_data is never empty
/// and never a JSON string (that is text_data).
[[nodiscard]] inline std::optional<cloud_event_violation> check_data(const event_data& data,
                                                                     const std::optional<std::string>& datacontenttype) {
    const auto* j = std::get_if<json_data>(&data);
    if (j == nullptr) return std::nullopt;
    const std::size_t first = j->json.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || j->json[first] == '"')
        return cloud_event_violation{errc::invalid_value, "/data",
                                     "json_data must hold a JSON value other than a string (use text_data for a string)"};
    if (datacontenttype && !is_json_media_type(*datacontenttype))
        return cloud_event_violation{errc::wrong_type, "/data",
                                     "data must be a JSON string: datacontenttype " + detail::quoted(*datacontenttype) +
                                         " does not declare JSON (not */json or */*+json)"};
    return std::nullopt;
}

/// Every rule of the model, in the order the JSON decoder applies them (context attributes in
/// `context_attributes` order with data after dataschema, then extensions by name). The first
/// broken rule, or nullopt. The JSON-only rules (types, null, int32 range, data_base64 syntax,
/// duplicate keys) are the decoder's.
[[nodiscard]] inline std::optional<cloud_event_violation> validate_cloud_event(const cloud_event_v1& e) {
    const auto attribute = [](std::string_view name, const std::string* value) -> std::optional<cloud_event_violation> {
        if (value == nullptr) return std::nullopt;
        if (const errc c = context_attribute_error(name, *value); c != errc{})
            return cloud_event_violation{c, detail::pointer_to(name), context_attribute_message(c, name, *value)};
        return std::nullopt;
    };
    const auto optional = [](const std::optional<std::string>& o) { return o ? &*o : nullptr; };
    if (auto v = attribute("specversion", &e.specversion)) return v;
    if (auto v = attribute("id", &e.id)) return v;
    if (auto v = attribute("source", &e.source)) return v;
    if (auto v = attribute("type", &e.type)) return v;
    if (auto v = attribute("datacontenttype", optional(e.datacontenttype))) return v;
    if (auto v = attribute("dataschema", optional(e.dataschema))) return v;
    if (auto v = check_data(e.data, e.datacontenttype)) return v;
    if (auto v = attribute("time", optional(e.time))) return v;
    if (auto v = attribute("subject", optional(e.subject))) return v;
    for (const extension_attribute& x : e.extensions) {
        if (extension_name_error(x.name) != errc{})
            return cloud_event_violation{errc::invalid_attribute_name, detail::pointer_to(x.name), extension_name_message(x.name)};
        if (const auto* s = std::get_if<std::string>(&x.value)) {
            if (extension_string_error(x.name, *s) != errc{})
                return cloud_event_violation{errc::invalid_value, detail::pointer_to(x.name), extension_string_message(x.name, *s)};
        } else if (x.name == traceparent_attribute) {
            return cloud_event_violation{errc::wrong_type, detail::pointer_to(x.name), "traceparent must be a string"};
        }
    }
    return std::nullopt;
}

/// Verdict twin of validate_cloud_event.
[[nodiscard]] inline bool is_valid(const cloud_event_v1& e) { return !validate_cloud_event(e).has_value(); }

}  // namespace cellos
