// tools/cellos/demo_admission.hpp — the admission half of `cellos demo`: the bundled spec, packs
// and authorization policy (examples/data/admission) through validation, hashing, policy and RBAC,
// plus the same admission decided at compile time for a constexpr spec.
#pragma once

#include <string>
#include <string_view>

#include "admission_io.hpp"
#include "cellos/trust/spec_hash.hpp"
#include "policy_cmd.hpp"
#include "cli.hpp"
#include "demo_data.hpp"

namespace cellos::cli {

namespace demo_static {
// A cell and two packs built as constants: the verdicts below are static_asserts, not runtime
// checks; the demo only prints what the compiler already proved.
inline constexpr std::string_view argv[] = {"/usr/bin/make", "test"};
inline constexpr std::string_view secret_refs[] = {"REGISTRY_TOKEN"};
inline constexpr basic_egress_rule<constexpr_storage> egress[] = {{"registry.example.com", 443, egress_protocol::tcp}};
inline constexpr static_execution_cell_document cell{
    "cellos.io/v1", "ExecutionCell",
    {.id = "static-cell",
     .authority = {.secret_refs = secret_refs, .egress_rules = egress},
     .lifetime = {600},
     .run = basic_run_spec<constexpr_storage>{.argv = argv, .secret_delivery = secret_delivery_mode::runtime_broker,
                                              .timeout_ms = 120000}}};
inline constexpr static_policy_pack_document bounded{"cellos.io/v1", "PolicyPack",
                                                     {.id = "bounded", .rules = {.max_lifetime_ttl_seconds = 3600,
                                                                                 .max_run_timeout_ms = 600000}}};
inline constexpr static_policy_pack_document airgapped{"cellos.io/v1", "PolicyPack",
                                                       {.id = "airgapped", .rules = {.forbid_outbound_egress_rules = true}}};
static_assert(require_admission(bounded, cell));
static_assert(!admits(airgapped, cell));
static_assert(check_spec_against_policy(cell.spec, airgapped.spec).front().rule == policy_rule::forbid_outbound_egress_rules);
}  // namespace demo_static

/// Runs the admission steps; returns the number of verdicts that differ from the expected ones.
inline int admission_steps(const demo_data& data, int& step) {
    int failures = 0;
    const auto check = [&](boost::json::object line, bool ok) {
        line["step"] = ++step;
        line["ok"] = ok;
        failures += ok ? 0 : 1;
        emit(line);
    };
    int code = 0;
    const auto cell = load_demo<execution_cell_document>(data, "admission/build_cell.json", code);
    const auto invalid = load_demo<execution_cell_document>(data, "admission/invalid_cell.json", code);
    const auto ci = load_demo<policy_pack_document>(data, "admission/pack_ci.json", code);
    const auto airgapped = load_demo<policy_pack_document>(data, "admission/pack_airgapped.json", code);
    const auto authz = load_demo<authorization_policy_document>(data, "admission/authz_ci.json", code);
    if (!cell || !invalid || !ci || !airgapped || !authz) return failures + 1;

    const auto cell_violations = validate_execution_cell_document(*cell);
    check({{"file", "admission/build_cell.json"}, {"note", "a realistic build cell: valid, hashed canonically (RFC 8785 + SHA-256)"},
           {"hash", canonical_spec_hash(*cell)}, {"violations", problem_array(cell_violations)}},
          cell_violations.empty());
    const auto bad = validate_execution_cell_document(*invalid);
    check({{"file", "admission/invalid_cell.json"}, {"note", "every violation is reported, each with a rule id and a JSON pointer"},
           {"violations", problem_array(bad)}},
          bad.size() >= 10);
    const auto ci_violations = validate_spec_against_policy(cell->spec, ci->spec);
    check({{"pack", "admission/pack_ci.json"}, {"note", "the CI pack admits the build cell (placement scope: poolId ci-pool)"},
           {"inScope", spec_matches_placement_scope(ci->spec, cell->spec)}, {"violations", problem_array(ci_violations)}},
          ci_violations.empty() && validate_policy_pack_document(*ci).empty());
    const auto air = validate_spec_against_policy(cell->spec, airgapped->spec);
    check({{"pack", "admission/pack_airgapped.json"}, {"note", "the air-gapped pack refuses it: rule ids are PolicyRules member names"},
           {"violations", problem_array(air)}},
          !air.empty() && air.front().rule == to_wire(policy_rule::max_lifetime_ttl_seconds));
    const auto allowed = authorize(authz->spec, authorization_request_for("acme", cell->spec));
    check({{"policy", "admission/authz_ci.json"}, {"subject", "acme"}, {"verdict", boost::json::value_from(allowed)}},
          allowed == authorization_verdict::allowed);
    const auto denied = authorize(authz->spec, authorization_request_for("tenant:*", cell->spec));
    check({{"policy", "admission/authz_ci.json"}, {"subject", "tenant:*"}, {"note", "exact matching: no globs"},
           {"verdict", boost::json::value_from(denied)}},
          denied == authorization_verdict::subject_not_listed);
    check({{"static", "static_assert(require_admission(bounded, cell)); static_assert(!admits(airgapped, cell));"},
           {"note", "the same admission decided by the compiler for a constexpr spec (tools/cellos/demo_admission.hpp)"},
           {"firstViolation", std::string(to_wire(check_spec_against_policy(demo_static::cell.spec, demo_static::airgapped.spec).front().rule))}},
          true);
    return failures;
}

}  // namespace cellos::cli
