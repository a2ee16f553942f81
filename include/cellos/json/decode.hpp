// cellos/json/decode.hpp — strict, non-throwing conversion from a parsed boost::json::value to
// library types. The customisation point is `tag_invoke(decode_tag<T>, const value&, decoder&)`,
// found by ADL next to each type (Boost.JSON's own try_value_to_tag cannot carry a pointer and a
// message in 1.81, which has no conversion contexts). The decoder tracks the JSON pointer.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/enum_table.hpp"
#include "cellos/json/error.hpp"

namespace cellos::json {

template <class T>
struct decode_tag {};

/// Carries the JSON pointer of the value being decoded.
class decoder {
public:
    decoder() = default;
    explicit decoder(std::string base) : pointer_(std::move(base)) {}

    [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }

    /// A failure at the current location.
    [[nodiscard]] problem fail(errc code, std::string message) const {
        return make_problem(code, pointer_, std::move(message));
    }

    /// RAII: descend into a member or an element for the lifetime of the guard.
    class scope {
    public:
        scope(decoder& d, std::string_view token) : d_(d), size_(d.pointer_.size()) {
            cellos::detail::append_pointer_token(d.pointer_, token);
        }
        scope(decoder& d, std::size_t index) : scope(d, std::string_view(std::to_string(index))) {}
        scope(const scope&) = delete;
        scope& operator=(const scope&) = delete;
        ~scope() { d_.pointer_.resize(size_); }

    private:
        decoder& d_;
        std::size_t size_;
    };

private:
    std::string pointer_;
};

/// Decode `v` as T (dispatches to the ADL tag_invoke overload).
template <class T>
[[nodiscard]] checked<T> decode(const boost::json::value& v, decoder& d) {
    return tag_invoke(decode_tag<T>{}, v, d);
}

namespace detail {
[[nodiscard]] inline std::string_view kind_name(const boost::json::value& v) noexcept {
    switch (v.kind()) {
        case boost::json::kind::null: return "null";
        case boost::json::kind::bool_: return "a boolean";
        case boost::json::kind::int64:
        case boost::json::kind::uint64:
        case boost::json::kind::double_: return "a number";
        case boost::json::kind::string: return "a string";
        case boost::json::kind::array: return "an array";
        case boost::json::kind::object: return "an object";
    }
    return "a value";
}
[[nodiscard]] inline problem wrong_type(const boost::json::value& v, decoder& d, std::string_view expected) {
    return d.fail(errc::wrong_type, "expected " + std::string(expected) + ", found " + std::string(kind_name(v)));
}
}  // namespace detail

// --- primitives -----------------------------------------------------------------------------

[[nodiscard]] inline checked<std::string> tag_invoke(decode_tag<std::string>, const boost::json::value& v, decoder& d) {
    if (!v.is_string()) return detail::wrong_type(v, d, "a string");
    return std::string(v.get_string().data(), v.get_string().size());
}

[[nodiscard]] inline checked<bool> tag_invoke(decode_tag<bool>, const boost::json::value& v, decoder& d) {
    if (!v.is_bool()) return detail::wrong_type(v, d, "a boolean");
    return v.get_bool();
}

/// Finite numbers only (the parser already refuses 1e400); integers convert exactly or are refused.
[[nodiscard]] inline checked<double> tag_invoke(decode_tag<double>, const boost::json::value& v, decoder& d) {
    constexpr std::int64_t exact = std::int64_t{1} << 53;  // every integer up to 2^53 is a double
    if (v.is_double()) return v.get_double();
    if (v.is_int64() && v.get_int64() <= exact && v.get_int64() >= -exact) return static_cast<double>(v.get_int64());
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(exact)) return static_cast<double>(v.get_uint64());
    if (v.is_int64() || v.is_uint64()) return d.fail(errc::number_out_of_range, "integer is not exactly representable as a double");
    return detail::wrong_type(v, d, "a number");
}

/// Integer literals only (2.0 and 1e2 are refused), within the range of I and within ±2^53: larger
/// integers are not interoperable (I-JSON, RFC 7493 §2.2) and RFC 8785 would write 2^53 and 2^53+1
/// alike, so two different documents would share a canonical hash.
template <class I>
    requires(std::is_integral_v<I> && !std::is_same_v<I, bool>)
[[nodiscard]] checked<I> tag_invoke(decode_tag<I>, const boost::json::value& v, decoder& d) {
    constexpr std::int64_t safe = std::int64_t{1} << 53;
    // A literal beyond 64 bits (18446744073709551616) reaches us as a double: out of range, like any
    // number of that magnitude; smaller doubles (2.0, 1e2) are not integer literals: wrong_type.
    if ((v.is_int64() && (v.get_int64() > safe || v.get_int64() < -safe)) ||
        (v.is_uint64() && v.get_uint64() > static_cast<std::uint64_t>(safe)) ||
        (v.is_double() && std::fabs(v.get_double()) > static_cast<double>(safe)))
        return d.fail(errc::number_out_of_range, "integer beyond 2^53 (not interoperable: I-JSON, RFC 7493)");
    if (v.is_int64()) {
        const std::int64_t x = v.get_int64();
        if (std::in_range<I>(x)) return static_cast<I>(x);
    } else if (v.is_uint64()) {
        const std::uint64_t x = v.get_uint64();
        if (std::in_range<I>(x)) return static_cast<I>(x);
    } else {
        return detail::wrong_type(v, d, "an integer");
    }
    return d.fail(errc::number_out_of_range, "integer outside [" + std::to_string(std::numeric_limits<I>::min()) + ", " +
                                                 std::to_string(std::numeric_limits<I>::max()) + "]");
}

/// Closed enums by their wire strings.
template <cellos::detail::NamedEnum E>
[[nodiscard]] checked<E> tag_invoke(decode_tag<E>, const boost::json::value& v, decoder& d) {
    if (!v.is_string()) return detail::wrong_type(v, d, "a string");
    const std::string_view s(v.get_string().data(), v.get_string().size());
    if (auto e = cellos::from_wire<E>(s)) return *e;
    std::string allowed;
    for (std::string_view name : cellos::detail::enum_names<E>::wire) {
        if (!allowed.empty()) allowed += ", ";
        allowed += name;
    }
    return d.fail(errc::unknown_enum_value, "unknown value \"" + std::string(s) + "\" (expected one of " + allowed + ")");
}

/// Arrays; each element decoded under its index.
template <class T>
[[nodiscard]] checked<std::vector<T>> tag_invoke(decode_tag<std::vector<T>>, const boost::json::value& v, decoder& d) {
    if (!v.is_array()) return detail::wrong_type(v, d, "an array");
    std::vector<T> out;
    out.reserve(v.get_array().size());
    std::size_t i = 0;
    for (const boost::json::value& e : v.get_array()) {
        decoder::scope at(d, i++);
        BOOST_OUTCOME_TRY(auto x, decode<T>(e, d));
        out.push_back(std::move(x));
    }
    return out;
}

// --- objects --------------------------------------------------------------------------------

/// Reads one JSON object against a closed list of member names.
class object_reader {
public:
    /// Fails on a non-object or on the first member not in `allowed` (unknown_field).
    [[nodiscard]] static checked<object_reader> open(const boost::json::value& v, decoder& d,
                                                          std::initializer_list<std::string_view> allowed) {
        return open(v, d, std::span<const std::string_view>(allowed.begin(), allowed.size()));
    }
    [[nodiscard]] static checked<object_reader> open(const boost::json::value& v, decoder& d,
                                                          std::span<const std::string_view> allowed) {
        if (!v.is_object()) return detail::wrong_type(v, d, "an object");
        const boost::json::object& o = v.get_object();
        for (const auto& member : o) {
            const std::string_view key(member.key().data(), member.key().size());
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                decoder::scope at(d, key);
                std::string known;
                for (std::string_view a : allowed) {
                    if (!known.empty()) known += ", ";
                    known += a;
                }
                return d.fail(errc::unknown_field, "unknown field \"" + std::string(key) + "\" (allowed: " + known + ")");
            }
        }
        return object_reader(o, d);
    }

    template <class T>
    [[nodiscard]] checked<T> required(std::string_view key) const {
        const boost::json::value* v = o_->if_contains(boost::json::string_view(key.data(), key.size()));
        decoder::scope at(*d_, key);
        if (v == nullptr) return d_->fail(errc::missing_field, "missing required field \"" + std::string(key) + "\"");
        return decode<T>(*v, *d_);
    }

    /// Absent and null both mean "no value" (our choice: docs/wire-format.md#null).
    template <class T>
    [[nodiscard]] checked<std::optional<T>> optional(std::string_view key) const {
        const boost::json::value* v = o_->if_contains(boost::json::string_view(key.data(), key.size()));
        if (v == nullptr || v->is_null()) return std::optional<T>{};
        decoder::scope at(*d_, key);
        BOOST_OUTCOME_TRY(auto x, decode<T>(*v, *d_));
        return std::optional<T>(std::move(x));
    }

    [[nodiscard]] const boost::json::object& object() const noexcept { return *o_; }
    [[nodiscard]] decoder& context() const noexcept { return *d_; }

private:
    object_reader(const boost::json::object& o, decoder& d) : o_(&o), d_(&d) {}
    const boost::json::object* o_;
    decoder* d_;
};

}  // namespace cellos::json
