// cellos/authority/admissible.hpp — the admissible instantiations of each kind, generated with
// Boost.Hana from the envelope table (is_admissible), and the std::variant over them that the
// runtime boundary returns. Generic code std::visit()s it with the static type in hand.
#pragma once

#include <variant>

#include <boost/hana/cartesian_product.hpp>
#include <boost/hana/concat.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/filter.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/range.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/unpack.hpp>

#include "cellos/authority/authority.hpp"

namespace cellos {

namespace detail {

namespace hana = boost::hana;

template <authority_kind K>
constexpr auto admissible_types() {
    constexpr auto statuses = hana::to_tuple(hana::range_c<int, 0, enum_count<epistemic_status>>);
    constexpr auto tiers = hana::to_tuple(hana::range_c<int, min_tier, max_tier + 1>);
    constexpr auto pairs = hana::cartesian_product(hana::make_tuple(statuses, tiers));
    constexpr auto admissible = hana::filter(pairs, [](auto p) {
        return hana::bool_c<is_admissible(K, decltype(+hana::at_c<1>(p))::value,
                                          static_cast<epistemic_status>(decltype(+hana::at_c<0>(p))::value))>;
    });
    return hana::transform(admissible, [](auto p) {
        return hana::type_c<authority<K, decltype(+hana::at_c<1>(p))::value,
                                      static_cast<epistemic_status>(decltype(+hana::at_c<0>(p))::value)>>;
    });
}

}  // namespace detail

/// hana::tuple of hana::type<authority<K, Tier, Status>> for every admissible (Tier, Status) of K.
template <authority_kind K>
inline constexpr auto admissible_authorities = detail::admissible_types<K>();

/// Every admissible typed authority of every kind.
inline constexpr auto all_admissible_authorities = boost::hana::concat(
    boost::hana::concat(admissible_authorities<authority_kind::observed>, admissible_authorities<authority_kind::proven>),
    boost::hana::concat(admissible_authorities<authority_kind::imposed>, admissible_authorities<authority_kind::declared>));

/// std::variant of exactly the admissible instantiations of K.
template <authority_kind K>
using any_authority = typename decltype(boost::hana::unpack(admissible_authorities<K>,
                                                            boost::hana::template_<std::variant>))::type;

}  // namespace cellos
