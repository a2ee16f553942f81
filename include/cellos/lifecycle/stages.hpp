// cellos/lifecycle/stages.hpp — the one transition table of a cell's life and of a formation's,
// as constexpr data. The type-state classes (cell.hpp, formation.hpp) constrain their transitions
// with `cell_transition_allowed` / `formation_transition_allowed`, and the history checker below
// (stages that arrive as JSON) calls the same functions, so the two views cannot disagree. Its
// constexpr finding becomes a cellos::problem in one place (to_problem).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/detail/unsatisfied.hpp"
#include "cellos/error.hpp"
#include "cellos/problem.hpp"

namespace cellos {

/// A cell's stages in the supervisor's order (upstream README: network scope → trust-plane
/// observability (optional) → secrets → lifecycle.started → run → export → destroy → revoke), plus
/// `failed` for a cell that never started (our addition: lifecycle.v1.failed).
enum class cell_stage {
    admitted,
    network_scoped,
    trust_plane_observed,
    secrets_resolved,
    started,
    command_completed,
    exported,
    destroyed,
    revoked,
    failed,
};

template <>
struct detail::enum_names<cell_stage> {
    static constexpr std::array<std::string_view, 10> wire{"admitted",  "networkScoped",    "trustPlaneObserved",
                                                           "secretsResolved", "started", "commandCompleted",
                                                           "exported",  "destroyed",        "revoked", "failed"};
};

/// cellos-server's formation statuses (upstream, upper case); `created` is emitted entering PENDING.
enum class formation_state { pending, launching, running, degraded, completed, failed };

template <>
struct detail::enum_names<formation_state> {
    static constexpr std::array<std::string_view, 6> wire{"PENDING", "LAUNCHING", "RUNNING", "DEGRADED", "COMPLETED", "FAILED"};
};

template <class Stage>
struct transition {
    Stage from;
    Stage to;
    std::string_view step;   ///< the member function that takes it
    std::string_view event;  ///< the CloudEvent type it emits, "" for none
};

inline constexpr std::array<transition<cell_stage>, 13> cell_transitions{{
    {cell_stage::admitted, cell_stage::network_scoped, "scope_network", ""},
    {cell_stage::network_scoped, cell_stage::trust_plane_observed, "observe_trust_plane", ""},
    {cell_stage::network_scoped, cell_stage::secrets_resolved, "resolve_secrets", ""},
    {cell_stage::trust_plane_observed, cell_stage::secrets_resolved, "resolve_secrets", ""},
    {cell_stage::secrets_resolved, cell_stage::started, "start", "dev.cellos.events.cell.lifecycle.v1.started"},
    {cell_stage::started, cell_stage::command_completed, "complete_command", "dev.cellos.events.cell.command.v1.completed"},
    {cell_stage::started, cell_stage::destroyed, "destroy", "dev.cellos.events.cell.lifecycle.v1.destroyed"},
    {cell_stage::command_completed, cell_stage::exported, "export_artifacts", "dev.cellos.events.cell.export.v2.completed"},
    {cell_stage::command_completed, cell_stage::destroyed, "destroy", "dev.cellos.events.cell.lifecycle.v1.destroyed"},
    {cell_stage::exported, cell_stage::destroyed, "destroy", "dev.cellos.events.cell.lifecycle.v1.destroyed"},
    {cell_stage::destroyed, cell_stage::revoked, "revoke", "dev.cellos.events.cell.identity.v1.revoked"},
    {cell_stage::admitted, cell_stage::failed, "fail", "dev.cellos.events.cell.lifecycle.v1.failed"},
    {cell_stage::secrets_resolved, cell_stage::failed, "fail", "dev.cellos.events.cell.lifecycle.v1.failed"},
}};

inline constexpr std::array<transition<formation_state>, 9> formation_transitions{{
    {formation_state::pending, formation_state::launching, "launch", "dev.cellos.events.cell.formation.v1.launching"},
    {formation_state::launching, formation_state::running, "run", "dev.cellos.events.cell.formation.v1.running"},
    {formation_state::launching, formation_state::failed, "fail", "dev.cellos.events.cell.formation.v1.failed"},
    {formation_state::running, formation_state::degraded, "degrade", "dev.cellos.events.cell.formation.v1.degraded"},
    {formation_state::degraded, formation_state::running, "run", "dev.cellos.events.cell.formation.v1.running"},
    {formation_state::running, formation_state::completed, "complete", "dev.cellos.events.cell.formation.v1.completed"},
    {formation_state::degraded, formation_state::completed, "complete", "dev.cellos.events.cell.formation.v1.completed"},
    {formation_state::running, formation_state::failed, "fail", "dev.cellos.events.cell.formation.v1.failed"},
    {formation_state::degraded, formation_state::failed, "fail", "dev.cellos.events.cell.formation.v1.failed"},
}};

namespace detail {
inline constexpr std::size_t no_transition = static_cast<std::size_t>(-1);
/// Index of the transition from → to, or no_transition. An index, not a pointer: g++ 12 with
/// -fsanitize=address,undefined cannot compare a pointer into a constexpr table in a constant expression.
template <class Stage, std::size_t N>
[[nodiscard]] constexpr std::size_t find_transition(const std::array<transition<Stage>, N>& table, Stage from, Stage to) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (table[i].from == from && table[i].to == to) return i;
    return no_transition;
}
template <class Stage, std::size_t N>
[[nodiscard]] constexpr bool has_exit(const std::array<transition<Stage>, N>& table, Stage s) noexcept {
    for (const auto& t : table)
        if (t.from == s) return true;
    return false;
}
}  // namespace detail

[[nodiscard]] constexpr bool cell_transition_allowed(cell_stage from, cell_stage to) noexcept {
    return detail::find_transition(cell_transitions, from, to) != detail::no_transition;
}
[[nodiscard]] constexpr bool formation_transition_allowed(formation_state from, formation_state to) noexcept {
    return detail::find_transition(formation_transitions, from, to) != detail::no_transition;
}
[[nodiscard]] constexpr bool is_terminal(cell_stage s) noexcept { return !detail::has_exit(cell_transitions, s); }
[[nodiscard]] constexpr bool is_terminal(formation_state s) noexcept { return !detail::has_exit(formation_transitions, s); }

/// The CloudEvent type a transition emits ("" when none, or when the transition does not exist).
[[nodiscard]] constexpr std::string_view transition_event(cell_stage from, cell_stage to) noexcept {
    const std::size_t i = detail::find_transition(cell_transitions, from, to);
    return i != detail::no_transition ? cell_transitions[i].event : std::string_view{};
}
[[nodiscard]] constexpr std::string_view transition_event(formation_state from, formation_state to) noexcept {
    const std::size_t i = detail::find_transition(formation_transitions, from, to);
    return i != detail::no_transition ? formation_transitions[i].event : std::string_view{};
}

/// Where a recorded sequence of stages first goes wrong — the COMPILE-TIME form of a history
/// problem: a literal type without strings, so check_stage_sequence runs in static_asserts. Every
/// runtime caller gets a cellos::problem instead, converted in exactly one function (to_problem
/// below); nothing else reads this type.
struct constexpr_stage_finding {
    std::size_t index;  ///< the offending element
    enum class reason { empty, wrong_start, not_a_transition } why;
    friend constexpr bool operator==(const constexpr_stage_finding&, const constexpr_stage_finding&) = default;
};

/// A recorded history (e.g. from JSON) is valid iff it starts at the initial stage and every step
/// is in the table. A history may stop anywhere (a live cell); `is_terminal(back())` says if it ended.
template <class Stage>
[[nodiscard]] constexpr std::optional<constexpr_stage_finding> check_stage_sequence(std::span<const Stage> stages) noexcept {
    using reason = constexpr_stage_finding::reason;
    if (stages.empty()) return constexpr_stage_finding{0, reason::empty};
    if (stages.front() != Stage{}) return constexpr_stage_finding{0, reason::wrong_start};
    for (std::size_t i = 1; i < stages.size(); ++i) {
        bool ok = false;
        if constexpr (std::is_same_v<Stage, cell_stage>) ok = cell_transition_allowed(stages[i - 1], stages[i]);
        else ok = formation_transition_allowed(stages[i - 1], stages[i]);
        if (!ok) return constexpr_stage_finding{i, reason::not_a_transition};
    }
    return std::nullopt;
}

/// The one conversion of a compile-time finding into the library's refusal: invalid_transition at
/// `pointer` + "/index" (`pointer` itself for an empty history), with the rule id — the camelCase
/// twin of the compile-time diagnostic's tag: initialStage (empty, wrong start), terminalStage /
/// terminalState (a step after a terminal stage), lifecycleOrder / formationOrder (any other step
/// outside the table). `stages` must be the sequence `f` was found in.
template <class Stage>
[[nodiscard]] problem to_problem(const constexpr_stage_finding& f, std::span<const Stage> stages, std::string_view pointer) {
    using reason = constexpr_stage_finding::reason;
    constexpr bool cell = std::is_same_v<Stage, cell_stage>;
    std::string at(pointer);
    if (f.why == reason::empty) return make_problem(errc::invalid_transition, at, "a history has at least its initial stage", "initialStage");
    detail::append_pointer_index(at, f.index);
    const std::string found(to_wire(stages[f.index]));
    if (f.why == reason::wrong_start)
        return make_problem(errc::invalid_transition, at, "a history starts at " + std::string(to_wire(Stage{})) + ", not " + found,
                            "initialStage");
    const Stage from = stages[f.index - 1];
    const std::string step = std::string(to_wire(from)) + " -> " + found;
    if (is_terminal(from))
        return make_problem(errc::invalid_transition, at, "no transition " + step + ": " + std::string(to_wire(from)) + " is terminal",
                            cell ? "terminalStage" : "terminalState");
    return make_problem(errc::invalid_transition, at, "no transition " + step, cell ? "lifecycleOrder" : "formationOrder");
}

/// The runtime check of a recorded history: nullopt when valid, else its first problem (pointers
/// under `pointer`, e.g. "/cell").
template <class Stage>
[[nodiscard]] std::optional<problem> check_stage_history(std::span<const Stage> stages, std::string_view pointer = {}) {
    if (const auto f = check_stage_sequence(stages)) return to_problem(*f, stages, pointer);
    return std::nullopt;
}

// --- constraints with the rule in the diagnostic ----------------------------------------------------

template <cell_stage From, cell_stage To>
concept CellTransition =
    (!is_terminal(From) ||
     detail::unsatisfied<"cellos: a terminal lifecycle stage (revoked, failed) has no transitions [terminal_stage]">()) &&
    (cell_transition_allowed(From, To) ||
     detail::unsatisfied<"cellos: lifecycle stages advance only in the supervisor's order admitted -> networkScoped -> "
                         "[trustPlaneObserved] -> secretsResolved -> started -> commandCompleted -> [exported] -> "
                         "destroyed -> revoked; no skipping, no reordering [lifecycle_order]">());

template <formation_state From, formation_state To>
concept FormationTransition =
    (!is_terminal(From) ||
     detail::unsatisfied<"cellos: a terminal formation state (COMPLETED, FAILED) is final [terminal_state]">()) &&
    (formation_transition_allowed(From, To) ||
     detail::unsatisfied<"cellos: formations move PENDING -> LAUNCHING -> RUNNING <-> DEGRADED -> COMPLETED | FAILED "
                         "[formation_order]">());

}  // namespace cellos
