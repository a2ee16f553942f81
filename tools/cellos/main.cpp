// tools/cellos/main.cpp — the `cellos` command-line tool: a table of subcommands, each following
// the contract in cli.hpp. Later components add rows here.
#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

#include "admission_cmd.hpp"
#include "authority_cmd.hpp"
#include "cli.hpp"
#include "demo_cmd.hpp"
#include "event_cmd.hpp"
#include "jcs_cmd.hpp"
#include "lifecycle_cmd.hpp"
#include "util_cmd.hpp"

#ifndef CELLOS_VERSION  // set by tools/meson.build from the project version
#error "CELLOS_VERSION must be defined"
#endif

namespace {

constexpr std::string_view main_help =
    "usage: cellos <command> [args] [--help]\n"
    "       cellos --version\n"
    "\n"
    "commands:\n"
    "  authority validate --kind K FILE|-   validate a typed-authority document\n"
    "  authority kinds                      envelopes and admissible types of every kind\n"
    "  demo [--data DIR]                    tour of the authority kernel on bundled examples\n"
    "  event validate [--jsonl] [--envelope-only] FILE|-\n"
    "                                       CloudEvents v1.0 (event, batch or JSON Lines) and each typed\n"
    "                                       payload, per-event verdicts\n"
    "  jcs FILE|-                           RFC 8785 canonical form of a JSON document\n"
    "  lifecycle check FILE|- | table        a cell / formation stage history against the transition table\n"
    "  spec validate|hash FILE|-            validate / hash an ExecutionCellDocument\n"
    "  policy validate PACK                 validate a PolicyPackDocument (structure, version floor)\n"
    "  policy check --pack PACK SPEC        admission of SPEC under PACK (every violation)\n"
    "  authz check --policy P --subject S [--pool X] [--pack Y] [--spec SPEC]   RBAC decision\n"
    "  util HELPER ARG                      cgroup-segment, redact-url, hostname-match, principal, tenant-id\n"
    "\n"
    "\n"
    "Reports list at most --max-violations N problems (default 100) and count the rest.\n"
    "Output is JSON on stdout. Exit 0 success/valid, 1 input rejected, 2 usage or I/O error.\n";

struct command {
    std::string_view name;
    int (*run)(cellos::cli::args);
};
constexpr command commands[] = {
    {"authority", cellos::cli::authority_command},
    {"demo", cellos::cli::demo_command},
    {"event", cellos::cli::event_command},
    {"jcs", cellos::cli::jcs_command},
    {"lifecycle", cellos::cli::lifecycle_command},
    {"spec", cellos::cli::spec_command},
    {"policy", cellos::cli::policy_command},
    {"authz", cellos::cli::authz_command},
    {"util", cellos::cli::util_command},
};

int run(const cellos::cli::args a) {
    if (a.empty()) return cellos::cli::fail(cellos::errc::usage, "missing command", main_help);
    if (a[0] == "--help" || a[0] == "-h" || a[0] == "help") {
        std::cout << main_help;
        return cellos::cli::success;
    }
    if (a[0] == "--version") {
        cellos::cli::emit(boost::json::object{{"name", "cellos"}, {"version", CELLOS_VERSION}});
        return cellos::cli::success;
    }
    for (const command& c : commands)
        if (c.name == a[0]) return c.run(a.subspan(1));
    return cellos::cli::fail(cellos::errc::usage, "unknown command \"" + std::string(a[0]) + "\"", main_help);
}

}  // namespace

int main(int argc, char** argv) try {
    const std::vector<std::string_view> all(argv + 1, argv + argc);
    const int code = run(cellos::cli::args(all));
    // A result that could not be written is no result (`> /dev/full`): exit 2 on every command, and
    // say so where it can still be read.
    std::cout.flush();
    if (!std::cout) {
        std::cerr << R"({"error":{"code":"io_error","path":"","message":"cannot write standard output"}})" << '\n';
        return cellos::cli::usage_or_io;
    }
    return code;
} catch (const std::exception& e) {  // e.g. bad_alloc; the library itself never throws on bad input
    return cellos::cli::fail(cellos::errc::io_error, e.what());
}
