// fuzz/admission_fuzz.hpp — what fuzz_spec, fuzz_policy and fuzz_authz share: the property check
// (trap with a message), the codec round trip, the pointer check, a deep copy of a decoded document
// into constexpr_storage (so the two storage worlds run the very same rules on the same data), and
// independent oracles for the policy rules and for authorize(). Not part of the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "cellos/json/jcs.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/json/write.hpp"
#include "cellos/policy/authorization.hpp"
#include "cellos/policy/check.hpp"
#include "cellos/policy/version.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/util/hostname.hpp"

namespace cellos_fuzz {

[[noreturn]] inline void property_failed(const char* what, int line) {
    std::fprintf(stderr, "cellos fuzz: property failed at line %d: %s\n", line, what);
    std::fflush(stderr);
    __builtin_trap();
}

/// A property that must hold for every accepted input.
#define CELLOS_FUZZ_REQUIRE(cond)                                          \
    do {                                                                   \
        if (!(cond)) ::cellos_fuzz::property_failed(#cond, __LINE__);      \
    } while (0)

/// Runs `f` twice: it must not throw and must give equal results. Returns the first result.
template <class F>
auto deterministic(F&& f) {
    try {
        auto a = f();
        const auto b = f();
        CELLOS_FUZZ_REQUIRE(a == b);
        return a;
    } catch (...) {
        property_failed("validation threw", __LINE__);
    }
}

/// Every integer of `v` is exactly a double (|i| <= 2^53): only then can the canonical (RFC 8785)
/// text be read back as the same document, because JCS writes every number as a double.
[[nodiscard]] inline bool integers_exact_as_double(const boost::json::value& v) {
    constexpr std::uint64_t exact = std::uint64_t{1} << 53;
    switch (v.kind()) {
        case boost::json::kind::int64: {
            const std::int64_t i = v.get_int64();
            return i >= -static_cast<std::int64_t>(exact) && i <= static_cast<std::int64_t>(exact);
        }
        case boost::json::kind::uint64: return v.get_uint64() <= exact;
        case boost::json::kind::array:
            for (const auto& e : v.get_array())
                if (!integers_exact_as_double(e)) return false;
            return true;
        case boost::json::kind::object:
            for (const auto& m : v.get_object())
                if (!integers_exact_as_double(m.value())) return false;
            return true;
        default: return true;
    }
}

/// encode → text → strict parse gives an equal object, and encoding is then a fixed point; the
/// canonical text survives decode → encode → canonicalize when every integer is exact as a double.
/// Returns the value.
template <class T, class Parse>
boost::json::value check_round_trip(const T& x, Parse parse) {
    const boost::json::value v = cellos::json::to_value(x);
    CELLOS_FUZZ_REQUIRE(boost::json::value_from(x) == v);
    const std::string text = cellos::json::to_text(v);
    const auto again = parse(text);
    CELLOS_FUZZ_REQUIRE(again.has_value());
    CELLOS_FUZZ_REQUIRE(again.value() == x);
    CELLOS_FUZZ_REQUIRE(cellos::json::to_text(cellos::json::to_value(again.value())) == text);

    const auto canonical = cellos::json::canonicalize(v);
    CELLOS_FUZZ_REQUIRE(canonical.has_value());  // decoded documents hold no NaN and only valid UTF-8
    CELLOS_FUZZ_REQUIRE(cellos::json::canonicalize_text(text).value() == canonical.value());
    if (integers_exact_as_double(v)) {
        // Not `== x`: canonical text sorts members, and string_map (secretRefAllowlist) keeps
        // document order, so only the canonical form itself must survive the codec.
        const auto from_canonical = parse(canonical.value());
        CELLOS_FUZZ_REQUIRE(from_canonical.has_value());
        CELLOS_FUZZ_REQUIRE(cellos::json::canonicalize(cellos::json::to_value(from_canonical.value())).value() == canonical.value());
    }
    return v;
}

/// For types without data-keyed objects (no string_map): the canonical text decodes to an equal
/// object, so the canonical form (and a hash of it) identifies the object, when every integer of
/// the encoded value is exact as a double.
template <class T, class Parse>
void check_canonical_identifies(const T& x, const boost::json::value& v, Parse parse) {
    if (!integers_exact_as_double(v)) return;
    const auto from_canonical = parse(cellos::json::canonicalize(v).value());
    CELLOS_FUZZ_REQUIRE(from_canonical.has_value());
    CELLOS_FUZZ_REQUIRE(from_canonical.value() == x);
}

/// Every runtime violation is well formed and its pointer names a place in the encoded document.
template <class Violation>
void check_violations(const Violation& vs, const boost::json::value& doc, cellos::errc only = {}) {
    for (const auto& v : vs) {
        CELLOS_FUZZ_REQUIRE(v.code != cellos::errc{});
        if (only != cellos::errc{}) CELLOS_FUZZ_REQUIRE(v.code == only);
        CELLOS_FUZZ_REQUIRE(cellos::from_wire<cellos::spec_rule>(v.rule).has_value());
        CELLOS_FUZZ_REQUIRE(!v.message.empty());
        boost::system::error_code ec;
        CELLOS_FUZZ_REQUIRE(doc.find_pointer(v.pointer, ec) != nullptr);
    }
}

// --- runtime_storage → constexpr_storage -----------------------------------------------------------

template <class T>
struct to_static {
    using type = T;
};
template <class T>
using static_t = typename to_static<T>::type;

template <>
struct to_static<std::string> {
    using type = std::string_view;
};
template <class T>
struct to_static<std::vector<T>> {
    using type = std::span<const static_t<T>>;
};
template <class T>
struct to_static<std::optional<T>> {
    using type = std::optional<static_t<T>>;
};
template <class... A>
struct to_static<std::variant<A...>> {
    using type = std::variant<static_t<A>...>;
};
template <class V>
struct to_static<cellos::string_map<cellos::runtime_storage, V>> {
    using type = cellos::string_map<cellos::constexpr_storage, static_t<V>>;
};
template <class V>
struct to_static<cellos::map_entry<cellos::runtime_storage, V>> {
    using type = cellos::map_entry<cellos::constexpr_storage, static_t<V>>;
};
template <template <class> class Tmpl>  // (a constrained template-template parameter crashes clang 14)
struct to_static<Tmpl<cellos::runtime_storage>> {
    using type = Tmpl<cellos::constexpr_storage>;
};

// The documents share one envelope template (spec/document_envelope.hpp); named one by one, since
// its constrained template-template parameter cannot be matched portably by a partial specialisation.
template <>
struct to_static<cellos::execution_cell_document> {
    using type = cellos::static_execution_cell_document;
};
template <>
struct to_static<cellos::policy_pack_document> {
    using type = cellos::static_policy_pack_document;
};
template <>
struct to_static<cellos::authorization_policy_document> {
    using type = cellos::static_authorization_policy_document;
};

static_assert(std::is_same_v<static_t<cellos::execution_cell_document>, cellos::static_execution_cell_document>);
static_assert(std::is_same_v<static_t<cellos::policy_pack_document>, cellos::static_policy_pack_document>);
static_assert(std::is_same_v<static_t<cellos::authorization_policy_document>, cellos::static_authorization_policy_document>);

/// Owns the arrays the spans of a static view point into (the strings stay in the runtime object).
class arena {
public:
    template <class T>
    std::span<const T> keep(std::vector<T> v) {
        auto p = std::make_shared<const std::vector<T>>(std::move(v));
        const std::span<const T> s(p->data(), p->size());
        owned_.push_back(std::move(p));
        return s;
    }

private:
    std::vector<std::shared_ptr<const void>> owned_;
};

template <class R>
static_t<R> view(const R& x, arena& a);

/// Stores a member's view; a member that stays a std::vector in constexpr storage (an authority
/// derivation's inputs and rules) is filled from the span the view gives.
template <class M, class X>
void assign_view(M& target, X&& v) {
    if constexpr (std::is_assignable_v<M&, X>) target = std::forward<X>(v);
    else target = M(v.begin(), v.end());
}

template <class R, std::size_t... I>
static_t<R> view_fields(const R& x, arena& a, std::index_sequence<I...>) {
    using V = static_t<R>;
    V out{};
    (assign_view(out.*(std::get<I>(V::wire_fields()).member), view(x.*(std::get<I>(R::wire_fields()).member), a)), ...);
    return out;
}

template <class T>
inline constexpr bool is_vector_v = false;
template <class T>
inline constexpr bool is_vector_v<std::vector<T>> = true;
template <class T>
inline constexpr bool is_variant_v = false;
template <class... A>
inline constexpr bool is_variant_v<std::variant<A...>> = true;
template <class T>
inline constexpr bool is_map_v = false;
template <class V>
inline constexpr bool is_map_v<cellos::string_map<cellos::runtime_storage, V>> = true;
template <class T>
inline constexpr bool is_entry_v = false;
template <class V>
inline constexpr bool is_entry_v<cellos::map_entry<cellos::runtime_storage, V>> = true;

/// A constexpr_storage copy of `x` whose strings and arrays point into `x` and `a`.
template <class R>
static_t<R> view(const R& x, arena& a) {
    using V = static_t<R>;
    if constexpr (std::is_same_v<R, std::string>) {
        return std::string_view(x);
    } else if constexpr (is_vector_v<R>) {
        std::vector<std::remove_const_t<typename V::element_type>> out;
        out.reserve(x.size());
        for (const auto& e : x) out.push_back(view(e, a));
        return a.keep(std::move(out));
    } else if constexpr (cellos::detail::is_optional_v<R>) {
        if (!x) return V{};
        return V(view(*x, a));
    } else if constexpr (is_variant_v<R>) {
        return std::visit([&](const auto& alt) { return V(view(alt, a)); }, x);
    } else if constexpr (is_map_v<R>) {
        V out{};
        out.entries = view(x.entries, a);
        return out;
    } else if constexpr (is_entry_v<R>) {
        return V{std::string_view(x.key), view(x.value, a)};
    } else if constexpr (cellos::detail::Described<R>) {
        return view_fields(x, a, std::make_index_sequence<cellos::detail::field_count<R>>{});
    } else {
        static_assert(std::is_arithmetic_v<R> || std::is_enum_v<R>, "cellos fuzz: no static view for this type");
        return x;
    }
}

// --- policy rules: an independent oracle -------------------------------------------------------------

/// How many violations of each PolicyRules member `spec` should get from `pack`, written from the
/// documented rules (policy/check.hpp, pack.hpp) without calling the library's rule code.
inline std::map<std::string, std::size_t> expected_policy_counts(const cellos::execution_cell_spec& spec,
                                                                 const cellos::policy_pack_spec& pack) {
    std::map<std::string, std::size_t> n;
    if (pack.placement) {
        const auto& scope = *pack.placement;
        const auto axis = [&](const std::optional<std::string>& want, auto member) {
            if (!want) return true;
            return spec.placement && ((*spec.placement).*member) && *((*spec.placement).*member) == *want;
        };
        if (!axis(scope.pool_id, &cellos::placement_spec::pool_id) || !axis(scope.region, &cellos::placement_spec::region) ||
            !axis(scope.zone, &cellos::placement_spec::zone))
            return n;
    }
    const cellos::policy_rules& r = pack.rules;
    const auto& egress = spec.authority.egress_rules;
    const auto& refs = spec.authority.secret_refs;
    if (r.max_lifetime_ttl_seconds && spec.lifetime.ttl_seconds > *r.max_lifetime_ttl_seconds) ++n["maxLifetimeTtlSeconds"];
    if (spec.run) {
        const auto& l = spec.run->limits;
        if (r.max_memory_max_bytes && (!l || !l->memory_max_bytes || *l->memory_max_bytes > *r.max_memory_max_bytes))
            ++n["maxMemoryMaxBytes"];
        if (r.max_run_timeout_ms && (!spec.run->timeout_ms || *spec.run->timeout_ms > *r.max_run_timeout_ms))
            ++n["maxRunTimeoutMs"];
        if (r.require_runtime_secret_delivery && !refs.empty() && spec.run->secret_delivery == cellos::secret_delivery_mode::env)
            ++n["requireRuntimeSecretDelivery"];
        if (r.require_resource_limits && (!l || !l->memory_max_bytes || !l->cpu_max)) ++n["requireResourceLimits"];
    }
    if (r.require_egress_declared && egress.empty()) ++n["requireEgressDeclared"];
    for (const auto& e : egress) {
        if (r.forbid_outbound_egress_rules) ++n["forbidOutboundEgressRules"];
        if (!r.allowed_egress_hosts.empty()) {
            bool ok = false;
            for (const auto& h : r.allowed_egress_hosts) ok = ok || cellos::hostname_matches_entry(e.host, h);
            if (!ok) ++n["allowedEgressHosts"];
        }
        const bool dns = e.port == 53;
        if (dns && r.flag_dns_egress_without_acknowledgment == true && e.dns_egress_acknowledged != true)
            ++n["flagDnsEgressWithoutAcknowledgment"];
        if (dns && r.require_dns_egress_justification == true && (!e.justification || e.justification->empty()))
            ++n["requireDnsEgressJustification"];
    }
    if (r.secret_ref_allowlist) {
        const std::vector<std::string>* allowed = nullptr;
        const auto lookup = [&](std::string_view key) -> const std::vector<std::string>* {
            for (const auto& e : r.secret_ref_allowlist->entries)
                if (e.key == key) return &e.value;
            return nullptr;
        };
        if (spec.correlation && spec.correlation->tenant_id && !spec.correlation->tenant_id->empty())
            allowed = lookup(*spec.correlation->tenant_id);
        if (allowed == nullptr) allowed = lookup("*");
        for (const auto& ref : refs) {
            bool ok = false;
            if (allowed != nullptr)
                for (const auto& a : *allowed) ok = ok || a == ref;
            if (!ok) ++n["secretRefAllowlist"];
        }
    }
    return n;
}

/// validate_spec_against_policy of `spec` under `pack`: deterministic, agrees with the constexpr
/// check (count and, on the static view, every issue), with the oracle, with the placement scope,
/// and with admits().
inline void check_policy(const cellos::execution_cell_document& doc, const cellos::policy_pack_document& pack_doc) {
    const cellos::execution_cell_spec& spec = doc.spec;
    const cellos::policy_pack_spec& pack = pack_doc.spec;
    const auto violations = deterministic([&] { return cellos::validate_spec_against_policy(spec, pack); });
    const auto issues = deterministic([&] { return cellos::check_spec_against_policy(spec, pack); });
    CELLOS_FUZZ_REQUIRE(violations.size() == issues.size());

    arena a;
    const auto static_spec = view(spec, a);
    const auto static_pack = view(pack, a);
    CELLOS_FUZZ_REQUIRE(cellos::check_spec_against_policy(static_spec, static_pack) == issues);
    CELLOS_FUZZ_REQUIRE(cellos::check_spec_against_policy(spec, static_pack) == issues);
    CELLOS_FUZZ_REQUIRE(cellos::check_spec_against_policy(static_spec, pack) == issues);

    std::map<std::string, std::size_t> counts;
    for (const auto& v : violations) {
        ++counts[v.rule];
        bool known = false;
        std::apply([&](const auto&... f) { ((known = known || f.name == v.rule), ...); }, cellos::policy_rules::wire_fields());
        CELLOS_FUZZ_REQUIRE(known);
        CELLOS_FUZZ_REQUIRE(v.pointer.starts_with("/spec/"));
        CELLOS_FUZZ_REQUIRE(!v.message.empty());
        CELLOS_FUZZ_REQUIRE(cellos::to_string(v) == v.rule + ": " + v.message);
    }
    CELLOS_FUZZ_REQUIRE(counts == expected_policy_counts(spec, pack));

    if (!cellos::spec_matches_placement_scope(pack, spec)) CELLOS_FUZZ_REQUIRE(violations.empty());
    cellos::policy_pack_spec unscoped = pack;
    unscoped.placement.reset();
    const auto all = cellos::check_spec_against_policy(spec, unscoped);
    if (cellos::spec_matches_placement_scope(pack, spec)) CELLOS_FUZZ_REQUIRE(all == issues);
    else CELLOS_FUZZ_REQUIRE(all.size() >= issues.size());
    cellos::policy_pack_spec no_rules = pack;
    no_rules.rules = {};
    CELLOS_FUZZ_REQUIRE(cellos::check_spec_against_policy(spec, no_rules).empty());

    const bool admitted = deterministic([&] { return cellos::admits(pack_doc, doc); });
    const bool expected = cellos::validate_policy_pack_document(pack_doc).empty() &&
                          cellos::policy_pack_version_verdict(pack, cellos::allow_downgrade::no) ==
                              cellos::policy_version_verdict::supported &&
                          cellos::validate_execution_cell_document(doc).empty() && violations.empty();
    CELLOS_FUZZ_REQUIRE(admitted == expected);
    CELLOS_FUZZ_REQUIRE(cellos::admits(view(pack_doc, a), view(doc, a)) == admitted);
}

// --- authorization: an independent oracle ------------------------------------------------------------

inline cellos::authorization_verdict expected_verdict(const cellos::authorization_policy& p, const cellos::authorization_request& r) {
    const auto in = [](const std::vector<std::string>& list, std::string_view x) {
        for (const auto& e : list)
            if (e == x) return true;
        return false;
    };
    using V = cellos::authorization_verdict;
    if (!in(p.subjects, r.subject)) return V::subject_not_listed;
    if (!p.allowed_pools.empty() && (!r.pool_id || !in(p.allowed_pools, *r.pool_id))) return V::pool_not_allowed;
    if (!p.allowed_policy_packs.empty() && (!r.policy_pack_id || !in(p.allowed_policy_packs, *r.policy_pack_id)))
        return V::policy_pack_not_allowed;
    if (p.max_cells_per_hour && r.cells_admitted_this_hour >= *p.max_cells_per_hour) return V::rate_limited;
    return V::allowed;
}

/// authorize(policy, authorization_request_for(subject, spec, counter)) for a few counters: the
/// oracle's verdict, on both storages, and authorization_request_for reads the spec correctly.
inline void check_authorize(const cellos::authorization_policy& policy, std::string_view subject, const cellos::execution_cell_spec& spec) {
    arena a;
    const auto static_policy = view(policy, a);
    const auto static_spec = view(spec, a);
    std::vector<std::uint32_t> counters{0, 1, 0xFFFFFFFFu};
    if (policy.max_cells_per_hour) {
        counters.push_back(*policy.max_cells_per_hour);
        if (*policy.max_cells_per_hour > 0) counters.push_back(*policy.max_cells_per_hour - 1);
    }
    for (const std::uint32_t n : counters) {
        const cellos::authorization_request req = cellos::authorization_request_for(subject, spec, n);
        CELLOS_FUZZ_REQUIRE(req.subject == subject && req.cells_admitted_this_hour == n);
        CELLOS_FUZZ_REQUIRE(req.pool_id.has_value() == (spec.placement && spec.placement->pool_id));
        if (req.pool_id) CELLOS_FUZZ_REQUIRE(*req.pool_id == *spec.placement->pool_id);
        CELLOS_FUZZ_REQUIRE(req.policy_pack_id.has_value() == spec.policy.has_value());
        if (req.policy_pack_id) CELLOS_FUZZ_REQUIRE(*req.policy_pack_id == spec.policy->pack_id);
        const auto verdict = deterministic([&] { return cellos::authorize(policy, req); });
        CELLOS_FUZZ_REQUIRE(verdict == expected_verdict(policy, req));
        CELLOS_FUZZ_REQUIRE(cellos::authorize(static_policy, cellos::authorization_request_for(subject, static_spec, n)) == verdict);
        CELLOS_FUZZ_REQUIRE(!cellos::to_wire(verdict).empty());
        if (policy.subjects.empty()) CELLOS_FUZZ_REQUIRE(verdict == cellos::authorization_verdict::subject_not_listed);
    }
}

/// A failed parse carries a cellos::errc, a message, and a pointer that names a place in the
/// document (its parent for a missing member) whenever the text is JSON at all.
template <class T>
void check_rejection(const cellos::checked<T>& r, std::string_view text) {
    const cellos::problem& e = r.error();
    CELLOS_FUZZ_REQUIRE(cellos::errc_name(e.code) != "unknown");
    CELLOS_FUZZ_REQUIRE(e.code != cellos::errc{});
    CELLOS_FUZZ_REQUIRE(!e.message.empty());
    CELLOS_FUZZ_REQUIRE(e.pointer.empty() || e.pointer.front() == '/');
    const auto v = cellos::json::parse_strict(text);
    if (!v) {
        CELLOS_FUZZ_REQUIRE(v.error() == e);  // the parser's own failure, passed through unchanged
        return;
    }
    std::string at = e.pointer;
    if (e.code == make_error_code(cellos::errc::missing_field)) at.resize(at.rfind('/'));
    boost::system::error_code ec;
    CELLOS_FUZZ_REQUIRE(v.value().find_pointer(at, ec) != nullptr);
}

/// Parses a built-in document; a broken one is a bug in the target itself.
template <class T>
T fixed(const cellos::checked<T>& r) {
    if (!r) {
        std::fprintf(stderr, "cellos fuzz: built-in document rejected: %s at \"%s\": %s\n", std::string(r.error().code_name()).c_str(),
                     r.error().pointer.c_str(), r.error().message.c_str());
        __builtin_trap();
    }
    return r.value();
}

}  // namespace cellos_fuzz
