// An API that needs a verified event takes verified<signed_event_envelope_v1>: an envelope nobody
// verified does not convert to it.
// EXPECT: (invalid initialization of reference of type|no matching function for call to 'verified_event')
#include "cellos/trust.hpp"
using namespace cellos::trust;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
const cellos::cloud_event_v1& act_on(const verified<signed_event_envelope_v1>& v) { return verified_event(v); }  // ✅
#else
const cellos::cloud_event_v1& act_on(const signed_event_envelope_v1& env) { return verified_event(env); }  // ❌
#endif
