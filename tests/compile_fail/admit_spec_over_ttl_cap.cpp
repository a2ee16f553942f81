// Admission in the source: a spec whose lifetime exceeds the pack's maxLifetimeTtlSeconds is a
// compile error naming the PolicyRules member (must not exceed: the cap itself is admitted).
// EXPECT: rule_violated.*policy_rule::max_lifetime_ttl_seconds\b
#include <cstdint>
#include <string_view>

#include "cellos/policy.hpp"
using namespace cellos;
constexpr std::string_view argv[] = {"/usr/bin/make", "test"};
constexpr static_execution_cell_document cell_living(std::uint64_t ttl_seconds) {
    return {"cellos.io/v1", "ExecutionCell",
            {.id = "build-cell-042",
             .lifetime = {ttl_seconds},
             .run = basic_run_spec<constexpr_storage>{.argv = argv, .secret_delivery = secret_delivery_mode::env}}};
}
constexpr static_policy_pack_document capped{"cellos.io/v1", "PolicyPack", {.id = "capped", .rules = {.max_lifetime_ttl_seconds = 3600}}};
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_admission(capped, cell_living(3600)));  // ✅ at the cap
#else
static_assert(require_admission(capped, cell_living(3601)));  // ❌ one second over
#endif
