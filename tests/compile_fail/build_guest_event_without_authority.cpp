// A guest event cannot be built before its Declared authority is attached.
// EXPECT: no member named .build
#include "cellos/authority.hpp"
using namespace cellos;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto report(const declared_authority<0>& a) {
    return guest_event_builder<>("cell-1", "dns_query").with_authority(a).build();  // ✅
}
#else
auto report(const declared_authority<0>&) {
    return guest_event_builder<>("cell-1", "dns_query").build();  // ❌
}
#endif
