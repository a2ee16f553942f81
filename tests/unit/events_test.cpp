// tests/unit/events_test.cpp — the CellOS event vocabulary: for every event type, its builder and
// envelope builder are checked against the table in docs/events.md#vocabulary (type string,
// builder names, payload keys and which are optional), against the payload's wire_fields() table,
// and against the JSON actually produced with every optional set and with none; every payload
// round-trips (payload JSON, and whole envelope text). Also: the CONFIRMED strings spelled out,
// exitCode only on command.completed, the omission rules, the LifecycleReason pass-through,
// subject URNs and event ids, deterministic envelopes from injected generators, and the errors.
#include <concepts>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "../doctest.hpp"
#include "cellos/json/events.hpp"

#ifndef CELLOS_DOCS_DIR
#define CELLOS_DOCS_DIR "docs"  // standalone builds run from the source root
#endif

namespace {

namespace ce = cellos;
namespace cj = cellos::json;
using cellos::errc;

// --- docs/events.md#vocabulary, parsed ------------------------------------------------------------

/// Every table row of the "## Vocabulary" section, by its first cell (backticks removed).
const std::map<std::string, std::vector<std::string>>& docs_rows() {
    static const std::map<std::string, std::vector<std::string>> rows = [] {
        std::map<std::string, std::vector<std::string>> out;
        std::ifstream in(std::string(CELLOS_DOCS_DIR) + "/events.md");
        REQUIRE_MESSAGE(in.good(), "cannot read " << CELLOS_DOCS_DIR << "/events.md");
        bool inside = false;
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("## ", 0) == 0) inside = line == "## Vocabulary";
            if (!inside || line.rfind("| ", 0) != 0 || line.rfind("|---", 0) == 0) continue;
            std::vector<std::string> cells;
            std::size_t start = 1;
            for (std::size_t bar = line.find('|', start); bar != std::string::npos; bar = line.find('|', start)) {
                std::string cell = line.substr(start, bar - start);
                const std::size_t a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
                cells.push_back(a == std::string::npos ? std::string() : cell.substr(a, b - a + 1));
                start = bar + 1;
            }
            if (cells.empty()) continue;
            std::string key = cells.front();
            if (key.size() >= 2 && key.front() == '`' && key.back() == '`') key = key.substr(1, key.size() - 2);
            out.emplace(key, std::move(cells));
        }
        return out;
    }();
    return rows;
}

const std::vector<std::string>& docs_row(std::string_view first_cell) {
    static const std::vector<std::string> none;
    const auto it = docs_rows().find(std::string(first_cell));
    if (it == docs_rows().end()) {
        FAIL_CHECK("docs/events.md#vocabulary has no row for `" << first_cell << "`");
        return none;
    }
    return it->second;
}

/// A key as the docs list it: `name` (required) or `name`? (optional).
struct doc_key {
    std::string name;
    bool optional = false;
    friend bool operator==(const doc_key&, const doc_key&) = default;
};

std::ostream& operator<<(std::ostream& os, const doc_key& k) { return os << '`' << k.name << '`' << (k.optional ? "?" : ""); }

std::vector<doc_key> parse_keys(std::string_view cell) {
    std::vector<doc_key> out;
    while (!cell.empty()) {
        const std::size_t open = cell.find('`');
        if (open == std::string_view::npos) break;
        const std::size_t close = cell.find('`', open + 1);
        REQUIRE(close != std::string_view::npos);
        doc_key k{std::string(cell.substr(open + 1, close - open - 1)), close + 1 < cell.size() && cell[close + 1] == '?'};
        out.push_back(std::move(k));
        cell.remove_prefix(close + 1);
    }
    return out;
}

/// "`a`, `b`?" as the docs write a key list (for the failure message).
template <class Keys>
std::string spelled(const Keys& keys) {
    std::ostringstream os;
    bool first = true;
    for (const auto& k : keys) {
        if (!first) os << ", ";
        first = false;
        os << k;
    }
    return os.str();
}

/// The payload keys of T, from its wire_fields() table.
template <class T>
std::vector<doc_key> table_keys() {
    std::vector<doc_key> out;
    std::apply(
        [&](const auto&... f) {
            (out.push_back({std::string(f.name), cellos::detail::is_optional_v<typename std::remove_cvref_t<decltype(f)>::member_type>}),
             ...);
        },
        T::wire_fields());
    return out;
}

/// The member names of a JSON object, in order.
std::vector<std::string> json_keys(const boost::json::value& v) {
    std::vector<std::string> out;
    for (const auto& m : v.as_object()) out.emplace_back(m.key());
    return out;
}

std::vector<std::string> names(const std::vector<doc_key>& keys, bool required_only) {
    std::vector<std::string> out;
    for (const auto& k : keys)
        if (!required_only || !k.optional) out.push_back(k.name);
    return out;
}

std::string message(const cellos::problem& e) { return std::string(e.code_name()) + " at \"" + e.pointer + "\": " + e.message; }

// --- inputs: "full" sets every optional, "minimal" none -------------------------------------------

cellos::execution_cell_spec make_spec(bool full) {
    cellos::execution_cell_spec s;
    s.id = "build-cell-042";
    if (full) {
        s.correlation = cellos::correlation{"corr-7f3a", "acme"};
        s.policy = cellos::policy_ref{"baseline", "1.2.0"};
        s.authority.egress_rules = {cellos::egress_rule{"api.example.com", 443, cellos::egress_protocol::tcp, std::nullopt, std::nullopt}};
    }
    return s;
}

constexpr std::string_view started_id = "urn:cellos:event:0f8fad5b-d9cb-469f-a165-70867728950e";
constexpr std::string_view started_type = "dev.cellos.events.cell.lifecycle.v1.started";

std::optional<std::string_view> run(bool full) { return full ? std::optional<std::string_view>("run-7") : std::nullopt; }
std::optional<std::string_view> opt(bool full, std::string_view s) { return full ? std::optional<std::string_view>(s) : std::nullopt; }
std::optional<ce::provenance> prov(bool full) {
    return full ? std::optional<ce::provenance>(ce::provenance{std::string(started_id), std::string(started_type)}) : std::nullopt;
}
std::optional<bool> flag(bool full) { return full ? std::optional<bool>(true) : std::nullopt; }
std::string digest(char c) { return "sha256:" + std::string(64, c); }
std::optional<ce::lifecycle_terminal_state> terminal(bool full) {
    return full ? std::optional<ce::lifecycle_terminal_state>(ce::lifecycle_terminal_state::forced) : std::nullopt;
}
std::optional<ce::lifecycle_reason> reason(bool full) {
    return full ? std::optional<ce::lifecycle_reason>(ce::lifecycle_reason_kind::ttl_exceeded) : std::nullopt;
}
std::optional<ce::subject_urn> bundle_ref(bool full) {
    return full ? std::optional<ce::subject_urn>(ce::subject_urn("urn:cellos:evidence:bundle-1")) : std::nullopt;
}
cellos::workload_identity identity() { return {cellos::workload_identity_kind::spiffe, "spiffe://example.org/cell/build", std::nullopt}; }
std::optional<cellos::workload_identity> identity_opt(bool full) {
    return full ? std::optional<cellos::workload_identity>(identity()) : std::nullopt;
}
cellos::export_receipt receipt() {
    return {cellos::export_receipt_target_kind::s3, "s3://results/build-cell-042/report.tar",
            cellos::export_artifact_metadata{"report.tar", 2048, "sha256:" + std::string(64, 'd'), "application/x-tar"}};
}
const std::vector<std::string>& argv() {
    static const std::vector<std::string> v{"/usr/bin/make", "release"};
    return v;
}
const std::vector<std::string>& cells() {
    static const std::vector<std::string> v{"cell-1", "cell-2"};
    return v;
}
const std::vector<std::string>& answers() {
    static const std::vector<std::string> v{"2001:db8::1"};
    return v;
}
const std::vector<std::string>& previous() {
    static const std::vector<std::string> v{"192.0.2.1"};
    return v;
}
std::vector<cellos::problem> policy_violations(bool full) {
    if (!full) return {};
    return {cellos::make_problem(errc::policy_violation, "/spec/lifetime/ttlSeconds",
                                 "lifetime.ttlSeconds 7200 exceeds the pack's maximum 3600", "maxLifetimeTtlSeconds")};
}
std::optional<cellos::authorization_verdict> verdict(bool full) {
    return full ? std::optional<cellos::authorization_verdict>(cellos::authorization_verdict::pool_not_allowed) : std::nullopt;
}
ce::evidence_bundle_refs refs(bool full) {
    ce::evidence_bundle_refs r;
    r.started_event_ref = started_id;
    r.cell_destroyed_event_ref = "urn:cellos:event:7c9e6679-7425-40de-944b-e07fc1f90ae7";
    r.spawned_event_refs = {"urn:cellos:event:16fd2706-8baf-433b-82eb-8c7fada847da"};
    if (full) {
        r.command_completed_event_ref = "urn:cellos:event:886313e1-3b8a-5372-9b90-0c9aee199e5d";
        r.fc_metrics_event_refs = {"a8098c1a-f86e-11da-bd1a-00112444be1e"};
        r.cgroup_event_refs = {"urn:cellos:event:6ba7b810-9dad-11d1-80b4-00c04fd430c8"};
        r.nftables_event_refs = {"urn:cellos:event:6ba7b811-9dad-11d1-80b4-00c04fd430c8"};
        r.tap_event_refs = {"urn:cellos:event:6ba7b812-9dad-11d1-80b4-00c04fd430c8"};
        r.homeostasis_event_ref = "urn:cellos:event:6ba7b814-9dad-11d1-80b4-00c04fd430c8";
        r.compliance_summary_event_ref = "urn:cellos:event:6ba7b815-9dad-11d1-80b4-00c04fd430c8";
        r.guest_event_refs = {ce::guest_event_ref{"urn:cellos:event:6ba7b816-9dad-11d1-80b4-00c04fd430c8",
                                                  "dev.cellos.events.cell.observability.guest.v1.process",
                                                  cellos::rule_class::guest_agent_declaration}};
        r.residue_exception = "runbook/tap-device-lingers";
    }
    return r;
}

// --- one case per event type: the builder and the envelope builder, called with the same arguments

template <class P>
struct family_case;  // specialised below for every payload (a missing one is a compile error)

// The names are stringised from the very functions called, so the docs' names cannot drift from them.
#define CELLOS_FAMILY_CASE(P, BUILDER, ENVELOPE, ...)                                                            \
    template <>                                                                                                  \
    struct family_case<ce::P> {                                                                                  \
        static constexpr std::string_view builder = #BUILDER;                                                    \
        static constexpr std::string_view envelope = #ENVELOPE;                                                  \
        static ce::P make([[maybe_unused]] bool full) {                                                          \
            [[maybe_unused]] const cellos::execution_cell_spec S = make_spec(full);                              \
            [[maybe_unused]] const std::vector<cellos::problem> V = policy_violations(full);             \
            return ce::BUILDER(__VA_ARGS__);                                                                     \
        }                                                                                                        \
        static cellos::checked<ce::cloud_event_v1> wrap([[maybe_unused]] bool full, const cj::event_context& ctx) { \
            [[maybe_unused]] const cellos::execution_cell_spec S = make_spec(full);                              \
            [[maybe_unused]] const std::vector<cellos::problem> V = policy_violations(full);             \
            return cj::ENVELOPE(__VA_ARGS__, ctx);                                                               \
        }                                                                                                        \
    };

CELLOS_FAMILY_CASE(lifecycle_started_v1, lifecycle_started_data_v1, cloud_event_v1_lifecycle_started, S, "cell-1", run(full), flag(full),
                   opt(full, "ops"), opt(full, "run-6"), opt(full, "sha256:" + std::string(64, 'f')), opt(full, digest('a')),
                   opt(full, digest('b')), opt(full, digest('c')))
CELLOS_FAMILY_CASE(lifecycle_destroyed_v1, lifecycle_destroyed_data_v1, cloud_event_v1_lifecycle_destroyed, S, "cell-1", run(full),
                   ce::lifecycle_destroy_outcome::failed, terminal(full), reason(full), bundle_ref(full))
CELLOS_FAMILY_CASE(lifecycle_failed_v1, lifecycle_failed_data_v1, cloud_event_v1_lifecycle_failed, S, "cell-1", run(full),
                   ce::lifecycle_reason_kind::boot_failed)
CELLOS_FAMILY_CASE(command_completed_v1, command_completed_data_v1, cloud_event_v1_command_completed, S, "cell-1", run(full), argv(), 127,
                   1234, opt(full, "spawn: No such file or directory"))
CELLOS_FAMILY_CASE(identity_materialized_v1, identity_materialized_data_v1, cloud_event_v1_identity_materialized, S, "cell-1", run(full),
                   identity())
CELLOS_FAMILY_CASE(identity_failed_v1, identity_failed_data_v1, cloud_event_v1_identity_failed, S, "cell-1", run(full),
                   ce::identity_failure_operation::revoke, "broker unreachable")
CELLOS_FAMILY_CASE(identity_revoked_v1, identity_revoked_data_v1, cloud_event_v1_identity_revoked, S, "cell-1", run(full),
                   identity_opt(full), prov(full))
CELLOS_FAMILY_CASE(export_completed_v2, export_completed_data_v2, cloud_event_v1_export_completed, S, "cell-1", run(full), receipt(),
                   opt(full, "results"), prov(full))
CELLOS_FAMILY_CASE(export_failed_v2, export_failed_data_v2, cloud_event_v1_export_failed, S, "cell-1", run(full), "report.tar",
                   cellos::export_receipt_target_kind::s3, opt(full, "results"), opt(full, "s3://results/report.tar"), "access denied",
                   prov(full))
CELLOS_FAMILY_CASE(observability_process_spawned_v1, observability_process_spawned_data_v1, cloud_event_v1_observability_process_spawned,
                   S, "cell-1", run(full), "/usr/bin/make", 2)
CELLOS_FAMILY_CASE(observability_network_policy_v1, observability_network_policy_data_v1, cloud_event_v1_observability_network_policy, S,
                   "cell-1", run(full), full ? std::optional<bool>(true) : std::nullopt)
CELLOS_FAMILY_CASE(evidence_bundle_emitted_v1, evidence_bundle_emitted_data_v1, cloud_event_v1_evidence_bundle_emitted, S, "cell-1",
                   run(full), refs(full), ce::residue_class::documented_exception, "sha256:" + std::string(64, 'e'))
CELLOS_FAMILY_CASE(formation_created_v1, formation_created_data_v1, cloud_event_v1_formation_created, "formation-1", opt(full, "nightly"),
                   cells())
CELLOS_FAMILY_CASE(formation_launching_v1, formation_launching_data_v1, cloud_event_v1_formation_launching, "formation-1", cells())
CELLOS_FAMILY_CASE(formation_running_v1, formation_running_data_v1, cloud_event_v1_formation_running, "formation-1", cells())
CELLOS_FAMILY_CASE(formation_degraded_v1, formation_degraded_data_v1, cloud_event_v1_formation_degraded, "formation-1", previous(),
                   "cell-2 failed its health check")
CELLOS_FAMILY_CASE(formation_completed_v1, formation_completed_data_v1, cloud_event_v1_formation_completed, "formation-1", cells())
CELLOS_FAMILY_CASE(formation_failed_v1, formation_failed_data_v1, cloud_event_v1_formation_failed, "formation-1", cells(), "quorum lost")
CELLOS_FAMILY_CASE(authz_rejected_v1, authz_rejected_data_v1, cloud_event_v1_authz_rejected, S, "cell-1", run(full), V, verdict(full),
                   opt(full, "alice"))
CELLOS_FAMILY_CASE(compliance_summary_v1, compliance_summary_data_v1, cloud_event_v1_compliance_summary, S, "cell-1", run(full), V)
CELLOS_FAMILY_CASE(cortex_dispatched_v1, cortex_dispatched_data_v1, cloud_event_v1_cortex_dispatched, S, "cell-1", run(full), "dispatch-9",
                   opt(full, "cortex-bridge"))
CELLOS_FAMILY_CASE(dns_query_v1, dns_query_data_v1, cloud_event_v1_dns_query, S, "cell-1", run(full), "api.example.com",
                   cellos::dns_query_type::aaaa, opt(full, "corp-dns"))
CELLOS_FAMILY_CASE(dns_query_permitted_v1, dns_query_permitted_data_v1, cloud_event_v1_dns_query_permitted, S, "cell-1", run(full),
                   "api.example.com", cellos::dns_query_type::aaaa, opt(full, "corp-dns"), answers(),
                   full ? std::optional<std::uint32_t>(300) : std::nullopt)
CELLOS_FAMILY_CASE(dns_query_refused_v1, dns_query_refused_data_v1, cloud_event_v1_dns_query_refused, S, "cell-1", run(full),
                   "evil.example.net", cellos::dns_query_type::a, ce::dns_refusal_reason::hostname_not_allowlisted)
CELLOS_FAMILY_CASE(dns_authority_dnssec_failed_v1, dns_authority_dnssec_failed_data_v1, cloud_event_v1_dns_authority_dnssec_failed, S,
                   "cell-1", run(full), "api.example.com", "corp-dns", "RRSIG expired")
CELLOS_FAMILY_CASE(dns_authority_drift_v1, dns_authority_drift_data_v1, cloud_event_v1_dns_authority_drift, S, "cell-1", run(full),
                   "api.example.com", opt(full, "corp-dns"), previous(), answers())
CELLOS_FAMILY_CASE(dns_authority_rebind_rejected_v1, dns_authority_rebind_rejected_data_v1, cloud_event_v1_dns_authority_rebind_rejected, S,
                   "cell-1", run(full), "api.example.com", "10.1.2.3", opt(full, "corp-dns"))
CELLOS_FAMILY_CASE(dns_authority_rebind_threshold_v1, dns_authority_rebind_threshold_data_v1,
                   cloud_event_v1_dns_authority_rebind_threshold, S, "cell-1", run(full), "api.example.com", 5, 4)
CELLOS_FAMILY_CASE(keyset_verified_v1, keyset_verified_data_v1, cloud_event_v1_keyset_verified, ce::trust_plane_builtin_keyset_id,
                   ce::trust_plane_builtin_resolver_kid, full ? std::optional<std::uint64_t>(42) : std::nullopt)
CELLOS_FAMILY_CASE(keyset_verification_failed_v1, keyset_verification_failed_data_v1, cloud_event_v1_keyset_verification_failed,
                   "keyset-2", opt(full, "kid-1"), "signature does not verify")
CELLOS_FAMILY_CASE(homeostasis_signal_v1, homeostasis_signal_data_v1, cloud_event_v1_homeostasis_signal, S, "cell-1", run(full),
                   "memory_pressure", 0.75, full ? std::optional<double>(0.9) : std::nullopt)
CELLOS_FAMILY_CASE(network_flow_decision_v1, network_flow_decision_data_v1, cloud_event_v1_network_flow_decision, S, "cell-1", run(full),
                   "api.example.com", 443, cellos::egress_protocol::tcp, ce::network_flow_verdict::allow,
                   full ? std::optional<std::uint32_t>(0) : std::nullopt)
CELLOS_FAMILY_CASE(firecracker_pool_checkout_v1, firecracker_pool_checkout_data_v1, cloud_event_v1_firecracker_pool_checkout, "pool-a",
                   "vm-17", opt(full, "cell-1"), true, 12)

#undef CELLOS_FAMILY_CASE

template <class P>
concept HasFamilyCase = requires(bool b, const cj::event_context& c) {
    { family_case<P>::make(b) } -> std::same_as<P>;
    family_case<P>::wrap(b, c);
};
template <class... P>
constexpr bool all_have_cases(std::tuple<P...>*) {
    return (HasFamilyCase<P> && ...);
}
static_assert(all_have_cases(static_cast<ce::payload_types*>(nullptr)), "every payload has a family_case (and so a builder test)");

// --- deterministic envelopes ----------------------------------------------------------------------

// [deterministic-context]
/// Ids 00000000-0000-4000-8000-000000000001, …002, …; a fixed clock.
cj::event_context counting_context(std::string source = "/cellos/supervisor/host-1") {
    auto n = std::make_shared<unsigned>(0);
    return {std::move(source),
            [n] {
                char buf[37];
                std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012u", ++*n);
                return std::string(buf);
            },
            [] { return std::string("2025-01-02T03:04:05.678Z"); }};
}
// [deterministic-context]

// --- the check every family runs ------------------------------------------------------------------

template <class P>
void check_family() {
    using C = family_case<P>;
    const std::string_view type = ce::type_string(P::type);
    INFO("event type " << type);
    const ce::cell_event_type_parts parts = ce::type_parts(P::type);
    const std::string stem = std::string(parts.family) + "_" + std::string(parts.action);

    // names follow the pattern, and the docs row names them
    CHECK(C::builder == stem + "_data_v" + std::to_string(parts.version));
    CHECK(C::envelope == "cloud_event_v1_" + stem);
    const std::vector<std::string>& row = docs_row(type);
    REQUIRE(row.size() >= 4);
    CHECK(row[1] == "`" + std::string(C::builder) + "`");
    CHECK(row[2] == "`" + std::string(C::envelope) + "`");

    // the docs' key list is the wire_fields() table: names, order and optionality
    const std::vector<doc_key> keys = table_keys<P>();
    CHECK_MESSAGE(parse_keys(row[3]) == keys, "docs/events.md lists " << row[3] << "; the code has " << spelled(keys));

    // what the builder actually writes: every key with all optionals set, the required ones without
    const P full = C::make(true), minimal = C::make(false);
    CHECK(json_keys(cj::to_value(full)) == names(keys, false));
    CHECK(json_keys(cj::to_value(minimal)) == names(keys, true));

    // round trips: payload JSON, then the whole envelope as text
    for (const P* p : {&full, &minimal}) {
        const bool is_full = p == &full;
        INFO((is_full ? "every optional set" : "no optional set"));
        auto back = cj::parse_document<P>(cj::payload_text(*p));
        REQUIRE_MESSAGE(back.has_value(), (back ? "" : message(back.error())));
        CHECK(back.value() == *p);

        auto e = C::wrap(is_full, counting_context());
        REQUIRE_MESSAGE(e.has_value(), (e ? "" : message(e.error())));
        const ce::cloud_event_v1& event = e.value();
        CHECK(event.specversion == "1.0");
        CHECK(event.id == "urn:cellos:event:00000000-0000-4000-8000-000000000001");
        CHECK(event.source == "/cellos/supervisor/host-1");
        CHECK(event.type == type);
        CHECK(event.datacontenttype == std::optional<std::string>("application/json"));
        CHECK(event.time == std::optional<std::string>("2025-01-02T03:04:05.678Z"));
        const bool about_a_cell = ce::CellEventPayload<P> || (std::is_same_v<P, ce::firecracker_pool_checkout_v1> && is_full);
        CHECK(event.subject == (about_a_cell ? std::optional<std::string>("urn:cellos:cell:cell-1") : std::nullopt));
        auto text = cj::to_text(event);
        REQUIRE_MESSAGE(text.has_value(), (text ? "" : message(text.error())));
        auto payload = cj::parse_event_payload<P>(text.value());
        REQUIRE_MESSAGE(payload.has_value(), (payload ? "" : message(payload.error())));
        CHECK(payload.value() == *p);
        auto reparsed = cj::parse_cloud_event(text.value());
        REQUIRE(reparsed.has_value());
        CHECK(reparsed.value() == event);
    }
}

template <class... P>
std::tuple<P*...> pointers(std::tuple<P...>*) {
    return {};
}

template <class... P>
void check_families() {
    (check_family<P>(), ...);
}

}  // namespace

// --- one builder test per family ------------------------------------------------------------------

TEST_CASE("lifecycle builders: started, destroyed, failed") {
    check_families<ce::lifecycle_started_v1, ce::lifecycle_destroyed_v1, ce::lifecycle_failed_v1>();
}
TEST_CASE("command builder: completed") { check_families<ce::command_completed_v1>(); }
TEST_CASE("identity builders: materialized, failed, revoked") {
    check_families<ce::identity_materialized_v1, ce::identity_failed_v1, ce::identity_revoked_v1>();
}
TEST_CASE("export v2 builders: completed, failed") { check_families<ce::export_completed_v2, ce::export_failed_v2>(); }
TEST_CASE("observability builders: process_spawned, network_policy") {
    check_families<ce::observability_process_spawned_v1, ce::observability_network_policy_v1>();
}
TEST_CASE("evidence_bundle builder: emitted") { check_families<ce::evidence_bundle_emitted_v1>(); }
TEST_CASE("formation builders: created, launching, running, degraded, completed, failed") {
    check_families<ce::formation_created_v1, ce::formation_launching_v1, ce::formation_running_v1, ce::formation_degraded_v1,
                   ce::formation_completed_v1, ce::formation_failed_v1>();
}
TEST_CASE("authz builder: rejected") { check_families<ce::authz_rejected_v1>(); }
TEST_CASE("compliance builder: summary") { check_families<ce::compliance_summary_v1>(); }
TEST_CASE("cortex builder: dispatched") { check_families<ce::cortex_dispatched_v1>(); }
TEST_CASE("dns builders: query, query_permitted, query_refused") {
    check_families<ce::dns_query_v1, ce::dns_query_permitted_v1, ce::dns_query_refused_v1>();
}
TEST_CASE("dns_authority builders: dnssec_failed, drift, rebind_rejected, rebind_threshold") {
    check_families<ce::dns_authority_dnssec_failed_v1, ce::dns_authority_drift_v1, ce::dns_authority_rebind_rejected_v1,
                   ce::dns_authority_rebind_threshold_v1>();
}
TEST_CASE("keyset builders: verified, verification_failed") {
    check_families<ce::keyset_verified_v1, ce::keyset_verification_failed_v1>();
}
TEST_CASE("homeostasis builder: signal") { check_families<ce::homeostasis_signal_v1>(); }
TEST_CASE("network builder: flow_decision") { check_families<ce::network_flow_decision_v1>(); }
TEST_CASE("firecracker_pool builder: checkout") { check_families<ce::firecracker_pool_checkout_v1>(); }

// --- the tables as a whole ------------------------------------------------------------------------

TEST_CASE("the docs' type table has one row per event type, no more") {
    std::size_t rows = 0;
    for (const auto& row : docs_rows()) {
        const std::string& first = row.first;  // (no structured binding: doctest's macros capture it in a lambda)
        if (first.rfind("dev.cellos.events.", 0) != 0) continue;
        ++rows;
        CHECK_MESSAGE((ce::event_type_from_string(first).has_value() || first == ce::signed_envelope_event_type),
                      "docs row for unknown type " << first);
    }
    CHECK(rows == cellos::detail::enum_count<ce::event_type> + 1);  // + the signed envelope
    for (ce::event_type t : cellos::detail::all_enumerators<ce::event_type>()) CHECK(ce::event_type_from_string(ce::type_string(t)) == t);
}

TEST_CASE("CONFIRMED type strings, spelled out") {
    using T = ce::event_type;
    CHECK(ce::type_string(T::lifecycle_started_v1) == "dev.cellos.events.cell.lifecycle.v1.started");
    CHECK(ce::type_string(T::lifecycle_destroyed_v1) == "dev.cellos.events.cell.lifecycle.v1.destroyed");
    CHECK(ce::type_string(T::lifecycle_failed_v1) == "dev.cellos.events.cell.lifecycle.v1.failed");
    CHECK(ce::type_string(T::command_completed_v1) == "dev.cellos.events.cell.command.v1.completed");
    CHECK(ce::type_string(T::identity_materialized_v1) == "dev.cellos.events.cell.identity.v1.materialized");
    CHECK(ce::type_string(T::identity_failed_v1) == "dev.cellos.events.cell.identity.v1.failed");
    CHECK(ce::type_string(T::identity_revoked_v1) == "dev.cellos.events.cell.identity.v1.revoked");
    CHECK(ce::type_string(T::export_completed_v2) == "dev.cellos.events.cell.export.v2.completed");
    CHECK(ce::type_string(T::export_failed_v2) == "dev.cellos.events.cell.export.v2.failed");
    CHECK(ce::type_string(T::observability_process_spawned_v1) == "dev.cellos.events.cell.observability.v1.process_spawned");
    CHECK(ce::type_string(T::evidence_bundle_emitted_v1) == "dev.cellos.events.cell.evidence_bundle.v1.emitted");
    CHECK(ce::type_string(T::formation_created_v1) == "dev.cellos.events.cell.formation.v1.created");
    CHECK(ce::type_string(T::formation_launching_v1) == "dev.cellos.events.cell.formation.v1.launching");
    CHECK(ce::type_string(T::formation_running_v1) == "dev.cellos.events.cell.formation.v1.running");
    CHECK(ce::type_string(T::formation_degraded_v1) == "dev.cellos.events.cell.formation.v1.degraded");
    CHECK(ce::type_string(T::formation_completed_v1) == "dev.cellos.events.cell.formation.v1.completed");
    CHECK(ce::type_string(T::formation_failed_v1) == "dev.cellos.events.cell.formation.v1.failed");
    CHECK(ce::signed_envelope_event_type == "dev.cellos.events.signed_envelope.v1");
    CHECK_FALSE(ce::event_type_from_string("io.cellos.formation.v1.created"));  // the legacy prefix is not ours
    CHECK_FALSE(ce::event_type_from_string("dev.cellos.events.cell.export.v1.completed"));  // export is v2
    CHECK(ce::parse_cell_event_type("dev.cellos.events.cell.audit.v1.cross-host-entry") == std::nullopt);  // not snake_case
    CHECK(ce::parse_cell_event_type("dev.cellos.events.cell.lifecycle.v01.started") == std::nullopt);
}

TEST_CASE("nested objects and enum wire strings match the docs") {
    const auto object_row = [](std::string_view name, const std::vector<doc_key>& keys) {
        const std::vector<std::string>& row = docs_row(name);
        REQUIRE(row.size() >= 2);
        CHECK_MESSAGE(parse_keys(row[1]) == keys, name << ": docs list " << row[1] << "; the code has " << spelled(keys));
    };
    object_row("provenance", table_keys<ce::provenance>());
    object_row("evidence_bundle_refs", table_keys<ce::evidence_bundle_refs>());
    object_row("guest_event_ref", table_keys<ce::guest_event_ref>());
    object_row("problem", table_keys<cellos::problem>());

    const auto enum_row = [](std::string_view name, const auto& wire) {
        std::vector<doc_key> expected;
        for (std::string_view w : wire) expected.push_back({std::string(w), false});
        const std::vector<std::string>& row = docs_row(name);
        REQUIRE(row.size() >= 2);
        CHECK_MESSAGE(parse_keys(row[1]) == expected, name << ": docs list " << row[1] << "; the code has " << spelled(expected));
    };
    enum_row("lifecycle_destroy_outcome", cellos::detail::enum_names<ce::lifecycle_destroy_outcome>::wire);
    enum_row("lifecycle_terminal_state", cellos::detail::enum_names<ce::lifecycle_terminal_state>::wire);
    enum_row("lifecycle_reason", ce::lifecycle_reason_wire);
    enum_row("identity_failure_operation", cellos::detail::enum_names<ce::identity_failure_operation>::wire);
    enum_row("residue_class", cellos::detail::enum_names<ce::residue_class>::wire);
    enum_row("dns_refusal_reason", cellos::detail::enum_names<ce::dns_refusal_reason>::wire);
    enum_row("network_flow_verdict", cellos::detail::enum_names<ce::network_flow_verdict>::wire);

    // the CONFIRMED ones, spelled out
    CHECK(cellos::to_wire(ce::lifecycle_destroy_outcome::succeeded) == "succeeded");
    CHECK(cellos::to_wire(ce::lifecycle_destroy_outcome::failed) == "failed");
    CHECK(cellos::to_wire(ce::lifecycle_terminal_state::clean) == "clean");
    CHECK(cellos::to_wire(ce::lifecycle_terminal_state::forced) == "forced");
    const std::vector<std::string_view> reasons{"oom", "ttl_exceeded", "vmm_crashed", "boot_failed", "signal_killed", "init_crashed",
                                                "kernel_cannot_mount_root"};
    CHECK(std::vector<std::string_view>(ce::lifecycle_reason_wire.begin(), ce::lifecycle_reason_wire.end()) == reasons);
}

// --- the rules ------------------------------------------------------------------------------------

TEST_CASE("exitCode lives on command.completed only, never on lifecycle.destroyed") {
    std::size_t carriers = 0;
    std::apply(
        [&](auto*... p) {
            (([&]<class P>(P*) {
                 for (const doc_key& k : table_keys<P>())
                     if (k.name == "exitCode") {
                         ++carriers;
                         CHECK(P::type == ce::event_type::command_completed_v1);
                     }
             }(p)),
             ...);
        },
        pointers(static_cast<ce::payload_types*>(nullptr)));
    CHECK(carriers == 1);

    // a forced destroy: terminalState "forced", no exitCode at all
    const auto destroyed = ce::lifecycle_destroyed_data_v1(make_spec(false), "cell-1", "run-7", ce::lifecycle_destroy_outcome::failed,
                                                          ce::lifecycle_terminal_state::forced, ce::lifecycle_reason_kind::signal_killed,
                                                          std::nullopt);
    const boost::json::value v = cj::to_value(destroyed);
    CHECK(v.as_object().if_contains("exitCode") == nullptr);
    CHECK(v.as_object().at("terminalState") == "forced");
    CHECK(cj::payload_text(destroyed) ==
          R"({"cellId":"cell-1","specId":"build-cell-042","runId":"run-7","outcome":"failed","terminalState":"forced","reason":"signal_killed"})");
    // and an exitCode sent anyway is refused by the strict decoder
    auto r = cj::parse_document<ce::lifecycle_destroyed_v1>(R"({"cellId":"c","specId":"s","outcome":"succeeded","exitCode":0})");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::unknown_field);
    CHECK(r.error().pointer == "/exitCode");

    const auto completed = ce::command_completed_data_v1(make_spec(false), "cell-1", std::nullopt, argv(), -1, 5, std::nullopt);
    CHECK(cj::payload_text(completed) ==
          R"({"cellId":"cell-1","specId":"build-cell-042","argv":["/usr/bin/make","release"],"exitCode":-1,"durationMs":5})");
}

TEST_CASE("omission rules: terminalState, provenance, runId and the other optionals are absent, never null") {
    const auto spec = make_spec(false);
    const auto destroyed = ce::lifecycle_destroyed_data_v1(spec, "c", std::nullopt, ce::lifecycle_destroy_outcome::succeeded, std::nullopt,
                                                          std::nullopt, std::nullopt);
    CHECK(cj::payload_text(destroyed) == R"({"cellId":"c","specId":"build-cell-042","outcome":"succeeded"})");

    const auto failed = ce::export_failed_data_v2(spec, "c", "r", "a.tar", cellos::export_receipt_target_kind::http, std::nullopt,
                                                  std::nullopt, "timeout", std::nullopt);
    CHECK(cj::payload_text(failed) ==
          R"({"cellId":"c","specId":"build-cell-042","runId":"r","artifactName":"a.tar","targetKind":"http","reason":"timeout"})");
    const ce::provenance parent{std::string(started_id), std::string(started_type)};
    const auto with_parent = ce::export_failed_data_v2(spec, "c", "r", "a.tar", cellos::export_receipt_target_kind::http, "results",
                                                       "https://sink/a.tar", "timeout", parent);
    CHECK(cj::to_value(with_parent).as_object().at("provenance") ==
          boost::json::value{{"parent", std::string(started_id)}, {"parentType", std::string(started_type)}});

    const auto revoked = ce::identity_revoked_data_v1(spec, "c", std::nullopt, std::nullopt, std::nullopt);
    CHECK(cj::payload_text(revoked) == R"({"cellId":"c","specId":"build-cell-042"})");
    const auto completed = ce::export_completed_data_v2(spec, "c", std::nullopt, receipt(), std::nullopt, std::nullopt);
    CHECK(cj::to_value(completed).as_object().if_contains("provenance") == nullptr);
    CHECK(cj::to_value(completed).as_object().if_contains("targetName") == nullptr);

    // null reads as absent (docs/wire-format.md#null), so a null-writing producer is understood too
    auto r = cj::parse_document<ce::lifecycle_destroyed_v1>(
        R"({"cellId":"c","specId":"s","runId":null,"outcome":"failed","terminalState":null,"provenance":null})");
    CHECK_FALSE(r.has_value());  // provenance is not a destroyed key
    auto ok = cj::parse_document<ce::lifecycle_destroyed_v1>(R"({"cellId":"c","specId":"s","runId":null,"outcome":"failed","terminalState":null})");
    REQUIRE(ok.has_value());
    CHECK_FALSE(ok.value().run_id.has_value());
    CHECK_FALSE(ok.value().terminal_state.has_value());
}

TEST_CASE("the spec's id and correlation block are copied into per-cell payloads") {
    const auto p = ce::lifecycle_started_data_v1(make_spec(true), "cell-9", "run-1");
    CHECK(p.cell_id == "cell-9");
    CHECK(p.spec_id == "build-cell-042");
    CHECK(p.run_id == std::optional<std::string>("run-1"));
    CHECK(cj::payload_text(p) ==
          R"({"cellId":"cell-9","specId":"build-cell-042","runId":"run-1","correlation":{"correlationId":"corr-7f3a","tenantId":"acme"}})");
    const auto n = ce::observability_network_policy_data_v1(make_spec(true), "cell-9", std::nullopt, false);
    CHECK(n.egress_rule_count == 1);
    CHECK(n.nft_rules_applied == std::optional<bool>(false));
    const auto s = ce::compliance_summary_data_v1(make_spec(true), "cell-9", std::nullopt, policy_violations(true));
    CHECK_FALSE(s.compliant);
    REQUIRE(s.policy.has_value());
    CHECK(s.policy->pack_id == "baseline");
    CHECK(ce::compliance_summary_data_v1(make_spec(true), "cell-9", std::nullopt, std::span<const cellos::problem>{}).compliant);
}

TEST_CASE("LifecycleReason: snake_case kinds, Other passes its text through verbatim") {
    using K = ce::lifecycle_reason_kind;
    for (std::size_t i = 0; i < ce::lifecycle_reason_wire.size(); ++i) {
        const ce::lifecycle_reason r(static_cast<K>(i));
        CHECK_FALSE(r.is_other());
        CHECK(r.wire() == ce::lifecycle_reason_wire[i]);
        CHECK(ce::lifecycle_reason::from_wire(ce::lifecycle_reason_wire[i]) == r);
    }
    const auto other = ce::lifecycle_reason::other("Guest Kernel Panic: VFS 😱");
    CHECK(other.is_other());
    CHECK(other.kind() == K::other);
    CHECK(other.wire() == "Guest Kernel Panic: VFS 😱");
    // a text that spells a named kind is that kind (the wire decides; round trips stay exact)
    CHECK(ce::lifecycle_reason::other("oom") == ce::lifecycle_reason(K::oom));
    CHECK(ce::lifecycle_reason::other("OOM").is_other());  // case matters

    const auto failed = ce::lifecycle_failed_data_v1(make_spec(false), "c", std::nullopt, other);
    const std::string text = cj::payload_text(failed);
    CHECK(text == R"({"cellId":"c","specId":"build-cell-042","reason":"Guest Kernel Panic: VFS 😱"})");
    auto back = cj::parse_document<ce::lifecycle_failed_v1>(text);
    REQUIRE(back.has_value());
    CHECK(back.value().reason == other);

    auto named = cj::parse_document<ce::lifecycle_failed_v1>(R"({"cellId":"c","specId":"s","reason":"kernel_cannot_mount_root"})");
    REQUIRE(named.has_value());
    CHECK(named.value().reason.kind() == K::kernel_cannot_mount_root);
    auto not_a_string = cj::parse_document<ce::lifecycle_failed_v1>(R"({"cellId":"c","specId":"s","reason":{"kind":"oom"}})");
    REQUIRE_FALSE(not_a_string.has_value());
    CHECK(not_a_string.error().code == errc::wrong_type);
    CHECK(not_a_string.error().pointer == "/reason");
    auto missing = cj::parse_document<ce::lifecycle_failed_v1>(R"({"cellId":"c","specId":"s"})");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == errc::missing_field);
}

TEST_CASE("Provenance, SubjectUrn, cell_subject_urn, event ids") {
    const ce::provenance p{"urn:cellos:event:0f8fad5b-d9cb-469f-a165-70867728950e", std::string(started_type)};
    CHECK(cj::to_text(cj::to_value(p)) ==
          R"({"parent":"urn:cellos:event:0f8fad5b-d9cb-469f-a165-70867728950e","parentType":"dev.cellos.events.cell.lifecycle.v1.started"})");
    CHECK(cj::parse_document<ce::provenance>(R"({"parent":"x","parent_type":"y"})").error().code == errc::unknown_field);

    CHECK(ce::cell_subject_urn("cell-1").str() == "urn:cellos:cell:cell-1");
    CHECK(ce::cell_subject_urn("cell-1") == ce::subject_urn("urn:cellos:cell:cell-1"));
    const auto d = ce::lifecycle_destroyed_data_v1(make_spec(false), "c", std::nullopt, ce::lifecycle_destroy_outcome::succeeded,
                                                   ce::lifecycle_terminal_state::clean, std::nullopt, ce::cell_subject_urn("c"));
    CHECK(cj::to_value(d).as_object().at("evidenceBundleRef") == "urn:cellos:cell:c");  // a plain JSON string
    auto back = cj::parse_document<ce::lifecycle_destroyed_v1>(cj::payload_text(d));
    REQUIRE(back.has_value());
    CHECK(back.value().evidence_bundle_ref == ce::cell_subject_urn("c"));
    auto bad = cj::parse_document<ce::lifecycle_destroyed_v1>(R"({"cellId":"c","specId":"s","outcome":"failed","evidenceBundleRef":7})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().pointer == "/evidenceBundleRef");

    CHECK(ce::event_id_from_uuid("0F8FAD5B-D9CB-469F-A165-70867728950E") ==
          std::optional<std::string>("urn:cellos:event:0F8FAD5B-D9CB-469F-A165-70867728950E"));
    CHECK(ce::event_id_from_uuid("0f8fad5b-d9cb-469f-a165-70867728950") == std::nullopt);     // 35 characters
    CHECK(ce::event_id_from_uuid("0f8fad5bd9cb469fa16570867728950e") == std::nullopt);       // no hyphens
    CHECK(ce::event_id_from_uuid("0f8fad5b-d9cb-469f-a165-70867728950g") == std::nullopt);    // not hex
    CHECK(ce::event_id_from_uuid("{0f8fad5b-d9cb-469f-a165-70867728950e}") == std::nullopt);  // braces
    static_assert(ce::is_event_reference("0f8fad5b-d9cb-469f-a165-70867728950e"));
    static_assert(ce::is_event_reference("urn:cellos:event:0f8fad5b-d9cb-469f-a165-70867728950e"));
    static_assert(!ce::is_event_reference("urn:cellos:cell:0f8fad5b-d9cb-469f-a165-70867728950e"));

    CHECK(ce::trust_plane_aggregate_egress_fqdn.ends_with(".invalid"));
    for (std::string_view c : {ce::trust_plane_builtin_keyset_id, ce::trust_plane_builtin_resolver_kid, ce::trust_plane_builtin_l7_kid})
        CHECK_FALSE(c.empty());
}

TEST_CASE("envelopes: ids and times come from the injected generators") {
    const cj::event_context ctx = counting_context();
    const auto spec = make_spec(false);
    auto first = cj::cloud_event_v1_lifecycle_started(spec, "cell-1", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                       std::nullopt, std::nullopt, std::nullopt, std::nullopt, ctx);
    auto second = cj::to_cloud_event(ce::lifecycle_started_data_v1(spec, "cell-1", std::nullopt), ctx);
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    CHECK(first.value().id == "urn:cellos:event:00000000-0000-4000-8000-000000000001");
    CHECK(second.value().id == "urn:cellos:event:00000000-0000-4000-8000-000000000002");
    CHECK_FALSE(second.value().subject.has_value());  // to_cloud_event sets a subject only when given one
    CHECK(cj::to_text(first.value()).value() ==
          R"({"specversion":"1.0","id":"urn:cellos:event:00000000-0000-4000-8000-000000000001","source":"/cellos/supervisor/host-1",)"
          R"("type":"dev.cellos.events.cell.lifecycle.v1.started","datacontenttype":"application/json",)"
          R"("data":{"cellId":"cell-1","specId":"build-cell-042"},"time":"2025-01-02T03:04:05.678Z","subject":"urn:cellos:cell:cell-1"})");

    // no clock: no time attribute
    cj::event_context timeless = counting_context();
    timeless.now_rfc3339 = nullptr;
    auto e = cj::to_cloud_event(ce::keyset_verified_data_v1("k", "kid", std::nullopt), timeless, std::string("urn:cellos:keyset:k"));
    REQUIRE(e.has_value());
    CHECK_FALSE(e.value().time.has_value());
    CHECK(e.value().subject == std::optional<std::string>("urn:cellos:keyset:k"));
}

TEST_CASE("envelopes: what the injected context can get wrong") {
    const auto payload = ce::formation_launching_data_v1("f", cells());
    const auto fails_with = [&](const cj::event_context& ctx, errc code, std::string_view pointer, std::optional<std::string> subject = {}) {
        auto r = cj::to_cloud_event(payload, ctx, std::move(subject));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == code);
        CHECK(r.error().pointer == pointer);
    };
    cj::event_context ctx = counting_context();
    ctx.uuid = nullptr;
    fails_with(ctx, errc::invalid_value, "/id");
    ctx.uuid = [] { return std::string("not-a-uuid"); };
    fails_with(ctx, errc::invalid_value, "/id");
    fails_with(counting_context(""), errc::empty_attribute, "/source");
    fails_with(counting_context("http://bad host/"), errc::invalid_uri, "/source");
    ctx = counting_context();
    ctx.now_rfc3339 = [] { return std::string("2025-01-02 03:04:05"); };
    fails_with(ctx, errc::invalid_timestamp, "/time");
    fails_with(counting_context(), errc::empty_attribute, "/subject", std::string());

    auto nan = cj::to_cloud_event(
        ce::homeostasis_signal_data_v1(make_spec(false), "c", std::nullopt, "cpu", std::numeric_limits<double>::quiet_NaN(), std::nullopt),
        counting_context());
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code == errc::number_out_of_range);
    CHECK(nan.error().pointer == "/data/value");
    auto inf = cj::to_cloud_event(
        ce::homeostasis_signal_data_v1(make_spec(false), "c", std::nullopt, "cpu", 1.0, std::numeric_limits<double>::infinity()),
        counting_context());
    REQUIRE_FALSE(inf.has_value());
    CHECK(inf.error().pointer == "/data/threshold");
    // generic: any payload, any depth (lists, optionals, nested objects)
    struct inner {
        std::vector<double> xs;
        static constexpr auto wire_fields() { return std::tuple{cellos::detail::field{"xs", &inner::xs}}; }
    };
    struct outer {
        std::optional<inner> in;
        static constexpr auto wire_fields() { return std::tuple{cellos::detail::field{"in", &outer::in}}; }
    };
    CHECK(cj::first_non_finite(outer{inner{{1.0, 2.0}}}) == std::nullopt);
    CHECK(cj::first_non_finite(outer{inner{{1.0, -std::numeric_limits<double>::infinity()}}}, "/data") == "/data/in/xs/1");
    CHECK(cj::first_non_finite(outer{}) == std::nullopt);
}

TEST_CASE("reading a payload back: the type must match and the data is decoded strictly") {
    auto e = cj::cloud_event_v1_formation_running("f", cells(), counting_context());
    REQUIRE(e.has_value());
    auto wrong = cj::event_payload<ce::formation_completed_v1>(e.value());
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code == errc::invalid_value);
    CHECK(wrong.error().pointer == "/type");

    ce::cloud_event_v1 extra = e.value();
    extra.data = ce::json_data{R"({"formationId":"f","cellIds":[],"phase":"RUNNING"})"};
    auto unknown = cj::event_payload<ce::formation_running_v1>(extra);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code == errc::unknown_field);
    CHECK(unknown.error().pointer == "/data/phase");

    extra.data = ce::text_data{"hello"};
    CHECK(cj::event_payload<ce::formation_running_v1>(extra).error().code == errc::wrong_type);
    extra.data = ce::json_data{R"({"formationId":"f","cellIds":[1]})"};
    CHECK(cj::event_payload<ce::formation_running_v1>(extra).error().pointer == "/data/cellIds/0");
}

// --- lifecycle.started: the seed's ten parameters, flat keys -------------------------------------

TEST_CASE("lifecycle.started: one flat camelCase key per seed parameter, absent ones omitted") {
    const auto spec = make_spec(false);
    const auto all = ce::lifecycle_started_data_v1(spec, "cell-abc123", "run-2", true, "ops", "run-1", "sha256:...", digest('a'),
                                                   digest('b'), digest('c'));
    CHECK(json_keys(cj::to_value(all)) ==
          std::vector<std::string>{"cellId", "specId", "runId", "derivationVerified", "roleRoot", "parentRunId", "specHash",
                                   "kernelDigestSha256", "rootfsDigestSha256", "firecrackerDigestSha256"});
    const auto none = ce::lifecycle_started_data_v1(spec, "cell-abc123", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                    std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    CHECK(cj::payload_text(none) == R"({"cellId":"cell-abc123","specId":"build-cell-042"})");
    CHECK(none == ce::lifecycle_started_data_v1(spec, "cell-abc123", std::nullopt));  // the defaults are the seed's None
    const auto some = ce::lifecycle_started_data_v1(spec, "c", std::nullopt, false, std::nullopt, std::nullopt, std::nullopt,
                                                    std::nullopt, digest('b'), std::nullopt);
    CHECK(cj::payload_text(some) == R"({"cellId":"c","specId":"build-cell-042","derivationVerified":false,"rootfsDigestSha256":")" +
                                        digest('b') + R"("})");
    for (const auto* p : {&all, &none, &some}) {
        auto back = cj::parse_document<ce::lifecycle_started_v1>(cj::payload_text(*p));
        REQUIRE(back.has_value());
        CHECK(back.value() == *p);
    }
}

TEST_CASE("lifecycle.started: the strict decoder refuses what the builder never writes") {
    const auto refused = [](std::string_view text, errc code, std::string_view pointer) {
        auto r = cj::parse_document<ce::lifecycle_started_v1>(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == code);
        CHECK(r.error().pointer == pointer);
    };
    refused(R"({"cellId":"c","specId":"s","bootDigests":{"kernel":"sha256:x"}})", errc::unknown_field, "/bootDigests");  // the old nested form
    refused(R"({"cellId":"c","specId":"s","derivationVerified":"yes"})", errc::wrong_type, "/derivationVerified");
    refused(R"({"cellId":"c","specId":"s","kernelDigestSha256":7})", errc::wrong_type, "/kernelDigestSha256");
    refused(R"({"cellId":"c","specId":"s","derivation_verified":true})", errc::unknown_field, "/derivation_verified");
    refused(R"({"specId":"s"})", errc::missing_field, "/cellId");
    auto nulls = cj::parse_document<ce::lifecycle_started_v1>(R"({"cellId":"c","specId":"s","roleRoot":null,"parentRunId":null})");
    REQUIRE(nulls.has_value());  // null reads as absent
    CHECK_FALSE(nulls.value().role_root.has_value());
}

TEST_CASE("authz.rejected and compliance.summary carry cellos::problem records") {
    cellos::problem_list found;
    found.push_back(policy_violations(true).front());
    const auto s = ce::compliance_summary_data_v1(make_spec(true), "c", std::nullopt, found);
    CHECK_FALSE(s.compliant);
    REQUIRE(s.violations.size() == 1);
    CHECK(cj::to_text(cj::to_value(s).as_object().at("violations")) ==
          R"([{"code":"policy_violation","rule":"maxLifetimeTtlSeconds","pointer":"/spec/lifetime/ttlSeconds",)"
          R"("message":"lifetime.ttlSeconds 7200 exceeds the pack's maximum 3600"}])");
    auto back = cj::parse_document<ce::compliance_summary_v1>(cj::payload_text(s));
    REQUIRE(back.has_value());
    CHECK(back.value() == s);
    auto bad = cj::parse_document<ce::compliance_summary_v1>(
        R"({"cellId":"c","specId":"s","compliant":false,"violations":[{"code":"no_such_code","rule":"r","pointer":"","message":"m"}]})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == errc::unknown_enum_value);
    CHECK(bad.error().pointer == "/violations/0/code");

    // a list that counted problems but stored none is still not compliant
    cellos::problem_list nothing_kept(0);
    nothing_kept.push_back(policy_violations(true).front());
    const auto truncated = ce::compliance_summary_data_v1(make_spec(false), "c", std::nullopt, nothing_kept);
    CHECK_FALSE(truncated.compliant);
    CHECK(truncated.violations.empty());

    const auto r = ce::authz_rejected_data_v1(make_spec(false), "c", std::nullopt, found, cellos::authorization_verdict::pool_not_allowed);
    REQUIRE(r.violations.size() == 1);
    CHECK(r.violations.front() == found.front());
}

TEST_CASE("lifecycle_residue_class is residue_class (one taxonomy, one set of wire strings)") {
    static_assert(std::is_same_v<ce::lifecycle_residue_class, ce::residue_class>);
    CHECK(cellos::to_wire(ce::lifecycle_residue_class::documented_exception) == "documented_exception");
}
