// cellos/authority/concepts.hpp — one named concept per type-level authority rule, each carrying
// its diagnostic ("cellos: …", listed in docs/diagnostics.md). All of them read the constexpr
// tables of kind.hpp / class_semantics.hpp, the same ones the JSON boundary uses at runtime.
#pragma once

#include "cellos/authority/kind.hpp"
#include "cellos/detail/unsatisfied.hpp"

namespace cellos {

/// The tier is within [0, 4] at all.
template <int Tier>
concept TierInRange = (Tier >= min_tier && Tier <= max_tier) ||
                      detail::unsatisfied<"cellos: authority tier must be in [0, 4] [tier_range]">();

/// Some class set inside the kind's envelope has this canonical status.
template <authority_kind K, epistemic_status E>
concept StatusAdmissible =
    bounds_of(K, E).max_tier >= 0 ||
    detail::unsatisfied<"cellos: epistemic status is not admissible for this authority kind (§14 envelope) [status_envelope]">();

/// Declared authority never exceeds tier 1 (ADR-0006 §3).
template <authority_kind K, int Tier>
concept DeclaredTierCeiling =
    K != authority_kind::declared || Tier <= envelope_of(authority_kind::declared).tier_cap ||
    detail::unsatisfied<"cellos: Declared authority has a tier-1 ceiling (ADR-0006) [declared_tier_ceiling]">();

/// Observed authority never exceeds tier 2 (§14.1).
template <authority_kind K, int Tier>
concept ObservedTierCeiling =
    K != authority_kind::observed || Tier <= envelope_of(authority_kind::observed).tier_cap ||
    detail::unsatisfied<"cellos: Observed authority has a tier-2 ceiling (§14.1) [observed_tier_ceiling]">();

/// The tier does not exceed the ceiling that the status implies inside the kind.
template <authority_kind K, int Tier, epistemic_status E>
concept TierWithinStatusCeiling =
    Tier <= bounds_of(K, E).max_tier ||
    detail::unsatisfied<"cellos: tier exceeds the ceiling of this epistemic status (tier non-inflation) [status_tier_ceiling]">();

/// Every rule above at once: the constraint on `authority<K, Tier, E>`.
template <authority_kind K, int Tier, epistemic_status E>
concept AdmissibleAuthority = TierInRange<Tier> && StatusAdmissible<K, E> && DeclaredTierCeiling<K, Tier> &&
                              ObservedTierCeiling<K, Tier> && TierWithinStatusCeiling<K, Tier, E>;

/// weaken<To>() only lowers (or keeps) the tier.
template <int From, int To>
concept TierNotRaised =
    To <= From || detail::unsatisfied<"cellos: weaken<Tier>() cannot raise the tier (no strengthening) [no_strengthening]">();

}  // namespace cellos
