// A pending formation cannot complete before it launched and ran: formations follow their order.
// EXPECT: \[formation_order\]
#include <utility>

#include "cellos/lifecycle.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto next(formation<formation_state::pending> f) { return std::move(f).launch(); }  // ✅ PENDING -> LAUNCHING
#else
auto next(formation<formation_state::pending> f) { return std::move(f).complete(); }  // ❌ PENDING -> COMPLETED
#endif
