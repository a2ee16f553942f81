// A type whose emit returns nothing is not an EventSink: a decorator refuses it as its inner sink.
// EXPECT: \[event_sink\]
#include "cellos/ports.hpp"

struct silent_sink {
    void emit(const cellos::cloud_event_v1&) {}  // a refusal would vanish: no checked<void>
};

#ifdef CELLOS_COMPILE_FAIL_CONTROL
using sink = cellos::redacting_sink<cellos::memory_event_sink>;  // ✅
#else
using sink = cellos::redacting_sink<silent_sink>;  // ❌ emit must return checked<void>
#endif
sink* make_sink();
