// revoked is terminal: a revoked cell has no transitions left.
// EXPECT: \[terminal_stage\]
#include "lifecycle_fixture.hpp"
using revoked_cell = cellos::cell<cellos::cell_stage::revoked, guest_authority>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto next(destroyed_cell c) { return std::move(c).revoke(); }  // ✅
#else
auto next(revoked_cell c) { return std::move(c).destroy(cellos::lifecycle_destroy_outcome::succeeded); }  // ❌
#endif
