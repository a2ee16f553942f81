// cellos/json/formation.hpp — the JSON boundary of formations: strict parse (duplicate keys, depth,
// size, UTF-8), a member-count bound checked before anything is decoded, strict decode through the
// one generic codec of the type's wire_fields() (closed member sets, wrong types refused with code
// + JSON pointer), then the admission rules of cellos/spec/formation.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cellos/json/described.hpp"
#include "cellos/spec/formation.hpp"

namespace cellos::json {

/// The formation document in `text`, strictly decoded (not yet judged by the rules). A members
/// array longer than max_formation_members is refused (input_too_large at /members, rule
/// formationMembers) before a single member is decoded.
[[nodiscard]] inline checked<formation_document> parse_formation_document(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    constexpr std::string_view members = cellos::detail::wire_name(&formation_document::members);
    if (v.is_object())
        if (const boost::json::value* m = v.get_object().if_contains(boost::json::string_view(members.data(), members.size()));
            m != nullptr && m->is_array() && m->get_array().size() > max_formation_members)
            return to_problem(formation_finding{formation_rule::too_many_members, json_path{} / members, m->get_array().size(),
                                                max_formation_members, {}});
    decoder d;
    return decode<formation_document>(v, d);
}

/// Parse, decode and judge: the one problem of a document that cannot be decoded, else every rule
/// violation (empty = admissible), at most `max_problems` stored and the rest counted.
[[nodiscard]] inline problem_list check_formation_text(std::string_view text, std::size_t max_problems = formation_problem_cap,
                                                       const parse_limits& limits = {}) {
    auto doc = parse_formation_document(text, limits);
    if (!doc) {
        problem_list out(max_problems);
        out.push_back(std::move(doc).error());
        return out;
    }
    return validate_formation_document(doc.value(), max_problems);
}

}  // namespace cellos::json
