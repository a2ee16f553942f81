// The consteval validator names the first violated rule: here a binding status that is not the
// canonical one (one raw input binds nothing: not_applicable).
// EXPECT: rule_violated.*errc::binding_status_mismatch\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_bound(binding_status binding) {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, epistemic_status::direct_observation, binding}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_bound(binding_status::not_applicable)));  // ✅
#else
static_assert(require_valid_as(authority_kind::observed, sni_bound(binding_status::bound)));  // ❌
#endif
