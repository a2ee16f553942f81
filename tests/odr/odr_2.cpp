// ODR check, TU 2 (see odr_1.cpp).
#include "cellos/cellos.hpp"
#include "cellos/json.hpp"

const boost::system::error_category* category_from_tu2() { return &cellos::error_category(); }

int tier_from_tu2() {
    auto r = cellos::json::parse_authority<cellos::authority_kind::declared>(
        R"({"derivation":{"inputs":[{"input_type":"GUEST_DECLARATION","value":"y","confidence":0.4}],)"
        R"("rules_applied":[{"rule":"GUEST_AGENT_DECLARED","class":"GUEST_AGENT_DECLARATION"}],)"
        R"("output":{"tier":1,"confidence":0.4,"epistemic_status":"DECLARED","binding_status":"NOT_APPLICABLE"}}})");
    return r ? std::visit([](const auto& a) { return a.tier; }, r.value()) : -1;
}
