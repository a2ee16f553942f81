// cellos/json/write.hpp — compact JSON text for output. Unlike boost::json::serialize it writes
// doubles in shortest round-trip decimal form (0.95, not 9.5E-1). Member order is preserved; the
// canonical (RFC 8785) form is a separate, later component.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#include <boost/json/value.hpp>

namespace cellos::json {

namespace detail {

inline void write_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
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
