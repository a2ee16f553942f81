// cellos/util/principal.hpp — who acts (upstream `principal`, ADR-0019 "Authority Pluralism"): a
// human operator, the hosted platform, a delegate (an agent acting for another principal inside a
// bounded scope) or a federated identity. Upstream confirms the four variants, `compose` enforcing
// delegate scope ⊆ authorizing scope, and the `principal://operator/<id>` URI; every other rule
// here (id limits, scope model, the other URI forms) is our choice, listed in docs/util.md#principal.
// Core header: no JSON (cellos/json/principal.hpp is the wire form).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/utf8.hpp"
#include "cellos/error.hpp"
#include "cellos/problem.hpp"

namespace cellos {

/// Byte limit of an operator, platform or delegate id.
inline constexpr std::size_t principal_id_max_bytes = 128;
/// Byte limit of a federated trust root or identity: OIDC issuer URLs and subject claims
/// ("repo:org/name:ref:refs/heads/main") outgrow 128.
inline constexpr std::size_t federated_field_max_bytes = 256;
/// Byte limit of one capability in an authority_scope.
inline constexpr std::size_t capability_max_bytes = 128;
/// Most delegate links in one chain. Copies, comparison and destruction recurse along the chain,
/// so it is bounded; JSON's default nesting limit (64) allows about as many.
inline constexpr std::size_t max_delegation_depth = 32;

/// Why `s` cannot be an id, trust root, identity or capability, or "" when it can: it must be
/// non-empty, at most `max_bytes` bytes, well-formed UTF-8, free of control characters (C0, DEL,
/// C1), and must not begin or end with a space (two ids that print alike must be equal).
[[nodiscard]] constexpr std::string_view principal_text_problem(std::string_view s, std::size_t max_bytes) noexcept {
    if (s.empty()) return "must not be empty";
    if (s.size() > max_bytes) return "is longer than its byte limit";
    if (s.front() == ' ' || s.back() == ' ') return "must not begin or end with a space";
    for (std::size_t i = 0; i < s.size();) {
        const detail::utf8_scalar c = detail::decode_utf8_at(s, i);
        if (c.length == 0) return "is not valid UTF-8";
        if (c.code_point < 0x20 || (c.code_point >= 0x7F && c.code_point <= 0x9F)) return "must not contain control characters";
        i += c.length;
    }
    return {};
}

// --- authority scope -------------------------------------------------------------------------

/// What a delegate may do: a set of capability strings (our choice: opaque names such as
/// "cells:read", compared byte for byte; no wildcards, no hierarchy). Kept sorted and unique.
class authority_scope {
public:
    /// The empty scope: allows nothing.
    authority_scope() = default;

    /// Validates each capability (principal_text_problem with capability_max_bytes), then sorts
    /// and drops duplicates (set semantics). errc::invalid_value on a bad capability.
    [[nodiscard]] static result<authority_scope> make(std::vector<std::string> capabilities) {
        for (const std::string& c : capabilities)
            if (!principal_text_problem(c, capability_max_bytes).empty()) return errc::invalid_value;
        std::sort(capabilities.begin(), capabilities.end());
        capabilities.erase(std::unique(capabilities.begin(), capabilities.end()), capabilities.end());
        authority_scope s;
        s.caps_ = std::move(capabilities);
        return s;
    }
    [[nodiscard]] static result<authority_scope> make(std::initializer_list<std::string_view> capabilities) {
        return make(std::vector<std::string>(capabilities.begin(), capabilities.end()));
    }

    [[nodiscard]] bool contains(std::string_view capability) const noexcept {
        const auto it = std::lower_bound(caps_.begin(), caps_.end(), capability,
                                         [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
        return it != caps_.end() && *it == capability;
    }
    [[nodiscard]] bool is_subset_of(const authority_scope& other) const noexcept {
        return std::includes(other.caps_.begin(), other.caps_.end(), caps_.begin(), caps_.end());
    }
    /// Sorted by byte value, no duplicates.
    [[nodiscard]] const std::vector<std::string>& capabilities() const noexcept { return caps_; }
    [[nodiscard]] bool empty() const noexcept { return caps_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return caps_.size(); }

    friend bool operator==(const authority_scope&, const authority_scope&) = default;

private:
    std::vector<std::string> caps_;
};

// --- the principal -----------------------------------------------------------------------------

/// The variant in force; its wire names are the JSON "kind" values.
enum class principal_kind : std::uint8_t { operator_, platform, delegate, federated };

}  // namespace cellos

template <>
struct cellos::detail::enum_names<cellos::principal_kind> {
    static constexpr std::array<std::string_view, 4> wire{"operator", "platform", "delegate", "federated"};
};

namespace cellos {

/// A value-semantic heap cell: deep copy, comparison by value. It exists so that a principal can
/// hold the principal it acts for. A moved-from box is empty; only assign to it or destroy it.
template <class T>
class box {
public:
    explicit box(T value) : p_(std::make_unique<T>(std::move(value))) {}
    box(const box& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
    box(box&&) noexcept = default;
    box& operator=(const box& other) {
        if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
        return *this;
    }
    box& operator=(box&&) noexcept = default;
    ~box() = default;

    [[nodiscard]] const T& operator*() const noexcept { return *p_; }
    [[nodiscard]] const T* operator->() const noexcept { return p_.get(); }

    friend bool operator==(const box& a, const box& b) {
        if (!a.p_ || !b.p_) return !a.p_ && !b.p_;
        return *a.p_ == *b.p_;
    }

private:
    std::unique_ptr<T> p_;
};

class principal;

/// A human operator (bearer-token identity; the historical v0.5 form).
struct operator_principal {
    std::string id;
    friend bool operator==(const operator_principal&, const operator_principal&) = default;
};

/// The hosted control plane acting for a tenant (compaction, migration, billing, GC).
struct platform_principal {
    std::string id;
    friend bool operator==(const platform_principal&, const platform_principal&) = default;
};

/// An agent acting for `authorizing` within `scope` (⊆ the authorizing principal's bound).
struct delegate_principal {
    box<principal> authorizing;
    std::string delegate;
    authority_scope scope;
    friend bool operator==(const delegate_principal&, const delegate_principal&) = default;
};

/// An identity vouched for by an external trust root (OIDC issuer, ADO realm, GitHub org).
struct federated_principal {
    std::string trust_root;
    std::string identity;
    friend bool operator==(const federated_principal&, const federated_principal&) = default;
};

/// Who acts. Only the factories build one, so every principal satisfies the id rules, the scope
/// rule and the depth bound. Immutable; copies are deep; == compares the whole chain.
class principal {
public:
    /// Alternatives in principal_kind order.
    using alternatives = std::variant<operator_principal, platform_principal, delegate_principal, federated_principal>;

    /// errc::invalid_value unless principal_text_problem(id, principal_id_max_bytes) is "".
    [[nodiscard]] static result<principal> make_operator(std::string_view id) {
        if (!principal_text_problem(id, principal_id_max_bytes).empty()) return errc::invalid_value;
        return principal(operator_principal{std::string(id)});
    }
    [[nodiscard]] static result<principal> make_platform(std::string_view id) {
        if (!principal_text_problem(id, principal_id_max_bytes).empty()) return errc::invalid_value;
        return principal(platform_principal{std::string(id)});
    }
    [[nodiscard]] static result<principal> make_federated(std::string_view trust_root, std::string_view identity) {
        if (!principal_text_problem(trust_root, federated_field_max_bytes).empty() ||
            !principal_text_problem(identity, federated_field_max_bytes).empty())
            return errc::invalid_value;
        return principal(federated_principal{std::string(trust_root), std::string(identity)});
    }

    /// `delegate` acting for `authorizing` within `scope`. errc::invalid_value when the delegate
    /// id is bad, when `scope` is not a subset of authorizing.scope_bound() (operators, platforms
    /// and federated principals are unbounded: our choice), or when the chain would exceed
    /// max_delegation_depth links.
    [[nodiscard]] static result<principal> compose(principal authorizing, std::string_view delegate, authority_scope scope) {
        if (!principal_text_problem(delegate, principal_id_max_bytes).empty()) return errc::invalid_value;
        if (authorizing.delegation_depth() >= max_delegation_depth) return errc::invalid_value;
        if (const auto* d = std::get_if<delegate_principal>(&authorizing.v_); d && !scope.is_subset_of(d->scope))
            return errc::invalid_value;
        return principal(delegate_principal{box<principal>(std::move(authorizing)), std::string(delegate), std::move(scope)});
    }

    [[nodiscard]] principal_kind kind() const noexcept { return static_cast<principal_kind>(v_.index()); }
    /// For std::visit.
    [[nodiscard]] const alternatives& get() const noexcept { return v_; }
    /// The alternative A, or nullptr.
    template <class A>
    [[nodiscard]] const A* get_if() const noexcept {
        return std::get_if<A>(&v_);
    }

    /// The most this principal may delegate: its scope for a delegate, nullopt (unbounded) otherwise.
    [[nodiscard]] std::optional<authority_scope> scope_bound() const {
        if (const auto* d = get_if<delegate_principal>()) return d->scope;
        return std::nullopt;
    }

    /// Delegate links above the root: 0 for an operator, platform or federated principal.
    [[nodiscard]] std::size_t delegation_depth() const noexcept {
        std::size_t n = 0;
        for (const principal* p = this; const auto* d = p->get_if<delegate_principal>(); p = &*d->authorizing) ++n;
        return n;
    }

    /// The principal at the end of the delegation chain (itself when it is not a delegate).
    [[nodiscard]] const principal& root() const noexcept {
        const principal* p = this;
        while (const auto* d = p->get_if<delegate_principal>()) p = &*d->authorizing;
        return *p;
    }

    /// The URI form; parse_principal_uri(to_source_uri()) == *this. See docs/util.md#principal-uris.
    [[nodiscard]] std::string to_source_uri() const;

    friend bool operator==(const principal&, const principal&) = default;

private:
    explicit principal(alternatives v) : v_(std::move(v)) {}
    alternatives v_;
};

// --- URI form ----------------------------------------------------------------------------------

namespace detail {

inline constexpr std::string_view principal_uri_prefix = "principal://";

/// Bytes written as they are in a URI component: RFC 3986 unreserved plus the sub-delims and ':'
/// '@' that need no escaping in a path, except ',' and ';', which our grammar uses.
[[nodiscard]] constexpr bool is_uri_literal(char c) noexcept {
    return cellos::detail::is_ascii_alnum(c) || std::string_view("-._~!$&'()*+=:@").find(c) != std::string_view::npos;
}

inline void append_uri_component(std::string& out, std::string_view s) {
    constexpr char hex[] = "0123456789ABCDEF";
    for (const char c : s) {
        if (is_uri_literal(c)) {
            out += c;
        } else {
            out += '%';
            out += hex[static_cast<unsigned char>(c) >> 4];
            out += hex[static_cast<unsigned char>(c) & 0xF];
        }
    }
}

/// Strict inverse of append_uri_component: only its exact output is accepted (uppercase hex, no
/// escaped literal, no raw reserved byte), so each principal has exactly one URI.
[[nodiscard]] inline std::optional<std::string> decode_uri_component(std::string_view s) {
    const auto upper_hex = [](char c) -> int {  // canonical form: uppercase hex only
        return cellos::detail::is_ascii_hex(c) && !cellos::detail::is_ascii_lower(c) ? static_cast<int>(cellos::detail::hex_value(c)) : -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (is_uri_literal(s[i])) {
            out += s[i];
            continue;
        }
        if (s[i] != '%' || s.size() - i < 3) return std::nullopt;
        const int hi = upper_hex(s[i + 1]), lo = upper_hex(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        const char c = static_cast<char>((hi << 4) | lo);
        if (is_uri_literal(c)) return std::nullopt;
        out += c;
        i += 2;
    }
    return out;
}

}  // namespace detail

inline std::string principal::to_source_uri() const {
    std::string out(detail::principal_uri_prefix);
    const principal* p = this;
    while (const auto* d = p->get_if<delegate_principal>()) {
        out += "delegate/";
        detail::append_uri_component(out, d->delegate);
        out += ";scope=";
        bool first = true;
        for (const std::string& c : d->scope.capabilities()) {
            if (!first) out += ',';
            first = false;
            detail::append_uri_component(out, c);
        }
        out += '/';
        p = &*d->authorizing;
    }
    if (const auto* o = p->get_if<operator_principal>()) {
        out += "operator/";
        detail::append_uri_component(out, o->id);
    } else if (const auto* pl = p->get_if<platform_principal>()) {
        out += "platform/";
        detail::append_uri_component(out, pl->id);
    } else if (const auto* f = p->get_if<federated_principal>()) {
        out += "federated/";
        detail::append_uri_component(out, f->trust_root);
        out += '/';
        detail::append_uri_component(out, f->identity);
    }
    return out;
}

/// The principal a URI names (the exact forms to_source_uri writes; docs/util.md#principal-uris).
/// Anything else: a problem with errc::invalid_value, rule "principalUri" and a one-line reason.
[[nodiscard]] inline checked<principal> parse_principal_uri(std::string_view uri) {
    const auto fail = [](std::string reason) -> checked<principal> {
        return make_problem(errc::invalid_value, "", "not a principal URI: " + reason, "principalUri");
    };
    std::optional<std::string> bad_text;  // why the last text() call refused
    const auto text = [&](std::string_view encoded, std::size_t max, std::string_view what) -> std::optional<std::string> {
        auto s = detail::decode_uri_component(encoded);
        if (!s) {
            bad_text = std::string(what) + " is not canonically percent-encoded";
            return std::nullopt;
        }
        if (const auto problem = principal_text_problem(*s, max); !problem.empty()) {
            bad_text = std::string(what) + " " + std::string(problem);
            return std::nullopt;
        }
        return s;
    };
    if (!uri.starts_with(detail::principal_uri_prefix)) return fail("must start with \"principal://\"");
    std::string_view rest = uri.substr(detail::principal_uri_prefix.size());
    struct link {
        std::string delegate;
        authority_scope scope;
    };
    std::vector<link> links;  // outermost first
    while (true) {
        const std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos)
            return fail("expected <kind>/… (kind: operator, platform, delegate, federated)");
        const std::string_view kind = rest.substr(0, slash);
        rest.remove_prefix(slash + 1);
        std::optional<result<principal>> root;  // the make_* factories speak error codes
        if (kind == "operator" || kind == "platform") {
            auto id = text(rest, principal_id_max_bytes, std::string(kind) + " id");
            if (!id) return fail(*bad_text);
            root = kind == "operator" ? principal::make_operator(*id) : principal::make_platform(*id);
        } else if (kind == "federated") {
            const std::size_t sep = rest.find('/');
            if (sep == std::string_view::npos) return fail("expected federated/<trust root>/<identity>");
            auto trust_root = text(rest.substr(0, sep), federated_field_max_bytes, "trust root");
            if (!trust_root) return fail(*bad_text);
            auto identity = text(rest.substr(sep + 1), federated_field_max_bytes, "identity");
            if (!identity) return fail(*bad_text);
            root = principal::make_federated(*trust_root, *identity);
        } else if (kind == "delegate") {
            if (links.size() == max_delegation_depth)
                return fail("delegation chain longer than " + std::to_string(max_delegation_depth) + " links");
            const std::size_t end = rest.find('/');
            if (end == std::string_view::npos)
                return fail("expected delegate/<id>;scope=<capabilities>/<authorizing principal>");
            const std::string_view segment = rest.substr(0, end);
            rest.remove_prefix(end + 1);
            const std::size_t semi = segment.find(';');
            if (semi == std::string_view::npos || !segment.substr(semi + 1).starts_with("scope="))
                return fail("expected delegate/<id>;scope=<capabilities>/<authorizing principal>");
            auto id = text(segment.substr(0, semi), principal_id_max_bytes, "delegate id");
            if (!id) return fail(*bad_text);
            std::string_view caps = segment.substr(semi + 1 + 6);
            std::vector<std::string> capabilities;
            while (!caps.empty()) {
                const std::size_t comma = caps.find(',');
                auto c = text(caps.substr(0, comma), capability_max_bytes, "capability");
                if (!c) return fail(*bad_text);
                if (!capabilities.empty() && !(capabilities.back() < *c))
                    return fail("capabilities must be sorted by byte value and unique");
                capabilities.push_back(std::move(*c));
                if (comma == std::string_view::npos) break;
                caps.remove_prefix(comma + 1);
                if (caps.empty()) return fail("capability must not be empty");
            }
            auto scope = authority_scope::make(std::move(capabilities));
            if (!scope) return fail("invalid capability");
            links.push_back({std::move(*id), std::move(scope).value()});
            continue;
        } else {
            return fail("unknown principal kind \"" + std::string(kind) + "\" (expected operator, platform, delegate or federated)");
        }
        if (!*root) return fail("invalid principal");  // not reached: ids were checked above
        principal p = std::move(*root).value();
        for (auto it = links.rbegin(); it != links.rend(); ++it) {
            if (const auto bound = p.scope_bound(); bound && !it->scope.is_subset_of(*bound))
                return fail("delegate \"" + it->delegate + "\" has a scope wider than its authorizing principal's");
            auto composed = principal::compose(std::move(p), it->delegate, std::move(it->scope));
            if (!composed) return fail("invalid delegation");  // not reached: checked above
            p = std::move(composed).value();
        }
        return p;
    }
}

}  // namespace cellos
