// The consteval validator names the first violated rule: here an output confidence outside [0, 1]
// (the domain check comes before confidence non-inflation).
// EXPECT: rule_violated.*errc::output_confidence_invalid\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_claiming(double output_confidence) {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, output_confidence, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_claiming(0.0)));  // ✅ the lower bound itself
#else
static_assert(require_valid_as(authority_kind::observed, sni_claiming(-0.5)));  // ❌ below 0
#endif
