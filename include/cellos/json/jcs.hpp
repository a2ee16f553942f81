// cellos/json/jcs.hpp — RFC 8785 (JSON Canonicalization Scheme): the one byte sequence a signer
// signs and a verifier recomputes, so two parties agree on bytes without agreeing on a serializer.
// Nothing here can be borrowed: boost::json::serialize writes numbers as 4.5E0 and keeps member
// order, and json::to_text keeps order too. Numbers come from parse_strict correctly rounded (it
// re-reads Boost.JSON's doubles with std::from_chars). Walks are iterative, so a hand-built value of
// any depth cannot overflow the stack.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/utf8.hpp"
#include "cellos/json/error.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/write.hpp"

namespace cellos::json {

/// The canonical text, or the first reason there is none (with a JSON pointer).
using jcs_result = checked<std::string>;

namespace detail {

// --- member order: UTF-16 code units (RFC 8785 §3.2.3) -------------------------------------------

/// The code point starting at s[i] of valid UTF-8 `s`; advances i past it.
[[nodiscard]] constexpr char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    char32_t c = b(0);
    std::size_t len = 1;
    if (c >= 0xF0) { c = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); len = 4; }
    else if (c >= 0xE0) { c = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); len = 3; }
    else if (c >= 0xC0) { c = ((c & 0x1F) << 6) | (b(1) & 0x3F); len = 2; }
    i += len;
    return c;
}

/// Three-way comparison of two valid UTF-8 strings as sequences of UTF-16 code units. Differs from
/// byte (= code point) order exactly when U+10000.. (lead surrogate D800–DBFF) meets U+E000–U+FFFF.
[[nodiscard]] constexpr int compare_utf16(std::string_view a, std::string_view b) noexcept {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j] && static_cast<unsigned char>(a[i]) < 0x80) {
            ++i;
            ++j;
            continue;
        }
        const char32_t x = next_code_point(a, i), y = next_code_point(b, j);
        if (x == y) continue;
        const auto lead = [](char32_t c) { return c < 0x10000 ? c : 0xD800 + ((c - 0x10000) >> 10); };
        const auto trail = [](char32_t c) { return 0xDC00 + ((c - 0x10000) & 0x3FF); };
        if (lead(x) != lead(y)) return lead(x) < lead(y) ? -1 : 1;
        return trail(x) < trail(y) ? -1 : 1;  // both astral, same lead: the trails differ
    }
    if (i == a.size() && j == b.size()) return 0;
    return i == a.size() ? -1 : 1;
}

// --- strings (RFC 8785 §3.2.2.2, ECMAScript JSON.stringify) -----------------------------------------

// The escaping is write.hpp's write_string: it already writes exactly what JSON.stringify writes.

// --- numbers (RFC 8785 §3.2.2.3, ECMAScript Number::toString) ---------------------------------------

/// Writes finite `d` as ECMAScript does: shortest round-trip digits, then plain or exponent layout.
inline void write_jcs_number(std::string& out, double d) {
    if (d == 0) {  // +0 and -0 alike
        out += '0';
        return;
    }
    char buf[32];  // "-d.dddddddddddddddde-308": at most 24
    const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view t(buf, static_cast<std::size_t>(r.ptr - buf));
    if (t.front() == '-') {
        out += '-';
        t.remove_prefix(1);
    }
    const std::size_t e = t.find('e');
    char digits[20];
    int k = 0;  // number of significant digits
    for (char c : t.substr(0, e))
        if (c != '.') digits[k++] = c;
    int exponent = 0;
    for (char c : t.substr(e + 2)) exponent = exponent * 10 + (c - '0');
    if (t[e + 1] == '-') exponent = -exponent;
    const int n = exponent + 1;  // the value is 0.digits × 10^n
    const std::string_view s(digits, static_cast<std::size_t>(k));
    if (k <= n && n <= 21) {  // integral: digits then zeros
        out += s;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {  // point inside the digits
        out += s.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += s.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {  // 0.000ddd
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += s;
    } else {  // exponent form: d[.ddd]e±x
        out += s.front();
        if (k > 1) {
            out += '.';
            out += s.substr(1);
        }
        out += n - 1 >= 0 ? "e+" : "e-";
        out += std::to_string(n - 1 >= 0 ? n - 1 : 1 - n);
    }
}

// --- the walk -------------------------------------------------------------------------------------

[[nodiscard]] inline std::string_view key_of(const boost::json::key_value_pair& m) noexcept {
    return std::string_view(m.key().data(), m.key().size());
}

class jcs_writer {
public:
    [[nodiscard]] jcs_result run(const boost::json::value& root) {
        if (auto e = write(root)) return std::move(*e);
        while (!stack_.empty()) {
            frame& f = stack_.back();
            const std::size_t size = f.array ? f.array->size() : f.members.size();
            if (f.next == size) {
                out_ += f.array ? ']' : '}';
                stack_.pop_back();
                continue;
            }
            if (f.next > 0) out_ += ',';
            const boost::json::value* child = nullptr;
            if (f.array) {
                child = &(*f.array)[f.next++];
            } else {
                const boost::json::key_value_pair& m = *f.members[f.next++];
                write_string(out_, key_of(m));
                out_ += ':';
                child = &m.value();
            }
            if (auto e = write(*child)) return std::move(*e);  // may grow stack_: f is dead here
        }
        return std::move(out_);
    }

private:
    struct frame {
        const boost::json::array* array;                         // null for an object
        std::vector<const boost::json::key_value_pair*> members;  // an object's members, sorted
        std::size_t next;                                         // the next element or member to write
    };

    /// The pointer of the value being written (each frame's last started child).
    [[nodiscard]] std::string pointer() const {
        std::string p;
        for (const frame& f : stack_) {
            if (f.array) cellos::detail::append_pointer_token(p, std::to_string(f.next - 1));
            else cellos::detail::append_pointer_token(p, key_of(*f.members[f.next - 1]));
        }
        return p;
    }

    [[nodiscard]] problem fail(errc code, std::string message) const {
        return make_problem(code, pointer(), std::move(message));
    }

    /// Writes a scalar, or opens a container and pushes its frame.
    [[nodiscard]] std::optional<problem> write(const boost::json::value& v) {
        switch (v.kind()) {
            case boost::json::kind::null: out_ += "null"; break;
            case boost::json::kind::bool_: out_ += v.get_bool() ? "true" : "false"; break;
            // JCS numbers are IEEE-754 doubles: integers beyond 2^53 are written as the double they round to
            case boost::json::kind::int64: write_jcs_number(out_, static_cast<double>(v.get_int64())); break;
            case boost::json::kind::uint64: write_jcs_number(out_, static_cast<double>(v.get_uint64())); break;
            case boost::json::kind::double_:
                if (!std::isfinite(v.get_double()))
                    return fail(errc::number_out_of_range, "NaN and Infinity have no canonical JSON form");
                write_jcs_number(out_, v.get_double());
                break;
            case boost::json::kind::string: {
                const std::string_view s(v.get_string().data(), v.get_string().size());
                if (const auto bad = cellos::detail::first_invalid_utf8(s))
                    return fail(errc::invalid_utf8, "string is not valid UTF-8 at byte offset " + std::to_string(*bad));
                write_string(out_, s);
                break;
            }
            case boost::json::kind::array:
                out_ += '[';
                stack_.push_back(frame{&v.get_array(), {}, 0});
                break;
            case boost::json::kind::object: {
                const boost::json::object& o = v.get_object();
                std::vector<const boost::json::key_value_pair*> members;
                members.reserve(o.size());
                for (const boost::json::key_value_pair& m : o) {
                    if (const auto bad = cellos::detail::first_invalid_utf8(key_of(m)))
                        return fail(errc::invalid_utf8, "a member name is not valid UTF-8 at byte offset " + std::to_string(*bad));
                    members.push_back(&m);
                }
                using member = const boost::json::key_value_pair*;
                std::sort(members.begin(), members.end(),
                          [](member x, member y) { return compare_utf16(key_of(*x), key_of(*y)) < 0; });
                out_ += '{';
                stack_.push_back(frame{nullptr, std::move(members), 0});
                break;
            }
        }
        return std::nullopt;
    }

    std::string out_;
    std::vector<frame> stack_;
};

}  // namespace detail

/// The RFC 8785 canonical text of `v`: members sorted by UTF-16 code units, no whitespace, strings
/// as JSON.stringify writes them, every number as the ECMAScript form of its double (int64/uint64
/// are converted to double first, as JCS does). Fails on NaN / Infinity (number_out_of_range) and on
/// invalid UTF-8 in a string or member name (invalid_utf8), both possible only in a value built by
/// hand. Prefer parse_strict over boost::json::parse for the input: Boost.JSON 1.81 reads some
/// decimals one ULP off, parse_strict rounds them correctly.
[[nodiscard]] inline jcs_result canonicalize(const boost::json::value& v) {
    detail::jcs_writer w;
    return w.run(v);
}

/// Text → canonical text: parse_strict (duplicate keys, invalid UTF-8, limits, ... are rejected with
/// its errors; numbers correctly rounded), then canonicalize.
[[nodiscard]] inline jcs_result canonicalize_text(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    return canonicalize(v);
}

}  // namespace cellos::json
