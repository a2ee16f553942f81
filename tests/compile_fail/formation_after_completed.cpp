// COMPLETED is final: a completed formation cannot run again.
// EXPECT: \[terminal_state\]
#include <utility>

#include "cellos/lifecycle.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto next(formation<formation_state::degraded> f) { return std::move(f).run(); }  // ✅ DEGRADED -> RUNNING
#else
auto next(formation<formation_state::completed> f) { return std::move(f).run(); }  // ❌
#endif
