// Only the admitted stage is constructible: a started cell comes from start(), never from a constructor.
// EXPECT: \[admission_only\]
#include "lifecycle_fixture.hpp"
#ifdef CELLOS_COMPILE_FAIL_CONTROL
admitted_cell make(cellos::execution_cell_spec s, guest_authority a) { return admitted_cell(std::move(s), "cell-1", std::move(a)); }  // ✅
#else
started_cell make(cellos::execution_cell_spec s, guest_authority a) { return started_cell(std::move(s), "cell-1", std::move(a)); }  // ❌
#endif
