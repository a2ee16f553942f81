// cellos/authority/artifact.hpp — the verified-proof artifact every Proven authority carries
// (upstream ProvenAuthorityArtifact). Verification happens upstream of cellos (decision D11:
// no keys here); this only records which proof was checked.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <variant>

#include "cellos/detail/enum_table.hpp"

namespace cellos {

struct jws_verified {
    std::string kid;  ///< the workload-bound key the JWS verified against
    friend bool operator==(const jws_verified&, const jws_verified&) = default;
};
struct dane_tlsa_bound {
    std::string tlsa_record_id;  ///< the DNSSEC-validated TLSA record that matched
    friend bool operator==(const dane_tlsa_bound&, const dane_tlsa_bound&) = default;
};
struct svid_chain_verified {
    std::string spiffe_id;  ///< the SPIFFE ID the verified chain bound to
    friend bool operator==(const svid_chain_verified&, const svid_chain_verified&) = default;
};

using proven_authority_artifact = std::variant<jws_verified, dane_tlsa_bound, svid_chain_verified>;

/// Wire tag (externally tagged, SCREAMING_SNAKE_CASE: our choice) and field name per alternative.
struct artifact_wire {
    std::string_view tag;
    std::string_view field;
};
inline constexpr std::array<artifact_wire, 3> artifact_wire_names{{
    {"JWS_VERIFIED", "kid"},
    {"DANE_TLSA_BOUND", "tlsa_record_id"},
    {"SVID_CHAIN_VERIFIED", "spiffe_id"},
}};

/// The identifier the artifact carries, whichever alternative it is.
[[nodiscard]] inline std::string_view artifact_id(const proven_authority_artifact& a) noexcept {
    return std::visit(
        [](const auto& v) -> std::string_view {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, jws_verified>) return v.kid;
            else if constexpr (std::is_same_v<T, dane_tlsa_bound>) return v.tlsa_record_id;
            else return v.spiffe_id;
        },
        a);
}

/// "Non-trivial" (upstream): the identifier is non-empty.
[[nodiscard]] inline bool is_usable(const proven_authority_artifact& a) noexcept {
    return !artifact_id(a).empty();
}

}  // namespace cellos
