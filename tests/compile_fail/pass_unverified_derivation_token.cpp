// The derivation-token scope policy runs after verification only: it takes
// verified<authority_derivation_token>, and a token nobody verified does not convert to it.
// EXPECT: (invalid initialization of reference of type|no matching function for call to 'enforce_derivation_scope_policy')
#include "cellos/trust.hpp"
using namespace cellos::trust;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto admit(const verified<authority_derivation_token>& v) { return enforce_derivation_scope_policy(v, {}); }  // ✅
#else
auto admit(const authority_derivation_token& t) { return enforce_derivation_scope_policy(t, {}); }  // ❌
#endif
