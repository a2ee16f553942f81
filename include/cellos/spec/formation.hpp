// cellos/spec/formation.hpp — formation admission (ADR-0010): `check_formation_document` runs every
// rule of formation_rules.hpp over a formation (the graph rules of formation_graph.hpp on its
// {id, authorizedBy} view, then authority narrowing along each authorizedBy edge) and is constexpr
// over the storage, so `static_assert(is_valid(formation))` and the JSON boundary
// (`validate_formation_document`) run the very same rules. Kernel only: no Boost.JSON, no Crypto++.
// Narrowing reuses the declared-surface predicates (same_flow, dns_query_covered): a member's
// authority must lie within its authoriser's exactly as a guest's surface within its capability.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/authority/declared_surface.hpp"
#include "cellos/detail/ascii.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/authority_bundle.hpp"
#include "cellos/spec/formation_document.hpp"
#include "cellos/spec/formation_graph.hpp"
#include "cellos/spec/formation_rules.hpp"
#include "cellos/spec/rules.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos {

namespace detail {

/// Every entry of `child` not granted by `granted` (absent = nothing granted) as an
/// authority_not_narrowing finding under `at` (…/authority), `actual` = the authoriser's index.
/// Compared: egressRules (same_flow), secretRefs (exact), dnsAuthority.hostnameAllowlist (the
/// declared surface's coverage, syntax first); the other members of a bundle are not authority
/// grants (formation.md#authority).
template <Storage S>
constexpr void check_narrowing(const basic_authority_bundle<S>& child, const basic_authority_bundle<S>* granted, const json_path& at,
                               std::size_t authoriser, findings<formation_rule>& out) {
    using B = basic_authority_bundle<S>;
    const auto refuse = [&](const json_path& p, std::string_view subject) {
        out.push_back({formation_rule::authority_not_narrowing, p, authoriser, 0, subject});
    };
    const json_path egress = at / wire_name(&B::egress_rules);
    for (std::size_t k = 0; k < child.egress_rules.size(); ++k) {
        bool covered = false;
        if (granted)
            for (const auto& g : granted->egress_rules) covered = covered || same_flow(child.egress_rules[k], g);
        if (!covered) refuse(egress / k, child.egress_rules[k].host);
    }
    const json_path refs = at / wire_name(&B::secret_refs);
    for (std::size_t k = 0; k < child.secret_refs.size(); ++k) {
        const std::string_view ref(child.secret_refs[k]);
        bool covered = false;
        if (granted)
            for (const auto& g : granted->secret_refs) covered = covered || std::string_view(g) == ref;
        if (!covered) refuse(refs / k, ref);
    }
    if (!child.dns_authority) return;
    const json_path names = at / wire_name(&B::dns_authority) / wire_name(&basic_dns_authority<S>::hostname_allowlist);
    const auto& asked = child.dns_authority->hostname_allowlist;
    for (std::size_t k = 0; k < asked.size(); ++k) {
        const std::string_view q(asked[k]);
        // Syntax first, as for a declared surface: a malformed entry must not pass as a literal name.
        const bool covered = is_valid_allowlist_entry(q) && granted && granted->dns_authority &&
                             dns_query_covered(q, granted->dns_authority->hostname_allowlist);
        if (!covered) refuse(names / k, q);
    }
}

}  // namespace detail

/// Every violation of `doc`: its name, then the graph rules (formation_graph.hpp), then narrowing
/// along each resolved authorizedBy edge, member by member. At most `capacity` stored, all counted.
template <Storage S>
[[nodiscard]] constexpr findings<formation_rule> check_formation_document(const basic_formation_document<S>& doc,
                                                                          std::size_t capacity = findings<formation_rule>::unlimited) {
    using D = basic_formation_document<S>;
    using M = basic_formation_member<S>;
    findings<formation_rule> out(capacity);
    const std::string_view name(doc.name);
    if (name.empty() || name.size() > bounded_text_max_bytes || detail::has_control(name))
        out.push_back({formation_rule::name, json_path{} / detail::wire_name(&D::name), 0, 0, {}});
    std::vector<formation_link> links;
    if (doc.members.size() <= max_formation_members) {  // past it the graph check refuses without a look
        links.reserve(doc.members.size());
        for (const M& m : doc.members)
            links.push_back({std::string_view(m.id), m.authorized_by ? std::optional<std::string_view>(std::string_view(*m.authorized_by))
                                                                     : std::nullopt});
    } else {
        out.push_back({formation_rule::too_many_members, json_path{} / detail::wire_name(&D::members), doc.members.size(),
                       max_formation_members, {}});
        return out;
    }
    const std::vector<std::size_t> parent = detail::check_formation_graph_into(doc.coordinator, links, out);
    const json_path members = json_path{} / detail::wire_name(&D::members);
    for (std::size_t i = 0; i < parent.size(); ++i) {
        if (parent[i] == detail::no_member || !doc.members[i].authority) continue;  // absent authority asks for nothing
        const auto& granted = doc.members[parent[i]].authority;
        detail::check_narrowing(*doc.members[i].authority, granted ? &*granted : nullptr,
                                members / i / detail::wire_name(&M::authority), parent[i], out);
    }
    return out;
}

/// The verdict alone, for static_asserts and requires-clauses.
template <Storage S>
[[nodiscard]] constexpr bool is_valid(const basic_formation_document<S>& doc) {
    return check_formation_document(doc, 0).empty();
}

/// A finding as the library's one problem record (the rule table's code, id and message, plus the
/// subject and, where it helps, the other member involved).
[[nodiscard]] inline problem to_problem(const formation_finding& f) {
    const formation_rule_info& r = info_of(f.rule);
    std::string message(r.message);
    const auto member = [](std::uint64_t i) { return "/members/" + std::to_string(i); };
    switch (f.rule) {
        case formation_rule::too_many_members: message += " (found " + std::to_string(f.actual) + ")"; break;
        case formation_rule::unique_member_id: message += ": \"" + std::string(f.subject) + "\" (same as " + member(f.actual) + ")"; break;
        case formation_rule::no_coordinator:  // with a subject: the named coordinator has an authoriser
            if (!f.subject.empty()) message += ": the coordinator \"" + std::string(f.subject) + "\" is authorised by another member, so none is the root";
            break;
        case formation_rule::authority_not_narrowing:
            message += ": \"" + std::string(f.subject) + "\" is not granted to its authoriser " + member(f.actual);
            break;
        default:
            if (!f.subject.empty()) message += ": \"" + std::string(f.subject) + "\"";
    }
    return make_problem(r.code, f.path.to_pointer(), std::move(message), std::string(to_wire(f.rule)));
}

/// The runtime gate: every violation as a problem (empty = admissible), at most `max_problems`
/// stored and the rest counted (total(), truncated()), so a hostile formation cannot grow the report.
template <Storage S>
[[nodiscard]] problem_list validate_formation_document(const basic_formation_document<S>& doc,
                                                       std::size_t max_problems = formation_problem_cap) {
    problem_list out(max_problems);
    append_problems(check_formation_document(doc, max_problems), out, [](const formation_finding& f) { return to_problem(f); });
    return out;
}

}  // namespace cellos
