// Admission in the source: the pack is validated as a document too, and a pack id that is not a
// portable identifier is a compile error naming the same spec rule, checked in the policy pack.
// EXPECT: rule_violated.*spec_rule::portable_identifier\b.*where::policy_pack
#include <string_view>

#include "cellos/policy.hpp"
using namespace cellos;
constexpr static_execution_cell_document cell{"cellos.io/v1", "ExecutionCell", {.id = "build-cell-042", .lifetime = {600}}};
constexpr static_policy_pack_document pack_named(std::string_view id) { return {"cellos.io/v1", "PolicyPack", {.id = id}}; }
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_admission(pack_named("baseline"), cell));  // ✅
#else
static_assert(require_admission(pack_named("base..line"), cell));  // ❌ ".." is never portable
#endif
