// cellos/authority/derive.hpp — non-inflation across derivation, at compile time.
// derive<Target, Tier>(inputs...) builds a new typed authority from typed inputs. The result's
// status is computed from the inputs' static statuses, its tier may not exceed the strongest
// input's, the inputs' possible rule classes must fit the target envelope, and anything derived
// only from Declared inputs stays Declared. The runtime derivation it assembles is valid by
// construction (property-tested in tests/unit/derive_test.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>

#include "cellos/authority/authority.hpp"

namespace cellos {

namespace detail {

template <class... In>
inline constexpr class_set lower_union = (bounds_of(In::authority_kind, In::status).lower | ... | class_set{});
template <class... In>
inline constexpr class_set upper_union = (bounds_of(In::authority_kind, In::status).upper | ... | class_set{});
template <class... In>
inline constexpr int strongest_tier = std::max({In::tier...});
template <class... In>
inline constexpr bool all_declared = ((In::authority_kind == authority_kind::declared) && ...);

}  // namespace detail

/// The status of anything derived from In...: the dominant status among the inputs' statuses.
template <class... In>
inline constexpr epistemic_status derived_status = *canonical_status(detail::lower_union<In...>);

template <class... In>
concept DerivationHasInputs =
    (sizeof...(In) > 0 && (TypedAuthority<In> && ...)) ||
    detail::unsatisfied<"cellos: derive<>() needs at least one typed authority input [derive_inputs]">();

template <authority_kind Target, class... In>
concept DeclaredStaysDeclared =
    !detail::all_declared<In...> || Target == authority_kind::declared ||
    detail::unsatisfied<"cellos: anything derived only from Declared inputs is Declared, tier <= 1 (ADR-0006) [declared_stays_declared]">();

template <authority_kind Target, class... In>
concept InputsFitEnvelope =
    (detail::upper_union<In...>.subset_of(envelope_of(Target).permitted) &&
     envelope_of(Target).required.subset_of(detail::lower_union<In...>)) ||
    detail::unsatisfied<"cellos: derivation inputs do not fit the target kind's envelope: a class outside it, or a required class missing (§14) [derive_envelope]">();

template <int Tier, class... In>
concept DerivedTierNotInflated =
    Tier <= detail::strongest_tier<In...> ||
    detail::unsatisfied<"cellos: derived tier exceeds the strongest input's tier (non-inflation, §9) [derive_non_inflation]">();

/// Every derivation rule at once.
template <authority_kind Target, int Tier, class... In>
concept DerivationAdmissible = DerivationHasInputs<In...> && DeclaredStaysDeclared<Target, In...> &&
                               InputsFitEnvelope<Target, In...> && DerivedTierNotInflated<Tier, In...> &&
                               AdmissibleAuthority<Target, Tier, derived_status<In...>>;

namespace detail {

template <class A>
constexpr void append_evidence(authority_derivation& out, double& confidence, const A& a) {
    const authority_derivation& d = a.derivation();
    out.inputs.insert(out.inputs.end(), d.inputs.begin(), d.inputs.end());
    for (const applied_rule& r : d.rules_applied)
        if (std::find(out.rules_applied.begin(), out.rules_applied.end(), r) == out.rules_applied.end())
            out.rules_applied.push_back(r);
    confidence = std::min(confidence, d.output.confidence);
}

template <class A>
constexpr void take_artifact(const proven_authority_artifact*& found, const A& a) {
    if constexpr (A::authority_kind == authority_kind::proven)
        if (found == nullptr) found = &a.artifact();
}

}  // namespace detail

/// Derive `authority<Target, Tier, derived_status<In...>>` from typed inputs. Evidence atoms and
/// applied rules are carried over (rules de-duplicated, first occurrence kept); the confidence is
/// the weakest input's (our choice: combining evidence never raises certainty); the binding status
/// is recomputed canonically; a Proven result keeps the first Proven input's artifact.
template <authority_kind Target, int Tier, class... In>
    requires DerivationAdmissible<Target, Tier, std::remove_cvref_t<In>...>
[[nodiscard]] auto derive(const In&... in) {  // deduced: the type is formed only once constraints hold
    using result_type = authority<Target, Tier, derived_status<std::remove_cvref_t<In>...>>;
    authority_derivation d;
    double confidence = 1.0;
    (detail::append_evidence(d, confidence, in), ...);
    d.output.tier = Tier;
    d.output.confidence = confidence;
    d.output.epistemic_status = result_type::status;
    d.output.binding_status = canonical_binding(d.classes(), d.inputs.size());
    if constexpr (Target == authority_kind::proven) {
        const proven_authority_artifact* artifact = nullptr;
        (detail::take_artifact(artifact, in), ...);
        return detail::authority_access::make<result_type>(proven_payload{std::move(d), *artifact});
    } else {
        return detail::authority_access::make<result_type>(std::move(d));
    }
}

}  // namespace cellos
