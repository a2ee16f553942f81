// cellos/spec/formation_graph.hpp — the authorizedBy graph rules of ADR-0010 over a constexpr view
// (a span of {id, authorizedBy} links, string_views only): unique member ids, exactly one
// coordinator, every reference naming a member, no cycle, every member reachable from the
// coordinator. Written once: the document check (formation.hpp) builds the view from a decoded or
// a literal document, and a static_assert can check a bare view. Each member has at most one
// authoriser, so the graph is a forest of parent pointers: one iterative O(n log n) pass (a sort
// for id lookup, then a colouring walk), never recursion, whatever the input.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cellos/detail/fields.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/spec/formation_document.hpp"
#include "cellos/spec/formation_rules.hpp"
#include "cellos/spec/identifiers.hpp"

namespace cellos {

/// One member as the graph sees it.
struct formation_link {
    std::string_view id{};
    std::optional<std::string_view> authorized_by{};
    friend constexpr bool operator==(const formation_link&, const formation_link&) = default;
};

namespace detail {

inline constexpr std::size_t no_member = static_cast<std::size_t>(-1);

/// Ids sorted once (ties in document order), so each lookup is a binary search and the first
/// occurrence of an id is the one a reference resolves to.
class formation_index {
public:
    constexpr explicit formation_index(std::span<const formation_link> links) : links_(links) {
        order_.reserve(links.size());  // push_back, not vector(n): clang 14 cannot evaluate that constantly
        for (std::size_t i = 0; i < links.size(); ++i) order_.push_back(i);
        std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            return links_[a].id != links_[b].id ? links_[a].id < links_[b].id : a < b;
        });
    }
    /// The first member with this id, or no_member.
    [[nodiscard]] constexpr std::size_t find(std::string_view id) const {
        const auto it = std::lower_bound(order_.begin(), order_.end(), id,
                                         [&](std::size_t a, std::string_view key) { return links_[a].id < key; });
        return it != order_.end() && links_[*it].id == id ? *it : no_member;
    }

private:
    std::span<const formation_link> links_;
    std::vector<std::size_t> order_;
};

/// Where a member's authorizedBy chain ends.
enum class chain_end : unsigned char { unseen, on_path, coordinator, cycle, broken, unreachable };

/// Appends every graph finding to `out` and returns each member's resolved authoriser (no_member
/// for the coordinator, a member without authorizedBy, or one naming no member).
[[nodiscard]] constexpr std::vector<std::size_t> check_formation_graph_into(std::string_view coordinator,
                                                                            std::span<const formation_link> links,
                                                                            findings<formation_rule>& out) {
    using T = formation_member;
    const json_path members = json_path{} / detail::wire_name(&basic_formation_document<>::members);
    const std::string_view id_key = detail::wire_name(&T::id), by_key = detail::wire_name(&T::authorized_by);
    const std::size_t n = links.size();
    std::vector<std::size_t> parent;
    if (n > max_formation_members) {
        out.push_back({formation_rule::too_many_members, members, n, max_formation_members, {}});
        return parent;
    }
    const formation_index index(links);

    std::size_t c = no_member;
    const json_path coordinator_at = json_path{} / detail::wire_name(&basic_formation_document<>::coordinator);
    if (coordinator.empty()) out.push_back({formation_rule::no_coordinator, coordinator_at, 0, 0, {}});
    else if ((c = index.find(coordinator)) == no_member) out.push_back({formation_rule::unknown_member, coordinator_at, 0, 0, coordinator});

    parent.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const formation_link& m = links[i];
        if (!is_portable_identifier(m.id)) out.push_back({formation_rule::member_id, members / i / id_key, 0, 0, m.id});
        if (const std::size_t first = index.find(m.id); first != i)
            out.push_back({formation_rule::unique_member_id, members / i / id_key, first, 0, m.id});
        std::size_t p = no_member;
        if (!m.authorized_by) {
            // The flat form's coordinator: the member `coordinator` names, with no authorizedBy. Any
            // other root is a second coordinator (formation.md#coordinator).
            if (i != c) out.push_back({formation_rule::multiple_coordinators, members / i, 0, 0, m.id});
        } else if ((p = index.find(*m.authorized_by)) == no_member) {
            out.push_back({formation_rule::unknown_member, members / i / by_key, 0, 0, *m.authorized_by});
        } else if (i == c) {
            // The named coordinator is authorised by someone: it is no root, so none is named.
            out.push_back({formation_rule::no_coordinator, members / i / by_key, 0, 0, m.id});
            p = no_member;
        }
        parent.push_back(p);
    }

    // Colouring walk along parent pointers: each member is visited once; a walk stops at the
    // coordinator, at a chain end already classified, at a broken end, or on its own path (a cycle).
    std::vector<chain_end> state;
    std::vector<std::size_t> cycle_rep, path;  // cycle_rep: the smallest member index of i's cycle
    state.reserve(n);
    cycle_rep.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        state.push_back(chain_end::unseen);
        cycle_rep.push_back(no_member);
    }
    for (std::size_t s = 0; s < n; ++s) {
        if (state[s] != chain_end::unseen) continue;
        path.clear();
        std::size_t x = s;
        chain_end end = chain_end::broken;
        while (true) {
            if (state[x] == chain_end::on_path) {  // back on this walk's path: the nodes from x on form a cycle
                std::size_t rep = x;
                for (std::size_t k = path.size(); k-- > 0 && path[k] != x;) rep = std::min(rep, path[k]);
                std::size_t k = path.size();
                while (k-- > 0) {
                    state[path[k]] = chain_end::cycle;
                    cycle_rep[path[k]] = rep;
                    if (path[k] == x) break;
                }
                path.resize(k);
                end = chain_end::unreachable;
                break;
            }
            if (state[x] != chain_end::unseen) {  // joins a chain classified by an earlier walk
                end = state[x] == chain_end::coordinator ? chain_end::coordinator : chain_end::unreachable;
                break;
            }
            state[x] = chain_end::on_path;
            path.push_back(x);
            if (x == c) {
                end = chain_end::coordinator;
                break;
            }
            if (parent[x] == no_member) {  // a second root or a dangling reference: reported above
                state[x] = chain_end::broken;
                path.pop_back();
                end = chain_end::unreachable;
                break;
            }
            x = parent[x];
        }
        for (std::size_t k : path) state[k] = end;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (state[i] == chain_end::cycle && cycle_rep[i] == i)
            out.push_back({formation_rule::cycle, members / i / by_key, 0, 0, links[i].id});
        else if (state[i] == chain_end::unreachable && c != no_member)  // no coordinator: /coordinator says it all
            out.push_back({formation_rule::reachable, members / i / by_key, 0, 0, links[i].id});
    }
    return parent;
}

}  // namespace detail

/// Every graph finding of the view, pointers as in the document (/coordinator, /members/i/…): per
/// member in document order (id, uniqueness, authorizedBy), then one cycle finding per cycle (at
/// its smallest member) and every member whose chain does not end at the coordinator. constexpr:
/// `static_assert(check_formation_graph("coord", links).empty())`.
[[nodiscard]] constexpr findings<formation_rule> check_formation_graph(std::string_view coordinator,
                                                                       std::span<const formation_link> links,
                                                                       std::size_t capacity = findings<formation_rule>::unlimited) {
    findings<formation_rule> out(capacity);
    (void)detail::check_formation_graph_into(coordinator, links, out);
    return out;
}

/// The verdict alone.
[[nodiscard]] constexpr bool formation_graph_valid(std::string_view coordinator, std::span<const formation_link> links) {
    return check_formation_graph(coordinator, links, 0).empty();
}

}  // namespace cellos
