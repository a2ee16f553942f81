// Guest declarations never mix with host evidence: no kind's envelope holds both.
// EXPECT: cellos: derivation inputs do not fit the target kind's envelope
#include "cellos/authority.hpp"
using namespace cellos;
using sni = authority<authority_kind::observed, 2, epistemic_status::direct_observation>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto mix(const declared_authority<1>&, const sni& s) { return derive<authority_kind::observed, 1>(s); }  // ✅
#else
auto mix(const declared_authority<1>& g, const sni& s) { return derive<authority_kind::observed, 1>(g, s); }  // ❌
#endif
