// cellos/authority/authority.hpp — typed authority: `authority<Kind, Tier, Status>`. A type outside
// its kind's envelope does not exist; kinds never convert into each other; the tier only goes
// down, explicitly (weaken<To>()). Instances come only from the JSON boundary / make_authority()
// (runtime, validated) or from derive<>() / weaken<>() (already-typed inputs).
#pragma once

#include <type_traits>
#include <utility>

#include "cellos/authority/artifact.hpp"
#include "cellos/authority/concepts.hpp"
#include "cellos/authority/derivation.hpp"

namespace cellos {

/// What a typed authority of kind K holds at runtime. Only Proven carries an artifact.
struct proven_payload {
    authority_derivation derivation;
    proven_authority_artifact artifact;
    friend bool operator==(const proven_payload&, const proven_payload&) = default;
};
template <authority_kind K>
using authority_payload = std::conditional_t<K == authority_kind::proven, proven_payload, authority_derivation>;

template <authority_kind K, int Tier, epistemic_status E>
    requires AdmissibleAuthority<K, Tier, E>
class authority;

namespace detail {
/// The one door to the private constructor: used by make_authority, derive and weaken.
struct authority_access {
    template <class A>
    static constexpr A make(typename A::payload_type payload) {
        return A(std::move(payload));
    }
};
template <class T>
struct is_authority : std::false_type {};
template <authority_kind K, int Tier, epistemic_status E>
struct is_authority<authority<K, Tier, E>> : std::true_type {};
}  // namespace detail

/// Any instantiation of `authority`.
template <class A>
concept TypedAuthority = detail::is_authority<std::remove_cvref_t<A>>::value;

/// A rejected conversion between two typed authorities: the first conjunct explains kind changes,
/// the second any other implicit change (tier / status).
template <class From, class To>
concept ConversionRequested =
    (From::authority_kind == To::authority_kind ||
     detail::unsatisfied<"cellos: authority kinds never convert into each other (ADR-0005: no From/Into between variants) [no_kind_conversion]">()) &&
    detail::unsatisfied<"cellos: a typed authority changes only through weaken<Tier>() (explicit, downward) [explicit_weakening]">();

template <authority_kind K, int Tier, epistemic_status E>
    requires AdmissibleAuthority<K, Tier, E>
class authority {
public:
    using payload_type = authority_payload<K>;
    static constexpr cellos::authority_kind authority_kind = K;
    static constexpr int tier = Tier;
    static constexpr epistemic_status status = E;

    authority(const authority&) = default;
    authority(authority&&) noexcept = default;
    authority& operator=(const authority&) = default;
    authority& operator=(authority&&) noexcept = default;
    ~authority() = default;

    /// Never viable: names the rule that forbids converting another typed authority into this one.
    template <cellos::authority_kind K2, int T2, epistemic_status E2>
        requires(!std::is_same_v<authority<K2, T2, E2>, authority>) &&
                ConversionRequested<authority<K2, T2, E2>, authority>
    authority(const authority<K2, T2, E2>&);  // NOLINT(google-explicit-constructor)

    /// The validated derivation (read-only: no setters exist).
    [[nodiscard]] constexpr const authority_derivation& derivation() const noexcept {
        if constexpr (K == authority_kind::proven) return payload_.derivation;
        else return payload_;
    }
    [[nodiscard]] constexpr authority_output output() const noexcept { return derivation().output; }

    [[nodiscard]] constexpr const proven_authority_artifact& artifact() const noexcept
        requires(K == authority_kind::proven)
    {
        return payload_.artifact;
    }

    [[nodiscard]] constexpr const payload_type& payload() const& noexcept { return payload_; }

    /// Explicit weakening within the kind: same status, lower (or equal) tier.
    template <int To>
        requires TierNotRaised<Tier, To> && AdmissibleAuthority<K, To, E>
    [[nodiscard]] constexpr authority<K, To, E> weaken() const& {
        return lowered<To>(payload_type(payload_));
    }
    template <int To>
        requires TierNotRaised<Tier, To> && AdmissibleAuthority<K, To, E>
    [[nodiscard]] constexpr authority<K, To, E> weaken() && {
        return lowered<To>(std::move(payload_));
    }

    friend bool operator==(const authority&, const authority&) = default;

private:
    friend struct detail::authority_access;
    explicit constexpr authority(payload_type p) : payload_(std::move(p)) {}

    template <int To>
    static constexpr authority<K, To, E> lowered(payload_type p) {
        if constexpr (K == authority_kind::proven) p.derivation.output.tier = To;
        else p.output.tier = To;
        return detail::authority_access::make<authority<K, To, E>>(std::move(p));
    }

    payload_type payload_;
};

template <int Tier, epistemic_status E>
using observed_authority = authority<authority_kind::observed, Tier, E>;
template <int Tier>
using proven_authority = authority<authority_kind::proven, Tier, epistemic_status::cryptographically_proven>;
template <int Tier>
using imposed_authority = authority<authority_kind::imposed, Tier, epistemic_status::imposed_observation>;
template <int Tier>
using declared_authority = authority<authority_kind::declared, Tier, epistemic_status::declared>;

/// A typed authority of one particular kind.
template <class A, authority_kind K>
concept AuthorityOfKind = TypedAuthority<A> && std::remove_cvref_t<A>::authority_kind == K;

}  // namespace cellos
