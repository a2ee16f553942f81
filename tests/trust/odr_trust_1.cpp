// ODR check for the trust plane, TU 1: cellos/trust.hpp in two TUs linked together (odr_trust_2.cpp).
// A duplicate definition fails the link; both TUs must agree on signatures and payloads.
#include <string>

#include "cellos/trust.hpp"

std::string signature_from_tu2();

int main() {
    const std::string seed(32, 'k');
    const auto key = cellos::trust::ed25519_private_key::from_seed(cellos::trust::bytes_of(seed));
    if (!key) return 1;
    const auto sig = cellos::trust::sign_ed25519(key.value(), cellos::trust::bytes_of("odr"));
    if (!sig) return 2;
    return sig.value().to_base64url() == signature_from_tu2() ? 0 : 3;
}
