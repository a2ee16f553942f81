// Compile-time checks of formation admission (cellos/spec/formation.hpp, formation_graph.hpp,
// formation_static_check.hpp): the same constexpr rules the JSON boundary runs, over literal
// formations (constexpr_storage) and bare {id, authorizedBy} views.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "cellos/projection/formation_state.hpp"
#include "cellos/spec/formation_static_check.hpp"

namespace {

using namespace cellos;
using cs = constexpr_storage;
using egress = basic_egress_rule<cs>;
using bundle = basic_authority_bundle<cs>;
using member = static_formation_member;

// --- authority: the coordinator's is the ceiling, each edge only narrows ---------------------------
constexpr egress coord_egress[] = {{"api.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt},
                                   {"db.example.com", 5432, egress_protocol::tcp, std::nullopt, std::nullopt}};
constexpr std::string_view coord_refs[] = {"DB_PASSWORD", "API_TOKEN"};
constexpr std::string_view coord_names[] = {"*.example.com"};
constexpr basic_dns_authority<cs> coord_dns{{}, coord_names, {}, std::nullopt, std::nullopt};
constexpr bundle coord_authority{coord_refs, coord_egress, coord_dns, std::nullopt, std::nullopt};

constexpr egress builder_egress[] = {{"API.example.com", 443, egress_protocol::tcp, std::nullopt, std::nullopt}};
constexpr std::string_view builder_refs[] = {"API_TOKEN"};
constexpr std::string_view builder_names[] = {"*.pkg.example.com", "api.example.com"};
constexpr basic_dns_authority<cs> builder_dns{{}, builder_names, {}, std::nullopt, std::nullopt};
constexpr bundle builder_authority{builder_refs, builder_egress, builder_dns, std::nullopt, std::nullopt};

// ✅ coordinator → builder (narrower) → tester (no authority: asks for nothing); reviewer equal to coordinator
constexpr member valid_members[] = {
    {"coord", std::nullopt, coord_authority},
    {"builder", "coord", builder_authority},
    {"tester", "builder", std::nullopt},
    {"reviewer", "coord", coord_authority},  // equal is allowed
};
constexpr static_formation_document valid{"build-pipeline", "coord", valid_members};
static_assert(check_formation_document(valid).empty());
static_assert(is_valid(valid));
static_assert(require_valid_formation(valid));

// ❌ wider than its authoriser: a port, a secret, a name outside the pattern; each named by its pointer
constexpr egress wide_egress[] = {{"api.example.com", 8443, egress_protocol::tcp, std::nullopt, std::nullopt}};
constexpr std::string_view wide_refs[] = {"API_TOKEN", "ROOT_KEY"};
constexpr std::string_view wide_names[] = {"example.org"};
constexpr basic_dns_authority<cs> wide_dns{{}, wide_names, {}, std::nullopt, std::nullopt};
constexpr bundle wide_authority{wide_refs, wide_egress, wide_dns, std::nullopt, std::nullopt};
constexpr member wide_members[] = {{"coord", std::nullopt, coord_authority}, {"builder", "coord", wide_authority}};
constexpr static_formation_document wide{"build-pipeline", "coord", wide_members};
constexpr formation_finding wide_finding(std::size_t i) { return check_formation_document(wide)[i]; }
static_assert(check_formation_document(wide).total() == 3);
static_assert(wide_finding(0).rule == formation_rule::authority_not_narrowing &&
              wide_finding(0).path == json_path{} / "members" / 1 / "authority" / "egressRules" / 0 && wide_finding(0).actual == 0);
static_assert(wide_finding(1).path == json_path{} / "members" / 1 / "authority" / "secretRefs" / 1);
static_assert(wide_finding(2).path == json_path{} / "members" / 1 / "authority" / "dnsAuthority" / "hostnameAllowlist" / 0);

// ❌ an authoriser without authority grants nothing: any authority below it widens
constexpr member from_nothing_members[] = {{"coord", std::nullopt, std::nullopt}, {"builder", "coord", builder_authority}};
constexpr static_formation_document from_nothing{"p", "coord", from_nothing_members};
static_assert(check_formation_document(from_nothing).total() == 4);  // one egress rule, one ref, two names
static_assert(!is_valid(from_nothing));

// --- the graph rules on a bare view ---------------------------------------------------------------
constexpr formation_link chain[] = {{"coord", std::nullopt}, {"a", "coord"}, {"b", "a"}, {"c", "b"}};
static_assert(formation_graph_valid("coord", chain));
static_assert(require_valid_formation_graph("coord", chain));

template <std::size_t N>
constexpr formation_rule first_rule(std::string_view coordinator, const formation_link (&links)[N]) {
    return check_formation_graph(coordinator, links)[0].rule;
}
template <std::size_t N>
constexpr json_path first_path(std::string_view coordinator, const formation_link (&links)[N]) {
    return check_formation_graph(coordinator, links)[0].path;
}

// ❌ a cycle: one finding at its smallest member; the member hanging below it is unreachable
constexpr formation_link cyclic[] = {{"coord", std::nullopt}, {"a", "b"}, {"b", "a"}, {"d", "b"}};
static_assert(check_formation_graph("coord", cyclic).total() == 2);
static_assert(first_rule("coord", cyclic) == formation_rule::cycle && first_path("coord", cyclic) == json_path{} / "members" / 1 / "authorizedBy");
static_assert(check_formation_graph("coord", cyclic)[1].rule == formation_rule::reachable);
constexpr formation_link self_authorised[] = {{"coord", std::nullopt}, {"a", "a"}};
static_assert(first_rule("coord", self_authorised) == formation_rule::cycle);

// ❌ two roots: the one `coordinator` does not name is a second coordinator
constexpr formation_link two_roots[] = {{"coord", std::nullopt}, {"rogue", std::nullopt}, {"a", "rogue"}};
static_assert(first_rule("coord", two_roots) == formation_rule::multiple_coordinators &&
              first_path("coord", two_roots) == json_path{} / "members" / 1);
static_assert(check_formation_graph("coord", two_roots)[1].rule == formation_rule::reachable);

// ❌ no coordinator: none named, or the named one is itself authorised
constexpr formation_link rooted[] = {{"coord", std::nullopt}, {"a", "coord"}};
static_assert(first_rule("", rooted) == formation_rule::no_coordinator && first_path("", rooted) == json_path{} / "coordinator");
constexpr formation_link authorised_coordinator[] = {{"coord", "a"}, {"a", "coord"}};
static_assert(first_rule("coord", authorised_coordinator) == formation_rule::no_coordinator &&
              first_path("coord", authorised_coordinator) == json_path{} / "members" / 0 / "authorizedBy");

// ❌ unknown members: in coordinator and in authorizedBy
static_assert(first_rule("boss", rooted) == formation_rule::unknown_member && first_path("boss", rooted) == json_path{} / "coordinator");
constexpr formation_link dangling[] = {{"coord", std::nullopt}, {"a", "ghost"}};
static_assert(first_rule("coord", dangling) == formation_rule::unknown_member &&
              first_path("coord", dangling) == json_path{} / "members" / 1 / "authorizedBy");

// ❌ ids: unique (the later one is named, with the first's index) and portable
constexpr formation_link twice[] = {{"coord", std::nullopt}, {"a", "coord"}, {"a", "coord"}};
static_assert(first_rule("coord", twice) == formation_rule::unique_member_id && check_formation_graph("coord", twice)[0].actual == 1 &&
              first_path("coord", twice) == json_path{} / "members" / 2 / "id");
constexpr formation_link bad_id[] = {{"coord", std::nullopt}, {"../a", "coord"}};
static_assert(first_rule("coord", bad_id) == formation_rule::member_id);

// ❌ bounded: past max_formation_members nothing else is looked at
constexpr auto too_many = [] {
    std::array<formation_link, max_formation_members + 1> links{};
    for (auto& l : links) l = {"same", "same"};
    return links;
}();
static_assert(check_formation_graph("coord", too_many).total() == 1 && check_formation_graph("coord", too_many)[0].rule == formation_rule::too_many_members);

// --- requires-based negatives: the consteval check is a constant expression exactly for valid input --
template <const auto& Formation>
concept admitted = requires { typename std::integral_constant<bool, require_valid_formation(Formation)>; };
static_assert(admitted<valid>);
static_assert(!admitted<wide>);
static_assert(!admitted<from_nothing>);

constexpr member cyclic_members[] = {{"coord", std::nullopt, std::nullopt}, {"a", "b", std::nullopt}, {"b", "a", std::nullopt}};
constexpr static_formation_document cyclic_formation{"p", "coord", cyclic_members};
constexpr member two_coordinator_members[] = {{"coord", std::nullopt, std::nullopt}, {"rogue", std::nullopt, std::nullopt}};
constexpr static_formation_document two_coordinators{"p", "coord", two_coordinator_members};
constexpr static_formation_document unnamed{"", "coord", valid_members};
static_assert(!admitted<cyclic_formation>);
static_assert(!admitted<two_coordinators>);
static_assert(!admitted<unnamed>);
static_assert(check_formation_document(unnamed)[0].rule == formation_rule::name);

// One table: every rule has its code, id and diagnostic.
static_assert(info_of(formation_rule::cycle).code == errc::formation_cycle);
static_assert(info_of(formation_rule::multiple_coordinators).code == errc::formation_multiple_coordinators);
static_assert(info_of(formation_rule::no_coordinator).code == errc::formation_no_coordinator);
static_assert(info_of(formation_rule::unknown_member).code == errc::formation_unknown_member);
static_assert(info_of(formation_rule::authority_not_narrowing).code == errc::formation_authority_not_narrowing);
static_assert(detail::dispatch_covers_every_enumerator<formation_rule>);

// The projection reads the state each event enters from the type-state table itself: every row's
// event enters the row's target, and created (no row) the initial state.
static_assert([] {
    for (const auto& t : formation_transitions)
        if (state_entered_by(*event_type_from_string(t.event)) != t.to) return false;
    return state_entered_by(event_type::formation_created_v1) == formation_state::pending &&
           !state_entered_by(event_type::lifecycle_started_v1).has_value();
}());

}  // namespace
