// cellos/projection/cell_state.hpp — the one reducer of CellOS: events in, a cell's state out.
// `reduce` is pure and constexpr (static_asserts replay event sequences at compile time), templated
// on the storage of the state it writes (owned strings for `cell_state_projection`, interned views
// for the streaming projector) so both run the very same rules. `cell_state_projection` adds the
// two checks a single cell needs: an event id applies once, and an event of another cell is an
// error. Rules and decisions: docs/projection.md. Core header: no Boost.JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/unordered/unordered_flat_set.hpp>

#include "cellos/detail/fields.hpp"
#include "cellos/error.hpp"
#include "cellos/events/enums.hpp"
#include "cellos/problem.hpp"
#include "cellos/projection/stages.hpp"
#include "cellos/spec/context.hpp"
#include "cellos/spec/export.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

/// ExportProjectionRecord (CONFIRMED fields): one export.v2.completed, as the projection keeps it.
template <Storage S = runtime_storage>
struct basic_export_projection_record {
    std::optional<export_receipt_target_kind> target_kind{};
    std::optional<typename S::string> target_name{};
    std::optional<typename S::string> destination{};
    std::optional<std::uint64_t> bytes_written{};

    static constexpr auto wire_fields() {
        using T = basic_export_projection_record;
        return std::tuple{detail::field{"targetKind", &T::target_kind}, detail::field{"targetName", &T::target_name},
                          detail::field{"destination", &T::destination}, detail::field{"bytesWritten", &T::bytes_written}};
    }
    friend constexpr bool operator==(const basic_export_projection_record&, const basic_export_projection_record&) = default;
};
using export_projection_record = basic_export_projection_record<>;

/// What the reducer reads of one event: its kind and id, and the `data` members the projection uses,
/// already type-checked at the JSON boundary (json/projection_reader.hpp). Views by default: the
/// reader fills it without allocating; `reduce` copies what the state keeps.
template <Storage S = constexpr_storage>
struct basic_projection_event {
    projected_event kind{};
    typename S::string id{};
    typename S::string cell_id{};
    std::optional<typename S::string> spec_id{};
    std::optional<typename S::string> run_id{};
    std::optional<basic_placement_spec<S>> placement{};
    std::optional<std::int32_t> exit_code{};                   ///< command.v1.completed
    std::optional<lifecycle_destroy_outcome> outcome{};        ///< lifecycle.v1.destroyed
    std::optional<lifecycle_terminal_state> terminal_state{};  ///< lifecycle.v1.destroyed
    std::optional<identity_failure_operation> operation{};     ///< identity.v1.failed
    std::optional<typename S::string> reason{};  ///< destroyed: the destroy reason; identity/export failed: the error
    basic_export_projection_record<S> export_record{};        ///< export.v2.completed / failed
};
using projection_event = basic_projection_event<>;

/// A cell's projected state: upstream CellStateProjection's public fields (CONFIRMED, in order), and
/// the two facts current_state needs that the snapshot does not show (destroy outcome, terminal state).
template <Storage S = runtime_storage>
struct basic_cell_state {
    std::optional<typename S::string> spec_id{};
    std::optional<typename S::string> cell_id{};
    std::optional<typename S::string> run_id{};
    std::optional<basic_placement_spec<S>> placement{};
    projection_lifecycle_stage lifecycle_stage = projection_lifecycle_stage::pending;
    projection_identity_stage identity_stage = projection_identity_stage::pending;
    projection_export_stage export_stage = projection_export_stage::pending;
    std::optional<std::int32_t> command_exit_code{};
    std::optional<typename S::string> destroy_reason{};
    std::optional<typename S::string> last_error{};
    std::vector<basic_export_projection_record<S>> exports{};
    std::uint64_t processed_events = 0;
    std::optional<lifecycle_destroy_outcome> destroy_outcome{};
    std::optional<lifecycle_terminal_state> terminal_state{};

    [[nodiscard]] constexpr projection_current_state current_state() const noexcept {
        return derive_current_state({lifecycle_stage, identity_stage, export_stage, command_exit_code, destroy_outcome});
    }
    friend constexpr bool operator==(const basic_cell_state&, const basic_cell_state&) = default;
};
using cell_state = basic_cell_state<>;

/// CellStateSnapshot (CONFIRMED, 13 fields in this order): the state with current_state derived.
struct cell_state_snapshot {
    std::optional<std::string> spec_id;
    std::optional<std::string> cell_id;
    std::optional<std::string> run_id;
    std::optional<placement_spec> placement;
    projection_lifecycle_stage lifecycle_stage = projection_lifecycle_stage::pending;
    projection_identity_stage identity_stage = projection_identity_stage::pending;
    projection_export_stage export_stage = projection_export_stage::pending;
    projection_current_state current_state = projection_current_state::pending;
    std::optional<std::int32_t> command_exit_code;
    std::optional<std::string> destroy_reason;
    std::optional<std::string> last_error;
    std::vector<export_projection_record> exports;
    std::uint64_t processed_events = 0;

    friend bool operator==(const cell_state_snapshot&, const cell_state_snapshot&) = default;
};

namespace detail {
/// Copies a view into the state's storage through `keep` (identity for views, a copy or an intern).
template <class Keep>
[[nodiscard]] constexpr auto kept(Keep& keep, const std::optional<std::string_view>& s) {
    using T = decltype(keep(std::string_view{}));
    return s ? std::optional<T>(keep(*s)) : std::optional<T>{};
}
template <class String>
[[nodiscard]] constexpr std::optional<std::string_view> view_of(const std::optional<String>& s) noexcept {
    return s ? std::optional<std::string_view>(std::string_view(*s)) : std::nullopt;
}
template <Storage To, Storage From, class Keep>
[[nodiscard]] constexpr basic_placement_spec<To> kept_placement(Keep& keep, const basic_placement_spec<From>& p) {
    return {kept(keep, view_of(p.pool_id)), kept(keep, view_of(p.region)), kept(keep, view_of(p.zone))};
}
}  // namespace detail

/// Applies one event to `c` (the caller has checked that it is new and of this cell). Pure: the
/// state after depends only on the state before and the event. `keep(string_view)` turns a view
/// into the state's string type. The transition table is stages.hpp's; the other members:
///  * specId, runId, placement, cellId: filled from the first event that carries them;
///  * command.v1.completed: commandExitCode = its exitCode (the last one in log order);
///  * export.v2.completed: one export record appended;
///  * identity.v1.failed, export.v2.failed: lastError = the reason;
///  * lifecycle.v1.destroyed: destroyReason, the outcome and the terminal state;
///  * processedEvents + 1.
template <Storage S, Storage E, class Keep>
    requires std::is_invocable_r_v<typename S::string, Keep&, std::string_view>
constexpr void reduce(basic_cell_state<S>& c, const basic_projection_event<E>& e, Keep&& keep) {
    using detail::kept;
    using detail::view_of;
    if (!c.cell_id) c.cell_id = keep(std::string_view(e.cell_id));
    if (!c.spec_id && e.spec_id) c.spec_id = kept(keep, view_of(e.spec_id));
    if (!c.run_id && e.run_id) c.run_id = kept(keep, view_of(e.run_id));
    if (!c.placement && e.placement) c.placement = detail::kept_placement<S>(keep, *e.placement);
    c.lifecycle_stage = advance_stage(c.lifecycle_stage, lifecycle_stage_of(e.kind));
    c.identity_stage = advance_stage(c.identity_stage, identity_stage_of(e.kind));
    c.export_stage = advance_stage(c.export_stage, export_stage_of(e.kind));
    switch (e.kind) {
        case projected_event::command_completed: c.command_exit_code = e.exit_code; break;
        case projected_event::export_completed: {
            const auto& r = e.export_record;
            c.exports.push_back({r.target_kind, kept(keep, view_of(r.target_name)), kept(keep, view_of(r.destination)),
                                 r.bytes_written});
            break;
        }
        case projected_event::identity_failed:
        case projected_event::export_failed:
            if (e.reason) c.last_error = kept(keep, view_of(e.reason));
            break;
        case projected_event::destroyed:
            c.destroy_reason = kept(keep, view_of(e.reason));
            c.destroy_outcome = e.outcome;
            c.terminal_state = e.terminal_state;
            break;
        default: break;
    }
    ++c.processed_events;
}

/// What apply did with an event.
enum class apply_outcome : std::uint8_t {
    applied,    ///< the state changed (processedEvents + 1)
    duplicate,  ///< its id was applied before: nothing changed
};

/// The state projection of one cell (upstream CellStateProjection): apply events in any order, any
/// number of times; snapshot() at any point.
class cell_state_projection {
public:
    /// Applies `e` once per event id. An event of another cell than the first one applied is
    /// projection_cell_mismatch (pointer /data/cellId), and changes nothing.
    template <Storage E>
    [[nodiscard]] checked<apply_outcome> apply(const basic_projection_event<E>& e) {
        const std::string_view id(e.id);
        if (seen_.contains(id)) return apply_outcome::duplicate;
        if (state_.cell_id && *state_.cell_id != std::string_view(e.cell_id))
            return make_problem(errc::projection_cell_mismatch, "/data/cellId",
                                "event " + std::string(id) + " is for cell " + std::string(e.cell_id) + ", this projection is of cell " +
                                    *state_.cell_id);
        seen_.emplace(id);
        reduce(state_, e, [](std::string_view s) { return std::string(s); });
        return apply_outcome::applied;
    }

    [[nodiscard]] const cell_state& state() const noexcept { return state_; }
    [[nodiscard]] projection_current_state current_state() const noexcept { return state_.current_state(); }
    [[nodiscard]] cell_state_snapshot snapshot() const { return snapshot_of(state_); }

    /// A snapshot of any state (the streaming projector keeps interned views).
    template <Storage S>
    [[nodiscard]] static cell_state_snapshot snapshot_of(const basic_cell_state<S>& c) {
        const auto own = [](const auto& o) { return o ? std::optional<std::string>(std::string(std::string_view(*o))) : std::nullopt; };
        cell_state_snapshot s;
        s.spec_id = own(c.spec_id);
        s.cell_id = own(c.cell_id);
        s.run_id = own(c.run_id);
        if (c.placement) s.placement = placement_spec{own(c.placement->pool_id), own(c.placement->region), own(c.placement->zone)};
        s.lifecycle_stage = c.lifecycle_stage;
        s.identity_stage = c.identity_stage;
        s.export_stage = c.export_stage;
        s.current_state = c.current_state();
        s.command_exit_code = c.command_exit_code;
        s.destroy_reason = own(c.destroy_reason);
        s.last_error = own(c.last_error);
        s.exports.reserve(c.exports.size());
        for (const auto& r : c.exports) s.exports.push_back({r.target_kind, own(r.target_name), own(r.destination), r.bytes_written});
        s.processed_events = c.processed_events;
        return s;
    }

private:
    struct string_hash {
        using is_transparent = void;
        [[nodiscard]] std::size_t operator()(std::string_view s) const noexcept { return boost::hash<std::string_view>{}(s); }
    };
    cell_state state_;
    boost::unordered_flat_set<std::string, string_hash, std::equal_to<>> seen_;
};

}  // namespace cellos
