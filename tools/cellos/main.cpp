// tools/cellos/main.cpp — the `cellos` command-line tool: a table of subcommands, each following
// the contract in cli.hpp. Later components add rows here.
#include <array>
#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

#include "authority_cmd.hpp"
#include "authz_cmd.hpp"
#include "chain_cmd.hpp"
#include "cli.hpp"
#include "demo_cmd.hpp"
#include "event_cmd.hpp"
#include "formation_cmd.hpp"
#include "jcs_cmd.hpp"
#include "keygen_cmd.hpp"
#include "keyset_cmd.hpp"
#include "lifecycle_cmd.hpp"
#include "policy_cmd.hpp"
#include "project_cmd.hpp"
#include "sign_cmd.hpp"
#include "spec_cmd.hpp"
#include "util_cmd.hpp"
#include "verify_cmd.hpp"

#ifndef CELLOS_VERSION  // set by tools/meson.build from the project version
#error "CELLOS_VERSION must be defined"
#endif

namespace {

using cellos::cli::command;

/// The command table: `cellos --help` and every `cellos NAME --help` are generated from it, and each
/// command's arguments are parsed by its own row (tools/cellos/*_cmd.hpp).
constexpr std::array<command, 16> commands{
    cellos::cli::authority_command, cellos::cli::authz_command,     cellos::cli::chain_command,  cellos::cli::demo_command,
    cellos::cli::event_command,     cellos::cli::formation_command,     cellos::cli::jcs_command,       cellos::cli::keygen_command, cellos::cli::keyset_command,
    cellos::cli::lifecycle_command, cellos::cli::policy_command,    cellos::cli::project_command, cellos::cli::sign_command,   cellos::cli::spec_command,
    cellos::cli::util_command,      cellos::cli::verify_command,
};
static_assert(cellos::cli::well_formed(commands), "command names unique and sorted, every row with usage, summary and description");

constexpr std::string_view help_footer =
    "Reports list at most --max-violations N problems (default 100) and count the rest.\n"
    "Output is JSON on stdout. Exit 0 success/valid, 1 input rejected, 2 usage or I/O error.\n";

int run(const cellos::cli::args a) {
    const std::string main_help = cellos::cli::main_help_text(commands, help_footer);
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
        if (c.name == a[0]) return cellos::cli::run_command(c, a.subspan(1));
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
