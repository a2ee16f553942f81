// tools/cellos/spec_cmd.hpp — `cellos spec validate|hash`: an ExecutionCellDocument's every violation, or its canonical hash.
// A document that does not parse is one boundary error; one that parses but breaks rules lists
// every violation ({"valid": false, "violations": […]}).
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
#include "cellos/trust/spec_hash.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int spec_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> spec_usage{"validate [--max-violations N] FILE|-", "hash FILE|-"};
inline constexpr std::array<std::string_view, 1> spec_options{"max-violations"};
inline constexpr std::array<std::string_view, 2> spec_subcommands{"validate", "hash"};
inline constexpr command spec_command{
    "spec",
    spec_usage,
    "validate / hash an ExecutionCellDocument",
    "validate  strictly parse an ExecutionCellDocument and report every violated rule (code, rule,\n"
    "          JSON pointer, message); prints its canonical hash when valid.\n"
    "hash      canonical_spec_hash: sha256 of the RFC 8785 form of the decoded document.\n"
    "--max-violations N  list at most N violations (default 100), count the rest (\"total\", \"truncated\").\n"
    "Exit 0 valid / hashed, 1 rejected, 2 usage / I/O.\n",
    option_spec{spec_options, {}, {}},
    spec_subcommands,
    spec_run};

inline int spec_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(spec_command));
    if (p.positionals.size() != 2 || (p.positionals[0] != "validate" && p.positionals[0] != "hash"))
        return fail(errc::usage, "expected: spec validate FILE | spec hash FILE", help_text(spec_command));
    int code = 0;
    const auto doc = load<execution_cell_document>("spec", p.positionals[1], code);
    if (!doc) return code;
    const std::string hash = canonical_spec_hash(*doc);
    if (p.positionals[0] == "hash") {
        emit(boost::json::object{{"id", doc->spec.id}, {"hash", hash}});
        return success;
    }
    const auto violations = validate_execution_cell_document(*doc, *cap);
    if (!violations.empty()) {
        boost::json::object out{{"valid", false}, {"id", doc->spec.id}};
        put_violations(out, violations);
        emit(out);
        return rejected;
    }
    emit(boost::json::object{{"valid", true}, {"id", doc->spec.id}, {"hash", hash}});
    return success;
}

}  // namespace cellos::cli
