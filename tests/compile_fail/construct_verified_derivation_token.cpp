// A verified derivation token comes only from verify_authority_derivation: a token cannot be
// declared verified by hand (private constructor; the one door is detail::verified_access).
// EXPECT: (is private within this context|calling a private constructor)
#include "cellos/trust.hpp"
using namespace cellos::trust;
using verified_token = verified<authority_derivation_token>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto accept(authority_derivation_token t, const cellos::execution_cell_document& spec, const keyring& keys, std::chrono::sys_seconds now) {
    return verify_authority_derivation(std::move(t), spec, keys, now);  // ✅
}
#else
auto accept(authority_derivation_token t, const cellos::execution_cell_document&, const keyring&, std::chrono::sys_seconds) {
    return verified_token(std::move(t), "grantor-1");  // ❌
}
#endif
