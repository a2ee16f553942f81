// The consteval validator names the first violated rule: here an output tier outside [0, 4]
// (the domain check comes before tier non-inflation).
// EXPECT: rule_violated.*errc::tier_out_of_range\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_at(int tier) {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {tier, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_at(0)));  // ✅ the lowest tier
#else
static_assert(require_valid_as(authority_kind::observed, sni_at(-1)));  // ❌ below tier 0
#endif
