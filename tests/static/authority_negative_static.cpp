// Compile-time negatives, in-language: each forbidden expression sits in a requires-expression
// whose operands are template parameters, so rejection is "false", not a hard error. The same
// rules are pinned out of process, with their diagnostics, in tests/compile_fail/.
#include <type_traits>
#include <utility>

#include "cellos/authority.hpp"

namespace {

using namespace cellos;
using es = epistemic_status;
using sni = observed_authority<2, es::direct_observation>;
using sni1 = observed_authority<1, es::direct_observation>;

template <authority_kind K, int Tier, es E>
concept authority_exists = requires { typename authority<K, Tier, E>; };

// A type outside its kind's envelope does not exist.
static_assert(authority_exists<authority_kind::declared, 1, es::declared>);
static_assert(!authority_exists<authority_kind::declared, 2, es::declared>);             // declared_tier_ceiling
static_assert(!authority_exists<authority_kind::observed, 3, es::structurally_aligned>); // observed_tier_ceiling
static_assert(!authority_exists<authority_kind::observed, 2, es::cryptographically_proven>);  // status_envelope
static_assert(!authority_exists<authority_kind::observed, 2, es::opaque>);               // status_tier_ceiling
static_assert(!authority_exists<authority_kind::declared, 0, es::direct_observation>);   // status_envelope
static_assert(!authority_exists<authority_kind::proven, 5, es::cryptographically_proven>);  // tier_range
static_assert(!authority_exists<authority_kind::imposed, -1, es::imposed_observation>);  // tier_range
static_assert(!authority_exists<authority_kind::proven, 0, es::statistically_bounded>);  // reserved status

// No conversion between kinds, ever; no implicit change within a kind; no wrapping by hand.
static_assert(!std::is_constructible_v<proven_authority<2>, sni>);
static_assert(!std::is_convertible_v<sni, proven_authority<2>>);
static_assert(!std::is_constructible_v<imposed_authority<2>, sni>);
static_assert(!std::is_constructible_v<declared_authority<1>, sni1>);
static_assert(!std::is_constructible_v<sni1, sni>);                               // weaken<1>() instead
static_assert(!std::is_constructible_v<sni, sni1>);                               // never upward
static_assert(!std::is_constructible_v<observed_authority<2, es::structurally_aligned>, sni>);
static_assert(!std::is_constructible_v<sni, authority_derivation>);               // make_authority() instead
static_assert(!std::is_assignable_v<sni&, sni1>);

// weaken<To>() only goes down.
template <class A, int To>
concept can_weaken = requires(const A& a) { a.template weaken<To>(); };
static_assert(can_weaken<imposed_authority<2>, 1> && can_weaken<imposed_authority<2>, 2>);
static_assert(!can_weaken<imposed_authority<2>, 3>);
static_assert(!can_weaken<declared_authority<1>, 2>);

// derive<>(): non-inflation, Declared stays Declared, envelopes hold.
template <authority_kind Target, int Tier, class... In>
concept can_derive = requires(const In&... in) { derive<Target, Tier>(in...); };
static_assert(can_derive<authority_kind::observed, 1, sni1, sni1>);
static_assert(!can_derive<authority_kind::observed, 2, sni1, sni1>);                        // derive_non_inflation
static_assert(!can_derive<authority_kind::observed, 1, declared_authority<1>>);             // declared_stays_declared
static_assert(!can_derive<authority_kind::declared, 1, declared_authority<0>>);             // derive_non_inflation
static_assert(!can_derive<authority_kind::proven, 2, sni>);                                 // derive_envelope
static_assert(!can_derive<authority_kind::observed, 1, declared_authority<1>, sni>);        // derive_envelope
static_assert(!can_derive<authority_kind::observed, 2, proven_authority<4>>);               // derive_envelope
static_assert(!can_derive<authority_kind::imposed, 2, sni>);                                // derive_envelope
static_assert(!can_derive<authority_kind::observed, 1>);                                    // derive_inputs
static_assert(!can_derive<authority_kind::observed, 2, sni, observed_authority<1, es::opaque>>);  // opacity caps at 1

// The GuestEventBuilder gate.
template <class A>
concept can_attach = requires(A a) { guest_event_builder<>("cell", "event").with_authority(a); };
static_assert(can_attach<declared_authority<1>> && can_attach<declared_authority<0>>);
static_assert(!can_attach<sni> && !can_attach<proven_authority<4>> && !can_attach<imposed_authority<1>>);
static_assert(!can_attach<authority_derivation>);

template <class B>
concept can_build = requires(B b) { std::move(b).build(); };
static_assert(can_build<guest_event_builder<declared_authority<1>>>);
static_assert(!can_build<guest_event_builder<>>);

// Queries exist only where they make sense.
template <class A>
concept has_artifact = requires(const A& a) { a.artifact(); };
static_assert(has_artifact<proven_authority<3>> && !has_artifact<sni> && !has_artifact<declared_authority<1>>);

}  // namespace
