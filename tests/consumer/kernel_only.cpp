// Uses only the kernel component: no Boost.JSON on the include path is needed, none is linked.
#include "cellos/cellos.hpp"

#if defined(BOOST_JSON_VALUE_HPP) || defined(CRYPTOPP_CRYPTLIB_H)
#error "core headers must not pull in Boost.JSON or Crypto++"
#endif

int main() {
    static_assert(cellos::is_admissible(cellos::authority_kind::declared, 1, cellos::epistemic_status::declared));
    return cellos::declared_authority<1>::tier == 1 ? 0 : 1;
}
