// Compile-time admission: specs, policy packs and authorization policies written in the source with
// constexpr_storage (string_view + span over static arrays) are checked by the very validators the
// JSON boundary runs. Positives are static_asserts; negatives are `!admits(...)` and `!Admitted<…>`
// (a concept over references to the documents, so that rejection is "false", not a hard error).
// The diagnostics of `require_admission()` are pinned out of process in tests/compile_fail/admit_*.cpp.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cellos/policy.hpp"
#include "cellos/util/semver.hpp"

namespace {

using namespace cellos;
using cs = constexpr_storage;

// --- the spec ---------------------------------------------------------------------------------------

constexpr std::string_view argv[] = {"/usr/bin/make", "-j4", "test"};
constexpr std::string_view secret_refs[] = {"DB_PASSWORD"};
constexpr basic_egress_rule<cs> egress[] = {
    {"api.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt},
    {"10.0.0.53", 53, egress_protocol::udp, true, "internal resolver"},
};

constexpr basic_execution_cell_spec<cs> build_spec{
    .id = "build-cell-042",
    .correlation = basic_correlation<cs>{std::nullopt, "acme"},
    .placement = basic_placement_spec<cs>{"pool-a", "eu-west-1", std::nullopt},
    .policy = basic_policy_ref<cs>{"baseline", "1.2.0"},
    .authority = {.secret_refs = secret_refs, .egress_rules = egress},
    .lifetime = {3600},
    .run = basic_run_spec<cs>{.argv = argv,
                              .secret_delivery = secret_delivery_mode::runtime_broker,
                              .timeout_ms = 600000,
                              .limits = run_limits{.memory_max_bytes = 1073741824ULL, .cpu_max = run_cpu_max{50000, std::nullopt}}},
};
constexpr static_execution_cell_document doc{"cellos.io/v1", "ExecutionCell", build_spec};

constexpr static_execution_cell_document bad_id_doc{"cellos.io/v1", "ExecutionCell",
                                                    [] {
                                                        auto s = build_spec;
                                                        s.id = "bad..id";
                                                        return s;
                                                    }()};
constexpr static_execution_cell_document wrong_kind_doc{"cellos.io/v1", "PolicyPack", build_spec};

// --- packs --------------------------------------------------------------------------------------------

constexpr std::string_view allowed_hosts[] = {"api.example.com", "10.0.0.53"};
constexpr std::string_view acme_refs[] = {"DB_PASSWORD"};
constexpr map_entry<cs, cs::list<cs::string>> allowlist_entries[] = {{"acme", acme_refs}};

constexpr basic_policy_rules<cs> every_rule{
    .max_lifetime_ttl_seconds = 3600,  // equal to the spec's: must not exceed = equal passes
    .max_memory_max_bytes = 1073741824ULL,
    .max_run_timeout_ms = 600000,
    .require_egress_declared = true,
    .forbid_outbound_egress_rules = false,
    .allowed_egress_hosts = allowed_hosts,
    .require_runtime_secret_delivery = true,
    .require_resource_limits = true,
    .flag_dns_egress_without_acknowledgment = true,
    .require_dns_egress_justification = true,
    .secret_ref_allowlist = string_map<cs, cs::list<cs::string>>{allowlist_entries},
};

constexpr static_policy_pack_document baseline{"cellos.io/v1", "PolicyPack", {.id = "baseline", .version = "1.2.0", .rules = every_rule}};
constexpr static_policy_pack_document audit_only{"cellos.io/v1", "PolicyPack", {.id = "audit"}};
constexpr static_policy_pack_document strict{"cellos.io/v1", "PolicyPack", {.id = "strict", .rules = {.max_lifetime_ttl_seconds = 60}}};
constexpr static_policy_pack_document airgap{"cellos.io/v1", "PolicyPack", {.id = "airgap", .rules = {.forbid_outbound_egress_rules = true}}};
constexpr static_policy_pack_document other_pool{
    "cellos.io/v1", "PolicyPack",
    {.id = "other-pool", .placement = basic_placement_spec<cs>{"pool-b", std::nullopt, std::nullopt}, .rules = {.max_lifetime_ttl_seconds = 60}}};
constexpr static_policy_pack_document same_pool{
    "cellos.io/v1", "PolicyPack",
    {.id = "same-pool", .placement = basic_placement_spec<cs>{"pool-a", std::nullopt, std::nullopt}, .rules = {.max_lifetime_ttl_seconds = 60}}};
constexpr static_policy_pack_document old{"cellos.io/v1", "PolicyPack", {.id = "old", .version = "0.9.0"}};
constexpr static_policy_pack_document unparseable{"cellos.io/v1", "PolicyPack", {.id = "garbage", .version = "1.0"}};
constexpr static_policy_pack_document contradictory{
    "cellos.io/v1", "PolicyPack", {.id = "contradictory", .rules = {.require_egress_declared = true, .forbid_outbound_egress_rules = true}}};

// --- verdicts -------------------------------------------------------------------------------------------

static_assert(is_valid(doc));
static_assert(is_valid(doc.spec));
static_assert(require_valid_document(doc));
static_assert(argv_encoded_bytes(doc.spec.run->argv) == 40);  // ["/usr/bin/make","-j4","test"]: 30 JSON bytes

static_assert(check_policy_pack_document(baseline).empty());
static_assert(admits(baseline, doc));
static_assert(require_admission(baseline, doc));
static_assert(check_spec_against_policy(doc.spec, baseline.spec).empty());
static_assert(admits(audit_only, doc) && require_admission(audit_only, doc));

// One rule broken: which, where, by how much.
static_assert(!admits(strict, doc));
static_assert(check_spec_against_policy(doc.spec, strict.spec).size() == 1);
static_assert(check_spec_against_policy(doc.spec, strict.spec)[0].rule == policy_rule::max_lifetime_ttl_seconds);
static_assert(check_spec_against_policy(doc.spec, strict.spec)[0].path == json_path{} / "spec" / "lifetime" / "ttlSeconds");
static_assert(check_spec_against_policy(doc.spec, strict.spec)[0].actual == 3600);
static_assert(check_spec_against_policy(doc.spec, strict.spec)[0].limit == 60);

// One violation per offending item, in document order.
static_assert(!admits(airgap, doc));
static_assert(check_spec_against_policy(doc.spec, airgap.spec).size() == 2);
static_assert(check_spec_against_policy(doc.spec, airgap.spec)[0].rule == policy_rule::forbid_outbound_egress_rules);
static_assert(check_spec_against_policy(doc.spec, airgap.spec)[0].subject == "api.example.com");
static_assert(check_spec_against_policy(doc.spec, airgap.spec)[1].subject == "10.0.0.53");

// Placement scope: a pack scoped elsewhere imposes nothing; scoped here, it applies.
static_assert(spec_matches_placement_scope(strict.spec, doc.spec));  // global
static_assert(!spec_matches_placement_scope(other_pool.spec, doc.spec));
static_assert(spec_matches_placement_scope(same_pool.spec, doc.spec));
static_assert(check_spec_against_policy(doc.spec, other_pool.spec).empty());
static_assert(admits(other_pool, doc));
static_assert(!admits(same_pool, doc));

// The version floor: absent = the floor; below it refused (admission never downgrades); garbage refused.
static_assert(policy_pack_version_verdict(audit_only.spec, allow_downgrade::no) == policy_version_verdict::supported);
static_assert(policy_pack_version_verdict(baseline.spec, allow_downgrade::no) == policy_version_verdict::supported);
static_assert(policy_pack_version_verdict(old.spec, allow_downgrade::no) == policy_version_verdict::below_floor);
static_assert(policy_pack_version_verdict(old.spec, allow_downgrade::yes) == policy_version_verdict::downgrade_allowed);
static_assert(policy_pack_version_verdict(unparseable.spec, allow_downgrade::yes) == policy_version_verdict::not_semver);
static_assert(!admits(old, doc));
static_assert(!admits(unparseable, doc));

// Structure of the pack and of the document.
static_assert(check_policy_pack_document(contradictory).size() == 1);
static_assert(check_policy_pack_document(contradictory)[0].rule == spec_rule::contradictory_rules);
static_assert(check_policy_pack_document(contradictory)[0].path == json_path{} / "spec" / "rules");
static_assert(!admits(contradictory, doc));
static_assert(!is_valid(bad_id_doc));
static_assert(check_execution_cell_document(bad_id_doc).size() == 1);
static_assert(check_execution_cell_document(bad_id_doc)[0].rule == spec_rule::portable_identifier);
static_assert(check_execution_cell_document(bad_id_doc)[0].path == json_path{} / "spec" / "id");
static_assert(!admits(baseline, bad_id_doc) && !admits(audit_only, bad_id_doc));
static_assert(check_execution_cell_document(wrong_kind_doc)[0].rule == spec_rule::kind);
// bounded in constant expressions too: past the capacity, findings are counted, not stored
static_assert(check_execution_cell_document(wrong_kind_doc, 0).size() == 0);
static_assert(check_execution_cell_document(wrong_kind_doc, 0).total() == check_execution_cell_document(wrong_kind_doc).total());
static_assert(!check_execution_cell_document(wrong_kind_doc, 0).empty());
static_assert(!admits(audit_only, wrong_kind_doc));

// --- requires-based negatives ----------------------------------------------------------------------------

template <auto& Pack, auto& Doc>
concept Admitted = requires { requires cellos::admits(Pack, Doc); };

static_assert(Admitted<baseline, doc>);
static_assert(Admitted<audit_only, doc>);
static_assert(Admitted<other_pool, doc>);
static_assert(!Admitted<strict, doc>);
static_assert(!Admitted<airgap, doc>);
static_assert(!Admitted<same_pool, doc>);
static_assert(!Admitted<old, doc>);
static_assert(!Admitted<unparseable, doc>);
static_assert(!Admitted<contradictory, doc>);
static_assert(!Admitted<baseline, bad_id_doc>);
static_assert(!Admitted<audit_only, wrong_kind_doc>);

// --- the RBAC gate -----------------------------------------------------------------------------------------

constexpr std::string_view subjects[] = {"tenant:acme"};
constexpr std::string_view glob_subjects[] = {"tenant:*"};
constexpr std::string_view pools[] = {"pool-a"};
constexpr std::string_view packs[] = {"baseline"};
constexpr std::string_view strict_packs[] = {"strict"};

constexpr static_authorization_policy acme_in_pool_a{subjects, pools, packs, 10};
constexpr static_authorization_policy_document rbac{"cellos.io/v1", "AuthorizationPolicy", acme_in_pool_a};
constexpr static_authorization_policy deny_all{};
constexpr static_authorization_policy glob{glob_subjects, {}, {}, std::nullopt};
constexpr static_authorization_policy open_for_acme{subjects, {}, {}, std::nullopt};
constexpr static_authorization_policy strict_only{subjects, {}, strict_packs, std::nullopt};

static_assert(check_authorization_policy_document(rbac).empty());
static_assert(authorization_request_for("tenant:acme", doc.spec).pool_id == std::optional<std::string_view>("pool-a"));
static_assert(authorization_request_for("tenant:acme", doc.spec).policy_pack_id == std::optional<std::string_view>("baseline"));
static_assert(authorize(rbac.spec, authorization_request_for("tenant:acme", doc.spec, 0)) == authorization_verdict::allowed);
static_assert(authorize(rbac.spec, authorization_request_for("tenant:acme", doc.spec, 9)) == authorization_verdict::allowed);
static_assert(authorize(rbac.spec, authorization_request_for("tenant:acme", doc.spec, 10)) == authorization_verdict::rate_limited);
static_assert(authorize(rbac.spec, authorization_request_for("tenant:globex", doc.spec)) == authorization_verdict::subject_not_listed);
static_assert(authorize(deny_all, authorization_request_for("tenant:acme", doc.spec)) == authorization_verdict::subject_not_listed);
static_assert(authorize(glob, authorization_request_for("tenant:acme", doc.spec)) == authorization_verdict::subject_not_listed);
static_assert(authorize(glob, authorization_request_for("tenant:*", doc.spec)) == authorization_verdict::allowed);
static_assert(authorize(open_for_acme, authorization_request{"tenant:acme"}) == authorization_verdict::allowed);
static_assert(authorize(strict_only, authorization_request_for("tenant:acme", doc.spec)) == authorization_verdict::policy_pack_not_allowed);
static_assert(authorize(rbac.spec, authorization_request{"tenant:acme", std::nullopt, "baseline", 0}) == authorization_verdict::pool_not_allowed);

// (clang 14 refuses a subobject such as rbac.spec as a reference template argument: use whole variables.)
template <auto& Policy, auto& Spec>
concept Authorized = requires { requires authorize(Policy, authorization_request_for("tenant:acme", Spec)) == authorization_verdict::allowed; };
static_assert(Authorized<acme_in_pool_a, build_spec>);
static_assert(!Authorized<deny_all, build_spec>);
static_assert(!Authorized<glob, build_spec>);
static_assert(!Authorized<strict_only, build_spec>);

// --- SemVer -----------------------------------------------------------------------------------------------

static_assert(parse_semver("1.2.3")->minor == 2);
static_assert(parse_semver("1.0.0-rc.1+build.5")->prerelease == "rc.1");
static_assert(parse_semver("1.0.0-rc.1+build.5")->build == "build.5");
static_assert(is_semver(min_supported_policy_pack_version));
static_assert(!is_semver("01.0.0") && !is_semver("1.0") && !is_semver("v1.0.0") && !is_semver("1.0.0-") && !is_semver("1.0.0-01"));
static_assert(compare_precedence(*parse_semver("1.0.0-alpha"), *parse_semver("1.0.0-alpha.1")) < 0);
static_assert(compare_precedence(*parse_semver("1.0.0-alpha.1"), *parse_semver("1.0.0-alpha.beta")) < 0);
static_assert(compare_precedence(*parse_semver("1.0.0-alpha.beta"), *parse_semver("1.0.0-beta")) < 0);
static_assert(compare_precedence(*parse_semver("1.0.0-beta"), *parse_semver("1.0.0-beta.2")) < 0);
static_assert(compare_precedence(*parse_semver("1.0.0-beta.2"), *parse_semver("1.0.0-beta.11")) < 0);
static_assert(compare_precedence(*parse_semver("1.0.0-beta.11"), *parse_semver("1.0.0-rc.1")) < 0);
static_assert(compare_precedence(*parse_semver("1.0.0+a"), *parse_semver("1.0.0+b")) == 0);
static_assert(compare_precedence(*parse_semver("1.0.0-rc.1"), *parse_semver("1.0.0")) < 0);  // a release outranks
static_assert(compare_precedence(*parse_semver("1.0.0"), *parse_semver("1.0.0-rc.1")) > 0);  // its pre-releases
static_assert(compare_precedence(*parse_semver("1.10.0"), *parse_semver("1.9.0")) > 0);
// (1.0.0-rc.1 < 1.0.0, the last link of the §11 chain, is asserted at runtime in policy_test.cpp:
// it fails today and a failing static_assert would stop the whole unit-test build.)

}  // namespace
