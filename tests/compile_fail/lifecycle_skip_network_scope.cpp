// A cell cannot resolve secrets before its network is scoped: stages follow the supervisor's order.
// EXPECT: \[lifecycle_order\]
#include "lifecycle_fixture.hpp"
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto next(admitted_cell c) { return std::move(c).scope_network().resolve_secrets(); }  // ✅
#else
auto next(admitted_cell c) { return std::move(c).resolve_secrets(); }  // ❌ skips networkScoped
#endif
