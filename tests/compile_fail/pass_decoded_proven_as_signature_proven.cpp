// Code that needs a proof checked by this library takes signature_proven: a Proven authority made
// from a derivation and an artifact taken on trust (the JSON boundary's path) is not one.
// EXPECT: (no matching function for call to 'act_on'|could not convert|no viable conversion|invalid initialization)
#include "cellos/trust/proven.hpp"
using namespace cellos;
inline int act_on(const trust::signature_proven& p) { return static_cast<int>(p.evidence().kid.size()); }
#ifdef CELLOS_COMPILE_FAIL_CONTROL
int use(const trust::signature_proven& p) { return act_on(p); }  // ✅
#else
int use(authority_derivation d) {
    auto made = make_authority<authority_kind::proven>(std::move(d), jws_verified{"kid"});
    return act_on(made.value());  // ❌
}
#endif
