// cellos/spec/context.hpp — the small blocks that place a cell in its organisation: correlation
// (who asked, for which run), placement (where), the policy pack it claims, its lifetime, its
// workload identity and the telemetry it emits.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

template <Storage S = runtime_storage>
struct basic_correlation {
    std::optional<typename S::string> correlation_id{};  ///< upstream: the broker's fallback session id
    std::optional<typename S::string> tenant_id{};       ///< upstream: what RBAC subjects are matched against

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"correlationId", &basic_correlation::correlation_id},
                          detail::field{"tenantId", &basic_correlation::tenant_id}};
    }
    friend constexpr bool operator==(const basic_correlation&, const basic_correlation&) = default;
};

/// Where a cell may run. poolId is upstream's; region and zone are our axes. A policy pack's
/// placement scope uses the same type (a populated field must match, an absent one matches any).
template <Storage S = runtime_storage>
struct basic_placement_spec {
    std::optional<typename S::string> pool_id{};
    std::optional<typename S::string> region{};
    std::optional<typename S::string> zone{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"poolId", &basic_placement_spec::pool_id},
                          detail::field{"region", &basic_placement_spec::region},
                          detail::field{"zone", &basic_placement_spec::zone}};
    }
    friend constexpr bool operator==(const basic_placement_spec&, const basic_placement_spec&) = default;
};

template <Storage S = runtime_storage>
struct basic_policy_ref {
    typename S::string pack_id{};
    std::optional<typename S::string> pack_version{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"packId", &basic_policy_ref::pack_id},
                          detail::field{"packVersion", &basic_policy_ref::pack_version}};
    }
    friend constexpr bool operator==(const basic_policy_ref&, const basic_policy_ref&) = default;
};

struct lifetime {
    std::uint64_t ttl_seconds{};

    static constexpr auto wire_fields() { return std::tuple{detail::field{"ttlSeconds", &lifetime::ttl_seconds}}; }
    friend constexpr bool operator==(const lifetime&, const lifetime&) = default;
};

/// Our wire names: a SPIFFE SVID (needs `spiffeId`) or an OIDC token (needs `audience`).
enum class workload_identity_kind { spiffe, oidc };
template <>
struct detail::enum_names<workload_identity_kind> {
    static constexpr std::array<std::string_view, 2> wire{"spiffe", "oidc"};
};

template <Storage S = runtime_storage>
struct basic_workload_identity {
    workload_identity_kind kind{};
    std::optional<typename S::string> spiffe_id{};
    std::optional<typename S::string> audience{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"kind", &basic_workload_identity::kind},
                          detail::field{"spiffeId", &basic_workload_identity::spiffe_id},
                          detail::field{"audience", &basic_workload_identity::audience}};
    }
    friend constexpr bool operator==(const basic_workload_identity&, const basic_workload_identity&) = default;
};

/// Our wire names for what a cell's telemetry agent forwards.
enum class telemetry_channel { events, logs, metrics, traces };
template <>
struct detail::enum_names<telemetry_channel> {
    static constexpr std::array<std::string_view, 4> wire{"events", "logs", "metrics", "traces"};
};

template <Storage S = runtime_storage>
struct basic_telemetry_spec {
    typename S::template list<telemetry_channel> channels{};

    static constexpr auto wire_fields() { return std::tuple{detail::field{"channels", &basic_telemetry_spec::channels}}; }
    friend constexpr bool operator==(const basic_telemetry_spec&, const basic_telemetry_spec&) = default;
};

using correlation = basic_correlation<>;
using placement_spec = basic_placement_spec<>;
using policy_ref = basic_policy_ref<>;
using workload_identity = basic_workload_identity<>;
using telemetry_spec = basic_telemetry_spec<>;

}  // namespace cellos
