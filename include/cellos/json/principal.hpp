// cellos/json/principal.hpp — the JSON wire form of cellos::principal: an internally tagged
// object whose "kind" is operator | platform | delegate | federated, camelCase members (the serde
// convention upstream uses), decoded strictly with a pointer to the first problem. Recursion
// through "authorizing" is bounded by cellos::max_delegation_depth as well as by the parser's depth.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "cellos/json/decode.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/util/principal.hpp"

namespace cellos::json {

namespace detail {

/// A required string member that must pass cellos::principal_text_problem.
[[nodiscard]] inline checked<std::string> principal_text(const object_reader& o, std::string_view key, std::size_t max_bytes) {
    BOOST_OUTCOME_TRY(auto s, o.required<std::string>(key));
    if (const auto problem = cellos::principal_text_problem(s, max_bytes); !problem.empty()) {
        decoder::scope at(o.context(), key);
        return o.context().fail(errc::invalid_value, "\"" + std::string(key) + "\" " + std::string(problem) +
                                                         " (limit " + std::to_string(max_bytes) + " bytes)");
    }
    return s;
}

[[nodiscard]] inline checked<cellos::principal> decode_principal(const boost::json::value& v, decoder& d, std::size_t depth);

}  // namespace detail

/// ["cap", …]: each capability checked, duplicates refused (invalid_value); any order.
[[nodiscard]] inline checked<cellos::authority_scope> tag_invoke(decode_tag<cellos::authority_scope>, const boost::json::value& v, decoder& d) {
    BOOST_OUTCOME_TRY(auto caps, decode<std::vector<std::string>>(v, d));
    for (std::size_t i = 0; i < caps.size(); ++i) {
        decoder::scope at(d, i);
        if (const auto problem = cellos::principal_text_problem(caps[i], cellos::capability_max_bytes); !problem.empty())
            return d.fail(errc::invalid_value, "capability " + std::string(problem) + " (limit " +
                                                   std::to_string(cellos::capability_max_bytes) + " bytes)");
        if (std::find(caps.begin(), caps.begin() + static_cast<std::ptrdiff_t>(i), caps[i]) != caps.begin() + static_cast<std::ptrdiff_t>(i))
            return d.fail(errc::invalid_value, "duplicate capability \"" + caps[i] + "\"");
    }
    auto scope = cellos::authority_scope::make(std::move(caps));
    if (!scope) return d.fail(errc::invalid_value, "invalid capability");  // not reached: checked above
    return std::move(scope).value();
}

[[nodiscard]] inline checked<cellos::principal> tag_invoke(decode_tag<cellos::principal>, const boost::json::value& v, decoder& d) {
    return detail::decode_principal(v, d, 0);
}

/// `depth` is the number of delegate objects around `v`.
[[nodiscard]] inline checked<cellos::principal> detail::decode_principal(const boost::json::value& v, decoder& d, std::size_t depth) {
    if (!v.is_object()) return detail::wrong_type(v, d, "an object");
    const boost::json::value* tag = v.get_object().if_contains("kind");
    cellos::principal_kind kind{};
    {
        decoder::scope at(d, "kind");
        if (tag == nullptr) return d.fail(errc::missing_field, "missing required field \"kind\"");
        BOOST_OUTCOME_TRY(kind, decode<cellos::principal_kind>(*tag, d));
    }
    switch (kind) {
        case cellos::principal_kind::operator_:
        case cellos::principal_kind::platform: {
            BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"kind", "id"}));
            BOOST_OUTCOME_TRY(auto id, principal_text(o, "id", cellos::principal_id_max_bytes));
            auto p = kind == cellos::principal_kind::operator_ ? cellos::principal::make_operator(id) : cellos::principal::make_platform(id);
            if (!p) return d.fail(errc::invalid_value, "invalid principal");  // not reached: checked above
            return std::move(p).value();
        }
        case cellos::principal_kind::federated: {
            BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"kind", "trustRoot", "identity"}));
            BOOST_OUTCOME_TRY(auto trust_root, principal_text(o, "trustRoot", cellos::federated_field_max_bytes));
            BOOST_OUTCOME_TRY(auto identity, principal_text(o, "identity", cellos::federated_field_max_bytes));
            auto p = cellos::principal::make_federated(trust_root, identity);
            if (!p) return d.fail(errc::invalid_value, "invalid principal");  // not reached: checked above
            return std::move(p).value();
        }
        case cellos::principal_kind::delegate: break;
    }
    BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"kind", "authorizing", "delegate", "scope"}));
    if (depth >= cellos::max_delegation_depth)
        return d.fail(errc::invalid_value, "delegation chain longer than " + std::to_string(cellos::max_delegation_depth) + " links");
    BOOST_OUTCOME_TRY(auto delegate, principal_text(o, "delegate", cellos::principal_id_max_bytes));
    BOOST_OUTCOME_TRY(auto scope, o.required<cellos::authority_scope>("scope"));
    std::optional<cellos::principal> authorizing;
    {
        decoder::scope at(d, "authorizing");
        const boost::json::value* inner = o.object().if_contains("authorizing");
        if (inner == nullptr) return d.fail(errc::missing_field, "missing required field \"authorizing\"");
        BOOST_OUTCOME_TRY(auto a, decode_principal(*inner, d, depth + 1));
        authorizing.emplace(std::move(a));
    }
    if (const auto bound = authorizing->scope_bound(); bound && !scope.is_subset_of(*bound)) {
        std::string extra;
        for (const std::string& c : scope.capabilities())
            if (!bound->contains(c)) {
                extra = c;
                break;
            }
        decoder::scope at(d, "scope");
        return d.fail(errc::invalid_value, "scope is not a subset of the authorizing principal's scope (\"" + extra + "\" is not in it)");
    }
    auto p = cellos::principal::compose(std::move(*authorizing), delegate, std::move(scope));
    if (!p) return d.fail(errc::invalid_value, "invalid delegation");  // not reached: checked above
    return std::move(p).value();
}

/// Text → principal: strict parse, strict decode.
[[nodiscard]] inline checked<cellos::principal> parse_principal(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    decoder d;
    return decode<cellos::principal>(v, d);
}

}  // namespace cellos::json

namespace cellos {

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const authority_scope& s) {
    boost::json::array a;
    for (const std::string& c : s.capabilities()) a.emplace_back(c);
    jv = std::move(a);
}

/// {"kind": …, then the members in declaration order}; the inverse of the decoder.
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const principal& p) {
    const std::string_view kind = to_wire(p.kind());
    boost::json::object o;
    o["kind"] = boost::json::string(kind.data(), kind.size());
    if (const auto* op = p.get_if<operator_principal>()) {
        o["id"] = op->id;
    } else if (const auto* pl = p.get_if<platform_principal>()) {
        o["id"] = pl->id;
    } else if (const auto* d = p.get_if<delegate_principal>()) {
        o["authorizing"] = boost::json::value_from(*d->authorizing);
        o["delegate"] = d->delegate;
        o["scope"] = boost::json::value_from(d->scope);
    } else if (const auto* f = p.get_if<federated_principal>()) {
        o["trustRoot"] = f->trust_root;
        o["identity"] = f->identity;
    }
    jv = std::move(o);
}

}  // namespace cellos
