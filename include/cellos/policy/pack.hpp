// cellos/policy/pack.hpp — PolicyPackDocument (apiVersion "cellos.io/v1", kind "PolicyPack"): an
// operator's admission constraints. PolicyRules has upstream's 11 members; a violation's rule id is
// the member's JSON name, taken from the same wire table the codec uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/document_envelope.hpp"
#include "cellos/spec/context.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

inline constexpr std::string_view policy_pack_kind = "PolicyPack";

/// Every member optional: absent = no restriction on that axis; an empty rule set is a valid
/// audit-only pack. The two DNS members are tri-state as upstream (Option<bool>).
template <Storage S = runtime_storage>
struct basic_policy_rules {
    std::optional<std::uint64_t> max_lifetime_ttl_seconds{};
    std::optional<std::uint64_t> max_memory_max_bytes{};
    std::optional<std::uint64_t> max_run_timeout_ms{};
    bool require_egress_declared{};
    bool forbid_outbound_egress_rules{};
    typename S::template list<typename S::string> allowed_egress_hosts{};
    bool require_runtime_secret_delivery{};
    bool require_resource_limits{};
    std::optional<bool> flag_dns_egress_without_acknowledgment{};
    std::optional<bool> require_dns_egress_justification{};
    /// tenant id (spec.correlation.tenantId) → secret refs its cells may request; "*" = every
    /// other tenant (our semantics: upstream does not document the key).
    std::optional<string_map<S, typename S::template list<typename S::string>>> secret_ref_allowlist{};

    static constexpr auto wire_fields() {
        using T = basic_policy_rules;
        using detail::defaulted;
        return std::tuple{detail::field{"maxLifetimeTtlSeconds", &T::max_lifetime_ttl_seconds},
                          detail::field{"maxMemoryMaxBytes", &T::max_memory_max_bytes},
                          detail::field{"maxRunTimeoutMs", &T::max_run_timeout_ms},
                          detail::field{"requireEgressDeclared", &T::require_egress_declared, defaulted},
                          detail::field{"forbidOutboundEgressRules", &T::forbid_outbound_egress_rules, defaulted},
                          detail::field{"allowedEgressHosts", &T::allowed_egress_hosts, defaulted},
                          detail::field{"requireRuntimeSecretDelivery", &T::require_runtime_secret_delivery, defaulted},
                          detail::field{"requireResourceLimits", &T::require_resource_limits, defaulted},
                          detail::field{"flagDnsEgressWithoutAcknowledgment", &T::flag_dns_egress_without_acknowledgment},
                          detail::field{"requireDnsEgressJustification", &T::require_dns_egress_justification},
                          detail::field{"secretRefAllowlist", &T::secret_ref_allowlist}};
    }
    friend constexpr bool operator==(const basic_policy_rules&, const basic_policy_rules&) = default;
};

template <Storage S = runtime_storage>
struct basic_policy_pack_spec {
    typename S::string id{};
    std::optional<typename S::string> description{};
    std::optional<typename S::string> version{};  ///< semver; absent = the supported floor
    std::optional<basic_placement_spec<S>> placement{};  ///< scope; absent = global pack
    basic_policy_rules<S> rules{};

    static constexpr auto wire_fields() {
        using T = basic_policy_pack_spec;
        return std::tuple{detail::field{"id", &T::id}, detail::field{"description", &T::description},
                          detail::field{"version", &T::version}, detail::field{"placement", &T::placement},
                          detail::field{"rules", &T::rules, detail::defaulted}};
    }
    friend constexpr bool operator==(const basic_policy_pack_spec&, const basic_policy_pack_spec&) = default;
};

template <Storage S = runtime_storage>
using basic_policy_pack_document = basic_document<basic_policy_pack_spec, S>;

using policy_rules = basic_policy_rules<>;
using policy_pack_spec = basic_policy_pack_spec<>;
using policy_pack_document = basic_policy_pack_document<>;
using static_policy_pack_spec = basic_policy_pack_spec<constexpr_storage>;
using static_policy_pack_document = basic_policy_pack_document<constexpr_storage>;

}  // namespace cellos
