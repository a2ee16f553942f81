// libFuzzer target for ExecutionCellDocument admission: any bytes as the document. A rejected input
// must carry a cellos::errc and a pointer into the document. An accepted one: validation never
// throws, is deterministic, agrees with the constexpr check (also on a constexpr_storage copy) and
// points into the document; encode → text → parse gives an equal document; canonical_spec_hash is
// "sha256:" + 64 lowercase hex and stable across the round trip; the policy check against fixed
// packs and authorize() under a fixed RBAC policy agree with independent oracles.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "admission_fuzz.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/policy/authorization.hpp"
#include "cellos/policy/check.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/trust/sha256.hpp"
#include "cellos/trust/spec_hash.hpp"

namespace {

using cellos_fuzz::check_round_trip;
using cellos_fuzz::deterministic;

// Packs the fuzzed spec is checked against: every rule set; a placement-scoped one; audit-only.
constexpr std::string_view strict_pack = R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{
  "id":"baseline","description":"every rule on","version":"1.2.0",
  "rules":{"maxLifetimeTtlSeconds":86400,"maxMemoryMaxBytes":8589934592,"maxRunTimeoutMs":3600000,
    "requireEgressDeclared":true,"allowedEgressHosts":["api.example.com","*.example.org"],
    "requireRuntimeSecretDelivery":true,"requireResourceLimits":true,
    "flagDnsEgressWithoutAcknowledgment":true,"requireDnsEgressJustification":true,
    "secretRefAllowlist":{"acme":["DB_PASSWORD","API_TOKEN"],"*":["PUBLIC_TOKEN"]}}}})";
constexpr std::string_view scoped_pack = R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{
  "id":"eu-lockdown","version":"2.0.0","placement":{"poolId":"pool-eu-1","region":"eu-west"},
  "rules":{"maxLifetimeTtlSeconds":600,"forbidOutboundEgressRules":true,"secretRefAllowlist":{}}}})";
constexpr std::string_view audit_pack = R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{"id":"audit"}})";

constexpr std::string_view rbac = R"({"apiVersion":"cellos.io/v1","kind":"AuthorizationPolicy","spec":{
  "subjects":["ci-bot","alice@example.org"],"allowedPools":["pool-eu-1","pool-us-1"],
  "allowedPolicyPacks":["baseline"],"maxCellsPerHour":100}})";

struct fixtures {
    std::vector<cellos::policy_pack_document> packs;
    cellos::authorization_policy_document authz;
};

const fixtures& fixed() {
    static const fixtures f = [] {
        fixtures x;
        for (std::string_view t : {strict_pack, scoped_pack, audit_pack}) {
            x.packs.push_back(cellos_fuzz::fixed(cellos::json::parse_policy_pack_document(t)));
            CELLOS_FUZZ_REQUIRE(cellos::validate_policy_pack_document(x.packs.back()).empty());
        }
        x.authz = cellos_fuzz::fixed(cellos::json::parse_authorization_policy_document(rbac));
        CELLOS_FUZZ_REQUIRE(cellos::validate_authorization_policy(x.authz).empty());
        return x;
    }();
    return f;
}

bool lowercase_hex_digest(std::string_view h) {
    if (h.size() != 7 + 64 || !h.starts_with("sha256:")) return false;
    for (char c : h.substr(7))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fixtures& fx = fixed();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = cellos::json::parse_execution_cell_document(text);
    if (!parsed) {
        cellos_fuzz::check_rejection(parsed, text);
        const auto h = cellos::canonical_spec_hash_of_text(text);
        CELLOS_FUZZ_REQUIRE(!h && h.error() == parsed.error());
        return 0;
    }
    const cellos::execution_cell_document& doc = parsed.value();

    // --- validation: no throw, deterministic, runtime == constexpr check, static storage agrees ----
    const auto violations = deterministic([&] { return cellos::validate_execution_cell_document(doc); });
    const auto issues = deterministic([&] { return cellos::check_execution_cell_document(doc); });
    CELLOS_FUZZ_REQUIRE(violations.size() == issues.size());
    CELLOS_FUZZ_REQUIRE(cellos::problems_of(issues) == violations);
    CELLOS_FUZZ_REQUIRE(cellos::is_valid(doc) == violations.empty());
    // The document's issues are the envelope's, then exactly the spec's under "/spec".
    const auto spec_issues = cellos::check_execution_cell_spec(doc.spec, cellos::json_path{} / "spec");
    CELLOS_FUZZ_REQUIRE(spec_issues.size() <= issues.size());
    CELLOS_FUZZ_REQUIRE(std::equal(spec_issues.begin(), spec_issues.end(), issues.end() - static_cast<std::ptrdiff_t>(spec_issues.size())));
    cellos_fuzz::arena a;
    const cellos::static_execution_cell_document static_doc = cellos_fuzz::view(doc, a);
    CELLOS_FUZZ_REQUIRE(cellos::check_execution_cell_document(static_doc) == issues);
    for (const auto& v : violations)
        CELLOS_FUZZ_REQUIRE(v.code == cellos::errc::invalid_spec || v.code == cellos::errc::argv_too_large);

    // --- codec: encode → text → parse is the identity; violations point into the document --------
    const boost::json::value value = check_round_trip(doc, [](std::string_view t) { return cellos::json::parse_execution_cell_document(t); });
    // Skipped when an integer exceeds 2^53: JCS rounds it to a double, so such documents share a
    // canonical form and a hash with their neighbours (reported to the lead, not trapped here).
    cellos_fuzz::check_canonical_identifies(doc, value, [](std::string_view t) { return cellos::json::parse_execution_cell_document(t); });
    cellos_fuzz::check_violations(violations, value);

    // --- canonical hash: form, determinism, stable across the round trip and both storages --------
    const std::string hash = deterministic([&] { return cellos::canonical_spec_hash(doc); });
    CELLOS_FUZZ_REQUIRE(lowercase_hex_digest(hash));
    CELLOS_FUZZ_REQUIRE(cellos::is_sha256_digest(hash));
    CELLOS_FUZZ_REQUIRE(cellos::canonical_spec_hash_of_text(text).value() == hash);
    CELLOS_FUZZ_REQUIRE(cellos::canonical_spec_hash_of_text(cellos::json::to_text(value)).value() == hash);
    CELLOS_FUZZ_REQUIRE(cellos::canonical_spec_hash(static_doc) == hash);
    CELLOS_FUZZ_REQUIRE(cellos::trust::sha256_digest_string(cellos::json::canonicalize(value).value()) == hash);

    // --- policy: the fuzzed spec against fixed packs ----------------------------------------------
    for (const auto& pack : fx.packs) cellos_fuzz::check_policy(doc, pack);

    // --- RBAC: the fuzzed spec under a fixed policy ---------------------------------------------
    for (std::string_view subject : {"ci-bot", "alice@example.org", "mallory", ""})
        cellos_fuzz::check_authorize(fx.authz.spec, subject, doc.spec);
    return 0;
}
