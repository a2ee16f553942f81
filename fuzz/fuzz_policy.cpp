// libFuzzer target for PolicyPackDocument admission: any bytes as the pack. A rejected input must
// carry a cellos::errc and a pointer into the document. An accepted one: validation never throws,
// is deterministic, agrees with the constexpr check (also on a constexpr_storage copy), reports
// invalid_policy and points into the document; the version verdict is consistent; encode → text →
// parse gives an equal pack; and fixed specs checked against the fuzzed pack agree with an
// independent oracle of the PolicyRules, with the placement scope and with admits().
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "admission_fuzz.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/policy/check.hpp"
#include "cellos/policy/version.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/util/semver.hpp"

namespace {

using cellos_fuzz::deterministic;

// Specs the fuzzed pack is applied to: a complete valid one (tenant acme, pool-eu-1, two egress
// rules, runtime secrets, limits); a minimal one (no run, no placement, no tenant); one that baits
// the DNS, secret and limit rules (tenant globex, unacknowledged port-53 egress, env secrets).
constexpr std::string_view full_spec = R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{
  "id":"build-7f3a","correlation":{"correlationId":"req-1","tenantId":"acme"},
  "placement":{"poolId":"pool-eu-1","region":"eu-west","zone":"eu-west-1a"},
  "policy":{"packId":"baseline","packVersion":"1.2.0"},
  "authority":{"secretRefs":["DB_PASSWORD","API_TOKEN"],
    "egressRules":[{"host":"api.example.com","port":443,"protocol":"tcp"},
      {"host":"ns1.example.org","port":53,"protocol":"udp","dnsEgressAcknowledged":true,"justification":"internal resolver"}],
    "dnsAuthority":{"resolvers":[{"resolverId":"corp","protocol":"do53-udp","endpoint":"10.0.0.53"}],"hostnameAllowlist":["*.example.org"]}},
  "lifetime":{"ttlSeconds":3600},
  "run":{"argv":["/usr/bin/make","test"],"secretDelivery":"runtimeBroker","timeoutMs":1800000,
    "limits":{"memoryMaxBytes":2147483648,"cpuMax":{"quotaMicros":200000}}}}})";
constexpr std::string_view minimal_spec =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"min","authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":60}}})";
constexpr std::string_view bait_spec = R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{
  "id":"dns-talker","correlation":{"tenantId":"globex"},"placement":{"poolId":"pool-us-1","region":"us-east"},
  "authority":{"secretRefs":["PUBLIC_TOKEN","DB_PASSWORD"],
    "egressRules":[{"host":"9.9.9.9","port":53,"protocol":"udp"},
      {"host":"resolver.example.net","port":53,"protocol":"tcp","dnsEgressAcknowledged":false},
      {"host":"deep.api.example.org","port":8443,"protocol":"tcp"}]},
  "lifetime":{"ttlSeconds":172800},
  "run":{"argv":["/app"],"secretDelivery":"env","limits":{"memoryMaxBytes":17179869184}}}})";

const std::vector<cellos::execution_cell_document>& fixed_specs() {
    static const std::vector<cellos::execution_cell_document> specs = [] {
        std::vector<cellos::execution_cell_document> v;
        for (std::string_view t : {full_spec, minimal_spec, bait_spec}) {
            v.push_back(cellos_fuzz::fixed(cellos::json::parse_execution_cell_document(t)));
            CELLOS_FUZZ_REQUIRE(cellos::validate_execution_cell_document(v.back()).empty());
        }
        return v;
    }();
    return specs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& specs = fixed_specs();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = cellos::json::parse_policy_pack_document(text);
    if (!parsed) {
        cellos_fuzz::check_rejection(parsed, text);
        return 0;
    }
    const cellos::policy_pack_document& pack = parsed.value();

    // --- structure: no throw, deterministic, runtime == constexpr check, static storage agrees ----
    const auto violations = deterministic([&] { return cellos::validate_policy_pack_document(pack); });
    const auto issues = deterministic([&] { return cellos::check_policy_pack_document(pack); });
    CELLOS_FUZZ_REQUIRE(violations.size() == issues.size());
    cellos_fuzz::arena a;
    CELLOS_FUZZ_REQUIRE(cellos::check_policy_pack_document(cellos_fuzz::view(pack, a)) == issues);
    const bool contradictory = pack.spec.rules.require_egress_declared && pack.spec.rules.forbid_outbound_egress_rules;
    bool reported_contradiction = false;
    for (const auto& v : violations) reported_contradiction = reported_contradiction || v.rule == "contradictoryRules";
    CELLOS_FUZZ_REQUIRE(reported_contradiction == contradictory);

    // --- version floor: the verdict follows the semver rules ------------------------------------
    const auto verdict = deterministic([&] { return cellos::policy_pack_version_verdict(pack.spec, cellos::allow_downgrade::no); });
    const auto lenient = cellos::policy_pack_version_verdict(pack.spec, cellos::allow_downgrade::yes);
    using vv = cellos::policy_version_verdict;
    if (!pack.spec.version) CELLOS_FUZZ_REQUIRE(verdict == vv::supported && lenient == vv::supported);
    else if (!cellos::is_semver(*pack.spec.version)) CELLOS_FUZZ_REQUIRE(verdict == vv::not_semver && lenient == vv::not_semver);
    else if (verdict == vv::supported) CELLOS_FUZZ_REQUIRE(lenient == vv::supported);
    else CELLOS_FUZZ_REQUIRE(verdict == vv::below_floor && lenient == vv::downgrade_allowed);
    CELLOS_FUZZ_REQUIRE(cellos::check_policy_pack_version_compatibility(pack.spec, cellos::allow_downgrade::no).has_value() ==
                        (verdict == vv::supported));
    CELLOS_FUZZ_REQUIRE(cellos::check_policy_pack_version_compatibility(pack.spec, cellos::allow_downgrade::yes).has_value() ==
                        (verdict != vv::not_semver));

    // --- codec: encode → text → parse is the identity; violations point into the document --------
    const boost::json::value value =
        cellos_fuzz::check_round_trip(pack, [](std::string_view t) { return cellos::json::parse_policy_pack_document(t); });
    cellos_fuzz::check_violations(violations, value, cellos::errc::invalid_policy);

    // --- policy: fixed specs against the fuzzed pack ----------------------------------------------
    for (const auto& doc : specs) cellos_fuzz::check_policy(doc, pack);
    return 0;
}
