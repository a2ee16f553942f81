// cellos/authority/rule.hpp — the concrete rules a derivation may apply, each with exactly one
// canonical rule class. Upstream confirms only RAW_SNI_OBSERVED; the list is our choice
// (docs/authority.md#rules).
#pragma once

#include <array>
#include <string_view>

#include "cellos/authority/rule_class.hpp"
#include "cellos/detail/enum_table.hpp"

namespace cellos {

enum class rule : int {
    // raw_observation
    raw_sni_observed,
    raw_host_header_observed,
    raw_h2_authority_observed,
    raw_dns_answer_observed,
    raw_destination_ip_observed,
    // structural_alignment
    sni_host_header_aligned,
    sni_h2_authority_aligned,
    dns_answer_destination_aligned,
    // cryptographic_proof
    jws_signature_verified,
    dane_tlsa_matched,
    svid_chain_verified,
    // opacity
    ech_inner_sni_withheld,
    sni_absent,
    // imposed_interception
    imposed_tls_termination,
    imposed_sni_rewrite,
    // guest_agent_declaration
    guest_agent_declared,
};

template <>
struct detail::enum_names<rule> {
    static constexpr std::array<std::string_view, 16> wire{
        "RAW_SNI_OBSERVED",        "RAW_HOST_HEADER_OBSERVED",
        "RAW_H2_AUTHORITY_OBSERVED", "RAW_DNS_ANSWER_OBSERVED",
        "RAW_DESTINATION_IP_OBSERVED", "SNI_HOST_HEADER_ALIGNED",
        "SNI_H2_AUTHORITY_ALIGNED", "DNS_ANSWER_DESTINATION_ALIGNED",
        "JWS_SIGNATURE_VERIFIED",  "DANE_TLSA_MATCHED",
        "SVID_CHAIN_VERIFIED",     "ECH_INNER_SNI_WITHHELD",
        "SNI_ABSENT",              "IMPOSED_TLS_TERMINATION",
        "IMPOSED_SNI_REWRITE",     "GUEST_AGENT_DECLARED"};
};

/// The one canonical class of each rule (checked against AppliedRule::class: RuleClassMismatch).
[[nodiscard]] constexpr rule_class canonical_class(rule r) noexcept {
    constexpr std::array<rule_class, 16> table{
        rule_class::raw_observation,         rule_class::raw_observation,
        rule_class::raw_observation,         rule_class::raw_observation,
        rule_class::raw_observation,         rule_class::structural_alignment,
        rule_class::structural_alignment,    rule_class::structural_alignment,
        rule_class::cryptographic_proof,     rule_class::cryptographic_proof,
        rule_class::cryptographic_proof,     rule_class::opacity,
        rule_class::opacity,                 rule_class::imposed_interception,
        rule_class::imposed_interception,    rule_class::guest_agent_declaration,
    };
    return table[static_cast<std::size_t>(r)];
}

}  // namespace cellos
