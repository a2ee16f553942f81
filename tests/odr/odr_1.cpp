// ODR check, TU 1: every public header, with inline functions and the error category, in a TU that
// is linked with odr_2.cpp. A duplicate definition or a second category object fails here.
#include "cellos/cellos.hpp"
#include "cellos/json.hpp"

const boost::system::error_category* category_from_tu2();
int tier_from_tu2();

int main() {
    if (&cellos::error_category() != category_from_tu2()) return 1;
    auto r = cellos::json::parse_authority<cellos::authority_kind::declared>(
        R"({"derivation":{"inputs":[{"input_type":"GUEST_DECLARATION","value":"x","confidence":0.5}],)"
        R"("rules_applied":[{"rule":"GUEST_AGENT_DECLARED","class":"GUEST_AGENT_DECLARATION"}],)"
        R"("output":{"tier":1,"confidence":0.5,"epistemic_status":"DECLARED","binding_status":"NOT_APPLICABLE"}}})");
    if (!r) return 2;
    return std::visit([](const auto& a) { return a.tier; }, r.value()) == tier_from_tu2() ? 0 : 3;
}
