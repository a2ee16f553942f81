// The consteval validator names the first violated rule: here confidence non-inflation (property 1).
// EXPECT: rule_violated.*errc::confidence_inflation\b
#include "cellos/authority.hpp"
using namespace cellos;
constexpr static_authority_derivation guest_at(double confidence) {
    return {{{authority_input_type::guest_declaration, "api.example.com", 0.5, std::nullopt}},
            {{rule::guest_agent_declared, rule_class::guest_agent_declaration}},
            {1, confidence, epistemic_status::declared, binding_status::not_applicable}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_valid_as(authority_kind::declared, guest_at(0.5)));  // ✅ equal to the best input
#else
static_assert(require_valid_as(authority_kind::declared, guest_at(0.6)));  // ❌ above the best input
#endif
