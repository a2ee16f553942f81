// cellos/detail/unsatisfied.hpp — `cond || unsatisfied<"cellos: …">()` keeps a constraint
// detectable by `requires` while making both g++ 12 and clang++ 14 print the rule's text in the
// "constraints not satisfied" notes (the mp-units pattern; see docs/diagnostics.md).
#pragma once

#include "cellos/detail/fixed_string.hpp"

namespace cellos::detail {

template <fixed_string Message>
consteval bool unsatisfied() noexcept {
    return false;
}

}  // namespace cellos::detail
