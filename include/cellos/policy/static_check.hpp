// cellos/policy/static_check.hpp — admission as a compile-time verdict with a diagnostic that
// names the rule. `static_assert(cellos::admitted(pack, doc))` over constexpr documents is true, or
// fails at a call to a non-constexpr function called spec_rule_<id> (the document is invalid),
// pack_rule_<id> (the pack is invalid), policy_rule_<id> (the spec violates the pack) or
// policy_version_below_floor. Plain `admits()` gives the bool without the diagnostic.
#pragma once

#include <string_view>

#include "cellos/policy/check.hpp"

namespace cellos {

namespace diagnostics {
// Deliberately not constexpr: reaching one during constant evaluation is the diagnostic. The names
// are the rule ids of spec/rules.hpp and PolicyRules (generated from those tables).
inline void spec_rule_apiVersion() noexcept {}
inline void spec_rule_kind() noexcept {}
inline void spec_rule_portableIdentifier() noexcept {}
inline void spec_rule_sha256Digest() noexcept {}
inline void spec_rule_boundedText() noexcept {}
inline void spec_rule_tenantId() noexcept {}
inline void spec_rule_unique() noexcept {}
inline void spec_rule_ingressSource() noexcept {}
inline void spec_rule_gitUrl() noexcept {}
inline void spec_rule_gitCommit() noexcept {}
inline void spec_rule_absolutePath() noexcept {}
inline void spec_rule_envVarName() noexcept {}
inline void spec_rule_envVarValue() noexcept {}
inline void spec_rule_workloadIdentity() noexcept {}
inline void spec_rule_egressHost() noexcept {}
inline void spec_rule_egressPort() noexcept {}
inline void spec_rule_dnsResolvers() noexcept {}
inline void spec_rule_resolverEndpoint() noexcept {}
inline void spec_rule_allowlistEntry() noexcept {}
inline void spec_rule_refreshWindow() noexcept {}
inline void spec_rule_positive() noexcept {}
inline void spec_rule_cpuPeriod() noexcept {}
inline void spec_rule_argvNonEmpty() noexcept {}
inline void spec_rule_argvElement() noexcept {}
inline void spec_rule_argvTooLarge() noexcept {}
inline void spec_rule_withinLifetime() noexcept {}
inline void spec_rule_artifactName() noexcept {}
inline void spec_rule_exportTarget() noexcept {}
inline void spec_rule_s3Bucket() noexcept {}
inline void spec_rule_semver() noexcept {}
inline void spec_rule_temperatureRange() noexcept {}
inline void spec_rule_nonEmpty() noexcept {}
inline void spec_rule_envelopeKind() noexcept {}
inline void spec_rule_contradictoryRules() noexcept {}
inline void spec_rule_safeInteger() noexcept {}
inline void pack_rule_apiVersion() noexcept {}
inline void pack_rule_kind() noexcept {}
inline void pack_rule_portableIdentifier() noexcept {}
inline void pack_rule_sha256Digest() noexcept {}
inline void pack_rule_boundedText() noexcept {}
inline void pack_rule_tenantId() noexcept {}
inline void pack_rule_unique() noexcept {}
inline void pack_rule_ingressSource() noexcept {}
inline void pack_rule_gitUrl() noexcept {}
inline void pack_rule_gitCommit() noexcept {}
inline void pack_rule_absolutePath() noexcept {}
inline void pack_rule_envVarName() noexcept {}
inline void pack_rule_envVarValue() noexcept {}
inline void pack_rule_workloadIdentity() noexcept {}
inline void pack_rule_egressHost() noexcept {}
inline void pack_rule_egressPort() noexcept {}
inline void pack_rule_dnsResolvers() noexcept {}
inline void pack_rule_resolverEndpoint() noexcept {}
inline void pack_rule_allowlistEntry() noexcept {}
inline void pack_rule_refreshWindow() noexcept {}
inline void pack_rule_positive() noexcept {}
inline void pack_rule_cpuPeriod() noexcept {}
inline void pack_rule_argvNonEmpty() noexcept {}
inline void pack_rule_argvElement() noexcept {}
inline void pack_rule_argvTooLarge() noexcept {}
inline void pack_rule_withinLifetime() noexcept {}
inline void pack_rule_artifactName() noexcept {}
inline void pack_rule_exportTarget() noexcept {}
inline void pack_rule_s3Bucket() noexcept {}
inline void pack_rule_semver() noexcept {}
inline void pack_rule_temperatureRange() noexcept {}
inline void pack_rule_nonEmpty() noexcept {}
inline void pack_rule_envelopeKind() noexcept {}
inline void pack_rule_contradictoryRules() noexcept {}
inline void pack_rule_safeInteger() noexcept {}
inline void policy_rule_maxLifetimeTtlSeconds() noexcept {}
inline void policy_rule_maxMemoryMaxBytes() noexcept {}
inline void policy_rule_maxRunTimeoutMs() noexcept {}
inline void policy_rule_requireEgressDeclared() noexcept {}
inline void policy_rule_forbidOutboundEgressRules() noexcept {}
inline void policy_rule_allowedEgressHosts() noexcept {}
inline void policy_rule_requireRuntimeSecretDelivery() noexcept {}
inline void policy_rule_requireResourceLimits() noexcept {}
inline void policy_rule_flagDnsEgressWithoutAcknowledgment() noexcept {}
inline void policy_rule_requireDnsEgressJustification() noexcept {}
inline void policy_rule_secretRefAllowlist() noexcept {}
inline void policy_version_below_floor() noexcept {}

constexpr void report_spec(spec_rule r, bool in_pack) noexcept {
    switch (r) {
        case spec_rule::api_version: in_pack ? pack_rule_apiVersion() : spec_rule_apiVersion(); break;
        case spec_rule::kind: in_pack ? pack_rule_kind() : spec_rule_kind(); break;
        case spec_rule::portable_identifier: in_pack ? pack_rule_portableIdentifier() : spec_rule_portableIdentifier(); break;
        case spec_rule::sha256_digest: in_pack ? pack_rule_sha256Digest() : spec_rule_sha256Digest(); break;
        case spec_rule::bounded_text: in_pack ? pack_rule_boundedText() : spec_rule_boundedText(); break;
        case spec_rule::tenant_id: in_pack ? pack_rule_tenantId() : spec_rule_tenantId(); break;
        case spec_rule::unique: in_pack ? pack_rule_unique() : spec_rule_unique(); break;
        case spec_rule::ingress_source: in_pack ? pack_rule_ingressSource() : spec_rule_ingressSource(); break;
        case spec_rule::git_url: in_pack ? pack_rule_gitUrl() : spec_rule_gitUrl(); break;
        case spec_rule::git_commit: in_pack ? pack_rule_gitCommit() : spec_rule_gitCommit(); break;
        case spec_rule::absolute_path: in_pack ? pack_rule_absolutePath() : spec_rule_absolutePath(); break;
        case spec_rule::env_var_name: in_pack ? pack_rule_envVarName() : spec_rule_envVarName(); break;
        case spec_rule::env_var_value: in_pack ? pack_rule_envVarValue() : spec_rule_envVarValue(); break;
        case spec_rule::workload_identity: in_pack ? pack_rule_workloadIdentity() : spec_rule_workloadIdentity(); break;
        case spec_rule::egress_host: in_pack ? pack_rule_egressHost() : spec_rule_egressHost(); break;
        case spec_rule::egress_port: in_pack ? pack_rule_egressPort() : spec_rule_egressPort(); break;
        case spec_rule::dns_resolvers: in_pack ? pack_rule_dnsResolvers() : spec_rule_dnsResolvers(); break;
        case spec_rule::resolver_endpoint: in_pack ? pack_rule_resolverEndpoint() : spec_rule_resolverEndpoint(); break;
        case spec_rule::allowlist_entry: in_pack ? pack_rule_allowlistEntry() : spec_rule_allowlistEntry(); break;
        case spec_rule::refresh_window: in_pack ? pack_rule_refreshWindow() : spec_rule_refreshWindow(); break;
        case spec_rule::positive: in_pack ? pack_rule_positive() : spec_rule_positive(); break;
        case spec_rule::cpu_period: in_pack ? pack_rule_cpuPeriod() : spec_rule_cpuPeriod(); break;
        case spec_rule::argv_non_empty: in_pack ? pack_rule_argvNonEmpty() : spec_rule_argvNonEmpty(); break;
        case spec_rule::argv_element: in_pack ? pack_rule_argvElement() : spec_rule_argvElement(); break;
        case spec_rule::argv_too_large: in_pack ? pack_rule_argvTooLarge() : spec_rule_argvTooLarge(); break;
        case spec_rule::within_lifetime: in_pack ? pack_rule_withinLifetime() : spec_rule_withinLifetime(); break;
        case spec_rule::artifact_name: in_pack ? pack_rule_artifactName() : spec_rule_artifactName(); break;
        case spec_rule::export_target: in_pack ? pack_rule_exportTarget() : spec_rule_exportTarget(); break;
        case spec_rule::s3_bucket: in_pack ? pack_rule_s3Bucket() : spec_rule_s3Bucket(); break;
        case spec_rule::semver_version: in_pack ? pack_rule_semver() : spec_rule_semver(); break;
        case spec_rule::temperature_range: in_pack ? pack_rule_temperatureRange() : spec_rule_temperatureRange(); break;
        case spec_rule::non_empty: in_pack ? pack_rule_nonEmpty() : spec_rule_nonEmpty(); break;
        case spec_rule::envelope_kind: in_pack ? pack_rule_envelopeKind() : spec_rule_envelopeKind(); break;
        case spec_rule::contradictory_rules: in_pack ? pack_rule_contradictoryRules() : spec_rule_contradictoryRules(); break;
        case spec_rule::safe_integer: in_pack ? pack_rule_safeInteger() : spec_rule_safeInteger(); break;
    }
}

constexpr void report_policy(std::string_view rule) noexcept {
    if (rule == "maxLifetimeTtlSeconds") policy_rule_maxLifetimeTtlSeconds();
    if (rule == "maxMemoryMaxBytes") policy_rule_maxMemoryMaxBytes();
    if (rule == "maxRunTimeoutMs") policy_rule_maxRunTimeoutMs();
    if (rule == "requireEgressDeclared") policy_rule_requireEgressDeclared();
    if (rule == "forbidOutboundEgressRules") policy_rule_forbidOutboundEgressRules();
    if (rule == "allowedEgressHosts") policy_rule_allowedEgressHosts();
    if (rule == "requireRuntimeSecretDelivery") policy_rule_requireRuntimeSecretDelivery();
    if (rule == "requireResourceLimits") policy_rule_requireResourceLimits();
    if (rule == "flagDnsEgressWithoutAcknowledgment") policy_rule_flagDnsEgressWithoutAcknowledgment();
    if (rule == "requireDnsEgressJustification") policy_rule_requireDnsEgressJustification();
    if (rule == "secretRefAllowlist") policy_rule_secretRefAllowlist();
}
}  // namespace diagnostics

static_assert(detail::enum_count<spec_rule> == 35, "one diagnostic per spec rule: regenerate static_check.hpp");
static_assert(std::tuple_size_v<decltype(policy_rules::wire_fields())> == 11, "one diagnostic per PolicyRules member");

/// true, or a compile error naming the first rule broken (document, pack, version, then policy).
template <Storage P, Storage S>
consteval bool require_admission(const basic_policy_pack_document<P>& pack, const basic_execution_cell_document<S>& doc) {
    if (const auto i = check_execution_cell_document(doc); !i.empty()) diagnostics::report_spec(i.front().rule, false);
    if (const auto i = check_policy_pack_document(pack); !i.empty()) diagnostics::report_spec(i.front().rule, true);
    if (policy_pack_version_verdict(pack.spec, allow_downgrade::no) != policy_version_verdict::supported)
        diagnostics::policy_version_below_floor();
    if (const auto i = check_spec_against_policy(doc.spec, pack.spec); !i.empty()) diagnostics::report_policy(i.front().rule);
    return true;
}

/// true, or a compile error naming the first rule the document breaks.
template <Storage S>
consteval bool require_valid_document(const basic_execution_cell_document<S>& doc) {
    if (const auto i = check_execution_cell_document(doc); !i.empty()) diagnostics::report_spec(i.front().rule, false);
    return true;
}

}  // namespace cellos
