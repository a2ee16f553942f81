// cellos/detail/debug_quoted.hpp — a string as Rust's `{:?}` prints a &str, for messages that must
// match upstream byte for byte (NoopSecretBroker's refusal quotes the key this way).
#pragma once

#include <string>
#include <string_view>

namespace cellos::detail {

/// `s` in double quotes with Rust's str Debug escapes: \" \\ \n \r \t \0, other ASCII controls and
/// DEL as \u{hex}. Bytes >= 0x80 pass through: Rust would escape only non-printable code points, a
/// table we do not carry (a documented difference, docs/ports.md).
[[nodiscard]] inline std::string debug_quoted(std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\0': out += "\\0"; break;
            default:
                if (u < 0x20 || u == 0x7f) {
                    out += "\\u{";
                    if (u >= 0x10) out += hex[u >> 4];
                    out += hex[u & 0xF];
                    out += '}';
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

}  // namespace cellos::detail
