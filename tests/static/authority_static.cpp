// Compile-time positives for the authority kernel: if this file compiles, the tables and the
// type-state layer hold the properties below. (Negatives: authority_negative_static.cpp.)
#include <cstdint>
#include <type_traits>
#include <utility>

#include <boost/hana/all_of.hpp>

#include "cellos/authority.hpp"

namespace {

using namespace cellos;
using rc = rule_class;
using es = epistemic_status;

// --- the class table ------------------------------------------------------------------------
static_assert(info(rc::raw_observation).tier_ceiling == 2);
static_assert(info(rc::structural_alignment).tier_ceiling == 3);
static_assert(info(rc::cryptographic_proof).tier_ceiling == 4);
static_assert(info(rc::opacity).tier_ceiling == 1);
static_assert(info(rc::imposed_interception).tier_ceiling == 4);
static_assert(info(rc::guest_agent_declaration).tier_ceiling == 1);

// --- ceiling, status, binding of class sets -------------------------------------------------
static_assert(ceiling_of({rc::raw_observation}) == tier_ceiling{2, rc::raw_observation});
static_assert(ceiling_of({rc::raw_observation, rc::structural_alignment}) == tier_ceiling{3, rc::structural_alignment});
static_assert(ceiling_of({rc::cryptographic_proof, rc::raw_observation}) == tier_ceiling{4, rc::cryptographic_proof});
static_assert(ceiling_of({rc::raw_observation, rc::opacity}) == tier_ceiling{1, rc::opacity});
static_assert(ceiling_of({rc::opacity}) == tier_ceiling{1, rc::opacity});
static_assert(ceiling_of({rc::guest_agent_declaration}) == tier_ceiling{1, rc::guest_agent_declaration});
static_assert(!ceiling_of(class_set{}));
static_assert(check_class_set(class_set{})->index() == 14);

static_assert(canonical_status({rc::raw_observation}) == es::direct_observation);
static_assert(canonical_status({rc::raw_observation, rc::structural_alignment}) == es::structurally_aligned);
static_assert(canonical_status({rc::structural_alignment, rc::cryptographic_proof}) == es::cryptographically_proven);
static_assert(canonical_status({rc::imposed_interception, rc::cryptographic_proof}) == es::imposed_observation);
static_assert(canonical_status({rc::opacity, rc::imposed_interception}) == es::opaque);
static_assert(canonical_status({rc::guest_agent_declaration, rc::opacity}) == es::declared);
static_assert(!canonical_status(class_set{}));

static_assert(canonical_binding({rc::imposed_interception, rc::opacity}, 2) == binding_status::imposed_bound);
static_assert(canonical_binding({rc::opacity, rc::structural_alignment}, 2) == binding_status::unknown);
static_assert(canonical_binding({rc::cryptographic_proof}, 1) == binding_status::bound);
static_assert(canonical_binding({rc::raw_observation}, 1) == binding_status::not_applicable);
static_assert(canonical_binding({rc::raw_observation}, 2) == binding_status::unknown);
static_assert(canonical_binding({rc::guest_agent_declaration}, 1) == binding_status::not_applicable);

/// Over all 63 non-empty sets: the ceiling is a function of the canonical status (this is what
/// lets derive<>() know the result's ceiling from static statuses alone), and the reserved
/// STATISTICALLY_BOUNDED is never canonical.
constexpr bool ceiling_follows_status() {
    int by_status[7] = {-1, -1, -1, -1, -1, -1, -1};
    for (std::size_t bits = 1; bits < class_set_count; ++bits) {
        const class_set s = class_set::from_bits(static_cast<std::uint8_t>(bits));
        const auto st = static_cast<std::size_t>(*canonical_status(s));
        if (*canonical_status(s) == es::statistically_bounded) return false;
        if (by_status[st] != -1 && by_status[st] != ceiling_of(s)->tier) return false;
        by_status[st] = ceiling_of(s)->tier;
        if (!s.contains(*dominant_class(*canonical_status(s)))) return false;
    }
    return true;
}
static_assert(ceiling_follows_status());

// --- rules: every rule has one class, every class has a rule --------------------------------
constexpr bool every_class_has_a_rule() {
    class_set covered;
    for (rule r : detail::all_enumerators<rule>()) covered.insert(canonical_class(r));
    return covered == class_set::from_bits(0x3F);
}
static_assert(every_class_has_a_rule());
static_assert(canonical_class(rule::raw_sni_observed) == rc::raw_observation);
static_assert(canonical_class(rule::guest_agent_declared) == rc::guest_agent_declaration);

// --- wire names: unique and round-tripping ----------------------------------------------------
template <class E>
constexpr bool names_round_trip() {
    for (E e : detail::all_enumerators<E>()) {
        if (from_wire<E>(to_wire(e)) != e) return false;
        for (E other : detail::all_enumerators<E>())
            if (other != e && to_wire(other) == to_wire(e)) return false;
    }
    return !from_wire<E>("") && !from_wire<E>("raw_observation");
}
static_assert(names_round_trip<rule_class>() && names_round_trip<rule>() && names_round_trip<epistemic_status>() &&
              names_round_trip<binding_status>() && names_round_trip<authority_input_type>() && names_round_trip<authority_kind>());
static_assert(to_wire(rule::raw_sni_observed) == "RAW_SNI_OBSERVED");
static_assert(to_wire(rc::raw_observation) == "RAW_OBSERVATION");
static_assert(to_wire(es::direct_observation) == "DIRECT_OBSERVATION");
static_assert(to_wire(es::statistically_bounded) == "STATISTICALLY_BOUNDED");
static_assert(to_wire(binding_status::not_applicable) == "NOT_APPLICABLE");
static_assert(to_wire(authority_input_type::sni) == "SNI");

// --- envelopes and the admissible table derived from them ------------------------------------
static_assert(envelope_of(authority_kind::declared).permitted == class_set{rc::guest_agent_declaration});
static_assert(envelope_of(authority_kind::observed).tier_cap == 2);
static_assert(bounds_of(authority_kind::observed, es::structurally_aligned).max_tier == 2);
static_assert(bounds_of(authority_kind::observed, es::structurally_aligned).lower == class_set{rc::structural_alignment});
static_assert(bounds_of(authority_kind::observed, es::opaque).upper ==
              class_set{rc::raw_observation, rc::structural_alignment, rc::opacity});
static_assert(bounds_of(authority_kind::proven, es::cryptographically_proven).max_tier == 4);
static_assert(bounds_of(authority_kind::declared, es::declared).max_tier == 1);
static_assert(bounds_of(authority_kind::declared, es::direct_observation).max_tier == -1);
static_assert(is_admissible(authority_kind::declared, 1, es::declared) && !is_admissible(authority_kind::declared, 2, es::declared));
static_assert(is_admissible(authority_kind::observed, 2, es::direct_observation) && !is_admissible(authority_kind::observed, 3, es::structurally_aligned));
static_assert(!is_admissible(authority_kind::observed, 2, es::cryptographically_proven));

namespace hana = boost::hana;
static_assert(hana::length(admissible_authorities<authority_kind::observed>) == hana::size_c<8>);
static_assert(hana::length(admissible_authorities<authority_kind::proven>) == hana::size_c<5>);
static_assert(hana::length(admissible_authorities<authority_kind::imposed>) == hana::size_c<5>);
static_assert(hana::length(admissible_authorities<authority_kind::declared>) == hana::size_c<2>);
static_assert(hana::length(all_admissible_authorities) == hana::size_c<20>);
static_assert(std::variant_size_v<any_authority<authority_kind::declared>> == 2);
static_assert(std::is_same_v<std::variant_alternative_t<1, any_authority<authority_kind::declared>>, declared_authority<1>>);

// Zero overhead: a typed authority is exactly its runtime payload, for every admissible type.
static_assert(hana::all_of(all_admissible_authorities, [](auto t) {
    using A = typename decltype(t)::type;
    return hana::bool_c<sizeof(A) == sizeof(typename A::payload_type)>;
}));
static_assert(sizeof(observed_authority<2, es::direct_observation>) == sizeof(authority_derivation));
static_assert(sizeof(proven_authority<4>) == sizeof(authority_derivation) + sizeof(proven_authority_artifact));

// --- the type-state layer ---------------------------------------------------------------------
using sni = observed_authority<2, es::direct_observation>;
using aligned = observed_authority<2, es::structurally_aligned>;
using ech = observed_authority<1, es::opaque>;

static_assert(TypedAuthority<sni> && !TypedAuthority<authority_derivation>);
static_assert(AuthorityOfKind<declared_authority<0>, authority_kind::declared> && !AuthorityOfKind<sni, authority_kind::declared>);
static_assert(AdmissibleAuthority<authority_kind::imposed, 4, es::imposed_observation>);
static_assert(GuestEventAuthority<declared_authority<1>>);
static_assert(std::is_nothrow_move_constructible_v<sni> && std::is_copy_constructible_v<sni>);
static_assert(!std::is_default_constructible_v<sni>);

// weaken keeps the kind and the status
static_assert(std::is_same_v<decltype(std::declval<const aligned&>().weaken<0>()), observed_authority<0, es::structurally_aligned>>);
static_assert(std::is_same_v<decltype(std::declval<proven_authority<4>>().weaken<4>()), proven_authority<4>>);

// derive: the status is the dominant one, the tier is the requested one
static_assert(derived_status<sni, aligned> == es::structurally_aligned);
static_assert(derived_status<sni, ech> == es::opaque);
static_assert(derived_status<proven_authority<3>, sni> == es::cryptographically_proven);
static_assert(derived_status<declared_authority<1>, declared_authority<0>> == es::declared);
static_assert(std::is_same_v<decltype(derive<authority_kind::observed, 1>(std::declval<sni>(), std::declval<ech>())), ech>);
static_assert(std::is_same_v<decltype(derive<authority_kind::proven, 2>(std::declval<proven_authority<3>>(), std::declval<sni>())),
                             proven_authority<2>>);
static_assert(std::is_same_v<decltype(derive<authority_kind::imposed, 2>(std::declval<imposed_authority<4>>(), std::declval<aligned>())),
                             imposed_authority<2>>);
static_assert(std::is_same_v<decltype(derive<authority_kind::declared, 0>(std::declval<declared_authority<1>>())), declared_authority<0>>);

// --- the validator in constant expressions (static_authority_derivation) ------------------------
constexpr static_authority_derivation seed_example() {  // the seed README's ObservedAuthority
    return {{{authority_input_type::sni, "api.example.com", 0.95, std::nullopt}},
            {{rule::raw_sni_observed, rc::raw_observation}},
            {2, 0.95, es::direct_observation, binding_status::not_applicable}};
}
static_assert(!validate(seed_example()));
static_assert(require_valid_as(authority_kind::observed, seed_example()));
static_assert(validate_as(authority_kind::declared, seed_example())->index() == 11);  // type_class_incompatible
static_assert(validate_as(authority_kind::proven, seed_example())->index() == 12);    // no proof rule
static_assert(validate_as(authority_kind::imposed, seed_example())->index() == 13);   // no interception rule

// Non-inflation is exact, no tolerance: a hair above the best input's confidence, or one tier above
// the class ceiling (RAW_OBSERVATION: 2), is refused.
constexpr static_authority_derivation seed_with(std::uint8_t tier, double confidence) {
    return {{{authority_input_type::sni, "api.example.com", 0.95, std::nullopt}},
            {{rule::raw_sni_observed, rc::raw_observation}},
            {tier, confidence, es::direct_observation, binding_status::not_applicable}};
}
static_assert(!validate(seed_with(2, 0.95)) && !validate(seed_with(1, 0.5)));
static_assert(validate(seed_with(2, 0.95 + 1e-12))->index() == 6);  // confidence_inflation
static_assert(validate(seed_with(3, 0.95))->index() == 7);          // tier_inflation

// The variant order equals the errc order: code_of() relies on it.
template <std::size_t... I>
constexpr bool codes_in_order(std::index_sequence<I...>) {
    return ((code_of(validation_error(std::in_place_index<I>)) ==
             static_cast<errc>(static_cast<int>(errc::no_inputs) + static_cast<int>(I))) && ...);
}
static_assert(codes_in_order(std::make_index_sequence<std::variant_size_v<validation_error>>{}));
static_assert(code_of(validation_error(violation::empty_class_set{})) == errc::empty_class_set);
static_assert(errc_name(errc::tier_inflation) == "tier_inflation");
static_assert(errc_name(errc::type_class_incompatible) == "type_class_incompatible");
static_assert(errc_name(static_cast<errc>(9999)) == "unknown");

}  // namespace
