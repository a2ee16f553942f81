// The consteval validator names the first violated rule: here an epistemic status that is not the
// canonical one of the applied classes (a raw observation is a direct observation).
// EXPECT: rule_violated.*errc::epistemic_mismatch\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_claiming(epistemic_status status) {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, status, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_claiming(epistemic_status::direct_observation)));  // ✅
#else
static_assert(require_valid_as(authority_kind::observed, sni_claiming(epistemic_status::structurally_aligned)));  // ❌ nothing was aligned
#endif
