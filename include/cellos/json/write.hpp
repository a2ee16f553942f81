// cellos/json/write.hpp — compact JSON text for output. Unlike boost::json::serialize it writes
// doubles in shortest round-trip decimal form (0.95, not 9.5E-1). Member order is preserved; the
// canonical (RFC 8785) form is a separate, later component.
#pragma once

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <system_error>

#include <boost/json/value.hpp>

namespace cellos::json {

namespace detail {

/// JSON string escaping exactly as ECMAScript JSON.stringify (and so RFC 8785 §3.2.2.2) does it:
/// the two-character escapes, \u00xx (lowercase) for the other controls, everything else verbatim.
/// The canonical writer (jcs.hpp) relies on this being normative, not just readable.
inline void write_string(std::string& out, std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the pending run of bytes copied verbatim
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

inline void write_double(std::string& out, double d) {
    if (!std::isfinite(d)) {  // JSON has no NaN/Infinity; never produced by our own values
        out += "null";
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
    out += text;
    // keep it a JSON number that reads back as a double
    if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
}

inline void write_value(std::string& out, const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::null: out += "null"; break;
        case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
        case boost::json::kind::int64: out += std::to_string(v.get_int64()); break;
        case boost::json::kind::uint64: out += std::to_string(v.get_uint64()); break;
        case boost::json::kind::double_: write_double(out, v.get_double()); break;
        case boost::json::kind::string:
            write_string(out, std::string_view(v.get_string().data(), v.get_string().size()));
            break;
        case boost::json::kind::array: {
            out += '[';
            bool first = true;
            for (const auto& e : v.get_array()) {
                if (!first) out += ',';
                first = false;
                write_value(out, e);
            }
            out += ']';
            break;
        }
        case boost::json::kind::object: {
            out += '{';
            bool first = true;
            for (const auto& m : v.get_object()) {
                if (!first) out += ',';
                first = false;
                write_string(out, std::string_view(m.key().data(), m.key().size()));
                out += ':';
                write_value(out, m.value());
            }
            out += '}';
            break;
        }
    }
}

}  // namespace detail

/// Compact JSON text of `v`.
[[nodiscard]] inline std::string to_text(const boost::json::value& v) {
    std::string out;
    detail::write_value(out, v);
    return out;
}

}  // namespace cellos::json
