// A derivation needs evidence: derive<>() with no typed input does not compile.
// EXPECT: cellos: derive<>\(\) needs at least one typed authority input
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto from(const declared_authority<1>& a) { return derive<authority_kind::declared, 1>(a); }  // ✅
#else
auto from(const declared_authority<1>&) { return derive<authority_kind::declared, 1>(); }  // ❌
#endif
