// cellos/policy/static_check.hpp — admission as a compile-time verdict with a diagnostic that
// names the rule. `static_assert(cellos::require_admission(pack, doc))` over constexpr documents is
// true, or fails at a call to the non-constexpr `detail::rule_violated<Rule, Where>()` of
// detail/diagnostic.hpp, whose template arguments the compiler prints: a `spec_rule` enumerator
// with `where::execution_cell` (the document is invalid) or `where::policy_pack` (the pack is
// invalid), `policy_version_verdict::below_floor` (the pack is too old), or a `policy_rule`
// enumerator (the spec violates the pack). Plain `admits()` gives the bool without the diagnostic.
#pragma once

#include "cellos/detail/diagnostic.hpp"
#include "cellos/policy/check.hpp"

namespace cellos {

// Each table's dispatch reaches a named enumerator for every entry, and the tables miss none.
static_assert(detail::dispatch_covers_every_enumerator<spec_rule>, "a spec_rule without a diagnostic");
static_assert(detail::dispatch_covers_every_enumerator<policy_rule>, "a policy_rule without a diagnostic");

/// true, or a compile error naming the first rule broken (document, pack, version, then policy).
template <Storage P, Storage S>
consteval bool require_admission(const basic_policy_pack_document<P>& pack, const basic_execution_cell_document<S>& doc) {
    using detail::where;
    if (const auto f = check_execution_cell_document(doc); !f.empty())
        detail::report_violation<where::execution_cell>(f.front().rule);
    if (const auto f = check_policy_pack_document(pack); !f.empty())
        detail::report_violation<where::policy_pack>(f.front().rule);
    // not_semver is already spec_rule::semver_version above; named anyway, should the two drift.
    switch (policy_pack_version_verdict(pack.spec, allow_downgrade::no)) {
        case policy_version_verdict::supported: break;
        case policy_version_verdict::not_semver: detail::rule_violated<policy_version_verdict::not_semver, where::policy_pack>(); break;
        default: detail::rule_violated<policy_version_verdict::below_floor, where::policy_pack>(); break;
    }
    if (const auto f = check_spec_against_policy(doc.spec, pack.spec); !f.empty())
        detail::report_violation<where::admission>(f.front().rule);
    return true;
}

/// true, or a compile error naming the first rule the document breaks.
template <Storage S>
consteval bool require_valid_document(const basic_execution_cell_document<S>& doc) {
    if (const auto f = check_execution_cell_document(doc); !f.empty())
        detail::report_violation<detail::where::execution_cell>(f.front().rule);
    return true;
}

}  // namespace cellos
