// Guest events exist only while the cell runs: an admitted cell has no guest to report yet.
// EXPECT: \[guest_event_stage\]
#include "lifecycle_fixture.hpp"
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto report(const started_cell& c, const guest_authority& d) { return c.guest_event("process_spawned", d); }  // ✅
#else
auto report(const admitted_cell& c, const guest_authority& d) { return c.guest_event("process_spawned", d); }  // ❌
#endif
