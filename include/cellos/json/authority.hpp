// cellos/json/authority.hpp — the JSON boundary of the typed-authority kernel (docs/wire-format.md#authority):
// the derivation types go through the one codec (their wire_fields()); the artifact and the typed
// authorities have encoders here; parse_authority<K>() returns exactly the admissible typed
// authorities of kind K after the runtime validator accepted the document. Validation errors come
// back as one problem with a pointer into the document.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <boost/hana/unpack.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "cellos/authority.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/described.hpp"
#include "cellos/json/parse.hpp"

namespace cellos::json {

// authority_input, applied_rule, authority_output and authority_derivation have wire_fields()
// tables (authority/derivation.hpp): the one codec (json/described.hpp) decodes and encodes them.
// Only the artifact, externally tagged as upstream, needs a decoder of its own (table-driven by
// artifact_wire_names).

/// Externally tagged: exactly one member, {"JWS_VERIFIED": {"kid": "…"}} and so on.
[[nodiscard]] inline checked<proven_authority_artifact> tag_invoke(decode_tag<proven_authority_artifact>, const boost::json::value& v, decoder& d) {
    if (!v.is_object()) return detail::wrong_type(v, d, "an object");
    const boost::json::object& o = v.get_object();
    if (o.size() != 1)
        return d.fail(errc::invalid_value, "an artifact has exactly one member: JWS_VERIFIED, DANE_TLSA_BOUND or SVID_CHAIN_VERIFIED");
    const auto& member = *o.begin();
    const std::string_view tag(member.key().data(), member.key().size());
    for (std::size_t i = 0; i < artifact_wire_names.size(); ++i) {
        if (artifact_wire_names[i].tag != tag) continue;
        decoder::scope at(d, tag);
        const std::string_view field = artifact_wire_names[i].field;
        BOOST_OUTCOME_TRY(auto body, object_reader::open(member.value(), d, {field}));
        BOOST_OUTCOME_TRY(auto id, body.required<std::string>(field));
        switch (i) {
            case 0: return proven_authority_artifact{jws_verified{std::move(id)}};
            case 1: return proven_authority_artifact{dane_tlsa_bound{std::move(id)}};
            default: return proven_authority_artifact{svid_chain_verified{std::move(id)}};
        }
    }
    decoder::scope at(d, tag);
    return d.fail(errc::unknown_enum_value,
                  "unknown artifact \"" + std::string(tag) + "\" (expected JWS_VERIFIED, DANE_TLSA_BOUND or SVID_CHAIN_VERIFIED)");
}

// --- encoders (Boost.JSON value_from) ----------------------------------------------------------

}  // namespace cellos::json

namespace cellos {

template <detail::NamedEnum E>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, E e) {
    const std::string_view s = to_wire(e);
    jv = boost::json::string(s.data(), s.size());
}

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const proven_authority_artifact& a) {
    const artifact_wire& w = artifact_wire_names[a.index()];
    const std::string_view id = artifact_id(a);
    boost::json::object body;
    body[boost::json::string_view(w.field.data(), w.field.size())] = boost::json::string(id.data(), id.size());
    boost::json::object o;
    o[boost::json::string_view(w.tag.data(), w.tag.size())] = std::move(body);
    jv = std::move(o);
}

/// A typed authority's document: {"derivation": …} plus "artifact" for Proven.
template <authority_kind K, int Tier, epistemic_status E>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const authority<K, Tier, E>& a) {
    boost::json::object o;
    o["derivation"] = boost::json::value_from(a.derivation());
    if constexpr (K == authority_kind::proven) o["artifact"] = boost::json::value_from(a.artifact());
    jv = std::move(o);
}

template <class A>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const guest_event<A>& e) {
    jv = {{"cell_id", e.cell_id},
          {"event_type", e.event_type},
          {"authority", boost::json::value_from(e.authority)}};
}

}  // namespace cellos

namespace cellos::json {

// --- typed-authority documents ------------------------------------------------------------------

/// A parsed value → the admissible typed authority of kind K it describes (strict, validated).
template <authority_kind K>
[[nodiscard]] checked<any_authority<K>> authority_from_value(const boost::json::value& v) {
    decoder d;
    if constexpr (K == authority_kind::proven) {
        BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"derivation", "artifact"}));
        BOOST_OUTCOME_TRY(auto derivation, o.required<authority_derivation>("derivation"));
        BOOST_OUTCOME_TRY(auto artifact, o.required<proven_authority_artifact>("artifact"));
        auto made = make_authority<K>(std::move(derivation), std::move(artifact));
        if (!made) return to_problem(made.error());
        return std::move(made).value();
    } else {
        BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"derivation"}));
        BOOST_OUTCOME_TRY(auto derivation, o.required<authority_derivation>("derivation"));
        auto made = make_authority<K>(std::move(derivation));
        if (!made) return to_problem(made.error());
        return std::move(made).value();
    }
}

/// Text → typed authority of kind K: strict parse, strict decode, validate, then type.
template <authority_kind K>
[[nodiscard]] checked<any_authority<K>> parse_authority(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    return authority_from_value<K>(v);
}

/// std::variant over every admissible typed authority of every kind (for kind chosen at runtime).
using any_kind_authority = typename decltype(boost::hana::unpack(all_admissible_authorities,
                                                                 boost::hana::template_<std::variant>))::type;

/// parse_authority for a kind known only at runtime (e.g. a CLI flag).
[[nodiscard]] inline checked<any_kind_authority> parse_authority(authority_kind k, std::string_view text,
                                                                      const parse_limits& limits = {}) {
    auto widen = [](auto r) -> checked<any_kind_authority> {
        if (!r) return r.error();
        return std::visit([](auto&& a) { return any_kind_authority(std::move(a)); }, std::move(r).value());
    };
    switch (k) {
        case authority_kind::observed: return widen(parse_authority<authority_kind::observed>(text, limits));
        case authority_kind::proven: return widen(parse_authority<authority_kind::proven>(text, limits));
        case authority_kind::imposed: return widen(parse_authority<authority_kind::imposed>(text, limits));
        case authority_kind::declared: break;
    }
    return widen(parse_authority<authority_kind::declared>(text, limits));
}

/// A bare derivation (no typing, no envelope): parse + decode only. Call validate() yourself.
[[nodiscard]] inline checked<authority_derivation> parse_derivation(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    decoder d;
    return decode<authority_derivation>(v, d);
}

}  // namespace cellos::json

// Boost.JSON's own non-throwing conversion, for users who call boost::json::try_value_to<T>():
// same decoder, the error code only (no pointer / message: Boost.JSON 1.81 has no context).
namespace cellos {
template <detail::Described T>
boost::system::result<T> tag_invoke(boost::json::try_value_to_tag<T>, const boost::json::value& v) {
    json::decoder d;
    auto r = json::decode<T>(v, d);
    if (!r) return r.error().code;
    return std::move(r).value();
}
}  // namespace cellos
