// The consteval validator applies the kind's envelope: a raw observation is not Declared evidence.
// EXPECT: rule_violated.*errc::type_class_incompatible\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni() {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni()));  // ✅
#else
static_assert(require_valid_as(authority_kind::declared, sni()));  // ❌
#endif
