// cellos/authority/derivation.hpp — the Authority Derivation Graph record (upstream
// AuthorityDerivation, AuthorityInput, AppliedRule, AuthorityOutput). Plain aggregates: building
// one validates nothing. Like every document, a template over its storage (spec/storage.hpp):
// `static_authority_derivation` (constexpr_storage: string_view) is built and validated in constant
// expressions on every supported compiler (clang 14 cannot evaluate libstdc++'s constexpr
// std::string). Its lists stay std::vector in both storages (our choice): derivations are built and
// checked inside one constant evaluation (a constexpr function returns one), where a vector works
// and a span over a temporary would dangle. The wire_fields() tables feed the one JSON codec.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "cellos/authority/binding_status.hpp"
#include "cellos/authority/epistemic_status.hpp"
#include "cellos/authority/input_type.hpp"
#include "cellos/authority/rule.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

/// One evidence atom consumed by a derivation.
template <Storage S = runtime_storage>
struct basic_authority_input {
    authority_input_type input_type{};
    typename S::string value{};
    double confidence{};                                ///< coverage of this input alone, in [0, 1]
    std::optional<typename S::string> source_event_id;  ///< links to the emission this input came from

    static constexpr auto wire_fields() {
        using T = basic_authority_input;
        return std::tuple{detail::field{"input_type", &T::input_type}, detail::field{"value", &T::value},
                          detail::field{"confidence", &T::confidence}, detail::field{"source_event_id", &T::source_event_id}};
    }

    friend constexpr bool operator==(const basic_authority_input&, const basic_authority_input&) = default;
};

/// A rule the derivation applied, with the class it claims (checked against canonical_class).
struct applied_rule {
    cellos::rule rule{};
    rule_class cls{};

    static constexpr auto wire_fields() {
        using T = applied_rule;
        return std::tuple{detail::field{"rule", &T::rule}, detail::field{"class", &T::cls}};
    }

    friend constexpr bool operator==(const applied_rule&, const applied_rule&) noexcept = default;
};

/// The derivation's output tuple.
struct authority_output {
    int tier{};           ///< [0, 4]
    double confidence{};  ///< [0, 1], never above the best input
    cellos::epistemic_status epistemic_status{};
    cellos::binding_status binding_status{};

    static constexpr auto wire_fields() {
        using T = authority_output;
        // u8 on the wire, as upstream: 5..255 is the validator's TierOutOfRange, beyond a range error
        return std::tuple{detail::field{"tier", &T::tier, detail::wire_as<std::uint8_t>},
                          detail::field{"confidence", &T::confidence},
                          detail::field{"epistemic_status", &T::epistemic_status},
                          detail::field{"binding_status", &T::binding_status}};
    }

    friend constexpr bool operator==(const authority_output&, const authority_output&) noexcept = default;
};

template <Storage S = runtime_storage>
struct basic_authority_derivation {
    std::vector<basic_authority_input<S>> inputs;
    std::vector<applied_rule> rules_applied;
    authority_output output{};

    /// The de-duplicated set of *declared* classes (upstream class_set()).
    [[nodiscard]] constexpr class_set classes() const noexcept {
        class_set s;
        for (const applied_rule& r : rules_applied) s.insert(r.cls);
        return s;
    }

    static constexpr auto wire_fields() {
        using T = basic_authority_derivation;
        return std::tuple{detail::field{"inputs", &T::inputs}, detail::field{"rules_applied", &T::rules_applied},
                          detail::field{"output", &T::output}};
    }

    friend constexpr bool operator==(const basic_authority_derivation&, const basic_authority_derivation&) = default;
};

using authority_input = basic_authority_input<runtime_storage>;
using authority_derivation = basic_authority_derivation<runtime_storage>;
/// For constant expressions (static_assert-based policy tests).
using static_authority_input = basic_authority_input<constexpr_storage>;
using static_authority_derivation = basic_authority_derivation<constexpr_storage>;

}  // namespace cellos
