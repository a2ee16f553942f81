// The state projection at runtime: each event type through the JSON reader and the reducer, the
// edge cases the projection decides (duplicates, unknown types, out of order, another cell, unreadable
// data), the reader's agreement with the strict CloudEvent decoder, a property test that replays
// shuffled and duplicated logs, and the streaming projector's counts.
#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "../doctest.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/projection.hpp"
#include "cellos/json/projector.hpp"
#include "cellos/json/write.hpp"

namespace {
using namespace cellos;

constexpr std::string_view prefix = "dev.cellos.events.cell.";

/// One structured-mode line: `type` after the cell prefix, `data` members as JSON text.
std::string line(std::string_view id, std::string_view type, std::string_view data_members, std::string_view cell = "cell-1") {
    std::string s = R"({"specversion":"1.0","id":")" + std::string(id) + R"(","source":"//cellos/supervisor","type":")" +
                    std::string(prefix) + std::string(type) + R"(","data":{"cellId":")" + std::string(cell) + "\"";
    if (!data_members.empty()) s += "," + std::string(data_members);
    return s + "}}";
}

struct fixture {
    json::projection_reader reader;
    cell_state_projection projection;

    checked<apply_outcome> apply(const std::string& text) {
        const json::projection_line& l = reader.read(text);
        if (l.kind != json::projection_line_kind::event) return l.error ? *l.error : make_problem(errc::invalid_value, "", "not an event");
        return projection.apply(l.event);
    }
    void must_apply(const std::string& text) {
        auto r = apply(text);
        REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
        CHECK(r.value() == apply_outcome::applied);
    }
};

}  // namespace

TEST_CASE("projection: each event type moves its stage and fills its fields") {
    fixture f;
    CHECK(f.projection.current_state() == projection_current_state::pending);
    f.must_apply(line("e1", "lifecycle.v1.started",
                      R"("specId":"spec-a","runId":"run-1","placement":{"pool":"gpu-a","region":"eu-west-1","other":1})"));
    CHECK(f.projection.current_state() == projection_current_state::started);
    auto s = f.projection.snapshot();
    CHECK(s.spec_id == "spec-a");
    CHECK(s.run_id == "run-1");
    REQUIRE(s.placement);
    CHECK(s.placement->pool_id == "gpu-a");  // the peers' "pool" is read as poolId
    CHECK(s.placement->region == "eu-west-1");

    f.must_apply(line("e2", "identity.v1.materialized", R"("identityKind":"spiffe")"));
    CHECK(f.projection.current_state() == projection_current_state::identity_ready);
    f.must_apply(line("e3", "command.v1.completed", R"("exitCode":0,"argv":["make"])"));
    CHECK(f.projection.current_state() == projection_current_state::command_succeeded);
    CHECK(f.projection.snapshot().command_exit_code == 0);
    f.must_apply(line("e4", "export.v2.completed",
                      R"("targetKind":"LocalPath","targetName":"local","destination":"/x","bytesWritten":42)"));
    f.must_apply(line("e5", "export.v2.completed",
                      R"("targetKind":"s3","destination":"s3://b/k","artifact":{"name":"a","sizeBytes":7,"digest":"d"})"));
    CHECK(f.projection.current_state() == projection_current_state::export_succeeded);
    s = f.projection.snapshot();
    REQUIRE(s.exports.size() == 2);
    CHECK(s.exports[0] == export_projection_record{export_receipt_target_kind::local_path, "local", "/x", 42});
    CHECK(s.exports[1] == export_projection_record{export_receipt_target_kind::s3, std::nullopt, "s3://b/k", 7});
    f.must_apply(line("e6", "lifecycle.v1.destroyed", R"("outcome":"succeeded","terminalState":"clean","reason":"completed")"));
    s = f.projection.snapshot();
    CHECK(s.current_state == projection_current_state::destroyed);
    CHECK(s.destroy_reason == "completed");
    CHECK(s.processed_events == 6);
    f.must_apply(line("e7", "identity.v1.revoked", ""));
    CHECK(f.projection.snapshot().identity_stage == projection_identity_stage::revoked);
}

TEST_CASE("projection: failures decide current_state and lastError") {
    SUBCASE("a failed command (and one without exit code)") {
        fixture f;
        f.must_apply(line("a", "command.v1.completed", R"("exitCode":137)"));
        CHECK(f.projection.current_state() == projection_current_state::command_failed);
        fixture g;
        g.must_apply(line("b", "command.v1.completed", ""));
        CHECK(g.projection.current_state() == projection_current_state::command_failed);
    }
    SUBCASE("identity failed sticks and sets lastError") {
        fixture f;
        f.must_apply(line("a", "identity.v1.failed", R"("operation":"materialize","reason":"no issuer")"));
        f.must_apply(line("b", "identity.v1.materialized", ""));
        CHECK(f.projection.current_state() == projection_current_state::identity_failed);
        CHECK(f.projection.snapshot().last_error == "no issuer");
    }
    SUBCASE("export failed sticks over a later success") {
        fixture f;
        f.must_apply(line("a", "export.v2.failed", R"("targetKind":"http","reason":"503")"));
        f.must_apply(line("b", "export.v2.completed", R"("targetKind":"http","destination":"https://x")"));
        CHECK(f.projection.current_state() == projection_current_state::export_failed);
        CHECK(f.projection.snapshot().last_error == "503");
        CHECK(f.projection.snapshot().exports.size() == 1);  // a failure appends no record
    }
    SUBCASE("a failed destroy") {
        fixture f;
        f.must_apply(line("a", "lifecycle.v1.destroyed", R"("outcome":"failed","reason":"oom")"));
        CHECK(f.projection.current_state() == projection_current_state::destroy_failed);
    }
}

TEST_CASE("projection: duplicates, order, other cells") {
    fixture f;
    const std::string started = line("same", "lifecycle.v1.started", R"("specId":"s")");
    f.must_apply(started);
    auto again = f.apply(started);
    REQUIRE(again);
    CHECK(again.value() == apply_outcome::duplicate);
    CHECK(f.projection.snapshot().processed_events == 1);

    f.must_apply(line("d", "lifecycle.v1.destroyed", R"("outcome":"succeeded")"));
    f.must_apply(line("late", "lifecycle.v1.started", ""));  // a late start does not undo the destroy
    CHECK(f.projection.snapshot().lifecycle_stage == projection_lifecycle_stage::destroyed);

    const auto before = f.projection.snapshot();
    auto other = f.apply(line("x", "command.v1.completed", R"("exitCode":0)", "cell-2"));
    REQUIRE_FALSE(other);
    CHECK(other.error().code == errc::projection_cell_mismatch);
    CHECK(other.error().pointer == "/data/cellId");
    CHECK(f.projection.snapshot() == before);  // nothing changed, and the id is not spent
    fixture g;
    g.must_apply(line("x", "command.v1.completed", R"("exitCode":0)", "cell-2"));
}

TEST_CASE("projection: unknown types are ignored, unreadable data is an error naming the member") {
    json::projection_reader reader;
    CHECK(reader.read(line("a", "dns.v1.query", R"("queryName":"x")")).kind == json::projection_line_kind::ignored);
    CHECK(reader.read(line("a", "lifecycle.v1.failed", "")).kind == json::projection_line_kind::ignored);

    struct bad {
        std::string text;
        errc code;
        std::string pointer;
    };
    const std::vector<bad> cases{
        {line("a", "command.v1.completed", R"("exitCode":"0")"), errc::wrong_type, "/data/exitCode"},
        {line("a", "command.v1.completed", R"("exitCode":2147483648)"), errc::wrong_type, "/data/exitCode"},
        {line("a", "command.v1.completed", R"("exitCode":-2147483649)"), errc::wrong_type, "/data/exitCode"},
        {line("a", "command.v1.completed", R"("exitCode":1.5)"), errc::wrong_type, "/data/exitCode"},
        {line("a", "lifecycle.v1.destroyed", R"("outcome":"exploded")"), errc::unknown_enum_value, "/data/outcome"},
        {line("a", "lifecycle.v1.destroyed", R"("terminalState":7)"), errc::wrong_type, "/data/terminalState"},
        {line("a", "identity.v1.failed", R"("operation":"Revoke")"), errc::unknown_enum_value, "/data/operation"},
        {line("a", "export.v2.completed", R"("targetKind":"ftp")"), errc::unknown_enum_value, "/data/targetKind"},
        {line("a", "export.v2.completed", R"("bytesWritten":-1)"), errc::wrong_type, "/data/bytesWritten"},
        {line("a", "export.v2.completed", R"("artifact":{"sizeBytes":"big"})"), errc::wrong_type, "/data/artifact/sizeBytes"},
        {line("a", "lifecycle.v1.started", R"("specId":5)"), errc::wrong_type, "/data/specId"},
        {line("a", "lifecycle.v1.started", R"("placement":[])"), errc::wrong_type, "/data/placement"},
        {line("a", "lifecycle.v1.started", R"("placement":{"region":1})"), errc::wrong_type, "/data/placement/region"},
        {R"({"specversion":"1.0","id":"a","source":"/s","type":"dev.cellos.events.cell.lifecycle.v1.started"})", errc::missing_field, "/data"},
        {R"({"specversion":"1.0","id":"a","source":"/s","type":"dev.cellos.events.cell.lifecycle.v1.started","data":{}})",
         errc::missing_field, "/data/cellId"},
        {R"({"specversion":"1.0","id":"a","source":"/s","type":"dev.cellos.events.cell.lifecycle.v1.started","data":{"cellId":""}})",
         errc::empty_attribute, "/data/cellId"},
        {R"({"specversion":"1.0","id":"a","source":"/s","type":"dev.cellos.events.cell.lifecycle.v1.started","data":"x"})",
         errc::wrong_type, "/data"},
    };
    for (const bad& c : cases) {
        CAPTURE(c.text);
        const json::projection_line& l = reader.read(c.text);
        REQUIRE(l.kind == json::projection_line_kind::invalid);
        CHECK(l.error->code == c.code);
        CHECK(l.error->pointer == c.pointer);
        CHECK(l.id == "a");  // an invalid event still has an id: it is deduplicated like any other
    }
}

TEST_CASE("projection reader: a line is an event exactly when the strict CloudEvent decoder says so") {
    const std::vector<std::string> lines{
        line("ok", "lifecycle.v1.started", ""),
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t"})",
        R"({"specversion":"0.3","id":"x","source":"/s","type":"t"})",
        R"({"specversion":"1.0","source":"/s","type":"t"})",
        R"({"specversion":"1.0","id":"","source":"/s","type":"t"})",
        R"({"specversion":"1.0","id":"x","source":"a b","type":"t"})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","id":"y"})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","data":{"a":1,"a":2}})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","data":1,"data_base64":"AA=="})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","data_base64":"AA="})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","data_base64":null,"data":{}})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","datacontenttype":"text/plain","data":{}})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","datacontenttype":"text/plain","data":"hi"})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","time":"yesterday"})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","Bad":1})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","ext":2147483648})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","ext":1.5})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","ext":[1]})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","ext":null,"ok":true,"n":-5})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","traceparent":"00-1"})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","subject":""})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":1})",
        R"({"specversion":"1.0","id":"x","source":"/s","type":"t","data":1e400})",
        R"([1,2])",
        R"("x")",
        R"({"specversion":"1.0",)",
        "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\\u0000\"}",
    };
    json::projection_reader reader;
    for (const std::string& text : lines) {
        CAPTURE(text);
        const auto dom = json::parse_cloud_event(text);
        const json::projection_line& l = reader.read(text);
        CHECK((l.kind == json::projection_line_kind::malformed) == !dom.has_value());
        if (!dom) CHECK(l.error->code == dom.error().code);
        if (!dom) CHECK(l.error->pointer == dom.error().pointer);
        if (dom) CHECK(l.id == dom.value().id);
    }
}

TEST_CASE("projection reader: a decoded event reads like its line") {
    json::projection_reader a, b;
    const std::string text = line("z", "export.v2.completed", R"("targetKind":"Http","targetName":"api","destination":"https://x","bytesWritten":9,"runId":"r")");
    const auto decoded = json::parse_cloud_event(text);
    REQUIRE(decoded);
    const json::projection_line& from_line = a.read(text);
    const json::projection_line& from_event = b.read(decoded.value());
    REQUIRE(from_line.kind == json::projection_line_kind::event);
    REQUIRE(from_event.kind == json::projection_line_kind::event);
    cell_state_projection p, q;
    REQUIRE(p.apply(from_line.event));
    REQUIRE(q.apply(from_event.event));
    CHECK(p.snapshot() == q.snapshot());
    cell_state_projection r;
    auto via_json = json::apply(r, decoded.value());
    REQUIRE(via_json);
    CHECK(via_json.value() == json::event_outcome::applied);
    CHECK(r.snapshot() == p.snapshot());
    cloud_event_v1 other = decoded.value();
    other.type = "dev.cellos.events.cell.dns.v1.query";
    CHECK(json::apply(r, other).value() == json::event_outcome::ignored);
}

TEST_CASE("projection property: shuffled and duplicated logs project to the same states") {
    // Each cell: started, maybe identity, command (exit 0 or 1), 0-2 exports, maybe export failure,
    // destroyed. At most one command per cell, so only lastError (the last failure in log order, by
    // definition) depends on the order: it is checked to be one of the cell's failure reasons.
    std::mt19937 rng(20261208);
    std::vector<std::string> log;
    for (int c = 0; c < 60; ++c) {
        const std::string cell = "cell-" + std::to_string(c);
        int n = 0;
        const auto id = [&] { return cell + "-e" + std::to_string(n++); };
        log.push_back(line(id(), "lifecycle.v1.started", R"("specId":"spec","runId":"run-)" + std::to_string(c) + "\"", cell));
        if (rng() % 3 != 0) log.push_back(line(id(), "identity.v1.materialized", "", cell));
        if (rng() % 5 == 0) log.push_back(line(id(), "identity.v1.failed", R"("operation":"revoke","reason":"r")", cell));
        log.push_back(line(id(), "command.v1.completed", "\"exitCode\":" + std::to_string(rng() % 2), cell));
        for (unsigned k = rng() % 3; k > 0; --k)
            log.push_back(line(id(), "export.v2.completed", R"("targetKind":"s3","bytesWritten":)" + std::to_string(k), cell));
        if (rng() % 4 == 0) log.push_back(line(id(), "export.v2.failed", R"("reason":"x")", cell));
        if (rng() % 5 != 0) log.push_back(line(id(), "lifecycle.v1.destroyed", rng() % 2 ? R"("outcome":"failed")" : R"("outcome":"succeeded")", cell));
    }
    const auto project = [](const std::vector<std::string>& lines) {
        json::projection_reader reader;
        std::map<std::string, cell_state_projection> cells;
        for (const std::string& text : lines) {
            const json::projection_line& l = reader.read(text);
            REQUIRE(l.kind == json::projection_line_kind::event);
            REQUIRE(cells[std::string(l.event.cell_id)].apply(l.event));
        }
        std::map<std::string, cell_state_snapshot> out;
        for (auto& [id, p] : cells) {
            auto s = p.snapshot();
            std::sort(s.exports.begin(), s.exports.end(), [](const auto& x, const auto& y) { return x.bytes_written < y.bytes_written; });
            CHECK((!s.last_error || *s.last_error == "r" || *s.last_error == "x"));
            s.last_error.reset();
            out.emplace(id, std::move(s));
        }
        return out;
    };
    const auto reference = project(log);
    for (int round = 0; round < 20; ++round) {
        std::vector<std::string> shuffled = log;
        for (int d = 0; d < 50; ++d) shuffled.push_back(log[rng() % log.size()]);  // replays
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        CHECK(project(shuffled) == reference);
    }
    // And the fleet agrees with the per-cell projections.
    json::jsonl_projector projector;
    const auto no_signed = [](std::string_view, std::size_t) -> checked<json::unwrapped_event> {
        return make_problem(errc::signature_invalid, "", "unused");
    };
    std::size_t number = 0;
    for (const std::string& text : log) projector.line(json::jsonl_line{++number, text, false}, no_signed, [](std::size_t, const problem&) {});
    for (const auto& [id, snapshot] : reference) {
        const auto* state = projector.fleet().find(id);
        REQUIRE(state != nullptr);
        auto s = cell_state_projection::snapshot_of(*state);
        std::sort(s.exports.begin(), s.exports.end(), [](const auto& x, const auto& y) { return x.bytes_written < y.bytes_written; });
        s.last_error.reset();
        CHECK(s == snapshot);
    }
}

TEST_CASE("projector: the peers' counters, strict mode and signed-only") {
    const std::vector<std::string> log{
        line("1", "lifecycle.v1.started", ""),
        "not json",
        R"({"specversion":"1.0","source":"/s","type":"t"})",
        line("1", "lifecycle.v1.started", ""),  // duplicate
        line("2", "dns.v1.query", ""),         // ignored
        line("3", "command.v1.completed", R"("exitCode":"x")"),  // invalid
        line("2", "command.v1.completed", ""),  // a duplicate id whatever its type
        line("4", "command.v1.completed", R"("exitCode":0)"),
    };
    const auto run = [&](json::projector_options o, std::vector<std::size_t>* reported) {
        json::jsonl_projector projector(o);
        const auto unwrap = [](std::string_view, std::size_t) -> checked<json::unwrapped_event> {
            return make_problem(errc::signature_invalid, "", "unused");
        };
        std::size_t number = 0;
        for (const std::string& text : log) {
            ++number;
            if (!projector.line(json::jsonl_line{number, text, false}, unwrap,
                                [&](std::size_t n, const problem&) { if (reported) reported->push_back(n); }))
                break;
        }
        return projector.fleet().counts();
    };
    std::vector<std::size_t> reported;
    const projection_counts n = run({}, &reported);
    CHECK(n.events_read == 8);
    CHECK(n.malformed == 2);
    CHECK(n.duplicates == 2);
    CHECK(n.ignored == 1);
    CHECK(n.invalid == 1);
    CHECK(n.applied == 2);
    CHECK(n.events_read == n.malformed + n.duplicates + n.ignored + n.invalid + n.applied);
    CHECK(reported == std::vector<std::size_t>{2, 3, 6});

    json::projector_options strict;
    strict.strict = true;
    const projection_counts s = run(strict, nullptr);
    CHECK(s.events_read == 2);  // stopped at the first malformed line
    CHECK(s.applied == 1);

    json::projector_options signed_only;
    signed_only.require_signed = true;
    const projection_counts r = run(signed_only, nullptr);
    CHECK(r.applied == 0);
    CHECK(r.invalid == 6);  // every event, not signed
}

TEST_CASE("projection: snapshot JSON has upstream's 13 members in order, absent as null") {
    fixture f;
    f.must_apply(line("a", "command.v1.completed", R"("exitCode":3)"));
    const boost::json::object o = json::snapshot_to_value(f.projection.snapshot());
    std::vector<std::string_view> keys;
    for (const auto& m : o) keys.push_back(m.key());
    CHECK(keys == std::vector<std::string_view>{"specId", "cellId", "runId", "placement", "lifecycleStage", "identityStage", "exportStage",
                                                "currentState", "commandExitCode", "destroyReason", "lastError", "exports",
                                                "processedEvents"});
    CHECK(o.at("specId").is_null());
    CHECK(o.at("currentState").as_string() == "commandFailed");
    CHECK(o.at("lifecycleStage").as_string() == "commandCompleted");
    CHECK(o.at("commandExitCode").as_int64() == 3);
}
