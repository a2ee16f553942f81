// cellos/json/described.hpp — the JSON codec of every aggregate with a `wire_fields()` table
// (spec, policy, RBAC types): a strict decoder (closed member set, required/optional/defaulted
// members, null = absent) and an encoder that omits absent optionals. Written once, generically,
// so that a wire name exists in exactly one place: the type's table.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos::json {

namespace detail {

template <cellos::detail::Described T>
constexpr auto field_names() {
    return std::apply([](const auto&... f) { return std::array<std::string_view, sizeof...(f)>{f.name...}; }, T::wire_fields());
}

/// Alternatives of an internally tagged variant carry `static constexpr std::string_view wire_kind`.
template <class T>
concept Tagged = cellos::detail::Described<T> && requires { std::string_view(T::wire_kind); };

template <class T>
inline constexpr bool is_tagged_variant_v = false;
template <Tagged... A>
inline constexpr bool is_tagged_variant_v<std::variant<A...>> = true;

}  // namespace detail

namespace detail {

/// The members of a described object, decoded into `out`: the one decoding of a wire_fields() table.
template <cellos::detail::Described T>
[[nodiscard]] checked<void> decode_members(const boost::json::value& v, decoder& d, T& out) {
    static constexpr auto names = field_names<T>();
    BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, names));
    std::optional<problem> error;
    const auto read = [&](const auto& f) {
        if (error) return;
        using M = typename std::remove_cvref_t<decltype(f)>::member_type;
        if constexpr (cellos::detail::is_optional_v<M>) {
            auto r = o.template optional<typename M::value_type>(f.name);
            if (r) out.*(f.member) = std::move(r).value();
            else error = std::move(r).error();
        } else {
            const boost::json::value* m = o.object().if_contains(boost::json::string_view(f.name.data(), f.name.size()));
            if (f.is_defaulted && (m == nullptr || m->is_null())) return;  // absent = value-initialised
            using W = typename std::remove_cvref_t<decltype(f)>::wire_type;
            auto r = o.template required<W>(f.name);
            if (r) out.*(f.member) = static_cast<M>(std::move(r).value());
            else error = std::move(r).error();
        }
    };
    std::apply([&](const auto&... f) { (read(f), ...); }, T::wire_fields());
    if (error) return std::move(*error);
    return boost::outcome_v2::success();
}

}  // namespace detail

/// Objects described by a wire_fields() table.
template <cellos::detail::Described T>
    requires(!std::is_same_v<T, problem>)  // checked<problem> would be result<problem, problem>: see below
[[nodiscard]] checked<T> tag_invoke(decode_tag<T>, const boost::json::value& v, decoder& d) {
    T out{};
    BOOST_OUTCOME_TRY(detail::decode_members(v, d, out));
    return out;
}

/// Lists of problems (event payloads carry them): Boost.Outcome refuses result<problem, problem>,
/// so problems are decoded in place into the list, by the same member decoding as every object.
[[nodiscard]] inline checked<std::vector<problem>> tag_invoke(decode_tag<std::vector<problem>>, const boost::json::value& v,
                                                             decoder& d) {
    if (!v.is_array()) return detail::wrong_type(v, d, "an array");
    std::vector<problem> out(v.get_array().size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        decoder::scope at(d, i);
        BOOST_OUTCOME_TRY(detail::decode_members(v.get_array()[i], d, out[i]));
    }
    return out;
}

/// Internally tagged variants: {"kind": "<wire_kind>", ...the alternative's members}.
template <class V>
    requires detail::is_tagged_variant_v<V>
[[nodiscard]] checked<V> tag_invoke(decode_tag<V>, const boost::json::value& v, decoder& d) {
    if (!v.is_object()) return json::detail::wrong_type(v, d, "an object");
    const boost::json::value* k = v.get_object().if_contains("kind");
    if (k == nullptr) {
        decoder::scope at(d, "kind");
        return d.fail(errc::missing_field, "missing required field \"kind\"");
    }
    if (!k->is_string()) {
        decoder::scope at(d, "kind");
        return json::detail::wrong_type(*k, d, "a string");
    }
    const std::string_view kind(k->get_string().data(), k->get_string().size());
    boost::json::object rest = v.get_object();  // the alternative's decoder must not see "kind"
    rest.erase("kind");
    const boost::json::value body(std::move(rest));
    std::optional<checked<V>> out;
    std::string expected;
    const auto attempt = [&]<class A>(std::type_identity<A>) {
        if (!expected.empty()) expected += ", ";
        expected += A::wire_kind;
        if (out || kind != A::wire_kind) return;
        auto r = decode<A>(body, d);
        if (r) out.emplace(V(std::move(r).value()));
        else out.emplace(std::move(r).error());
    };
    [&]<class... A>(std::type_identity<std::variant<A...>>) { (attempt(std::type_identity<A>{}), ...); }(std::type_identity<V>{});
    if (out) return std::move(*out);
    decoder::scope at(d, "kind");
    return d.fail(errc::unknown_enum_value, "unknown kind \"" + std::string(kind) + "\" (expected one of " + expected + ")");
}

/// Objects whose member names are data, in document order.
template <class V>
[[nodiscard]] checked<string_map<runtime_storage, V>> tag_invoke(decode_tag<string_map<runtime_storage, V>>,
                                                                      const boost::json::value& v, decoder& d) {
    if (!v.is_object()) return json::detail::wrong_type(v, d, "an object");
    string_map<runtime_storage, V> out;
    out.entries.reserve(v.get_object().size());
    for (const auto& m : v.get_object()) {
        const std::string_view key(m.key().data(), m.key().size());
        decoder::scope at(d, key);
        BOOST_OUTCOME_TRY(auto x, decode<V>(m.value(), d));
        out.entries.push_back({std::string(key), std::move(x)});
    }
    return out;
}

// --- encoding ---------------------------------------------------------------------------------------

namespace detail {

template <class T>
[[nodiscard]] boost::json::value encode(const T& x);

template <class T>
concept List = requires(const T& l) {
    l.size();
    l.begin();
    l.end();
} && !std::is_convertible_v<T, std::string_view>;

template <class T>
[[nodiscard]] boost::json::value encode(const T& x) {
    if constexpr (std::is_same_v<T, bool>) {
        return boost::json::value(x);
    } else if constexpr (std::is_integral_v<T> || std::is_floating_point_v<T>) {
        return boost::json::value(x);
    } else if constexpr (cellos::detail::NamedEnum<T>) {
        const std::string_view s = cellos::to_wire(x);
        return boost::json::string(s.data(), s.size());
    } else if constexpr (std::is_convertible_v<T, std::string_view>) {
        const std::string_view s(x);
        return boost::json::string(s.data(), s.size());
    } else if constexpr (is_tagged_variant_v<T>) {
        return std::visit(
            [](const auto& alt) {
                boost::json::value body = encode(alt);
                boost::json::object o;
                const std::string_view kind = std::remove_cvref_t<decltype(alt)>::wire_kind;
                o["kind"] = boost::json::string(kind.data(), kind.size());
                for (auto& m : body.get_object()) o[m.key()] = std::move(m.value());
                return boost::json::value(std::move(o));
            },
            x);
    } else if constexpr (cellos::detail::Described<T>) {
        boost::json::object o;
        const auto write = [&](const auto& f) {
            using M = typename std::remove_cvref_t<decltype(f)>::member_type;
            const M& m = x.*(f.member);
            const boost::json::string_view key(f.name.data(), f.name.size());
            if constexpr (cellos::detail::is_optional_v<M>) {
                if (m) o[key] = encode(*m);  // absent optionals are omitted
            } else {
                o[key] = encode(m);
            }
        };
        std::apply([&](const auto&... f) { (write(f), ...); }, T::wire_fields());
        return o;
    } else if constexpr (requires { x.entries; x.find(std::string_view{}); }) {
        boost::json::object o;
        for (const auto& e : x.entries) {
            const std::string_view k(e.key);
            o[boost::json::string_view(k.data(), k.size())] = encode(e.value);
        }
        return o;
    } else {
        static_assert(List<T>, "cellos: no JSON encoding for this type");
        boost::json::array a;
        a.reserve(x.size());
        for (const auto& e : x) a.push_back(encode(e));
        return a;
    }
}

}  // namespace detail

/// The pointer (under `base`) of the first non-finite double in `x`, which JSON cannot represent;
/// nullopt when every number is finite. Walks described members, optionals and lists.
template <class T>
[[nodiscard]] std::optional<std::string> first_non_finite(const T& x, const std::string& base = {}) {
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(x)) return base;
        return std::nullopt;
    } else if constexpr (cellos::detail::is_optional_v<T>) {
        if (x) return first_non_finite(*x, base);
        return std::nullopt;
    } else if constexpr (cellos::detail::Described<T>) {
        std::optional<std::string> found;
        const auto visit = [&](const auto& f) {
            if (found) return;
            std::string at = base;
            cellos::detail::append_pointer_token(at, f.name);
            found = first_non_finite(x.*(f.member), at);
        };
        std::apply([&](const auto&... f) { (visit(f), ...); }, T::wire_fields());
        return found;
    } else if constexpr (detail::List<T> && !std::is_convertible_v<const T&, std::string_view>) {
        std::size_t i = 0;
        for (const auto& e : x) {
            std::string at = base;
            cellos::detail::append_pointer_index(at, i++);
            if (auto found = first_non_finite(e, at)) return found;
        }
        return std::nullopt;
    } else {
        return std::nullopt;  // strings, integers, enums, variants of strings: always representable
    }
}

/// The JSON value of any described aggregate (runtime or constexpr storage).
template <cellos::detail::Described T>
[[nodiscard]] boost::json::value to_value(const T& x) {
    return detail::encode(x);
}

/// Strict parse + strict decode of a described document type.
template <cellos::detail::Described T>
[[nodiscard]] checked<T> parse_document(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    decoder d;
    return decode<T>(v, d);
}

}  // namespace cellos::json

/// boost::json::value_from(x) works for every described aggregate too (found by ADL in cellos).
namespace cellos {
template <detail::Described T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const T& x) {
    jv = json::detail::encode(x);
}
}  // namespace cellos
