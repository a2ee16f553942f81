// cellos/detail/diagnostic.hpp — one diagnostic for every rule table. A consteval check that finds a
// violation calls rule_violated<Rule, Where>(), which is deliberately not constexpr: the compiler
// must reject the constant expression, and in doing so prints the specialisation, hence the
// enumerator that names the rule. The dispatch from a runtime enumerator to that template argument
// is a fold over the table, so a rule added to a table has its diagnostic without an edit here.
//
// Why an enumerator and not a fixed_string: clang++ 14 prints a class-type template argument as its
// bytes (`rule_violated<{{115, 112, 101, ...}}>`), while g++ 12 and clang++ 14 both print an
// enumerator argument by name (`cellos::spec_rule::portable_identifier`). docs/diagnostics.md lists
// the ids and what each compiler prints.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

#include "cellos/detail/enum_table.hpp"

namespace cellos::detail {

/// What the consteval check was looking at; printed after the rule, since one spec_rule can be
/// broken by an execution-cell document or by a policy-pack document.
enum class where {
    execution_cell,        ///< the ExecutionCell document (require_valid_document, require_admission)
    policy_pack,           ///< the PolicyPack document or its version (require_admission)
    admission,             ///< the spec against the pack's PolicyRules (require_admission)
    authority_derivation,  ///< a typed-authority derivation (require_valid_as)
};

/// Deliberately not constexpr: reaching it during constant evaluation is the diagnostic.
template <auto Rule, where Where>
void rule_violated() noexcept {}

/// Reaches rule_violated<E(First + I), Where> for the one I with rule == E(First + I), and nothing
/// when the value is outside [First, First + sizeof...(I)). Every arm is instantiated, so every
/// enumerator of the range has its diagnostic.
template <where Where, class E, std::size_t First, std::size_t... I>
constexpr void report_violation(E rule, std::index_sequence<I...>) noexcept {
    const auto value = static_cast<std::size_t>(rule);
    ((value == First + I ? rule_violated<static_cast<E>(First + I), Where>() : void()), ...);
}

/// The diagnostic of one rule of a table enum (enum_names<E>): spec_rule, policy_rule, ...
template <where Where, NamedEnum E>
constexpr void report_violation(E rule) noexcept {
    report_violation<Where, E, 0>(rule, std::make_index_sequence<enum_count<E>>{});
}

// --- coverage --------------------------------------------------------------------------------------
// The diagnostic names a rule only if the compiler prints its template argument as an enumerator;
// a value no enumerator names prints as a cast, `(cellos::spec_rule)35`. So the compiler's own
// spelling (the same printer as the diagnostic's) tells whether a table covers its enum exactly.

/// How the compiler spells the template argument V: "cellos::spec_rule::kind", or "(cellos::spec_rule)35".
template <auto V>
consteval std::string_view printed_argument() noexcept {
    // g++: "... [with auto V = cellos::spec_rule::kind; std::string_view = ...]"; clang++: "... [V = cellos::spec_rule::kind]"
    const std::string_view f = __PRETTY_FUNCTION__;
    const std::size_t b = f.find("V = ") + 4;
    return f.substr(b, f.find_first_of(";]", b) - b);
}

// The parse above is this compiler's format: if it changed, every coverage check below would be void.
static_assert(printed_argument<where::admission>() == "cellos::detail::where::admission" &&
                  printed_argument<static_cast<where>(9)>() == "(cellos::detail::where)9",
              "__PRETTY_FUNCTION__ no longer spells template arguments as g++ 12 / clang++ 14 do");

template <auto V>
inline constexpr bool names_enumerator = !printed_argument<V>().empty() && printed_argument<V>().front() != '(';

template <class E, std::size_t First, std::size_t... I>
consteval bool names_every(std::index_sequence<I...>) noexcept {
    return (names_enumerator<static_cast<E>(First + I)> && ...);
}

/// The table of E covers E exactly: each of its entries is an enumerator, and the value past the last
/// entry is none (an enumerator added without a table entry, hence without a diagnostic, fails).
template <NamedEnum E>
inline constexpr bool dispatch_covers_every_enumerator =
    names_every<E, 0>(std::make_index_sequence<enum_count<E>>{}) && !names_enumerator<static_cast<E>(enum_count<E>)>;

}  // namespace cellos::detail
