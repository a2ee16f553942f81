// cellos/grammar/media_type.hpp — RFC 2046 / RFC 2045 §5.1 media type syntax (`parse_media_type`)
// and the JSON-format test CloudEvents applies to it (`is_json_media_type`). Constexpr over
// string_view. Namespace `cellos`, as for every grammar header (reason: grammar/rfc3339.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "cellos/detail/ascii.hpp"

namespace cellos {

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
/// qdtext / quoted-pair octet (RFC 7230 §3.2.6, US-ASCII only): HTAB or a visible character or SP.
[[nodiscard]] constexpr bool is_quoted_text_char(char c) noexcept { return c == '\t' || !is_ascii_control(c); }
/// End of the quoted-string starting at s[i] == '"' (RFC 7230 §3.2.6, US-ASCII), or npos.
[[nodiscard]] constexpr std::size_t quoted_string_end(std::string_view s, std::size_t i) noexcept {
    for (++i; i < s.size(); ++i) {
        const char c = s[i];
        if (static_cast<unsigned char>(c) >= 0x80) return std::string_view::npos;
        if (c == '"') return i + 1;
        if (c == '\\') {
            if (++i >= s.size()) return std::string_view::npos;
            if (static_cast<unsigned char>(s[i]) >= 0x80 || !is_quoted_text_char(s[i])) return std::string_view::npos;
        } else if (!is_quoted_text_char(c)) {
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

/// CloudEvents json-format §3.1.1: a media type declares JSON content when, stripped of
/// parameters, it has the form `*/json` or `*/*+json` (case-insensitive). Not a media type: false.
[[nodiscard]] constexpr bool is_json_media_type(std::string_view s) noexcept {
    const auto m = parse_media_type(s);
    if (!m) return false;
    const std::string_view sub = m->subtype;
    return detail::ascii_iequals(sub, "json") || (sub.size() > 5 && detail::ascii_iequals(sub.substr(sub.size() - 5), "+json"));
}

}  // namespace cellos
