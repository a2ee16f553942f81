// The GuestEventBuilder gate: guest-originated events carry Declared authority only.
// EXPECT: cellos: guest-originated events accept only Declared authority
#include "cellos/authority.hpp"
using namespace cellos;
using sni = authority<authority_kind::observed, 2, epistemic_status::direct_observation>;
#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto report(const declared_authority<1>& a, const sni&) {
    return guest_event_builder<>("cell-1", "dns_query").with_authority(a).build();  // ✅
}
#else
auto report(const declared_authority<1>&, const sni& s) {
    return guest_event_builder<>("cell-1", "dns_query").with_authority(s).build();  // ❌
}
#endif
