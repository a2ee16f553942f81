// cellos/authority/declared_surface.hpp — the F2 admission gate (upstream authority::declared):
// a guest's `declared_authority_surface` (what it claims it will use) must lie within the host's
// `authority_capability` (what the host authorised), so a workload cannot launder authority by
// declaring more than it was granted (ADR-0006 §3). An empty surface claims nothing and always
// passes. The check is constexpr over the storage (spec/storage.hpp): the same function answers a
// static_assert on literal data and the JSON boundary (docs/derivation.md#surface). It reuses the
// egress rule type and its identity (same_flow) and the one hostname matcher (util/hostname.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/error.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/egress.hpp"
#include "cellos/spec/finding.hpp"
#include "cellos/spec/storage.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos {

/// What the in-VM guest agent claims it will use (upstream DeclaredAuthoritySurface). Bare data: no
/// derivation, no signature. Every member may be absent on the wire (= empty).
template <Storage S = runtime_storage>
struct basic_declared_authority_surface {
    typename S::template list<basic_egress_rule<S>> egress_rules{};
    typename S::template list<typename S::string> secret_refs{};
    /// Names the guest will resolve, as allowlist entries: a DNS name, or "*.suffix" for every name
    /// below suffix (our choice: upstream says "hostname patterns" and no more).
    typename S::template list<typename S::string> dns_queries{};

    [[nodiscard]] constexpr bool empty() const noexcept {
        return egress_rules.size() == 0 && secret_refs.size() == 0 && dns_queries.size() == 0;
    }

    static constexpr auto wire_fields() {
        using T = basic_declared_authority_surface;
        return std::tuple{detail::field{"egressRules", &T::egress_rules, detail::defaulted},
                          detail::field{"secretRefs", &T::secret_refs, detail::defaulted},
                          detail::field{"dnsQueries", &T::dns_queries, detail::defaulted}};
    }
    friend constexpr bool operator==(const basic_declared_authority_surface&, const basic_declared_authority_surface&) = default;
};

/// What the host authorised (upstream AuthorityCapability). Our choice: the same three members as
/// the surface, and `dns_queries` holds allowlist entries (names or "*.suffix"), the syntax of
/// spec.authority.dnsAuthority.hostnameAllowlist, from which authority_capability_of() fills it.
template <Storage S = runtime_storage>
struct basic_authority_capability {
    typename S::template list<basic_egress_rule<S>> egress_rules{};
    typename S::template list<typename S::string> secret_refs{};
    typename S::template list<typename S::string> dns_queries{};

    static constexpr auto wire_fields() {
        using T = basic_authority_capability;
        return std::tuple{detail::field{"egressRules", &T::egress_rules, detail::defaulted},
                          detail::field{"secretRefs", &T::secret_refs, detail::defaulted},
                          detail::field{"dnsQueries", &T::dns_queries, detail::defaulted}};
    }
    friend constexpr bool operator==(const basic_authority_capability&, const basic_authority_capability&) = default;
};

using declared_authority_surface = basic_declared_authority_surface<>;
using authority_capability = basic_authority_capability<>;
using static_declared_authority_surface = basic_declared_authority_surface<constexpr_storage>;
using static_authority_capability = basic_authority_capability<constexpr_storage>;

// --- the rules: one table for the constexpr check, the runtime report and docs/derivation.md ----

enum class surface_rule { egress_rule, secret_ref, dns_query, dns_query_syntax };

template <>
struct detail::enum_names<surface_rule> {
    static constexpr std::array<std::string_view, 4> wire{"declaredEgressRule", "declaredSecretRef", "declaredDnsQuery",
                                                          "declaredDnsQuerySyntax"};
};

struct surface_rule_info {
    errc code;
    std::string_view message;
};

inline constexpr std::array<surface_rule_info, 4> surface_rule_table{{
    {errc::scope_exceeded, "declared egress rule is not authorised (host case-insensitively, port and protocol exactly)"},
    {errc::scope_exceeded, "declared secret ref is not authorised (exact match)"},
    {errc::scope_exceeded, "declared DNS query is not covered by an authorised hostname pattern"},
    {errc::invalid_value, "declared DNS query is not a DNS name or \"*.\" followed by a name of two or more labels"},
}};

[[nodiscard]] constexpr const surface_rule_info& info_of(surface_rule r) noexcept {
    return surface_rule_table[static_cast<std::size_t>(r)];
}

/// Problems stored by validate_declared_authority_surface unless the caller asks otherwise; the
/// rest are counted (problem_list::total), so a hostile surface cannot grow the report.
inline constexpr std::size_t declared_surface_problem_cap = 64;

using surface_finding = finding<surface_rule>;

// --- coverage predicates ------------------------------------------------------------------------

/// A declared DNS query is covered by the authorised patterns: the one allowlist matcher
/// (hostname_allowed). For a name: exact names case-insensitively, "*.s" for names strictly below
/// s. For a wildcard "*.s" the matcher reads "*" as one label, so it is covered exactly by a
/// wildcard "*.t" with s equal to t or strictly below it — and never by a list of names, which
/// cannot cover every name below s (our choice, docs/derivation.md#surface). Syntax is checked by
/// the caller first (is_valid_allowlist_entry).
template <HostnameList Patterns>
[[nodiscard]] constexpr bool dns_query_covered(std::string_view query, const Patterns& authorised) {
    return hostname_allowed(query, authorised);
}

/// Every entry of `surface` not covered by `capability`, in document order (egressRules,
/// secretRefs, dnsQueries), with its pointer under `base` (e.g. /egressRules/2). At most
/// `capacity` stored; total() counts all. constexpr: `static_assert(check_…(s, c).empty())`.
template <Storage A, Storage B>
[[nodiscard]] constexpr findings<surface_rule> check_declared_authority_surface(const basic_declared_authority_surface<A>& surface,
                                                                              const basic_authority_capability<B>& capability,
                                                                              const json_path& base = {},
                                                                              std::size_t capacity = findings<surface_rule>::unlimited) {
    using T = basic_declared_authority_surface<A>;
    findings<surface_rule> out(capacity);
    const json_path egress = base / detail::wire_name(&T::egress_rules);
    for (std::size_t i = 0; i < surface.egress_rules.size(); ++i) {
        bool covered = false;
        for (const auto& granted : capability.egress_rules) covered = covered || same_flow(surface.egress_rules[i], granted);
        if (!covered) out.push_back({surface_rule::egress_rule, egress / i, 0, 0, std::string_view(surface.egress_rules[i].host)});
    }
    const json_path refs = base / detail::wire_name(&T::secret_refs);
    for (std::size_t i = 0; i < surface.secret_refs.size(); ++i) {
        const std::string_view ref(surface.secret_refs[i]);
        bool covered = false;
        for (const auto& granted : capability.secret_refs) covered = covered || std::string_view(granted) == ref;
        if (!covered) out.push_back({surface_rule::secret_ref, refs / i, 0, 0, ref});
    }
    const json_path dns = base / detail::wire_name(&T::dns_queries);
    for (std::size_t i = 0; i < surface.dns_queries.size(); ++i) {
        const std::string_view q(surface.dns_queries[i]);
        // Syntax first: the matcher reads a malformed entry ("a.*.example.com") as a literal name
        // below "*.example.com"; a guest must not get a pattern through that reading.
        if (!is_valid_allowlist_entry(q)) out.push_back({surface_rule::dns_query_syntax, dns / i, 0, 0, q});
        else if (!dns_query_covered(q, capability.dns_queries)) out.push_back({surface_rule::dns_query, dns / i, 0, 0, q});
    }
    return out;
}

/// The verdict alone, for requires-clauses and static_asserts.
template <Storage A, Storage B>
[[nodiscard]] constexpr bool declared_within(const basic_declared_authority_surface<A>& surface, const basic_authority_capability<B>& capability) {
    return check_declared_authority_surface(surface, capability, {}, 0).empty();
}

/// A finding as the library's one problem record.
[[nodiscard]] inline problem to_problem(const surface_finding& f) {
    const surface_rule_info& info = info_of(f.rule);
    return make_problem(info.code, f.path.to_pointer(), std::string(info.message) + ": \"" + std::string(f.subject) + "\"",
                        std::string(to_wire(f.rule)));
}

/// The runtime gate (upstream validate_declared_authority_surface): every uncovered entry as a
/// problem (scope_exceeded; invalid_value for a malformed DNS query), at most `capacity` stored.
/// An empty list means the surface lies within the capability.
template <Storage A, Storage B>
[[nodiscard]] problem_list validate_declared_authority_surface(const basic_declared_authority_surface<A>& surface,
                                                               const basic_authority_capability<B>& capability,
                                                               std::size_t capacity = declared_surface_problem_cap,
                                                               const json_path& base = {}) {
    problem_list out(capacity);
    append_problems(check_declared_authority_surface(surface, capability, base, capacity), out,
                    [](const surface_finding& f) { return to_problem(f); });
    return out;
}

}  // namespace cellos
