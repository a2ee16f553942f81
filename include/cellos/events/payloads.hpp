// cellos/events/payloads.hpp — the `data` of every CellOS event: one Described aggregate per event
// type, named `<family>_<action>_v<N>`, carrying its `event_type` as `P::type`. The wire_fields()
// tables are the single source of the payload keys (camelCase): the JSON codec, the docs table
// (docs/events.md#vocabulary) and the tests all read them. Absent optionals are omitted on output.
// CONFIRMED keys: cellId, specId, runId, exitCode (command.completed only), outcome, terminalState,
// provenance {parent, parentType}; everything else is our choice (marked in docs/events.md).
// Refusals carried in a payload (authz.rejected, compliance.summary) are `cellos::problem`s, the
// library's one problem record. Core header: no Boost.JSON.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/authority/rule_class.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/events/enums.hpp"
#include "cellos/events/provenance.hpp"
#include "cellos/events/type_strings.hpp"
#include "cellos/policy/authorization.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/context.hpp"
#include "cellos/spec/dns.hpp"
#include "cellos/spec/egress.hpp"
#include "cellos/spec/export.hpp"

namespace cellos {

/// The seed's LifecycleResidueClass (README: a typed payload enum; upstream definition NOT FOUND,
/// docs/events.md). Our choice: the same taxonomy as ResidueClass — what a cell's
/// destruction left behind — so one enum with one set of wire strings, under both names, rather
/// than two enums that could drift apart.
using lifecycle_residue_class = residue_class;

// --- shared blocks --------------------------------------------------------------------------------

/// The members every per-cell payload starts with: cellId and specId (CONFIRMED: the projection
/// key and spec.id), runId (CONFIRMED, optional; omitted when absent — our choice over null) and
/// the spec's correlation block, copied when the spec has one (INFERRED upstream).
struct cell_event_header {
    std::string cell_id;
    std::string spec_id;
    std::optional<std::string> run_id;
    std::optional<cellos::correlation> correlation;

    static constexpr auto wire_fields() {
        using T = cell_event_header;
        return std::tuple{cellos::detail::field{"cellId", &T::cell_id}, cellos::detail::field{"specId", &T::spec_id},
                          cellos::detail::field{"runId", &T::run_id}, cellos::detail::field{"correlation", &T::correlation}};
    }
    friend bool operator==(const cell_event_header&, const cell_event_header&) = default;
};

/// One `cell.observability.guest.*` event an evidence bundle refers to (CONFIRMED triple).
struct guest_event_ref {
    std::string event_id;
    std::string event_type;
    cellos::rule_class rule_class{};

    static constexpr auto wire_fields() {
        using T = guest_event_ref;
        return std::tuple{cellos::detail::field{"eventId", &T::event_id}, cellos::detail::field{"eventType", &T::event_type},
                          cellos::detail::field{"ruleClass", &T::rule_class}};
    }
    friend bool operator==(const guest_event_ref&, const guest_event_ref&) = default;
};

/// Upstream `EvidenceBundleRefs` (members CONFIRMED, camelCase keys our choice): envelope ids of the
/// events a bundle ties together. Never invent a reference: optional ones are set only for events
/// that were emitted.
struct evidence_bundle_refs {
    std::string started_event_ref;
    std::string cell_destroyed_event_ref;
    std::optional<std::string> command_completed_event_ref;
    std::vector<std::string> spawned_event_refs;
    std::vector<std::string> fc_metrics_event_refs;
    std::vector<std::string> cgroup_event_refs;
    std::vector<std::string> nftables_event_refs;
    std::vector<std::string> tap_event_refs;
    std::optional<std::string> homeostasis_event_ref;
    std::optional<std::string> compliance_summary_event_ref;
    std::vector<guest_event_ref> guest_event_refs;
    std::optional<std::string> residue_exception;  ///< the runbook entry, for residue class documented_exception

    static constexpr auto wire_fields() {
        using T = evidence_bundle_refs;
        using cellos::detail::field;
        return std::tuple{field{"startedEventRef", &T::started_event_ref},
                          field{"cellDestroyedEventRef", &T::cell_destroyed_event_ref},
                          field{"commandCompletedEventRef", &T::command_completed_event_ref},
                          field{"spawnedEventRefs", &T::spawned_event_refs},
                          field{"fcMetricsEventRefs", &T::fc_metrics_event_refs},
                          field{"cgroupEventRefs", &T::cgroup_event_refs},
                          field{"nftablesEventRefs", &T::nftables_event_refs},
                          field{"tapEventRefs", &T::tap_event_refs},
                          field{"homeostasisEventRef", &T::homeostasis_event_ref},
                          field{"complianceSummaryEventRef", &T::compliance_summary_event_ref},
                          field{"guestEventRefs", &T::guest_event_refs},
                          field{"residueException", &T::residue_exception}};
    }
    friend bool operator==(const evidence_bundle_refs&, const evidence_bundle_refs&) = default;
};

// --- the payloads ---------------------------------------------------------------------------------
// Each: `static constexpr event_type type`, wire_fields() = [header fields +] own fields.

/// lifecycle.v1.started: the cell is up. After the header, one flat optional member per seed
/// parameter of lifecycle_started_data_v1, in its order (keys: the camelCase parameter names, our
/// choice). The three digests are FC-08's verified boot artifacts, each "sha256:<64 hex>".
struct lifecycle_started_v1 : cell_event_header {
    static constexpr event_type type = event_type::lifecycle_started_v1;
    std::optional<bool> derivation_verified;  ///< the spec's authority derivation token verified
    std::optional<std::string> role_root;
    std::optional<std::string> parent_run_id;
    std::optional<std::string> spec_hash;
    std::optional<std::string> kernel_digest_sha256;
    std::optional<std::string> rootfs_digest_sha256;
    std::optional<std::string> firecracker_digest_sha256;

    static constexpr auto wire_fields() {
        using T = lifecycle_started_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"derivationVerified", &T::derivation_verified}, field{"roleRoot", &T::role_root},
                                         field{"parentRunId", &T::parent_run_id}, field{"specHash", &T::spec_hash},
                                         field{"kernelDigestSha256", &T::kernel_digest_sha256},
                                         field{"rootfsDigestSha256", &T::rootfs_digest_sha256},
                                         field{"firecrackerDigestSha256", &T::firecracker_digest_sha256}});
    }
    friend bool operator==(const lifecycle_started_v1&, const lifecycle_started_v1&) = default;
};

/// lifecycle.v1.destroyed: never an exitCode (FC-23: after a forced stop any code is synthetic).
struct lifecycle_destroyed_v1 : cell_event_header {
    static constexpr event_type type = event_type::lifecycle_destroyed_v1;
    lifecycle_destroy_outcome outcome{};
    std::optional<lifecycle_terminal_state> terminal_state;  ///< omitted when the backend cannot tell
    std::optional<lifecycle_reason> reason;
    std::optional<subject_urn> evidence_bundle_ref;

    static constexpr auto wire_fields() {
        using T = lifecycle_destroyed_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"outcome", &T::outcome}, field{"terminalState", &T::terminal_state},
                                         field{"reason", &T::reason}, field{"evidenceBundleRef", &T::evidence_bundle_ref}});
    }
    friend bool operator==(const lifecycle_destroyed_v1&, const lifecycle_destroyed_v1&) = default;
};

/// lifecycle.v1.failed: the cell could not run (typed reason, FC-50).
struct lifecycle_failed_v1 : cell_event_header {
    static constexpr event_type type = event_type::lifecycle_failed_v1;
    lifecycle_reason reason;

    static constexpr auto wire_fields() {
        using T = lifecycle_failed_v1;
        return std::tuple_cat(cell_event_header::wire_fields(), std::tuple{cellos::detail::field{"reason", &T::reason}});
    }
    friend bool operator==(const lifecycle_failed_v1&, const lifecycle_failed_v1&) = default;
};

/// command.v1.completed: the only payload with exitCode (from the vsock receiver).
struct command_completed_v1 : cell_event_header {
    static constexpr event_type type = event_type::command_completed_v1;
    std::vector<std::string> argv;
    std::int32_t exit_code{};
    std::uint64_t duration_ms{};
    std::optional<std::string> spawn_error;

    static constexpr auto wire_fields() {
        using T = command_completed_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"argv", &T::argv}, field{"exitCode", &T::exit_code},
                                         field{"durationMs", &T::duration_ms}, field{"spawnError", &T::spawn_error}});
    }
    friend bool operator==(const command_completed_v1&, const command_completed_v1&) = default;
};

/// identity.v1.materialized: the workload identity the cell received.
struct identity_materialized_v1 : cell_event_header {
    static constexpr event_type type = event_type::identity_materialized_v1;
    cellos::workload_identity identity;

    static constexpr auto wire_fields() {
        using T = identity_materialized_v1;
        return std::tuple_cat(cell_event_header::wire_fields(), std::tuple{cellos::detail::field{"identity", &T::identity}});
    }
    friend bool operator==(const identity_materialized_v1&, const identity_materialized_v1&) = default;
};

/// identity.v1.failed: materialize or revoke failed.
struct identity_failed_v1 : cell_event_header {
    static constexpr event_type type = event_type::identity_failed_v1;
    identity_failure_operation operation{};
    std::string reason;

    static constexpr auto wire_fields() {
        using T = identity_failed_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"operation", &T::operation}, field{"reason", &T::reason}});
    }
    friend bool operator==(const identity_failed_v1&, const identity_failed_v1&) = default;
};

/// identity.v1.revoked: provenance = the run's lifecycle.started (filled by the supervisor).
struct identity_revoked_v1 : cell_event_header {
    static constexpr event_type type = event_type::identity_revoked_v1;
    std::optional<cellos::workload_identity> identity;
    std::optional<cellos::provenance> provenance;

    static constexpr auto wire_fields() {
        using T = identity_revoked_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"identity", &T::identity}, field{"provenance", &T::provenance}});
    }
    friend bool operator==(const identity_revoked_v1&, const identity_revoked_v1&) = default;
};

/// export.v2.completed: the sink's receipt members in place (targetKind, destination, artifact).
struct export_completed_v2 : cell_event_header {
    static constexpr event_type type = event_type::export_completed_v2;
    cellos::export_receipt_target_kind target_kind{};
    std::optional<std::string> target_name;
    std::string destination;
    cellos::export_artifact_metadata artifact;
    std::optional<cellos::provenance> provenance;

    static constexpr auto wire_fields() {
        using T = export_completed_v2;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"targetKind", &T::target_kind}, field{"targetName", &T::target_name},
                                         field{"destination", &T::destination}, field{"artifact", &T::artifact},
                                         field{"provenance", &T::provenance}});
    }
    friend bool operator==(const export_completed_v2&, const export_completed_v2&) = default;
};

/// export.v2.failed (signature CONFIRMED; keys INFERRED from the parameter names).
struct export_failed_v2 : cell_event_header {
    static constexpr event_type type = event_type::export_failed_v2;
    std::string artifact_name;
    cellos::export_receipt_target_kind target_kind{};
    std::optional<std::string> target_name;
    std::optional<std::string> destination;
    std::string reason;
    std::optional<cellos::provenance> provenance;

    static constexpr auto wire_fields() {
        using T = export_failed_v2;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"artifactName", &T::artifact_name}, field{"targetKind", &T::target_kind},
                                         field{"targetName", &T::target_name}, field{"destination", &T::destination},
                                         field{"reason", &T::reason}, field{"provenance", &T::provenance}});
    }
    friend bool operator==(const export_failed_v2&, const export_failed_v2&) = default;
};

/// observability.v1.process_spawned: the program and argc only (the argv is deliberately not carried).
struct observability_process_spawned_v1 : cell_event_header {
    static constexpr event_type type = event_type::observability_process_spawned_v1;
    std::string program;
    std::uint64_t argc{};

    static constexpr auto wire_fields() {
        using T = observability_process_spawned_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(), std::tuple{field{"program", &T::program}, field{"argc", &T::argc}});
    }
    friend bool operator==(const observability_process_spawned_v1&, const observability_process_spawned_v1&) = default;
};

/// observability.v1.network_policy: the network-enforcement event (upstream "network_enforcement"
/// CloudEvent): how many egress rules the spec declares and whether the nft rules were applied.
struct observability_network_policy_v1 : cell_event_header {
    static constexpr event_type type = event_type::observability_network_policy_v1;
    std::uint64_t egress_rule_count{};
    std::optional<bool> nft_rules_applied;  ///< omitted when the backend cannot tell

    static constexpr auto wire_fields() {
        using T = observability_network_policy_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"egressRuleCount", &T::egress_rule_count}, field{"nftRulesApplied", &T::nft_rules_applied}});
    }
    friend bool operator==(const observability_network_policy_v1&, const observability_network_policy_v1&) = default;
};

/// evidence_bundle.v1.emitted: ties the run's events to lifecycle.destroyed (D5) and a host-stamped
/// spec hash (ADR-0006 §F1).
struct evidence_bundle_emitted_v1 : cell_event_header {
    static constexpr event_type type = event_type::evidence_bundle_emitted_v1;
    std::string spec_hash;
    cellos::residue_class residue_class{};
    evidence_bundle_refs refs;

    static constexpr auto wire_fields() {
        using T = evidence_bundle_emitted_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"specHash", &T::spec_hash}, field{"residueClass", &T::residue_class}, field{"refs", &T::refs}});
    }
    friend bool operator==(const evidence_bundle_emitted_v1&, const evidence_bundle_emitted_v1&) = default;
};

/// formation.v1.created (PENDING): a formation and its member cells.
struct formation_created_v1 {
    static constexpr event_type type = event_type::formation_created_v1;
    std::string formation_id;
    std::optional<std::string> name;
    std::vector<std::string> cell_ids;

    static constexpr auto wire_fields() {
        using T = formation_created_v1;
        using cellos::detail::field;
        return std::tuple{field{"formationId", &T::formation_id}, field{"name", &T::name}, field{"cellIds", &T::cell_ids}};
    }
    friend bool operator==(const formation_created_v1&, const formation_created_v1&) = default;
};

/// formation.v1.launching (LAUNCHING).
struct formation_launching_v1 {
    static constexpr event_type type = event_type::formation_launching_v1;
    std::string formation_id;
    std::vector<std::string> cell_ids;

    static constexpr auto wire_fields() {
        using T = formation_launching_v1;
        return std::tuple{cellos::detail::field{"formationId", &T::formation_id}, cellos::detail::field{"cellIds", &T::cell_ids}};
    }
    friend bool operator==(const formation_launching_v1&, const formation_launching_v1&) = default;
};

/// formation.v1.running (RUNNING; also the way back from DEGRADED).
struct formation_running_v1 {
    static constexpr event_type type = event_type::formation_running_v1;
    std::string formation_id;
    std::vector<std::string> cell_ids;

    static constexpr auto wire_fields() {
        using T = formation_running_v1;
        return std::tuple{cellos::detail::field{"formationId", &T::formation_id}, cellos::detail::field{"cellIds", &T::cell_ids}};
    }
    friend bool operator==(const formation_running_v1&, const formation_running_v1&) = default;
};

/// formation.v1.degraded (DEGRADED): the cells that failed, and why.
struct formation_degraded_v1 {
    static constexpr event_type type = event_type::formation_degraded_v1;
    std::string formation_id;
    std::vector<std::string> failed_cell_ids;
    std::string reason;

    static constexpr auto wire_fields() {
        using T = formation_degraded_v1;
        using cellos::detail::field;
        return std::tuple{field{"formationId", &T::formation_id}, field{"failedCellIds", &T::failed_cell_ids}, field{"reason", &T::reason}};
    }
    friend bool operator==(const formation_degraded_v1&, const formation_degraded_v1&) = default;
};

/// formation.v1.completed (COMPLETED, terminal).
struct formation_completed_v1 {
    static constexpr event_type type = event_type::formation_completed_v1;
    std::string formation_id;
    std::vector<std::string> cell_ids;

    static constexpr auto wire_fields() {
        using T = formation_completed_v1;
        return std::tuple{cellos::detail::field{"formationId", &T::formation_id}, cellos::detail::field{"cellIds", &T::cell_ids}};
    }
    friend bool operator==(const formation_completed_v1&, const formation_completed_v1&) = default;
};

/// formation.v1.failed (FAILED, terminal): the cells that failed, and why.
struct formation_failed_v1 {
    static constexpr event_type type = event_type::formation_failed_v1;
    std::string formation_id;
    std::vector<std::string> failed_cell_ids;
    std::string reason;

    static constexpr auto wire_fields() {
        using T = formation_failed_v1;
        using cellos::detail::field;
        return std::tuple{field{"formationId", &T::formation_id}, field{"failedCellIds", &T::failed_cell_ids}, field{"reason", &T::reason}};
    }
    friend bool operator==(const formation_failed_v1&, const formation_failed_v1&) = default;
};

/// authz.v1.rejected: admission refused — the policy violations, and the RBAC verdict and subject
/// when the RBAC gate refused.
struct authz_rejected_v1 : cell_event_header {
    static constexpr event_type type = event_type::authz_rejected_v1;
    std::optional<std::string> subject;
    std::optional<cellos::authorization_verdict> verdict;
    std::vector<cellos::problem> violations;

    static constexpr auto wire_fields() {
        using T = authz_rejected_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"subject", &T::subject}, field{"verdict", &T::verdict}, field{"violations", &T::violations}});
    }
    friend bool operator==(const authz_rejected_v1&, const authz_rejected_v1&) = default;
};

/// compliance.v1.summary: the policy pack the spec claims and its verdict against it.
struct compliance_summary_v1 : cell_event_header {
    static constexpr event_type type = event_type::compliance_summary_v1;
    std::optional<cellos::policy_ref> policy;
    bool compliant = true;
    std::vector<cellos::problem> violations;

    static constexpr auto wire_fields() {
        using T = compliance_summary_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"policy", &T::policy}, field{"compliant", &T::compliant}, field{"violations", &T::violations}});
    }
    friend bool operator==(const compliance_summary_v1&, const compliance_summary_v1&) = default;
};

/// cortex.v1.dispatched: the Cortex bridge dispatched the spec as this cell.
struct cortex_dispatched_v1 : cell_event_header {
    static constexpr event_type type = event_type::cortex_dispatched_v1;
    std::string dispatch_id;
    std::optional<std::string> requested_by;

    static constexpr auto wire_fields() {
        using T = cortex_dispatched_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"dispatchId", &T::dispatch_id}, field{"requestedBy", &T::requested_by}});
    }
    friend bool operator==(const cortex_dispatched_v1&, const cortex_dispatched_v1&) = default;
};

/// dns.v1.query: the cell's DNS proxy received a query.
struct dns_query_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_query_v1;
    std::string hostname;
    cellos::dns_query_type query_type{};
    std::optional<std::string> resolver_id;

    static constexpr auto wire_fields() {
        using T = dns_query_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(), std::tuple{field{"hostname", &T::hostname}, field{"queryType", &T::query_type},
                                                                           field{"resolverId", &T::resolver_id}});
    }
    friend bool operator==(const dns_query_v1&, const dns_query_v1&) = default;
};

/// dns.v1.query_permitted: answered, with the addresses handed to the cell.
struct dns_query_permitted_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_query_permitted_v1;
    std::string hostname;
    cellos::dns_query_type query_type{};
    std::optional<std::string> resolver_id;
    std::vector<std::string> answers;
    std::optional<std::uint32_t> ttl_seconds;

    static constexpr auto wire_fields() {
        using T = dns_query_permitted_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"hostname", &T::hostname}, field{"queryType", &T::query_type},
                                         field{"resolverId", &T::resolver_id}, field{"answers", &T::answers},
                                         field{"ttlSeconds", &T::ttl_seconds}});
    }
    friend bool operator==(const dns_query_permitted_v1&, const dns_query_permitted_v1&) = default;
};

/// dns.v1.query_refused: refused, and why.
struct dns_query_refused_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_query_refused_v1;
    std::string hostname;
    cellos::dns_query_type query_type{};
    dns_refusal_reason reason{};

    static constexpr auto wire_fields() {
        using T = dns_query_refused_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"hostname", &T::hostname}, field{"queryType", &T::query_type}, field{"reason", &T::reason}});
    }
    friend bool operator==(const dns_query_refused_v1&, const dns_query_refused_v1&) = default;
};

/// dns_authority.v1.dnssec_failed: DNSSEC validation failed at a resolver.
struct dns_authority_dnssec_failed_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_authority_dnssec_failed_v1;
    std::string hostname;
    std::string resolver_id;
    std::string reason;

    static constexpr auto wire_fields() {
        using T = dns_authority_dnssec_failed_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"hostname", &T::hostname}, field{"resolverId", &T::resolver_id}, field{"reason", &T::reason}});
    }
    friend bool operator==(const dns_authority_dnssec_failed_v1&, const dns_authority_dnssec_failed_v1&) = default;
};

/// dns_authority.v1.drift: a hostname's answer set changed between refreshes.
struct dns_authority_drift_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_authority_drift_v1;
    std::string hostname;
    std::optional<std::string> resolver_id;
    std::vector<std::string> previous_answers;
    std::vector<std::string> current_answers;

    static constexpr auto wire_fields() {
        using T = dns_authority_drift_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"hostname", &T::hostname}, field{"resolverId", &T::resolver_id},
                                         field{"previousAnswers", &T::previous_answers}, field{"currentAnswers", &T::current_answers}});
    }
    friend bool operator==(const dns_authority_drift_v1&, const dns_authority_drift_v1&) = default;
};

/// dns_authority.v1.rebind_rejected: an answer pointed into a private/loopback/link-local range.
struct dns_authority_rebind_rejected_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_authority_rebind_rejected_v1;
    std::string hostname;
    std::string address;
    std::optional<std::string> resolver_id;

    static constexpr auto wire_fields() {
        using T = dns_authority_rebind_rejected_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"hostname", &T::hostname}, field{"address", &T::address}, field{"resolverId", &T::resolver_id}});
    }
    friend bool operator==(const dns_authority_rebind_rejected_v1&, const dns_authority_rebind_rejected_v1&) = default;
};

/// dns_authority.v1.rebind_threshold: more distinct answers than rebindingPolicy.maxDistinctAddresses.
struct dns_authority_rebind_threshold_v1 : cell_event_header {
    static constexpr event_type type = event_type::dns_authority_rebind_threshold_v1;
    std::string hostname;
    std::uint32_t distinct_addresses{};
    std::uint32_t threshold{};

    static constexpr auto wire_fields() {
        using T = dns_authority_rebind_threshold_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"hostname", &T::hostname}, field{"distinctAddresses", &T::distinct_addresses},
                                         field{"threshold", &T::threshold}});
    }
    friend bool operator==(const dns_authority_rebind_threshold_v1&, const dns_authority_rebind_threshold_v1&) = default;
};

/// keyset.v1.verified: the trust plane verified a signed keyset (not per cell).
struct keyset_verified_v1 {
    static constexpr event_type type = event_type::keyset_verified_v1;
    std::string keyset_id;
    std::string kid;
    std::optional<std::uint64_t> sequence;

    static constexpr auto wire_fields() {
        using T = keyset_verified_v1;
        using cellos::detail::field;
        return std::tuple{field{"keysetId", &T::keyset_id}, field{"kid", &T::kid}, field{"sequence", &T::sequence}};
    }
    friend bool operator==(const keyset_verified_v1&, const keyset_verified_v1&) = default;
};

/// keyset.v1.verification_failed: a signed keyset was refused (not per cell).
struct keyset_verification_failed_v1 {
    static constexpr event_type type = event_type::keyset_verification_failed_v1;
    std::string keyset_id;
    std::optional<std::string> kid;
    std::string reason;

    static constexpr auto wire_fields() {
        using T = keyset_verification_failed_v1;
        using cellos::detail::field;
        return std::tuple{field{"keysetId", &T::keyset_id}, field{"kid", &T::kid}, field{"reason", &T::reason}};
    }
    friend bool operator==(const keyset_verification_failed_v1&, const keyset_verification_failed_v1&) = default;
};

/// homeostasis.v1.signal: one named in-VM resource signal and its value (finite).
struct homeostasis_signal_v1 : cell_event_header {
    static constexpr event_type type = event_type::homeostasis_signal_v1;
    std::string signal;
    double value{};
    std::optional<double> threshold;

    static constexpr auto wire_fields() {
        using T = homeostasis_signal_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"signal", &T::signal}, field{"value", &T::value}, field{"threshold", &T::threshold}});
    }
    friend bool operator==(const homeostasis_signal_v1&, const homeostasis_signal_v1&) = default;
};

/// network.v1.flow_decision: one outbound flow allowed or denied; matchedRule indexes
/// spec.authority.egressRules.
struct network_flow_decision_v1 : cell_event_header {
    static constexpr event_type type = event_type::network_flow_decision_v1;
    std::string destination;
    std::uint16_t port{};
    cellos::egress_protocol protocol{};
    network_flow_verdict decision{};
    std::optional<std::uint32_t> matched_rule;

    static constexpr auto wire_fields() {
        using T = network_flow_decision_v1;
        using cellos::detail::field;
        return std::tuple_cat(cell_event_header::wire_fields(),
                              std::tuple{field{"destination", &T::destination}, field{"port", &T::port}, field{"protocol", &T::protocol},
                                         field{"decision", &T::decision}, field{"matchedRule", &T::matched_rule}});
    }
    friend bool operator==(const network_flow_decision_v1&, const network_flow_decision_v1&) = default;
};

/// firecracker_pool.v1.checkout: a microVM left the pool (not per cell; cellId when assigned).
struct firecracker_pool_checkout_v1 {
    static constexpr event_type type = event_type::firecracker_pool_checkout_v1;
    std::string pool_id;
    std::string vm_id;
    std::optional<std::string> cell_id;
    bool warm = false;  ///< from the warm pool (true) or booted on demand
    std::uint64_t wait_ms{};

    static constexpr auto wire_fields() {
        using T = firecracker_pool_checkout_v1;
        using cellos::detail::field;
        return std::tuple{field{"poolId", &T::pool_id}, field{"vmId", &T::vm_id}, field{"cellId", &T::cell_id}, field{"warm", &T::warm},
                          field{"waitMs", &T::wait_ms}};
    }
    friend bool operator==(const firecracker_pool_checkout_v1&, const firecracker_pool_checkout_v1&) = default;
};

// --- the set --------------------------------------------------------------------------------------

/// A payload: a Described aggregate that names its event type.
template <class P>
concept EventPayload = cellos::detail::Described<P> && requires {
    { P::type } -> std::convertible_to<event_type>;
};

/// A payload about one cell (starts with cellId, specId, runId?, correlation?).
template <class P>
concept CellEventPayload = EventPayload<P> && std::derived_from<P, cell_event_header>;

/// Every payload, in event_type order (checked below: exactly one payload per event type).
using payload_types =
    std::tuple<lifecycle_started_v1, lifecycle_destroyed_v1, lifecycle_failed_v1, command_completed_v1, identity_materialized_v1,
               identity_failed_v1, identity_revoked_v1, export_completed_v2, export_failed_v2, observability_process_spawned_v1,
               observability_network_policy_v1, evidence_bundle_emitted_v1, formation_created_v1, formation_launching_v1,
               formation_running_v1, formation_degraded_v1, formation_completed_v1, formation_failed_v1, authz_rejected_v1,
               compliance_summary_v1, cortex_dispatched_v1, dns_query_v1, dns_query_permitted_v1, dns_query_refused_v1,
               dns_authority_dnssec_failed_v1, dns_authority_drift_v1, dns_authority_rebind_rejected_v1,
               dns_authority_rebind_threshold_v1, keyset_verified_v1, keyset_verification_failed_v1, homeostasis_signal_v1,
               network_flow_decision_v1, firecracker_pool_checkout_v1>;

/// The payload type of event type E.
template <event_type E>
using payload_t = std::tuple_element_t<static_cast<std::size_t>(E), payload_types>;

namespace detail {
template <std::size_t... I>
[[nodiscard]] constexpr bool payloads_in_type_order(std::index_sequence<I...>) noexcept {
    return ((EventPayload<std::tuple_element_t<I, payload_types>> &&
             std::tuple_element_t<I, payload_types>::type == static_cast<event_type>(I)) &&
            ...);
}
}  // namespace detail

static_assert(std::tuple_size_v<payload_types> == cellos::detail::enum_count<event_type> &&
                  detail::payloads_in_type_order(std::make_index_sequence<std::tuple_size_v<payload_types>>{}),
              "cellos: exactly one payload per event_type, in enumerator order");
static_assert(std::is_same_v<payload_t<event_type::export_failed_v2>, export_failed_v2>);

namespace detail {
template <class Tuple>
struct variant_of;
template <class... P>
struct variant_of<std::tuple<P...>> {
    using type = std::variant<P...>;
};
}  // namespace detail

/// Any CellOS payload: one alternative per event type, in event_type order (alternative i is
/// payload_t<event_type(i)>), derived from `payload_types` so a new event cannot be forgotten.
using any_payload = detail::variant_of<payload_types>::type;

/// The event type of the payload `p` holds.
[[nodiscard]] inline event_type event_type_of(const any_payload& p) noexcept { return static_cast<event_type>(p.index()); }

}  // namespace cellos
