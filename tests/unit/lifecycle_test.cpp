// Lifecycle and formation type-state at runtime: full walks whose yielded events carry exactly the
// type strings the transition table names (so the compile-time and runtime views agree), the
// payload rules the steps must honour, and histories that arrive as JSON.
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "../doctest.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/lifecycle.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/json/write.hpp"
#include "cellos/authority.hpp"
#include "cellos/lifecycle.hpp"
#include "sample_specs.hpp"

namespace {
using namespace cellos;
using guest = declared_authority<1>;

execution_cell_spec full_spec() {
    auto doc = json::parse_execution_cell_document(cellos_test::full_cell_json);
    REQUIRE(doc.has_value());
    return doc.value().spec;
}

guest declared() {
    auto a = make_authority<authority_kind::declared>(authority_derivation{
        {{authority_input_type::guest_declaration, "process_spawned", 0.5, std::nullopt}},
        {{rule::guest_agent_declared, rule_class::guest_agent_declaration}},
        {1, 0.5, epistemic_status::declared, binding_status::not_applicable}});
    REQUIRE(a.has_value());
    return std::get<guest>(std::move(a).value());
}

template <class Event>
std::string_view type_of(const Event&) {
    return cellos::type_string(Event::type);
}

std::string text_of(const auto& payload) { return json::to_text(json::to_value(payload)); }
}  // namespace

TEST_CASE("a cell walks the supervisor's order and every step yields the event the table names") {
    auto admitted = admit_cell(full_spec(), "cell-7", declared(), "run-1");
    CHECK(admitted.cell_id() == "cell-7");
    auto scoped = std::move(admitted).scope_network();
    auto observed = std::move(scoped).observe_trust_plane();
    auto secrets = std::move(observed).resolve_secrets();

    auto [started, started_event] = std::move(secrets).start();
    CHECK(type_of(started_event) == transition_event(cell_stage::secrets_resolved, cell_stage::started));
    CHECK(started_event.cell_id == "cell-7");
    CHECK(started_event.run_id == std::optional<std::string>("run-1"));
    CHECK(started_event.spec_id == started.spec().id);
    CHECK(started.authority().output().tier == 1);  // the admitted authority travels with the cell

    auto guest_report = started.guest_event("process_spawned", started.authority());
    CHECK(guest_report.cell_id == "cell-7");

    auto [completed, command] = std::move(started).complete_command(3, 1500, std::nullopt);
    CHECK(type_of(command) == transition_event(cell_stage::started, cell_stage::command_completed));
    CHECK(command.exit_code == 3);
    CHECK(command.argv == completed.spec().run->argv);
    CHECK(text_of(command).find("\"exitCode\":3") != std::string::npos);

    const export_receipt receipt{export_receipt_target_kind::s3, "s3://acme-releases/service.tar.gz",
                                 {"service.tar.gz", 42, "sha256:" + std::string(64, 'a'), std::nullopt}};
    const cellos::provenance parent{"urn:cellos:event:5f0c6d4e-8a3b-4c2d-9e1f-0a1b2c3d4e5f", std::string(type_of(started_event))};
    auto [exported, exports] = std::move(completed).export_artifacts({receipt, receipt}, parent);
    REQUIRE(exports.size() == 2);
    CHECK(type_of(exports[0]) == transition_event(cell_stage::command_completed, cell_stage::exported));
    CHECK(exports[1].provenance == std::optional<cellos::provenance>(parent));

    auto [destroyed, destroyed_event] =
        std::move(exported).destroy(cellos::lifecycle_destroy_outcome::failed, cellos::lifecycle_terminal_state::forced,
                                    cellos::lifecycle_reason(cellos::lifecycle_reason_kind::oom));
    CHECK(type_of(destroyed_event) == transition_event(cell_stage::exported, cell_stage::destroyed));
    const std::string destroyed_text = text_of(destroyed_event);
    CHECK(destroyed_text.find("exitCode") == std::string::npos);  // never on lifecycle.destroyed
    CHECK(destroyed_text.find("\"terminalState\":\"forced\"") != std::string::npos);
    CHECK(destroyed_text.find("\"reason\":\"oom\"") != std::string::npos);

    auto [revoked, revoked_event] = std::move(destroyed).revoke(parent);
    CHECK(type_of(revoked_event) == transition_event(cell_stage::destroyed, cell_stage::revoked));
    CHECK(revoked_event.identity == revoked.spec().identity);
    static_assert(decltype(revoked)::stage == cell_stage::revoked && is_terminal(decltype(revoked)::stage));
}

TEST_CASE("short paths: no trust plane, no export, and a cell that never starts") {
    auto c = std::move(admit_cell(full_spec(), "cell-8", declared()).scope_network()).resolve_secrets();
    auto [started, e1] = std::move(c).start();
    CHECK_FALSE(e1.run_id.has_value());
    auto [destroyed, e2] = std::move(started).destroy(cellos::lifecycle_destroy_outcome::succeeded);
    CHECK(text_of(e2).find("terminalState") == std::string::npos);  // omitted when absent

    auto [failed, e3] = admit_cell(full_spec(), "cell-9", declared()).fail(cellos::lifecycle_reason::other("image pull refused"));
    CHECK(type_of(e3) == transition_event(cell_stage::admitted, cell_stage::failed));
    CHECK(text_of(e3).find("\"reason\":\"image pull refused\"") != std::string::npos);
    static_assert(is_terminal(decltype(failed)::stage));
}

TEST_CASE("yielded payloads become CloudEvents with injected ids and time") {
    auto c = std::move(admit_cell(full_spec(), "cell-7", declared()).scope_network()).resolve_secrets();
    auto [started, payload] = std::move(c).start();
    const json::event_context ctx{"/cellos/supervisor/host-1", [] { return std::string("5f0c6d4e-8a3b-4c2d-9e1f-0a1b2c3d4e5f"); },
                                  [] { return std::string("2026-11-28T12:00:00Z"); }};
    const auto event = json::to_cloud_event(payload, ctx);
    REQUIRE(event.has_value());
    CHECK(event.value().id == "urn:cellos:event:5f0c6d4e-8a3b-4c2d-9e1f-0a1b2c3d4e5f");
    CHECK(event.value().type == transition_event(cell_stage::secrets_resolved, cell_stage::started));
    CHECK(event.value().time == std::optional<std::string>("2026-11-28T12:00:00Z"));
}

TEST_CASE("a formation: created, launched, degraded, recovered, completed") {
    auto [pending, created] = create_formation("release-7", std::string("release pipeline"), {"planner", "builder"});
    CHECK(created.formation_id == "release-7");
    CHECK(created.cell_ids == std::vector<std::string>{"planner", "builder"});
    auto [launching, e1] = std::move(pending).launch();
    CHECK(type_of(e1) == transition_event(formation_state::pending, formation_state::launching));
    auto [running, e2] = std::move(launching).run();
    CHECK(type_of(e2) == transition_event(formation_state::launching, formation_state::running));
    const std::vector<std::string> lost{"builder"};
    auto [degraded, e3] = std::move(running).degrade(lost, "builder lost its host");
    CHECK(type_of(e3) == transition_event(formation_state::running, formation_state::degraded));
    auto [recovered, e4] = std::move(degraded).run();
    CHECK(type_of(e4) == transition_event(formation_state::degraded, formation_state::running));
    auto [done, e5] = std::move(recovered).complete();
    CHECK(type_of(e5) == transition_event(formation_state::running, formation_state::completed));
    CHECK(done.cell_ids().size() == 2);
    static_assert(is_terminal(decltype(done)::state));
}

TEST_CASE("histories as JSON: the runtime checker uses the same table") {
    const auto ok = json::parse_stage_history(
        R"({"cell":["admitted","networkScoped","secretsResolved","started","commandCompleted","destroyed","revoked"]})");
    REQUIRE(ok.has_value());
    CHECK(std::get<std::vector<cell_stage>>(ok.value()).back() == cell_stage::revoked);
    const auto formation_ok = json::parse_stage_history(R"({"formation":["PENDING","LAUNCHING","RUNNING","DEGRADED","FAILED"]})");
    CHECK(formation_ok.has_value());

    const struct {
        std::string_view text, code, pointer, rule;
    } bad[] = {
        {R"({"cell":["admitted","started"]})", "invalid_transition", "/cell/1", "lifecycleOrder"},
        {R"({"cell":["networkScoped"]})", "invalid_transition", "/cell/0", "initialStage"},
        {R"({"cell":[]})", "invalid_transition", "/cell", "initialStage"},
        {R"({"cell":["admitted","networkScoped","secretsResolved","started","destroyed","revoked","started"]})", "invalid_transition",
         "/cell/6", "terminalStage"},
        {R"({"formation":["PENDING","LAUNCHING","RUNNING","COMPLETED","RUNNING"]})", "invalid_transition", "/formation/4",
         "terminalState"},
        {R"({"formation":["PENDING","RUNNING"]})", "invalid_transition", "/formation/1", "formationOrder"},
        {R"({"cell":["admitted","teleported"]})", "unknown_enum_value", "/cell/1", ""},
        {R"({"cell":["admitted"],"formation":["PENDING"]})", "invalid_value", "", ""},
        {R"({"cells":["admitted"]})", "unknown_field", "/cells", ""},
        {R"({"cell":"admitted"})", "wrong_type", "/cell", ""},
        {R"({"cell":["admitted","admitted"]})", "invalid_transition", "/cell/1", "lifecycleOrder"},
        {R"([1])", "invalid_value", "", ""},
        {R"({"cell":["admitted"],"cell":["admitted"]})", "duplicate_key", "/cell", ""},
    };
    for (const auto& b : bad) {
        CAPTURE(b.text);
        const auto r = json::parse_stage_history(b.text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code_name() == b.code);
        CHECK(r.error().pointer == b.pointer);
        CHECK(r.error().rule == b.rule);
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("histories without JSON: check_stage_history reports a problem, the one conversion of the finding") {
    const std::vector<cell_stage> ok{cell_stage::admitted, cell_stage::failed};
    CHECK_FALSE(check_stage_history<cell_stage>(ok).has_value());
    const std::vector<cell_stage> skip{cell_stage::admitted, cell_stage::started};
    const auto p = check_stage_history<cell_stage>(skip, "/history");
    REQUIRE(p.has_value());
    CHECK(p->code == errc::invalid_transition);
    CHECK(p->pointer == "/history/1");
    CHECK(p->rule == "lifecycleOrder");
    CHECK(p->message == "no transition admitted -> started");
    const auto f = check_stage_sequence<cell_stage>(skip);
    REQUIRE(f.has_value());
    CHECK(to_problem<cell_stage>(*f, skip, "/history") == *p);
    const std::vector<formation_state> late{formation_state::running};
    const auto q = check_stage_history<formation_state>(late);
    REQUIRE(q.has_value());
    CHECK(q->pointer == "/0");
    CHECK(q->message == "a history starts at PENDING, not RUNNING");
}
