// The consteval validator applies the kind's required evidence: Proven needs a CRYPTOGRAPHIC_PROOF
// rule (raw observations alone fit its envelope but prove nothing). require_valid_as assumes the
// artifact usable, so only the missing-rule form of this kind is reachable at compile time.
// EXPECT: rule_violated.*errc::proven_authority_missing_artifact\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni() {
    return {{{authority_input_type::sni, "api.example.com", 0.9, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.9, epistemic_status::direct_observation, binding_status::not_applicable}};
}
constexpr static_authority_derivation jws() {
    return {{{authority_input_type::jws, "api.example.com", 0.9, std::nullopt}},
            {{rule::jws_signature_verified, rule_class::cryptographic_proof}},
            {1, 0.9, epistemic_status::cryptographically_proven, binding_status::bound}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::proven, jws()));  // ✅
#else
static_assert(require_valid_as(authority_kind::proven, sni()));  // ❌ no proof rule
#endif
