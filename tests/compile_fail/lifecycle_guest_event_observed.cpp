// A guest-originated event takes only Declared authority, even from a running cell.
// EXPECT: \[guest_declared_only\]
#include "lifecycle_fixture.hpp"
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto report(const started_cell& c, const guest_authority& d) { return c.guest_event("process_spawned", d); }  // ✅
#else
auto report(const started_cell& c, const cellos::observed_authority<2, cellos::epistemic_status::direct_observation>& o) { return c.guest_event("process_spawned", o); }  // ❌
#endif
