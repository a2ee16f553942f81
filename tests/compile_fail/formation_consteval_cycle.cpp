// The consteval formation check names the rule: a member authorised through a cycle (a -> b -> a)
// breaks ADR-0010's "a DAG rooted at the coordinator".
// EXPECT: formation_rule_violated.*formation_rule::cycle\b
#include <optional>

#include "cellos/spec/formation_static_check.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
constexpr static_formation_member members[] = {{"coord", std::nullopt, std::nullopt}, {"a", "coord", std::nullopt}, {"b", "a", std::nullopt}};
static_assert(require_valid_formation(static_formation_document{"pipeline", "coord", members}));  // ✅ coord -> a -> b
#else
constexpr static_formation_member members[] = {{"coord", std::nullopt, std::nullopt}, {"a", "b", std::nullopt}, {"b", "a", std::nullopt}};
static_assert(require_valid_formation(static_formation_document{"pipeline", "coord", members}));  // ❌ a -> b -> a
#endif
