// cellos/authority/static_check.hpp — the validator in consteval form, for derivations written
// in the source (static_authority_derivation). A violation becomes a compile error whose text names
// the rule: the failing call is to the non-constexpr `detail::rule_violated<Rule, Where>()` of
// detail/diagnostic.hpp with Rule the violation's `errc` (e.g. `cellos::errc::tier_inflation`) and
// Where `where::authority_derivation`.
#pragma once

#include <cstddef>
#include <variant>

#include "cellos/authority/validate.hpp"
#include "cellos/detail/diagnostic.hpp"

namespace cellos {

namespace detail {

inline constexpr std::size_t first_validation_errc = static_cast<std::size_t>(errc::no_inputs);
inline constexpr std::size_t validation_error_kinds = std::variant_size_v<validation_error>;

template <std::size_t... I>
consteval bool printed_as_errc_names(std::index_sequence<I...>) noexcept {
    constexpr std::string_view scope = "cellos::errc::";
    const auto matches = [&](std::string_view printed, errc e) {
        return printed.size() == scope.size() + errc_name(e).size() && printed.starts_with(scope) &&
               printed.ends_with(errc_name(e));
    };
    return (matches(printed_argument<static_cast<errc>(first_validation_errc + I)>(),
                    static_cast<errc>(first_validation_errc + I)) && ...);
}

// Every kind of the variant has its diagnostic, and what the compiler prints is its stable errc name
// (code_of maps alternative I to errc::no_inputs + I).
static_assert(printed_as_errc_names(std::make_index_sequence<validation_error_kinds>{}),
              "a validation_error kind whose diagnostic does not print its errc name");

}  // namespace detail

/// true, or a compile error naming the first violated rule. For Proven, the artifact is assumed
/// usable (static derivations carry none).
template <Storage S>
consteval bool require_valid_as(authority_kind k, const basic_authority_derivation<S>& d) {
    if (const auto e = validate_as(k, d, true)) {
        const errc code = code_of(*e);  // named, so g++'s "in 'constexpr' expansion" line stays short
        detail::report_violation<detail::where::authority_derivation, errc, detail::first_validation_errc>(
            code, std::make_index_sequence<detail::validation_error_kinds>{});
    }
    return true;
}

}  // namespace cellos
