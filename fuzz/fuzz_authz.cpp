// libFuzzer target for AuthorizationPolicyDocument (RBAC): any bytes as the policy. A rejected input
// must carry a cellos::errc and a pointer into the document. An accepted one: validation never
// throws, is deterministic, agrees with the constexpr check (also on a constexpr_storage copy),
// reports invalid_policy and points into the document; encode → text → parse gives an equal policy;
// and authorize() of fixed specs (and of specs naming the policy's own pools and packs), for fixed
// subjects and the policy's own, equals an oracle written from the documented rules.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "admission_fuzz.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/policy/authorization.hpp"
#include "cellos/spec/validate.hpp"

namespace {

using cellos_fuzz::deterministic;

// A spec with pool and pack, one with neither.
constexpr std::string_view placed_spec = R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{
  "id":"build-7f3a","placement":{"poolId":"pool-eu-1","region":"eu-west"},"policy":{"packId":"baseline"},
  "authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":3600}}})";
constexpr std::string_view bare_spec =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"bare","authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":60}}})";

const std::vector<cellos::execution_cell_document>& fixed_specs() {
    static const std::vector<cellos::execution_cell_document> specs = [] {
        std::vector<cellos::execution_cell_document> v;
        for (std::string_view t : {placed_spec, bare_spec}) {
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
    const auto parsed = cellos::json::parse_authorization_policy_document(text);
    if (!parsed) {
        cellos_fuzz::check_rejection(parsed, text);
        return 0;
    }
    const cellos::authorization_policy_document& doc = parsed.value();
    const cellos::authorization_policy& policy = doc.spec;

    // --- structure: no throw, deterministic, runtime == constexpr check, static storage agrees ----
    const auto violations = deterministic([&] { return cellos::validate_authorization_policy(doc); });
    const auto issues = deterministic([&] { return cellos::check_authorization_policy_document(doc); });
    CELLOS_FUZZ_REQUIRE(violations.size() == issues.size());
    cellos_fuzz::arena a;
    CELLOS_FUZZ_REQUIRE(cellos::check_authorization_policy_document(cellos_fuzz::view(doc, a)) == issues);
    if (policy.max_cells_per_hour == 0u) {
        bool reported = false;
        for (const auto& v : violations) reported = reported || v.pointer == "/spec/maxCellsPerHour";
        CELLOS_FUZZ_REQUIRE(reported);
    }

    // --- codec: encode → text → parse is the identity; violations point into the document --------
    const boost::json::value value = cellos_fuzz::check_round_trip(
        doc, [](std::string_view t) { return cellos::json::parse_authorization_policy_document(t); });
    cellos_fuzz::check_canonical_identifies(doc, value, [](std::string_view t) { return cellos::json::parse_authorization_policy_document(t); });
    cellos_fuzz::check_violations(violations, value, cellos::errc::invalid_policy);

    // --- authorize: fixed specs and specs naming the policy's own pools / packs -------------------
    std::vector<std::string> subjects{"ci-bot", "alice@example.org", ""};
    for (std::size_t i = 0; i < std::min<std::size_t>(policy.subjects.size(), 3); ++i) subjects.push_back(policy.subjects[i]);
    std::vector<cellos::execution_cell_spec> probes;
    for (const auto& d : specs) probes.push_back(d.spec);
    for (std::size_t i = 0; i < std::min<std::size_t>(std::max(policy.allowed_pools.size(), policy.allowed_policy_packs.size()), 3); ++i) {
        cellos::execution_cell_spec s = specs.front().spec;
        if (i < policy.allowed_pools.size()) s.placement->pool_id = policy.allowed_pools[i];
        if (i < policy.allowed_policy_packs.size()) s.policy->pack_id = policy.allowed_policy_packs[i];
        probes.push_back(std::move(s));
    }
    for (const auto& spec : probes)
        for (const auto& subject : subjects) cellos_fuzz::check_authorize(policy, subject, spec);
    return 0;
}
