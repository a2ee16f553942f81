// libFuzzer target for stage histories as data ({"cell": […]} / {"formation": […]}): any bytes.
// An accepted history must start at the initial stage and take only table transitions (checked
// here independently of check_stage_sequence); the verdict is deterministic; a refusal is a
// cellos::problem, and an invalid_transition one names its rule (docs/lifecycle.md).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>
#include <variant>
#include <vector>

#include "cellos/json/lifecycle.hpp"

namespace {
template <class Stage, std::size_t N>
bool follows(const std::vector<Stage>& stages, const std::array<cellos::transition<Stage>, N>& table) {
    if (stages.empty() || stages.front() != Stage{}) return false;
    for (std::size_t i = 1; i < stages.size(); ++i) {
        bool found = false;
        for (const auto& t : table) found = found || (t.from == stages[i - 1] && t.to == stages[i]);
        if (!found) return false;
    }
    return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto once = cellos::json::parse_stage_history(text);
    const auto twice = cellos::json::parse_stage_history(text);
    if (once.has_value() != twice.has_value()) std::abort();
    if (!once) {
        const cellos::problem& p = once.error();
        if (p != twice.error()) std::abort();
        static const std::set<std::string_view> rules{"initialStage", "terminalStage", "terminalState", "lifecycleOrder", "formationOrder"};
        if ((p.code == cellos::errc::invalid_transition) != rules.contains(p.rule)) std::abort();
        if (p.message.empty() || (!p.pointer.empty() && p.pointer[0] != '/')) std::abort();
        return 0;
    }
    if (once.value() != twice.value()) std::abort();
    if (const auto* cell = std::get_if<std::vector<cellos::cell_stage>>(&once.value())) {
        if (!follows(*cell, cellos::cell_transitions)) std::abort();
    } else if (!follows(std::get<std::vector<cellos::formation_state>>(once.value()), cellos::formation_transitions)) {
        std::abort();
    }
    return 0;
}
