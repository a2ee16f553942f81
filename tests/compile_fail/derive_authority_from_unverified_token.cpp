// The kernel's typed authority comes from a verified token only: derived_authority<K> takes
// verified<authority_derivation_token>, so an unverified token's derivation cannot become Proven.
// EXPECT: (invalid initialization of reference of type|no matching function for call to 'derived_authority)
#include "cellos/trust.hpp"
using namespace cellos::trust;
using cellos::authority_kind;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto prove(const verified<authority_derivation_token>& v) { return derived_authority<authority_kind::proven>(v); }  // ✅
#else
auto prove(const authority_derivation_token& t) { return derived_authority<authority_kind::proven>(t); }  // ❌
#endif
