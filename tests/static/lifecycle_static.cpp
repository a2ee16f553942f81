// Compile-time proof that the type-state classes and the transition table agree: for every pair of
// stages, the member that would take a cell (or formation) there is callable exactly when the table
// has that transition. Plus: only the initial stage is constructible, stages move but never copy,
// guest events take Declared authority only.
#include <cstddef>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cellos/lifecycle.hpp"

namespace {
using namespace cellos;
using guest = declared_authority<1>;
using observed = observed_authority<2, epistemic_status::direct_observation>;
template <cell_stage S>
using cell_at = cell<S, guest>;

/// The member call that moves a cell to `To`, if the class offers it at `From`.
template <cell_stage From, cell_stage To>
consteval bool member_exists() {
    using C = cell_at<From>&&;
    if constexpr (To == cell_stage::network_scoped) return requires { std::declval<C>().scope_network(); };
    else if constexpr (To == cell_stage::trust_plane_observed) return requires { std::declval<C>().observe_trust_plane(); };
    else if constexpr (To == cell_stage::secrets_resolved) return requires { std::declval<C>().resolve_secrets(); };
    else if constexpr (To == cell_stage::started) return requires { std::declval<C>().start(); };
    else if constexpr (To == cell_stage::command_completed) return requires { std::declval<C>().complete_command(0, 0); };
    else if constexpr (To == cell_stage::exported) return requires { std::declval<C>().export_artifacts(std::vector<export_receipt>{}); };
    else if constexpr (To == cell_stage::destroyed)
        return requires { std::declval<C>().destroy(cellos::lifecycle_destroy_outcome::succeeded); };
    else if constexpr (To == cell_stage::revoked) return requires { std::declval<C>().revoke(); };
    else if constexpr (To == cell_stage::failed) return requires { std::declval<C>().fail(cellos::lifecycle_reason_kind::oom); };
    else return false;  // admitted: never a transition target
}

template <std::size_t... I>
consteval bool cell_table_matches(std::index_sequence<I...>) {
    constexpr std::size_t n = detail::enum_count<cell_stage>;
    return ((member_exists<static_cast<cell_stage>(I / n), static_cast<cell_stage>(I % n)>() ==
             cell_transition_allowed(static_cast<cell_stage>(I / n), static_cast<cell_stage>(I % n))) && ...);
}
static_assert(cell_table_matches(std::make_index_sequence<detail::enum_count<cell_stage> * detail::enum_count<cell_stage>>{}),
              "every cell transition member exists exactly where cell_transitions has the transition");

template <formation_state From, formation_state To>
consteval bool formation_member_exists() {
    using F = formation<From>&&;
    if constexpr (To == formation_state::launching) return requires { std::declval<F>().launch(); };
    else if constexpr (To == formation_state::running) return requires { std::declval<F>().run(); };
    else if constexpr (To == formation_state::degraded) return requires { std::declval<F>().degrade(std::span<const std::string>{}, ""); };
    else if constexpr (To == formation_state::completed) return requires { std::declval<F>().complete(); };
    else if constexpr (To == formation_state::failed) return requires { std::declval<F>().fail(std::span<const std::string>{}, ""); };
    else return false;  // pending: only create_formation() leads there
}

template <std::size_t... I>
consteval bool formation_table_matches(std::index_sequence<I...>) {
    constexpr std::size_t n = detail::enum_count<formation_state>;
    return ((formation_member_exists<static_cast<formation_state>(I / n), static_cast<formation_state>(I % n)>() ==
             formation_transition_allowed(static_cast<formation_state>(I / n), static_cast<formation_state>(I % n))) && ...);
}
static_assert(formation_table_matches(std::make_index_sequence<detail::enum_count<formation_state> * detail::enum_count<formation_state>>{}),
              "every formation transition member exists exactly where formation_transitions has the transition");

// Terminal stages: no way out.
static_assert(is_terminal(cell_stage::revoked) && is_terminal(cell_stage::failed));
static_assert(!is_terminal(cell_stage::destroyed) && !is_terminal(cell_stage::admitted));
static_assert(is_terminal(formation_state::completed) && is_terminal(formation_state::failed));
static_assert(!is_terminal(formation_state::degraded));

// Only admitted is constructible from outside; nothing is copyable.
static_assert(std::is_constructible_v<cell_at<cell_stage::admitted>, execution_cell_spec, std::string, guest>);
static_assert(!std::is_constructible_v<cell_at<cell_stage::started>, execution_cell_spec, std::string, guest>);
static_assert(!std::is_constructible_v<cell_at<cell_stage::revoked>, execution_cell_spec, std::string, guest>);
static_assert(!std::is_copy_constructible_v<cell_at<cell_stage::started>> && std::is_nothrow_move_constructible_v<cell_at<cell_stage::started>>);
static_assert(!std::is_default_constructible_v<formation<formation_state::pending>>);
static_assert(!std::is_constructible_v<formation<formation_state::running>, std::string, std::optional<std::string>, std::vector<std::string>>);

// Transitions consume: an lvalue cell cannot advance (it must be moved).
template <class C>
concept AdvancesAsLvalue = requires(C& c) { c.scope_network(); };
// The two tables once more, written out by hand: the member/table agreement above cannot see a
// change made to a table and its members together, this list can (every pair, allowed or not).
using cs = cell_stage;
using fs = formation_state;
inline constexpr std::pair<cs, cs> expected_cell_edges[] = {
    {cs::admitted, cs::network_scoped},        {cs::network_scoped, cs::trust_plane_observed},
    {cs::network_scoped, cs::secrets_resolved}, {cs::trust_plane_observed, cs::secrets_resolved},
    {cs::secrets_resolved, cs::started},        {cs::started, cs::command_completed},
    {cs::started, cs::destroyed},               {cs::command_completed, cs::exported},
    {cs::command_completed, cs::destroyed},     {cs::exported, cs::destroyed},
    {cs::destroyed, cs::revoked},               {cs::admitted, cs::failed},
    {cs::secrets_resolved, cs::failed}};
inline constexpr std::pair<fs, fs> expected_formation_edges[] = {
    {fs::pending, fs::launching}, {fs::launching, fs::running},  {fs::launching, fs::failed},
    {fs::running, fs::degraded},  {fs::degraded, fs::running},   {fs::running, fs::completed},
    {fs::degraded, fs::completed}, {fs::running, fs::failed},    {fs::degraded, fs::failed}};

template <class Stage, std::size_t N>
consteval bool edges_exact(const std::pair<Stage, Stage> (&edges)[N]) {
    constexpr std::size_t n = detail::enum_count<Stage>;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b) {
            const auto from = static_cast<Stage>(a), to = static_cast<Stage>(b);
            bool listed = false;
            for (const auto& e : edges) listed = listed || (e.first == from && e.second == to);
            bool allowed = false;
            if constexpr (std::is_same_v<Stage, cell_stage>) allowed = cell_transition_allowed(from, to);
            else allowed = formation_transition_allowed(from, to);
            if (listed != allowed) return false;
        }
    return true;
}
static_assert(edges_exact(expected_cell_edges), "cell_transitions is exactly the documented lifecycle");
static_assert(edges_exact(expected_formation_edges), "formation_transitions is exactly the documented formation order");

template <class C>
concept AdvancesAsRvalue = requires(C&& c) { std::move(c).scope_network(); };
static_assert(!AdvancesAsLvalue<cell_at<cell_stage::admitted>> && AdvancesAsRvalue<cell_at<cell_stage::admitted>>);

// Guest events: Declared only, and only while the cell runs.
template <class C, class A>
concept GuestEventWith = requires(const C& c, const A& a) { c.guest_event("process_spawned", a); };
static_assert(GuestEventWith<cell_at<cell_stage::started>, guest>);
static_assert(!GuestEventWith<cell_at<cell_stage::started>, observed>);
static_assert(!GuestEventWith<cell_at<cell_stage::admitted>, guest>);
static_assert(!GuestEventWith<cell_at<cell_stage::secrets_resolved>, guest>);  // not yet
static_assert(!GuestEventWith<cell_at<cell_stage::command_completed>, guest>);  // no longer
static_assert(!GuestEventWith<cell_at<cell_stage::exported>, guest>);
static_assert(!GuestEventWith<cell_at<cell_stage::destroyed>, guest>);
static_assert(!GuestEventWith<cell_at<cell_stage::revoked>, guest>);
static_assert(!GuestEventWith<cell_at<cell_stage::failed>, guest>);

// The events the transitions yield are the ones the table names.
static_assert(transition_event(cell_stage::secrets_resolved, cell_stage::started) ==
              cellos::type_string(cellos::lifecycle_started_v1::type));
static_assert(transition_event(cell_stage::destroyed, cell_stage::revoked) == cellos::type_string(cellos::identity_revoked_v1::type));
static_assert(transition_event(formation_state::running, formation_state::degraded) ==
              cellos::type_string(cellos::formation_degraded_v1::type));

// The history checker, at compile time (its finding is the compile-time form; runtime callers get a
// cellos::problem from check_stage_history: tests/unit/lifecycle_test.cpp).
constexpr cell_stage full[] = {cell_stage::admitted, cell_stage::network_scoped, cell_stage::trust_plane_observed,
                               cell_stage::secrets_resolved, cell_stage::started, cell_stage::command_completed,
                               cell_stage::exported, cell_stage::destroyed, cell_stage::revoked};
static_assert(!check_stage_sequence<cell_stage>(full));
constexpr cell_stage reordered[] = {cell_stage::admitted, cell_stage::secrets_resolved, cell_stage::network_scoped};
static_assert(check_stage_sequence<cell_stage>(reordered) ==
              constexpr_stage_finding{1, constexpr_stage_finding::reason::not_a_transition});
constexpr cell_stage late_start[] = {cell_stage::started};
static_assert(check_stage_sequence<cell_stage>(late_start) == constexpr_stage_finding{0, constexpr_stage_finding::reason::wrong_start});
static_assert(check_stage_sequence<cell_stage>(std::span<const cell_stage>{}) ==
              constexpr_stage_finding{0, constexpr_stage_finding::reason::empty});
constexpr formation_state flapping[] = {formation_state::pending, formation_state::launching, formation_state::running,
                                        formation_state::degraded, formation_state::running, formation_state::completed};
static_assert(!check_stage_sequence<formation_state>(flapping));
}  // namespace
