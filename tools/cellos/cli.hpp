// tools/cellos/cli.hpp — the contract every `cellos` subcommand follows: JSON on stdout; exit 0 on
// success / valid input, 1 when the input is rejected, 2 on usage or I/O errors. Errors carry a
// stable snake_case code (cellos::errc_name), a JSON pointer and a message.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <boost/json/value.hpp>

#include "cellos/config.hpp"
#include "cellos/error.hpp"
#include "cellos/json/error.hpp"
#include "cellos/json/write.hpp"
#include "cellos/problem.hpp"

namespace cellos::cli {

enum exit_code : int { success = 0, rejected = 1, usage_or_io = 2 };

using args = std::span<const std::string_view>;

/// A JSON string of `s` (Boost.JSON takes its own string_view).
inline boost::json::string json_string(std::string_view s) { return boost::json::string(s.data(), s.size()); }

inline void emit(const boost::json::value& v) { std::cout << json::to_text(v) << '\n'; }

inline boost::json::object error_object(std::string_view code, std::string_view pointer, std::string_view message) {
    return {{"code", boost::json::string(code.data(), code.size())},
            {"path", boost::json::string(pointer.data(), pointer.size())},
            {"message", boost::json::string(message.data(), message.size())}};
}

/// The one printed form of a problem: {"code", "path", "message"} plus "rule" when it has one.
inline boost::json::object problem_object(const problem& p) {
    boost::json::object o = error_object(p.code_name(), p.pointer, p.message);
    if (!p.rule.empty()) o["rule"] = boost::json::string(p.rule.data(), p.rule.size());
    return o;
}

/// Every stored problem of a list, in order.
inline boost::json::array problem_array(const problem_list& ps) {
    boost::json::array a;
    a.reserve(ps.size());
    for (const problem& p : ps) a.push_back(problem_object(p));
    return a;
}

/// Input rejected: {"valid": false, "error": {...}} and exit 1.
inline int reject(const problem& e) {
    emit(boost::json::object{{"valid", false}, {"error", problem_object(e)}});
    return rejected;
}

/// Usage or I/O problem: {"error": {...}} on stdout, the hint on stderr, exit 2.
inline int fail(errc code, std::string_view message, std::string_view hint = {}) {
    emit(boost::json::object{{"error", error_object(errc_name(code), "", message)}});
    if (!hint.empty()) std::cerr << hint << '\n';
    return usage_or_io;
}
inline int fail(const problem& p) { return fail(p.code, p.message); }

/// Streams FILE, or standard input for "-", to `on_chunk(std::string_view)` in 64 KiB pieces until
/// the end, or until on_chunk returns false. "" on success, else why it could not be read (a
/// directory, a write-only or closed descriptor: strerror's words, never a stream library's).
/// POSIX read(2), not iostreams: a read error must be an error, never an early end of input.
template <class F>
std::string for_each_chunk(std::string_view path, F&& on_chunk) {
    int fd = STDIN_FILENO;
    if (path != "-") {
        fd = ::open(std::string(path).c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return std::strerror(errno);
    }
    struct closer {
        int fd;
        ~closer() {
            if (fd != STDIN_FILENO) ::close(fd);
        }
    } guard{fd};
    std::vector<char> buffer(64 * 1024);
    while (true) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::strerror(errno);
        if (n == 0) return {};
        if (!on_chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return {};
    }
}

/// Reads FILE, or standard input for "-", but at most `max_bytes` bytes: by default one byte more
/// than the strict parser accepts, so an oversized input is refused as input_too_large after
/// reading only that much (never a size the system reports: /dev/zero and pipes have none).
/// An io_error problem when it cannot be read: "cannot read WHAT: the system's reason", where WHAT
/// is `what` or else the path.
inline checked<std::string> read_input(std::string_view path, std::size_t max_bytes = config::json_max_bytes + 1,
                                       std::string_view what = {}) {
    std::string out;
    const std::string why = for_each_chunk(path, [&](std::string_view chunk) {
        out.append(chunk.substr(0, max_bytes - out.size()));
        return out.size() < max_bytes;
    });
    if (!why.empty())
        return make_problem(errc::io_error, "", "cannot read " + std::string(what.empty() ? path : what) + ": " + why);
    return out;
}

/// A numeric option's value, strictly: decimal digits only (no sign, no blank, no "0x"), at most
/// `max`. strtoull would accept " +7".
[[nodiscard]] inline std::optional<std::uint64_t> parse_count(std::string_view s, std::uint64_t max) noexcept {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || v > max) return std::nullopt;
    return v;
}

/// What a command accepts: `--name value` options (at most once each unless repeatable) and
/// `--name` flags.
struct option_spec {
    std::span<const std::string_view> valued{};
    std::span<const std::string_view> flags{};
    std::span<const std::string_view> repeatable{};  ///< valued options that may be given again
};

/// Tiny option scanner: `--name value` options, `--name` flags and positionals, no abbreviations;
/// an option or flag given twice is an error unless repeatable, and so is "-" (standard input)
/// named twice, since one stream cannot be read as two documents.
struct parsed_args {
    std::vector<std::pair<std::string_view, std::string_view>> options;
    std::vector<std::string_view> flags;
    std::vector<std::string_view> positionals;
    bool help = false;
    std::optional<std::string> error;

    [[nodiscard]] std::optional<std::string_view> option(std::string_view name) const {
        for (const auto& [k, v] : options)
            if (k == name) return v;
        return std::nullopt;
    }
    /// Every value of a repeatable option, in order.
    [[nodiscard]] std::vector<std::string_view> values(std::string_view name) const {
        std::vector<std::string_view> out;
        for (const auto& [k, v] : options)
            if (k == name) out.push_back(v);
        return out;
    }
    [[nodiscard]] bool flag(std::string_view name) const {
        return std::find(flags.begin(), flags.end(), name) != flags.end();
    }
};

inline parsed_args parse_args(args a, const option_spec& spec) {
    parsed_args p;
    std::size_t stdin_uses = 0;
    const auto contains = [](std::span<const std::string_view> l, std::string_view x) {
        return std::find(l.begin(), l.end(), x) != l.end();
    };
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string_view s = a[i];
        if (s == "--help" || s == "-h") {
            p.help = true;
        } else if (s.size() > 2 && s.substr(0, 2) == "--") {
            const std::string_view name = s.substr(2);
            const bool repeatable = contains(spec.repeatable, name);
            if (contains(spec.flags, name)) {
                if (p.flag(name)) p.error = "option --" + std::string(name) + " given twice";
                else p.flags.push_back(name);
            } else if (!contains(spec.valued, name) && !repeatable) {
                p.error = "unknown option --" + std::string(name);
            } else if (i + 1 >= a.size()) {
                p.error = "option --" + std::string(name) + " needs a value";
            } else if (p.option(name) && !repeatable) {
                p.error = "option --" + std::string(name) + " given twice";
            } else {
                p.options.emplace_back(name, a[++i]);
                stdin_uses += p.options.back().second == "-" ? 1 : 0;
            }
        } else {
            p.positionals.push_back(s);
            stdin_uses += s == "-" ? 1 : 0;
        }
        if (!p.error && stdin_uses > 1) p.error = "\"-\" (standard input) may stand for one input only";
        if (p.error) break;
    }
    return p;
}

/// One row of the command table (tools/cellos/main.cpp), declared by the command's own file: what
/// `cellos --help` lists, what `cellos NAME --help` prints (generated from `usage` and
/// `description`), what the arguments may hold, and the handler that receives them parsed. With
/// `subcommands`, the first positional must be one of them (checked before the handler runs).
struct command {
    std::string_view name;
    std::span<const std::string_view> usage;        ///< lines after "cellos NAME "
    std::string_view summary;                        ///< one line for `cellos --help`
    std::string_view description;                    ///< the body of `cellos NAME --help`
    option_spec options{};
    std::span<const std::string_view> subcommands{};
    int (*run)(const parsed_args&) = nullptr;
};

/// The table's own rules, checked at compile time: names sorted (so unique: the help lists them in
/// that order), every row with usage lines, a summary and a description. (Not the handler: g++ with
/// sanitizers cannot compare a function's address in a constant expression; run_command calls it.)
template <std::size_t N>
consteval bool well_formed(const std::array<command, N>& table) {
    for (std::size_t i = 0; i < N; ++i) {
        const command& c = table[i];
        if (c.name.empty() || c.usage.empty() || c.summary.empty() || c.description.empty()) return false;
        if (i > 0 && !(table[i - 1].name < c.name)) return false;
    }
    return true;
}

/// `cellos NAME --help`: "usage: cellos NAME …" per usage line, a blank line, the description.
inline std::string help_text(const command& c) {
    std::string out;
    for (std::size_t i = 0; i < c.usage.size(); ++i)
        out += std::string(i == 0 ? "usage: " : "       ") + "cellos " + std::string(c.name) + (c.usage[i].empty() ? "" : " ") +
               std::string(c.usage[i]) + "\n";
    out += "\n";
    out += c.description;
    return out;
}

/// Runs one command: options parsed by its spec, --help, the subcommand check, then its handler.
inline int run_command(const command& c, args a) {
    const parsed_args p = parse_args(a, c.options);
    if (p.help) {
        std::cout << help_text(c);
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, help_text(c));
    if (!c.subcommands.empty()) {
        std::string names;
        for (std::string_view s : c.subcommands) names += (names.empty() ? "" : "|") + std::string(s);
        if (p.positionals.empty()) return fail(errc::usage, "missing " + std::string(c.name) + " subcommand (" + names + ")", help_text(c));
        if (std::find(c.subcommands.begin(), c.subcommands.end(), p.positionals[0]) == c.subcommands.end())
            return fail(errc::usage, "unknown " + std::string(c.name) + " subcommand \"" + std::string(p.positionals[0]) + "\" (" + names + ")",
                        help_text(c));
    }
    return c.run(p);
}

/// `cellos --help`, generated from the table: each command's usage lines, then its summary.
inline std::string main_help_text(std::span<const command> table, std::string_view footer) {
    std::string out = "usage: cellos <command> [args] [--help]\n       cellos --version\n\ncommands:\n";
    for (const command& c : table) {
        for (std::string_view u : c.usage) out += "  " + std::string(c.name) + (u.empty() ? "" : " ") + std::string(u) + "\n";
        out += "      " + std::string(c.summary) + "\n";
    }
    out += "\n";
    out += footer;
    return out;
}

/// How many problems a report lists by default; the rest are counted (--max-violations N).
inline constexpr std::size_t default_max_violations = 100;
/// The largest --max-violations accepted: a report stays a bounded size whatever the input.
inline constexpr std::size_t max_max_violations = 100000;

/// The --max-violations value of `p` (default 100), or nullopt when it is not a count in range.
[[nodiscard]] inline std::optional<std::size_t> max_violations_of(const parsed_args& p) {
    const auto v = p.option("max-violations");
    if (!v) return default_max_violations;
    return parse_count(*v, max_max_violations);
}

/// Sets "violations" (the stored problems), "total" (all found) and "truncated" on a report.
inline void put_violations(boost::json::object& out, const problem_list& ps) {
    out["violations"] = problem_array(ps);
    out["total"] = ps.total();
    out["truncated"] = ps.truncated();
}

}  // namespace cellos::cli
