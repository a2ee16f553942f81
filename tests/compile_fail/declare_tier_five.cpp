// Tiers live in [0, 4].
// EXPECT: cellos: authority tier must be in \[0, 4\]
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
using top = proven_authority<4>;  // ✅
#else
using top = proven_authority<5>;  // ❌
#endif
static_assert(top::tier >= 0);
