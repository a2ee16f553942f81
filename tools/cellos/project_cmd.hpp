// tools/cellos/project_cmd.hpp — `cellos project LOG|-`: the state projector. Streams a JSON Lines
// log through json::jsonl_projector (memory: one line plus the cells and distinct ids), signed
// envelopes opened by trust::signed_replay (verified on every core with --keys), and prints the
// snapshots, one cell's, or the summary. Problem lines go to stderr, numbered, capped.
#pragma once

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "cellos/json/jsonl.hpp"
#include "cellos/json/projection.hpp"
#include "cellos/json/projector.hpp"
#include "cellos/trust/signed_replay.hpp"
#include "cellos/trust/verify_keys.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int project_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> project_usage{
    "[--keys KEYS.json] [--require-signed] [--strict] [--cell ID | --summary] [--max-violations N] [--threads N] LOG|-"};
inline constexpr std::array<std::string_view, 4> project_options{"keys", "cell", "max-violations", "threads"};
inline constexpr std::array<std::string_view, 3> project_flags{"require-signed", "strict", "summary"};
inline constexpr command project_command{
    "project",
    project_usage,
    "replay a JSON Lines event log into cell state (snapshots or a summary)",
    "Replay a JSON Lines log of CloudEvents into each cell's state (docs/projection.md). Per line, in\n"
    "order: not a CloudEvent -> malformed; an id seen before -> duplicate; a type the projection does\n"
    "not read -> ignored; data it cannot read -> invalid; else applied. Malformed and invalid lines are\n"
    "skipped and reported on stderr ({\"line\", \"error\"}, up to --max-violations, default 100);\n"
    "--strict stops at the first one.\n"
    "Signed envelopes (dev.cellos.events.signed_envelope.v1) are unwrapped; with --keys (a trust-key\n"
    "file) every one must verify, on every core (--threads N, default all), events applied in log order.\n"
    "--require-signed refuses events that are not signed (needs --keys).\n"
    "Output: one snapshot per line (JSON Lines, cells in order of first appearance) then a summary\n"
    "line {\"summary\": ...}; --cell ID: that cell's snapshot; --summary: the counts only.\n"
    "A progress line goes to stderr when it is a terminal. Exit 0 every line read, 1 a line skipped or\n"
    "--cell not found, 2 usage / I/O.\n",
    option_spec{project_options, project_flags, {}},
    {},
    project_run};

inline int project_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(project_command));
    if (p.positionals.size() != 1) return fail(errc::usage, "expected one log (a file or -)", help_text(project_command));
    if (p.option("cell") && p.flag("summary")) return fail(errc::usage, "--cell and --summary exclude each other", help_text(project_command));
    if (p.flag("require-signed") && !p.option("keys"))
        return fail(errc::usage, "--require-signed needs --keys (an unverified signature proves nothing)", help_text(project_command));
    std::size_t threads = 0;
    if (const auto t = p.option("threads")) {
        const auto n = parse_count(*t, 1024);
        if (!n || *n == 0) return fail(errc::usage, "--threads needs an integer in [1, 1024]", help_text(project_command));
        threads = static_cast<std::size_t>(*n);
    }
    std::optional<trust::keyring> keys;
    if (const auto path = p.option("keys")) {
        auto loaded = trust::load_trust_verify_keys_file(std::string(*path));
        if (!loaded) return fail(loaded.error());
        keys = std::move(loaded).value();
    }

    json::projector_options options;
    options.strict = p.flag("strict");
    options.require_signed = p.flag("require-signed");
    json::jsonl_projector projector(options);
    std::size_t reported = 0;
    const auto report = [&](std::size_t line, const problem& e) {
        if (reported++ < *cap) std::cerr << json::to_text(boost::json::object{{"line", line}, {"error", problem_object(e)}}) << '\n';
    };

    // Progress on a terminal: at most one update a second, checked every 64k lines.
    const bool progress = ::isatty(STDERR_FILENO) == 1;
    const auto started = std::chrono::steady_clock::now();
    auto last = started;
    std::size_t bytes = 0;
    const auto show_progress = [&](std::size_t lines) {
        if (!progress || lines % 65536 != 0) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last < std::chrono::seconds(1)) return;
        last = now;
        const double s = std::chrono::duration<double>(now - started).count();
        std::fprintf(stderr, "\r%zu lines, %.0f events/s, %.1f MB/s   ", lines, static_cast<double>(lines) / s,
                     static_cast<double>(bytes) / 1e6 / s);
    };

    json::jsonl_splitter split(options.max_line_bytes);
    bool stopped = false;
    std::optional<std::size_t> blank_at_stop;  // blank lines after a --strict stop are not read
    std::string why;
    const auto open_unverified = [](std::string_view text, std::size_t) { return trust::open_signed_line(text, nullptr); };
    if (keys) {  // batches: signatures verified on every core, events applied in order
        trust::signed_replay replay(projector, &*keys, threads);
        why = for_each_chunk(p.positionals[0], [&](std::string_view chunk) {
            bytes += chunk.size();
            split.feed(chunk, [&](const json::jsonl_line& l) {
                if (!stopped && !replay.line(l, report)) {
                    stopped = true;
                    blank_at_stop = split.blank();
                }
                show_progress(l.number);
            });
            return !stopped;
        });
        if (!stopped) split.finish([&](const json::jsonl_line& l) { stopped = !replay.line(l, report); });
        if (!replay.stopped()) replay.flush(report);
        stopped = stopped || replay.stopped();
    } else {  // straight through: no copy of a line
        why = for_each_chunk(p.positionals[0], [&](std::string_view chunk) {
            bytes += chunk.size();
            split.feed(chunk, [&](const json::jsonl_line& l) {
                if (!stopped && !projector.line(l, open_unverified, report)) {
                    stopped = true;
                    blank_at_stop = split.blank();
                }
                show_progress(l.number);
            });
            return !stopped;
        });
        if (!stopped) split.finish([&](const json::jsonl_line& l) { stopped = !projector.line(l, open_unverified, report); });
    }
    if (progress && bytes >= (std::size_t{64} << 20)) std::fputs("\n", stderr);
    if (!why.empty()) return fail(errc::io_error, "cannot read " + std::string(p.positionals[0]) + ": " + why);

    projector.fleet().counts().blank_lines = blank_at_stop.value_or(split.blank());
    const projection_counts& n = projector.fleet().counts();
    const bool clean = n.malformed == 0 && n.invalid == 0;
    boost::json::object summary = json::summary_to_value(projector.fleet());
    summary["reported"] = std::min<std::size_t>(reported, *cap);
    summary["truncated"] = reported > *cap;
    summary["stopped"] = stopped;

    if (const auto cell = p.option("cell")) {
        const auto* state = projector.fleet().find(*cell);
        if (state == nullptr) {
            emit(boost::json::object{{"found", false}, {"cellId", json_string(*cell)}, {"summary", std::move(summary)}});
            return rejected;
        }
        emit(json::snapshot_to_value(cell_state_projection::snapshot_of(*state)));
        return clean ? success : rejected;
    }
    if (!p.flag("summary"))
        for (const auto& state : projector.fleet().cells()) emit(json::snapshot_to_value(cell_state_projection::snapshot_of(state)));
    emit(p.flag("summary") ? boost::json::value(std::move(summary)) : boost::json::value(boost::json::object{{"summary", std::move(summary)}}));
    return clean ? success : rejected;
}

}  // namespace cellos::cli
