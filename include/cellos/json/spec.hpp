// cellos/json/spec.hpp — the JSON boundary of the admission model: strict parsing of
// ExecutionCellDocument, PolicyPackDocument and AuthorizationPolicyDocument (and every sub-type,
// through the generic codec in described.hpp), and their output (absent optionals omitted, so that
// output then input gives back an equal object).
#pragma once

#include <string_view>

#include "cellos/json/described.hpp"
#include "cellos/json/declared_surface.hpp"
#include "cellos/policy/authorization.hpp"
#include "cellos/policy/pack.hpp"
#include "cellos/spec/document.hpp"
#include "cellos/spec/inference.hpp"
#include "cellos/spec/keyset.hpp"

namespace cellos::json {

[[nodiscard]] inline checked<execution_cell_document> parse_execution_cell_document(std::string_view text,
                                                                                        const parse_limits& limits = {}) {
    return parse_document<execution_cell_document>(text, limits);
}

[[nodiscard]] inline checked<policy_pack_document> parse_policy_pack_document(std::string_view text,
                                                                                  const parse_limits& limits = {}) {
    return parse_document<policy_pack_document>(text, limits);
}

[[nodiscard]] inline checked<authorization_policy_document> parse_authorization_policy_document(
    std::string_view text, const parse_limits& limits = {}) {
    return parse_document<authorization_policy_document>(text, limits);
}

}  // namespace cellos::json
