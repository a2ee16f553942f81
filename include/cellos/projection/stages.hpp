// cellos/projection/stages.hpp — the state projection's vocabulary and its transition table, once,
// as constexpr data: the eight event types the reducer reads, the lifecycle / identity / export
// stages (CONFIRMED names and camelCase wire forms), `projection_current_state` and its precedence.
// The reducer (cell_state.hpp), the static_asserts (tests/static/projection_static.cpp) and the
// documentation table (docs/projection.md) all read these functions; nothing else decides a stage.
// Core header: no Boost.JSON.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/events/enums.hpp"
#include "cellos/events/type_strings.hpp"

namespace cellos {

/// The event types the reducer applies (upstream state_projection.rs constants, CONFIRMED strings).
/// Every other type is ignored by the projection (counted, never an error).
enum class projected_event : std::uint8_t {
    started,                ///< lifecycle.v1.started
    destroyed,              ///< lifecycle.v1.destroyed
    identity_materialized,  ///< identity.v1.materialized
    identity_failed,        ///< identity.v1.failed
    identity_revoked,       ///< identity.v1.revoked
    command_completed,      ///< command.v1.completed
    export_completed,       ///< export.v2.completed (v2: CONFIRMED)
    export_failed,          ///< export.v2.failed
};

/// ProjectionLifecycleStage (CONFIRMED variants and wire forms). Declaration order is the order of
/// a cell's life: a stage only moves to a later one.
enum class projection_lifecycle_stage : std::uint8_t { pending, started, command_completed, destroyed };

/// ProjectionIdentityStage (variants UNCONFIRMED; our choice, docs/projection.md): pending →
/// materialized → revoked, and failed, which sticks (a failed identity is never "ready" again).
enum class projection_identity_stage : std::uint8_t { pending, materialized, revoked, failed };

/// ProjectionExportStage (variants UNCONFIRMED; our choice): pending → completed, and failed, which
/// sticks (one failed artifact makes the export failed, whatever succeeds after it).
enum class projection_export_stage : std::uint8_t { pending, completed, failed };

/// ProjectionCurrentState (CONFIRMED variants, in declaration order; camelCase wire).
enum class projection_current_state : std::uint8_t {
    pending,
    started,
    identity_ready,
    identity_failed,
    command_succeeded,
    command_failed,
    export_succeeded,
    export_failed,
    destroyed,
    destroy_failed,
};

template <>
struct detail::enum_names<projected_event> {
    static constexpr std::array<std::string_view, 8> wire{
        "dev.cellos.events.cell.lifecycle.v1.started",      "dev.cellos.events.cell.lifecycle.v1.destroyed",
        "dev.cellos.events.cell.identity.v1.materialized",  "dev.cellos.events.cell.identity.v1.failed",
        "dev.cellos.events.cell.identity.v1.revoked",       "dev.cellos.events.cell.command.v1.completed",
        "dev.cellos.events.cell.export.v2.completed",       "dev.cellos.events.cell.export.v2.failed"};
};
template <>
struct detail::enum_names<projection_lifecycle_stage> {
    static constexpr std::array<std::string_view, 4> wire{"pending", "started", "commandCompleted", "destroyed"};
};
template <>
struct detail::enum_names<projection_identity_stage> {
    static constexpr std::array<std::string_view, 4> wire{"pending", "materialized", "revoked", "failed"};
};
template <>
struct detail::enum_names<projection_export_stage> {
    static constexpr std::array<std::string_view, 3> wire{"pending", "completed", "failed"};
};
template <>
struct detail::enum_names<projection_current_state> {
    static constexpr std::array<std::string_view, 10> wire{
        "pending",          "started",       "identityReady",   "identityFailed", "commandSucceeded",
        "commandFailed",    "exportSucceeded", "exportFailed",  "destroyed",      "destroyFailed"};
};

/// The reducer's kind of an event `type`, or nullopt when the projection ignores it.
[[nodiscard]] constexpr std::optional<projected_event> projected_event_of(std::string_view type) noexcept {
    if (!type.starts_with(cell_event_type_prefix)) return std::nullopt;  // one compare rejects most others
    return from_wire<projected_event>(type);
}

// --- the transition table ---------------------------------------------------------------------------
// Each stage is a total order (declaration order) and an event names the stage it brings the cell
// to; the new stage is the later of the two. So a stage never moves backwards, an event applied
// twice changes nothing, and a late or reordered event cannot undo a later one (docs/projection.md).

/// The lifecycle stage `e` brings the cell to, or nullopt when `e` does not touch the lifecycle.
[[nodiscard]] constexpr std::optional<projection_lifecycle_stage> lifecycle_stage_of(projected_event e) noexcept {
    switch (e) {
        case projected_event::started: return projection_lifecycle_stage::started;
        case projected_event::command_completed: return projection_lifecycle_stage::command_completed;
        case projected_event::destroyed: return projection_lifecycle_stage::destroyed;
        default: return std::nullopt;
    }
}

[[nodiscard]] constexpr std::optional<projection_identity_stage> identity_stage_of(projected_event e) noexcept {
    switch (e) {
        case projected_event::identity_materialized: return projection_identity_stage::materialized;
        case projected_event::identity_revoked: return projection_identity_stage::revoked;
        case projected_event::identity_failed: return projection_identity_stage::failed;
        default: return std::nullopt;
    }
}

[[nodiscard]] constexpr std::optional<projection_export_stage> export_stage_of(projected_event e) noexcept {
    switch (e) {
        case projected_event::export_completed: return projection_export_stage::completed;
        case projected_event::export_failed: return projection_export_stage::failed;
        default: return std::nullopt;
    }
}

/// `from` after an event targeting `to`: the later of the two (never backwards).
template <class Stage>
[[nodiscard]] constexpr Stage advance_stage(Stage from, std::optional<Stage> to) noexcept {
    return to && static_cast<std::uint8_t>(*to) > static_cast<std::uint8_t>(from) ? *to : from;
}

/// What current_state is derived from (the snapshot's stages plus the facts that split them).
struct projection_facts {
    projection_lifecycle_stage lifecycle = projection_lifecycle_stage::pending;
    projection_identity_stage identity = projection_identity_stage::pending;
    projection_export_stage exports = projection_export_stage::pending;
    std::optional<std::int32_t> exit_code;                    ///< of the last command.v1.completed
    std::optional<lifecycle_destroy_outcome> destroy_outcome;  ///< of lifecycle.v1.destroyed
};

/// current_state, highest precedence first (UNCONFIRMED upstream; the rule of the reference note
/// §1.6 and of the peers): destroyed (destroyFailed when the outcome failed), an export stage, a
/// completed command (succeeded only for exit code 0; a missing code is a failure), a failed or
/// materialized identity, started, pending. A revoked identity says nothing more than started.
[[nodiscard]] constexpr projection_current_state derive_current_state(const projection_facts& f) noexcept {
    using S = projection_current_state;
    if (f.lifecycle == projection_lifecycle_stage::destroyed)
        return f.destroy_outcome == lifecycle_destroy_outcome::failed ? S::destroy_failed : S::destroyed;
    if (f.exports == projection_export_stage::failed) return S::export_failed;
    if (f.exports == projection_export_stage::completed) return S::export_succeeded;
    if (f.lifecycle == projection_lifecycle_stage::command_completed)
        return f.exit_code == 0 ? S::command_succeeded : S::command_failed;
    if (f.identity == projection_identity_stage::failed) return S::identity_failed;
    if (f.identity == projection_identity_stage::materialized) return S::identity_ready;
    return f.lifecycle == projection_lifecycle_stage::started ? S::started : S::pending;
}

}  // namespace cellos
