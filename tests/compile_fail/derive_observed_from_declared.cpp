// Anything derived only from Declared inputs is Declared (tier <= 1).
// EXPECT: cellos: anything derived only from Declared inputs is Declared
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto launder(const declared_authority<1>& a) { return derive<authority_kind::declared, 1>(a); }  // ✅
#else
auto launder(const declared_authority<1>& a) { return derive<authority_kind::observed, 1>(a); }  // ❌
#endif
