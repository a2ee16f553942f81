// tests/unit/policy_test.cpp — admission against policy packs and the RBAC gate: one test per
// PolicyRules member (rule id, pointer, message), limits with must-not-exceed semantics, the
// deterministic order of a multi-violation report, placement scopes, the version floor, structural
// validation of packs and authorization policies, authorize() and SemVer 2.0.0 (§9–§11).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../doctest.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/json/write.hpp"
#include "cellos/policy.hpp"
#include "cellos/util/semver.hpp"
#include "sample_specs.hpp"

namespace {

namespace cj = cellos::json;
using cellos::allow_downgrade;
using cellos::authorization_verdict;
using cellos::errc;
using cellos::policy_version_verdict;
using namespace cellos_test;  // the sample documents

// --- documents --------------------------------------------------------------------------------------

cellos::execution_cell_document full_cell() {
    auto r = cj::parse_execution_cell_document(full_cell_json);
    REQUIRE(r.has_value());
    return std::move(r).value();
}

template <class T>
T decoded(std::string_view text) {
    auto r = cj::parse_document<T>(text);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().pointer + ": " + r.error().message));
    return std::move(r).value();
}

/// A pack "p" (no scope, no version) whose rules are set by `set`.
template <class F>
cellos::policy_pack_spec pack_with(F set) {
    cellos::policy_pack_spec p;
    p.id = "p";
    set(p.rules);
    return p;
}

cellos::policy_pack_document document_of(cellos::policy_pack_spec spec) {
    return {"cellos.io/v1", "PolicyPack", std::move(spec)};
}

/// Every rule set, and every limit equal to what full_cell_json declares: the sample must pass.
constexpr std::string_view exact_limits_pack_json = R"({
  "apiVersion": "cellos.io/v1",
  "kind": "PolicyPack",
  "spec": {
    "id": "exact",
    "version": "1.0.0",
    "placement": {"poolId": "pool-a"},
    "rules": {
      "maxLifetimeTtlSeconds": 3600,
      "maxMemoryMaxBytes": 2147483648,
      "maxRunTimeoutMs": 1800000,
      "requireEgressDeclared": true,
      "forbidOutboundEgressRules": false,
      "allowedEgressHosts": ["API.example.com", "10.0.0.53"],
      "requireRuntimeSecretDelivery": true,
      "requireResourceLimits": true,
      "flagDnsEgressWithoutAcknowledgment": true,
      "requireDnsEgressJustification": true,
      "secretRefAllowlist": {"acme": ["DB_PASSWORD", "github-token"], "*": []}
    }
  }
})";

// --- reports ------------------------------------------------------------------------------------------

/// A policy check's report: rule and pointer (the code is always policy_violation, checked below).
std::string policy_report(const cellos::problem_list& vs) {
    std::string out;
    for (const auto& v : vs) {
        CHECK(v.code == cellos::errc::policy_violation);
        out += v.rule + " " + v.pointer + "\n";
    }
    return out;
}
std::string report(const cellos::problem_list& vs) {
    std::string out;
    for (const auto& v : vs) out += std::string(v.rule) + " " + std::string(cellos::errc_name(v.code)) + " " + v.pointer + "\n";
    return out;
}
std::string report(std::initializer_list<std::string_view> lines) {
    std::string out;
    for (std::string_view l : lines) out += std::string(l) + "\n";
    return out;
}

cellos::problem_list against(const cellos::execution_cell_spec& spec, const cellos::policy_pack_spec& pack) {
    return cellos::validate_spec_against_policy(spec, pack);
}

/// The single violation expected; a failed CHECK (with the whole report) otherwise.
std::optional<cellos::problem> only(const cellos::problem_list& vs) {
    if (vs.total() != 1) {
        FAIL_CHECK("expected exactly one violation, got:\n" << policy_report(vs));
        return std::nullopt;
    }
    return vs[0];
}

}  // namespace

// ================================================================================================
// PolicyRules: one rule at a time
// ================================================================================================

TEST_CASE("a pack setting every rule admits a spec that meets every limit exactly") {
    const auto pack = decoded<cellos::policy_pack_document>(exact_limits_pack_json);
    const auto doc = full_cell();
    CHECK(report(cellos::validate_policy_pack_document(pack)) == "");
    CHECK(policy_report(against(doc.spec, pack.spec)) == "");
    CHECK(cellos::check_spec_against_policy(doc.spec, pack.spec).empty());
    CHECK(cellos::admits(pack, doc));
    // An empty rule set is a valid audit-only pack that admits anything valid.
    const auto audit = document_of(pack_with([](auto&) {}));
    CHECK(report(cellos::validate_policy_pack_document(audit)) == "");
    CHECK(cellos::admits(audit, doc));
}

TEST_CASE("maxLifetimeTtlSeconds: the TTL must not exceed the cap") {
    const auto pack = pack_with([](auto& r) { r.max_lifetime_ttl_seconds = 3600; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");  // equal passes
    spec.lifetime.ttl_seconds = 3601;
    const auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "maxLifetimeTtlSeconds");
    CHECK(v->pointer == "/spec/lifetime/ttlSeconds");
    CHECK(v->message == "lifetime.ttlSeconds 3601 exceeds the pack's maximum 3600");
    CHECK(cellos::to_string(*v) == "maxLifetimeTtlSeconds: lifetime.ttlSeconds 3601 exceeds the pack's maximum 3600");
    const auto issues = cellos::check_spec_against_policy(spec, pack);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].actual == 3601);
    CHECK(issues[0].limit == 3600);
    // Absent = no restriction on this axis.
    spec.lifetime.ttl_seconds = std::numeric_limits<std::uint64_t>::max();
    CHECK(policy_report(against(spec, pack_with([](auto&) {}))) == "");
}

TEST_CASE("maxMemoryMaxBytes: the declared memory must not exceed the cap, and must be declared") {
    const auto pack = pack_with([](auto& r) { r.max_memory_max_bytes = 2147483648ULL; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.run->limits->memory_max_bytes = 2147483649ULL;
    auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "maxMemoryMaxBytes");
    CHECK(v->pointer == "/spec/run/limits/memoryMaxBytes");
    CHECK(v->message == "run.limits.memoryMaxBytes 2147483649 exceeds the pack's maximum 2147483648");
    // "unlimited" escapes no cap: a run without the value is a violation at the same place.
    spec.run->limits->memory_max_bytes.reset();
    v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "maxMemoryMaxBytes");
    CHECK(v->pointer == "/spec/run/limits/memoryMaxBytes");
    CHECK(v->message == "run.limits.memoryMaxBytes must be declared (the pack caps it at 2147483648)");
    spec.run->limits.reset();
    CHECK(policy_report(against(spec, pack)) == report({"maxMemoryMaxBytes /spec/run/limits/memoryMaxBytes"}));
    // Nothing runs, nothing to cap.
    spec.run.reset();
    CHECK(policy_report(against(spec, pack)) == "");
}

TEST_CASE("maxRunTimeoutMs: the run timeout must not exceed the cap, and must be declared") {
    const auto pack = pack_with([](auto& r) { r.max_run_timeout_ms = 1800000; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.run->timeout_ms = 1800001;
    auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "maxRunTimeoutMs");
    CHECK(v->pointer == "/spec/run/timeoutMs");
    CHECK(v->message == "run.timeoutMs 1800001 exceeds the pack's maximum 1800000");
    spec.run->timeout_ms.reset();
    v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->pointer == "/spec/run/timeoutMs");
    CHECK(v->message == "run.timeoutMs must be declared (the pack caps it at 1800000)");
    spec.run.reset();
    CHECK(policy_report(against(spec, pack)) == "");
}

TEST_CASE("requireEgressDeclared: at least one egress rule") {
    const auto pack = pack_with([](auto& r) { r.require_egress_declared = true; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.authority.egress_rules.clear();
    const auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "requireEgressDeclared");
    CHECK(v->pointer == "/spec/authority/egressRules");
    CHECK(v->message == "the pack requires at least one declared egress rule");
    CHECK(policy_report(against(spec, pack_with([](auto&) {}))) == "");
}

TEST_CASE("forbidOutboundEgressRules: one violation per declared rule") {
    const auto pack = pack_with([](auto& r) { r.forbid_outbound_egress_rules = true; });
    auto spec = full_cell().spec;
    const auto vs = against(spec, pack);
    CHECK(policy_report(vs) == report({"forbidOutboundEgressRules /spec/authority/egressRules/0",
                                "forbidOutboundEgressRules /spec/authority/egressRules/1"}));
    REQUIRE(vs.size() == 2);
    CHECK(vs[0].message == "the pack forbids outbound egress rules (egress to \"api.example.com\")");
    CHECK(vs[1].message == "the pack forbids outbound egress rules (egress to \"10.0.0.53\")");
    spec.authority.egress_rules.clear();
    CHECK(policy_report(against(spec, pack)) == "");
}

TEST_CASE("allowedEgressHosts: every egress host must match an entry (wildcards never match the apex)") {
    const auto pack = pack_with([](auto& r) { r.allowed_egress_hosts = {"*.example.com"}; });
    auto spec = full_cell().spec;
    auto v = only(against(spec, pack));  // api.example.com matches; 10.0.0.53 does not
    REQUIRE(v);
    CHECK(v->rule == "allowedEgressHosts");
    CHECK(v->pointer == "/spec/authority/egressRules/1/host");
    CHECK(v->message == "egress host \"10.0.0.53\" is not in the pack's allowedEgressHosts");
    spec.authority.egress_rules.resize(1);
    CHECK(policy_report(against(spec, pack)) == "");
    spec.authority.egress_rules[0].host = "example.com";  // the apex
    CHECK(policy_report(against(spec, pack)) == report({"allowedEgressHosts /spec/authority/egressRules/0/host"}));
    spec.authority.egress_rules[0].host = "API.EXAMPLE.COM";  // case-insensitive
    CHECK(policy_report(against(spec, pack)) == "");
    spec.authority.egress_rules[0].host = "example.com.evil.test";
    CHECK(policy_report(against(spec, pack)) == report({"allowedEgressHosts /spec/authority/egressRules/0/host"}));
    // An exact entry matches itself only (IP literals are entries too).
    const auto exact = pack_with([](auto& r) { r.allowed_egress_hosts = {"10.0.0.53", "api.example.com"}; });
    CHECK(policy_report(against(full_cell().spec, exact)) == "");
    // Empty list = no restriction.
    CHECK(policy_report(against(full_cell().spec, pack_with([](auto&) {}))) == "");
}

TEST_CASE("requireRuntimeSecretDelivery: secrets may not be delivered as env") {
    const auto pack = pack_with([](auto& r) { r.require_runtime_secret_delivery = true; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");  // runtimeBroker
    spec.run->secret_delivery = cellos::secret_delivery_mode::runtime_leased_broker;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.run->secret_delivery = cellos::secret_delivery_mode::env;
    const auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "requireRuntimeSecretDelivery");
    CHECK(v->pointer == "/spec/run/secretDelivery");
    CHECK(v->message == "secrets must be delivered at runtime (runtimeBroker or runtimeLeasedBroker), not as env");
    // One secret is enough to be refused.
    spec.authority.secret_refs.resize(1);
    CHECK(only(against(spec, pack)));
    // No secrets requested: env delivers nothing secret.
    spec.authority.secret_refs.clear();
    CHECK(policy_report(against(spec, pack)) == "");
}

TEST_CASE("requireResourceLimits: a run declares memoryMaxBytes and cpuMax") {
    const auto pack = pack_with([](auto& r) { r.require_resource_limits = true; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.run->limits->cpu_max.reset();
    auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "requireResourceLimits");
    CHECK(v->pointer == "/spec/run/limits");
    CHECK(v->message == "run.limits must declare memoryMaxBytes and cpuMax");
    spec = full_cell().spec;
    spec.run->limits->memory_max_bytes.reset();
    CHECK(policy_report(against(spec, pack)) == report({"requireResourceLimits /spec/run/limits"}));
    spec.run->limits.reset();
    CHECK(policy_report(against(spec, pack)) == report({"requireResourceLimits /spec/run/limits"}));
    spec.run.reset();
    CHECK(policy_report(against(spec, pack)) == "");
}

TEST_CASE("flagDnsEgressWithoutAcknowledgment: port-53 rules need dnsEgressAcknowledged: true") {
    const auto pack = pack_with([](auto& r) { r.flag_dns_egress_without_acknowledgment = true; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.authority.egress_rules[1].dns_egress_acknowledged = false;
    auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "flagDnsEgressWithoutAcknowledgment");
    CHECK(v->pointer == "/spec/authority/egressRules/1");
    CHECK(v->message == "DNS egress to \"10.0.0.53\" (port 53) needs dnsEgressAcknowledged: true");
    spec.authority.egress_rules[1].dns_egress_acknowledged.reset();
    CHECK(policy_report(against(spec, pack)) == report({"flagDnsEgressWithoutAcknowledgment /spec/authority/egressRules/1"}));
    // Other ports need no acknowledgment; a rule that is false or absent enforces nothing.
    CHECK_FALSE(spec.authority.egress_rules[0].dns_egress_acknowledged.has_value());
    CHECK(policy_report(against(spec, pack_with([](auto& r) { r.flag_dns_egress_without_acknowledgment = false; }))) == "");
    CHECK(policy_report(against(spec, pack_with([](auto&) {}))) == "");
}

TEST_CASE("requireDnsEgressJustification: port-53 rules carry a non-empty justification") {
    const auto pack = pack_with([](auto& r) { r.require_dns_egress_justification = true; });
    auto spec = full_cell().spec;
    CHECK(policy_report(against(spec, pack)) == "");
    spec.authority.egress_rules[1].justification.reset();
    auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "requireDnsEgressJustification");
    CHECK(v->pointer == "/spec/authority/egressRules/1");
    CHECK(v->message == "DNS egress to \"10.0.0.53\" (port 53) needs a justification");
    spec.authority.egress_rules[1].justification = "";
    CHECK(policy_report(against(spec, pack)) == report({"requireDnsEgressJustification /spec/authority/egressRules/1"}));
    CHECK(policy_report(against(spec, pack_with([](auto& r) { r.require_dns_egress_justification = false; }))) == "");
}

TEST_CASE("secretRefAllowlist: a tenant's refs come from its own entry, others from \"*\"") {
    const auto pack = pack_with([](auto& r) {
        r.secret_ref_allowlist = cellos::string_map<cellos::runtime_storage, std::vector<std::string>>{
            {{"acme", {"DB_PASSWORD"}}, {"*", {"COMMON"}}}};
    });
    auto spec = full_cell().spec;  // tenant acme, refs DB_PASSWORD, github-token
    auto v = only(against(spec, pack));
    REQUIRE(v);
    CHECK(v->rule == "secretRefAllowlist");
    CHECK(v->pointer == "/spec/authority/secretRefs/1");
    CHECK(v->message == "secret ref \"github-token\" is not allowed for this tenant by secretRefAllowlist");
    // The tenant's own entry replaces "*" ("*" is every *other* tenant).
    spec.authority.secret_refs = {"COMMON"};
    CHECK(policy_report(against(spec, pack)) == report({"secretRefAllowlist /spec/authority/secretRefs/0"}));
    // Another tenant, or no tenant at all: "*".
    spec.correlation->tenant_id = "globex";
    CHECK(policy_report(against(spec, pack)) == "");
    spec.authority.secret_refs = {"DB_PASSWORD", "COMMON"};
    CHECK(policy_report(against(spec, pack)) == report({"secretRefAllowlist /spec/authority/secretRefs/0"}));
    spec.correlation.reset();
    CHECK(policy_report(against(spec, pack)) == report({"secretRefAllowlist /spec/authority/secretRefs/0"}));
    // Tenant keys are exact: "ACME" is another tenant.
    spec.correlation = cellos::correlation{std::nullopt, "ACME"};
    CHECK(policy_report(against(spec, pack)) == report({"secretRefAllowlist /spec/authority/secretRefs/0"}));
    // Without a "*" entry, unknown tenants may request nothing; an empty map allows nothing.
    const auto no_star = pack_with([](auto& r) {
        r.secret_ref_allowlist = cellos::string_map<cellos::runtime_storage, std::vector<std::string>>{{{"acme", {"DB_PASSWORD"}}}};
    });
    CHECK(policy_report(against(spec, no_star)) ==
          report({"secretRefAllowlist /spec/authority/secretRefs/0", "secretRefAllowlist /spec/authority/secretRefs/1"}));
    const auto empty_map = pack_with([](auto& r) { r.secret_ref_allowlist.emplace(); });
    CHECK(policy_report(against(full_cell().spec, empty_map)) ==
          report({"secretRefAllowlist /spec/authority/secretRefs/0", "secretRefAllowlist /spec/authority/secretRefs/1"}));
    // A spec that requests no secrets passes any allowlist.
    spec.authority.secret_refs.clear();
    CHECK(policy_report(against(spec, empty_map)) == "");
}

TEST_CASE("violations come in PolicyRules member order, then document order, every time") {
    auto pack = pack_with([](auto& r) {
        r.max_lifetime_ttl_seconds = 60;
        r.max_memory_max_bytes = 1;
        r.max_run_timeout_ms = 1;
        r.forbid_outbound_egress_rules = true;
        r.allowed_egress_hosts = {"only.example.org"};
        r.require_runtime_secret_delivery = true;
        r.require_resource_limits = true;
        r.flag_dns_egress_without_acknowledgment = true;
        r.require_dns_egress_justification = true;
        r.secret_ref_allowlist.emplace();
    });
    auto spec = full_cell().spec;
    spec.run->secret_delivery = cellos::secret_delivery_mode::env;
    spec.run->limits->cpu_max.reset();
    spec.authority.egress_rules[1].dns_egress_acknowledged.reset();
    spec.authority.egress_rules[1].justification.reset();
    const std::string expected = report({
        "maxLifetimeTtlSeconds /spec/lifetime/ttlSeconds",
        "maxMemoryMaxBytes /spec/run/limits/memoryMaxBytes",
        "maxRunTimeoutMs /spec/run/timeoutMs",
        "forbidOutboundEgressRules /spec/authority/egressRules/0",
        "forbidOutboundEgressRules /spec/authority/egressRules/1",
        "allowedEgressHosts /spec/authority/egressRules/0/host",
        "allowedEgressHosts /spec/authority/egressRules/1/host",
        "requireRuntimeSecretDelivery /spec/run/secretDelivery",
        "requireResourceLimits /spec/run/limits",
        "flagDnsEgressWithoutAcknowledgment /spec/authority/egressRules/1",
        "requireDnsEgressJustification /spec/authority/egressRules/1",
        "secretRefAllowlist /spec/authority/secretRefs/0",
        "secretRefAllowlist /spec/authority/secretRefs/1",
    });
    CHECK(policy_report(against(spec, pack)) == expected);
    CHECK(policy_report(against(spec, pack)) == expected);  // deterministic
    CHECK(cellos::check_spec_against_policy(spec, pack).size() == 13);
    // requireEgressDeclared takes its place (4th) when it applies.
    pack.rules.forbid_outbound_egress_rules = false;
    pack.rules.require_egress_declared = true;
    spec.authority.egress_rules.clear();
    CHECK(policy_report(against(spec, pack)) == report({
                                             "maxLifetimeTtlSeconds /spec/lifetime/ttlSeconds",
                                             "maxMemoryMaxBytes /spec/run/limits/memoryMaxBytes",
                                             "maxRunTimeoutMs /spec/run/timeoutMs",
                                             "requireEgressDeclared /spec/authority/egressRules",
                                             "requireRuntimeSecretDelivery /spec/run/secretDelivery",
                                             "requireResourceLimits /spec/run/limits",
                                             "secretRefAllowlist /spec/authority/secretRefs/0",
                                             "secretRefAllowlist /spec/authority/secretRefs/1",
                                         }));
    // Pointers follow a caller's base.
    const auto issues = cellos::check_spec_against_policy(spec, pack, cellos::json_path{} / "cells" / std::size_t{3} / "spec");
    REQUIRE_FALSE(issues.empty());
    CHECK(issues[0].path.to_pointer() == "/cells/3/spec/lifetime/ttlSeconds");
}

// ================================================================================================
// Placement scope
// ================================================================================================

TEST_CASE("placement scope: a global pack applies to every spec; a scoped one only where every populated axis matches") {
    const auto spec = full_cell().spec;  // pool-a / eu-west-1 / eu-west-1a
    auto strict = pack_with([](auto& r) { r.max_lifetime_ttl_seconds = 60; });
    const auto scoped = [&](std::optional<std::string> pool, std::optional<std::string> region, std::optional<std::string> zone) {
        auto p = strict;
        p.placement = cellos::placement_spec{std::move(pool), std::move(region), std::move(zone)};
        return p;
    };
    // global
    CHECK(cellos::spec_matches_placement_scope(strict, spec));
    CHECK(policy_report(against(spec, strict)) == report({"maxLifetimeTtlSeconds /spec/lifetime/ttlSeconds"}));
    // matching scopes
    for (const auto& p : {scoped("pool-a", std::nullopt, std::nullopt), scoped(std::nullopt, "eu-west-1", std::nullopt),
                          scoped("pool-a", "eu-west-1", "eu-west-1a"), scoped(std::nullopt, std::nullopt, std::nullopt)}) {
        CHECK(cellos::spec_matches_placement_scope(p, spec));
        CHECK(policy_report(against(spec, p)) == report({"maxLifetimeTtlSeconds /spec/lifetime/ttlSeconds"}));
    }
    // mismatching scopes impose nothing
    for (const auto& p : {scoped("pool-b", std::nullopt, std::nullopt), scoped("pool-a", "eu-west-1", "eu-west-1b"),
                          scoped("Pool-A", std::nullopt, std::nullopt), scoped(std::nullopt, "us-east-1", std::nullopt)}) {
        CHECK_FALSE(cellos::spec_matches_placement_scope(p, spec));
        CHECK(policy_report(against(spec, p)) == "");
        CHECK(cellos::check_spec_against_policy(spec, p).empty());
    }
    // A scope axis the spec does not populate does not match.
    auto no_placement = spec;
    no_placement.placement.reset();
    CHECK_FALSE(cellos::spec_matches_placement_scope(scoped("pool-a", std::nullopt, std::nullopt), no_placement));
    CHECK(policy_report(against(no_placement, scoped("pool-a", std::nullopt, std::nullopt))) == "");
    auto pool_only = spec;
    pool_only.placement = cellos::placement_spec{"pool-a", std::nullopt, std::nullopt};
    CHECK_FALSE(cellos::spec_matches_placement_scope(scoped(std::nullopt, "eu-west-1", std::nullopt), pool_only));
    CHECK(cellos::spec_matches_placement_scope(scoped("pool-a", std::nullopt, std::nullopt), pool_only));
    // An empty scope object populates no axis: it matches every spec, placed or not.
    CHECK(cellos::spec_matches_placement_scope(scoped(std::nullopt, std::nullopt, std::nullopt), no_placement));
    CHECK(cellos::spec_matches_placement_scope(strict, no_placement));
    // admits(): out of scope, the pack's rules do not apply.
    auto doc = full_cell();
    CHECK_FALSE(cellos::admits(document_of(strict), doc));
    CHECK(cellos::admits(document_of(scoped("pool-b", std::nullopt, std::nullopt)), doc));
}

// ================================================================================================
// The version floor
// ================================================================================================

TEST_CASE("version floor: absent counts as the floor, below is refused unless downgrade is allowed, garbage always") {
    CHECK(cellos::min_supported_policy_pack_version == "1.0.0");
    CHECK(cellos::policy_allow_downgrade_env == "CELLOS_POLICY_ALLOW_DOWNGRADE");
    const struct {
        std::optional<std::string_view> version;
        policy_version_verdict no, yes;
    } cases[] = {
        {std::nullopt, policy_version_verdict::supported, policy_version_verdict::supported},
        {"1.0.0", policy_version_verdict::supported, policy_version_verdict::supported},
        {"1.0.0+build.7", policy_version_verdict::supported, policy_version_verdict::supported},
        {"1.0.1", policy_version_verdict::supported, policy_version_verdict::supported},
        {"1.2.0", policy_version_verdict::supported, policy_version_verdict::supported},
        {"2.0.0-alpha", policy_version_verdict::supported, policy_version_verdict::supported},
        {"0.9.9", policy_version_verdict::below_floor, policy_version_verdict::downgrade_allowed},
        {"0.0.1", policy_version_verdict::below_floor, policy_version_verdict::downgrade_allowed},
        // SemVer §11: a pre-release ranks below its release, so 1.0.0-rc.1 is below the 1.0.0 floor.
        {"1.0.0-rc.1", policy_version_verdict::below_floor, policy_version_verdict::downgrade_allowed},
        {"1.0.0-alpha", policy_version_verdict::below_floor, policy_version_verdict::downgrade_allowed},
        {"1.0", policy_version_verdict::not_semver, policy_version_verdict::not_semver},
        {"v1.0.0", policy_version_verdict::not_semver, policy_version_verdict::not_semver},
        {"", policy_version_verdict::not_semver, policy_version_verdict::not_semver},
        {"latest", policy_version_verdict::not_semver, policy_version_verdict::not_semver},
    };
    for (const auto& c : cases) {
        CAPTURE(c.version.value_or("(absent)"));
        auto pack = pack_with([](auto&) {});
        if (c.version) pack.version = std::string(*c.version);
        CHECK(cellos::policy_pack_version_verdict(pack, allow_downgrade::no) == c.no);
        CHECK(cellos::policy_pack_version_verdict(pack, allow_downgrade::yes) == c.yes);
        const auto strict = cellos::check_policy_pack_version_compatibility(pack, allow_downgrade::no);
        const auto lenient = cellos::check_policy_pack_version_compatibility(pack, allow_downgrade::yes);
        CHECK(strict.has_value() == (c.no == policy_version_verdict::supported));
        CHECK(lenient.has_value() == (c.yes != policy_version_verdict::below_floor && c.yes != policy_version_verdict::not_semver));
        if (!strict) {
            CHECK(strict.error().category() == cellos::error_category());
            CHECK(cellos::errc_name(static_cast<errc>(strict.error().value())) == "policy_version_unsupported");
        }
        // admits() never allows a downgrade.
        auto doc = full_cell();
        CHECK(cellos::admits(document_of(pack), doc) == (c.no == policy_version_verdict::supported));
    }
}

// ================================================================================================
// Pack structure
// ================================================================================================

TEST_CASE("validate_policy_pack_document: each structural rule, with invalid_policy, rule id and pointer") {
    CHECK(report(cellos::validate_policy_pack_document(decoded<cellos::policy_pack_document>(full_pack_json))) == "");
    const auto base = document_of(pack_with([](auto&) {}));
    const auto check = [&](auto mutate, std::string_view expected) {
        auto pack = base;
        mutate(pack);
        CHECK(report(cellos::validate_policy_pack_document(pack)) == report({expected}));
    };
    check([](auto& p) { p.api_version = "cellos.io/v2"; }, "apiVersion invalid_policy /apiVersion");
    check([](auto& p) { p.kind = "ExecutionCell"; }, "kind invalid_policy /kind");
    check([](auto& p) { p.spec.id = "base line"; }, "portableIdentifier invalid_policy /spec/id");
    check([](auto& p) { p.spec.description = ""; }, "boundedText invalid_policy /spec/description");
    check([](auto& p) { p.spec.description = std::string(1025, 'd'); }, "boundedText invalid_policy /spec/description");
    check([](auto& p) { p.spec.description = "line\nbreak"; }, "boundedText invalid_policy /spec/description");
    check([](auto& p) { p.spec.version = "1.0"; }, "semver invalid_policy /spec/version");
    check([](auto& p) { p.spec.placement = cellos::placement_spec{"-pool", std::nullopt, std::nullopt}; },
          "portableIdentifier invalid_policy /spec/placement/poolId");
    check([](auto& p) { p.spec.placement = cellos::placement_spec{std::nullopt, "eu..west", std::nullopt}; },
          "portableIdentifier invalid_policy /spec/placement/region");
    check([](auto& p) { p.spec.placement = cellos::placement_spec{std::nullopt, std::nullopt, ""}; },
          "portableIdentifier invalid_policy /spec/placement/zone");
    check([](auto& p) { p.spec.rules.max_lifetime_ttl_seconds = 0; }, "positive invalid_policy /spec/rules/maxLifetimeTtlSeconds");
    check([](auto& p) { p.spec.rules.max_memory_max_bytes = 0; }, "positive invalid_policy /spec/rules/maxMemoryMaxBytes");
    check([](auto& p) { p.spec.rules.max_run_timeout_ms = 0; }, "positive invalid_policy /spec/rules/maxRunTimeoutMs");
    check(
        [](auto& p) {
            p.spec.rules.require_egress_declared = true;
            p.spec.rules.forbid_outbound_egress_rules = true;
        },
        "contradictoryRules invalid_policy /spec/rules");
    check([](auto& p) { p.spec.rules.allowed_egress_hosts = {"*"}; }, "allowlistEntry invalid_policy /spec/rules/allowedEgressHosts/0");
    check([](auto& p) { p.spec.rules.allowed_egress_hosts = {"api.example.com", "*.com"}; },
          "allowlistEntry invalid_policy /spec/rules/allowedEgressHosts/1");
    check([](auto& p) { p.spec.rules.allowed_egress_hosts = {"api.example.com:443"}; },
          "allowlistEntry invalid_policy /spec/rules/allowedEgressHosts/0");
    check([](auto& p) { p.spec.rules.allowed_egress_hosts = {"api.example.com", "API.Example.COM"}; },
          "unique invalid_policy /spec/rules/allowedEgressHosts/1");
    using allowlist = cellos::string_map<cellos::runtime_storage, std::vector<std::string>>;
    check([](auto& p) { p.spec.rules.secret_ref_allowlist = allowlist{{{"acme.prod", {}}}}; },
          "tenantId invalid_policy /spec/rules/secretRefAllowlist/acme.prod");
    check([](auto& p) { p.spec.rules.secret_ref_allowlist = allowlist{{{"x/y.z", {}}}}; },
          "tenantId invalid_policy /spec/rules/secretRefAllowlist/x~1y.z");
    check([](auto& p) { p.spec.rules.secret_ref_allowlist = allowlist{{{"acme", {"DB_PASSWORD", "bad ref"}}}}; },
          "portableIdentifier invalid_policy /spec/rules/secretRefAllowlist/acme/1");
    check([](auto& p) { p.spec.rules.secret_ref_allowlist = allowlist{{{"*", {"A", "A"}}}}; },
          "unique invalid_policy /spec/rules/secretRefAllowlist/*/1");
    // Accepted: IP literals as exact egress entries, "*" and unusual-but-safe tenant keys, empty lists.
    auto ok = base;
    ok.spec.rules.allowed_egress_hosts = {"10.0.0.53", "2001:db8::1", "*.example.net"};
    ok.spec.rules.secret_ref_allowlist = allowlist{{{"*", {}}, {"tenant-1", {"A"}}}};
    ok.spec.description = std::string(1024, 'd');
    ok.spec.version = "1.0.0-rc.1";  // structurally a version; the floor is a separate verdict
    CHECK(report(cellos::validate_policy_pack_document(ok)) == "");
    // The message of the contradiction says why.
    auto both = base;
    both.spec.rules.require_egress_declared = both.spec.rules.forbid_outbound_egress_rules = true;
    const auto vs = cellos::validate_policy_pack_document(both);
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].message == "requireEgressDeclared and forbidOutboundEgressRules cannot both hold: no spec could pass");
    CHECK_FALSE(cellos::admits(both, full_cell()));
}

TEST_CASE("validate_policy_pack_document reports every problem, in document order") {
    auto p = document_of(pack_with([](auto& r) {
        r.max_lifetime_ttl_seconds = 0;
        r.allowed_egress_hosts = {"*"};
    }));
    p.kind = "Pack";
    p.spec.id = "";
    p.spec.version = "one";
    const auto vs = cellos::validate_policy_pack_document(p);
    CHECK(report(vs) == report({
                            "kind invalid_policy /kind",
                            "portableIdentifier invalid_policy /spec/id",
                            "semver invalid_policy /spec/version",
                            "positive invalid_policy /spec/rules/maxLifetimeTtlSeconds",
                            "allowlistEntry invalid_policy /spec/rules/allowedEgressHosts/0",
                        }));
    CHECK(cellos::check_policy_pack_document(p).size() == vs.size());
}

TEST_CASE("policy pack documents at the JSON boundary") {
    const auto bad = [](std::string_view text, std::string_view code, std::string_view pointer) {
        CAPTURE(text);
        const auto r = cj::parse_policy_pack_document(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code_name() == code);
        CHECK(r.error().pointer == pointer);
    };
    constexpr std::string_view head = R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{"id":"p","rules":)";
    bad(std::string(head) + R"({"maxTtl":1}}})", "unknown_field", "/spec/rules/maxTtl");
    bad(std::string(head) + R"({"requireEgressDeclared":"yes"}}})", "wrong_type", "/spec/rules/requireEgressDeclared");
    bad(std::string(head) + R"({"maxLifetimeTtlSeconds":-5}}})", "number_out_of_range", "/spec/rules/maxLifetimeTtlSeconds");
    bad(std::string(head) + R"({"secretRefAllowlist":{"acme":"DB_PASSWORD"}}}})", "wrong_type", "/spec/rules/secretRefAllowlist/acme");
    bad(std::string(head) + R"({"secretRefAllowlist":{"acme":[1]}}}})", "wrong_type", "/spec/rules/secretRefAllowlist/acme/0");
    bad(std::string(head) + R"({"secretRefAllowlist":{"acme":[],"acme":[]}}}})", "duplicate_key", "/spec/rules/secretRefAllowlist/acme");
    bad(std::string(head) + R"({"flagDnsEgressWithoutAcknowledgment":1}}})", "wrong_type", "/spec/rules/flagDnsEgressWithoutAcknowledgment");
    bad(R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{"rules":{}}})", "missing_field", "/spec/id");
    bad(R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{"id":"p","scope":{}}})", "unknown_field", "/spec/scope");
    bad(R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{"id":"p","placement":{"pool":"a"}}})", "unknown_field",
        "/spec/placement/pool");
    const auto pack = cj::parse_policy_pack_document(full_pack_json);
    REQUIRE(pack.has_value());
    CHECK(pack.value().spec.rules.max_memory_max_bytes == 4294967296ULL);
}

// ================================================================================================
// The RBAC gate
// ================================================================================================

namespace {

cellos::authorization_policy rbac(std::vector<std::string> subjects, std::vector<std::string> pools = {},
                                  std::vector<std::string> packs = {}, std::optional<std::uint32_t> per_hour = std::nullopt) {
    return {std::move(subjects), std::move(pools), std::move(packs), per_hour};
}

cellos::authorization_request request(std::string_view subject, std::optional<std::string_view> pool = std::nullopt,
                                      std::optional<std::string_view> pack = std::nullopt, std::uint32_t count = 0) {
    return {subject, pool, pack, count};
}

std::string_view name(authorization_verdict v) { return cellos::to_wire(v); }

}  // namespace

TEST_CASE("authorize: an empty subject list denies everyone") {
    const auto p = rbac({});
    CHECK(name(cellos::authorize(p, request("tenant:acme"))) == "subjectNotListed");
    CHECK(name(cellos::authorize(p, request(""))) == "subjectNotListed");
    CHECK(name(cellos::authorize(p, request("*", "pool-a", "baseline"))) == "subjectNotListed");
}

TEST_CASE("authorize: subjects, pools and packs match by exact string equality, no globs") {
    const auto glob = rbac({"tenant:*"});
    CHECK(name(cellos::authorize(glob, request("tenant:acme"))) == "subjectNotListed");
    CHECK(name(cellos::authorize(glob, request("tenant:*"))) == "allowed");
    const auto p = rbac({"tenant:acme", "oidc:github:acme/platform"}, {"pool-a"}, {"baseline"});
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-a", "baseline"))) == "allowed");
    CHECK(name(cellos::authorize(p, request("oidc:github:acme/platform", "pool-a", "baseline"))) == "allowed");
    CHECK(name(cellos::authorize(p, request("Tenant:acme", "pool-a", "baseline"))) == "subjectNotListed");
    CHECK(name(cellos::authorize(p, request("tenant:acme ", "pool-a", "baseline"))) == "subjectNotListed");
    CHECK(name(cellos::authorize(p, request("tenant:ac", "pool-a", "baseline"))) == "subjectNotListed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "POOL-A", "baseline"))) == "poolNotAllowed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-a*", "baseline"))) == "poolNotAllowed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-a", "Baseline"))) == "policyPackNotAllowed");
}

TEST_CASE("authorize: empty pool and pack lists are unrestricted; a non-empty list needs a listed value") {
    const auto open = rbac({"tenant:acme"});
    CHECK(name(cellos::authorize(open, request("tenant:acme"))) == "allowed");
    CHECK(name(cellos::authorize(open, request("tenant:acme", "any-pool", "any-pack"))) == "allowed");
    const auto pools = rbac({"tenant:acme"}, {"pool-a", "pool-b"});
    CHECK(name(cellos::authorize(pools, request("tenant:acme", "pool-b"))) == "allowed");
    CHECK(name(cellos::authorize(pools, request("tenant:acme", "pool-c"))) == "poolNotAllowed");
    CHECK(name(cellos::authorize(pools, request("tenant:acme"))) == "poolNotAllowed");  // no pool named
    CHECK(name(cellos::authorize(pools, request("tenant:acme", std::nullopt, "any-pack"))) == "poolNotAllowed");
    const auto packs = rbac({"tenant:acme"}, {}, {"baseline"});
    CHECK(name(cellos::authorize(packs, request("tenant:acme", "any", "baseline"))) == "allowed");
    CHECK(name(cellos::authorize(packs, request("tenant:acme", "any", "strict"))) == "policyPackNotAllowed");
    CHECK(name(cellos::authorize(packs, request("tenant:acme", "any"))) == "policyPackNotAllowed");  // no pack named
}

TEST_CASE("authorize: maxCellsPerHour admits while the counter is below the cap") {
    const auto p = rbac({"tenant:acme"}, {}, {}, 3);
    CHECK(name(cellos::authorize(p, request("tenant:acme", std::nullopt, std::nullopt, 0))) == "allowed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", std::nullopt, std::nullopt, 2))) == "allowed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", std::nullopt, std::nullopt, 3))) == "rateLimited");
    CHECK(name(cellos::authorize(p, request("tenant:acme", std::nullopt, std::nullopt, 4))) == "rateLimited");
    const auto one = rbac({"tenant:acme"}, {}, {}, 1);
    CHECK(name(cellos::authorize(one, request("tenant:acme", std::nullopt, std::nullopt, 0))) == "allowed");
    CHECK(name(cellos::authorize(one, request("tenant:acme", std::nullopt, std::nullopt, 1))) == "rateLimited");
    const auto unlimited = rbac({"tenant:acme"});
    CHECK(name(cellos::authorize(unlimited, request("tenant:acme", std::nullopt, std::nullopt, std::numeric_limits<std::uint32_t>::max()))) ==
          "allowed");
}

TEST_CASE("authorize: the first failing axis wins, in the order subjects, pools, packs, rate") {
    const auto p = rbac({"tenant:acme"}, {"pool-a"}, {"baseline"}, 1);
    CHECK(name(cellos::authorize(p, request("tenant:other", "pool-x", "pack-x", 9))) == "subjectNotListed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-x", "pack-x", 9))) == "poolNotAllowed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-a", "pack-x", 9))) == "policyPackNotAllowed");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-a", "baseline", 9))) == "rateLimited");
    CHECK(name(cellos::authorize(p, request("tenant:acme", "pool-a", "baseline", 0))) == "allowed");
}

TEST_CASE("authorization_request_for reads the pool and the pack from the spec") {
    auto spec = full_cell().spec;
    auto r = cellos::authorization_request_for("tenant:acme", spec, 7);
    CHECK(r.subject == "tenant:acme");
    CHECK(r.pool_id == std::optional<std::string_view>("pool-a"));
    CHECK(r.policy_pack_id == std::optional<std::string_view>("baseline"));
    CHECK(r.cells_admitted_this_hour == 7);
    spec.placement->pool_id.reset();
    spec.policy.reset();
    r = cellos::authorization_request_for("tenant:acme", spec);
    CHECK_FALSE(r.pool_id.has_value());
    CHECK_FALSE(r.policy_pack_id.has_value());
    CHECK(r.cells_admitted_this_hour == 0);
    spec.placement.reset();
    CHECK_FALSE(cellos::authorization_request_for("s", spec).pool_id.has_value());
    // End to end with the sample policy (cap 120 per hour).
    const auto policy = decoded<cellos::authorization_policy_document>(full_authorization_json).spec;
    const auto cell = full_cell().spec;
    CHECK(name(cellos::authorize(policy, cellos::authorization_request_for("tenant:acme", cell, 119))) == "allowed");
    CHECK(name(cellos::authorize(policy, cellos::authorization_request_for("tenant:acme", cell, 120))) == "rateLimited");
    CHECK(name(cellos::authorize(policy, cellos::authorization_request_for("tenant:globex", cell))) == "subjectNotListed");
}

TEST_CASE("validate_authorization_policy: each structural rule, with invalid_policy, rule id and pointer") {
    const auto base = decoded<cellos::authorization_policy_document>(full_authorization_json);
    CHECK(report(cellos::validate_authorization_policy(base)) == "");
    const auto check = [&](auto mutate, std::initializer_list<std::string_view> expected) {
        auto doc = base;
        mutate(doc);
        CHECK(report(cellos::validate_authorization_policy(doc)) == report(expected));
    };
    check([](auto& d) { d.api_version = "v1"; }, {"apiVersion invalid_policy /apiVersion"});
    check([](auto& d) { d.kind = "PolicyPack"; }, {"kind invalid_policy /kind"});
    check([](auto& d) { d.spec.subjects = {""}; }, {"boundedText invalid_policy /spec/subjects/0"});
    check([](auto& d) { d.spec.subjects = {"tenant:acme", "tenant:\x01"}; }, {"boundedText invalid_policy /spec/subjects/1"});
    check([](auto& d) { d.spec.subjects = {"tenant:acme", "tenant:acme"}; }, {"unique invalid_policy /spec/subjects/1"});
    check([](auto& d) { d.spec.allowed_pools = {"pool a"}; }, {"portableIdentifier invalid_policy /spec/allowedPools/0"});
    check([](auto& d) { d.spec.allowed_pools = {"pool-a", "pool-a"}; }, {"unique invalid_policy /spec/allowedPools/1"});
    check([](auto& d) { d.spec.allowed_policy_packs = {"..x"}; }, {"portableIdentifier invalid_policy /spec/allowedPolicyPacks/0"});
    check([](auto& d) { d.spec.allowed_policy_packs = {"b", "b"}; }, {"unique invalid_policy /spec/allowedPolicyPacks/1"});
    check([](auto& d) { d.spec.max_cells_per_hour = 0; }, {"positive invalid_policy /spec/maxCellsPerHour"});
    // Several at once, in document order.
    check(
        [](auto& d) {
            d.kind = "X";
            d.spec.subjects = {""};
            d.spec.allowed_pools = {"-p"};
            d.spec.max_cells_per_hour = 0;
        },
        {"kind invalid_policy /kind", "boundedText invalid_policy /spec/subjects/0", "portableIdentifier invalid_policy /spec/allowedPools/0",
         "positive invalid_policy /spec/maxCellsPerHour"});
    // Valid: an empty subject list (explicit deny-all), subjects with ':' '/' '*' (opaque tokens).
    check([](auto& d) { d.spec.subjects.clear(); }, {});
    check([](auto& d) { d.spec.subjects = {"tenant:*", "k8s:serviceaccount:ns/name"}; }, {});
}

TEST_CASE("authorization policy documents at the JSON boundary") {
    const auto bad = [](std::string_view text, std::string_view code, std::string_view pointer) {
        CAPTURE(text);
        const auto r = cj::parse_authorization_policy_document(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code_name() == code);
        CHECK(r.error().pointer == pointer);
    };
    constexpr std::string_view head = R"({"apiVersion":"cellos.io/v1","kind":"AuthorizationPolicy","spec":)";
    bad(std::string(head) + R"({}})", "missing_field", "/spec/subjects");
    bad(std::string(head) + R"({"subjects":[],"maxCellsPerHour":-1}})", "number_out_of_range", "/spec/maxCellsPerHour");
    bad(std::string(head) + R"({"subjects":[],"maxCellsPerHour":4294967296}})", "number_out_of_range", "/spec/maxCellsPerHour");
    bad(std::string(head) + R"({"subjects":"tenant:acme"}})", "wrong_type", "/spec/subjects");
    bad(std::string(head) + R"({"subjects":[],"allowedPool":[]}})", "unknown_field", "/spec/allowedPool");
    const auto ok = cj::parse_authorization_policy_document(std::string(head) + R"({"subjects":[],"maxCellsPerHour":4294967295}})");
    REQUIRE(ok.has_value());
    CHECK(ok.value().spec.max_cells_per_hour == std::optional<std::uint32_t>(4294967295U));
}

// ================================================================================================
// SemVer 2.0.0
// ================================================================================================

namespace {

/// -1, 0 or 1: compare_precedence of two versions that must parse.
int precedence(std::string_view a, std::string_view b) {
    const auto x = cellos::parse_semver(a), y = cellos::parse_semver(b);
    REQUIRE_MESSAGE(x.has_value(), a << " does not parse");
    REQUIRE_MESSAGE(y.has_value(), b << " does not parse");
    const auto c = cellos::compare_precedence(*x, *y);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

TEST_CASE("parse_semver: components, pre-release and build") {
    auto v = cellos::parse_semver("1.2.3");
    REQUIRE(v);
    CHECK(v->major == 1);
    CHECK(v->minor == 2);
    CHECK(v->patch == 3);
    CHECK(v->prerelease.empty());
    CHECK(v->build.empty());
    v = cellos::parse_semver("10.20.30-alpha.1+build.5");
    REQUIRE(v);
    CHECK(v->major == 10);
    CHECK(v->minor == 20);
    CHECK(v->patch == 30);
    CHECK(v->prerelease == "alpha.1");
    CHECK(v->build == "build.5");
    v = cellos::parse_semver("1.0.0+exp.sha-5114f85");
    REQUIRE(v);
    CHECK(v->prerelease.empty());
    CHECK(v->build == "exp.sha-5114f85");
    v = cellos::parse_semver("1.0.0-x-y-z.--");
    REQUIRE(v);
    CHECK(v->prerelease == "x-y-z.--");
    v = cellos::parse_semver("9999999999999999999.0.0");
    REQUIRE(v);
    CHECK(v->major == 9999999999999999999ULL);
}

TEST_CASE("parse_semver accepts the forms of semver.org §9–§10") {
    for (std::string_view s : {"0.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-x-y-z.--",
                               "1.0.0-alpha+001", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85",
                               "1.0.0+21AF26D3----117B344092BD", "1.0.0-0alpha", "1.0.0-rc.1+build.1-2"}) {
        CAPTURE(s);
        CHECK(cellos::is_semver(s));
    }
}

TEST_CASE("parse_semver refuses everything else") {
    for (std::string_view s : {"01.0.0", "1.0", "v1.0.0", "1.0.0-", "1.0.0-01", "1.01.0", "1.0.01", "1", "", "1.0.0.0", "1..0",
                               "-1.0.0", "1.0.0+", "1.0.0-a..b", "1.0.0-a.", "1.0.0-.a", "1.0.0-alpha_beta", "1.0.0+build+2",
                               "1.0.0 ", " 1.0.0", "1.0.0-\xc3\xa9", "1.0.0-00", "1.0.0-rc.01", "a.b.c", "1.0.x",
                               "18446744073709551616.0.0", "99999999999999999999.0.0"}) {
        CAPTURE(s);
        CHECK_FALSE(cellos::is_semver(s));
        CHECK_FALSE(cellos::parse_semver(s).has_value());
    }
}

TEST_CASE("parse_semver: a numeric component is any non-negative integer that fits in 64 bits") {
    // semver.h documents "digits, no leading zero, fits in u64": 2^64 - 1 has 20 digits.
    const auto v = cellos::parse_semver("18446744073709551615.0.0");
    REQUIRE(v.has_value());
    CHECK(v->major == std::numeric_limits<std::uint64_t>::max());
}

TEST_CASE("compare_precedence: the chain of semver.org §11, every pair both ways") {
    const std::string_view chain[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                                      "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",      "1.0.0"};
    for (std::size_t i = 0; i < std::size(chain); ++i)
        for (std::size_t j = 0; j < std::size(chain); ++j) {
            CAPTURE(chain[i]);
            CAPTURE(chain[j]);
            CHECK(precedence(chain[i], chain[j]) == (i < j ? -1 : i > j ? 1 : 0));
        }
}

TEST_CASE("compare_precedence: numbers, identifiers and build metadata") {
    // §11.2: major, minor, patch numerically.
    CHECK(precedence("1.0.0", "2.0.0") == -1);
    CHECK(precedence("2.0.0", "2.1.0") == -1);
    CHECK(precedence("2.1.0", "2.1.1") == -1);
    CHECK(precedence("1.10.0", "1.9.0") == 1);
    CHECK(precedence("0.0.9", "0.0.10") == -1);
    // §11.3: a pre-release ranks below its release, whatever its identifiers.
    CHECK(precedence("1.0.0-alpha", "1.0.0") == -1);
    CHECK(precedence("1.0.0", "1.0.0-zzz.999") == 1);
    CHECK(precedence("1.0.0-rc.1", "1.0.0") == -1);
    CHECK(precedence("1.0.1-alpha", "1.0.0") == 1);
    // §11.4: numeric identifiers numerically, alphanumeric in ASCII order, numeric < alphanumeric,
    // and a longer set wins when all preceding identifiers are equal.
    CHECK(precedence("1.0.0-2", "1.0.0-10") == -1);
    CHECK(precedence("1.0.0-alpha.2", "1.0.0-alpha.10") == -1);
    CHECK(precedence("1.0.0-1", "1.0.0-a") == -1);
    CHECK(precedence("1.0.0-999", "1.0.0--") == -1);
    CHECK(precedence("1.0.0-Z", "1.0.0-a") == -1);
    CHECK(precedence("1.0.0-alpha10", "1.0.0-alpha2") == -1);  // alphanumeric: character by character
    CHECK(precedence("1.0.0-a.b", "1.0.0-a") == 1);
    CHECK(precedence("1.0.0-a.1", "1.0.0-a.1.0") == -1);
    // §10: build metadata is ignored.
    CHECK(precedence("1.0.0+a", "1.0.0+b") == 0);
    CHECK(precedence("1.0.0-rc.1+x", "1.0.0-rc.1") == 0);
    CHECK(precedence("1.0.0+zzz", "1.0.0-rc.1") == 1);
}
