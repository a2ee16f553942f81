// A Proven result needs a proof among its inputs: observations alone cannot derive it.
// EXPECT: cellos: derivation inputs do not fit the target kind's envelope
#include "cellos/authority.hpp"
using namespace cellos;
using sni = authority<authority_kind::observed, 2, epistemic_status::direct_observation>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto upgrade(const proven_authority<4>& p, const sni& s) { return derive<authority_kind::proven, 2>(p, s); }  // ✅
#else
auto upgrade(const proven_authority<4>& p, const sni& s) { return derive<authority_kind::proven, 2>(s); }  // ❌
#endif
