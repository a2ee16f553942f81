// cellos/spec/endpoints.hpp — constexpr shape checks for the network addresses a spec may name:
// host[:port] pairs, DNS resolver endpoints per protocol, and credential-free git URLs. These are
// syntax checks for admission, not URL parsers: anything they accept is unambiguous to split.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/spec/dns.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos {

namespace detail {

[[nodiscard]] constexpr bool is_port(std::string_view s) noexcept {
    if (s.empty() || s.size() > 5 || (s.size() > 1 && s.front() == '0')) return false;
    std::uint32_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return v >= 1 && v <= 65535;
}

struct host_port {
    std::string_view host;
    bool bracketed = false;  ///< "[v6]" form
    bool has_port = false;
};

/// Splits "host", "host:port", "[v6]" or "[v6]:port"; a bare IPv6 literal (several ':') is one host.
/// nullopt when the port part is not a port.
[[nodiscard]] constexpr std::optional<host_port> split_host_port(std::string_view s) noexcept {
    if (!s.empty() && s.front() == '[') {
        const auto close = s.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view rest = s.substr(close + 1);
        if (rest.empty()) return host_port{s.substr(1, close - 1), true, false};
        if (rest.front() != ':' || !is_port(rest.substr(1))) return std::nullopt;
        return host_port{s.substr(1, close - 1), true, true};
    }
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || s.find(':', colon + 1) != std::string_view::npos)
        return host_port{s, false, false};
    if (!is_port(s.substr(colon + 1))) return std::nullopt;
    return host_port{s.substr(0, colon), false, true};
}

[[nodiscard]] constexpr bool is_ip_host(const host_port& hp) noexcept {
    return hp.bracketed ? cellos::is_ipv6_literal(hp.host) : (cellos::is_ipv4_literal(hp.host) || cellos::is_ipv6_literal(hp.host));
}

[[nodiscard]] constexpr bool is_named_host(const host_port& hp) noexcept {
    if (hp.bracketed) return cellos::is_ipv6_literal(hp.host);
    if (hp.has_port && cellos::is_ipv6_literal(hp.host)) return false;
    return cellos::is_dns_name(hp.host) || cellos::is_ipv4_literal(hp.host) || cellos::is_ipv6_literal(hp.host);
}

/// scheme://authority[/path…]; returns the authority (without checking it) or nullopt.
[[nodiscard]] constexpr std::optional<std::string_view> url_authority(std::string_view url, std::string_view scheme) noexcept {
    if (url.size() <= scheme.size() + 3 || url.substr(0, scheme.size()) != scheme || url.substr(scheme.size(), 3) != "://")
        return std::nullopt;
    const std::string_view rest = url.substr(scheme.size() + 3);
    for (char c : rest)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return std::nullopt;
    return rest.substr(0, rest.find_first_of("/?#"));
}

}  // namespace detail

/// Where a resolver of the given protocol may be reached: ip[:port] for do53-udp/do53-tcp (the
/// proxy must not need DNS to find DNS), host[:port] for dot/doq, https://host[:port]/path for doh.
[[nodiscard]] constexpr bool is_resolver_endpoint(dns_resolver_protocol p, std::string_view endpoint) noexcept {
    switch (p) {
        case dns_resolver_protocol::do53_udp:
        case dns_resolver_protocol::do53_tcp: {
            const auto hp = detail::split_host_port(endpoint);
            return hp && detail::is_ip_host(*hp);
        }
        case dns_resolver_protocol::dot:
        case dns_resolver_protocol::doq: {
            const auto hp = detail::split_host_port(endpoint);
            return hp && detail::is_named_host(*hp);
        }
        case dns_resolver_protocol::doh: {
            const auto authority = detail::url_authority(endpoint, "https");
            if (!authority || authority->find('@') != std::string_view::npos) return false;
            const auto hp = detail::split_host_port(*authority);
            return hp && detail::is_named_host(*hp);
        }
    }
    return false;
}

/// A git remote the supervisor may fetch: https://host[:port]/… with no userinfo, or
/// ssh://[user@]host[:port]/… with a user but never a password. Credentials belong in secretRefs.
[[nodiscard]] constexpr bool is_git_url(std::string_view url) noexcept {
    std::optional<std::string_view> authority = detail::url_authority(url, "https");
    bool ssh = false;
    if (!authority) {
        authority = detail::url_authority(url, "ssh");
        ssh = true;
    }
    if (!authority || authority->empty()) return false;
    std::string_view host = *authority;
    if (const auto at = host.rfind('@'); at != std::string_view::npos) {
        const std::string_view user = host.substr(0, at);
        if (!ssh || user.empty() || user.find_first_of(":@") != std::string_view::npos) return false;
        host = host.substr(at + 1);
    }
    const auto hp = detail::split_host_port(host);
    return hp && detail::is_named_host(*hp) && !hp->host.empty();
}

/// S3 bucket naming rules (3-63 bytes of [a-z0-9.-], alphanumeric at both ends, no "..", not an IPv4).
[[nodiscard]] constexpr bool is_s3_bucket_name(std::string_view s) noexcept {
    if (s.size() < 3 || s.size() > 63) return false;
    const auto alnum = [](char c) { return detail::is_ascii_lower(c) || detail::is_ascii_digit(c); };
    if (!alnum(s.front()) || !alnum(s.back()) || s.find("..") != std::string_view::npos || cellos::is_ipv4_literal(s)) return false;
    for (char c : s)
        if (!alnum(c) && c != '.' && c != '-') return false;
    return true;
}

}  // namespace cellos
