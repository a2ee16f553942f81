// cellos/policy/version.hpp — the policy-pack version floor (upstream P4-04). A pack below the
// compiled-in floor is refused unless the operator allowed a downgrade; the core reads no
// environment, so the caller passes that decision (it reads CELLOS_POLICY_ALLOW_DOWNGRADE=1).
#pragma once

#include <string_view>

#include "cellos/error.hpp"
#include "cellos/policy/pack.hpp"
#include "cellos/util/semver.hpp"

namespace cellos {

/// Our floor: the first pack schema this library implements (upstream's value is unpublished).
inline constexpr std::string_view min_supported_policy_pack_version = "1.0.0";
/// Upstream's variable name; "1" enables a downgrade. Read by applications, never by the core.
inline constexpr std::string_view policy_allow_downgrade_env = "CELLOS_POLICY_ALLOW_DOWNGRADE";

static_assert(is_semver(min_supported_policy_pack_version));

enum class allow_downgrade : bool { no = false, yes = true };

enum class policy_version_verdict {
    supported,            ///< at or above the floor (or absent: counts as the floor)
    downgrade_allowed,    ///< below the floor, accepted because the caller allowed it
    below_floor,          ///< below the floor: refused
    not_semver,           ///< unparseable: refused whatever the decision
};

/// Upstream's rule: absent version = the floor = supported.
template <Storage S>
[[nodiscard]] constexpr policy_version_verdict policy_pack_version_verdict(const basic_policy_pack_spec<S>& pack,
                                                                           allow_downgrade allow) noexcept {
    if (!pack.version) return policy_version_verdict::supported;
    const auto v = parse_semver(*pack.version);
    if (!v) return policy_version_verdict::not_semver;
    if (compare_precedence(*v, *parse_semver(min_supported_policy_pack_version)) >= 0) return policy_version_verdict::supported;
    return allow == allow_downgrade::yes ? policy_version_verdict::downgrade_allowed : policy_version_verdict::below_floor;
}

/// Upstream `check_policy_pack_version_compatibility`: ok, or policy_version_unsupported.
template <Storage S>
[[nodiscard]] result<void> check_policy_pack_version_compatibility(const basic_policy_pack_spec<S>& pack, allow_downgrade allow) {
    switch (policy_pack_version_verdict(pack, allow)) {
        case policy_version_verdict::supported:
        case policy_version_verdict::downgrade_allowed: return boost::outcome_v2::success();
        case policy_version_verdict::below_floor:
        case policy_version_verdict::not_semver: break;
    }
    return make_error_code(errc::policy_version_unsupported);
}

}  // namespace cellos
