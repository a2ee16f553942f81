// A Proven authority built by the trust plane needs a signature this library verified: an envelope
// nobody verified does not convert to verified<signed_event_envelope_v1>.
// EXPECT: (no matching function for call to 'prove_from_signature'|no known conversion|invalid initialization of reference of type .*verified<)
#include "cellos/trust/proven.hpp"
using namespace cellos::trust;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto prove(cellos::authority_derivation d, const verified<signed_event_envelope_v1>& v) { return prove_from_signature(std::move(d), v); }  // ✅
#else
auto prove(cellos::authority_derivation d, const signed_event_envelope_v1& env) { return prove_from_signature(std::move(d), env); }  // ❌
#endif
