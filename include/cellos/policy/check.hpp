// cellos/policy/check.hpp — admission against a policy pack: validate_policy_pack_document
// (structure), spec_matches_placement_scope, validate_spec_against_policy (every violation, in
// PolicyRules member order, then document order) and `admits`, the one-call verdict that also runs
// in a static_assert. Rule ids are the PolicyRules JSON member names (upstream).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/policy/pack.hpp"
#include "cellos/policy/rules.hpp"
#include "cellos/policy/version.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/util/hostname.hpp"
#include "cellos/util/tenant_id.hpp"

namespace cellos {

/// A policy violation as the constexpr check produces it (spec/finding.hpp): `actual` / `limit` for
/// the caps (actual 0: the capped value is not declared), `subject` the offending host or secret ref.
using policy_finding = finding<policy_rule>;

// --- structure of a pack ------------------------------------------------------------------------------

/// Every structural problem of a pack document (rule ids from spec/rules.hpp; errc invalid_policy).
template <Storage S>
[[nodiscard]] constexpr findings<spec_rule> check_policy_pack_document(const basic_policy_pack_document<S>& doc,
                                                                     std::size_t capacity = findings<spec_rule>::unlimited) {
    using D = basic_policy_pack_document<S>;
    using P = basic_policy_pack_spec<S>;
    using R = basic_policy_rules<S>;
    detail::spec_checker<S> c{capacity};
    if (std::string_view(doc.api_version) != api_version_v1) c.add(spec_rule::api_version, json_path{} / wire<&D::api_version>);
    if (std::string_view(doc.kind) != policy_pack_kind) c.add(spec_rule::kind, json_path{} / wire<&D::kind>);
    const json_path s = json_path{} / wire<&D::spec>;
    const P& pack = doc.spec;
    c.identifier(pack.id, s / wire<&P::id>);
    if (pack.description) c.text(*pack.description, s / wire<&P::description>);
    if (pack.version && !is_semver(*pack.version)) c.add(spec_rule::semver_version, s / wire<&P::version>);
    if (pack.placement) c.check(*pack.placement, s / wire<&P::placement>);
    const json_path r = s / wire<&P::rules>;
    const R& rules = pack.rules;
    if (rules.max_lifetime_ttl_seconds) c.positive(*rules.max_lifetime_ttl_seconds, r / wire<&R::max_lifetime_ttl_seconds>);
    if (rules.max_memory_max_bytes) c.positive(*rules.max_memory_max_bytes, r / wire<&R::max_memory_max_bytes>);
    if (rules.max_run_timeout_ms) c.positive(*rules.max_run_timeout_ms, r / wire<&R::max_run_timeout_ms>);
    if (rules.require_egress_declared && rules.forbid_outbound_egress_rules) c.add(spec_rule::contradictory_rules, r);
    c.allowlist(rules.allowed_egress_hosts, r / wire<&R::allowed_egress_hosts>, true);
    if (rules.secret_ref_allowlist) {
        const json_path m = r / wire<&R::secret_ref_allowlist>;
        for (const auto& e : rules.secret_ref_allowlist->entries) {
            const std::string_view tenant(e.key);
            if (tenant != "*" && !cellos::is_subject_token_safe(tenant)) c.add(spec_rule::tenant_id, m / tenant);
            for (std::size_t i = 0; i < e.value.size(); ++i) {
                c.identifier(e.value[i], m / tenant / i);
                c.unique_at(e.value, i, m / tenant, c.as_view, std::less<>{});
            }
        }
    }
    return std::move(c.issues);
}

/// Runtime report of check_policy_pack_document (the shared rules carry errc::invalid_policy).
template <Storage S>
[[nodiscard]] problem_list validate_policy_pack_document(const basic_policy_pack_document<S>& doc,
                                                         std::size_t max_problems = problem_list::unlimited) {
    return problems_of(check_policy_pack_document(doc, max_problems), errc::invalid_policy, max_problems);
}

// --- scope ------------------------------------------------------------------------------------------

/// Upstream T11: a pack without placement applies to every spec; otherwise every populated field of
/// the scope must equal the spec's (a spec without that field does not match).
template <Storage P, Storage S>
[[nodiscard]] constexpr bool spec_matches_placement_scope(const basic_policy_pack_spec<P>& pack,
                                                          const basic_execution_cell_spec<S>& spec) noexcept {
    if (!pack.placement) return true;
    const auto axis = [](const auto& scope, const auto& have) {
        return !scope || (have && std::string_view(*scope) == std::string_view(*have));
    };
    const auto& scope = *pack.placement;
    if (!spec.placement) return !scope.pool_id && !scope.region && !scope.zone;
    return axis(scope.pool_id, spec.placement->pool_id) && axis(scope.region, spec.placement->region) &&
           axis(scope.zone, spec.placement->zone);
}

// --- rules ------------------------------------------------------------------------------------------

namespace detail {

template <Storage P, Storage S>
constexpr void check_against_rules(const basic_policy_rules<P>& rules, const basic_execution_cell_spec<S>& spec,
                                   const json_path& base, findings<policy_rule>& out) {
    using T = basic_execution_cell_spec<S>;
    using B = basic_authority_bundle<S>;
    using Run = basic_run_spec<S>;
    using E = basic_egress_rule<S>;
    const json_path run_path = base / wire<&T::run>;
    const json_path limits_path = run_path / wire<&Run::limits>;
    const json_path egress_path = base / wire<&T::authority> / wire<&B::egress_rules>;
    const auto& egress = spec.authority.egress_rules;

    if (rules.max_lifetime_ttl_seconds && spec.lifetime.ttl_seconds > *rules.max_lifetime_ttl_seconds)
        out.push_back({policy_rule::max_lifetime_ttl_seconds, base / wire<&T::lifetime> / wire<&lifetime::ttl_seconds>,
                       spec.lifetime.ttl_seconds, *rules.max_lifetime_ttl_seconds});
    // A cap that "unlimited" escapes is no cap: with a run, the limited value must be declared.
    if (rules.max_memory_max_bytes && spec.run) {
        const auto& l = spec.run->limits;
        if (!l || !l->memory_max_bytes)
            out.push_back({policy_rule::max_memory_max_bytes, limits_path / wire<&run_limits::memory_max_bytes>, 0,
                           *rules.max_memory_max_bytes});
        else if (*l->memory_max_bytes > *rules.max_memory_max_bytes)
            out.push_back({policy_rule::max_memory_max_bytes, limits_path / wire<&run_limits::memory_max_bytes>,
                           *l->memory_max_bytes, *rules.max_memory_max_bytes});
    }
    if (rules.max_run_timeout_ms && spec.run) {
        const auto& t = spec.run->timeout_ms;
        if (!t || *t > *rules.max_run_timeout_ms)
            out.push_back({policy_rule::max_run_timeout_ms, run_path / wire<&Run::timeout_ms>, t.value_or(0), *rules.max_run_timeout_ms});
    }
    if (rules.require_egress_declared && egress.size() == 0)
        out.push_back({policy_rule::require_egress_declared, egress_path});
    if (rules.forbid_outbound_egress_rules)
        for (std::size_t i = 0; i < egress.size(); ++i)
            out.push_back({policy_rule::forbid_outbound_egress_rules, egress_path / i, 0, 0, egress[i].host});
    if (rules.allowed_egress_hosts.size() > 0)
        for (std::size_t i = 0; i < egress.size(); ++i)
            if (!cellos::hostname_allowed(egress[i].host, rules.allowed_egress_hosts))
                out.push_back({policy_rule::allowed_egress_hosts, egress_path / i / wire<&E::host>, 0, 0, egress[i].host});
    if (rules.require_runtime_secret_delivery && spec.run && spec.authority.secret_refs.size() > 0 &&
        spec.run->secret_delivery == secret_delivery_mode::env)
        out.push_back({policy_rule::require_runtime_secret_delivery, run_path / wire<&Run::secret_delivery>});
    if (rules.require_resource_limits && spec.run) {
        const auto& l = spec.run->limits;
        if (!l || !l->memory_max_bytes || !l->cpu_max) out.push_back({policy_rule::require_resource_limits, limits_path});
    }
    if (rules.flag_dns_egress_without_acknowledgment.value_or(false))
        for (std::size_t i = 0; i < egress.size(); ++i)
            if (egress[i].is_dns() && !egress[i].dns_egress_acknowledged.value_or(false))
                out.push_back({policy_rule::flag_dns_egress_without_acknowledgment, egress_path / i, 0, 0, egress[i].host});
    if (rules.require_dns_egress_justification.value_or(false))
        for (std::size_t i = 0; i < egress.size(); ++i)
            if (egress[i].is_dns() && (!egress[i].justification || std::string_view(*egress[i].justification).empty()))
                out.push_back({policy_rule::require_dns_egress_justification, egress_path / i, 0, 0, egress[i].host});
    if (rules.secret_ref_allowlist) {
        const std::string_view tenant = spec.correlation && spec.correlation->tenant_id
                                            ? std::string_view(*spec.correlation->tenant_id) : std::string_view{};
        const auto* allowed = tenant.empty() ? nullptr : rules.secret_ref_allowlist->find(tenant);
        if (allowed == nullptr) allowed = rules.secret_ref_allowlist->find("*");
        const auto& refs = spec.authority.secret_refs;
        for (std::size_t i = 0; i < refs.size(); ++i) {
            bool ok = false;
            if (allowed != nullptr)
                for (const auto& a : *allowed) ok = ok || std::string_view(a) == std::string_view(refs[i]);
            if (!ok)
                out.push_back({policy_rule::secret_ref_allowlist, base / wire<&T::authority> / wire<&B::secret_refs> / i, 0, 0,
                               refs[i]});
        }
    }
}

}  // namespace detail

/// Every rule of `pack` that `spec` violates (pointers under `base`, "/spec" by default). Packs
/// whose placement scope does not cover the spec impose nothing.
template <Storage P, Storage S>
[[nodiscard]] constexpr findings<policy_rule> check_spec_against_policy(const basic_execution_cell_spec<S>& spec,
                                                                        const basic_policy_pack_spec<P>& pack,
                                                                        const json_path& base = json_path{} / "spec",
                                                                        std::size_t capacity = findings<policy_rule>::unlimited) {
    findings<policy_rule> out{capacity};
    if (spec_matches_placement_scope(pack, spec)) detail::check_against_rules(pack.rules, spec, base, out);
    return out;
}

/// The runtime form of a policy finding (errc::policy_violation; messages are our wording).
[[nodiscard]] inline problem to_problem(const policy_finding& f) {
    const std::string subject(f.subject);
    const std::string actual = std::to_string(f.actual), limit = std::to_string(f.limit);
    std::string m;
    switch (f.rule) {
        case policy_rule::max_lifetime_ttl_seconds:
            m = "lifetime.ttlSeconds " + actual + " exceeds the pack's maximum " + limit;
            break;
        case policy_rule::max_memory_max_bytes:
            m = f.actual == 0 ? "run.limits.memoryMaxBytes must be declared (the pack caps it at " + limit + ")"
                              : "run.limits.memoryMaxBytes " + actual + " exceeds the pack's maximum " + limit;
            break;
        case policy_rule::max_run_timeout_ms:
            m = f.actual == 0 ? "run.timeoutMs must be declared (the pack caps it at " + limit + ")"
                              : "run.timeoutMs " + actual + " exceeds the pack's maximum " + limit;
            break;
        case policy_rule::require_egress_declared: m = "the pack requires at least one declared egress rule"; break;
        case policy_rule::forbid_outbound_egress_rules:
            m = "the pack forbids outbound egress rules (egress to \"" + subject + "\")";
            break;
        case policy_rule::allowed_egress_hosts: m = "egress host \"" + subject + "\" is not in the pack's allowedEgressHosts"; break;
        case policy_rule::require_runtime_secret_delivery:
            m = "secrets must be delivered at runtime (runtimeBroker or runtimeLeasedBroker), not as env";
            break;
        case policy_rule::require_resource_limits: m = "run.limits must declare memoryMaxBytes and cpuMax"; break;
        case policy_rule::flag_dns_egress_without_acknowledgment:
            m = "DNS egress to \"" + subject + "\" (port 53) needs dnsEgressAcknowledged: true";
            break;
        case policy_rule::require_dns_egress_justification:
            m = "DNS egress to \"" + subject + "\" (port 53) needs a justification";
            break;
        case policy_rule::secret_ref_allowlist:
            m = "secret ref \"" + subject + "\" is not allowed for this tenant by secretRefAllowlist";
            break;
    }
    return {errc::policy_violation, std::string(to_wire(f.rule)), f.path.to_pointer(), std::move(m)};
}

/// Upstream `validate_spec_against_policy`: every violation (empty = admitted by this pack), at most
/// `max_problems` kept.
template <Storage P, Storage S>
[[nodiscard]] problem_list validate_spec_against_policy(const basic_execution_cell_spec<S>& spec,
                                                        const basic_policy_pack_spec<P>& pack,
                                                        std::size_t max_problems = problem_list::unlimited) {
    problem_list out(max_problems);
    append_problems(check_spec_against_policy(spec, pack, json_path{} / "spec", max_problems), out,
                [](const policy_finding& f) { return to_problem(f); });
    return out;
}

// --- the one-call verdict ---------------------------------------------------------------------------

/// A valid pack (structure and version floor, no downgrade) admits a valid spec document that
/// violates none of its rules. Usable in static_assert over constexpr-built documents.
template <Storage P, Storage S>
[[nodiscard]] constexpr bool admits(const basic_policy_pack_document<P>& pack, const basic_execution_cell_document<S>& doc) {
    return check_policy_pack_document(pack).empty() &&
           policy_pack_version_verdict(pack.spec, allow_downgrade::no) == policy_version_verdict::supported &&
           check_execution_cell_document(doc).empty() && check_spec_against_policy(doc.spec, pack.spec).empty();
}

}  // namespace cellos
