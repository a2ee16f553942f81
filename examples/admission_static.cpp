// examples/admission_static.cpp — policy tests as static_asserts: a platform team writes its pack
// and its reference cells as constants, and the build fails when a change to either breaks
// admission. The same checks run at runtime on JSON (cellos policy check); here the compiler runs them.
#include <cstdio>

#include "cellos/policy.hpp"

namespace platform {
using namespace cellos;

// The pack, as code.
inline constexpr std::string_view allowed_hosts[] = {"registry.example.com", "*.mirror.example.com"};
inline constexpr static_policy_pack_document ci_pack{
    "cellos.io/v1", "PolicyPack",
    {.id = "ci-default",
     .version = "1.2.0",
     .rules = {.max_lifetime_ttl_seconds = 3600,
               .max_run_timeout_ms = 1800000,
               .require_egress_declared = true,
               .allowed_egress_hosts = allowed_hosts,
               .require_resource_limits = true}}};

// A reference cell.
inline constexpr std::string_view argv[] = {"/usr/bin/make", "release"};
inline constexpr basic_egress_rule<constexpr_storage> egress[] = {{"registry.example.com", 443, egress_protocol::tcp}};
inline constexpr static_execution_cell_document build_cell{
    "cellos.io/v1", "ExecutionCell",
    {.id = "build-cell",
     .authority = {.egress_rules = egress},
     .lifetime = {1800},
     .run = basic_run_spec<constexpr_storage>{
         .argv = argv,
         .secret_delivery = secret_delivery_mode::env,
         .timeout_ms = 900000,
         .limits = run_limits{.memory_max_bytes = 1u << 30, .cpu_max = run_cpu_max{.quota_micros = 100000}}}}};

// ✅ admitted: a compile error naming the rule otherwise
static_assert(require_admission(ci_pack, build_cell));

// A cell that reaches a host the pack does not list.
inline constexpr basic_egress_rule<constexpr_storage> leaky_egress[] = {{"paste.example.org", 443, egress_protocol::tcp}};
inline constexpr static_execution_cell_document leaky_cell{
    "cellos.io/v1", "ExecutionCell",
    {.id = "leaky-cell", .authority = {.egress_rules = leaky_egress}, .lifetime = {1800}}};

// ❌ refused, and the first violation says why
static_assert(!admits(ci_pack, leaky_cell));
static_assert(check_spec_against_policy(leaky_cell.spec, ci_pack.spec).front().rule == policy_rule::allowed_egress_hosts);

}  // namespace platform

int main() {
    // Nothing is left to decide at runtime: print what the compiler proved.
    std::printf("ci-default admits build-cell: %s\n", cellos::admits(platform::ci_pack, platform::build_cell) ? "yes" : "no");
    std::printf("ci-default admits leaky-cell: %s\n", cellos::admits(platform::ci_pack, platform::leaky_cell) ? "yes" : "no");
    return cellos::admits(platform::ci_pack, platform::build_cell) && !cellos::admits(platform::ci_pack, platform::leaky_cell) ? 0 : 1;
}
