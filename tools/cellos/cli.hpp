// tools/cellos/cli.hpp — the contract every `cellos` subcommand follows: JSON on stdout; exit 0 on
// success / valid input, 1 when the input is rejected, 2 on usage or I/O errors. Errors carry a
// stable snake_case code (cellos::errc_name), a JSON pointer and a message.
#pragma once

#include <algorithm>
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

/// Tiny option scanner: `--name value` options, `--name` flags and positionals, no abbreviations;
/// an option or flag given twice is an error, and so is "-" (standard input) named twice, since
/// one stream cannot be read as two documents.
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
    [[nodiscard]] bool flag(std::string_view name) const {
        return std::find(flags.begin(), flags.end(), name) != flags.end();
    }
};

inline parsed_args parse_args(args a, std::initializer_list<std::string_view> valued,
                              std::initializer_list<std::string_view> flags = {}) {
    parsed_args p;
    std::size_t stdin_uses = 0;
    const auto contains = [](std::initializer_list<std::string_view> l, std::string_view x) {
        return std::find(l.begin(), l.end(), x) != l.end();
    };
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string_view s = a[i];
        if (s == "--help" || s == "-h") {
            p.help = true;
        } else if (s.size() > 2 && s.substr(0, 2) == "--") {
            const std::string_view name = s.substr(2);
            if (contains(flags, name)) {
                if (p.flag(name)) p.error = "option --" + std::string(name) + " given twice";
                else p.flags.push_back(name);
            } else if (!contains(valued, name)) {
                p.error = "unknown option --" + std::string(name);
            } else if (i + 1 >= a.size()) {
                p.error = "option --" + std::string(name) + " needs a value";
            } else if (p.option(name)) {
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
