// The consteval validator names the first violated rule: here a NaN input confidence. A NaN is a
// constant (quiet_NaN() is constexpr), so this kind is reachable at compile time too.
// EXPECT: rule_violated.*errc::input_confidence_nan\b
#include <limits>

#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation sni_at(double input_confidence) {
    return {{{authority_input_type::sni, "api.example.com", input_confidence, std::nullopt}},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {1, 0.0, epistemic_status::direct_observation, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::observed, sni_at(0.0)));  // ✅
#else
static_assert(require_valid_as(authority_kind::observed, sni_at(std::numeric_limits<double>::quiet_NaN())));  // ❌ NaN is tested before the range
#endif
