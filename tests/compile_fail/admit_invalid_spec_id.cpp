// Admission in the source: the document itself is validated first, so a spec id that is not a
// portable identifier is a compile error naming the spec rule, whatever the pack.
// EXPECT: rule_violated.*spec_rule::portable_identifier\b.*where::execution_cell
#include <string_view>

#include "cellos/policy.hpp"
using namespace cellos;
constexpr static_execution_cell_document cell_named(std::string_view id) {
    return {"cellos.io/v1", "ExecutionCell", {.id = id, .lifetime = {600}}};
}
constexpr static_policy_pack_document audit_only{"cellos.io/v1", "PolicyPack", {.id = "audit"}};
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_admission(audit_only, cell_named("build-cell-042")));  // ✅
#else
static_assert(require_admission(audit_only, cell_named("build..cell")));  // ❌ ".." is never portable
#endif
