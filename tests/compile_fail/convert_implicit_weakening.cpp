// Within a kind, a tier changes only through weaken<Tier>(): explicit and visible in review.
// EXPECT: cellos: a typed authority changes only through weaken<Tier>\(\)
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
declared_authority<0> lower(const declared_authority<1>& a) { return a.weaken<0>(); }  // ✅
#else
declared_authority<0> lower(const declared_authority<1>& a) { return declared_authority<0>(a); }  // ❌
#endif
