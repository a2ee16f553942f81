// cellos/spec/keyset.hpp — the shape of a signed trust-keyset envelope (SEC-25). Verification is
// the trust plane's job (cellos/trust/); here is only what travels. Field names are our choice;
// the document kind string is upstream's.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

inline constexpr std::string_view signed_trust_keyset_envelope_kind = "signed-trust-keyset-envelope-v1";

enum class signature_algorithm { ed25519 };
template <>
struct detail::enum_names<signature_algorithm> {
    static constexpr std::array<std::string_view, 1> wire{"ed25519"};
};

template <Storage S = runtime_storage>
struct basic_trust_keyset_signature {
    typename S::string kid{};
    signature_algorithm algorithm{};
    typename S::string signature{};  ///< base64url, no padding

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"kid", &basic_trust_keyset_signature::kid},
                          detail::field{"algorithm", &basic_trust_keyset_signature::algorithm},
                          detail::field{"signature", &basic_trust_keyset_signature::signature}};
    }
    friend constexpr bool operator==(const basic_trust_keyset_signature&, const basic_trust_keyset_signature&) = default;
};

template <Storage S = runtime_storage>
struct basic_signed_trust_keyset_envelope {
    typename S::string kind{};     ///< signed_trust_keyset_envelope_kind
    typename S::string payload{};  ///< base64url of the keyset document's bytes (what is signed)
    typename S::template list<basic_trust_keyset_signature<S>> signatures{};
    std::optional<std::uint64_t> sequence{};                 ///< monotonic, for chains (replay safety)
    std::optional<typename S::string> previous_digest{};     ///< sha256 of the previous payload

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"kind", &basic_signed_trust_keyset_envelope::kind},
                          detail::field{"payload", &basic_signed_trust_keyset_envelope::payload},
                          detail::field{"signatures", &basic_signed_trust_keyset_envelope::signatures},
                          detail::field{"sequence", &basic_signed_trust_keyset_envelope::sequence},
                          detail::field{"previousDigest", &basic_signed_trust_keyset_envelope::previous_digest}};
    }
    friend constexpr bool operator==(const basic_signed_trust_keyset_envelope&, const basic_signed_trust_keyset_envelope&) = default;
};

using trust_keyset_signature = basic_trust_keyset_signature<>;
using signed_trust_keyset_envelope = basic_signed_trust_keyset_envelope<>;

}  // namespace cellos
