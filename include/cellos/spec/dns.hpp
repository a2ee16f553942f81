// cellos/spec/dns.hpp — the DNS authority a cell is granted (spec.authority.dnsAuthority): which
// resolvers its proxy may use, which names it may resolve, and how answers are refreshed and
// guarded against rebinding. Resolver protocols and refresh strategies are upstream's wire names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

enum class dns_resolver_protocol { do53_udp, do53_tcp, dot, doh, doq };
template <>
struct detail::enum_names<dns_resolver_protocol> {
    static constexpr std::array<std::string_view, 5> wire{"do53-udp", "do53-tcp", "dot", "doh", "doq"};
};

/// Our wire names: off (no validation), validate (validate, log failures), require (refuse
/// answers that fail validation; emits dns_authority.dnssec_failed).
enum class dns_resolver_dnssec_policy { off, validate, require };
template <>
struct detail::enum_names<dns_resolver_dnssec_policy> {
    static constexpr std::array<std::string_view, 3> wire{"off", "validate", "require"};
};

/// Record types a cell may ask for; upstream confirms A, AAAA, CNAME, HTTPS (the default set).
enum class dns_query_type { a, aaaa, cname, https, svcb, mx, txt, srv, ptr, ns, soa, caa };
template <>
struct detail::enum_names<dns_query_type> {
    static constexpr std::array<std::string_view, 12> wire{"A", "AAAA", "CNAME", "HTTPS", "SVCB", "MX",
                                                           "TXT", "SRV", "PTR", "NS", "SOA", "CAA"};
};
/// What an empty/absent allowedQueryTypes means (upstream).
inline constexpr std::array<dns_query_type, 4> default_dns_query_types{dns_query_type::a, dns_query_type::aaaa,
                                                                       dns_query_type::cname, dns_query_type::https};

enum class dns_refresh_strategy { ttl_honor, manual };
template <>
struct detail::enum_names<dns_refresh_strategy> {
    static constexpr std::array<std::string_view, 2> wire{"ttl-honor", "manual"};
};

template <Storage S = runtime_storage>
struct basic_dns_resolver {
    typename S::string resolver_id{};
    dns_resolver_protocol protocol{};  ///< upstream's legacy default is do53-udp; we require it on the wire
    /// Where to send queries: "ip" or "ip:port" / "[v6]:port" for do53-*, "host[:port]" for dot/doq,
    /// an https:// URL for doh (our choice of key and forms).
    typename S::string endpoint{};
    std::optional<dns_resolver_dnssec_policy> dnssec_policy{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"resolverId", &basic_dns_resolver::resolver_id},
                          detail::field{"protocol", &basic_dns_resolver::protocol},
                          detail::field{"endpoint", &basic_dns_resolver::endpoint},
                          detail::field{"dnssecPolicy", &basic_dns_resolver::dnssec_policy}};
    }
    friend constexpr bool operator==(const basic_dns_resolver&, const basic_dns_resolver&) = default;
};

struct dns_refresh_policy {
    std::optional<std::uint64_t> min_ttl_seconds{};
    std::optional<std::uint64_t> max_stale_seconds{};
    std::optional<dns_refresh_strategy> strategy{};  ///< absent = ttl-honor (upstream)

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"minTtlSeconds", &dns_refresh_policy::min_ttl_seconds},
                          detail::field{"maxStaleSeconds", &dns_refresh_policy::max_stale_seconds},
                          detail::field{"strategy", &dns_refresh_policy::strategy}};
    }
    friend constexpr bool operator==(const dns_refresh_policy&, const dns_refresh_policy&) = default;
};

/// Our fields: refuse answers pointing into private/loopback/link-local ranges, and how many
/// distinct answer addresses per hostname are tolerated before dns_authority.rebind_threshold fires.
struct dns_rebinding_policy {
    std::optional<bool> reject_private_addresses{};
    std::optional<std::uint32_t> max_distinct_addresses{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"rejectPrivateAddresses", &dns_rebinding_policy::reject_private_addresses},
                          detail::field{"maxDistinctAddresses", &dns_rebinding_policy::max_distinct_addresses}};
    }
    friend constexpr bool operator==(const dns_rebinding_policy&, const dns_rebinding_policy&) = default;
};

template <Storage S = runtime_storage>
struct basic_dns_authority {
    typename S::template list<basic_dns_resolver<S>> resolvers{};
    typename S::template list<typename S::string> hostname_allowlist{};
    typename S::template list<dns_query_type> allowed_query_types{};  ///< empty = default_dns_query_types
    std::optional<dns_refresh_policy> refresh_policy{};
    std::optional<dns_rebinding_policy> rebinding_policy{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"resolvers", &basic_dns_authority::resolvers},
                          detail::field{"hostnameAllowlist", &basic_dns_authority::hostname_allowlist},
                          detail::field{"allowedQueryTypes", &basic_dns_authority::allowed_query_types, detail::defaulted},
                          detail::field{"refreshPolicy", &basic_dns_authority::refresh_policy},
                          detail::field{"rebindingPolicy", &basic_dns_authority::rebinding_policy}};
    }
    friend constexpr bool operator==(const basic_dns_authority&, const basic_dns_authority&) = default;
};

/// A CDN whose edge names the SNI proxy lets through (our fields).
template <Storage S = runtime_storage>
struct basic_cdn_provider {
    typename S::string provider_id{};
    typename S::template list<typename S::string> hostnames{};  ///< allowlist entries, same syntax as DNS

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"providerId", &basic_cdn_provider::provider_id},
                          detail::field{"hostnames", &basic_cdn_provider::hostnames}};
    }
    friend constexpr bool operator==(const basic_cdn_provider&, const basic_cdn_provider&) = default;
};

template <Storage S = runtime_storage>
struct basic_cdn_authority {
    typename S::template list<basic_cdn_provider<S>> providers{};

    static constexpr auto wire_fields() { return std::tuple{detail::field{"providers", &basic_cdn_authority::providers}}; }
    friend constexpr bool operator==(const basic_cdn_authority&, const basic_cdn_authority&) = default;
};

using dns_resolver = basic_dns_resolver<>;
using dns_authority = basic_dns_authority<>;
using cdn_provider = basic_cdn_provider<>;
using cdn_authority = basic_cdn_authority<>;

}  // namespace cellos
