// Probe for tools/use_after_move.sh: reuses a consumed authority on purpose; clang-tidy must flag it.
#include "cellos/authority.hpp"

int reuse(cellos::declared_authority<1> a) {
    auto lowered = std::move(a).weaken<0>();
    return lowered.tier + a.output().tier;  // 'a' used after it was moved
}
