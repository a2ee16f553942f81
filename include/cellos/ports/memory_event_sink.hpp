// cellos/ports/memory_event_sink.hpp — an EventSink that keeps every event in memory, in order, so
// tests and examples can check what a supervisor emitted. Unbounded: not for production.
#pragma once

#include <vector>

#include "cellos/ports/concepts.hpp"

namespace cellos {

struct memory_event_sink {
    std::vector<cloud_event_v1> events;

    [[nodiscard]] checked<void> emit(const cloud_event_v1& event) {
        events.push_back(event);
        return boost::outcome_v2::success();
    }
};

static_assert(EventSink<memory_event_sink>);

}  // namespace cellos
