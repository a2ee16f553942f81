// cellos/spec/authority_bundle.hpp — everything a cell is allowed to reach (spec.authority): secret
// refs, egress rules, DNS and CDN authority. Policy packs and the supervisor read only this.
// It may carry a grantor-signed authority derivation token (derivationToken): plain data here,
// verified by cellos/trust/derivation_token.hpp (docs/derivation.md).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "cellos/authority/declared_surface.hpp"
#include "cellos/authority/derivation.hpp"
#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/dns.hpp"
#include "cellos/spec/egress.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

/// The one signature algorithm of a derivation token (wire "ed25519"): a grant is verified by
/// anyone holding the grantor's public key, so a shared-secret MAC has no place here.
enum class derivation_token_algorithm { ed25519 };

template <>
struct detail::enum_names<derivation_token_algorithm> {
    static constexpr std::array<std::string_view, 1> wire{"ed25519"};
};

/// A grantor's signed statement "this derivation, for the spec with this canonical hash, within
/// this scope" (upstream AuthorityDerivationToken; its fields are unpublished, so the shape is our
/// choice: docs/derivation.md#token). Plain data: decoding it proves nothing; only
/// trust::verify_authority_derivation turns it into a verified<…>.
template <Storage S = runtime_storage>
struct basic_authority_derivation_token {
    typename S::string grantor_kid{};  ///< the key id of the grantor's Ed25519 key
    derivation_token_algorithm algorithm{};
    typename S::string spec_hash{};  ///< "sha256:<64 lowercase hex>": canonical_spec_hash of the bound spec
    basic_declared_authority_surface<S> scope{};  ///< the authority granted; within spec.authority
    basic_authority_derivation<S> derivation{};
    std::optional<typename S::string> not_before{};  ///< RFC 3339; not valid before
    std::optional<typename S::string> not_after{};   ///< RFC 3339; valid strictly before
    typename S::string signature{};                  ///< base64url (unpadded) of 64 bytes

    static constexpr auto wire_fields() {
        using T = basic_authority_derivation_token;
        return std::tuple{detail::field{"grantorKid", &T::grantor_kid},   detail::field{"algorithm", &T::algorithm},
                          detail::field{"specHash", &T::spec_hash},       detail::field{"scope", &T::scope},
                          detail::field{"derivation", &T::derivation},    detail::field{"notBefore", &T::not_before},
                          detail::field{"notAfter", &T::not_after},       detail::field{"signature", &T::signature}};
    }
    friend constexpr bool operator==(const basic_authority_derivation_token&, const basic_authority_derivation_token&) = default;
};

using authority_derivation_token = basic_authority_derivation_token<>;

template <Storage S = runtime_storage>
struct basic_authority_bundle {
    /// Logical secret keys ("DB_PASSWORD"); brokers map them to env/file names. Always written.
    typename S::template list<typename S::string> secret_refs{};
    typename S::template list<basic_egress_rule<S>> egress_rules{};  ///< absent = none
    std::optional<basic_dns_authority<S>> dns_authority{};
    std::optional<basic_cdn_authority<S>> cdn_authority{};
    /// Our member: a grantor's derivation token for this spec. canonical_spec_hash leaves it out
    /// (the token signs that hash, so it cannot be inside what is hashed).
    std::optional<basic_authority_derivation_token<S>> derivation_token{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"secretRefs", &basic_authority_bundle::secret_refs},
                          detail::field{"egressRules", &basic_authority_bundle::egress_rules, detail::defaulted},
                          detail::field{"dnsAuthority", &basic_authority_bundle::dns_authority},
                          detail::field{"cdnAuthority", &basic_authority_bundle::cdn_authority},
                          detail::field{"derivationToken", &basic_authority_bundle::derivation_token}};
    }
    friend constexpr bool operator==(const basic_authority_bundle&, const basic_authority_bundle&) = default;
};

using authority_bundle = basic_authority_bundle<>;

/// What a spec authorises, as the capability a declared surface or a token scope is checked
/// against: its egress rules, its secret refs, and its DNS hostname allowlist (none without
/// dnsAuthority). The lists are copied (views for constexpr storage).
template <Storage S>
[[nodiscard]] constexpr basic_authority_capability<S> authority_capability_of(const basic_authority_bundle<S>& a) {
    basic_authority_capability<S> c;
    c.egress_rules = a.egress_rules;
    c.secret_refs = a.secret_refs;
    if (a.dns_authority) c.dns_queries = a.dns_authority->hostname_allowlist;
    return c;
}

}  // namespace cellos
