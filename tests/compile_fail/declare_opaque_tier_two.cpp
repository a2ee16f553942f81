// Opacity caps the tier at 1: an opaque observation at tier 2 does not exist.
// EXPECT: cellos: tier exceeds the ceiling of this epistemic status
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
using ech = authority<authority_kind::observed, 1, epistemic_status::opaque>;  // ✅ tier 1
#else
using ech = authority<authority_kind::observed, 2, epistemic_status::opaque>;  // ❌ tier 2
#endif
static_assert(ech::tier >= 0);
