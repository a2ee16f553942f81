// Observed authority caps at tier 2, even when structurally aligned (§14.1).
// EXPECT: cellos: Observed authority has a tier-2 ceiling
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
using sni = authority<authority_kind::observed, 2, epistemic_status::structurally_aligned>;  // ✅ tier 2
#else
using sni = authority<authority_kind::observed, 3, epistemic_status::structurally_aligned>;  // ❌ tier 3
#endif
static_assert(sni::tier >= 0);
