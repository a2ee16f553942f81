// The consteval validator names the first violated rule: here an input confidence outside [0, 1].
// EXPECT: rule_violated.*errc::input_confidence_out_of_range\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_at(double input_confidence) {
    return {{{authority_input_type::sni, "api.example.com", input_confidence, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_at(1.0)));  // ✅ the upper bound itself
#else
static_assert(require_valid_as(authority_kind::observed, sni_at(1.5)));  // ❌ above 1
#endif
