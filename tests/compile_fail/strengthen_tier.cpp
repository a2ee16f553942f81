// weaken<Tier>() only goes down: no strengthening.
// EXPECT: cellos: weaken<Tier>\(\) cannot raise the tier
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
imposed_authority<1> step(const imposed_authority<2>& a) { return a.weaken<1>(); }  // ✅
#else
imposed_authority<3> step(const imposed_authority<2>& a) { return a.weaken<3>(); }  // ❌
#endif
