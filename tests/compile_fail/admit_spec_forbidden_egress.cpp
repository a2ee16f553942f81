// Admission in the source: an air-gapped pack (forbidOutboundEgressRules) refuses a spec that
// declares any egress rule, and the compile error names the PolicyRules member.
// EXPECT: rule_violated.*policy_rule::forbid_outbound_egress_rules\b
#include <span>
#include <string_view>

#include "cellos/policy.hpp"
using namespace cellos;
constexpr basic_egress_rule<constexpr_storage> to_api[] = {{"api.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt}};
constexpr static_execution_cell_document cell_reaching(std::span<const basic_egress_rule<constexpr_storage>> egress) {
    return {"cellos.io/v1", "ExecutionCell", {.id = "build-cell-042", .authority = {.egress_rules = egress}, .lifetime = {600}}};
}
constexpr static_policy_pack_document airgap{"cellos.io/v1", "PolicyPack", {.id = "airgap", .rules = {.forbid_outbound_egress_rules = true}}};
#ifdef CELLOS_COMPILE_FAIL_CONTROL
static_assert(require_admission(airgap, cell_reaching(std::span(to_api).first(0))));  // ✅ no egress at all
#else
static_assert(require_admission(airgap, cell_reaching(to_api)));  // ❌ one outbound rule
#endif
