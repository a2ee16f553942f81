// Declared evidence is DECLARED: a guest cannot claim a host-side epistemic status (ADR-0006 §3).
// EXPECT: cellos: epistemic status is not admissible for this authority kind
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
using guest = authority<authority_kind::declared, 1, epistemic_status::declared>;  // ✅
#else
using guest = authority<authority_kind::declared, 1, epistemic_status::direct_observation>;  // ❌
#endif
static_assert(guest::tier >= 0);
