// The consteval formation check names the rule: `coordinator` names one member without
// authorizedBy; a second member without it is a second coordinator.
// EXPECT: formation_rule_violated.*formation_rule::multiple_coordinators\b
#include <optional>

#include "cellos/spec/formation_static_check.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
constexpr static_formation_member members[] = {{"coord", std::nullopt, std::nullopt}, {"rogue", "coord", std::nullopt}};
static_assert(require_valid_formation(static_formation_document{"pipeline", "coord", members}));  // ✅ rogue authorised by coord
#else
constexpr static_formation_member members[] = {{"coord", std::nullopt, std::nullopt}, {"rogue", std::nullopt, std::nullopt}};
static_assert(require_valid_formation(static_formation_document{"pipeline", "coord", members}));  // ❌ two roots
#endif
