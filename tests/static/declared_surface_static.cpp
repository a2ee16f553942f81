// Compile-time checks of the declared-surface gate (cellos/authority/declared_surface.hpp): the
// same constexpr check the JSON boundary runs, over literal data (constexpr_storage).
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "cellos/authority/declared_surface.hpp"
#include "cellos/spec/authority_bundle.hpp"

namespace {

using namespace cellos;
using cs = constexpr_storage;
using egress = basic_egress_rule<cs>;

constexpr egress granted_egress[] = {
    {"api.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt},
    {"10.0.0.53", 53, egress_protocol::udp, true, "internal resolver"},
};
constexpr std::string_view granted_refs[] = {"DB_PASSWORD", "API_TOKEN"};
constexpr std::string_view granted_names[] = {"api.example.com", "*.pkg.example.org"};
constexpr static_authority_capability capability{granted_egress, granted_refs, granted_names};

// ✅ within: host case-insensitively, port and protocol exactly; refs exactly; names by the allowlist matcher
constexpr egress declared_egress[] = {{"API.Example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt}};
constexpr std::string_view declared_refs[] = {"DB_PASSWORD"};
constexpr std::string_view declared_names[] = {"api.example.com", "deb.pkg.example.org", "*.mirror.pkg.example.org"};
constexpr static_declared_authority_surface within{declared_egress, declared_refs, declared_names};
static_assert(check_declared_authority_surface(within, capability).empty());
static_assert(declared_within(within, capability));
static_assert(declared_within(static_declared_authority_surface{}, capability));                 // the empty surface
static_assert(declared_within(static_declared_authority_surface{}, static_authority_capability{}));  // …always

// ❌ each uncovered entry is named by its pointer, in document order
constexpr egress wider_egress[] = {
    {"api.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt},
    {"api.example.com", 443, egress_protocol::udp, std::nullopt, std::nullopt},  // protocol
    {"api.example.com", 8443, egress_protocol::tcp, std::nullopt, std::nullopt},  // port
};
constexpr std::string_view wider_refs[] = {"db_password"};                       // exact only
constexpr std::string_view wider_names[] = {"*.example.org", "a.*.example.org"};  // wider; malformed
constexpr static_declared_authority_surface wider{wider_egress, wider_refs, wider_names};
// (the findings' storage is allocated during the evaluation, so each assertion re-runs the check)
constexpr surface_finding found(std::size_t i) { return check_declared_authority_surface(wider, capability)[i]; }
static_assert(check_declared_authority_surface(wider, capability).total() == 5);
static_assert(found(0).rule == surface_rule::egress_rule && found(0).path == json_path{} / "egressRules" / 1);
static_assert(found(1).rule == surface_rule::egress_rule && found(1).path == json_path{} / "egressRules" / 2);
static_assert(found(2).rule == surface_rule::secret_ref && found(2).path == json_path{} / "secretRefs" / 0);
static_assert(found(3).rule == surface_rule::dns_query && found(3).subject == "*.example.org");
static_assert(found(4).rule == surface_rule::dns_query_syntax && found(4).path == json_path{} / "dnsQueries" / 1);
static_assert(info_of(surface_rule::egress_rule).code == errc::scope_exceeded);
// bounded: past the cap, findings are counted, not stored
static_assert(check_declared_authority_surface(wider, capability, {}, 2).size() == 2);
static_assert(check_declared_authority_surface(wider, capability, {}, 2).total() == 5);

// ❌ in a requires-clause: an admission that demands a covered surface rejects a wider one
template <const auto& Surface, const auto& Capability>
concept admitted = declared_within(Surface, Capability);
static_assert(admitted<within, capability>);
static_assert(!admitted<wider, capability>);

// the spec's authority is a capability: its egress rules, secret refs and DNS hostname allowlist
constexpr basic_authority_bundle<cs> no_dns_bundle{.secret_refs = granted_refs, .egress_rules = granted_egress};
static_assert(authority_capability_of(no_dns_bundle).dns_queries.empty());  // no dnsAuthority, no names
static_assert(!declared_within(within, authority_capability_of(no_dns_bundle)));
constexpr static_declared_authority_surface no_names{declared_egress, declared_refs, {}};
static_assert(declared_within(no_names, authority_capability_of(no_dns_bundle)));

}  // namespace
