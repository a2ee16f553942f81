// tools/cellos/lifecycle_cmd.hpp — `cellos lifecycle check FILE|-` (a recorded stage history against
// the transition table) and `cellos lifecycle table` (the table itself, the one the type-state
// classes are constrained by).
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cellos/json/lifecycle.hpp"
#include "cellos/lifecycle/stages.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int lifecycle_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> lifecycle_usage{"check FILE|-", "table"};
inline constexpr std::array<std::string_view, 2> lifecycle_subcommands{"check", "table"};
inline constexpr command lifecycle_command{
    "lifecycle", lifecycle_usage, "a cell / formation stage history against the transition table",
    "check  a history {\"cell\": [\"admitted\", \"networkScoped\", ...]} or {\"formation\": [\"PENDING\", ...]}:\n"
    "       valid when it starts at the initial stage and every step is in the transition table;\n"
    "       prints the events the steps emit. Exit 0 valid, 1 rejected, 2 usage / I/O.\n"
    "table  both transition tables (from, to, step, event).\n",
    {},
    lifecycle_subcommands,
    lifecycle_run};

template <class Stage, std::size_t N>
boost::json::array table_json(const std::array<transition<Stage>, N>& table) {
    boost::json::array out;
    for (const auto& t : table) {
        boost::json::object row{{"from", std::string(to_wire(t.from))}, {"to", std::string(to_wire(t.to))},
                                {"step", std::string(t.step)}};
        if (!t.event.empty()) row["event"] = std::string(t.event);
        out.push_back(std::move(row));
    }
    return out;
}

template <class Stage>
boost::json::object history_json(std::string_view kind, const std::vector<Stage>& stages) {
    boost::json::array events;
    for (std::size_t i = 1; i < stages.size(); ++i)
        if (const auto e = transition_event(stages[i - 1], stages[i]); !e.empty()) events.push_back(boost::json::string(e.data(), e.size()));
    return {{"valid", true},
            {"kind", boost::json::string(kind.data(), kind.size())},
            {"stages", stages.size()},
            {"last", std::string(to_wire(stages.back()))},
            {"terminal", is_terminal(stages.back())},
            {"events", std::move(events)}};
}

inline int lifecycle_run(const parsed_args& p) {
    if (p.positionals.size() == 1 && p.positionals[0] == "table") {
        emit(boost::json::object{{"cell", table_json(cell_transitions)}, {"formation", table_json(formation_transitions)}});
        return success;
    }
    if (p.positionals.size() != 2 || p.positionals[0] != "check")
        return fail(errc::usage, "expected: lifecycle check FILE | lifecycle table", help_text(lifecycle_command));
    const auto text = read_input(p.positionals[1]);
    if (!text) return fail(text.error());
    auto history = json::parse_stage_history(text.value());
    if (!history) return reject(history.error());
    if (const auto* cell = std::get_if<std::vector<cell_stage>>(&history.value())) emit(history_json("cell", *cell));
    else emit(history_json("formation", std::get<std::vector<formation_state>>(history.value())));
    return success;
}

}  // namespace cellos::cli
