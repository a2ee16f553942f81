// A verified<T> comes only from a verify_* function of cellos/trust/: an envelope cannot be
// declared verified by hand (private constructor; the one door is detail::verified_access).
// EXPECT: (is private within this context|calling a private constructor)
#include "cellos/trust.hpp"
using namespace cellos::trust;
using verified_envelope = verified<signed_event_envelope_v1>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto accept(signed_event_envelope_v1 env, const keyring& keys) { return verify_signed_event_envelope(std::move(env), keys); }  // ✅
#else
auto accept(signed_event_envelope_v1 env, const keyring&) { return verified_envelope(std::move(env), "kid"); }  // ❌
#endif
