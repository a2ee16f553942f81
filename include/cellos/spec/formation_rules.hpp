// cellos/spec/formation_rules.hpp — the one table of formation admission rules (ADR-0010): stable
// camelCase id, errc and message per rule, and the bounds every check keeps. The graph check
// (formation_graph.hpp), the document check (formation.hpp), the consteval diagnostic and
// docs/formation.md all name rules from this table only.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/error.hpp"
#include "cellos/spec/finding.hpp"

namespace cellos {

enum class formation_rule {
    too_many_members,
    name,
    member_id,
    unique_member_id,
    no_coordinator,
    multiple_coordinators,
    unknown_member,
    cycle,
    reachable,
    authority_not_narrowing,
};

template <>
struct detail::enum_names<formation_rule> {
    static constexpr std::array<std::string_view, 10> wire{
        "formationMembers",       "formationName",          "formationMemberId",
        "formationUniqueMemberId", "formationNoCoordinator", "formationMultipleCoordinators",
        "formationUnknownMember", "formationCycle",         "formationReachable",
        "formationAuthorityNarrowing"};
};

struct formation_rule_info {
    errc code;
    std::string_view message;
};

/// Our bound: a formation holds at most this many members. Past it nothing else is checked, so a
/// hostile document costs one comparison; every graph walk is O(members) and iterative.
inline constexpr std::size_t max_formation_members = 1024;
/// Problems stored by validate_formation_document unless the caller asks otherwise; the rest are
/// counted (problem_list::total), as for the declared surface.
inline constexpr std::size_t formation_problem_cap = 64;

inline constexpr std::array<formation_rule_info, detail::enum_count<formation_rule>> formation_rule_table{{
    {errc::input_too_large, "a formation holds at most 1024 members"},
    {errc::invalid_value, "must be 1-1024 bytes without control characters"},
    {errc::invalid_value, "must be a portable identifier: 1-128 bytes of [A-Za-z0-9._-], starting alphanumeric, without \"..\""},
    {errc::invalid_value, "duplicate member id"},
    {errc::formation_no_coordinator, "the formation has no coordinator"},
    {errc::formation_multiple_coordinators, "a member without authorizedBy is a second coordinator"},
    {errc::formation_unknown_member, "names no member of the formation"},
    {errc::formation_cycle, "the authorizedBy graph has a cycle through this member"},
    // Upstream's FormationCycle guards "a DAG rooted at the coordinator": a member whose chain does not
    // end at the coordinator breaks that DAG, so it shares the code (our choice, docs/formation.md).
    {errc::formation_cycle, "not reachable from the coordinator along authorizedBy"},
    {errc::formation_authority_not_narrowing, "authority not within the authoriser's (authority only narrows along authorizedBy)"},
}};

[[nodiscard]] constexpr const formation_rule_info& info_of(formation_rule r) noexcept {
    return formation_rule_table[static_cast<std::size_t>(r)];
}

using formation_finding = finding<formation_rule>;

}  // namespace cellos
