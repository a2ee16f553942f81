// libFuzzer target for the trust plane's inputs: any bytes as a signed event envelope (parsed, then
// verified against a fixed keyring holding one Ed25519 and one HMAC key), as a trust-key file, and
// as base64url. Nothing may crash or throw; a verified envelope must survive encode → parse →
// verify (the canonical payload is a fixed point); decoded base64url must re-encode to its text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;

const ct::keyring& keys() {
    static const ct::keyring ring = [] {
        ct::keyring r;
        const std::vector<std::uint8_t> seed(32, 0x11);
        const auto sk = ct::ed25519_private_key::from_seed(seed).value();
        (void)r.add_ed25519("ed-1", ct::ed25519_public_key_of(sk).value());
        (void)r.add_hmac("mac-1", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x22)).value());
        return r;
    }();
    return ring;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto env = ct::parse_signed_event_envelope(text)) {
        if (auto ok = ct::verify_signed_event_envelope(env.value(), keys())) {
            const auto again = ct::parse_signed_event_envelope(ct::to_text(ok.value().value()).value());
            if (!again || !ct::verify_signed_event_envelope(again.value(), keys())) std::abort();
        }
    }
    if (auto ring = ct::parse_trust_verify_keys(text)) {
        for (const auto& [kid, key] : ring.value().ed25519_keys())
            if (!ct::is_kid(kid) || ct::ed25519_public_key::from_base64url(key.to_base64url()).value() != key) std::abort();
    }
    if (const auto bytes = ct::decode_base64url(text)) {
        const auto body = ct::base64url_body(text);
        if (!body || ct::encode_base64url(ct::byte_view(bytes->data(), bytes->size())) != *body) std::abort();
    }
    return 0;
}
