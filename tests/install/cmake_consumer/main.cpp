// A CMake consumer of an installed cellos-core (tests/install/run_install.py): the JSON boundary
// (cellos::json, Boost.JSON) and the spec hash (cellos::trust, Crypto++) through cellos::core.
#include <iostream>

#include <cellos/json.hpp>
#include <cellos/trust.hpp>

int main() {
    auto authority = cellos::json::parse_authority<cellos::authority_kind::observed>(
        R"({"derivation":{"inputs":[{"input_type":"SNI","value":"a.example","confidence":1}],)"
        R"("rules_applied":[{"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"}],)"
        R"("output":{"tier":2,"confidence":1,"epistemic_status":"DIRECT_OBSERVATION","binding_status":"NOT_APPLICABLE"}}})");
    auto hash = cellos::canonical_spec_hash_of_text(
        R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell",)"
        R"("spec":{"id":"demo-cell-001","authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":300}}})");
    if (!authority || !hash) {
        std::cerr << "rejected: " << (authority ? hash.error() : authority.error()).code_name() << "\n";
        return 1;
    }
    std::cout << "observed authority admitted; spec hash " << hash.value() << "\n";
    return 0;
}
