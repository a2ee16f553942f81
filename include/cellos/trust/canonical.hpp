// cellos/trust/canonical.hpp — the bytes a signature covers. Upstream 0.8 moved from serde's
// declaration order to sorted-key canonical JSON with a CANONICAL_PAYLOAD_VERSION; this library
// uses RFC 8785 (JCS, cellos/json/jcs.hpp) for it, so a signer and a verifier agree on bytes
// whatever serializer, key order, whitespace or number spelling carried the event between them.
// Our choice (docs/trust.md#canonical-payload): JCS orders members by UTF-16 code units where
// upstream's text says UTF-8 bytes; the two differ only for member names mixing U+E000–U+FFFF with
// characters above U+FFFF, which no CloudEvents attribute name can hold ([a-z0-9]).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/json_pointer.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jcs.hpp"
#include "cellos/problem.hpp"

namespace cellos::trust {

/// Version of the signed-bytes definition below, carried by every envelope and checked first by
/// every verifier. Our choice: 1 = RFC 8785 of the whole event, no prefix (upstream's value is
/// unpublished; upstream 0.7's declaration-order bytes have no number here).
inline constexpr int canonical_payload_version = 1;

/// The RFC 8785 bytes of a JSON value (refused: NaN / Infinity, invalid UTF-8 in a value built by hand).
[[nodiscard]] inline checked<std::string> canonical_json_bytes(const boost::json::value& v) { return json::canonicalize(v); }

/// The RFC 8785 bytes of a JSON text, read by the strict parser first (duplicate keys, invalid
/// UTF-8, limits refused: a text two readers could see differently has no canonical form).
[[nodiscard]] inline checked<std::string> canonical_json_bytes_of_text(std::string_view text, const json::parse_limits& limits = {}) {
    return json::canonicalize_text(text, limits);
}

/// The canonical bytes of any value the JSON layer encodes (json::to_value, plain or checked).
template <class T>
    requires requires(const T& x) { json::to_value(x); }
[[nodiscard]] checked<std::string> canonical_payload(const T& x) {
    if constexpr (std::is_same_v<std::decay_t<decltype(json::to_value(x))>, boost::json::value>) {
        return canonical_json_bytes(json::to_value(x));
    } else {
        BOOST_OUTCOME_TRY(const boost::json::value v, json::to_value(x));
        return canonical_json_bytes(v);
    }
}

/// Largest integer magnitude a signed payload may hold: 2^53 (RFC 7493 §2.2). JCS writes every
/// number as a double, so 9007199254740993 and 9007199254740992 have the same canonical bytes; a
/// reader that keeps exact integers would see another value than the one signed. Refused instead.
inline constexpr std::uint64_t max_signed_integer = std::uint64_t{1} << 53;

namespace detail {
[[nodiscard]] inline bool is_inexact_integer(const boost::json::value& v) noexcept {
    if (v.is_int64()) {
        const std::int64_t x = v.get_int64();
        return x > static_cast<std::int64_t>(max_signed_integer) || x < -static_cast<std::int64_t>(max_signed_integer);
    }
    return v.is_uint64() && v.get_uint64() > max_signed_integer;
}

/// The pointer of the first integer beyond ±2^53 in `root`, or nullopt. Iterative (any depth). The
/// common case (none) walks without building a single pointer string; only a find pays for one.
[[nodiscard]] inline std::optional<std::string> first_inexact_integer(const boost::json::value& root) {
    std::vector<const boost::json::value*> todo{&root};
    const boost::json::value* found = nullptr;
    while (!todo.empty() && found == nullptr) {
        const boost::json::value& v = *todo.back();
        todo.pop_back();
        if (is_inexact_integer(v)) found = &v;
        else if (v.is_array())
            for (const auto& x : v.get_array()) todo.push_back(&x);
        else if (v.is_object())
            for (const auto& m : v.get_object()) todo.push_back(&m.value());
    }
    if (found == nullptr) return std::nullopt;
    // Slow path: the pointer of the first such integer in document order.
    struct item {
        const boost::json::value* v;
        std::string pointer;
    };
    std::vector<item> path{{&root, ""}};
    while (!path.empty()) {
        item it = std::move(path.back());
        path.pop_back();
        const boost::json::value& v = *it.v;
        if (is_inexact_integer(v)) return it.pointer;
        if (v.is_array()) {
            const auto& a = v.get_array();
            for (std::size_t i = a.size(); i-- > 0;) path.push_back({&a[i], it.pointer + "/" + std::to_string(i)});
        } else if (v.is_object()) {
            const auto& o = v.get_object();
            for (auto m = o.end(); m != o.begin();) {
                --m;
                std::string p = it.pointer;
                cellos::detail::append_pointer_token(p, std::string_view(m->key().data(), m->key().size()));
                path.push_back({&m->value(), std::move(p)});
            }
        }
    }
    return std::nullopt;
}
}  // namespace detail

/// The bytes a signed event envelope signs: the RFC 8785 form of the whole CloudEvent (every
/// attribute, data and extensions), version `canonical_payload_version`. An invalid event has none,
/// nor has an event whose data holds an integer beyond ±2^53 (signedIntegerRange).
[[nodiscard]] inline checked<std::string> canonical_event_signing_payload(const cloud_event_v1& e) {
    BOOST_OUTCOME_TRY(const boost::json::value v, json::to_value(e));
    if (const auto at = detail::first_inexact_integer(v))
        return make_problem(errc::number_out_of_range, *at,
                            "a signed event holds only integers within +-2^53 (JCS writes numbers as doubles)", "signedIntegerRange");
    return canonical_json_bytes(v);
}

}  // namespace cellos::trust
