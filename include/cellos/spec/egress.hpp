// cellos/spec/egress.hpp — one declared outbound flow (spec.authority.egressRules[]). Equality of
// rules is upstream's: host case-insensitively, port and protocol exactly.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos {

enum class egress_protocol { tcp, udp };

template <>
struct detail::enum_names<egress_protocol> {
    static constexpr std::array<std::string_view, 2> wire{"tcp", "udp"};
};

inline constexpr std::uint16_t dns_port = 53;

template <Storage S = runtime_storage>
struct basic_egress_rule {
    typename S::string host{};
    std::uint16_t port{};
    egress_protocol protocol{};
    /// Port-53 flows only: the author acknowledges that the cell talks DNS directly
    /// (PolicyRules.flagDnsEgressWithoutAcknowledgment).
    std::optional<bool> dns_egress_acknowledged{};
    /// Why the flow is needed (PolicyRules.requireDnsEgressJustification for port 53).
    std::optional<typename S::string> justification{};

    [[nodiscard]] constexpr bool is_dns() const noexcept { return port == dns_port; }

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"host", &basic_egress_rule::host},
                          detail::field{"port", &basic_egress_rule::port},
                          detail::field{"protocol", &basic_egress_rule::protocol},
                          detail::field{"dnsEgressAcknowledged", &basic_egress_rule::dns_egress_acknowledged},
                          detail::field{"justification", &basic_egress_rule::justification}};
    }
    friend constexpr bool operator==(const basic_egress_rule&, const basic_egress_rule&) = default;
};

using egress_rule = basic_egress_rule<>;

/// Upstream's rule identity: same host (ASCII case-insensitive), port and protocol.
template <Storage A, Storage B>
[[nodiscard]] constexpr bool same_flow(const basic_egress_rule<A>& a, const basic_egress_rule<B>& b) noexcept {
    return a.port == b.port && a.protocol == b.protocol && cellos::detail::ascii_iequals(a.host, b.host);
}

}  // namespace cellos
