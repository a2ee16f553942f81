// The consteval validator applies the kind's required evidence: Imposed needs an
// IMPOSED_INTERCEPTION rule (raw observations alone fit its envelope but impose nothing).
// EXPECT: rule_violated.*errc::imposed_authority_missing_interception\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni() {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
constexpr static_authority_derivation terminated() {
    return {{{authority_input_type::tls_termination, "api.example.com", 0.9, std::nullopt}},
            {{rule::imposed_tls_termination, rule_class::imposed_interception}},
            {1, 0.9, epistemic_status::imposed_observation, binding_status::imposed_bound}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::imposed, terminated()));  // ✅
#else
static_assert(require_valid_as(authority_kind::imposed, sni()));  // ❌ no interception rule
#endif
