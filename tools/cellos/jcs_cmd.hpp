// tools/cellos/jcs_cmd.hpp — `cellos jcs FILE|-`: the RFC 8785 canonical form of a JSON document.
// Its stdout on success is the canonical text itself plus "\n" (still JSON, but the document, not a
// report about it), so that it pipes into other tools; the newline is not part of the canonical
// bytes. Rejections and usage errors follow the usual contract of cli.hpp.
#pragma once

#include <array>
#include <iostream>
#include <string>
#include <string_view>

#include "cellos/json/jcs.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int jcs_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> jcs_usage{"FILE|-"};
inline constexpr command jcs_command{
    "jcs", jcs_usage, "RFC 8785 canonical form of a JSON document",
    "Strictly parse FILE (- for stdin) and print its RFC 8785 canonical form (JSON Canonicalization\n"
    "Scheme): no whitespace, members sorted by UTF-16 code units, strings and numbers as ECMAScript\n"
    "writes them; then one newline. Exit 0 printed, 1 rejected (malformed, duplicate keys, invalid\n"
    "UTF-8, limits), 2 usage / I/O.\n",
    {},
    {},
    jcs_run};

inline int jcs_run(const parsed_args& p) {
    if (p.positionals.size() != 1) return fail(errc::usage, "expected exactly one FILE (or - for stdin)", help_text(jcs_command));
    const auto text = read_input(p.positionals[0]);
    if (!text) return fail(text.error());
    auto canonical = json::canonicalize_text(text.value());
    if (!canonical) return reject(canonical.error());
    std::cout << canonical.value() << '\n';  // a write error is main's exit 2, as for every command
    return success;
}

}  // namespace cellos::cli
