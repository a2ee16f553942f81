// Compile-time proof of the projection's transition table (projection/stages.hpp) and of the reducer
// itself: every pair (stage, event) moves forward or stays, never backwards; applying an event twice
// is applying it once; and whole event sequences replayed in a constant expression give the
// current_state the table promises, in any order.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cellos/projection/cell_state.hpp"

namespace {
using namespace cellos;
using view_event = basic_projection_event<constexpr_storage>;
using view_state = basic_cell_state<constexpr_storage>;

template <class Stage>
consteval bool never_backwards(std::optional<Stage> (*target)(projected_event)) {
    for (const Stage from : detail::all_enumerators<Stage>())
        for (const projected_event e : detail::all_enumerators<projected_event>()) {
            const Stage to = advance_stage(from, target(e));
            if (static_cast<std::uint8_t>(to) < static_cast<std::uint8_t>(from)) return false;
            if (advance_stage(to, target(e)) != to) return false;  // idempotent
        }
    return true;
}
static_assert(never_backwards<projection_lifecycle_stage>(&lifecycle_stage_of));
static_assert(never_backwards<projection_identity_stage>(&identity_stage_of));
static_assert(never_backwards<projection_export_stage>(&export_stage_of));

// The eight CONFIRMED type strings, and nothing else, are read.
static_assert(projected_event_of("dev.cellos.events.cell.export.v2.completed") == projected_event::export_completed);
static_assert(!projected_event_of("dev.cellos.events.cell.export.v1.completed"));  // v2 only
static_assert(!projected_event_of("dev.cellos.events.cell.lifecycle.v1.failed"));
static_assert(!projected_event_of("dev.cellos.events.signed_envelope.v1"));
static_assert(detail::enum_count<projected_event> == 8);

// current_state precedence.
static_assert(derive_current_state({}) == projection_current_state::pending);
static_assert(derive_current_state({projection_lifecycle_stage::command_completed, projection_identity_stage::materialized,
                                    projection_export_stage::pending, 0, std::nullopt}) == projection_current_state::command_succeeded);
static_assert(derive_current_state({projection_lifecycle_stage::command_completed, {}, {}, std::nullopt, std::nullopt}) ==
              projection_current_state::command_failed);  // no exit code is no success
static_assert(derive_current_state({projection_lifecycle_stage::destroyed, {}, projection_export_stage::failed, 0,
                                    lifecycle_destroy_outcome::failed}) == projection_current_state::destroy_failed);
static_assert(derive_current_state({projection_lifecycle_stage::started, projection_identity_stage::revoked, {}, {}, {}}) ==
              projection_current_state::started);

// Replays in a constant expression.
constexpr view_event ev(projected_event k, std::string_view id) {
    view_event e;
    e.kind = k;
    e.id = id;
    e.cell_id = "cell-1";
    return e;
}
constexpr auto identity = [](std::string_view s) { return s; };

/// What a replay leaves, without its vector (a constant may not keep an allocation).
struct replayed {
    projection_lifecycle_stage lifecycle_stage;
    projection_identity_stage identity_stage;
    projection_export_stage export_stage;
    projection_current_state state;
    std::uint64_t processed_events;
    std::size_t exports;
    std::uint64_t first_export_bytes;
    constexpr projection_current_state current_state() const { return state; }
};

template <std::size_t N>
consteval replayed replay(const std::array<view_event, N>& events) {
    view_state s;
    for (const auto& e : events) reduce(s, e, identity);
    return {s.lifecycle_stage, s.identity_stage, s.export_stage, s.current_state(), s.processed_events, s.exports.size(),
            s.exports.empty() ? 0 : s.exports[0].bytes_written.value_or(0)};
}

constexpr view_event started = ev(projected_event::started, "a");
constexpr view_event materialized = ev(projected_event::identity_materialized, "b");
constexpr view_event command = [] {
    view_event e = ev(projected_event::command_completed, "c");
    e.exit_code = 0;
    return e;
}();
constexpr view_event exported = [] {
    view_event e = ev(projected_event::export_completed, "d");
    e.export_record.bytes_written = 10;
    return e;
}();
constexpr view_event destroyed = [] {
    view_event e = ev(projected_event::destroyed, "e");
    e.outcome = lifecycle_destroy_outcome::succeeded;
    e.reason = "completed";
    return e;
}();

constexpr auto in_order = replay(std::array{started, materialized, command, exported, destroyed});
constexpr auto reversed = replay(std::array{destroyed, exported, command, materialized, started});
static_assert(in_order.current_state() == projection_current_state::destroyed);
static_assert(in_order.lifecycle_stage == reversed.lifecycle_stage && in_order.identity_stage == reversed.identity_stage &&
              in_order.export_stage == reversed.export_stage && in_order.current_state() == reversed.current_state());
static_assert(in_order.processed_events == 5 && in_order.exports == 1 && in_order.first_export_bytes == 10);
static_assert(replay(std::array{started, command}).current_state() == projection_current_state::command_succeeded);
static_assert(replay(std::array{started, exported, ev(projected_event::export_failed, "f"), exported}).current_state() ==
              projection_current_state::export_failed);  // failed sticks
static_assert(replay(std::array{started, ev(projected_event::identity_failed, "g"), materialized}).identity_stage ==
              projection_identity_stage::failed);  // a failed identity is never ready again
static_assert(replay(std::array{destroyed, started}).lifecycle_stage == projection_lifecycle_stage::destroyed);  // late start

// `reduce` takes projection events only, and the state's storage must be a Storage.
template <class State, class Event, class Keep>
concept Reducible = requires(State s, Event e, Keep k) { reduce(s, e, k); };
using keep_view = decltype(identity);
static_assert(Reducible<view_state, view_event, keep_view>);
static_assert(Reducible<cell_state, view_event, std::string (*)(std::string_view)>);
static_assert(!Reducible<view_state, int, keep_view>);                  // only projection events
static_assert(!Reducible<view_state, view_event, int>);                 // keep must make the state's strings
static_assert(!Reducible<cell_state, view_event, keep_view>);           // a view is not an owned string

}  // namespace
