// cellos/authority/make.hpp — the runtime door into the type-state layer (upstream try_new):
// validate a derivation against kind K, then return the variant alternative whose static
// (Tier, Status) equals the derivation's output. This is what the JSON boundary calls.
#pragma once

#include <optional>
#include <utility>

#include <boost/hana/for_each.hpp>
#include <boost/outcome/result.hpp>

#include "cellos/authority/admissible.hpp"
#include "cellos/authority/validate.hpp"

namespace cellos {

/// A value or the first validation_error. Misuse (.value() on an error) terminates: it is never
/// reached by checking has_value() first, and no exception leaves the library.
template <class T>
using authority_result = boost::outcome_v2::result<T, validation_error, boost::outcome_v2::policy::terminate>;

namespace detail {

template <authority_kind K>
authority_result<any_authority<K>> dispatch(authority_payload<K> payload) {
    const authority_derivation& d = [&]() -> const authority_derivation& {
        if constexpr (K == authority_kind::proven) return payload.derivation;
        else return payload;
    }();
    const authority_output out = d.output;
    if (!is_admissible(K, out.tier, out.epistemic_status)) {
        // validate_as() already guarantees admissibility; this keeps the mapping total.
        return validation_error{violation::tier_inflation{out.tier, bounds_of(K, out.epistemic_status).max_tier,
                                                          ceiling_of(d.classes())->limiting_class,
                                                          envelope_of(K).type_name}};
    }
    std::optional<any_authority<K>> made;
    boost::hana::for_each(admissible_authorities<K>, [&](auto t) {
        using A = typename decltype(t)::type;
        if (!made && A::tier == out.tier && A::status == out.epistemic_status)
            made.emplace(authority_access::make<A>(std::move(payload)));
    });
    return std::move(*made);
}

}  // namespace detail

/// Observed / Imposed / Declared from a derivation.
template <authority_kind K>
    requires(K != authority_kind::proven)
[[nodiscard]] authority_result<any_authority<K>> make_authority(authority_derivation d) {
    if (auto e = validate_as(K, d)) return *e;
    return detail::dispatch<K>(std::move(d));
}

/// Proven from a derivation plus the artifact of the proof that was verified upstream.
template <authority_kind K>
    requires(K == authority_kind::proven)
[[nodiscard]] authority_result<any_authority<K>> make_authority(authority_derivation d, proven_authority_artifact a) {
    if (auto e = validate_as(K, d, is_usable(a))) return *e;
    return detail::dispatch<K>(proven_payload{std::move(d), std::move(a)});
}

}  // namespace cellos
