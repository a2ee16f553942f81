// Kinds never convert into each other (ADR-0005: no From/Into between variants).
// EXPECT: cellos: authority kinds never convert into each other
#include "cellos/authority.hpp"
using namespace cellos;
using seen = authority<authority_kind::observed, 2, epistemic_status::direct_observation>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
seen keep(const seen& observed) { return seen(observed); }  // ✅ same type: a copy
#else
proven_authority<2> keep(const seen& observed) { return proven_authority<2>(observed); }  // ❌
#endif
