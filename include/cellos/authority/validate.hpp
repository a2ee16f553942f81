// cellos/authority/validate.hpp — the pure derivation validator (upstream
// AuthorityDerivation::validate) and the §14 envelope check of the typed constructors (try_new).
// Both return the FIRST violation in the fixed order documented in docs/authority.md#check-order,
// and both are constexpr: `static_assert(!cellos::validate(d))` works on a static derivation.
#pragma once

#include <cstddef>
#include <optional>

#include "cellos/authority/class_semantics.hpp"
#include "cellos/authority/derivation.hpp"
#include "cellos/authority/kind.hpp"
#include "cellos/authority/validation_error.hpp"

namespace cellos {

namespace detail {
constexpr bool is_nan(double v) noexcept { return v != v; }
constexpr bool in_unit_interval(double v) noexcept { return v >= 0.0 && v <= 1.0; }
}  // namespace detail

/// The six §9 invariants plus domain checks. nullopt means valid.
template <Storage S>
[[nodiscard]] constexpr std::optional<validation_error> validate(
    const basic_authority_derivation<S>& d) noexcept {
    using namespace violation;
    // 1. ADG presence (property 4)
    if (d.inputs.empty()) return no_inputs{};
    if (d.rules_applied.empty()) return no_rules_applied{};
    // 2. input confidences, in input order; NaN is tested first (a range test on NaN is false)
    double max_input = 0.0;
    for (std::size_t i = 0; i < d.inputs.size(); ++i) {
        const double c = d.inputs[i].confidence;
        if (detail::is_nan(c)) return input_confidence_nan{i};
        if (!detail::in_unit_interval(c)) return input_confidence_out_of_range{i, c};
        if (c > max_input) max_input = c;
    }
    // 3. output domain
    const authority_output& out = d.output;
    if (!detail::in_unit_interval(out.confidence)) return output_confidence_invalid{out.confidence};
    if (out.tier < min_tier || out.tier > max_tier) return tier_out_of_range{out.tier};
    // 4. every rule declares its canonical class (before anything is computed from the classes)
    for (std::size_t i = 0; i < d.rules_applied.size(); ++i) {
        const applied_rule& r = d.rules_applied[i];
        if (r.cls != canonical_class(r.rule)) return rule_class_mismatch{i, r.rule, r.cls, canonical_class(r.rule)};
    }
    // 5. confidence non-inflation against the MAXIMUM input (property 1)
    if (out.confidence > max_input) return confidence_inflation{out.confidence, max_input};
    // 6. tier non-inflation against the class-set ceiling
    const class_set classes = d.classes();
    const auto ceiling = ceiling_of(classes);
    if (!ceiling) return empty_class_set{};  // unreachable after step 1; kept as a guard
    if (out.tier > ceiling->tier) return tier_inflation{out.tier, ceiling->tier, ceiling->limiting_class};
    // 7. canonical epistemic status, 8. canonical binding status
    const epistemic_status status = *canonical_status(classes);
    if (out.epistemic_status != status) return epistemic_mismatch{out.epistemic_status, status};
    const binding_status binding = canonical_binding(classes, d.inputs.size());
    if (out.binding_status != binding) return binding_status_mismatch{out.binding_status, binding};
    return std::nullopt;
}

/// validate(), then the envelope of kind k (upstream try_new). `artifact_usable` is consulted
/// only for authority_kind::proven (see is_usable(proven_authority_artifact)).
template <Storage S>
[[nodiscard]] constexpr std::optional<validation_error> validate_as(
    authority_kind k, const basic_authority_derivation<S>& d, bool artifact_usable = false) noexcept {
    using namespace violation;
    if (auto e = validate(d)) return e;
    const envelope& env = envelope_of(k);
    // 9. every applied class is permitted, in rules_applied order
    for (std::size_t i = 0; i < d.rules_applied.size(); ++i) {
        const rule_class c = d.rules_applied[i].cls;
        if (!env.permitted.contains(c)) return type_class_incompatible{env.type_name, env.permitted, c, i};
    }
    const class_set classes = d.classes();
    // 10. required evidence of Proven / Imposed
    if (k == authority_kind::proven && (!classes.contains(rule_class::cryptographic_proof) || !artifact_usable))
        return proven_authority_missing_artifact{classes.contains(rule_class::cryptographic_proof)};
    if (k == authority_kind::imposed && !classes.contains(rule_class::imposed_interception))
        return imposed_authority_missing_interception{};
    // 11. the envelope's own tier cap (Observed: 2 although alignment alone allows 3)
    if (d.output.tier > env.tier_cap)
        return tier_inflation{d.output.tier, env.tier_cap, ceiling_of(classes)->limiting_class, env.type_name};
    return std::nullopt;
}

/// The empty-set guard of the class-set API, exposed so callers can query a set directly.
[[nodiscard]] constexpr std::optional<validation_error> check_class_set(class_set s) noexcept {
    if (s.empty()) return violation::empty_class_set{};
    return std::nullopt;
}

}  // namespace cellos
