// cellos/spec/authority_bundle.hpp — everything a cell is allowed to reach (spec.authority): secret
// refs, egress rules, DNS and CDN authority. Policy packs and the supervisor read only this.
#pragma once

#include <optional>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/dns.hpp"
#include "cellos/spec/egress.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

template <Storage S = runtime_storage>
struct basic_authority_bundle {
    /// Logical secret keys ("DB_PASSWORD"); brokers map them to env/file names. Always written.
    typename S::template list<typename S::string> secret_refs{};
    typename S::template list<basic_egress_rule<S>> egress_rules{};  ///< absent = none
    std::optional<basic_dns_authority<S>> dns_authority{};
    std::optional<basic_cdn_authority<S>> cdn_authority{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"secretRefs", &basic_authority_bundle::secret_refs},
                          detail::field{"egressRules", &basic_authority_bundle::egress_rules, detail::defaulted},
                          detail::field{"dnsAuthority", &basic_authority_bundle::dns_authority},
                          detail::field{"cdnAuthority", &basic_authority_bundle::cdn_authority}};
    }
    friend constexpr bool operator==(const basic_authority_bundle&, const basic_authority_bundle&) = default;
};

using authority_bundle = basic_authority_bundle<>;

}  // namespace cellos
