// Key kinds are types: an HMAC key cannot sign an Ed25519 envelope (nor a public key key an HMAC).
// EXPECT: (invalid initialization of reference of type .const cellos::trust::cryptopp_provider::ed25519_signing_key|no matching function for call to 'sign_event_ed25519')
#include "cellos/trust.hpp"
using namespace cellos::trust;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto sign(const cellos::cloud_event_v1& e, const hmac_key& key) { return sign_event_hmac_sha256(e, "k", key); }  // ✅
#else
auto sign(const cellos::cloud_event_v1& e, const hmac_key& key) { return sign_event_ed25519(e, "k", key); }  // ❌
#endif
