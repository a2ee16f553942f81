// libFuzzer target for trust keysets: any bytes as a keyset document, as one signed keyset envelope
// and as a chain (a JSON array of envelopes). Signatures are checked by a provider that accepts every
// well-formed signature, so mutated inputs get past the signature checks and exercise what follows
// them (payload parsing, header agreement, thresholds of distinct keys, chain linkage, windows); the
// real Ed25519 check is covered by fuzz_signed_event and the vectors. Nothing may crash or throw; an
// accepted keyset must re-encode to a document that parses to the same keys.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/json/described.hpp"
#include "cellos/trust/keyset.hpp"

namespace {

namespace ct = cellos::trust;

/// Real hashing and key handling; every well-formed Ed25519 signature "verifies".
struct accept_all_provider : ct::cryptopp_provider {
    [[nodiscard]] bool ed25519_verify(const ct::ed25519_public_key&, ct::byte_view, const ct::ed25519_signature&) const noexcept { return true; }
};
static_assert(ct::CryptoProvider<accept_all_provider>);

const ct::keyring& anchors() {
    static const ct::keyring ring = [] {
        ct::keyring r;
        for (std::uint8_t n : {1, 2, 9}) {
            const auto sk = ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, n)).value();
            (void)r.add_ed25519("k" + std::to_string(n), ct::ed25519_public_key_of(sk).value());
        }
        return r;
    }();
    return ring;
}

void check_accepted(const ct::verified_keyset& v) {
    const auto again = ct::parse_trust_keyset(cellos::json::to_text(ct::to_value(v->keyset)));
    if (!again || again.value().keys.ed25519_keys() != v->keyset.keys.ed25519_keys() || again.value().version != v->keyset.version) std::abort();
    if (v->signer_kids.empty() || v->digest.size() != 71) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto k = ct::parse_trust_keyset(text)) {
        if (ct::check_trust_keyset(k.value())) std::abort();  // decoding already applied every rule
    }
    const auto now = std::chrono::sys_seconds(std::chrono::seconds(1780000000));  // 2026-05-28
    const accept_all_provider provider;
    if (auto env = cellos::json::parse_document<cellos::signed_trust_keyset_envelope>(text)) {
        auto v = ct::verify_signed_trust_keyset_envelope(env.value(), anchors(), ct::keyset_verify_options::at(now), provider);
        if (v) check_accepted(v.value());
    }
    const auto doc = cellos::json::parse_strict(text);
    cellos::json::decoder d;
    if (auto chain = doc ? cellos::json::decode<std::vector<cellos::signed_trust_keyset_envelope>>(doc.value(), d)
                         : cellos::checked<std::vector<cellos::signed_trust_keyset_envelope>>(doc.error())) {
        auto o = ct::keyset_chain_options::at(now);
        o.last_accepted_version = 2;
        auto v = ct::verify_signed_trust_keyset_chain(std::span<const cellos::signed_trust_keyset_envelope>(chain.value()), anchors(), o, provider);
        if (v) {
            check_accepted(v.value());
            if (v.value()->links != chain.value().size() || v.value()->keyset.version < 2) std::abort();
        }
    }
    return 0;
}
