// The validator in consteval form: a derivation written in the source that inflates its tier is
// a compile error naming the rule.
// EXPECT: rule_violated.*errc::tier_inflation\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_at(int tier) {
    return {{{authority_input_type::sni, "api.example.com", 0.95, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {tier, 0.95, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_at(2)));  // ✅ raw observation: ceiling 2
#else
static_assert(require_valid_as(authority_kind::observed, sni_at(3)));  // ❌ above the ceiling
#endif
