// The consteval validator names the first violated rule: here a rule declared with a class other
// than its canonical one.
// EXPECT: rule_violated.*errc::rule_class_mismatch\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_declared_as(rule_class cls) {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, cls}},
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_declared_as(rule_class::raw_observation)));  // ✅
#else
static_assert(require_valid_as(authority_kind::observed, sni_declared_as(rule_class::structural_alignment)));  // ❌ RAW_SNI_OBSERVED is a raw observation
#endif
