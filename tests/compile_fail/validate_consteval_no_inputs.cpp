// The consteval validator names the first violated rule: here ADG presence, a derivation without
// inputs (property 4).
// EXPECT: rule_violated.*errc::no_inputs\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni(bool with_input) {
    std::vector<static_authority_input> inputs;
    if (with_input) inputs.push_back({authority_input_type::sni, "api.example.com", 0.9, std::nullopt});
    return {inputs, {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni(true)));  // ✅
#else
static_assert(require_valid_as(authority_kind::observed, sni(false)));  // ❌ no input at all
#endif
