// cellos/json/lifecycle.hpp — lifecycle histories that arrive as data: {"cell": [stage, …]} or
// {"formation": [STATE, …]}, strictly decoded and checked against the same transition table the
// type-state classes are constrained by (lifecycle/stages.hpp). Every refusal is a cellos::problem:
// boundary codes from the decoder, invalid_transition (with its rule id) from check_stage_history.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/outcome/try.hpp>

#include "cellos/json/decode.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/lifecycle/stages.hpp"

namespace cellos::json {

using stage_history = std::variant<std::vector<cell_stage>, std::vector<formation_state>>;

namespace detail {
template <class Stage>
[[nodiscard]] checked<stage_history> checked_history(std::vector<Stage> stages, std::string_view member) {
    if (auto p = check_stage_history<Stage>(stages, "/" + std::string(member))) return std::move(*p);
    return stage_history(std::move(stages));
}
}  // namespace detail

/// Strict parse, strict decode (stage names from the enum tables), then the transition check.
[[nodiscard]] inline checked<stage_history> parse_stage_history(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    decoder d;
    if (!v.is_object() || v.get_object().size() != 1)
        return d.fail(errc::invalid_value, "a history is an object with exactly one member: \"cell\" or \"formation\"");
    BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"cell", "formation"}));
    if (v.get_object().contains("cell")) {
        BOOST_OUTCOME_TRY(auto stages, o.required<std::vector<cell_stage>>("cell"));
        return detail::checked_history(std::move(stages), "cell");
    }
    BOOST_OUTCOME_TRY(auto states, o.required<std::vector<formation_state>>("formation"));
    return detail::checked_history(std::move(states), "formation");
}

}  // namespace cellos::json
