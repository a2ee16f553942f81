// cellos/json/formation_state.hpp — CloudEvents into the formation projection
// (cellos/projection/formation_state.hpp): the event's payload is decoded strictly by the one
// event-payload decoder (json/events.hpp; problems under /data), then applied by the kernel's
// projection, which owns every rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cellos/json/events.hpp"
#include "cellos/projection/formation_state.hpp"

namespace cellos::json {

/// The event type is one of the six dev.cellos.events.cell.formation.v1.* types.
[[nodiscard]] inline bool is_formation_event_type(std::string_view type) noexcept {
    const auto t = cellos::event_type_from_string(type);
    return t && cellos::state_entered_by(*t).has_value();
}

/// The formation payload of `e`: invalid_value at /type for any other type, else the strict
/// payload decoder's problems (pointers under /data).
[[nodiscard]] inline checked<cellos::formation_event> formation_event_payload(const cellos::cloud_event_v1& e) {
    if (!is_formation_event_type(e.type))
        return make_problem(errc::invalid_value, "/type", "type \"" + e.type + "\" is not a formation.v1 event");
    BOOST_OUTCOME_TRY(auto p, decode_event_payload(e));
    return *cellos::as_formation_event(std::move(p));  // the type was checked above
}

/// Decodes `e` and applies it under its CloudEvent id: formation_projection::apply's result.
[[nodiscard]] inline checked<bool> apply_cloud_event(cellos::formation_projection& projection, const cellos::cloud_event_v1& e) {
    BOOST_OUTCOME_TRY(auto event, formation_event_payload(e));
    return projection.apply(e.id, event);
}

}  // namespace cellos::json
