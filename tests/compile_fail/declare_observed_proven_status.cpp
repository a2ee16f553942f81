// An observation is not a proof: Observed with a proven status does not exist.
// EXPECT: cellos: epistemic status is not admissible for this authority kind
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
using seen = authority<authority_kind::observed, 2, epistemic_status::direct_observation>;  // ✅
#else
using seen = authority<authority_kind::observed, 2, epistemic_status::cryptographically_proven>;  // ❌
#endif
static_assert(seen::tier >= 0);
