// cellos/authority/class_semantics.hpp — what a set of applied rule classes implies: the tier
// ceiling (and the class that set it), the canonical epistemic status, the canonical binding
// status. Pure constexpr functions: the validator calls them at runtime, the type-state layer at
// compile time. The decisions are documented in docs/authority.md (our choices are marked).
#pragma once

#include <array>
#include <cstddef>
#include <optional>

#include "cellos/authority/binding_status.hpp"
#include "cellos/authority/epistemic_status.hpp"
#include "cellos/authority/rule_class.hpp"

namespace cellos {

struct tier_ceiling {
    int tier;
    rule_class limiting_class;  ///< the class whose ceiling became the final ceiling
    friend constexpr bool operator==(const tier_ceiling&, const tier_ceiling&) noexcept = default;
};

/// Ceiling of a class set: the highest ceiling among positive-evidence classes, capped by any
/// capping class present (Opacity -> 1, GuestAgentDeclaration -> 1). Ties keep the class that
/// comes first in declaration order. nullopt for the empty set (EmptyClassSet).
[[nodiscard]] constexpr std::optional<tier_ceiling> ceiling_of(class_set s) noexcept {
    std::optional<tier_ceiling> best;
    for (rule_class c : detail::all_enumerators<rule_class>()) {
        if (!s.contains(c) || info(c).role != ceiling_role::positive_evidence) continue;
        if (!best || info(c).tier_ceiling > best->tier) best = tier_ceiling{info(c).tier_ceiling, c};
    }
    for (rule_class c : detail::all_enumerators<rule_class>()) {
        if (!s.contains(c) || info(c).role != ceiling_role::capping) continue;
        if (!best || info(c).tier_ceiling < best->tier) best = tier_ceiling{info(c).tier_ceiling, c};
    }
    return best;
}

/// The status each class stands for, and the dominance order used to pick the canonical status
/// of a set: the present class that comes first in `status_dominance` decides.
struct class_status {
    rule_class cls;
    epistemic_status status;
};
inline constexpr std::array<class_status, 6> status_dominance{{
    {rule_class::guest_agent_declaration, epistemic_status::declared},
    {rule_class::opacity, epistemic_status::opaque},
    {rule_class::imposed_interception, epistemic_status::imposed_observation},
    {rule_class::cryptographic_proof, epistemic_status::cryptographically_proven},
    {rule_class::structural_alignment, epistemic_status::structurally_aligned},
    {rule_class::raw_observation, epistemic_status::direct_observation},
}};

/// Canonical epistemic status of a class set; nullopt for the empty set.
/// STATISTICALLY_BOUNDED is never returned (reserved upstream).
[[nodiscard]] constexpr std::optional<epistemic_status> canonical_status(class_set s) noexcept {
    for (const auto& [cls, status] : status_dominance)
        if (s.contains(cls)) return status;
    return std::nullopt;
}

/// The class that stands for a status (the dominant class of every set with that status).
[[nodiscard]] constexpr std::optional<rule_class> dominant_class(epistemic_status e) noexcept {
    for (const auto& [cls, status] : status_dominance)
        if (status == e) return cls;
    return std::nullopt;
}

/// Canonical binding status (reference §3.3 precedence): imposed -> IMPOSED_BOUND; opacity ->
/// UNKNOWN; alignment or proof -> BOUND; one input -> NOT_APPLICABLE; otherwise UNKNOWN.
[[nodiscard]] constexpr binding_status canonical_binding(class_set s, std::size_t input_count) noexcept {
    if (s.contains(rule_class::imposed_interception)) return binding_status::imposed_bound;
    if (s.contains(rule_class::opacity)) return binding_status::unknown;
    if (s.contains(rule_class::structural_alignment) || s.contains(rule_class::cryptographic_proof))
        return binding_status::bound;
    return input_count == 1 ? binding_status::not_applicable : binding_status::unknown;
}

}  // namespace cellos
