// tests/unit/spec_test.cpp — the execution-cell spec model at the JSON boundary and in validation:
// round trips of every described type (absent optionals omitted, defaulted members written), the
// strict decoder on spec documents (unknown/duplicate/mistyped/missing members, bad enums, integer
// ranges, null), one rejection per spec_rule an ExecutionCellDocument can break (rule id, errc,
// pointer, message), document order of a multi-violation report, the argv kernel-cmdline budget at
// its exact boundary, and canonical_spec_hash (known answers computed outside the library).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <set>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value_from.hpp>
#include <cryptopp/base64.h>
#include <cryptopp/filters.h>

#include "../doctest.hpp"
#include "cellos/json/jcs.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/json/write.hpp"
#include "cellos/spec.hpp"
#include "cellos/trust/spec_hash.hpp"
#include "sample_specs.hpp"

namespace {

namespace cj = cellos::json;
using cellos::errc;
using cellos::spec_rule;
using namespace cellos_test;  // the sample documents

// --- JSON helpers ---------------------------------------------------------------------------------

boost::json::value parsed(std::string_view text) {
    auto r = cj::parse_strict(text);
    REQUIRE_MESSAGE(r.has_value(), "fixture does not parse: " << (r ? std::string() : r.error().message));
    return std::move(r).value();
}

/// `base` with the value at `pointer` set to the JSON `replacement`; an absent object member is
/// added, and an index equal to the array size appends.
std::string with_value(std::string_view base, std::string_view pointer, std::string_view replacement) {
    auto doc = parsed(base);
    const auto cut = pointer.rfind('/');
    const std::string parent(pointer.substr(0, cut));
    const std::string last(pointer.substr(cut + 1));
    boost::json::value& p = parent.empty() ? doc : doc.at_pointer(parent);
    if (p.is_object()) {
        p.as_object()[last] = parsed(replacement);
    } else {
        auto& a = p.as_array();
        const std::size_t i = std::stoul(last);
        if (i == a.size()) a.push_back(parsed(replacement));
        else a.at(i) = parsed(replacement);
    }
    return cj::to_text(doc);
}

/// `base` without the member `key` of the object at `parent`.
std::string without_member(std::string_view base, std::string_view parent, std::string_view key) {
    auto doc = parsed(base);
    boost::json::value& p = parent.empty() ? doc : doc.at_pointer(parent);
    REQUIRE(p.as_object().erase(key) == 1);
    return cj::to_text(doc);
}

/// Members of every object in reverse order, recursively (same document, different text).
boost::json::value reversed_members(const boost::json::value& v) {
    if (v.is_array()) {
        boost::json::array a;
        for (const auto& e : v.as_array()) a.push_back(reversed_members(e));
        return a;
    }
    if (!v.is_object()) return v;
    boost::json::object o;
    const auto& in = v.as_object();
    for (auto it = in.end(); it != in.begin();) {
        --it;
        o[it->key()] = reversed_members(it->value());
    }
    return o;
}

cellos::execution_cell_document cell(std::string_view text) {
    auto r = cj::parse_execution_cell_document(text);
    REQUIRE_MESSAGE(r.has_value(), "fixture does not decode: " << (r ? std::string() : r.error().pointer + " " + r.error().message));
    return std::move(r).value();
}

// --- boundary verdicts ------------------------------------------------------------------------------

struct verdict {
    std::string code;
    std::string pointer;
    std::string message;
};

template <class R>
verdict verdict_of(const R& r) {
    if (r) return {"valid", "", ""};
    return {std::string(r.error().code_name()), r.error().pointer, r.error().message};
}

verdict as_cell(std::string_view text) { return verdict_of(cj::parse_execution_cell_document(text)); }

void check_rejects(const verdict& got, std::string_view code, std::string_view pointer) {
    CHECK(got.code == code);
    CHECK(got.pointer == pointer);
    if (got.code != "valid") CHECK_FALSE(got.message.empty());
}

// --- validation reports -----------------------------------------------------------------------------

/// "rule errc pointer" per violation, one per line: one string, so that a mismatch prints in full.
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

cellos::problem_list violations_of(std::string_view text) { return cellos::validate_execution_cell_document(cell(text)); }

// --- round trips --------------------------------------------------------------------------------------

/// to_value → text → parse → equal to the original, and printing is stable. `expected` (if given)
/// is the exact compact text: absent optionals omitted, defaulted members written.
template <class T>
void check_round_trip(const T& x, std::string_view expected = {}) {
    const std::string text = cj::to_text(cj::to_value(x));
    INFO("text: " << text);
    if (!expected.empty()) CHECK(text == expected);
    CHECK(cj::to_text(boost::json::value_from(x)) == text);  // the value_from hook is the same encoder
    const auto back = cj::parse_document<T>(text);
    REQUIRE_MESSAGE(back.has_value(), (back ? std::string() : back.error().pointer + ": " + back.error().message));
    CHECK(back.value() == x);
    CHECK(cj::to_text(cj::to_value(back.value())) == text);
}

template <class T>
T decoded(std::string_view text) {
    auto r = cj::parse_document<T>(text);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().pointer + ": " + r.error().message));
    return std::move(r).value();
}

constexpr std::string_view digest_a = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

}  // namespace

// ================================================================================================
// Round trips: every described type
// ================================================================================================

TEST_CASE("the full document round-trips, keeps every member and prints in wire_fields order") {
    const auto doc = cell(full_cell_json);
    check_round_trip(doc);
    // Nothing lost, nothing added: the output carries exactly the input (compared canonically).
    CHECK(cj::canonicalize(cj::to_value(doc)).value() == cj::canonicalize_text(full_cell_json).value());
    // Member order of the output is the declaration order of the tables.
    const std::string text = cj::to_text(cj::to_value(doc));
    const std::string_view order[] = {"\"id\"", "\"correlation\"", "\"ingress\"", "\"environment\"", "\"placement\"", "\"policy\"",
                                      "\"identity\"", "\"authority\"", "\"lifetime\"", "\"run\"", "\"export\"", "\"telemetry\""};
    std::size_t at = text.find("\"spec\"");
    for (std::string_view key : order) {
        const std::size_t next = text.find(key, at);
        CHECK_MESSAGE(next != std::string::npos, key << " missing or out of order");
        if (next != std::string::npos) at = next;
    }
}

TEST_CASE("every spec sub-type taken from the full document round-trips with all optionals present") {
    const auto doc = cell(full_cell_json);
    const auto& s = doc.spec;
    REQUIRE(s.correlation);
    REQUIRE(s.ingress);
    REQUIRE(s.environment);
    REQUIRE(s.placement);
    REQUIRE(s.policy);
    REQUIRE(s.identity);
    REQUIRE(s.authority.dns_authority);
    REQUIRE(s.authority.cdn_authority);
    REQUIRE(s.run);
    REQUIRE(s.run->limits);
    REQUIRE(s.export_);
    REQUIRE(s.telemetry);
    check_round_trip(s);
    check_round_trip(*s.correlation, R"({"correlationId":"run-7f3a","tenantId":"acme"})");
    check_round_trip(*s.ingress);
    check_round_trip(*s.ingress->git, R"({"url":"https://github.com/acme/app.git","commit":"0123456789abcdef0123456789abcdef01234567","ref":"main","path":"/workspace/src"})");
    check_round_trip(*s.ingress->oci_image);
    check_round_trip(*s.environment);
    check_round_trip(s.environment->variables.at(0), R"({"name":"RUST_LOG","value":"info"})");
    check_round_trip(*s.placement, R"({"poolId":"pool-a","region":"eu-west-1","zone":"eu-west-1a"})");
    check_round_trip(*s.policy, R"({"packId":"baseline","packVersion":"1.2.0"})");
    check_round_trip(*s.identity, R"({"kind":"spiffe","spiffeId":"spiffe://example.org/cell/build"})");
    check_round_trip(s.authority);
    check_round_trip(s.authority.egress_rules.at(1),
                     R"({"host":"10.0.0.53","port":53,"protocol":"udp","dnsEgressAcknowledged":true,"justification":"internal resolver"})");
    const auto& dns = *s.authority.dns_authority;
    check_round_trip(dns);
    check_round_trip(dns.resolvers.at(0), R"({"resolverId":"corp-dns","protocol":"do53-udp","endpoint":"10.0.0.53:53","dnssecPolicy":"validate"})");
    REQUIRE(dns.refresh_policy);
    REQUIRE(dns.rebinding_policy);
    check_round_trip(*dns.refresh_policy, R"({"minTtlSeconds":30,"maxStaleSeconds":300,"strategy":"ttl-honor"})");
    check_round_trip(*dns.rebinding_policy, R"({"rejectPrivateAddresses":true,"maxDistinctAddresses":8})");
    check_round_trip(*s.authority.cdn_authority, R"({"providers":[{"providerId":"fastly","hostnames":["*.fastly.example.net"]}]})");
    check_round_trip(s.authority.cdn_authority->providers.at(0));
    check_round_trip(s.lifetime, R"({"ttlSeconds":3600})");
    check_round_trip(*s.run);
    check_round_trip(*s.run->limits,
                     R"({"memoryMaxBytes":2147483648,"cpuMax":{"quotaMicros":50000,"periodMicros":100000},"gracefulShutdownSeconds":30})");
    REQUIRE(s.run->limits->cpu_max);
    check_round_trip(*s.run->limits->cpu_max, R"({"quotaMicros":50000,"periodMicros":100000})");
    check_round_trip(*s.export_);
    check_round_trip(s.export_->artifacts.at(0), R"({"name":"report.xml","path":"/workspace/out/report.xml","target":"results"})");
    const auto* s3 = std::get_if<cellos::s3_export_target>(&s.export_->targets.at(0));
    const auto* http = std::get_if<cellos::http_export_target>(&s.export_->targets.at(1));
    REQUIRE(s3 != nullptr);
    REQUIRE(http != nullptr);
    // Alone, an alternative is a plain object; inside export.targets it carries "kind".
    check_round_trip(*s3, R"({"name":"results","bucket":"acme-ci-results","keyPrefix":"cells/"})");
    check_round_trip(*http, R"({"name":"dashboard","pathPrefix":"/ingest"})");
    check_round_trip(*s.telemetry, R"({"channels":["events","logs"]})");
}

TEST_CASE("minimal values of every spec sub-type: absent optionals are omitted, defaulted members written") {
    using namespace cellos;
    check_round_trip(correlation{}, "{}");
    check_round_trip(placement_spec{}, "{}");
    check_round_trip(policy_ref{"baseline", std::nullopt}, R"({"packId":"baseline"})");
    check_round_trip(lifetime{0}, R"({"ttlSeconds":0})");
    check_round_trip(workload_identity{workload_identity_kind::oidc, std::nullopt, "sts.example.com"},
                     R"({"kind":"oidc","audience":"sts.example.com"})");
    check_round_trip(telemetry_spec{}, R"({"channels":[]})");
    check_round_trip(dns_resolver{"r1", dns_resolver_protocol::doq, "dns.example.com", std::nullopt},
                     R"({"resolverId":"r1","protocol":"doq","endpoint":"dns.example.com"})");
    check_round_trip(dns_refresh_policy{}, "{}");
    check_round_trip(dns_rebinding_policy{}, "{}");
    check_round_trip(dns_authority{}, R"({"resolvers":[],"hostnameAllowlist":[],"allowedQueryTypes":[]})");
    check_round_trip(cdn_provider{"fastly", {}}, R"({"providerId":"fastly","hostnames":[]})");
    check_round_trip(cdn_authority{}, R"({"providers":[]})");
    check_round_trip(egress_rule{"api.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt},
                     R"({"host":"api.example.com","port":443,"protocol":"tcp"})");
    check_round_trip(authority_bundle{}, R"({"secretRefs":[],"egressRules":[]})");
    check_round_trip(run_cpu_max{1000, std::nullopt}, R"({"quotaMicros":1000})");
    check_round_trip(run_limits{}, "{}");
    check_round_trip(run_spec{{"/bin/true"}, secret_delivery_mode::env, std::nullopt, std::nullopt, std::nullopt},
                     R"({"argv":["/bin/true"],"secretDelivery":"env"})");
    check_round_trip(run_spec{{"a"}, secret_delivery_mode::runtime_leased_broker, std::nullopt, std::nullopt, std::nullopt},
                     R"({"argv":["a"],"secretDelivery":"runtimeLeasedBroker"})");
    check_round_trip(export_artifact{"a.txt", "/out/a.txt", std::nullopt}, R"({"name":"a.txt","path":"/out/a.txt"})");
    check_round_trip(s3_export_target{"r", "bucket-1", std::nullopt}, R"({"name":"r","bucket":"bucket-1"})");
    check_round_trip(http_export_target{"d", std::nullopt}, R"({"name":"d"})");
    check_round_trip(export_channels{}, R"({"artifacts":[],"targets":[]})");
    check_round_trip(export_channels{{}, {export_target{http_export_target{"d", std::nullopt}},
                                          export_target{s3_export_target{"r", "bucket-1", std::nullopt}}}},
                     R"({"artifacts":[],"targets":[{"kind":"http","name":"d"},{"kind":"s3","name":"r","bucket":"bucket-1"}]})");
    check_round_trip(git_ingress{"https://github.com/acme/app.git", "0123456789abcdef0123456789abcdef01234567", std::nullopt, std::nullopt},
                     R"({"url":"https://github.com/acme/app.git","commit":"0123456789abcdef0123456789abcdef01234567"})");
    check_round_trip(oci_image_ingress{"r/x", std::string(digest_a)},
                     std::string(R"({"reference":"r/x","digest":")") + std::string(digest_a) + "\"}");
    check_round_trip(ingress{}, "{}");
    check_round_trip(environment_variable{"A", ""}, R"({"name":"A","value":""})");
    check_round_trip(environment_spec{}, R"({"variables":[]})");
    execution_cell_spec spec;
    spec.id = "demo-cell-001";
    spec.lifetime.ttl_seconds = 300;
    check_round_trip(spec, R"({"id":"demo-cell-001","authority":{"secretRefs":[],"egressRules":[]},"lifetime":{"ttlSeconds":300}})");
    check_round_trip(execution_cell_document{"cellos.io/v1", "ExecutionCell", spec},
                     R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"demo-cell-001","authority":{"secretRefs":[],"egressRules":[]},"lifetime":{"ttlSeconds":300}}})");
}

TEST_CASE("export receipts and artifact metadata round-trip") {
    using namespace cellos;
    const export_artifact_metadata meta{"report.xml", 9007199254740992ULL, std::string(digest_a), "application/xml"};
    check_round_trip(meta, std::string(R"({"name":"report.xml","sizeBytes":9007199254740992,"digest":")") + std::string(digest_a) +
                               R"(","contentType":"application/xml"})");
    const export_artifact_metadata bare{"a", 0, std::string(digest_a), std::nullopt};
    check_round_trip(bare, std::string(R"({"name":"a","sizeBytes":0,"digest":")") + std::string(digest_a) + "\"}");
    for (auto kind : {export_receipt_target_kind::http, export_receipt_target_kind::s3, export_receipt_target_kind::local_path}) {
        const export_receipt r{kind, "s3://acme-ci-results/cells/report.xml", meta};
        check_round_trip(r);
    }
    const export_receipt local{export_receipt_target_kind::local_path, "/var/lib/cellos/exports/a", bare};
    check_round_trip(local, std::string(R"({"targetKind":"localPath","destination":"/var/lib/cellos/exports/a","artifact":{"name":"a","sizeBytes":0,"digest":")") +
                                std::string(digest_a) + "\"}}");
    // and from text
    const auto parsed_receipt = decoded<export_receipt>(
        R"({"targetKind":"s3","destination":"s3://b/k","artifact":{"name":"k","sizeBytes":12,"digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}})");
    CHECK(parsed_receipt.target_kind == export_receipt_target_kind::s3);
    CHECK(parsed_receipt.artifact.size_bytes == 12);
    CHECK_FALSE(parsed_receipt.artifact.content_type.has_value());
}

TEST_CASE("inference requests and responses round-trip (doubles in shortest form)") {
    using namespace cellos;
    inference_request req{"llama-3-8b",
                          {{inference_role::system, "You are terse."}, {inference_role::user, "Say \"hi\"\n\\ caf\xc3\xa9"}},
                          256,
                          0.7};
    check_round_trip(req, R"({"model":"llama-3-8b","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Say \"hi\"\n\\ café"}],"maxTokens":256,"temperature":0.7})");
    check_round_trip(inference_request{"m", {}, std::nullopt, std::nullopt}, R"({"model":"m","messages":[]})");
    check_round_trip(inference_message{inference_role::tool, ""}, R"({"role":"tool","content":""})");
    check_round_trip(inference_response{"m", {inference_role::assistant, "hi"}, "stop"},
                     R"({"model":"m","message":{"role":"assistant","content":"hi"},"finishReason":"stop"})");
    check_round_trip(inference_response{"m", {inference_role::assistant, "hi"}, std::nullopt},
                     R"({"model":"m","message":{"role":"assistant","content":"hi"}})");
    // An integer temperature reads as a double and prints as one.
    const auto r = decoded<inference_request>(R"({"model":"m","messages":[],"temperature":1})");
    REQUIRE(r.temperature);
    CHECK(*r.temperature == 1.0);
    CHECK(cj::to_text(cj::to_value(r)) == R"({"model":"m","messages":[],"temperature":1.0})");
}

TEST_CASE("signed trust keyset envelopes round-trip") {
    using namespace cellos;
    const signed_trust_keyset_envelope env{std::string(signed_trust_keyset_envelope_kind),
                                           "eyJrZXlzIjpbXX0",
                                           {{"ops-2026", signature_algorithm::ed25519, "c2lnbmF0dXJl"}},
                                           7,
                                           std::string(digest_a)};
    check_round_trip(env, std::string(R"({"kind":"signed-trust-keyset-envelope-v1","payload":"eyJrZXlzIjpbXX0","signatures":[{"kid":"ops-2026","algorithm":"ed25519","signature":"c2lnbmF0dXJl"}],"sequence":7,"previousDigest":")") +
                              std::string(digest_a) + "\"}");
    check_round_trip(signed_trust_keyset_envelope{"signed-trust-keyset-envelope-v1", "e30", {}, std::nullopt, std::nullopt},
                     R"({"kind":"signed-trust-keyset-envelope-v1","payload":"e30","signatures":[]})");
    check_round_trip(trust_keyset_signature{"k", signature_algorithm::ed25519, "x"}, R"({"kid":"k","algorithm":"ed25519","signature":"x"})");
    check_rejects(verdict_of(cj::parse_document<signed_trust_keyset_envelope>(
                      R"({"kind":"signed-trust-keyset-envelope-v1","payload":"e30","signatures":[{"kid":"k","algorithm":"rsa","signature":"x"}]})")),
                  "unknown_enum_value", "/signatures/0/algorithm");
}

TEST_CASE("policy packs and authorization policies round-trip; their defaulted members are written") {
    using namespace cellos;
    const auto pack = decoded<policy_pack_document>(full_pack_json);
    check_round_trip(pack);
    check_round_trip(pack.spec);
    check_round_trip(pack.spec.rules,
                     R"({"maxLifetimeTtlSeconds":7200,"maxMemoryMaxBytes":4294967296,"maxRunTimeoutMs":3600000,"requireEgressDeclared":true,"forbidOutboundEgressRules":false,"allowedEgressHosts":["api.example.com","*.example.net"],"requireRuntimeSecretDelivery":true,"requireResourceLimits":true,"flagDnsEgressWithoutAcknowledgment":true,"requireDnsEgressJustification":false,"secretRefAllowlist":{"acme":["DB_PASSWORD","github-token"],"*":[]}})");
    CHECK(cj::canonicalize(cj::to_value(pack)).value() == cj::canonicalize_text(full_pack_json).value());
    // secretRefAllowlist keeps document order.
    REQUIRE(pack.spec.rules.secret_ref_allowlist);
    REQUIRE(pack.spec.rules.secret_ref_allowlist->entries.size() == 2);
    CHECK(pack.spec.rules.secret_ref_allowlist->entries[0].key == "acme");
    CHECK(pack.spec.rules.secret_ref_allowlist->entries[1].key == "*");

    constexpr std::string_view default_rules =
        R"({"requireEgressDeclared":false,"forbidOutboundEgressRules":false,"allowedEgressHosts":[],"requireRuntimeSecretDelivery":false,"requireResourceLimits":false})";
    check_round_trip(policy_rules{}, default_rules);
    // An absent rules object, an empty one and null are all the empty (audit-only) rule set.
    for (std::string_view text : {R"({"id":"audit"})", R"({"id":"audit","rules":{}})", R"({"id":"audit","rules":null})"}) {
        CAPTURE(text);
        const auto spec = decoded<policy_pack_spec>(text);
        CHECK(spec.rules == policy_rules{});
        CHECK(cj::to_text(cj::to_value(spec)) == R"({"id":"audit","rules":)" + std::string(default_rules) + "}");
    }
    // The tri-state DNS members: false is kept (and written), absent is omitted.
    const auto tri = decoded<policy_rules>(R"({"flagDnsEgressWithoutAcknowledgment":false})");
    REQUIRE(tri.flag_dns_egress_without_acknowledgment.has_value());
    CHECK_FALSE(*tri.flag_dns_egress_without_acknowledgment);
    CHECK_FALSE(tri.require_dns_egress_justification.has_value());
    check_round_trip(tri);

    const auto authz = decoded<authorization_policy_document>(full_authorization_json);
    check_round_trip(authz);
    check_round_trip(authz.spec, R"({"subjects":["tenant:acme","oidc:github:acme/platform"],"allowedPools":["pool-a","pool-b"],"allowedPolicyPacks":["baseline"],"maxCellsPerHour":120})");
    check_round_trip(authorization_policy{}, R"({"subjects":[],"allowedPools":[],"allowedPolicyPacks":[]})");
    const auto subjects_only = decoded<authorization_policy>(R"({"subjects":["tenant:acme"]})");
    CHECK(subjects_only.allowed_pools.empty());
    CHECK(subjects_only.allowed_policy_packs.empty());
    CHECK_FALSE(subjects_only.max_cells_per_hour.has_value());
}

TEST_CASE("defaulted spec members: absent or null reads as empty, and is written back as []") {
    // egressRules
    auto doc = cell(minimal_cell_json);
    CHECK(doc.spec.authority.egress_rules.empty());
    CHECK(cell(with_value(minimal_cell_json, "/spec/authority/egressRules", "null")) == doc);
    CHECK(cell(with_value(minimal_cell_json, "/spec/authority/egressRules", "[]")) == doc);
    CHECK(cj::to_text(cj::to_value(doc)) ==
          R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"demo-cell-001","authority":{"secretRefs":[],"egressRules":[]},"lifetime":{"ttlSeconds":300}}})");
    // allowedQueryTypes (empty = the default set, which is not materialised)
    const auto dns = decoded<cellos::dns_authority>(R"({"resolvers":[],"hostnameAllowlist":[]})");
    CHECK(dns.allowed_query_types.empty());
    CHECK(cj::to_text(cj::to_value(dns)) == R"({"resolvers":[],"hostnameAllowlist":[],"allowedQueryTypes":[]})");
    CHECK(decoded<cellos::dns_authority>(R"({"resolvers":[],"hostnameAllowlist":[],"allowedQueryTypes":null})") == dns);
    // variables
    const auto env = decoded<cellos::environment_spec>(R"({"imageDigest":null})");
    CHECK(env.variables.empty());
    CHECK_FALSE(env.image_digest.has_value());
    CHECK(cj::to_text(cj::to_value(env)) == R"({"variables":[]})");
    // targets
    const auto ex = decoded<cellos::export_channels>(R"({"artifacts":[]})");
    CHECK(ex.targets.empty());
    CHECK(cj::to_text(cj::to_value(ex)) == R"({"artifacts":[],"targets":[]})");
    // A member that is not defaulted is required even when it is a list.
    check_rejects(verdict_of(cj::parse_document<cellos::export_channels>(R"({"targets":[]})")), "missing_field", "/artifacts");
    check_rejects(verdict_of(cj::parse_document<cellos::dns_authority>(R"({"resolvers":[]})")), "missing_field", "/hostnameAllowlist");
}

// ================================================================================================
// The strict boundary on spec documents
// ================================================================================================

TEST_CASE("the sample documents decode and are valid") {
    CHECK(as_cell(full_cell_json).code == "valid");
    CHECK(as_cell(minimal_cell_json).code == "valid");
    CHECK(report(violations_of(full_cell_json)) == "");
    CHECK(report(violations_of(minimal_cell_json)) == "");
    CHECK(cellos::is_valid(cell(full_cell_json)));
}

TEST_CASE("unknown members are refused with their pointer, at every depth") {
    check_rejects(as_cell(with_value(full_cell_json, "/metadata", "{}")), "unknown_field", "/metadata");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/name", "\"x\"")), "unknown_field", "/spec/name");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/argvv", "[]")), "unknown_field", "/spec/run/argvv");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/limits/cpuMax/burstMicros", "1")), "unknown_field",
                  "/spec/run/limits/cpuMax/burstMicros");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/Host", "\"x\"")), "unknown_field",
                  "/spec/authority/egressRules/0/Host");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/dnsAuthority/resolvers/1/address", "\"1.1.1.1\"")),
                  "unknown_field", "/spec/authority/dnsAuthority/resolvers/1/address");
    // Inside a tagged variant: a member of the other alternative is unknown here.
    check_rejects(as_cell(with_value(full_cell_json, "/spec/export/targets/1/bucket", "\"b\"")), "unknown_field",
                  "/spec/export/targets/1/bucket");
    // Member names are case-sensitive, and escaped in the pointer.
    check_rejects(as_cell(with_value(full_cell_json, "/spec/Id", "\"x\"")), "unknown_field", "/spec/Id");
    auto doc = parsed(minimal_cell_json);
    doc.at("spec").as_object()["a/b~c"] = 1;
    check_rejects(as_cell(cj::to_text(doc)), "unknown_field", "/spec/a~1b~0c");
}

TEST_CASE("duplicate keys are refused where they occur") {
    check_rejects(as_cell(R"({"apiVersion":"cellos.io/v1","apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{}})"),
                  "duplicate_key", "/apiVersion");
    check_rejects(as_cell(R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"a","authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":1,"ttlSeconds":2},"id":"b"}})"),
                  "duplicate_key", "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"a","authority":{"secretRefs":[],"egressRules":[{"host":"a.example","port":1,"protocol":"tcp"},{"host":"b.example","port":1,"port":2,"protocol":"tcp"}]},"lifetime":{"ttlSeconds":1}}})"),
                  "duplicate_key", "/spec/authority/egressRules/1/port");
}

TEST_CASE("mistyped members are wrong_type with their pointer") {
    check_rejects(as_cell(with_value(full_cell_json, "/spec/lifetime/ttlSeconds", "\"3600\"")), "wrong_type", "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/lifetime/ttlSeconds", "3600.5")), "wrong_type", "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/lifetime/ttlSeconds", "3.6e3")), "wrong_type", "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/lifetime/ttlSeconds", "true")), "wrong_type", "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/argv", "\"/bin/true\"")), "wrong_type", "/spec/run/argv");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/argv/1", "4")), "wrong_type", "/spec/run/argv/1");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/secretRefs/0", "{}")), "wrong_type", "/spec/authority/secretRefs/0");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/1/dnsEgressAcknowledged", "\"yes\"")), "wrong_type",
                  "/spec/authority/egressRules/1/dnsEgressAcknowledged");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority", "[]")), "wrong_type", "/spec/authority");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/export/targets/0", "\"s3\"")), "wrong_type", "/spec/export/targets/0");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/export/targets/0/kind", "3")), "wrong_type", "/spec/export/targets/0/kind");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/secretDelivery", "0")), "wrong_type", "/spec/run/secretDelivery");
    check_rejects(as_cell("[]"), "wrong_type", "");
}

TEST_CASE("unknown enum strings are unknown_enum_value (wire names are exact)") {
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/secretDelivery", "\"ENV\"")), "unknown_enum_value", "/spec/run/secretDelivery");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/secretDelivery", "\"runtime_broker\"")), "unknown_enum_value",
                  "/spec/run/secretDelivery");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/protocol", "\"icmp\"")), "unknown_enum_value",
                  "/spec/authority/egressRules/0/protocol");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/dnsAuthority/resolvers/0/protocol", "\"do53\"")),
                  "unknown_enum_value", "/spec/authority/dnsAuthority/resolvers/0/protocol");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/dnsAuthority/allowedQueryTypes/1", "\"aaaa\"")),
                  "unknown_enum_value", "/spec/authority/dnsAuthority/allowedQueryTypes/1");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/dnsAuthority/refreshPolicy/strategy", "\"ttl_honor\"")),
                  "unknown_enum_value", "/spec/authority/dnsAuthority/refreshPolicy/strategy");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/identity/kind", "\"x509\"")), "unknown_enum_value", "/spec/identity/kind");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/telemetry/channels/0", "\"event\"")), "unknown_enum_value",
                  "/spec/telemetry/channels/0");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/export/targets/0/kind", "\"ftp\"")), "unknown_enum_value",
                  "/spec/export/targets/0/kind");
    const auto got = as_cell(with_value(full_cell_json, "/spec/run/secretDelivery", "\"vault\""));
    CHECK(got.message.find("env, runtimeBroker, runtimeLeasedBroker") != std::string::npos);
}

TEST_CASE("required members are missing_field with the member's pointer") {
    check_rejects(as_cell(without_member(minimal_cell_json, "", "apiVersion")), "missing_field", "/apiVersion");
    check_rejects(as_cell(without_member(minimal_cell_json, "", "spec")), "missing_field", "/spec");
    check_rejects(as_cell(without_member(minimal_cell_json, "/spec", "id")), "missing_field", "/spec/id");
    check_rejects(as_cell(without_member(minimal_cell_json, "/spec", "authority")), "missing_field", "/spec/authority");
    check_rejects(as_cell(without_member(minimal_cell_json, "/spec", "lifetime")), "missing_field", "/spec/lifetime");
    check_rejects(as_cell(without_member(minimal_cell_json, "/spec/authority", "secretRefs")), "missing_field",
                  "/spec/authority/secretRefs");
    check_rejects(as_cell(without_member(full_cell_json, "/spec/run", "secretDelivery")), "missing_field", "/spec/run/secretDelivery");
    check_rejects(as_cell(without_member(full_cell_json, "/spec/run/limits/cpuMax", "quotaMicros")), "missing_field",
                  "/spec/run/limits/cpuMax/quotaMicros");
    check_rejects(as_cell(without_member(full_cell_json, "/spec/authority/egressRules/0", "protocol")), "missing_field",
                  "/spec/authority/egressRules/0/protocol");
    check_rejects(as_cell(without_member(full_cell_json, "/spec/export/targets/0", "kind")), "missing_field", "/spec/export/targets/0/kind");
    check_rejects(as_cell(without_member(full_cell_json, "/spec/export/targets/0", "bucket")), "missing_field",
                  "/spec/export/targets/0/bucket");
    check_rejects(as_cell(without_member(full_cell_json, "/spec/policy", "packId")), "missing_field", "/spec/policy/packId");
}

TEST_CASE("integers outside their member's range are number_out_of_range") {
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/port", "70000")), "number_out_of_range",
                  "/spec/authority/egressRules/0/port");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/port", "65536")), "number_out_of_range",
                  "/spec/authority/egressRules/0/port");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/port", "-1")), "number_out_of_range",
                  "/spec/authority/egressRules/0/port");
    CHECK(as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/port", "65535")).code == "valid");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/limits/gracefulShutdownSeconds", "4294967296")), "number_out_of_range",
                  "/spec/run/limits/gracefulShutdownSeconds");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/lifetime/ttlSeconds", "-1")), "number_out_of_range", "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/authority/dnsAuthority/rebindingPolicy/maxDistinctAddresses", "-8")),
                  "number_out_of_range", "/spec/authority/dnsAuthority/rebindingPolicy/maxDistinctAddresses");
    // I-JSON: 2^53 is the largest integer accepted; 2^53 + 1 would canonicalize (and hash) like 2^53.
    const auto max = cell(with_value(minimal_cell_json, "/spec/lifetime/ttlSeconds", "9007199254740992"));
    CHECK(max.spec.lifetime.ttl_seconds == 9007199254740992ULL);
    check_rejects(as_cell(with_value(minimal_cell_json, "/spec/lifetime/ttlSeconds", "9007199254740993")), "number_out_of_range",
                  "/spec/lifetime/ttlSeconds");
    check_rejects(as_cell(with_value(minimal_cell_json, "/spec/lifetime/ttlSeconds", "18446744073709551615")), "number_out_of_range",
                  "/spec/lifetime/ttlSeconds");
    const auto got = as_cell(with_value(full_cell_json, "/spec/authority/egressRules/0/port", "70000"));
    CHECK(got.message == "integer outside [0, 65535]");
}

TEST_CASE("null is absent for optional members, and wrong_type for required ones") {
    const auto base = cell(minimal_cell_json);
    for (std::string_view member : {"correlation", "ingress", "environment", "placement", "policy", "identity", "run", "export", "telemetry"}) {
        CAPTURE(member);
        CHECK(cell(with_value(minimal_cell_json, "/spec/" + std::string(member), "null")) == base);
    }
    const auto full = cell(full_cell_json);
    auto no_ref = full;
    no_ref.spec.ingress->git->ref.reset();
    CHECK(cell(with_value(full_cell_json, "/spec/ingress/git/ref", "null")) == no_ref);
    check_rejects(as_cell(with_value(minimal_cell_json, "/spec/id", "null")), "wrong_type", "/spec/id");
    check_rejects(as_cell(with_value(minimal_cell_json, "/spec/lifetime", "null")), "wrong_type", "/spec/lifetime");
    check_rejects(as_cell(with_value(minimal_cell_json, "/spec/authority/secretRefs", "null")), "wrong_type", "/spec/authority/secretRefs");
    check_rejects(as_cell(with_value(full_cell_json, "/spec/run/argv/0", "null")), "wrong_type", "/spec/run/argv/0");
    // null is not written back: the optional is simply absent.
    CHECK(cj::to_text(cj::to_value(cell(with_value(minimal_cell_json, "/spec/run", "null")))).find("run") == std::string::npos);
}

// ================================================================================================
// Validation rules: one rejection per rule an ExecutionCellDocument can break
// ================================================================================================

TEST_CASE("the documents the reference labels valid validate (types.md §15)") {
    for (const char* name : {"types_15_example.json", "types_15_minimal.json"}) {
        CAPTURE(name);
        std::ifstream in(std::string(CELLOS_EXAMPLES_DIR) + "/reference/" + name);
        REQUIRE(in);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto doc = cellos::json::parse_document<cellos::execution_cell_document>(text);
        REQUIRE(doc.has_value());
        CHECK(report(cellos::validate_execution_cell_document(doc.value())) == "");
    }
    // packVersion is a reference to a pack: any bounded text, not necessarily semver.
    auto doc = cell(R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"t-1","authority":{"secretRefs":[]},
        "lifetime":{"ttlSeconds":60},"policy":{"packId":"p","packVersion":"2024-06 build 7"}}})");
    CHECK(report(cellos::validate_execution_cell_document(doc)) == "");
    doc.spec.policy->pack_version = "";
    CHECK(report(cellos::validate_execution_cell_document(doc)) == "boundedText invalid_spec /spec/policy/packVersion\n");
}

TEST_CASE("the rule table: stable ids and their errc") {
    constexpr std::string_view ids[] = {
        "apiVersion",   "kind",           "portableIdentifier", "sha256Digest",     "boundedText",    "tenantId",
        "unique",       "ingressSource",  "gitUrl",             "gitCommit",        "absolutePath",   "envVarName",
        "envVarValue",  "workloadIdentity", "egressHost",       "egressPort",       "dnsResolvers",   "resolverEndpoint",
        "allowlistEntry", "refreshWindow", "positive",          "cpuPeriod",        "argvNonEmpty",   "argvElement",
        "argvTooLarge", "withinLifetime", "artifactName",       "exportTarget",     "s3Bucket",       "semver",
        "temperatureRange", "nonEmpty",   "envelopeKind",       "contradictoryRules", "safeInteger"};
    const auto all = cellos::detail::all_enumerators<spec_rule>();
    REQUIRE(all.size() == std::size(ids));
    for (std::size_t i = 0; i < all.size(); ++i) {
        CAPTURE(ids[i]);
        CHECK(cellos::to_wire(all[i]) == ids[i]);
        CHECK(cellos::from_wire<spec_rule>(ids[i]) == all[i]);
        // Rules every document shares take the document's code (errc{} in the table).
        constexpr std::string_view shared[] = {"apiVersion", "kind", "portableIdentifier", "boundedText", "tenantId", "unique",
                                               "positive", "allowlistEntry", "semver", "nonEmpty", "safeInteger"};
        const bool is_shared = std::find(std::begin(shared), std::end(shared), ids[i]) != std::end(shared);
        const std::string_view expected = ids[i] == "argvTooLarge"         ? "argv_too_large"
                                          : ids[i] == "contradictoryRules" ? "invalid_policy"
                                          : is_shared                      ? "success"
                                                                           : "invalid_spec";
        CHECK(cellos::errc_name(cellos::info(all[i]).code) == expected);
        CHECK(cellos::errc_name(cellos::to_problem(cellos::spec_finding{all[i]}).code) ==
              (expected == "success" ? "invalid_spec" : expected));
        CHECK(cellos::errc_name(cellos::to_problem(cellos::spec_finding{all[i]}, cellos::errc::invalid_policy).code) ==
              (expected == "success" ? "invalid_policy" : expected));
        CHECK_FALSE(cellos::info(all[i]).message.empty());
    }
}

namespace {

struct rule_case {
    std::string_view mutate;       ///< pointer in full_cell_json to set
    std::string_view replacement;  ///< JSON
    std::string_view rule;
    std::string_view code;
    std::string_view pointer;  ///< of the one expected violation
};

// Each case breaks exactly one rule of the valid full document.
constexpr rule_case rule_cases[] = {
    {"/apiVersion", R"("cellos.io/v2")", "apiVersion", "invalid_spec", "/apiVersion"},
    {"/kind", R"("PolicyPack")", "kind", "invalid_spec", "/kind"},
    {"/spec/id", R"("bad..id")", "portableIdentifier", "invalid_spec", "/spec/id"},
    {"/spec/ingress/ociImage/digest", R"("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")", "sha256Digest",
     "invalid_spec", "/spec/ingress/ociImage/digest"},
    {"/spec/correlation/correlationId", R"("")", "boundedText", "invalid_spec", "/spec/correlation/correlationId"},
    {"/spec/correlation/tenantId", R"("acme.prod")", "tenantId", "invalid_spec", "/spec/correlation/tenantId"},
    {"/spec/authority/secretRefs/2", R"("DB_PASSWORD")", "unique", "invalid_spec", "/spec/authority/secretRefs/2"},
    {"/spec/ingress", R"({})", "ingressSource", "invalid_spec", "/spec/ingress"},
    {"/spec/ingress/git/url", R"("https://user:secret@github.com/acme/app.git")", "gitUrl", "invalid_spec", "/spec/ingress/git/url"},
    {"/spec/ingress/git/commit", R"("0123456")", "gitCommit", "invalid_spec", "/spec/ingress/git/commit"},
    {"/spec/run/workingDirectory", R"("/workspace/../etc")", "absolutePath", "invalid_spec", "/spec/run/workingDirectory"},
    {"/spec/environment/variables/1/name", R"("1CI")", "envVarName", "invalid_spec", "/spec/environment/variables/1/name"},
    {"/spec/environment/variables/0/value", R"("in\u0000fo")", "envVarValue", "invalid_spec", "/spec/environment/variables/0/value"},
    {"/spec/identity", R"({"kind":"oidc"})", "workloadIdentity", "invalid_spec", "/spec/identity"},
    {"/spec/authority/egressRules/0/host", R"("*.example.com")", "egressHost", "invalid_spec", "/spec/authority/egressRules/0/host"},
    {"/spec/authority/egressRules/0/port", "0", "egressPort", "invalid_spec", "/spec/authority/egressRules/0/port"},
    {"/spec/authority/dnsAuthority/resolvers", "[]", "dnsResolvers", "invalid_spec", "/spec/authority/dnsAuthority/resolvers"},
    {"/spec/authority/dnsAuthority/resolvers/0/endpoint", R"("dns.example.com")", "resolverEndpoint", "invalid_spec",
     "/spec/authority/dnsAuthority/resolvers/0/endpoint"},
    {"/spec/authority/dnsAuthority/hostnameAllowlist/1", R"("*.com")", "allowlistEntry", "invalid_spec",
     "/spec/authority/dnsAuthority/hostnameAllowlist/1"},
    {"/spec/authority/dnsAuthority/refreshPolicy/minTtlSeconds", "301", "refreshWindow", "invalid_spec",
     "/spec/authority/dnsAuthority/refreshPolicy"},
    {"/spec/run/limits/cpuMax/quotaMicros", "0", "positive", "invalid_spec", "/spec/run/limits/cpuMax/quotaMicros"},
    {"/spec/run/limits/cpuMax/periodMicros", "999", "cpuPeriod", "invalid_spec", "/spec/run/limits/cpuMax/periodMicros"},
    {"/spec/run/argv", "[]", "argvNonEmpty", "invalid_spec", "/spec/run/argv"},
    {"/spec/run/argv/0", R"("")", "argvElement", "invalid_spec", "/spec/run/argv/0"},
    {"/spec/run/timeoutMs", "3600001", "withinLifetime", "invalid_spec", "/spec/run/timeoutMs"},
    {"/spec/export/artifacts/1/name", R"("~coverage.json")", "artifactName", "invalid_spec", "/spec/export/artifacts/1/name"},
    {"/spec/export/artifacts/1/target", R"("archive")", "exportTarget", "invalid_spec", "/spec/export/artifacts/1/target"},
    {"/spec/export/targets/0/bucket", R"("Acme_CI")", "s3Bucket", "invalid_spec", "/spec/export/targets/0/bucket"},
    {"/spec/policy/packVersion", R"("")", "boundedText", "invalid_spec", "/spec/policy/packVersion"},
    {"/spec/authority/cdnAuthority/providers/0/hostnames", "[]", "nonEmpty", "invalid_spec",
     "/spec/authority/cdnAuthority/providers/0/hostnames"},
};

}  // namespace

TEST_CASE("every spec rule reachable from an ExecutionCellDocument: rule id, errc, pointer and message") {
    std::set<std::string_view> covered;
    for (const rule_case& c : rule_cases) {
        CAPTURE(c.mutate);
        CAPTURE(c.rule);
        const auto got = violations_of(with_value(full_cell_json, c.mutate, c.replacement));
        CHECK(report(got) == report({std::string(c.rule) + " " + std::string(c.code) + " " + std::string(c.pointer)}));
        if (got.size() == 1) {
            const auto rule = cellos::from_wire<spec_rule>(c.rule);
            REQUIRE(rule.has_value());
            if (c.rule == "unique") CHECK(got[0].message == "duplicate entry (same as element 0)");
            else CHECK(got[0].message == cellos::info(*rule).message);
        }
        covered.insert(c.rule);
    }
    // argvTooLarge (the size is in the message: see the argv test cases below)
    const std::string huge = "\"" + std::string(3000, 'x') + "\"";
    const auto got = violations_of(with_value(full_cell_json, "/spec/run/argv/2", huge));
    CHECK(report(got) == report({"argvTooLarge argv_too_large /spec/run/argv"}));
    covered.insert("argvTooLarge");

    // Every rule is covered except those no ExecutionCellDocument *from JSON* can reach:
    // contradictoryRules and semver (packs), temperatureRange / envelopeKind (port payloads) and safeInteger
    // (the boundary already refuses integers beyond 2^53) — each has its own test below.
    for (spec_rule r : cellos::detail::all_enumerators<spec_rule>()) {
        const std::string_view id = cellos::to_wire(r);
        if (id == "contradictoryRules" || id == "semver" || id == "temperatureRange" || id == "envelopeKind" ||
            id == "safeInteger")
            continue;
        CHECK_MESSAGE(covered.count(id) == 1, "no rejection case for rule " << id);
    }
}

TEST_CASE("rule variants: the same rule under every member that carries it") {
    // (mutation, rule, pointer): one violation each.
    const struct {
        std::string_view mutate, replacement, expected;
    } cases[] = {
        {"/spec/placement/poolId", R"("-pool")", "portableIdentifier invalid_spec /spec/placement/poolId"},
        {"/spec/placement/region", R"("eu west")", "portableIdentifier invalid_spec /spec/placement/region"},
        {"/spec/placement/zone", R"("")", "portableIdentifier invalid_spec /spec/placement/zone"},
        {"/spec/policy/packId", R"("base/line")", "portableIdentifier invalid_spec /spec/policy/packId"},
        {"/spec/authority/secretRefs/0", R"("db password")", "portableIdentifier invalid_spec /spec/authority/secretRefs/0"},
        {"/spec/authority/dnsAuthority/resolvers/1/resolverId", R"("_doh")",
         "portableIdentifier invalid_spec /spec/authority/dnsAuthority/resolvers/1/resolverId"},
        {"/spec/authority/cdnAuthority/providers/0/providerId", R"("fast..ly")",
         "portableIdentifier invalid_spec /spec/authority/cdnAuthority/providers/0/providerId"},
        {"/spec/export/targets/1/name", R"("dash board")", "portableIdentifier invalid_spec /spec/export/targets/1/name"},
        {"/spec/environment/imageDigest", R"("sha256:abc")", "sha256Digest invalid_spec /spec/environment/imageDigest"},
        {"/spec/ingress/git/ref", R"("main\n")", "boundedText invalid_spec /spec/ingress/git/ref"},
        {"/spec/ingress/ociImage/reference", R"("")", "boundedText invalid_spec /spec/ingress/ociImage/reference"},
        {"/spec/authority/egressRules/1/justification", R"("")", "boundedText invalid_spec /spec/authority/egressRules/1/justification"},
        {"/spec/export/targets/0/keyPrefix", R"("a\tb")", "boundedText invalid_spec /spec/export/targets/0/keyPrefix"},
        {"/spec/export/targets/1/pathPrefix", R"("")", "boundedText invalid_spec /spec/export/targets/1/pathPrefix"},
        {"/spec/identity/spiffeId", R"("spiffe://example.org/cell\u0007")", "boundedText invalid_spec /spec/identity/spiffeId"},
        {"/spec/ingress/git/path", R"("workspace")", "absolutePath invalid_spec /spec/ingress/git/path"},
        {"/spec/export/artifacts/0/path", R"("/workspace/./out")", "absolutePath invalid_spec /spec/export/artifacts/0/path"},
        {"/spec/authority/egressRules/0/host", R"("api.example.com:443")", "egressHost invalid_spec /spec/authority/egressRules/0/host"},
        {"/spec/lifetime/ttlSeconds", "0", "positive invalid_spec /spec/lifetime/ttlSeconds"},
        {"/spec/run/timeoutMs", "0", "positive invalid_spec /spec/run/timeoutMs"},
        {"/spec/run/limits/memoryMaxBytes", "0", "positive invalid_spec /spec/run/limits/memoryMaxBytes"},
        {"/spec/authority/dnsAuthority/rebindingPolicy/maxDistinctAddresses", "0",
         "positive invalid_spec /spec/authority/dnsAuthority/rebindingPolicy/maxDistinctAddresses"},
        {"/spec/run/limits/cpuMax/periodMicros", "1000001", "cpuPeriod invalid_spec /spec/run/limits/cpuMax/periodMicros"},
        {"/spec/run/limits/gracefulShutdownSeconds", "3601", "withinLifetime invalid_spec /spec/run/limits/gracefulShutdownSeconds"},
        {"/spec/run/argv/2", R"("te\u0000st")", "argvElement invalid_spec /spec/run/argv/2"},
        {"/spec/identity", R"({"kind":"spiffe","spiffeId":"https://example.org/cell"})", "workloadIdentity invalid_spec /spec/identity"},
        {"/spec/identity", R"({"kind":"spiffe","spiffeId":"spiffe://example.org/x","audience":"a"})",
         "workloadIdentity invalid_spec /spec/identity"},
        {"/spec/identity", R"({"kind":"oidc","audience":"a","spiffeId":"spiffe://example.org/x"})",
         "workloadIdentity invalid_spec /spec/identity"},
        {"/spec/authority/cdnAuthority/providers/0/hostnames/0", R"("fastly.example.net.")",
         "allowlistEntry invalid_spec /spec/authority/cdnAuthority/providers/0/hostnames/0"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.mutate);
        CAPTURE(c.replacement);
        CHECK(report(violations_of(with_value(full_cell_json, c.mutate, c.replacement))) == report({c.expected}));
    }
    // Boundaries that pass: period at both ends of [1000, 1000000], timeout exactly at the TTL,
    // graceful shutdown exactly at the TTL, an absent period (the 100000 µs default).
    CHECK(report(violations_of(with_value(full_cell_json, "/spec/run/limits/cpuMax/periodMicros", "1000"))) == "");
    CHECK(report(violations_of(with_value(full_cell_json, "/spec/run/limits/cpuMax/periodMicros", "1000000"))) == "");
    CHECK(report(violations_of(with_value(full_cell_json, "/spec/run/timeoutMs", "3600000"))) == "");
    CHECK(report(violations_of(with_value(full_cell_json, "/spec/run/limits/gracefulShutdownSeconds", "3600"))) == "");
    CHECK(report(violations_of(without_member(full_cell_json, "/spec/run/limits/cpuMax", "periodMicros"))) == "");
}

TEST_CASE("unique: duplicates are found per list, with the list's own equality") {
    const struct {
        std::string_view mutate, replacement, expected;
    } cases[] = {
        {"/spec/environment/variables/1/name", R"("RUST_LOG")", "unique invalid_spec /spec/environment/variables/1"},
        {"/spec/authority/dnsAuthority/resolvers/1/resolverId", R"("corp-dns")", "unique invalid_spec /spec/authority/dnsAuthority/resolvers/1"},
        {"/spec/authority/dnsAuthority/hostnameAllowlist/1", R"("API.Example.com")",
         "unique invalid_spec /spec/authority/dnsAuthority/hostnameAllowlist/1"},
        {"/spec/authority/dnsAuthority/allowedQueryTypes/1", R"("A")", "unique invalid_spec /spec/authority/dnsAuthority/allowedQueryTypes/1"},
        {"/spec/authority/egressRules/2", R"({"host":"API.EXAMPLE.COM","port":443,"protocol":"tcp"})",
         "unique invalid_spec /spec/authority/egressRules/2"},
        {"/spec/authority/cdnAuthority/providers/1", R"({"providerId":"fastly","hostnames":["*.other.example.net"]})",
         "unique invalid_spec /spec/authority/cdnAuthority/providers/1"},
        {"/spec/export/targets/1/name", R"("results")", "unique invalid_spec /spec/export/targets/1"},
        {"/spec/export/artifacts/1/name", R"("report.xml")", "unique invalid_spec /spec/export/artifacts/1"},
        {"/spec/telemetry/channels/1", R"("events")", "unique invalid_spec /spec/telemetry/channels/1"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.mutate);
        CHECK(report(violations_of(with_value(full_cell_json, c.mutate, c.replacement))) == report({c.expected}));
    }
    // Not duplicates: same host on another port or protocol; secret refs differing in case.
    CHECK(report(violations_of(with_value(full_cell_json, "/spec/authority/egressRules/2",
                                          R"({"host":"api.example.com","port":443,"protocol":"udp"})"))) == "");
    CHECK(report(violations_of(with_value(full_cell_json, "/spec/authority/secretRefs/2", R"("db_password")"))) == "");
    // The message names the first occurrence.
    const auto got = violations_of(with_value(full_cell_json, "/spec/authority/secretRefs", R"(["A","B","C","B"])"));
    REQUIRE(got.size() == 1);
    CHECK(got[0].pointer == "/spec/authority/secretRefs/3");
    CHECK(got[0].message == "duplicate entry (same as element 1)");
}

TEST_CASE("every violation is reported together, in document order") {
    auto doc = parsed(full_cell_json);
    doc.at_pointer("/apiVersion") = "v1";
    doc.at_pointer("/kind") = "Cell";
    doc.at_pointer("/spec/id") = "";
    doc.at_pointer("/spec/correlation/tenantId") = "a>b";
    doc.at_pointer("/spec/ingress/git/commit") = "HEAD";
    doc.at_pointer("/spec/environment/variables/0/name") = "A-B";
    doc.at_pointer("/spec/placement/zone") = "..";
    doc.at_pointer("/spec/policy/packVersion") = "";
    doc.at_pointer("/spec/identity/spiffeId") = "spiffe://bad_domain/x";
    doc.at_pointer("/spec/authority/secretRefs/1") = "";
    doc.at_pointer("/spec/authority/egressRules/0/port") = 0;
    doc.at_pointer("/spec/authority/dnsAuthority/resolvers/1/endpoint") = "http://cloudflare-dns.com/dns-query";
    doc.at_pointer("/spec/authority/cdnAuthority/providers/0/hostnames/0") = "*";
    doc.at_pointer("/spec/run/argv/0") = "";
    doc.at_pointer("/spec/run/timeoutMs") = 3600001;
    doc.at_pointer("/spec/run/limits/cpuMax/periodMicros") = 10;
    doc.at_pointer("/spec/telemetry/channels/1") = "events";
    const std::string text = cj::to_text(doc);
    const auto got = violations_of(text);
    CHECK(report(got) == report({
                             "apiVersion invalid_spec /apiVersion",
                             "kind invalid_spec /kind",
                             "portableIdentifier invalid_spec /spec/id",
                             "tenantId invalid_spec /spec/correlation/tenantId",
                             "gitCommit invalid_spec /spec/ingress/git/commit",
                             "envVarName invalid_spec /spec/environment/variables/0/name",
                             "portableIdentifier invalid_spec /spec/placement/zone",
                             "boundedText invalid_spec /spec/policy/packVersion",
                             "workloadIdentity invalid_spec /spec/identity",
                             "portableIdentifier invalid_spec /spec/authority/secretRefs/1",
                             "egressPort invalid_spec /spec/authority/egressRules/0/port",
                             "resolverEndpoint invalid_spec /spec/authority/dnsAuthority/resolvers/1/endpoint",
                             "allowlistEntry invalid_spec /spec/authority/cdnAuthority/providers/0/hostnames/0",
                             "argvElement invalid_spec /spec/run/argv/0",
                             "withinLifetime invalid_spec /spec/run/timeoutMs",
                             "cpuPeriod invalid_spec /spec/run/limits/cpuMax/periodMicros",
                             "unique invalid_spec /spec/telemetry/channels/1",
                         }));
    // The constexpr form reports the same list, and twice the same (deterministic).
    const auto issues = cellos::check_execution_cell_document(cell(text));
    CHECK(report(cellos::problems_of(issues)) == report(got));
    CHECK(report(violations_of(text)) == report(got));

    // Bounded: with max_problems, the first N are kept in the same order, every one is counted.
    const auto doc3 = cell(text);
    const auto capped = cellos::validate_execution_cell_document(doc3, 3);
    REQUIRE(capped.size() == 3);
    CHECK(capped.total() == got.total());
    CHECK(capped.truncated());
    CHECK_FALSE(got.truncated());
    for (std::size_t i = 0; i < 3; ++i) CHECK(capped[i] == got[i]);
    const auto none = cellos::validate_execution_cell_document(doc3, 0);
    CHECK(none.size() == 0);
    CHECK(none.total() == got.total());
    CHECK_FALSE(none.empty());  // still invalid
    const auto found = cellos::check_execution_cell_document(doc3, 2);
    CHECK(found.size() == 2);
    CHECK(found.total() == got.total());
}

TEST_CASE("document order: spec.export artifacts are reported before spec.export targets") {
    // wire order of spec.export is artifacts, then targets (export.hpp); the report must follow it.
    auto doc = parsed(full_cell_json);
    doc.at_pointer("/spec/export/artifacts/0/name") = "..";
    doc.at_pointer("/spec/export/targets/0/bucket") = "B";
    CHECK(report(violations_of(cj::to_text(doc))) == report({
                                                          "artifactName invalid_spec /spec/export/artifacts/0/name",
                                                          "s3Bucket invalid_spec /spec/export/targets/0/bucket",
                                                      }));
}

TEST_CASE("document order within a list: a duplicate is reported at its own index among element violations") {
    // secretRefs[1] duplicates [0] and secretRefs[2] is malformed: /1 comes before /2.
    const auto got = violations_of(with_value(full_cell_json, "/spec/authority/secretRefs", R"(["A","A","bad ref"])"));
    CHECK(report(got) == report({
                             "unique invalid_spec /spec/authority/secretRefs/1",
                             "portableIdentifier invalid_spec /spec/authority/secretRefs/2",
                         }));
}

// ================================================================================================
// argv: the kernel command-line budget (upstream FC-17 / FC-66)
// ================================================================================================

namespace {

/// Independent reference: standard padded base64 (Crypto++) of the JSON array text.
std::size_t reference_encoded_bytes(const std::vector<std::string>& argv) {
    boost::json::array a;
    for (const auto& s : argv) a.emplace_back(boost::json::string(s.data(), s.size()));
    const std::string json = cj::to_text(a);
    std::string b64;
    CryptoPP::StringSource src(json, true, new CryptoPP::Base64Encoder(new CryptoPP::StringSink(b64), false));
    return b64.size();
}

std::string argv_doc(const std::vector<std::string>& argv) {
    boost::json::array a;
    for (const auto& s : argv) a.emplace_back(boost::json::string(s.data(), s.size()));
    return with_value(full_cell_json, "/spec/run/argv", cj::to_text(a));
}

}  // namespace

TEST_CASE("argv_encoded_bytes is the padded base64 length of the argv JSON array") {
    const std::vector<std::vector<std::string>> samples = {
        {"/bin/true"},
        {"/bin/sh", "-c", "echo \"quoted\" \\ back\tslash\nnew"},
        {"ctl", std::string("\x01\x1f\x7f", 3), "caf\xc3\xa9 \xe2\x9c\x93"},
        {"a", "", "b"},
        {std::string(2300, 'x')},
    };
    for (const auto& argv : samples) {
        CAPTURE(argv.size());
        CHECK(cellos::argv_encoded_bytes(argv) == reference_encoded_bytes(argv));
    }
}

TEST_CASE("argv fits at exactly 3072 encoded bytes and is refused at the next size (3076)") {
    // One argument of n bytes is n + 4 JSON bytes: 2304 JSON bytes encode to exactly 3072.
    const std::vector<std::string> at_limit{std::string(2300, 'x')};
    REQUIRE(reference_encoded_bytes(at_limit) == 3072);
    CHECK(cellos::argv_encoded_bytes(at_limit) == 3072);
    CHECK(report(violations_of(argv_doc(at_limit))) == "");

    // Padded base64 grows in steps of 4, so 3073–3075 cannot occur: one byte more is 3076.
    const std::vector<std::string> over{std::string(2301, 'x')};
    REQUIRE(reference_encoded_bytes(over) == 3076);
    const auto got = violations_of(argv_doc(over));
    REQUIRE(got.size() == 1);
    CHECK(got[0].rule == "argvTooLarge");
    CHECK(cellos::errc_name(got[0].code) == "argv_too_large");
    CHECK(got[0].pointer == "/spec/run/argv");
    CHECK(got[0].message == "spec.run.argv encoded as base64 is 3076 bytes; exceeds 3072-byte kernel cmdline limit");

    // Several arguments, escapes counted as JSON writes them: ["/bin/sh","-c","\"…"] is 4 bytes of
    // brackets and commas, 9 + 4 for the first two arguments, 2 quotes and a 2-byte escaped quote
    // for the third: 21 + n.
    std::vector<std::string> multi{"/bin/sh", "-c", "\"" + std::string(2283, 'y')};
    REQUIRE(reference_encoded_bytes(multi) == 3072);
    CHECK(report(violations_of(argv_doc(multi))) == "");
    multi[2] += "y";
    REQUIRE(reference_encoded_bytes(multi) == 3076);
    CHECK(report(violations_of(argv_doc(multi))) == report({"argvTooLarge argv_too_large /spec/run/argv"}));

    // The issue carries the size.
    const auto issues = cellos::check_execution_cell_document(cell(argv_doc({std::string(4000, 'z')})));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].actual == reference_encoded_bytes({std::string(4000, 'z')}));
    CHECK(cellos::to_problem(issues[0]).message ==
          "spec.run.argv encoded as base64 is " + std::to_string(issues[0].actual) + " bytes; exceeds 3072-byte kernel cmdline limit");
}

// ================================================================================================
// canonical_spec_hash
// ================================================================================================

TEST_CASE("canonical_spec_hash: known answers computed outside the library") {
    // JCS written by hand; sha256 by `printf '%s' "$jcs" | sha256sum` (and `cellos jcs` agrees).
    constexpr std::string_view minimal_jcs =
        R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"authority":{"egressRules":[],"secretRefs":[]},"id":"demo-cell-001","lifetime":{"ttlSeconds":300}}})";
    const auto minimal = cell(minimal_cell_json);
    CHECK(cj::canonicalize(cj::to_value(minimal)).value() == minimal_jcs);
    CHECK(cellos::canonical_spec_hash(minimal) == "sha256:9e7331394be7757a1a0eed173ff84051713367b759f1bd31f44fba6b771e538f");
    // The full sample: `cellos jcs` of the text | sha256sum, and Python's sorted-keys dump agrees.
    CHECK(cellos::canonical_spec_hash(cell(full_cell_json)) == "sha256:aea392dd9d30db7b61030ff178d770a4bc8fac9940c283dd1920ad0ab80ebf73");
    const auto of_text = cellos::canonical_spec_hash_of_text(full_cell_json);
    REQUIRE(of_text.has_value());
    CHECK(of_text.value() == "sha256:aea392dd9d30db7b61030ff178d770a4bc8fac9940c283dd1920ad0ab80ebf73");
}

TEST_CASE("canonical_spec_hash: equal documents hash equal, whatever their text") {
    const std::string expected = cellos::canonical_spec_hash(cell(minimal_cell_json));
    const std::string_view spellings[] = {
        "{\n  \"spec\" : { \"lifetime\" : {\"ttlSeconds\":300},\t\"authority\":{\"secretRefs\":[ ]}, \"id\":\"demo-cell-001\" },\r\n"
        "  \"kind\":\"ExecutionCell\", \"apiVersion\" : \"cellos.io/v1\"\n}\n",
        // defaulted member spelled out, optional members as null
        R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"demo-cell-001","run":null,"authority":{"secretRefs":[],"egressRules":[]},"lifetime":{"ttlSeconds":300},"export":null}})",
        // a string spelled with escapes
        R"({"apiVersion":"cellos.io\/v1","kind":"Execution\u0043ell","spec":{"id":"demo-cell-001","authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":300}}})",
    };
    for (std::string_view text : spellings) {
        CAPTURE(text);
        const auto h = cellos::canonical_spec_hash_of_text(text);
        REQUIRE(h.has_value());
        CHECK(h.value() == expected);
    }
    const std::string reordered_full = cj::to_text(reversed_members(parsed(full_cell_json)));
    REQUIRE(reordered_full != cj::to_text(parsed(full_cell_json)));
    CHECK(cellos::canonical_spec_hash_of_text(reordered_full).value() == cellos::canonical_spec_hash(cell(full_cell_json)));
}

TEST_CASE("canonical_spec_hash: different documents hash differently; the digest has the sha256 form") {
    const std::string base = cellos::canonical_spec_hash(cell(minimal_cell_json));
    const std::string variants[] = {
        with_value(minimal_cell_json, "/spec/lifetime/ttlSeconds", "301"),
        with_value(minimal_cell_json, "/spec/id", R"("demo-cell-002")"),
        with_value(minimal_cell_json, "/spec/authority/secretRefs", R"(["A"])"),
        with_value(minimal_cell_json, "/spec/correlation", "{}"),          // present-but-empty differs from absent
        with_value(minimal_cell_json, "/apiVersion", R"("cellos.io/v2")"),  // the envelope is hashed too
        std::string(full_cell_json),
    };
    std::set<std::string> seen{base};
    for (const auto& text : variants) {
        CAPTURE(text);
        const std::string h = cellos::canonical_spec_hash(cell(text));
        CHECK(h != base);
        CHECK(seen.insert(h).second);
    }
    for (const auto& h : seen) {
        CAPTURE(h);
        CHECK(h.size() == 71);
        CHECK(h.rfind("sha256:", 0) == 0);
        CHECK(cellos::is_sha256_digest(h));
    }
    // Validation is separate: an invalid but well-formed spec still hashes; malformed text does not.
    CHECK(cellos::canonical_spec_hash_of_text(with_value(minimal_cell_json, "/spec/id", R"("bad..id")")).has_value());
    const auto bad = cellos::canonical_spec_hash_of_text(with_value(minimal_cell_json, "/spec/extra", "1"));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code_name() == "unknown_field");
    CHECK(bad.error().pointer == "/spec/extra");
}

TEST_CASE("canonical_spec_hash: a constexpr-storage document hashes like its runtime twin") {
    using cs = cellos::constexpr_storage;
    static constexpr std::string_view refs[] = {"DB_PASSWORD"};
    static constexpr std::string_view argv[] = {"/usr/bin/make", "test"};
    static constexpr cellos::static_execution_cell_document sdoc{
        "cellos.io/v1", "ExecutionCell",
        {.id = "demo-cell-001",
         .authority = {.secret_refs = refs},
         .lifetime = {300},
         .run = cellos::basic_run_spec<cs>{.argv = argv, .secret_delivery = cellos::secret_delivery_mode::runtime_broker}}};
    const auto rdoc = cell(
        R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"demo-cell-001","authority":{"secretRefs":["DB_PASSWORD"]},"lifetime":{"ttlSeconds":300},"run":{"argv":["/usr/bin/make","test"],"secretDelivery":"runtimeBroker"}}})");
    CHECK(cj::to_text(cj::to_value(sdoc)) == cj::to_text(cj::to_value(rdoc)));
    CHECK(cellos::canonical_spec_hash(sdoc) == cellos::canonical_spec_hash(rdoc));
}

TEST_CASE("rules outside the execution-cell document: safeInteger, temperatureRange, envelopeKind") {
    // safeInteger: only a C++-built document can hold 2^53 + 1 (the JSON boundary refuses it).
    cellos::execution_cell_document doc = cell(minimal_cell_json);
    doc.spec.lifetime.ttl_seconds = cellos::max_safe_integer;
    CHECK(cellos::validate_execution_cell_document(doc).empty());
    doc.spec.lifetime.ttl_seconds = cellos::max_safe_integer + 1;
    const auto v = cellos::validate_execution_cell_document(doc);
    REQUIRE(v.size() == 1);
    CHECK(v[0].rule == "safeInteger");
    CHECK(v[0].pointer == "/spec/lifetime/ttlSeconds");

    cellos::inference_request req{"model-a", {{cellos::inference_role::user, "hi"}}, 16, 2.0};
    CHECK(cellos::check_inference_request(req).empty());
    req.temperature = 2.5;
    req.messages.clear();
    const auto issues = cellos::check_inference_request(req);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].rule == spec_rule::non_empty);
    CHECK(issues[1].rule == spec_rule::temperature_range);
    CHECK(issues[1].path.to_pointer() == "/temperature");

    cellos::signed_trust_keyset_envelope env{"signed-trust-keyset-envelope-v2", "eyJ9", {{"k1", cellos::signature_algorithm::ed25519, "sig"}}};
    const auto e = cellos::check_signed_trust_keyset_envelope(env);
    REQUIRE(e.size() == 1);
    CHECK(e[0].rule == spec_rule::envelope_kind);
    env.kind = cellos::signed_trust_keyset_envelope_kind;
    CHECK(cellos::check_signed_trust_keyset_envelope(env).empty());
}

TEST_CASE("duplicate detection stays fast on long lists (sorted, not pairwise)") {
    std::string t = R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"a","authority":{"secretRefs":[)";
    for (int i = 0; i < 50000; ++i) t += (i ? ",\"S" : "\"S") + std::to_string(i % 49999) + "\"";
    t += R"(]},"lifetime":{"ttlSeconds":1}}})";
    const auto doc = cellos::json::parse_execution_cell_document(t);
    REQUIRE(doc.has_value());
    const auto v = cellos::validate_execution_cell_document(doc.value());  // pairwise: ~1.2e9 comparisons
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/spec/authority/secretRefs/49999");
    CHECK(v[0].message == "duplicate entry (same as element 0)");
}
