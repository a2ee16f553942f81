// cellos/events/builders.hpp — one `<family>_<action>_data_v<N>` builder per event, returning its
// payload struct (payloads.hpp). Per-cell builders take the spec, the cell id and the optional run
// id first (CONFIRMED upstream convention) and copy spec.id and spec.correlation. Builders are
// pure and total: no I/O, no clock, no randomness, no validation of their arguments (upstream adds
// none either, docs/events.md). The envelope (id, time, source) is the JSON layer's
// (cellos/json/events.hpp). Core header: no Boost.JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cellos/events/enums.hpp"
#include "cellos/events/payloads.hpp"
#include "cellos/events/provenance.hpp"
#include "cellos/policy/authorization.hpp"
#include "cellos/policy/check.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/document.hpp"

namespace cellos {

namespace detail {
[[nodiscard]] inline std::optional<std::string> owned(std::optional<std::string_view> s) {
    return s ? std::optional<std::string>(std::in_place, *s) : std::nullopt;
}
[[nodiscard]] inline std::vector<std::string> owned(std::span<const std::string> s) { return {s.begin(), s.end()}; }
[[nodiscard]] inline std::vector<problem> owned(std::span<const problem> s) { return {s.begin(), s.end()}; }
}  // namespace detail

/// The common members of a per-cell payload: cellId, specId (= spec.id), runId, correlation (= spec.correlation).
[[nodiscard]] inline cell_event_header cell_header(const execution_cell_spec& spec, std::string_view cell_id,
                                                   std::optional<std::string_view> run_id) {
    return {std::string(cell_id), spec.id, detail::owned(run_id), spec.correlation};
}

// --- lifecycle ------------------------------------------------------------------------------------

/// The seed's ten parameters, in its order; each optional one becomes its camelCase key, omitted
/// when std::nullopt (the seed's None). The trailing seven default to std::nullopt so that callers
/// that know only the run id stay short.
[[nodiscard]] inline lifecycle_started_v1 lifecycle_started_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                    std::optional<std::string_view> run_id,
                                                                    std::optional<bool> derivation_verified = std::nullopt,
                                                                    std::optional<std::string_view> role_root = std::nullopt,
                                                                    std::optional<std::string_view> parent_run_id = std::nullopt,
                                                                    std::optional<std::string_view> spec_hash = std::nullopt,
                                                                    std::optional<std::string_view> kernel_digest_sha256 = std::nullopt,
                                                                    std::optional<std::string_view> rootfs_digest_sha256 = std::nullopt,
                                                                    std::optional<std::string_view> firecracker_digest_sha256 = std::nullopt) {
    using detail::owned;
    return {cell_header(spec, cell_id, run_id), derivation_verified,           owned(role_root),
            owned(parent_run_id),                owned(spec_hash),              owned(kernel_digest_sha256),
            owned(rootfs_digest_sha256),         owned(firecracker_digest_sha256)};
}

/// No exit code parameter, by design: lifecycle.destroyed never carries one (FC-23).
[[nodiscard]] inline lifecycle_destroyed_v1 lifecycle_destroyed_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                        std::optional<std::string_view> run_id,
                                                                        lifecycle_destroy_outcome outcome,
                                                                        std::optional<lifecycle_terminal_state> terminal_state,
                                                                        std::optional<lifecycle_reason> reason,
                                                                        std::optional<subject_urn> evidence_bundle_ref) {
    return {cell_header(spec, cell_id, run_id), outcome, terminal_state, std::move(reason), std::move(evidence_bundle_ref)};
}

[[nodiscard]] inline lifecycle_failed_v1 lifecycle_failed_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                  std::optional<std::string_view> run_id, lifecycle_reason reason) {
    return {cell_header(spec, cell_id, run_id), std::move(reason)};
}

// --- command --------------------------------------------------------------------------------------

[[nodiscard]] inline command_completed_v1 command_completed_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                    std::optional<std::string_view> run_id,
                                                                    std::span<const std::string> argv, std::int32_t exit_code,
                                                                    std::uint64_t duration_ms,
                                                                    std::optional<std::string_view> spawn_error) {
    return {cell_header(spec, cell_id, run_id), detail::owned(argv), exit_code, duration_ms,
            detail::owned(spawn_error)};
}

// --- identity -------------------------------------------------------------------------------------

[[nodiscard]] inline identity_materialized_v1 identity_materialized_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                            std::optional<std::string_view> run_id,
                                                                            const workload_identity& identity) {
    return {cell_header(spec, cell_id, run_id), identity};
}

[[nodiscard]] inline identity_failed_v1 identity_failed_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                std::optional<std::string_view> run_id,
                                                                identity_failure_operation operation, std::string_view reason) {
    return {cell_header(spec, cell_id, run_id), operation, std::string(reason)};
}

[[nodiscard]] inline identity_revoked_v1 identity_revoked_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                  std::optional<std::string_view> run_id,
                                                                  std::optional<workload_identity> identity,
                                                                  std::optional<cellos::provenance> provenance) {
    return {cell_header(spec, cell_id, run_id), std::move(identity), std::move(provenance)};
}

// --- export (wire version 2) ----------------------------------------------------------------------

[[nodiscard]] inline export_completed_v2 export_completed_data_v2(const execution_cell_spec& spec, std::string_view cell_id,
                                                                  std::optional<std::string_view> run_id,
                                                                  const export_receipt& receipt,
                                                                  std::optional<std::string_view> target_name,
                                                                  std::optional<cellos::provenance> provenance) {
    return {cell_header(spec, cell_id, run_id), receipt.target_kind, detail::owned(target_name), receipt.destination,
            receipt.artifact, std::move(provenance)};
}

[[nodiscard]] inline export_failed_v2 export_failed_data_v2(const execution_cell_spec& spec, std::string_view cell_id,
                                                            std::optional<std::string_view> run_id, std::string_view artifact_name,
                                                            export_receipt_target_kind target_kind,
                                                            std::optional<std::string_view> target_name,
                                                            std::optional<std::string_view> destination, std::string_view reason,
                                                            std::optional<cellos::provenance> provenance) {
    return {cell_header(spec, cell_id, run_id),   std::string(artifact_name), target_kind,
            detail::owned(target_name), detail::owned(destination), std::string(reason),
            std::move(provenance)};
}

// --- observability --------------------------------------------------------------------------------

[[nodiscard]] inline observability_process_spawned_v1 observability_process_spawned_data_v1(const execution_cell_spec& spec,
                                                                                            std::string_view cell_id,
                                                                                            std::optional<std::string_view> run_id,
                                                                                            std::string_view program, std::size_t argc) {
    return {cell_header(spec, cell_id, run_id), std::string(program), static_cast<std::uint64_t>(argc)};
}

/// egressRuleCount = spec.authority.egressRules.size().
[[nodiscard]] inline observability_network_policy_v1 observability_network_policy_data_v1(const execution_cell_spec& spec,
                                                                                          std::string_view cell_id,
                                                                                          std::optional<std::string_view> run_id,
                                                                                          std::optional<bool> nft_rules_applied) {
    return {cell_header(spec, cell_id, run_id), static_cast<std::uint64_t>(spec.authority.egress_rules.size()), nft_rules_applied};
}

// --- evidence bundle ------------------------------------------------------------------------------

[[nodiscard]] inline evidence_bundle_emitted_v1 evidence_bundle_emitted_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                                std::optional<std::string_view> run_id,
                                                                                evidence_bundle_refs refs, residue_class residue,
                                                                                std::string_view spec_hash) {
    return {cell_header(spec, cell_id, run_id), std::string(spec_hash), residue, std::move(refs)};
}

// --- formation (not per cell) ---------------------------------------------------------------------

[[nodiscard]] inline formation_created_v1 formation_created_data_v1(std::string_view formation_id, std::optional<std::string_view> name,
                                                                    std::span<const std::string> cell_ids) {
    return {std::string(formation_id), detail::owned(name), detail::owned(cell_ids)};
}
[[nodiscard]] inline formation_launching_v1 formation_launching_data_v1(std::string_view formation_id,
                                                                        std::span<const std::string> cell_ids) {
    return {std::string(formation_id), detail::owned(cell_ids)};
}
[[nodiscard]] inline formation_running_v1 formation_running_data_v1(std::string_view formation_id,
                                                                    std::span<const std::string> cell_ids) {
    return {std::string(formation_id), detail::owned(cell_ids)};
}
[[nodiscard]] inline formation_degraded_v1 formation_degraded_data_v1(std::string_view formation_id,
                                                                      std::span<const std::string> failed_cell_ids,
                                                                      std::string_view reason) {
    return {std::string(formation_id), detail::owned(failed_cell_ids), std::string(reason)};
}
[[nodiscard]] inline formation_completed_v1 formation_completed_data_v1(std::string_view formation_id,
                                                                        std::span<const std::string> cell_ids) {
    return {std::string(formation_id), detail::owned(cell_ids)};
}
[[nodiscard]] inline formation_failed_v1 formation_failed_data_v1(std::string_view formation_id,
                                                                  std::span<const std::string> failed_cell_ids, std::string_view reason) {
    return {std::string(formation_id), detail::owned(failed_cell_ids), std::string(reason)};
}

// --- admission: authz, compliance, cortex ---------------------------------------------------------

/// The problems a policy pack found (the policy validators' problem_list); `verdict` and
/// `subject` when the RBAC gate refused (authorize()).
[[nodiscard]] inline authz_rejected_v1 authz_rejected_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                              std::optional<std::string_view> run_id,
                                                              std::span<const problem> violations,
                                                              std::optional<authorization_verdict> verdict = {},
                                                              std::optional<std::string_view> subject = {}) {
    return {cell_header(spec, cell_id, run_id), detail::owned(subject), verdict, detail::owned(violations)};
}
/// A truncated list carries the problems it stored.
[[nodiscard]] inline authz_rejected_v1 authz_rejected_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                              std::optional<std::string_view> run_id, const problem_list& violations,
                                                              std::optional<authorization_verdict> verdict = {},
                                                              std::optional<std::string_view> subject = {}) {
    return authz_rejected_data_v1(spec, cell_id, run_id, std::span<const problem>(violations.items()), verdict, subject);
}

/// policy = spec.policy; compliant = no problems.
[[nodiscard]] inline compliance_summary_v1 compliance_summary_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                      std::optional<std::string_view> run_id,
                                                                      std::span<const problem> violations) {
    return {cell_header(spec, cell_id, run_id), spec.policy, violations.empty(), detail::owned(violations)};
}
/// compliant = the list counted no problem: a list truncated to zero stored problems is still
/// non-compliant.
[[nodiscard]] inline compliance_summary_v1 compliance_summary_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                      std::optional<std::string_view> run_id,
                                                                      const problem_list& violations) {
    return {cell_header(spec, cell_id, run_id), spec.policy, violations.empty(), violations.items()};
}

[[nodiscard]] inline cortex_dispatched_v1 cortex_dispatched_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                    std::optional<std::string_view> run_id, std::string_view dispatch_id,
                                                                    std::optional<std::string_view> requested_by) {
    return {cell_header(spec, cell_id, run_id), std::string(dispatch_id), detail::owned(requested_by)};
}

// --- dns ------------------------------------------------------------------------------------------

[[nodiscard]] inline dns_query_v1 dns_query_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                    std::optional<std::string_view> run_id, std::string_view hostname,
                                                    dns_query_type query_type, std::optional<std::string_view> resolver_id) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), query_type, detail::owned(resolver_id)};
}

[[nodiscard]] inline dns_query_permitted_v1 dns_query_permitted_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                        std::optional<std::string_view> run_id, std::string_view hostname,
                                                                        dns_query_type query_type,
                                                                        std::optional<std::string_view> resolver_id,
                                                                        std::span<const std::string> answers,
                                                                        std::optional<std::uint32_t> ttl_seconds) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), query_type, detail::owned(resolver_id),
            detail::owned(answers), ttl_seconds};
}

[[nodiscard]] inline dns_query_refused_v1 dns_query_refused_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                    std::optional<std::string_view> run_id, std::string_view hostname,
                                                                    dns_query_type query_type, dns_refusal_reason reason) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), query_type, reason};
}

// --- dns_authority --------------------------------------------------------------------------------

[[nodiscard]] inline dns_authority_dnssec_failed_v1 dns_authority_dnssec_failed_data_v1(const execution_cell_spec& spec,
                                                                                        std::string_view cell_id,
                                                                                        std::optional<std::string_view> run_id,
                                                                                        std::string_view hostname,
                                                                                        std::string_view resolver_id,
                                                                                        std::string_view reason) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), std::string(resolver_id), std::string(reason)};
}

[[nodiscard]] inline dns_authority_drift_v1 dns_authority_drift_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                        std::optional<std::string_view> run_id, std::string_view hostname,
                                                                        std::optional<std::string_view> resolver_id,
                                                                        std::span<const std::string> previous_answers,
                                                                        std::span<const std::string> current_answers) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), detail::owned(resolver_id),
            detail::owned(previous_answers), detail::owned(current_answers)};
}

[[nodiscard]] inline dns_authority_rebind_rejected_v1 dns_authority_rebind_rejected_data_v1(const execution_cell_spec& spec,
                                                                                            std::string_view cell_id,
                                                                                            std::optional<std::string_view> run_id,
                                                                                            std::string_view hostname,
                                                                                            std::string_view address,
                                                                                            std::optional<std::string_view> resolver_id) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), std::string(address), detail::owned(resolver_id)};
}

[[nodiscard]] inline dns_authority_rebind_threshold_v1 dns_authority_rebind_threshold_data_v1(const execution_cell_spec& spec,
                                                                                              std::string_view cell_id,
                                                                                              std::optional<std::string_view> run_id,
                                                                                              std::string_view hostname,
                                                                                              std::uint32_t distinct_addresses,
                                                                                              std::uint32_t threshold) {
    return {cell_header(spec, cell_id, run_id), std::string(hostname), distinct_addresses, threshold};
}

// --- keyset (trust plane, not per cell) -----------------------------------------------------------

[[nodiscard]] inline keyset_verified_v1 keyset_verified_data_v1(std::string_view keyset_id, std::string_view kid,
                                                                std::optional<std::uint64_t> sequence) {
    return {std::string(keyset_id), std::string(kid), sequence};
}

[[nodiscard]] inline keyset_verification_failed_v1 keyset_verification_failed_data_v1(std::string_view keyset_id,
                                                                                      std::optional<std::string_view> kid,
                                                                                      std::string_view reason) {
    return {std::string(keyset_id), detail::owned(kid), std::string(reason)};
}

// --- homeostasis, network, firecracker pool -------------------------------------------------------

/// `value` and `threshold` must be finite (JSON has no NaN or infinity).
[[nodiscard]] inline homeostasis_signal_v1 homeostasis_signal_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                      std::optional<std::string_view> run_id, std::string_view signal,
                                                                      double value, std::optional<double> threshold) {
    return {cell_header(spec, cell_id, run_id), std::string(signal), value, threshold};
}

[[nodiscard]] inline network_flow_decision_v1 network_flow_decision_data_v1(const execution_cell_spec& spec, std::string_view cell_id,
                                                                            std::optional<std::string_view> run_id,
                                                                            std::string_view destination, std::uint16_t port,
                                                                            egress_protocol protocol, network_flow_verdict decision,
                                                                            std::optional<std::uint32_t> matched_rule) {
    return {cell_header(spec, cell_id, run_id), std::string(destination), port, protocol, decision, matched_rule};
}

[[nodiscard]] inline firecracker_pool_checkout_v1 firecracker_pool_checkout_data_v1(std::string_view pool_id, std::string_view vm_id,
                                                                                    std::optional<std::string_view> cell_id, bool warm,
                                                                                    std::uint64_t wait_ms) {
    return {std::string(pool_id), std::string(vm_id), detail::owned(cell_id), warm, wait_ms};
}

}  // namespace cellos
