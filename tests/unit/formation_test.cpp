// tests/unit/formation_test.cpp — formations at the JSON boundary and at runtime
// (cellos/json/formation.hpp, cellos/spec/formation.hpp): one test per refusal code with its rule
// and pointer, the strict decoder's refusals (unknown field, duplicate key, wrong type, too many
// members, deep nesting), the bounded report; then the formation state projection
// (cellos/projection/formation_state.hpp, cellos/json/formation_state.hpp): each event, illegal
// transitions, duplicates, another formation.
#include <string>
#include <string_view>
#include <vector>

#include "../doctest.hpp"
#include "refusal.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/formation.hpp"
#include "cellos/json/formation_state.hpp"
#include "cellos/json/write.hpp"

namespace {

using cellos::errc;

using cellos_test::refusal;
using cellos_test::refusals;
std::vector<refusal> check(std::string_view text) { return refusals(cellos::json::check_formation_text(text)); }

constexpr std::string_view valid_text = R"({
  "name": "build-pipeline",
  "coordinator": "coord",
  "members": [
    {"id": "coord", "authority": {"secretRefs": ["DB_PASSWORD", "API_TOKEN"],
                                  "egressRules": [{"host": "api.example.com", "port": 443, "protocol": "tcp"}],
                                  "dnsAuthority": {"resolvers": [{"resolverId": "r1", "protocol": "do53-udp", "endpoint": "10.0.0.53"}],
                                                   "hostnameAllowlist": ["*.example.com"]}}},
    {"id": "builder", "authorizedBy": "coord",
     "authority": {"secretRefs": ["API_TOKEN"], "egressRules": [{"host": "API.example.com", "port": 443, "protocol": "tcp"}],
                   "dnsAuthority": {"resolvers": [{"resolverId": "r1", "protocol": "do53-udp", "endpoint": "10.0.0.53"}],
                                    "hostnameAllowlist": ["*.pkg.example.com"]}}},
    {"id": "tester", "authorizedBy": "builder"}
  ]
})";

}  // namespace

TEST_CASE("formation: a valid document decodes and passes every rule") {
    const auto doc = cellos::json::parse_formation_document(valid_text);
    REQUIRE(doc.has_value());
    CHECK(doc.value().members.size() == 3);
    CHECK(doc.value().members[2].authorized_by == "builder");
    CHECK_FALSE(doc.value().members[2].authority.has_value());
    CHECK(cellos::validate_formation_document(doc.value()).empty());
    CHECK(cellos::is_valid(doc.value()));
    CHECK(check(valid_text).empty());
}

TEST_CASE("formation: formation_no_coordinator") {
    CHECK(check(R"({"name": "p", "coordinator": "", "members": [{"id": "a"}]})") ==
          std::vector<refusal>{{errc::formation_no_coordinator, "/coordinator", "formationNoCoordinator"},
                               {errc::formation_multiple_coordinators, "/members/0", "formationMultipleCoordinators"}});
    CHECK(check(R"({"name": "p", "coordinator": "c", "members": [{"id": "c", "authorizedBy": "a"}, {"id": "a", "authorizedBy": "c"}]})") ==
          std::vector<refusal>{{errc::formation_no_coordinator, "/members/0/authorizedBy", "formationNoCoordinator"}});
}

TEST_CASE("formation: formation_multiple_coordinators") {
    CHECK(check(R"({"name": "p", "coordinator": "c", "members": [{"id": "c"}, {"id": "rogue"}, {"id": "x", "authorizedBy": "c"}]})") ==
          std::vector<refusal>{{errc::formation_multiple_coordinators, "/members/1", "formationMultipleCoordinators"}});
}

TEST_CASE("formation: formation_unknown_member, in coordinator and in authorizedBy") {
    CHECK(check(R"({"name": "p", "coordinator": "boss", "members": [{"id": "c"}]})") ==
          std::vector<refusal>{{errc::formation_unknown_member, "/coordinator", "formationUnknownMember"},
                               {errc::formation_multiple_coordinators, "/members/0", "formationMultipleCoordinators"}});
    const auto ps = cellos::json::check_formation_text(R"({"name": "p", "coordinator": "c", "members": [{"id": "c"}, {"id": "a", "authorizedBy": "ghost"}, {"id": "b", "authorizedBy": "a"}]})");
    CHECK(refusals(ps) == std::vector<refusal>{{errc::formation_unknown_member, "/members/1/authorizedBy", "formationUnknownMember"},
                                               {errc::formation_cycle, "/members/2/authorizedBy", "formationReachable"}});
    CHECK(ps[0].message.find("\"ghost\"") != std::string::npos);
}

TEST_CASE("formation: formation_cycle, once per cycle, and the members below it are unreachable") {
    const auto ps = cellos::json::check_formation_text(
        R"({"name": "p", "coordinator": "c", "members": [{"id": "c"}, {"id": "a", "authorizedBy": "b"}, {"id": "b", "authorizedBy": "a"},
                                                          {"id": "d", "authorizedBy": "b"}, {"id": "e", "authorizedBy": "e"}]})");
    CHECK(refusals(ps) == std::vector<refusal>{{errc::formation_cycle, "/members/1/authorizedBy", "formationCycle"},
                                               {errc::formation_cycle, "/members/3/authorizedBy", "formationReachable"},
                                               {errc::formation_cycle, "/members/4/authorizedBy", "formationCycle"}});
}

TEST_CASE("formation: formation_authority_not_narrowing, per entry; equal is allowed; absent grants nothing") {
    const auto ps = cellos::json::check_formation_text(R"({"name": "p", "coordinator": "c", "members": [
        {"id": "c", "authority": {"secretRefs": ["A"], "egressRules": [{"host": "api.example.com", "port": 443, "protocol": "tcp"}]}},
        {"id": "same", "authorizedBy": "c", "authority": {"secretRefs": ["A"], "egressRules": [{"host": "api.example.com", "port": 443, "protocol": "tcp"}]}},
        {"id": "wider", "authorizedBy": "same", "authority": {"secretRefs": ["A", "B"], "egressRules": [{"host": "api.example.com", "port": 443, "protocol": "udp"}]}},
        {"id": "none", "authorizedBy": "c"},
        {"id": "below-none", "authorizedBy": "none", "authority": {"secretRefs": ["A"]}}]})");
    CHECK(refusals(ps) == std::vector<refusal>{
                              {errc::formation_authority_not_narrowing, "/members/2/authority/egressRules/0", "formationAuthorityNarrowing"},
                              {errc::formation_authority_not_narrowing, "/members/2/authority/secretRefs/1", "formationAuthorityNarrowing"},
                              {errc::formation_authority_not_narrowing, "/members/4/authority/secretRefs/0", "formationAuthorityNarrowing"}});
    CHECK(ps[1].message == "authority not within the authoriser's (authority only narrows along authorizedBy): \"B\" is not granted to "
                           "its authoriser /members/1");
}

TEST_CASE("formation: DNS names narrow by the allowlist matcher, syntax first") {
    const auto ps = cellos::json::check_formation_text(R"({"name": "p", "coordinator": "c", "members": [
        {"id": "c", "authority": {"secretRefs": [], "dnsAuthority": {"resolvers": [], "hostnameAllowlist": ["*.example.com"]}}},
        {"id": "m", "authorizedBy": "c", "authority": {"secretRefs": [], "dnsAuthority": {"resolvers": [],
            "hostnameAllowlist": ["a.example.com", "*.b.example.com", "example.com", "*.example.com", "a.*.example.com"]}}}]})");
    CHECK(refusals(ps) == std::vector<refusal>{
                              {errc::formation_authority_not_narrowing, "/members/1/authority/dnsAuthority/hostnameAllowlist/2", "formationAuthorityNarrowing"},
                              {errc::formation_authority_not_narrowing, "/members/1/authority/dnsAuthority/hostnameAllowlist/4", "formationAuthorityNarrowing"}});
}

TEST_CASE("formation: member ids unique and portable, name bounded text (invalid_value)") {
    CHECK(check(R"({"name": "p", "coordinator": "c", "members": [{"id": "c"}, {"id": "a", "authorizedBy": "c"}, {"id": "a", "authorizedBy": "c"}]})") ==
          std::vector<refusal>{{errc::invalid_value, "/members/2/id", "formationUniqueMemberId"}});
    CHECK(check(R"({"name": "p", "coordinator": "c", "members": [{"id": "c"}, {"id": "a/b", "authorizedBy": "c"}]})") ==
          std::vector<refusal>{{errc::invalid_value, "/members/1/id", "formationMemberId"}});
    CHECK(check(R"({"name": "", "coordinator": "c", "members": [{"id": "c"}]})") ==
          std::vector<refusal>{{errc::invalid_value, "/name", "formationName"}});
}

TEST_CASE("formation: the strict decoder refuses with code and pointer") {
    const auto first = [](std::string_view text) {
        const auto r = cellos::json::parse_formation_document(text);
        REQUIRE_FALSE(r.has_value());
        return refusal{r.error().code, r.error().pointer, r.error().rule};
    };
    CHECK(first(R"({"name": "p", "coordinator": "c", "members": [{"id": "c", "role": "x"}]})") == refusal{errc::unknown_field, "/members/0/role", ""});
    CHECK(first(R"({"name": "p", "coordinator": "c", "coordinator": "d", "members": []})") == refusal{errc::duplicate_key, "/coordinator", ""});
    CHECK(first(R"({"name": "p", "coordinator": "c", "members": [{"id": "c", "authorizedBy": 7}]})") ==
          refusal{errc::wrong_type, "/members/0/authorizedBy", ""});
    CHECK(first(R"({"name": "p", "coordinator": "c", "members": {}})") == refusal{errc::wrong_type, "/members", ""});
    CHECK(first(R"({"name": "p", "members": []})") == refusal{errc::missing_field, "/coordinator", ""});
    CHECK(first(R"({"name": "p", "coordinator": "c", "members": [{"id": "c", "authority": {"secretRefs": [], "extra": 1}}]})") ==
          refusal{errc::unknown_field, "/members/0/authority/extra", ""});
    CHECK(first(R"({"name": "p", "coordinator": "c", "members": [)") == refusal{errc::malformed_json, "", ""});

    std::string deep = R"({"name": "p", "coordinator": "c", "members": [{"id": "c", "authority": )";
    for (int i = 0; i < 100; ++i) deep += "[";
    CHECK(first(deep).code == errc::nesting_too_deep);

    std::string many = R"({"name": "p", "coordinator": "c", "members": [{"id": "c"})";
    for (std::size_t i = 0; i < cellos::max_formation_members; ++i) many += R"(, {"id": "m)" + std::to_string(i) + R"(", "authorizedBy": "c"})";
    many += "]}";
    CHECK(first(many) == refusal{errc::input_too_large, "/members", "formationMembers"});
    const auto report = cellos::json::check_formation_text(many);
    CHECK(report.total() == 1);
}

TEST_CASE("formation: exactly max_formation_members is admissible, and the walk is not recursive") {
    cellos::formation_document doc{"p", "m0", {}};
    doc.members.push_back({"m0", std::nullopt, std::nullopt});
    for (std::size_t i = 1; i < cellos::max_formation_members; ++i)  // one chain 1024 deep
        doc.members.push_back({"m" + std::to_string(i), "m" + std::to_string(i - 1), std::nullopt});
    CHECK(cellos::validate_formation_document(doc).empty());
    doc.members.push_back({"extra", "m0", std::nullopt});
    CHECK(refusals(cellos::validate_formation_document(doc)) ==
          std::vector<refusal>{{errc::input_too_large, "/members", "formationMembers"}});
}

TEST_CASE("formation: the report is bounded; every problem is counted") {
    cellos::formation_document doc{"p", "c", {}};
    doc.members.push_back({"c", std::nullopt, std::nullopt});
    for (int i = 0; i < 200; ++i) doc.members.push_back({"r" + std::to_string(i), std::nullopt, std::nullopt});  // 200 second roots
    const auto capped = cellos::validate_formation_document(doc);
    CHECK(capped.size() == cellos::formation_problem_cap);
    CHECK(capped.total() == 200);
    CHECK(capped.truncated());
    const auto two = cellos::validate_formation_document(doc, 2);
    CHECK(two.size() == 2);
    CHECK(two.total() == 200);
}

// --- the formation state projection ------------------------------------------------------------------

namespace {

std::string event_text(std::string_view id, std::string_view phase, std::string_view data) {
    return R"({"specversion": "1.0", "id": ")" + std::string(id) + R"(", "source": "/cellos-server", "type": "dev.cellos.events.cell.formation.v1.)" +
           std::string(phase) + R"(", "datacontenttype": "application/json", "data": )" + std::string(data) + "}";
}
cellos::checked<bool> apply(cellos::formation_projection& p, std::string_view id, std::string_view phase, std::string_view data) {
    auto e = cellos::json::parse_cloud_event(event_text(id, phase, data));
    REQUIRE(e.has_value());
    return cellos::json::apply_cloud_event(p, e.value());
}
constexpr std::string_view created = R"({"formationId": "f1", "name": "build", "cellIds": ["a", "b"]})";
constexpr std::string_view cells = R"({"formationId": "f1", "cellIds": ["a", "b"]})";
constexpr std::string_view degraded = R"({"formationId": "f1", "failedCellIds": ["b"], "reason": "b exited 2"})";

}  // namespace

TEST_CASE("formation projection: each event moves the status along the one table") {
    cellos::formation_projection p;
    CHECK_FALSE(p.snapshot().has_value());
    REQUIRE(apply(p, "e1", "created", created).value());
    CHECK(p.snapshot()->status == cellos::formation_state::pending);
    CHECK(p.snapshot()->name == "build");
    CHECK(p.snapshot()->cells == std::vector<std::string>{"a", "b"});
    REQUIRE(apply(p, "e2", "launching", cells).value());
    CHECK(p.snapshot()->status == cellos::formation_state::launching);
    REQUIRE(apply(p, "e3", "running", cells).value());
    CHECK(p.snapshot()->status == cellos::formation_state::running);
    REQUIRE(apply(p, "e4", "degraded", degraded).value());
    CHECK(p.snapshot()->status == cellos::formation_state::degraded);
    CHECK(p.snapshot()->failed_cells == std::vector<std::string>{"b"});
    CHECK(p.snapshot()->last_reason == "b exited 2");
    REQUIRE(apply(p, "e5", "running", cells).value());
    CHECK(p.snapshot()->failed_cells.empty());
    CHECK(p.snapshot()->last_reason == "b exited 2");
    REQUIRE(apply(p, "e6", "completed", cells).value());
    CHECK(p.snapshot()->status == cellos::formation_state::completed);
    CHECK(p.snapshot()->processed_events == 6);
    CHECK(cellos::json::to_text(cellos::json::to_value(*p.snapshot())) ==
          R"({"formationId":"f1","name":"build","status":"COMPLETED","cells":["a","b"],"failedCells":[],"lastReason":"b exited 2","processedEvents":6})");
}

TEST_CASE("formation projection: failed is terminal, with its cells and reason") {
    cellos::formation_projection p;
    REQUIRE(apply(p, "e1", "created", created).value());
    REQUIRE(apply(p, "e2", "launching", cells).value());
    REQUIRE(apply(p, "e3", "failed", degraded).value());
    CHECK(p.snapshot()->status == cellos::formation_state::failed);
    const auto after = apply(p, "e4", "running", cells);
    REQUIRE_FALSE(after.has_value());
    CHECK(after.error().code == errc::invalid_transition);
    CHECK(after.error().rule == "terminalState");
    CHECK(after.error().message == "no transition FAILED -> RUNNING: FAILED is terminal");
    CHECK(p.snapshot()->processed_events == 3);
}

TEST_CASE("formation projection: an illegal transition names from and to, and changes nothing") {
    cellos::formation_projection p;
    REQUIRE(apply(p, "e1", "created", created).value());
    const auto skip = apply(p, "e2", "completed", cells);
    REQUIRE_FALSE(skip.has_value());
    CHECK(skip.error().code == errc::invalid_transition);
    CHECK(skip.error().pointer == "/type");
    CHECK(skip.error().rule == "formationOrder");
    CHECK(skip.error().message == "no transition PENDING -> COMPLETED");
    CHECK(p.snapshot()->status == cellos::formation_state::pending);
    CHECK(p.snapshot()->processed_events == 1);
    const auto again = apply(p, "e3", "created", created);
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().message == "no transition PENDING -> PENDING");

    cellos::formation_projection fresh;
    const auto first = apply(fresh, "e1", "running", cells);
    REQUIRE_FALSE(first.has_value());
    CHECK(first.error().rule == "initialStage");
    CHECK_FALSE(fresh.snapshot().has_value());
}

TEST_CASE("formation projection: a redelivered event id applies once") {
    cellos::formation_projection p;
    REQUIRE(apply(p, "e1", "created", created).value());
    REQUIRE(apply(p, "e2", "launching", cells).value());
    const auto dup = apply(p, "e2", "launching", cells);
    REQUIRE(dup.has_value());
    CHECK_FALSE(dup.value());
    CHECK(p.snapshot()->processed_events == 2);
    CHECK(p.snapshot()->status == cellos::formation_state::launching);
}

TEST_CASE("formation projection: an event of another formation is invalid_value at /data/formationId") {
    cellos::formation_projection p;
    REQUIRE(apply(p, "e1", "created", created).value());
    const auto other = apply(p, "e2", "launching", R"({"formationId": "f2", "cellIds": []})");
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().code == errc::invalid_value);
    CHECK(other.error().pointer == "/data/formationId");
    CHECK(p.snapshot()->status == cellos::formation_state::pending);
}

TEST_CASE("formation projection: payloads are decoded strictly; other event types are not formation events") {
    cellos::formation_projection p;
    const auto bad = apply(p, "e1", "created", R"({"formationId": "f1", "cellIds": [], "extra": 1})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == errc::unknown_field);
    CHECK(bad.error().pointer == "/data/extra");
    CHECK(cellos::json::is_formation_event_type("dev.cellos.events.cell.formation.v1.degraded"));
    CHECK_FALSE(cellos::json::is_formation_event_type("dev.cellos.events.cell.lifecycle.v1.started"));
    CHECK_FALSE(cellos::json::is_formation_event_type("io.cellos.formation.v1.created"));  // the legacy prefix
}

TEST_CASE("formation projection: the state an event enters comes from the type-state table") {
    using cellos::event_type;
    using cellos::formation_state;
    CHECK(cellos::state_entered_by(event_type::formation_created_v1) == formation_state::pending);
    CHECK(cellos::state_entered_by(event_type::formation_launching_v1) == formation_state::launching);
    CHECK(cellos::state_entered_by(event_type::formation_running_v1) == formation_state::running);
    CHECK(cellos::state_entered_by(event_type::formation_degraded_v1) == formation_state::degraded);
    CHECK(cellos::state_entered_by(event_type::formation_completed_v1) == formation_state::completed);
    CHECK(cellos::state_entered_by(event_type::formation_failed_v1) == formation_state::failed);
    CHECK_FALSE(cellos::state_entered_by(event_type::lifecycle_started_v1).has_value());
}
