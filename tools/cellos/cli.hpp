// tools/cellos/cli.hpp — the contract every `cellos` subcommand follows: JSON on stdout; exit 0 on
// success / valid input, 1 when the input is rejected, 2 on usage or I/O errors. Errors carry a
// stable snake_case code (cellos::errc_name), a JSON pointer and a message.
#pragma once

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

/// Reads FILE, or standard input for "-", but at most `max_bytes` bytes: by default one byte more
/// than the strict parser accepts, so an oversized input is refused as input_too_large after
/// reading only that much (never a size the system reports: /dev/zero and pipes have none).
/// nullopt when it cannot be read.
inline std::optional<std::string> read_input(std::string_view path, std::size_t max_bytes = config::json_max_bytes + 1) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(std::string(path), std::ios::binary);
        if (!file) return std::nullopt;
        in = &file;
    }
    std::string out;
    constexpr std::size_t chunk = 64 * 1024;
    while (out.size() < max_bytes) {
        const std::size_t want = std::min(chunk, max_bytes - out.size());
        const std::size_t had = out.size();
        out.resize(had + want);
        in->read(out.data() + had, static_cast<std::streamsize>(want));
        out.resize(had + static_cast<std::size_t>(in->gcount()));
        if (in->eof()) break;
        if (in->fail()) return std::nullopt;  // a read error (a directory, a closed descriptor)
    }
    if (in->bad()) return std::nullopt;
    return out;
}

/// Tiny option scanner: `--name value` pairs and positionals, no abbreviations.
struct parsed_args {
    std::vector<std::pair<std::string_view, std::string_view>> options;
    std::vector<std::string_view> positionals;
    bool help = false;
    std::optional<std::string> error;

    [[nodiscard]] std::optional<std::string_view> option(std::string_view name) const {
        for (const auto& [k, v] : options)
            if (k == name) return v;
        return std::nullopt;
    }
};

inline parsed_args parse_args(args a, std::initializer_list<std::string_view> valued) {
    parsed_args p;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string_view s = a[i];
        if (s == "--help" || s == "-h") {
            p.help = true;
        } else if (s.size() > 2 && s.substr(0, 2) == "--") {
            const std::string_view name = s.substr(2);
            if (std::find(valued.begin(), valued.end(), name) == valued.end()) {
                p.error = "unknown option --" + std::string(name);
            } else if (i + 1 >= a.size()) {
                p.error = "option --" + std::string(name) + " needs a value";
            } else if (p.option(name)) {
                p.error = "option --" + std::string(name) + " given twice";
            } else {
                p.options.emplace_back(name, a[++i]);
            }
        } else {
            p.positionals.push_back(s);
        }
        if (p.error) break;
    }
    return p;
}

}  // namespace cellos::cli
