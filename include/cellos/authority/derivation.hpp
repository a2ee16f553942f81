// cellos/authority/derivation.hpp — the Authority Derivation Graph record (upstream
// AuthorityDerivation, AuthorityInput, AppliedRule, AuthorityOutput). Plain aggregates: building
// one validates nothing. The string type is a parameter so that `static_authority_derivation`
// (string_view) can be built and validated in constant expressions on every supported compiler
// (clang 14 cannot evaluate libstdc++'s constexpr std::string).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/authority/binding_status.hpp"
#include "cellos/authority/epistemic_status.hpp"
#include "cellos/authority/input_type.hpp"
#include "cellos/authority/rule.hpp"

namespace cellos {

/// One evidence atom consumed by a derivation.
template <class String>
struct basic_authority_input {
    authority_input_type input_type{};
    String value{};
    double confidence{};                    ///< coverage of this input alone, in [0, 1]
    std::optional<String> source_event_id;  ///< links to the emission this input came from

    friend constexpr bool operator==(const basic_authority_input&, const basic_authority_input&) = default;
};

/// A rule the derivation applied, with the class it claims (checked against canonical_class).
struct applied_rule {
    cellos::rule rule{};
    rule_class cls{};  ///< wire key "class"

    friend constexpr bool operator==(const applied_rule&, const applied_rule&) noexcept = default;
};

/// The derivation's output tuple.
struct authority_output {
    int tier{};           ///< [0, 4]
    double confidence{};  ///< [0, 1], never above the best input
    cellos::epistemic_status epistemic_status{};
    cellos::binding_status binding_status{};

    friend constexpr bool operator==(const authority_output&, const authority_output&) noexcept = default;
};

template <class String>
struct basic_authority_derivation {
    std::vector<basic_authority_input<String>> inputs;
    std::vector<applied_rule> rules_applied;
    authority_output output{};

    /// The de-duplicated set of *declared* classes (upstream class_set()).
    [[nodiscard]] constexpr class_set classes() const noexcept {
        class_set s;
        for (const applied_rule& r : rules_applied) s.insert(r.cls);
        return s;
    }

    friend constexpr bool operator==(const basic_authority_derivation&, const basic_authority_derivation&) = default;
};

using authority_input = basic_authority_input<std::string>;
using authority_derivation = basic_authority_derivation<std::string>;
/// For constant expressions (static_assert-based policy tests).
using static_authority_input = basic_authority_input<std::string_view>;
using static_authority_derivation = basic_authority_derivation<std::string_view>;

}  // namespace cellos
