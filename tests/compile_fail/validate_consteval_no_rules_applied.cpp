// The consteval validator names the first violated rule: here ADG presence, a derivation that
// applied no rule (property 4).
// EXPECT: rule_violated.*errc::no_rules_applied\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni(bool with_rule) {
    std::vector<applied_rule> rules;
    if (with_rule) rules.push_back({rule::raw_sni_observed, rule_class::raw_observation});
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}}, rules,
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni(true)));  // ✅
#else
static_assert(require_valid_as(authority_kind::observed, sni(false)));  // ❌ no rule applied
#endif
