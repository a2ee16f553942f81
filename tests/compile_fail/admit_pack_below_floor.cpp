// Admission in the source: a pack whose version is below min_supported_policy_pack_version is
// refused (compile-time admission never downgrades), and the error says so.
// EXPECT: rule_violated.*policy_version_verdict::below_floor\b.*where::policy_pack
#include <string_view>

#include "cellos/policy.hpp"
using namespace cellos;
constexpr static_execution_cell_document cell{"cellos.io/v1", "ExecutionCell", {.id = "build-cell-042", .lifetime = {600}}};
constexpr static_policy_pack_document pack_at(std::string_view version) {
    return {"cellos.io/v1", "PolicyPack", {.id = "baseline", .version = version}};
}
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_admission(pack_at("1.0.0"), cell));  // ✅ the floor itself
#else
static_assert(require_admission(pack_at("0.9.0"), cell));  // ❌ below the floor
#endif
