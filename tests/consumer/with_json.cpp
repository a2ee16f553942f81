// Uses the JSON component through the aggregate dependency.
#include "cellos/json.hpp"

int main() {
    auto r = cellos::json::parse_authority<cellos::authority_kind::observed>(
        R"({"derivation":{"inputs":[{"input_type":"SNI","value":"a.example","confidence":1}],)"
        R"("rules_applied":[{"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"}],)"
        R"("output":{"tier":2,"confidence":1,"epistemic_status":"DIRECT_OBSERVATION","binding_status":"NOT_APPLICABLE"}}})");
    return r.has_value() ? 0 : 1;
}
