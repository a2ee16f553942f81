// cellos/authority/kind.hpp — the four typed-authority kinds and their §14 type-class envelopes.
// The envelope table (permitted / required classes, tier cap) is the single source of truth; the
// admissible (tier, status) pairs of each kind, and what a typed authority reveals about its class
// set, are computed from it and from class_semantics.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "cellos/authority/class_semantics.hpp"
#include "cellos/detail/enum_table.hpp"

namespace cellos {

enum class authority_kind : int { observed, proven, imposed, declared };

template <>
struct detail::enum_names<authority_kind> {
    static constexpr std::array<std::string_view, 4> wire{"observed", "proven", "imposed", "declared"};
};

struct envelope {
    std::string_view type_name;  ///< upstream struct name, used in TypeClassIncompatible
    class_set permitted;         ///< upstream PERMITTED_CLASSES
    class_set required;          ///< at least one of these must be present (empty: no requirement)
    int tier_cap;                ///< the envelope's own cap, below the class ceilings where it bites
};

// Observed caps at 2 although StructuralAlignment alone would allow 3 (§14.1). Proven and Imposed
// caps are our choice (the class ceiling, 4). Declared is mono-class with ceiling 1 (ADR-0006).
inline constexpr std::array<envelope, 4> envelopes{{
    {"ObservedAuthority",
     {rule_class::raw_observation, rule_class::structural_alignment, rule_class::opacity},
     {},
     2},
    {"ProvenAuthority",
     {rule_class::cryptographic_proof, rule_class::structural_alignment, rule_class::raw_observation},
     {rule_class::cryptographic_proof},
     4},
    {"ImposedAuthority",
     {rule_class::imposed_interception, rule_class::raw_observation, rule_class::structural_alignment},
     {rule_class::imposed_interception},
     4},
    {"DeclaredAuthority", {rule_class::guest_agent_declaration}, {rule_class::guest_agent_declaration}, 1},
}};

[[nodiscard]] constexpr const envelope& envelope_of(authority_kind k) noexcept {
    return envelopes[static_cast<std::size_t>(k)];
}

/// A class set a typed authority of kind k may carry: non-empty, within the permitted classes,
/// and containing every required class.
[[nodiscard]] constexpr bool fits_envelope(authority_kind k, class_set s) noexcept {
    const envelope& e = envelope_of(k);
    return !s.empty() && s.subset_of(e.permitted) && e.required.subset_of(s);
}

/// Highest tier a set may claim inside kind k: its class ceiling, cut by the envelope cap.
[[nodiscard]] constexpr int envelope_ceiling(authority_kind k, class_set s) noexcept {
    const auto c = ceiling_of(s);
    const int cap = envelope_of(k).tier_cap;
    return c && c->tier < cap ? c->tier : cap;
}

/// What the static pair (kind, status) says about the runtime class set: every set that fits the
/// envelope and has that canonical status lies between `lower` and `upper`.
struct class_bounds {
    class_set lower;  ///< present in every such set (intersection)
    class_set upper;  ///< the union of all such sets
    int max_tier;     ///< highest admissible tier; -1 when no set has that status in this kind
};

[[nodiscard]] constexpr class_bounds bounds_of(authority_kind k, epistemic_status e) noexcept {
    class_bounds b{class_set::from_bits(0x3F), class_set{}, -1};
    for (std::size_t bits = 1; bits < class_set_count; ++bits) {
        const class_set s = class_set::from_bits(static_cast<std::uint8_t>(bits));
        if (!fits_envelope(k, s) || canonical_status(s) != e) continue;
        b.lower = b.lower & s;
        b.upper = b.upper | s;
        const int t = envelope_ceiling(k, s);
        if (t > b.max_tier) b.max_tier = t;
    }
    if (b.max_tier < 0) b.lower = class_set{};
    return b;
}

/// The admissibility predicate behind `authority<K, Tier, Status>`: the one table both the type
/// system (concepts in authority.hpp) and the JSON boundary (make.hpp) consult.
[[nodiscard]] constexpr bool is_admissible(authority_kind k, int tier, epistemic_status e) noexcept {
    return tier >= min_tier && tier <= bounds_of(k, e).max_tier;
}

}  // namespace cellos
