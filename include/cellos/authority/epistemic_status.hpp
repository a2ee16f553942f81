// cellos/authority/epistemic_status.hpp — what kind of knowing an authority claim rests on.
// Upstream confirms DIRECT_OBSERVATION, DECLARED and the reserved STATISTICALLY_BOUNDED; the other
// names are our choice (docs/authority.md#epistemic-status).
#pragma once

#include <array>
#include <string_view>

#include "cellos/detail/enum_table.hpp"

namespace cellos {

enum class epistemic_status : int {
    direct_observation,        ///< only raw observations
    structurally_aligned,      ///< protocol-mandated signals agree
    cryptographically_proven,  ///< a signature / DANE / SVID check passed
    imposed_observation,       ///< the supervisor terminated the flow and saw plaintext
    opaque,                    ///< an expected signal was deliberately withheld
    declared,                  ///< the guest said so (ADR-0006); the floor of the ladder
    statistically_bounded,     ///< reserved (§5a): never canonical for any class set
};

template <>
struct detail::enum_names<epistemic_status> {
    static constexpr std::array<std::string_view, 7> wire{
        "DIRECT_OBSERVATION", "STRUCTURALLY_ALIGNED", "CRYPTOGRAPHICALLY_PROVEN",
        "IMPOSED_OBSERVATION", "OPAQUE", "DECLARED", "STATISTICALLY_BOUNDED"};
};

}  // namespace cellos
