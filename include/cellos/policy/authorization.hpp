// cellos/policy/authorization.hpp — the RBAC gate (upstream T12 / ADR-0007): which subjects may
// admit cells, into which pools, under which packs, how many per hour. Exact string equality
// everywhere (no globs); an empty subject list denies everyone; other empty lists are unrestricted.
// The per-subject hourly counter lives in the supervisor: the caller passes its current value.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/document_envelope.hpp"
#include "cellos/spec/document.hpp"
#include "cellos/spec/validate.hpp"

namespace cellos {

inline constexpr std::string_view authorization_policy_kind = "AuthorizationPolicy";

template <Storage S = runtime_storage>
struct basic_authorization_policy {
    typename S::template list<typename S::string> subjects{};
    typename S::template list<typename S::string> allowed_pools{};
    typename S::template list<typename S::string> allowed_policy_packs{};
    std::optional<std::uint32_t> max_cells_per_hour{};

    static constexpr auto wire_fields() {
        using T = basic_authorization_policy;
        return std::tuple{detail::field{"subjects", &T::subjects},
                          detail::field{"allowedPools", &T::allowed_pools, detail::defaulted},
                          detail::field{"allowedPolicyPacks", &T::allowed_policy_packs, detail::defaulted},
                          detail::field{"maxCellsPerHour", &T::max_cells_per_hour}};
    }
    friend constexpr bool operator==(const basic_authorization_policy&, const basic_authorization_policy&) = default;
};

/// Our envelope, by analogy with the other documents: apiVersion, kind "AuthorizationPolicy", spec.
template <Storage S = runtime_storage>
using basic_authorization_policy_document = basic_document<basic_authorization_policy, S>;

using authorization_policy = basic_authorization_policy<>;
using authorization_policy_document = basic_authorization_policy_document<>;
using static_authorization_policy = basic_authorization_policy<constexpr_storage>;
using static_authorization_policy_document = basic_authorization_policy_document<constexpr_storage>;

/// Structure: envelope values; subjects, pools and pack ids non-empty text without control
/// characters (pools and packs also portable identifiers), no duplicates; maxCellsPerHour ≥ 1 (0
/// would deny silently: an empty subject list says that explicitly). Rule ids from spec/rules.hpp.
template <Storage S>
[[nodiscard]] constexpr findings<spec_rule> check_authorization_policy_document(
    const basic_authorization_policy_document<S>& doc, std::size_t capacity = findings<spec_rule>::unlimited) {
    using D = basic_authorization_policy_document<S>;
    using A = basic_authorization_policy<S>;
    detail::spec_checker<S> c{capacity};
    if (std::string_view(doc.api_version) != api_version_v1) c.add(spec_rule::api_version, json_path{} / wire<&D::api_version>);
    if (std::string_view(doc.kind) != authorization_policy_kind) c.add(spec_rule::kind, json_path{} / wire<&D::kind>);
    const json_path s = json_path{} / wire<&D::spec>;
    const A& p = doc.spec;
    const auto text_list = [&](const auto& list, const json_path& at, bool identifiers) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            identifiers ? c.identifier(list[i], at / i) : c.text(list[i], at / i);
            c.unique_at(list, i, at, c.as_view, std::less<>{});
        }
    };
    text_list(p.subjects, s / wire<&A::subjects>, false);
    text_list(p.allowed_pools, s / wire<&A::allowed_pools>, true);
    text_list(p.allowed_policy_packs, s / wire<&A::allowed_policy_packs>, true);
    if (p.max_cells_per_hour) c.positive(*p.max_cells_per_hour, s / wire<&A::max_cells_per_hour>);
    return std::move(c.issues);
}

/// Upstream `validate_authorization_policy`: every structural violation (errc::invalid_policy).
template <Storage S>
[[nodiscard]] problem_list validate_authorization_policy(const basic_authorization_policy_document<S>& doc,
                                                         std::size_t max_problems = problem_list::unlimited) {
    return problems_of(check_authorization_policy_document(doc, max_problems), errc::invalid_policy, max_problems);
}

/// Why a request was denied; `allowed` when it was not.
enum class authorization_verdict {
    allowed,
    subject_not_listed,      ///< not in subjects (always the case for an empty list)
    pool_not_allowed,        ///< allowedPools is non-empty and the pool is absent or not listed
    policy_pack_not_allowed, ///< allowedPolicyPacks is non-empty and the pack is absent or not listed
    rate_limited,            ///< cells already admitted this hour ≥ maxCellsPerHour
};
template <>
struct detail::enum_names<authorization_verdict> {
    static constexpr std::array<std::string_view, 5> wire{"allowed", "subjectNotListed", "poolNotAllowed",
                                                          "policyPackNotAllowed", "rateLimited"};
};

struct authorization_request {
    std::string_view subject;
    std::optional<std::string_view> pool_id{};          ///< spec.placement.poolId
    std::optional<std::string_view> policy_pack_id{};   ///< spec.policy.packId
    std::uint32_t cells_admitted_this_hour = 0;         ///< the supervisor's rolling counter
};

/// The request a spec makes on behalf of `subject`.
template <Storage S>
[[nodiscard]] constexpr authorization_request authorization_request_for(std::string_view subject, const basic_execution_cell_spec<S>& spec,
                                                                         std::uint32_t cells_admitted_this_hour = 0) noexcept {
    authorization_request r{subject, std::nullopt, std::nullopt, cells_admitted_this_hour};
    if (spec.placement && spec.placement->pool_id) r.pool_id = std::string_view(*spec.placement->pool_id);
    if (spec.policy) r.policy_pack_id = std::string_view(spec.policy->pack_id);
    return r;
}

/// The decision, first failing axis in the order subjects, pools, packs, rate. A spec that names no
/// pool (or pack) cannot prove membership of a non-empty list: denied (our reading).
template <Storage S>
[[nodiscard]] constexpr authorization_verdict authorize(const basic_authorization_policy<S>& policy,
                                                        const authorization_request& req) noexcept {
    const auto listed = [](const auto& list, std::string_view x) {
        for (const auto& e : list)
            if (std::string_view(e) == x) return true;
        return false;
    };
    if (!listed(policy.subjects, req.subject)) return authorization_verdict::subject_not_listed;
    if (policy.allowed_pools.size() > 0 && (!req.pool_id || !listed(policy.allowed_pools, *req.pool_id)))
        return authorization_verdict::pool_not_allowed;
    if (policy.allowed_policy_packs.size() > 0 && (!req.policy_pack_id || !listed(policy.allowed_policy_packs, *req.policy_pack_id)))
        return authorization_verdict::policy_pack_not_allowed;
    if (policy.max_cells_per_hour && req.cells_admitted_this_hour >= *policy.max_cells_per_hour)
        return authorization_verdict::rate_limited;
    return authorization_verdict::allowed;
}

}  // namespace cellos
