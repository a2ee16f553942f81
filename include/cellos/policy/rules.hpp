// cellos/policy/rules.hpp — the policy rule ids: one enumerator per PolicyRules member, whose wire id
// is that member's JSON name taken from the PolicyRules wire_fields() table (upstream: "rule ids
// are the camelCase field names"), so the id, the codec and the docs cannot disagree. Violations
// of these rules carry errc::policy_violation.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>

#include "cellos/detail/enum_table.hpp"
#include "cellos/policy/pack.hpp"

namespace cellos {

/// In PolicyRules member order, which is also the order violations are reported in.
enum class policy_rule {
    max_lifetime_ttl_seconds,
    max_memory_max_bytes,
    max_run_timeout_ms,
    require_egress_declared,
    forbid_outbound_egress_rules,
    allowed_egress_hosts,
    require_runtime_secret_delivery,
    require_resource_limits,
    flag_dns_egress_without_acknowledgment,
    require_dns_egress_justification,
    secret_ref_allowlist,
};

template <>
struct detail::enum_names<policy_rule> {
    static constexpr auto wire = [] {
        std::array<std::string_view, std::tuple_size_v<decltype(policy_rules::wire_fields())>> out{};
        std::size_t i = 0;
        std::apply([&](const auto&... f) { ((out[i++] = f.name), ...); }, policy_rules::wire_fields());
        return out;
    }();
};
static_assert(detail::enum_count<policy_rule> == 11 && to_wire(policy_rule::secret_ref_allowlist) == "secretRefAllowlist",
              "one policy_rule per PolicyRules member, in member order");

}  // namespace cellos
