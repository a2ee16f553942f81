// examples/supervisor_generic.cpp — generic supervisor code templated on authority kind.
// The JSON boundary yields std::variant<authority<K, Tier, Status>...>; the supervisor visits it and
// makes decisions with the static type in hand: no runtime tier checks, no casts.
#include <iostream>
#include <string_view>
#include <variant>

#include "cellos/json.hpp"

namespace supervisor {

/// What the supervisor does with egress to the authority's host.
enum class egress_decision { allow, allow_with_audit, deny };

// [example: policy]
/// Policy written once, for every kind: tier >= 2 allows, Declared never does on its own.
template <cellos::TypedAuthority A>
constexpr egress_decision decide() {
    if constexpr (A::authority_kind == cellos::authority_kind::declared) return egress_decision::deny;
    else if constexpr (A::tier >= 3) return egress_decision::allow;
    else if constexpr (A::tier == 2) return egress_decision::allow_with_audit;
    else return egress_decision::deny;
}
static_assert(decide<cellos::declared_authority<1>>() == egress_decision::deny);
static_assert(decide<cellos::proven_authority<4>>() == egress_decision::allow);
// [end: policy]

/// Admission for one kind K: parse, then dispatch on the static type.
template <cellos::authority_kind K>
int admit(std::string_view document) {
    auto parsed = cellos::json::parse_authority<K>(document);
    if (!parsed) {
        std::cout << "rejected: " << parsed.error().code_name() << " at " << parsed.error().pointer << "\n";
        return 1;
    }
    return std::visit(
        [](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            constexpr egress_decision d = decide<A>();
            std::cout << to_wire(A::authority_kind) << " tier " << A::tier << " " << to_wire(A::status) << " -> "
                      << (d == egress_decision::allow ? "allow" : d == egress_decision::allow_with_audit ? "audit" : "deny")
                      << "\n";
            return 0;
        },
        parsed.value());
}

}  // namespace supervisor

int main() {
    constexpr std::string_view sni = R"({"derivation":{"inputs":[{"input_type":"SNI","value":"api.example.com","confidence":0.95}],
        "rules_applied":[{"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"}],
        "output":{"tier":2,"confidence":0.95,"epistemic_status":"DIRECT_OBSERVATION","binding_status":"NOT_APPLICABLE"}}})";
    constexpr std::string_view guest = R"({"derivation":{"inputs":[{"input_type":"GUEST_DECLARATION","value":"api.example.com","confidence":0.5}],
        "rules_applied":[{"rule":"GUEST_AGENT_DECLARED","class":"GUEST_AGENT_DECLARATION"}],
        "output":{"tier":1,"confidence":0.5,"epistemic_status":"DECLARED","binding_status":"NOT_APPLICABLE"}}})";
    const int a = supervisor::admit<cellos::authority_kind::observed>(sni);
    const int b = supervisor::admit<cellos::authority_kind::declared>(guest);
    const int c = supervisor::admit<cellos::authority_kind::proven>(sni);  // rejected: no proof rule, no artifact
    return (a == 0 && b == 0 && c == 1) ? 0 : 1;
}
