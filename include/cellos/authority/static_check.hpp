// cellos/authority/static_check.hpp — the validator in consteval form, for derivations written
// in the source (static_authority_derivation). A violation becomes a compile error whose text names
// the rule: the failing call is to a non-constexpr function called `violated_<rule>`.
#pragma once

#include "cellos/authority/validate.hpp"

namespace cellos {

namespace detail {
// Deliberately not constexpr: reaching one during constant evaluation is the diagnostic.
inline void violated_no_inputs() noexcept {}
inline void violated_no_rules_applied() noexcept {}
inline void violated_input_confidence_out_of_range() noexcept {}
inline void violated_input_confidence_nan() noexcept {}
inline void violated_output_confidence_invalid() noexcept {}
inline void violated_tier_out_of_range() noexcept {}
inline void violated_confidence_inflation() noexcept {}
inline void violated_tier_inflation() noexcept {}
inline void violated_epistemic_mismatch() noexcept {}
inline void violated_rule_class_mismatch() noexcept {}
inline void violated_binding_status_mismatch() noexcept {}
inline void violated_type_class_incompatible() noexcept {}
inline void violated_proven_authority_missing_artifact() noexcept {}
inline void violated_imposed_authority_missing_interception() noexcept {}
inline void violated_empty_class_set() noexcept {}

constexpr void report(const validation_error& e) noexcept {
    switch (e.index()) {
        case 0: violated_no_inputs(); break;
        case 1: violated_no_rules_applied(); break;
        case 2: violated_input_confidence_out_of_range(); break;
        case 3: violated_input_confidence_nan(); break;
        case 4: violated_output_confidence_invalid(); break;
        case 5: violated_tier_out_of_range(); break;
        case 6: violated_confidence_inflation(); break;
        case 7: violated_tier_inflation(); break;
        case 8: violated_epistemic_mismatch(); break;
        case 9: violated_rule_class_mismatch(); break;
        case 10: violated_binding_status_mismatch(); break;
        case 11: violated_type_class_incompatible(); break;
        case 12: violated_proven_authority_missing_artifact(); break;
        case 13: violated_imposed_authority_missing_interception(); break;
        default: violated_empty_class_set(); break;
    }
}
}  // namespace detail

/// true, or a compile error naming the first violated rule. For Proven, the artifact is assumed
/// usable (static derivations carry none).
template <class String>
consteval bool require_valid_as(authority_kind k, const basic_authority_derivation<String>& d) {
    if (const auto e = validate_as(k, d, true)) detail::report(*e);
    return true;
}

}  // namespace cellos
