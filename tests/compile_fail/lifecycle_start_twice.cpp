// A started cell cannot start again: each transition leaves the stage it came from.
// EXPECT: \[lifecycle_order\]
#include "lifecycle_fixture.hpp"
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto next(started_cell c) { return std::move(c).complete_command(0, 1200); }  // ✅
#else
auto next(started_cell c) { return std::move(c).start(); }  // ❌ started -> started
#endif
