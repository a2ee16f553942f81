// cellos/json/projection.hpp — the state projection at the JSON boundary: apply a decoded CloudEvent
// to a cell_state_projection, and write snapshots (CellStateSnapshot, camelCase, absent = null as
// serde writes it) and the projector's summary (the peers' keys, shared/peers/README.md §3).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "cellos/json/projection_reader.hpp"
#include "cellos/projection/cell_state.hpp"
#include "cellos/projection/fleet.hpp"

namespace cellos::json {

/// What apply did with a decoded event: applied, duplicate, or ignored (a type the reducer does
/// not read). Errors: the data the reducer needs is not readable (the reader's problem), or the
/// event is of another cell (projection_cell_mismatch).
enum class event_outcome : std::uint8_t { applied, duplicate, ignored };

[[nodiscard]] inline checked<event_outcome> apply(cell_state_projection& projection, const cloud_event_v1& e) {
    projection_reader reader;
    const projection_line& line = reader.read(e);
    if (line.kind == projection_line_kind::ignored) return event_outcome::ignored;
    if (line.kind != projection_line_kind::event) return *line.error;
    BOOST_OUTCOME_TRY(const apply_outcome done, projection.apply(line.event));
    return done == apply_outcome::applied ? event_outcome::applied : event_outcome::duplicate;
}

namespace detail {
template <class T>
[[nodiscard]] boost::json::value or_null(const std::optional<T>& o) {
    if (!o) return nullptr;
    if constexpr (std::is_enum_v<T>) return boost::json::string(to_wire(*o));
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) return boost::json::string(std::string_view(*o));
    else return boost::json::value(*o);
}
}  // namespace detail

/// A snapshot as JSON: the 13 members in upstream's order; an absent value is null.
[[nodiscard]] inline boost::json::object snapshot_to_value(const cell_state_snapshot& s) {
    using detail::or_null;
    boost::json::object o;
    o.reserve(13);
    o["specId"] = or_null(s.spec_id);
    o["cellId"] = or_null(s.cell_id);
    o["runId"] = or_null(s.run_id);
    if (s.placement)
        o["placement"] = boost::json::object{{"poolId", or_null(s.placement->pool_id)},
                                             {"region", or_null(s.placement->region)},
                                             {"zone", or_null(s.placement->zone)}};
    else
        o["placement"] = nullptr;
    o["lifecycleStage"] = to_wire(s.lifecycle_stage);
    o["identityStage"] = to_wire(s.identity_stage);
    o["exportStage"] = to_wire(s.export_stage);
    o["currentState"] = to_wire(s.current_state);
    o["commandExitCode"] = or_null(s.command_exit_code);
    o["destroyReason"] = or_null(s.destroy_reason);
    o["lastError"] = or_null(s.last_error);
    boost::json::array exports;
    exports.reserve(s.exports.size());
    for (const auto& r : s.exports)
        exports.push_back(boost::json::object{{"targetKind", or_null(r.target_kind)},
                                              {"targetName", or_null(r.target_name)},
                                              {"destination", or_null(r.destination)},
                                              {"bytesWritten", or_null(r.bytes_written)}});
    o["exports"] = std::move(exports);
    o["processedEvents"] = s.processed_events;
    return o;
}

/// The counts, cell total and per-state totals of a fleet: the peers' summary members (the timing
/// members are the caller's).
[[nodiscard]] inline boost::json::object summary_to_value(const fleet_projection& f) {
    const projection_counts& c = f.counts();
    std::array<std::uint64_t, cellos::detail::enum_count<projection_current_state>> states{};
    std::uint64_t export_records = 0, bytes_written = 0, processed = 0;
    for (const auto& cell : f.cells()) {
        ++states[static_cast<std::size_t>(cell.current_state())];
        export_records += cell.exports.size();
        for (const auto& r : cell.exports) bytes_written += r.bytes_written.value_or(0);
        processed += cell.processed_events;
    }
    boost::json::object by_state;
    for (std::size_t i = 0; i < states.size(); ++i) by_state[to_wire(static_cast<projection_current_state>(i))] = states[i];
    return boost::json::object{{"eventsRead", c.events_read},
                               {"malformed", c.malformed},
                               {"applied", c.applied},
                               {"duplicates", c.duplicates},
                               {"ignored", c.ignored},
                               {"invalid", c.invalid},
                               {"blankLines", c.blank_lines},
                               {"signedVerified", c.signed_verified},
                               {"cells", f.cell_count()},
                               {"states", std::move(by_state)},
                               {"exportRecords", export_records},
                               {"bytesWrittenTotal", bytes_written},
                               {"processedEventsTotal", processed}};
}

}  // namespace cellos::json
