// Typed authorities come only from make_authority / the JSON boundary (validated) or from
// derive / weaken (already typed): a raw derivation cannot be wrapped by hand.
// EXPECT: (is private within this context|calling a private constructor)
#include "cellos/authority.hpp"
using namespace cellos;
using sni = authority<authority_kind::observed, 2, epistemic_status::direct_observation>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto wrap(authority_derivation d) { return make_authority<authority_kind::observed>(std::move(d)); }  // ✅
#else
auto wrap(authority_derivation d) { return sni(std::move(d)); }  // ❌
#endif
