// tools/cellos/policy_cmd.hpp — `cellos policy validate|check`: a PolicyPackDocument's structure and version floor, and the
// admission of a spec under it (every violation, in PolicyRules order).
#pragma once

#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value_from.hpp>

#include "admission_io.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int policy_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> policy_usage{"validate [--max-violations N] PACK", "check [--max-violations N] --pack PACK SPEC"};
inline constexpr std::array<std::string_view, 2> policy_options{"pack", "max-violations"};
inline constexpr std::array<std::string_view, 2> policy_subcommands{"validate", "check"};
inline constexpr command policy_command{
    "policy",
    policy_usage,
    "a PolicyPackDocument / admission of a spec under it",
    "validate  strictly parse a PolicyPackDocument, check its structure and its version against the\n"
    "          floor (CELLOS_POLICY_ALLOW_DOWNGRADE=1 admits older packs).\n"
    "check     admission of SPEC (an ExecutionCellDocument) under PACK: every violated rule, in\n"
    "          PolicyRules order; a pack or spec that is itself invalid is reported instead, naming\n"
    "          which (\"document\": \"pack\" or \"spec\"). At most one of PACK and SPEC may be -.\n"
    "--max-violations N  list at most N violations (default 100), count the rest. Exit 0 admitted,\n"
    "          1 rejected, 2 usage / I/O.\n",
    option_spec{policy_options, {}, {}},
    policy_subcommands,
    policy_run};

inline std::string_view version_verdict_name(policy_version_verdict v) {
    switch (v) {
        case policy_version_verdict::supported: return "supported";
        case policy_version_verdict::downgrade_allowed: return "downgradeAllowed";
        case policy_version_verdict::below_floor: return "belowFloor";
        case policy_version_verdict::not_semver: return "notSemver";
    }
    return "unknown";
}

/// Structural violations of a pack plus its version verdict (a refused version is one more violation).
inline problem_list pack_violations(const policy_pack_document& pack, policy_version_verdict verdict, std::size_t cap) {
    problem_list out = validate_policy_pack_document(pack, cap);
    if (verdict == policy_version_verdict::below_floor)
        out.push_back({errc::policy_version_unsupported, "version", "/spec/version",
                       "pack version is below the supported floor " + std::string(min_supported_policy_pack_version) +
                           " (set " + std::string(policy_allow_downgrade_env) + "=1 to allow a downgrade)"});
    return out;
}

inline int policy_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(policy_command));
    int code = 0;
    if (p.positionals.size() == 2 && p.positionals[0] == "validate" && !p.option("pack")) {
        const auto pack = load<policy_pack_document>("pack", p.positionals[1], code);
        if (!pack) return code;
        const auto verdict = policy_pack_version_verdict(pack->spec, downgrade_from_environment());
        const auto violations = pack_violations(*pack, verdict, *cap);
        boost::json::object out{{"valid", violations.empty()}, {"id", pack->spec.id},
                                {"version", pack->spec.version.value_or(std::string(min_supported_policy_pack_version))},
                                {"versionVerdict", version_verdict_name(verdict)}};
        if (!violations.empty()) put_violations(out, violations);
        emit(out);
        return violations.empty() ? success : rejected;
    }
    if (p.positionals.size() == 2 && p.positionals[0] == "check" && p.option("pack")) {
        const auto pack = load<policy_pack_document>("pack", *p.option("pack"), code);
        if (!pack) return code;
        const auto spec = load<execution_cell_document>("spec", p.positionals[1], code);
        if (!spec) return code;
        // A broken pack or spec cannot be judged: report what is wrong with it instead (the pack first).
        auto invalid = pack_violations(*pack, policy_pack_version_verdict(pack->spec, downgrade_from_environment()), *cap);
        std::string_view broken = "pack";
        if (invalid.empty()) {
            invalid = validate_execution_cell_document(*spec, *cap);
            broken = "spec";
        }
        if (!invalid.empty()) {
            boost::json::object out{{"admitted", false}, {"document", broken}, {"pack", pack->spec.id}, {"spec", spec->spec.id}};
            put_violations(out, invalid);
            emit(out);
            return rejected;
        }
        const bool in_scope = spec_matches_placement_scope(pack->spec, spec->spec);
        const auto violations = validate_spec_against_policy(spec->spec, pack->spec, *cap);
        boost::json::object out{{"admitted", violations.empty()}, {"pack", pack->spec.id}, {"spec", spec->spec.id},
                                {"inScope", in_scope}};
        put_violations(out, violations);
        emit(out);
        return violations.empty() ? success : rejected;
    }
    return fail(errc::usage, "expected: policy validate PACK | policy check --pack PACK SPEC", help_text(policy_command));
}

}  // namespace cellos::cli
