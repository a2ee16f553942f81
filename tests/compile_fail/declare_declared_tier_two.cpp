// Declared authority has a tier-1 ceiling: authority<declared, 2, …> does not exist.
// EXPECT: cellos: Declared authority has a tier-1 ceiling
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
using guest = authority<authority_kind::declared, 1, epistemic_status::declared>;  // ✅ tier 1
#else
using guest = authority<authority_kind::declared, 2, epistemic_status::declared>;  // ❌ tier 2
#endif
static_assert(guest::tier >= 0);
