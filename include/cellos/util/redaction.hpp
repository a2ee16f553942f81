// cellos/util/redaction.hpp — removes URL credentials from text before it reaches an operator log
// (upstream `redaction`, docs/util.md; not a crypto primitive). Connection strings
// such as nats://user:pass@host are echoed by client errors, so every log path runs through this.
//
// Two stages, as upstream: (1) the whole input parsed as one URL and, if it carries credentials,
// re-serialized without them the way the WHATWG URL standard (Rust `url` crate) writes it; (2)
// otherwise a textual heuristic on every "://". Stage (1) covers a documented subset of URLs;
// anything outside it goes to stage (2), which still removes the userinfo but keeps the rest of the
// text as it was. Every decision is listed in docs/util.md#redaction.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cellos/util/hostname.hpp"

namespace cellos {

namespace detail {

/// WHATWG special schemes and their default ports (0: none, for file).
struct special_scheme {
    std::string_view name;
    std::uint16_t default_port;
};
inline constexpr std::array<special_scheme, 6> special_schemes{{
    {"ftp", 21}, {"file", 0}, {"http", 80}, {"https", 443}, {"ws", 80}, {"wss", 443},
}};

[[nodiscard]] constexpr const special_scheme* find_special_scheme(std::string_view scheme) noexcept {
    for (const special_scheme& s : special_schemes)
        if (s.name == scheme) return &s;
    return nullptr;
}


/// Appends `s`, percent-encoding (uppercase hex, as the url crate) the bytes listed in `set`.
inline void append_encoded(std::string& out, std::string_view s, std::string_view set) {
    constexpr char hex[] = "0123456789ABCDEF";
    for (const char c : s) {
        if (set.find(c) == std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += hex[static_cast<unsigned char>(c) >> 4];
            out += hex[static_cast<unsigned char>(c) & 0xF];
        }
    }
}

// The printable-ASCII members of the url crate's percent-encode sets (controls, space and
// non-ASCII never reach stage 1). PATH also holds '#' and '?', which cannot occur in a path here.
inline constexpr std::string_view path_encode_set = "\"<>`{}";
inline constexpr std::string_view query_encode_set = "\"<>";
inline constexpr std::string_view special_query_encode_set = "\"<>'";
inline constexpr std::string_view fragment_encode_set = "\"<>`";

[[nodiscard]] constexpr bool is_single_dot_segment(std::string_view s) noexcept {
    return s == "." || ascii_iequals(s, "%2e");
}
[[nodiscard]] constexpr bool is_double_dot_segment(std::string_view s) noexcept {
    return s == ".." || ascii_iequals(s, ".%2e") || ascii_iequals(s, "%2e.") || ascii_iequals(s, "%2e%2e");
}

/// WHATWG path state for a URL with a host: dot segments resolved, each segment encoded.
/// `text` is the path as written (empty, or starting with a separator).
inline std::string serialize_path(std::string_view text, bool special) {
    const auto is_separator = [special](char c) { return c == '/' || (special && c == '\\'); };
    if (text.empty() && !special) return {};
    if (!text.empty()) text.remove_prefix(1);  // the path-start slash
    std::vector<std::string_view> segments;
    while (true) {
        std::size_t end = 0;
        while (end < text.size() && !is_separator(text[end])) ++end;
        const std::string_view segment = text.substr(0, end);
        const bool last = end == text.size();
        if (is_double_dot_segment(segment)) {
            if (!segments.empty()) segments.pop_back();
            if (last) segments.emplace_back();
        } else if (is_single_dot_segment(segment)) {
            if (last) segments.emplace_back();
        } else {
            segments.push_back(segment);
        }
        if (last) break;
        text.remove_prefix(end + 1);
    }
    std::string out;
    for (const std::string_view segment : segments) {
        out += '/';
        append_encoded(out, segment, path_encode_set);
    }
    return out;
}

/// WHATWG IPv6 serializer: lowercase hex, no leading zeros, the first longest run of two or more
/// zero pieces written as "::".
inline std::string serialize_ipv6(const std::array<std::uint16_t, 8>& p) {
    std::size_t best = 8, best_len = 1;
    for (std::size_t i = 0; i < 8;) {
        if (p[i] != 0) { ++i; continue; }
        std::size_t j = i;
        while (j < 8 && p[j] == 0) ++j;
        if (j - i > best_len) { best = i; best_len = j - i; }
        i = j;
    }
    constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == best) {
            out += i == 0 ? "::" : ":";
            i += best_len - 1;
            continue;
        }
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned nibble = (p[i] >> shift) & 0xFu;
            if (nibble != 0 || started || shift == 0) {
                out += hex[nibble];
                started = true;
            }
        }
        if (i != 7) out += ':';
    }
    return out;
}

/// WHATWG "ends in a number": the last label (ignoring one trailing empty label) is decimal
/// digits or 0x-hex, so the host parser would read the whole host as an IPv4 address.
[[nodiscard]] constexpr bool ends_in_a_number(std::string_view host) noexcept {
    if (host.ends_with('.')) {
        if (host.size() == 1) return false;
        host.remove_suffix(1);
    }
    const std::size_t dot = host.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
    if (last.empty()) return false;
    bool digits = true;
    for (const char c : last) digits = digits && is_ascii_digit(c);
    if (digits) return true;
    if (!(last.starts_with("0x") || last.starts_with("0X"))) return false;
    for (const char c : last.substr(2))
        if (!is_ascii_hex(c)) return false;
    return true;
}

/// The host as WHATWG serializes it, or nullopt when it is invalid or outside the subset.
inline std::optional<std::string> serialize_host(std::string_view host, bool special) {
    if (host.starts_with('[')) {
        if (!host.ends_with(']')) return std::nullopt;
        const auto pieces = parse_ipv6(host.substr(1, host.size() - 2));
        if (!pieces) return std::nullopt;
        return "[" + serialize_ipv6(*pieces) + "]";
    }
    if (!special) {  // opaque host: kept as written, case included
        for (const char c : host)
            if (std::string_view("<>[]\\^|").find(c) != std::string_view::npos) return std::nullopt;
        return std::string(host);
    }
    // Domain. Subset: letters, digits, '-', '.', '_' only (no percent-decoding, no IDNA), and no
    // "xn--" label (IDNA would validate the punycode).
    std::string out;
    out.reserve(host.size());
    for (const char c : host) {
        if (!is_ascii_alnum(c) && c != '-' && c != '.' && c != '_') return std::nullopt;
        out += ascii_lower(c);
    }
    for (std::size_t start = 0; start <= out.size();) {
        std::size_t end = out.find('.', start);
        if (end == std::string::npos) end = out.size();
        if (std::string_view(out).substr(start, end - start).starts_with("xn--")) return std::nullopt;
        start = end + 1;
    }
    // WHATWG would read it as IPv4 (hex, octal, short forms); only a plain dotted quad is in the subset.
    if (ends_in_a_number(out) && !is_ipv4_literal(out)) return std::nullopt;
    return out;
}

/// Stage 1: `input` as one URL; its WHATWG serialization without username and password when it
/// parses inside the subset and has credentials, otherwise nullopt.
inline std::optional<std::string> redact_whole_url(std::string_view input) {
    for (const char c : input)  // WHATWG would trim, drop or percent-encode these: not in the subset
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F) return std::nullopt;
    // scheme
    if (input.empty() || !is_ascii_alpha(input[0])) return std::nullopt;
    std::size_t colon = 1;
    while (colon < input.size() && (is_ascii_alnum(input[colon]) || input[colon] == '+' || input[colon] == '-' || input[colon] == '.'))
        ++colon;
    if (colon == input.size() || input[colon] != ':') return std::nullopt;
    std::string scheme;
    for (const char c : input.substr(0, colon)) scheme += ascii_lower(c);
    const special_scheme* special = find_special_scheme(scheme);
    if (special != nullptr && special->name == "file") return std::nullopt;  // file URLs cannot hold credentials
    std::string_view rest = input.substr(colon + 1);
    // authority
    const auto ends_authority = [&](char c) { return c == '/' || c == '?' || c == '#' || (special && c == '\\'); };
    if (special) {
        while (!rest.empty() && (rest[0] == '/' || rest[0] == '\\')) rest.remove_prefix(1);  // any number, as WHATWG
    } else {
        if (!rest.starts_with("//")) return std::nullopt;  // opaque path: no authority, no credentials
        rest.remove_prefix(2);
    }
    std::size_t authority_end = 0;
    while (authority_end < rest.size() && !ends_authority(rest[authority_end])) ++authority_end;
    const std::string_view authority = rest.substr(0, authority_end);
    const std::string_view tail = rest.substr(authority_end);
    const std::size_t at = authority.rfind('@');  // WHATWG: the last '@' ends the userinfo
    if (at == std::string_view::npos) return std::nullopt;
    const std::string_view userinfo = authority.substr(0, at);
    if (userinfo.empty() || userinfo == ":") return std::nullopt;  // empty username and password: none
    const std::string_view host_port = authority.substr(at + 1);
    // host and port
    std::string_view host = host_port, port_text;
    bool has_port = false;
    if (host_port.starts_with('[')) {
        const std::size_t close = host_port.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = host_port.substr(0, close + 1);
        const std::string_view after = host_port.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') return std::nullopt;
            has_port = true;
            port_text = after.substr(1);
        }
    } else if (const std::size_t c = host_port.find(':'); c != std::string_view::npos) {
        host = host_port.substr(0, c);
        has_port = true;
        port_text = host_port.substr(c + 1);
    }
    if (host.empty()) return std::nullopt;
    auto serialized_host = serialize_host(host, special != nullptr);
    if (!serialized_host) return std::nullopt;
    std::optional<std::uint32_t> port;
    if (has_port && !port_text.empty()) {
        std::uint32_t v = 0;
        for (const char c : port_text) {
            if (!is_ascii_digit(c)) return std::nullopt;
            v = v * 10 + static_cast<std::uint32_t>(c - '0');
            if (v > 65535) return std::nullopt;
        }
        if (special == nullptr || v != special->default_port) port = v;
    }
    // path, query, fragment
    const std::size_t hash = tail.find('#');
    const std::string_view before_fragment = tail.substr(0, hash);
    const std::size_t question = before_fragment.find('?');
    std::string out = scheme + "://" + *serialized_host;
    if (port) out += ":" + std::to_string(*port);
    out += serialize_path(before_fragment.substr(0, question), special != nullptr);
    if (question != std::string_view::npos) {
        out += '?';
        append_encoded(out, before_fragment.substr(question + 1), special ? special_query_encode_set : query_encode_set);
    }
    if (hash != std::string_view::npos) {
        out += '#';
        append_encoded(out, tail.substr(hash + 1), fragment_encode_set);
    }
    return out;
}

/// Stage 2: after every "://", the text up to the first '@' is removed together with that '@',
/// provided the '@' comes before the next '/', '?', '#', ASCII whitespace or the end.
inline std::string strip_userinfo_after_schemes(std::string_view input) {
    std::string out(input);
    std::size_t from = 0;
    while (true) {
        const std::size_t mark = out.find("://", from);
        if (mark == std::string::npos) break;
        const std::size_t start = mark + 3;
        std::size_t end = start;
        while (end < out.size() && out[end] != '@' && out[end] != '/' && out[end] != '?' && out[end] != '#' &&
               !is_ascii_whitespace(out[end]))
            ++end;
        if (end < out.size() && out[end] == '@') out.erase(start, end - start + 1);
        from = start;
    }
    return out;
}

}  // namespace detail

/// Credentials removed from `input` for logging (upstream redact_url_credentials_for_logs, docs/util.md). If `input` is one URL with a
/// username or password, the result is its normalized serialization without them
/// ("https://u:p@Example.COM:443" → "https://example.com/"); otherwise the userinfo after every
/// "://" is cut out of the text and nothing else changes. Total: never fails on any bytes.
[[nodiscard]] inline std::string redact_url_credentials_for_logs(std::string_view input) {
    if (auto whole = detail::redact_whole_url(input)) return std::move(*whole);
    return detail::strip_userinfo_after_schemes(input);
}

/// `err_text` with every occurrence of `raw_connection_url` replaced by its redacted form
/// (upstream redact_url_if_echoed_in_text, docs/util.md); unchanged when redaction leaves the URL as it is. Use it on client errors
/// that echo the connection string before logging or wrapping them.
[[nodiscard]] inline std::string redact_url_if_echoed_in_text(std::string_view err_text, std::string_view raw_connection_url) {
    const std::string redacted = redact_url_credentials_for_logs(raw_connection_url);
    if (redacted == raw_connection_url) return std::string(err_text);  // also covers an empty URL
    std::string out;
    std::size_t from = 0;
    while (true) {
        const std::size_t hit = err_text.find(raw_connection_url, from);
        if (hit == std::string_view::npos) break;
        out.append(err_text.substr(from, hit - from));
        out += redacted;
        from = hit + raw_connection_url.size();
    }
    out.append(err_text.substr(from));
    return out;
}

}  // namespace cellos
