// cellos/spec/validate.hpp — validate_execution_cell_document: every rule a supervisor relies on
// before it touches a cgroup, a path, a resolver or a secret broker (rules: spec/rules.hpp). The
// checks are constexpr templates over the storage, so `check_execution_cell_document(doc).empty()`
// is a compile-time verdict for a constexpr document and a runtime one at the JSON boundary.
// Every violation is reported, in document order.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/document.hpp"
#include "cellos/spec/endpoints.hpp"
#include "cellos/spec/identifiers.hpp"
#include "cellos/spec/inference.hpp"
#include "cellos/spec/keyset.hpp"
#include "cellos/spec/finding.hpp"
#include "cellos/spec/rules.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/problem.hpp"
#include "cellos/util/hostname.hpp"
#include "cellos/util/semver.hpp"
#include "cellos/util/tenant_id.hpp"

namespace cellos {

/// A violation as the constexpr checks produce it (spec/finding.hpp); `actual` is argvTooLarge's
/// encoded size and unique's first occurrence.
using spec_finding = finding<spec_rule>;

/// The JSON member name of a data member (from its wire_fields table).
template <auto Member>
inline constexpr std::string_view wire = detail::wire_name(Member);

namespace detail {

/// Bytes of the JSON array text of `argv` as serde_json writes it (escapes as JSON.stringify).
template <class List>
[[nodiscard]] constexpr std::size_t argv_json_bytes(const List& argv) noexcept {
    std::size_t n = 2 + (argv.size() > 0 ? argv.size() - 1 : 0);  // brackets and commas
    for (const auto& a : argv) {
        n += 2;
        for (char ch : std::string_view(a)) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') n += 2;
            else if (c < 0x20) n += 6;
            else n += 1;
        }
    }
    return n;
}

}  // namespace detail

/// Length of base64 (standard, padded: our choice) of the argv JSON array: what Firecracker puts on
/// the kernel command line as cellos.argv=… (upstream FC-17 / FC-66).
template <class List>
[[nodiscard]] constexpr std::size_t argv_encoded_bytes(const List& argv) noexcept {
    return 4 * ((detail::argv_json_bytes(argv) + 2) / 3);
}

namespace detail {

template <Storage S>
class spec_checker {
public:
    findings<spec_rule> issues;

    constexpr spec_checker() = default;
    constexpr explicit spec_checker(std::size_t capacity) : issues(capacity) {}

    constexpr void add(spec_rule r, const json_path& p, std::uint64_t d = 0) { issues.push_back({r, p, d}); }

    constexpr void identifier(std::string_view s, const json_path& p) {
        if (!is_portable_identifier(s)) add(spec_rule::portable_identifier, p);
    }
    constexpr void text(std::string_view s, const json_path& p) {
        if (s.empty() || s.size() > bounded_text_max_bytes || has_control(s)) add(spec_rule::bounded_text, p);
    }
    constexpr void digest(std::string_view s, const json_path& p) {
        if (!is_sha256_digest(s)) add(spec_rule::sha256_digest, p);
    }
    constexpr void path(std::string_view s, const json_path& p) {
        if (!is_absolute_cell_path(s)) add(spec_rule::absolute_path, p);
    }
    constexpr void positive(std::uint64_t v, const json_path& p) {
        if (v == 0) add(spec_rule::positive, p);
        safe(v, p);
    }
    constexpr void safe(std::uint64_t v, const json_path& p) {
        if (v > max_safe_integer) add(spec_rule::safe_integer, p);
    }
    /// Element i duplicates an earlier one (keys from `key_of`, ordered by the strict weak order
    /// `less`; equal = neither is less). Called in the element loop, after the element's own checks,
    /// so reports stay in document order. O(n log n) per list: the first occurrences are computed
    /// once per list by sorting indices (std::sort is constexpr) and cached, so a 100 000-element
    /// list costs milliseconds, not the minutes a pairwise scan would.
    template <class List, class Key, class Less>
    constexpr void unique_at(const List& list, std::size_t i, const json_path& p, Key key_of, Less less) {
        if (std::is_constant_evaluated()) {  // constexpr lists are short; g++ 12 cannot compare their addresses
            for (std::size_t j = 0; j < i; ++j)
                if (!less(key_of(list[j]), key_of(list[i])) && !less(key_of(list[i]), key_of(list[j]))) {
                    add(spec_rule::unique, p / i, j);
                    return;
                }
            return;
        }
        const std::vector<std::size_t>& first = first_occurrences(list, key_of, less);
        if (first[i] != i) add(spec_rule::unique, p / i, first[i]);
    }
    /// Every later duplicate in a list whose elements have no checks of their own.
    template <class List, class Key, class Less>
    constexpr void unique(const List& list, const json_path& p, Key key_of, Less less) {
        for (std::size_t i = 0; i < list.size(); ++i) unique_at(list, i, p, key_of, less);
    }
    template <class List>
    constexpr void unique(const List& list, const json_path& p) {
        unique(list, p, [](const auto& x) { return x; }, std::less<>{});
    }

private:
    struct memo {
        const void* list = nullptr;
        std::vector<std::size_t> first;
    };
    std::array<memo, 4> memos_{};  // lists nest at most two deep in a loop; 4 is room to spare
    std::size_t next_memo_ = 0;

    template <class List, class Key, class Less>
    constexpr const std::vector<std::size_t>& first_occurrences(const List& list, Key key_of, Less less) {
        const void* id = static_cast<const void*>(&list);
        for (memo& m : memos_)
            if (m.list == id && m.first.size() == list.size()) return m.first;
        memo& m = memos_[next_memo_++ % memos_.size()];
        const std::size_t n = list.size();
        std::vector<std::size_t> order;
        order.reserve(n);  // push_back, not vector(n) / assign(n, 0): clang 14 cannot evaluate those
        m.first.clear();   // constantly with libstdc++ 12 (fill over not-yet-constructed storage)
        m.first.reserve(n);
        for (std::size_t k = 0; k < n; ++k) {
            order.push_back(k);
            m.first.push_back(k);
        }
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (less(key_of(list[a]), key_of(list[b]))) return true;
            if (less(key_of(list[b]), key_of(list[a]))) return false;
            return a < b;  // equal keys: document order, so each group starts with its first occurrence
        });
        for (std::size_t k = 1; k < n; ++k)
            if (!less(key_of(list[order[k - 1]]), key_of(list[order[k]]))) m.first[order[k]] = m.first[order[k - 1]];
        m.list = id;
        return m.first;
    }

public:
    static constexpr auto as_view = [](const auto& x) { return std::string_view(x); };
    /// ASCII case-insensitive order (hostnames).
    static constexpr auto iless = [](std::string_view a, std::string_view b) {
        using cellos::detail::ascii_lower;
        for (std::size_t k = 0; k < a.size() && k < b.size(); ++k)
            if (ascii_lower(a[k]) != ascii_lower(b[k])) return ascii_lower(a[k]) < ascii_lower(b[k]);
        return a.size() < b.size();
    };

    // --- blocks ---------------------------------------------------------------------------------

    constexpr void check(const basic_correlation<S>& c, const json_path& p) {
        using T = basic_correlation<S>;
        if (c.correlation_id) text(*c.correlation_id, p / wire<&T::correlation_id>);
        if (c.tenant_id && !cellos::is_subject_token_safe(*c.tenant_id)) add(spec_rule::tenant_id, p / wire<&T::tenant_id>);
    }

    constexpr void check(const basic_ingress<S>& in, const json_path& p) {
        using T = basic_ingress<S>;
        if (!in.git && !in.oci_image) add(spec_rule::ingress_source, p);
        if (in.git) {
            using G = basic_git_ingress<S>;
            const json_path g = p / wire<&T::git>;
            if (!is_git_url(in.git->url)) add(spec_rule::git_url, g / wire<&G::url>);
            if (!is_git_commit(in.git->commit)) add(spec_rule::git_commit, g / wire<&G::commit>);
            if (in.git->ref) text(*in.git->ref, g / wire<&G::ref>);
            if (in.git->path) path(*in.git->path, g / wire<&G::path>);
        }
        if (in.oci_image) {
            using O = basic_oci_image_ingress<S>;
            const json_path o = p / wire<&T::oci_image>;
            text(in.oci_image->reference, o / wire<&O::reference>);
            digest(in.oci_image->digest, o / wire<&O::digest>);
        }
    }

    constexpr void check(const basic_environment_spec<S>& e, const json_path& p) {
        using T = basic_environment_spec<S>;
        using V = basic_environment_variable<S>;
        if (e.image_digest) digest(*e.image_digest, p / wire<&T::image_digest>);
        const json_path vars = p / wire<&T::variables>;
        for (std::size_t i = 0; i < e.variables.size(); ++i) {
            if (!is_env_var_name(e.variables[i].name)) add(spec_rule::env_var_name, vars / i / wire<&V::name>);
            if (std::string_view(e.variables[i].value).find('\0') != std::string_view::npos)
                add(spec_rule::env_var_value, vars / i / wire<&V::value>);
            unique_at(e.variables, i, vars, [](const V& v) { return std::string_view(v.name); }, std::less<>{});
        }
    }

    constexpr void check(const basic_placement_spec<S>& pl, const json_path& p) {
        using T = basic_placement_spec<S>;
        if (pl.pool_id) identifier(*pl.pool_id, p / wire<&T::pool_id>);
        if (pl.region) identifier(*pl.region, p / wire<&T::region>);
        if (pl.zone) identifier(*pl.zone, p / wire<&T::zone>);
    }

    constexpr void check(const basic_policy_ref<S>& r, const json_path& p) {
        using T = basic_policy_ref<S>;
        identifier(r.pack_id, p / wire<&T::pack_id>);
        // A reference to a pack, not a pack: any version text ("1" in the reference example); the
        // pack's own version is the semver one (docs/spec.md, our choice).
        if (r.pack_version) text(*r.pack_version, p / wire<&T::pack_version>);
    }

    constexpr void check(const basic_workload_identity<S>& w, const json_path& p) {
        using T = basic_workload_identity<S>;
        if (w.kind == workload_identity_kind::spiffe) {
            constexpr std::string_view scheme = "spiffe://";
            const bool ok = w.spiffe_id && !w.audience && std::string_view(*w.spiffe_id).substr(0, scheme.size()) == scheme &&
                            cellos::is_dns_name(std::string_view(*w.spiffe_id).substr(scheme.size()).substr(
                                0, std::string_view(*w.spiffe_id).substr(scheme.size()).find('/')));
            if (!ok) add(spec_rule::workload_identity, p);
            if (w.spiffe_id) text(*w.spiffe_id, p / wire<&T::spiffe_id>);
        } else {
            if (!w.audience || w.spiffe_id) add(spec_rule::workload_identity, p);
            if (w.audience) text(*w.audience, p / wire<&T::audience>);
        }
    }

    constexpr void check(const basic_dns_authority<S>& d, const json_path& p) {
        using T = basic_dns_authority<S>;
        using R = basic_dns_resolver<S>;
        const json_path rs = p / wire<&T::resolvers>;
        if (d.resolvers.size() == 0) add(spec_rule::dns_resolvers, rs);
        for (std::size_t i = 0; i < d.resolvers.size(); ++i) {
            identifier(d.resolvers[i].resolver_id, rs / i / wire<&R::resolver_id>);
            if (!is_resolver_endpoint(d.resolvers[i].protocol, d.resolvers[i].endpoint))
                add(spec_rule::resolver_endpoint, rs / i / wire<&R::endpoint>);
            unique_at(d.resolvers, i, rs, [](const R& r) { return std::string_view(r.resolver_id); }, std::less<>{});
        }
        allowlist(d.hostname_allowlist, p / wire<&T::hostname_allowlist>);
        unique(d.allowed_query_types, p / wire<&T::allowed_query_types>);
        if (d.refresh_policy) {
            const json_path rp = p / wire<&T::refresh_policy>;
            if (d.refresh_policy->min_ttl_seconds) safe(*d.refresh_policy->min_ttl_seconds, rp / wire<&dns_refresh_policy::min_ttl_seconds>);
            if (d.refresh_policy->max_stale_seconds) safe(*d.refresh_policy->max_stale_seconds, rp / wire<&dns_refresh_policy::max_stale_seconds>);
        }
        if (d.refresh_policy && d.refresh_policy->min_ttl_seconds && d.refresh_policy->max_stale_seconds &&
            *d.refresh_policy->min_ttl_seconds > *d.refresh_policy->max_stale_seconds)
            add(spec_rule::refresh_window, p / wire<&T::refresh_policy>);
        if (d.rebinding_policy && d.rebinding_policy->max_distinct_addresses)
            positive(*d.rebinding_policy->max_distinct_addresses,
                     p / wire<&T::rebinding_policy> / wire<&dns_rebinding_policy::max_distinct_addresses>);
    }

    /// Hostname allowlist entries; `ip_literals` also admits exact IP addresses (egress hosts may be IPs).
    template <class List>
    constexpr void allowlist(const List& entries, const json_path& p, bool ip_literals = false) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::string_view e(entries[i]);
            const bool ip = ip_literals && (cellos::is_ipv4_literal(e) || cellos::is_ipv6_literal(e));
            if (!ip && !cellos::is_valid_allowlist_entry(e)) add(spec_rule::allowlist_entry, p / i);
            unique_at(entries, i, p, as_view, iless);
        }
    }

    constexpr void check(const basic_cdn_authority<S>& c, const json_path& p) {
        using T = basic_cdn_authority<S>;
        using P = basic_cdn_provider<S>;
        const json_path ps = p / wire<&T::providers>;
        for (std::size_t i = 0; i < c.providers.size(); ++i) {
            identifier(c.providers[i].provider_id, ps / i / wire<&P::provider_id>);
            if (c.providers[i].hostnames.size() == 0) add(spec_rule::non_empty, ps / i / wire<&P::hostnames>);
            allowlist(c.providers[i].hostnames, ps / i / wire<&P::hostnames>);
            unique_at(c.providers, i, ps, [](const P& x) { return std::string_view(x.provider_id); }, std::less<>{});
        }
    }

    constexpr void check(const basic_authority_bundle<S>& a, const json_path& p) {
        using T = basic_authority_bundle<S>;
        using E = basic_egress_rule<S>;
        const json_path refs = p / wire<&T::secret_refs>;
        for (std::size_t i = 0; i < a.secret_refs.size(); ++i) {
            identifier(a.secret_refs[i], refs / i);
            unique_at(a.secret_refs, i, refs, as_view, std::less<>{});
        }
        const json_path eg = p / wire<&T::egress_rules>;
        for (std::size_t i = 0; i < a.egress_rules.size(); ++i) {
            const E& r = a.egress_rules[i];
            if (!cellos::is_dns_name(r.host) && !cellos::is_ipv4_literal(r.host) && !cellos::is_ipv6_literal(r.host))
                add(spec_rule::egress_host, eg / i / wire<&E::host>);
            if (r.port == 0) add(spec_rule::egress_port, eg / i / wire<&E::port>);
            if (r.justification) text(*r.justification, eg / i / wire<&E::justification>);
            unique_at(a.egress_rules, i, eg, [](const E& x) { return &x; }, [](const E* x, const E* y) {
                // upstream's identity (same_flow): port, protocol, host case-insensitively
                if (x->port != y->port) return x->port < y->port;
                if (x->protocol != y->protocol) return x->protocol < y->protocol;
                return iless(x->host, y->host);
            });
        }
        if (a.dns_authority) check(*a.dns_authority, p / wire<&T::dns_authority>);
        if (a.cdn_authority) check(*a.cdn_authority, p / wire<&T::cdn_authority>);
    }

    constexpr void check(const basic_run_spec<S>& r, const json_path& p, std::uint64_t ttl_seconds) {
        using T = basic_run_spec<S>;
        const json_path argv = p / wire<&T::argv>;
        if (r.argv.size() == 0) {
            add(spec_rule::argv_non_empty, argv);
        } else {
            if (std::string_view(r.argv[0]).empty()) add(spec_rule::argv_element, argv / std::size_t{0});
            for (std::size_t i = 0; i < r.argv.size(); ++i)
                if (std::string_view(r.argv[i]).find('\0') != std::string_view::npos) add(spec_rule::argv_element, argv / i);
            if (const std::size_t n = argv_encoded_bytes(r.argv); n > argv_kernel_cmdline_limit_bytes)
                add(spec_rule::argv_too_large, argv, n);
        }
        if (r.working_directory) path(*r.working_directory, p / wire<&T::working_directory>);
        if (r.timeout_ms) {
            positive(*r.timeout_ms, p / wire<&T::timeout_ms>);
            // timeout > ttl·1000 without overflow: (timeout − 1) / 1000 ≥ ttl
            if (ttl_seconds != 0 && *r.timeout_ms > 0 && (*r.timeout_ms - 1) / 1000 >= ttl_seconds)
                add(spec_rule::within_lifetime, p / wire<&T::timeout_ms>);
        }
        if (r.limits) {
            const json_path l = p / wire<&T::limits>;
            if (r.limits->memory_max_bytes) positive(*r.limits->memory_max_bytes, l / wire<&run_limits::memory_max_bytes>);
            if (r.limits->cpu_max) {
                const json_path c = l / wire<&run_limits::cpu_max>;
                positive(r.limits->cpu_max->quota_micros, c / wire<&run_cpu_max::quota_micros>);
                if (r.limits->cpu_max->period_micros) safe(*r.limits->cpu_max->period_micros, c / wire<&run_cpu_max::period_micros>);
                const std::uint64_t period = r.limits->cpu_max->effective_period_micros();
                if (period < cpu_period_min_micros || period > cpu_period_max_micros)
                    add(spec_rule::cpu_period, c / wire<&run_cpu_max::period_micros>);
            }
            if (r.limits->graceful_shutdown_seconds && ttl_seconds != 0 && *r.limits->graceful_shutdown_seconds > ttl_seconds)
                add(spec_rule::within_lifetime, l / wire<&run_limits::graceful_shutdown_seconds>);
        }
    }

    constexpr void check(const basic_export_channels<S>& x, const json_path& p) {
        using T = basic_export_channels<S>;
        using A = basic_export_artifact<S>;
        const json_path as = p / wire<&T::artifacts>;  // member order: artifacts, then targets
        for (std::size_t i = 0; i < x.artifacts.size(); ++i) {
            const A& a = x.artifacts[i];
            if (!is_safe_path_segment(a.name)) add(spec_rule::artifact_name, as / i / wire<&A::name>);
            path(a.path, as / i / wire<&A::path>);
            if (a.target) {
                bool declared = false;
                for (const auto& t : x.targets) declared = declared || target_name<S>(t) == std::string_view(*a.target);
                if (!declared) add(spec_rule::export_target, as / i / wire<&A::target>);
            }
            unique_at(x.artifacts, i, as, [](const A& y) { return std::string_view(y.name); }, std::less<>{});
        }
        const json_path ts = p / wire<&T::targets>;
        for (std::size_t i = 0; i < x.targets.size(); ++i) {
            std::visit(
                [&](const auto& t) {
                    using X = std::remove_cvref_t<decltype(t)>;
                    identifier(t.name, ts / i / wire<&X::name>);
                    if constexpr (std::is_same_v<X, basic_s3_export_target<S>>) {
                        if (!is_s3_bucket_name(t.bucket)) add(spec_rule::s3_bucket, ts / i / wire<&X::bucket>);
                        if (t.key_prefix) text(*t.key_prefix, ts / i / wire<&X::key_prefix>);
                    } else if (t.path_prefix) {
                        text(*t.path_prefix, ts / i / wire<&X::path_prefix>);
                    }
                },
                x.targets[i]);
            unique_at(x.targets, i, ts, [](const auto& t) { return target_name<S>(t); }, std::less<>{});
        }
    }

    constexpr void check(const basic_execution_cell_spec<S>& s, const json_path& p) {
        using T = basic_execution_cell_spec<S>;
        identifier(s.id, p / wire<&T::id>);
        if (s.correlation) check(*s.correlation, p / wire<&T::correlation>);
        if (s.ingress) check(*s.ingress, p / wire<&T::ingress>);
        if (s.environment) check(*s.environment, p / wire<&T::environment>);
        if (s.placement) check(*s.placement, p / wire<&T::placement>);
        if (s.policy) check(*s.policy, p / wire<&T::policy>);
        if (s.identity) check(*s.identity, p / wire<&T::identity>);
        check(s.authority, p / wire<&T::authority>);
        positive(s.lifetime.ttl_seconds, p / wire<&T::lifetime> / wire<&lifetime::ttl_seconds>);
        if (s.run) check(*s.run, p / wire<&T::run>, s.lifetime.ttl_seconds);
        if (s.export_) check(*s.export_, p / wire<&T::export_>);
        if (s.telemetry) unique(s.telemetry->channels, p / wire<&T::telemetry> / wire<&basic_telemetry_spec<S>::channels>);
    }
};

}  // namespace detail

/// Every violation of `spec` (pointers relative to `base`, e.g. "/spec"), in document order.
template <Storage S>
[[nodiscard]] constexpr findings<spec_rule> check_execution_cell_spec(const basic_execution_cell_spec<S>& spec,
                                                                          const json_path& base = {},
                                                                          std::size_t capacity = findings<spec_rule>::unlimited) {
    detail::spec_checker<S> c{capacity};
    c.check(spec, base);
    return std::move(c.issues);
}

/// Every violation of the document: envelope values, then the spec under "/spec".
template <Storage S>
[[nodiscard]] constexpr findings<spec_rule> check_execution_cell_document(const basic_execution_cell_document<S>& doc,
                                                                                     std::size_t capacity = findings<spec_rule>::unlimited) {
    using T = basic_execution_cell_document<S>;
    detail::spec_checker<S> c{capacity};
    if (std::string_view(doc.api_version) != api_version_v1) c.add(spec_rule::api_version, json_path{} / wire<&T::api_version>);
    if (std::string_view(doc.kind) != execution_cell_kind) c.add(spec_rule::kind, json_path{} / wire<&T::kind>);
    c.check(doc.spec, json_path{} / wire<&T::spec>);
    return std::move(c.issues);
}

/// An inference request a broker may forward: a model name, at least one message, temperature in
/// [0, 2] (our rules).
template <Storage S>
[[nodiscard]] constexpr findings<spec_rule> check_inference_request(const basic_inference_request<S>& r) {
    using T = basic_inference_request<S>;
    detail::spec_checker<S> c;
    c.text(r.model, json_path{} / wire<&T::model>);
    if (r.messages.size() == 0) c.add(spec_rule::non_empty, json_path{} / wire<&T::messages>);
    if (r.max_tokens) c.positive(*r.max_tokens, json_path{} / wire<&T::max_tokens>);
    if (r.temperature && !(*r.temperature >= 0.0 && *r.temperature <= 2.0))  // NaN fails too
        c.add(spec_rule::temperature_range, json_path{} / wire<&T::temperature>);
    return std::move(c.issues);
}

/// The shape of a signed keyset envelope before any signature is looked at: upstream's kind string,
/// a payload, at least one signature with a kid, unique kids, a sha256 previousDigest (our rules).
template <Storage S>
[[nodiscard]] constexpr findings<spec_rule> check_signed_trust_keyset_envelope(const basic_signed_trust_keyset_envelope<S>& e) {
    using T = basic_signed_trust_keyset_envelope<S>;
    using G = basic_trust_keyset_signature<S>;
    detail::spec_checker<S> c;
    if (std::string_view(e.kind) != signed_trust_keyset_envelope_kind) c.add(spec_rule::envelope_kind, json_path{} / wire<&T::kind>);
    if (std::string_view(e.payload).empty()) c.add(spec_rule::non_empty, json_path{} / wire<&T::payload>);
    const json_path sigs = json_path{} / wire<&T::signatures>;
    if (e.signatures.size() == 0) c.add(spec_rule::non_empty, sigs);
    for (std::size_t i = 0; i < e.signatures.size(); ++i) {
        c.text(e.signatures[i].kid, sigs / i / wire<&G::kid>);
        if (std::string_view(e.signatures[i].signature).empty()) c.add(spec_rule::non_empty, sigs / i / wire<&G::signature>);
        c.unique_at(e.signatures, i, sigs, [](const G& g) { return std::string_view(g.kid); }, std::less<>{});
    }
    if (e.previous_digest) c.digest(*e.previous_digest, json_path{} / wire<&T::previous_digest>);
    if (e.sequence) c.safe(*e.sequence, json_path{} / wire<&T::sequence>);
    return std::move(c.issues);
}

/// Compile-time friendly verdicts.
template <Storage S>
[[nodiscard]] constexpr bool is_valid(const basic_execution_cell_document<S>& doc) {
    return check_execution_cell_document(doc).empty();
}
template <Storage S>
[[nodiscard]] constexpr bool is_valid(const basic_execution_cell_spec<S>& spec) {
    return check_execution_cell_spec(spec).empty();
}

/// The runtime form of a finding. Rules shared by every document take `document_code`.
[[nodiscard]] inline problem to_problem(const spec_finding& f, errc document_code = errc::invalid_spec) {
    const spec_rule_info& r = info(f.rule);
    std::string message(r.message);
    if (f.rule == spec_rule::argv_too_large)  // upstream's CellosError::ArgvTooLarge text
        message = "spec.run.argv encoded as base64 is " + std::to_string(f.actual) + " bytes; exceeds " +
                  std::to_string(argv_kernel_cmdline_limit_bytes) + "-byte kernel cmdline limit";
    else if (f.rule == spec_rule::unique)
        message += " (same as element " + std::to_string(f.actual) + ")";
    return {r.code == errc{} ? document_code : r.code, std::string(to_wire(f.rule)), f.path.to_pointer(), std::move(message)};
}

/// Every finding rendered, into a list that keeps at most `max_problems`.
[[nodiscard]] inline problem_list problems_of(const findings<spec_rule>& fs, errc document_code = errc::invalid_spec,
                                              std::size_t max_problems = problem_list::unlimited) {
    problem_list out(max_problems);
    append_problems(fs, out, [&](const spec_finding& f) { return to_problem(f, document_code); });
    return out;
}

/// Upstream's entry point: every violation of the document (empty = valid), at most
/// `max_problems` kept (the rest counted: `total()`, `truncated()`), so memory stays bounded.
template <Storage S>
[[nodiscard]] problem_list validate_execution_cell_document(const basic_execution_cell_document<S>& doc,
                                                            std::size_t max_problems = problem_list::unlimited) {
    return problems_of(check_execution_cell_document(doc, max_problems), errc::invalid_spec, max_problems);
}

}  // namespace cellos
