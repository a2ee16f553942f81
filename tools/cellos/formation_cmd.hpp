// tools/cellos/formation_cmd.hpp — `cellos formation validate FILE|-` (a formation document against
// the ADR-0010 admission rules: every violation, bounded by --max-violations) and `cellos formation
// project LOG.jsonl|-` (the formation.v1.* events of a CloudEvents JSON Lines log into one formation
// snapshot, streamed: one line in memory at a time).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/formation.hpp"
#include "cellos/json/formation_state.hpp"
#include "cellos/json/jsonl.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int formation_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> formation_usage{"validate [--max-violations N] FILE|-", "project LOG.jsonl|-"};
inline constexpr std::array<std::string_view, 1> formation_options{"max-violations"};
inline constexpr std::array<std::string_view, 2> formation_subcommands{"validate", "project"};
inline constexpr command formation_command{
    "formation",
    formation_usage,
    "validate a formation document / project a formation's events",
    "validate  strictly parse a formation {name, coordinator, members[{id, authorizedBy, authority}]} and\n"
    "          report every violated rule (one coordinator, known members, no cycle, reachable from the\n"
    "          coordinator, authority only narrowing): code, rule, JSON pointer, message.\n"
    "project   read a CloudEvents JSON Lines log; apply its dev.cellos.events.cell.formation.v1.* events\n"
    "          (other types are skipped, a redelivered id applies once) and print the snapshot; the first\n"
    "          refused line rejects the log (\"line\", \"error\").\n"
    "--max-violations N  list at most N violations (default 100), count the rest (\"total\", \"truncated\").\n"
    "Exit 0 valid / projected, 1 rejected, 2 usage / I/O.\n",
    option_spec{formation_options, {}, {}},
    formation_subcommands,
    formation_run};

namespace detail {

inline int formation_validate(std::string_view path, std::size_t cap) {
    const auto text = read_input(path, config::json_max_bytes + 1, "the formation " + std::string(path));
    if (!text) return fail(text.error());
    auto doc = json::parse_formation_document(text.value());
    if (!doc) return reject(doc.error());
    const formation_document& f = doc.value();
    const problem_list violations = validate_formation_document(f, cap);
    boost::json::object out{{"valid", violations.empty()}, {"name", json_string(f.name)}, {"members", f.members.size()}};
    if (!violations.empty()) {
        put_violations(out, violations);
        emit(out);
        return rejected;
    }
    out["coordinator"] = json_string(f.coordinator);
    emit(out);
    return success;
}

inline int formation_project(std::string_view path) {
    json::jsonl_splitter split;
    formation_projection projection;
    std::size_t events = 0, applied = 0, duplicates = 0, skipped = 0;
    std::optional<problem> refused;
    std::size_t refused_line = 0;
    const auto on_line = [&](const json::jsonl_line& l) {
        if (refused) return;  // the log is rejected at its first refusal; the rest is only read
        ++events;
        auto e = json::parse_cloud_event_line(l);
        if (e && !json::is_formation_event_type(e.value().type)) {
            ++skipped;
            return;
        }
        auto r = e ? json::apply_cloud_event(projection, e.value()) : checked<bool>(std::move(e).error());
        if (!r) {
            refused = std::move(r).error();
            refused_line = l.number;
        } else {
            ++(r.value() ? applied : duplicates);
        }
    };
    const std::string why = for_each_chunk(path, [&](std::string_view chunk) {
        split.feed(chunk, on_line);
        return !refused;
    });
    if (!why.empty()) return fail(errc::io_error, "cannot read " + std::string(path) + ": " + why);
    split.finish(on_line);
    if (refused) {
        emit(boost::json::object{{"valid", false}, {"line", refused_line}, {"error", problem_object(*refused)}});
        return rejected;
    }
    if (!projection.snapshot())
        return reject(make_problem(errc::empty_input, "", "no formation event in the log (" + std::to_string(skipped) + " other events)"));
    emit(boost::json::object{{"valid", true},       {"snapshot", json::to_value(*projection.snapshot())},
                             {"events", events},    {"applied", applied},
                             {"duplicates", duplicates}, {"skipped", skipped}});
    return success;
}

}  // namespace detail

inline int formation_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(formation_command));
    if (p.positionals.size() != 2)
        return fail(errc::usage, "expected: formation validate FILE | formation project LOG.jsonl", help_text(formation_command));
    if (p.positionals[0] == "project") {
        if (p.option("max-violations")) return fail(errc::usage, "--max-violations applies to validate only", help_text(formation_command));
        return detail::formation_project(p.positionals[1]);
    }
    return detail::formation_validate(p.positionals[1], *cap);
}

}  // namespace cellos::cli
