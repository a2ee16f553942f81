// Non-inflation across derivation: the result's tier <= the strongest input's tier.
// EXPECT: cellos: derived tier exceeds the strongest input's tier
#include "cellos/authority.hpp"
using namespace cellos;
using sni = authority<authority_kind::observed, 1, epistemic_status::direct_observation>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto combine(const sni& a, const sni& b) { return derive<authority_kind::observed, 1>(a, b); }  // ✅
#else
auto combine(const sni& a, const sni& b) { return derive<authority_kind::observed, 2>(a, b); }  // ❌
#endif
