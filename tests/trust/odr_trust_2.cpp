// ODR check for the trust plane, TU 2 (see odr_trust_1.cpp).
#include <string>

#include "cellos/trust.hpp"

std::string signature_from_tu2() {
    const std::string seed(32, 'k');
    const auto key = cellos::trust::ed25519_private_key::from_seed(cellos::trust::bytes_of(seed));
    if (!key) return {};
    const auto sig = cellos::trust::sign_ed25519(key.value(), cellos::trust::bytes_of("odr"));
    return sig ? sig.value().to_base64url() : std::string{};
}
