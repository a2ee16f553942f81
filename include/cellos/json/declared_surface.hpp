// cellos/json/declared_surface.hpp — the JSON boundary of the declared-surface gate: a guest's
// DeclaredAuthoritySurface and the host's AuthorityCapability, strictly parsed (duplicate members
// refused) and decoded by the one codec from their wire_fields() tables (closed member sets; each
// list may be absent = empty, so "{}" is the empty surface).
#pragma once

#include <string_view>

#include "cellos/authority/declared_surface.hpp"
#include "cellos/json/described.hpp"
#include "cellos/json/parse.hpp"

namespace cellos::json {

[[nodiscard]] inline checked<declared_authority_surface> parse_declared_authority_surface(std::string_view text,
                                                                                         const parse_limits& limits = {}) {
    return parse_document<declared_authority_surface>(text, limits);
}

[[nodiscard]] inline checked<authority_capability> parse_authority_capability(std::string_view text, const parse_limits& limits = {}) {
    return parse_document<authority_capability>(text, limits);
}

}  // namespace cellos::json
