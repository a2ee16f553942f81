// cellos/authority/input_type.hpp — the canonical type of one evidence atom (upstream
// AuthorityInputType; only SNI is confirmed, the list is our choice: docs/authority.md#input-types).
#pragma once

#include <array>
#include <string_view>

#include "cellos/detail/enum_table.hpp"

namespace cellos {

enum class authority_input_type : int {
    sni,                ///< TLS ClientHello server_name
    host_header,        ///< HTTP/1.1 Host
    h2_authority,       ///< HTTP/2 / HTTP/3 :authority pseudo-header
    dns_answer,         ///< an answer record the resolver returned
    destination_ip,     ///< the address the flow actually connected to
    jws,                ///< a JWS authority claim
    dane_tlsa,          ///< a DNSSEC-validated TLSA record
    spiffe_svid,        ///< a SPIFFE SVID (X.509 or JWT)
    ech_config,         ///< an ECH outer ClientHello (inner SNI withheld)
    tls_termination,    ///< plaintext seen by the supervisor's terminating proxy
    sni_rewrite,        ///< the SNI the supervisor imposed
    guest_declaration,  ///< a declaration forwarded by the in-VM agent over vsock
};

template <>
struct detail::enum_names<authority_input_type> {
    static constexpr std::array<std::string_view, 12> wire{
        "SNI",       "HOST_HEADER",     "H2_AUTHORITY", "DNS_ANSWER",
        "DESTINATION_IP", "JWS",        "DANE_TLSA",    "SPIFFE_SVID",
        "ECH_CONFIG", "TLS_TERMINATION", "SNI_REWRITE", "GUEST_DECLARATION"};
};

}  // namespace cellos
