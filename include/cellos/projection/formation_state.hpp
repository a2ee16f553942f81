// cellos/projection/formation_state.hpp — a formation's state projected from its six
// dev.cellos.events.cell.formation.v1.* events (ADR-0014): created opens it in PENDING, every
// later event must be a transition of the ONE formation table (lifecycle/stages.hpp, the table the
// type-state formation<State> is constrained by), and the state each event enters is read from that
// table's `event` column, so the projection cannot disagree with the type-state layer. Kernel only:
// events arrive as typed payloads (cellos/json/formation_state.hpp decodes them from CloudEvents).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/detail/fields.hpp"
#include "cellos/events/payloads.hpp"
#include "cellos/lifecycle/stages.hpp"
#include "cellos/problem.hpp"

namespace cellos {

/// The six payloads a formation projection reads.
using formation_event = std::variant<formation_created_v1, formation_launching_v1, formation_running_v1, formation_degraded_v1,
                                     formation_completed_v1, formation_failed_v1>;

/// The formation event a payload holds, or nullopt for any other event type.
[[nodiscard]] inline std::optional<formation_event> as_formation_event(any_payload p) {
    return std::visit(
        [](auto&& x) -> std::optional<formation_event> {
            using P = std::remove_cvref_t<decltype(x)>;
            if constexpr (std::is_same_v<P, formation_created_v1> || std::is_same_v<P, formation_launching_v1> ||
                          std::is_same_v<P, formation_running_v1> || std::is_same_v<P, formation_degraded_v1> ||
                          std::is_same_v<P, formation_completed_v1> || std::is_same_v<P, formation_failed_v1>)
                return formation_event(std::move(x));
            else
                return std::nullopt;
        },
        std::move(p));
}

/// The state an event type enters, read from the formation transition table (created: the
/// initial state, PENDING, which no transition enters); nullopt for a type outside the family.
[[nodiscard]] constexpr std::optional<formation_state> state_entered_by(event_type t) noexcept {
    if (t == event_type::formation_created_v1) return formation_state{};
    for (const auto& tr : formation_transitions)
        if (tr.event == type_string(t)) return tr.to;
    return std::nullopt;
}

/// What the projection knows about one formation (upstream's FormationStatus view).
struct formation_snapshot {
    std::string formation_id;
    std::optional<std::string> name;
    formation_state status{};
    std::vector<std::string> cells;         ///< the latest cellIds carried (created, launching, running, completed)
    std::vector<std::string> failed_cells;  ///< the latest failedCellIds (degraded, failed); cleared by running
    std::optional<std::string> last_reason; ///< the latest reason (degraded, failed); kept after recovery
    std::uint64_t processed_events = 0;     ///< events applied (duplicates are not)

    static constexpr auto wire_fields() {
        using T = formation_snapshot;
        using detail::field;
        return std::tuple{field{"formationId", &T::formation_id}, field{"name", &T::name},
                          field{"status", &T::status},             field{"cells", &T::cells},
                          field{"failedCells", &T::failed_cells},  field{"lastReason", &T::last_reason},
                          field{"processedEvents", &T::processed_events}};
    }
    friend bool operator==(const formation_snapshot&, const formation_snapshot&) = default;
};

/// Our bound: events one projection applies (RUNNING ⇄ DEGRADED may repeat forever; the set of
/// seen event ids must not).
inline constexpr std::uint64_t max_formation_projection_events = 1'000'000;

/// One formation's projection. apply() either applies an event whole or refuses it and changes
/// nothing.
class formation_projection {
public:
    /// Applies one event with CloudEvent id `event_id`: true when applied, false for an id already
    /// applied (a redelivery: applied once, our choice). Refusals (the projection is unchanged):
    /// - invalid_transition at /type: a first event other than created (rule initialStage), an
    ///   event after COMPLETED / FAILED (terminalState, the table gives them no exit), any other
    ///   step outside the table, created again included (formationOrder); the message names from/to;
    /// - invalid_value at /data/formationId: an event of another formation;
    /// - input_too_large: more than max_formation_projection_events applied.
    [[nodiscard]] checked<bool> apply(std::string_view event_id, const formation_event& e) {
        if (seen_.contains(std::string(event_id))) return false;
        const event_type type = std::visit([](const auto& x) { return std::remove_cvref_t<decltype(x)>::type; }, e);
        const std::string& id = std::visit([](const auto& x) -> const std::string& { return x.formation_id; }, e);
        const formation_state to = *state_entered_by(type);
        if (!snapshot_) {
            if (type != event_type::formation_created_v1)
                return make_problem(errc::invalid_transition, "/type",
                                    "no formation yet: its first event is " + std::string(type_string(event_type::formation_created_v1)) +
                                        ", not " + std::string(type_string(type)),
                                    "initialStage");
        } else {
            if (id != snapshot_->formation_id)
                return make_problem(errc::invalid_value, "/data/formationId",
                                    "event for formation \"" + id + "\", projecting \"" + snapshot_->formation_id + "\"");
            const formation_state from = snapshot_->status;
            // No row enters PENDING, so a second created is refused by the table like any other step.
            if (!formation_transition_allowed(from, to)) {
                const std::string step = "no transition " + std::string(to_wire(from)) + " -> " + std::string(to_wire(to));
                if (is_terminal(from))
                    return make_problem(errc::invalid_transition, "/type", step + ": " + std::string(to_wire(from)) + " is terminal",
                                        "terminalState");
                return make_problem(errc::invalid_transition, "/type", step, "formationOrder");
            }
        }
        if (processed() >= max_formation_projection_events)
            return make_problem(errc::input_too_large, "", "a formation projection applies at most " +
                                                               std::to_string(max_formation_projection_events) + " events");
        if (!snapshot_) snapshot_.emplace();
        std::visit([&](const auto& x) { take(x); }, e);
        snapshot_->status = to;
        ++snapshot_->processed_events;
        seen_.insert(std::string(event_id));
        return true;
    }

    /// nullopt until created was applied.
    [[nodiscard]] const std::optional<formation_snapshot>& snapshot() const noexcept { return snapshot_; }
    [[nodiscard]] std::uint64_t processed() const noexcept { return snapshot_ ? snapshot_->processed_events : 0; }

private:
    void take(const formation_created_v1& x) {
        snapshot_->formation_id = x.formation_id;
        snapshot_->name = x.name;
        snapshot_->cells = x.cell_ids;
    }
    void take(const formation_launching_v1& x) { snapshot_->cells = x.cell_ids; }
    void take(const formation_running_v1& x) {
        snapshot_->cells = x.cell_ids;
        snapshot_->failed_cells.clear();  // RUNNING again: the degraded cells recovered
    }
    void take(const formation_completed_v1& x) { snapshot_->cells = x.cell_ids; }
    void take(const formation_degraded_v1& x) {
        snapshot_->failed_cells = x.failed_cell_ids;
        snapshot_->last_reason = x.reason;
    }
    void take(const formation_failed_v1& x) {
        snapshot_->failed_cells = x.failed_cell_ids;
        snapshot_->last_reason = x.reason;
    }

    std::optional<formation_snapshot> snapshot_;
    std::unordered_set<std::string> seen_;
};

}  // namespace cellos
