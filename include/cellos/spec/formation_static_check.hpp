// cellos/spec/formation_static_check.hpp — formation admission as a compile-time verdict whose
// diagnostic names the rule: `static_assert(cellos::require_valid_formation(f))` over a constexpr
// formation is true, or fails at a call to the non-constexpr
// `detail::formation_rule_violated<Rule>()`, whose template argument the compiler prints as a
// `cellos::formation_rule` enumerator (e.g. `cellos::formation_rule::cycle`). The mechanism is
// detail/diagnostic.hpp's; its `where` enum has no formation entry, so the rule enum alone names it.
#pragma once

#include <cstddef>
#include <utility>

#include "cellos/detail/diagnostic.hpp"
#include "cellos/spec/formation.hpp"

namespace cellos {

namespace detail {

/// Deliberately not constexpr: reaching it during constant evaluation is the diagnostic.
template <formation_rule Rule>
void formation_rule_violated() noexcept {}

template <std::size_t... I>
constexpr void report_formation_violation(formation_rule rule, std::index_sequence<I...>) noexcept {
    ((rule == static_cast<formation_rule>(I) ? formation_rule_violated<static_cast<formation_rule>(I)>() : void()), ...);
}

}  // namespace detail

// Every entry of the table reaches a named enumerator, and none is missing.
static_assert(detail::dispatch_covers_every_enumerator<formation_rule>, "a formation_rule without a diagnostic");

/// true, or a compile error naming the first rule the formation breaks.
template <Storage S>
consteval bool require_valid_formation(const basic_formation_document<S>& doc) {
    if (const auto f = check_formation_document(doc, 1); !f.empty())
        detail::report_formation_violation(f.front().rule, std::make_index_sequence<detail::enum_count<formation_rule>>{});
    return true;
}

/// The same for a bare {id, authorizedBy} view (the graph rules only).
consteval bool require_valid_formation_graph(std::string_view coordinator, std::span<const formation_link> links) {
    if (const auto f = check_formation_graph(coordinator, links, 1); !f.empty())
        detail::report_formation_violation(f.front().rule, std::make_index_sequence<detail::enum_count<formation_rule>>{});
    return true;
}

}  // namespace cellos
