// Signed envelopes in the state projector (cellos/trust/signed_replay.hpp, json/projector.hpp):
// transport events signed with Ed25519, serialised to JSON Lines and replayed through
// trust::signed_replay. Verified with keys (fail closed: a tampered signature or an unknown kid
// makes the line invalid), unwrapped unverified without keys, require_signed refuses raw events,
// one thread and two give the same projection, a batch boundary keeps log order, strict stops.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "../doctest.hpp"
#include "test_keys.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/projection.hpp"
#include "cellos/json/projector.hpp"
#include "cellos/trust.hpp"
#include "cellos/trust/signed_replay.hpp"

namespace {

namespace ct = cellos::trust;
namespace cj = cellos::json;

constexpr std::string_view prefix = "dev.cellos.events.cell.";

using cellos_test::hex;

// RFC 8032 §7.1 TEST 1 seed (as in signed_event_test.cpp): fixed keys make failures reproducible.
ct::ed25519_private_key signing_key() {
    return cellos_test::rfc8032_test1_key();
}
ct::ed25519_private_key other_key() { return ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, 7)).value(); }

ct::keyring ring() {
    ct::keyring r;
    REQUIRE(r.add_ed25519("ops-1", ct::ed25519_public_key_of(signing_key()).value()));
    return r;
}

/// A raw event line (compact structured mode); `data` is the JSON text of the data object.
std::string raw(std::string_view id, std::string_view type, std::string_view data) {
    return R"({"specversion":"1.0","id":")" + std::string(id) + R"(","source":"//cellos/supervisor","type":")" + std::string(prefix) +
           std::string(type) + R"(","datacontenttype":"application/json","data":)" + std::string(data) + "}";
}

/// The line of the transport event carrying `line` signed by `key` under `kid`.
std::string signed_line(const std::string& line, std::string_view kid = "ops-1", const ct::ed25519_private_key& key = signing_key()) {
    const auto e = cj::parse_cloud_event(line);
    REQUIRE(e);
    const auto env = ct::sign_event_ed25519(e.value(), kid, key);
    REQUIRE(env);
    const auto transport = ct::to_transport_event(env.value(), e.value().id, e.value().source);
    REQUIRE(transport);
    const auto text = cj::to_text(transport.value());
    REQUIRE(text);
    return text.value();
}

/// `line` (a transport event) with `edit` applied to its parsed JSON.
template <class Edit>
std::string edited(const std::string& line, Edit&& edit) {
    boost::json::value v = boost::json::parse(line);
    edit(v.as_object());
    return boost::json::serialize(v);
}

/// A signed line whose signature is another event's (valid encoding, wrong bytes).
std::string with_wrong_signature(const std::string& line, const std::string& donor) {
    const boost::json::value d = boost::json::parse(donor);
    const boost::json::value sig = d.at("data").at("signature");
    return edited(line, [&](boost::json::object& o) { o["data"].as_object()["signature"] = sig; });
}

struct reported {
    std::size_t line;
    cellos::problem problem;
};

struct replay_result {
    cellos::projection_counts counts;
    std::vector<cellos::cell_state_snapshot> cells;
    std::vector<reported> reports;
    bool stopped = false;
};

/// The lines joined with "\n", split, fed to a signed_replay (fed the way project_cmd does).
replay_result replay(const std::vector<std::string>& lines, const ct::keyring* keys, std::size_t threads = 1,
                     cj::projector_options options = {}) {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    cj::jsonl_projector projector(options);
    ct::signed_replay r(projector, keys, threads, 512);  // small batches: the boundary tests below cross them
    replay_result out;
    const auto report = [&](std::size_t n, const cellos::problem& p) { out.reports.push_back({n, p}); };
    cj::jsonl_splitter split;
    bool stopped = false;
    split.feed(text, [&](const cj::jsonl_line& l) {
        if (!stopped && !r.line(l, report)) stopped = true;
    });
    split.finish([&](const cj::jsonl_line& l) { stopped = stopped || !r.line(l, report); });
    if (!r.stopped()) r.flush(report);
    out.stopped = r.stopped();
    out.counts = projector.fleet().counts();
    for (const auto& c : projector.fleet().cells()) out.cells.push_back(cellos::cell_state_projection::snapshot_of(c));
    return out;
}

const cellos::cell_state_snapshot* find(const replay_result& r, std::string_view cell) {
    for (const auto& c : r.cells)
        if (c.cell_id && *c.cell_id == cell) return &c;
    return nullptr;
}

/// A cell's life as raw lines: started, command (exit code), export (bytes), destroyed.
std::vector<std::string> life(const std::string& cell, int exit_code = 0, std::uint64_t bytes = 10) {
    const std::string base = R"("cellId":")" + cell + R"(","specId":"spec-)" + cell + R"(")";
    return {raw("urn:cellos:event:" + cell + "-1", "lifecycle.v1.started", "{" + base + "}"),
            raw("urn:cellos:event:" + cell + "-2", "command.v1.completed", "{" + base + R"(,"exitCode":)" + std::to_string(exit_code) + "}"),
            raw("urn:cellos:event:" + cell + "-3", "export.v2.completed",
                "{" + base + R"(,"targetKind":"s3","targetName":"b","bytesWritten":)" + std::to_string(bytes) + "}"),
            raw("urn:cellos:event:" + cell + "-4", "lifecycle.v1.destroyed", "{" + base + R"(,"outcome":"succeeded","reason":"completed"})")};
}

std::vector<std::string> signed_all(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(signed_line(l));
    return out;
}

bool same_reports(const std::vector<reported>& a, const std::vector<reported>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].line != b[i].line || !(a[i].problem == b[i].problem)) return false;
    return true;
}

}  // namespace

TEST_CASE("signed replay with keys: every envelope verified, counts right, the inner events applied") {
    const ct::keyring keys = ring();
    std::vector<std::string> lines;
    for (const char* c : {"c1", "c2", "c3"})
        for (auto& l : life(c, c[1] == '2' ? 1 : 0)) lines.push_back(signed_line(l));
    const auto r = replay(lines, &keys);
    CHECK(r.counts.events_read == 12);
    CHECK(r.counts.signed_verified == 12);
    CHECK(r.counts.applied == 12);
    CHECK(r.counts.unsigned_events == 0);
    CHECK(r.counts.invalid == 0);
    CHECK(r.counts.malformed == 0);
    CHECK(r.reports.empty());
    REQUIRE(r.cells.size() == 3);
    for (const auto& c : r.cells) {
        CHECK(c.current_state == cellos::projection_current_state::destroyed);
        CHECK(c.processed_events == 4);
        REQUIRE(c.exports.size() == 1);
        CHECK(c.exports[0].bytes_written == std::uint64_t{10});
    }
    CHECK(find(r, "c2")->command_exit_code == 1);
    CHECK(find(r, "c1")->spec_id == std::optional<std::string>("spec-c1"));

    // the same lines unsigned give the same cells; the signed ones count as signed, the raw ones not
    const auto plain = replay([] {
        std::vector<std::string> v;
        for (const char* c : {"c1", "c2", "c3"})
            for (auto& l : life(c, c[1] == '2' ? 1 : 0)) v.push_back(l);
        return v;
    }(), &keys);
    CHECK(plain.cells == r.cells);
    CHECK(plain.counts.signed_verified == 0);
    CHECK(plain.counts.unsigned_events == 12);
}

TEST_CASE("open_signed_line: verified with keys, unwrapped without, refusals pointed under /data") {
    const ct::keyring keys = ring();
    const std::string line = signed_line(life("c1")[0]);
    const auto v = ct::open_signed_line(line, &keys);
    REQUIRE(v);
    CHECK(v.value().verified);
    CHECK(v.value().event.id == "urn:cellos:event:c1-1");
    const auto u = ct::open_signed_line(line, nullptr);
    REQUIRE(u);
    CHECK(!u.value().verified);
    CHECK(u.value().event == v.value().event);
    const auto bad = ct::open_signed_line(with_wrong_signature(line, signed_line(life("c1")[1])), &keys);
    REQUIRE(!bad);
    CHECK(bad.error().code == cellos::errc::signature_invalid);
    CHECK(bad.error().pointer == "/data/signature");
    const auto unknown = ct::open_signed_line(signed_line(life("c1")[0], "ops-9"), &keys);
    REQUIRE(!unknown);
    CHECK(unknown.error().code == cellos::errc::unknown_key_id);
    CHECK(unknown.error().pointer == "/data/signerKid");
}

TEST_CASE("signed replay: a tampered signature or event is invalid (signature_invalid), the rest applied") {
    const ct::keyring keys = ring();
    auto lines = signed_all(life("c1"));
    const std::string donor = signed_line(life("c2")[1]);
    lines[1] = with_wrong_signature(lines[1], donor);  // command of c1 with c2's command signature
    // export of c1 whose inner bytesWritten was changed after signing
    lines[2] = edited(lines[2], [](boost::json::object& o) { o["data"].as_object()["event"].as_object()["data"].as_object()["bytesWritten"] = 99; });
    const auto r = replay(lines, &keys);
    CHECK(r.counts.events_read == 4);
    CHECK(r.counts.invalid == 2);
    CHECK(r.counts.applied == 2);
    CHECK(r.counts.signed_verified == 2);
    REQUIRE(r.reports.size() == 2);
    CHECK(r.reports[0].line == 2);
    CHECK(r.reports[0].problem.code == cellos::errc::signature_invalid);
    CHECK(r.reports[0].problem.pointer == "/data/signature");
    CHECK(r.reports[1].line == 3);
    CHECK(r.reports[1].problem.code == cellos::errc::signature_invalid);
    REQUIRE(r.cells.size() == 1);
    const auto& c = r.cells[0];
    CHECK(c.processed_events == 2);  // started, destroyed
    CHECK(!c.command_exit_code);
    CHECK(c.exports.empty());
    CHECK(c.lifecycle_stage == cellos::projection_lifecycle_stage::destroyed);

    // A refused envelope's id is not remembered: the genuine line after it still applies.
    auto again = lines;
    again.push_back(signed_all(life("c1"))[1]);
    const auto r2 = replay(again, &keys);
    CHECK(r2.counts.invalid == 2);
    CHECK(r2.counts.applied == 3);
    CHECK(r2.counts.duplicates == 0);
    CHECK(r2.cells[0].command_exit_code == 0);
}

TEST_CASE("signed replay: an unknown kid is invalid (unknown_key_id)") {
    const ct::keyring keys = ring();
    std::vector<std::string> lines = signed_all(life("c1"));
    lines.push_back(signed_line(life("c2")[0], "ops-9", other_key()));
    lines.push_back(signed_line(life("c3")[0], "ops-1", other_key()));  // the right kid, another key
    const auto r = replay(lines, &keys);
    CHECK(r.counts.applied == 4);
    CHECK(r.counts.invalid == 2);
    CHECK(r.counts.signed_verified == 4);
    REQUIRE(r.reports.size() == 2);
    CHECK(r.reports[0].line == 5);
    CHECK(r.reports[0].problem.code == cellos::errc::unknown_key_id);
    CHECK(r.reports[0].problem.pointer == "/data/signerKid");
    CHECK(r.reports[1].line == 6);
    CHECK(r.reports[1].problem.code == cellos::errc::signature_invalid);
    CHECK(r.cells.size() == 1);
}

TEST_CASE("signed replay without keys: unwrapped and applied unverified (signedVerified 0)") {
    auto lines = signed_all(life("c1"));
    lines.push_back(signed_line(life("c2")[0], "ops-9", other_key()));                           // unknown kid
    lines.push_back(with_wrong_signature(signed_line(life("c3")[0]), signed_line(life("c4")[0])));  // wrong signature
    lines.push_back(life("c5")[0]);                                                               // raw
    const auto r = replay(lines, nullptr);
    CHECK(r.counts.events_read == 7);
    CHECK(r.counts.applied == 7);
    CHECK(r.counts.invalid == 0);
    CHECK(r.counts.signed_verified == 0);
    CHECK(r.counts.unsigned_events == 1);
    CHECK(r.reports.empty());
    CHECK(r.cells.size() == 4);
    CHECK(find(r, "c1")->current_state == cellos::projection_current_state::destroyed);
}

TEST_CASE("signed replay: require_signed refuses a raw event, with its line and rule") {
    const ct::keyring keys = ring();
    auto lines = signed_all(life("c1"));
    lines.insert(lines.begin() + 2, life("c9")[0]);  // a raw started of another cell at line 3
    cj::projector_options options;
    options.require_signed = true;
    const auto r = replay(lines, &keys, 1, options);
    CHECK(r.counts.applied == 4);
    CHECK(r.counts.invalid == 1);
    CHECK(r.counts.signed_verified == 4);
    REQUIRE(r.reports.size() == 1);
    CHECK(r.reports[0].line == 3);
    CHECK(r.reports[0].problem.code == cellos::errc::signature_invalid);
    CHECK(r.reports[0].problem.rule == "requireSigned");
    CHECK(find(r, "c9") == nullptr);
    // an ignored type and a malformed line are refused too / stay malformed
    const auto r2 = replay({raw("x-1", "dns.v1.query", R"({"cellId":"c1"})"), "not json"}, &keys, 1, options);
    CHECK(r2.counts.invalid == 1);
    CHECK(r2.counts.malformed == 1);
    CHECK(r2.counts.ignored == 0);
    // without require_signed the raw event is applied (keys alone do not refuse raw events)
    const auto r3 = replay(lines, &keys);
    CHECK(r3.counts.applied == 5);
    CHECK(r3.counts.invalid == 0);
    CHECK(r3.counts.unsigned_events == 1);
}

TEST_CASE("signed replay: a signed envelope whose type is escaped is still verified (opened on the replay thread)") {
    const ct::keyring keys = ring();
    const std::string line = signed_line(life("c1")[0]);
    const std::string needle = "signed_envelope.v1";
    std::string escaped = line;
    const auto at = escaped.find(needle);
    REQUIRE(at != std::string::npos);
    escaped.replace(at, needle.size(), "signed\\u005fenvelope.v1");  // the same type, another spelling
    REQUIRE(escaped.find(needle) == std::string::npos);
    const auto r = replay({escaped}, &keys);
    CHECK(r.counts.applied == 1);
    CHECK(r.counts.signed_verified == 1);
    const auto bad = replay({with_wrong_signature(escaped, signed_line(life("c2")[0]))}, &keys);
    CHECK(bad.counts.invalid == 1);
    CHECK(bad.counts.applied == 0);
}

TEST_CASE("signed replay: one thread and two give the same fleet, counts and reports") {
    const ct::keyring keys = ring();
    std::vector<std::string> lines;
    for (int i = 0; i < 330; ++i) {
        const std::string cell = "cell-" + std::to_string(i);
        auto l = life(cell, i % 7 == 0 ? 2 : 0, static_cast<std::uint64_t>(i));
        for (std::size_t k = 0; k < l.size(); ++k) lines.push_back(i % 3 == 0 && k == 3 ? l[k] : signed_line(l[k]));
    }
    lines[100] = with_wrong_signature(lines[100], lines[101]);
    lines.push_back(lines[10]);  // a replayed signed line: a duplicate
    lines.push_back("{\"not\":\"an event\"}");
    REQUIRE(lines.size() > 1024);  // three batches
    const auto one = replay(lines, &keys, 1);
    const auto two = replay(lines, &keys, 2);
    CHECK(one.counts == two.counts);
    CHECK(one.cells == two.cells);
    CHECK(same_reports(one.reports, two.reports));
    CHECK(one.counts.events_read == lines.size());
    CHECK(one.counts.duplicates == 1);
    CHECK(one.counts.invalid == 1);
    CHECK(one.counts.malformed == 1);
    CHECK(one.counts.applied == lines.size() - 3);
    CHECK(one.counts.unsigned_events == 110);
    CHECK(one.counts.signed_verified == lines.size() - 1 - 110 - 1);  // the malformed, raw and tampered lines
    CHECK(one.cells.size() == 330);
}

TEST_CASE("signed replay: a batch boundary keeps log order") {
    // The first batch is lines 1..512. One cell's events straddle it: started and an export at
    // 510-511, a failing command at 512 (the batch's last line), then at 513-515 (the next batch) a
    // succeeding command, a second export and the destroyed; at 516 a replay of line 512.
    const ct::keyring keys = ring();
    std::vector<std::string> lines;
    for (int i = 0; i < 509; ++i)
        lines.push_back(signed_line(raw("filler-" + std::to_string(i), "dns.v1.query", R"({"cellId":"f"})")));
    const std::string base = R"("cellId":"x","specId":"spec-x")";
    lines.push_back(signed_line(raw("x-1", "lifecycle.v1.started", "{" + base + "}")));                                            // 510
    lines.push_back(signed_line(raw("x-2", "export.v2.completed", "{" + base + R"(,"targetName":"first","bytesWritten":1})")));   // 511
    lines.push_back(signed_line(raw("x-3", "command.v1.completed", "{" + base + R"(,"exitCode":1})")));                           // 512
    lines.push_back(signed_line(raw("x-4", "command.v1.completed", "{" + base + R"(,"exitCode":0})")));                           // 513
    lines.push_back(signed_line(raw("x-5", "export.v2.completed", "{" + base + R"(,"targetName":"second","bytesWritten":2})")));  // 514
    lines.push_back(signed_line(raw("x-6", "lifecycle.v1.destroyed", "{" + base + R"(,"outcome":"succeeded","reason":"done"})")));  // 515
    lines.push_back(lines[511]);                                                                                                    // 516
    lines.push_back(raw("x-7", "export.v2.failed", "{" + base + R"(,"reason":"late"})"));                                     // 517
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
        CAPTURE(threads);
        const auto r = replay(lines, &keys, threads);
        CHECK(r.counts.events_read == 517);
        CHECK(r.counts.ignored == 509);
        CHECK(r.counts.duplicates == 1);
        CHECK(r.counts.applied == 7);
        CHECK(r.counts.signed_verified == 516);
        REQUIRE(r.cells.size() == 1);
        const auto& c = r.cells[0];
        CHECK(c.command_exit_code == 0);  // the later command (513) wins over 512's, and 516's replay changes nothing
        REQUIRE(c.exports.size() == 2);
        CHECK(c.exports[0].target_name == std::optional<std::string>("first"));
        CHECK(c.exports[1].target_name == std::optional<std::string>("second"));
        CHECK(c.last_error == std::optional<std::string>("late"));
        CHECK(c.destroy_reason == std::optional<std::string>("done"));
        CHECK(c.processed_events == 7);
        CHECK(c.current_state == cellos::projection_current_state::destroyed);
    }
}

TEST_CASE("signed replay: strict mode stops at the first refused line, even in a later batch") {
    const ct::keyring keys = ring();
    cj::projector_options options;
    options.strict = true;
    auto lines = signed_all(life("c1"));
    lines[1] = with_wrong_signature(lines[1], lines[2]);
    const auto r = replay(lines, &keys, 1, options);
    CHECK(r.stopped);
    CHECK(r.counts.events_read == 2);
    CHECK(r.counts.applied == 1);
    CHECK(r.counts.invalid == 1);
    REQUIRE(r.reports.size() == 1);
    CHECK(r.reports[0].line == 2);

    // A bad line at 600 (the second batch): the first batch applied, nothing after the bad line, and
    // the replay refuses lines once stopped.
    std::vector<std::string> many;
    for (int i = 0; i < 700; ++i) many.push_back(signed_line(raw("m-" + std::to_string(i), "lifecycle.v1.started",
                                                                  R"({"cellId":"m-)" + std::to_string(i) + R"("})")));
    many[599] = "{";
    cj::jsonl_projector projector(options);
    ct::signed_replay replay_many(projector, &keys, 2, 512);
    std::size_t reports = 0;
    const auto report = [&](std::size_t, const cellos::problem&) { ++reports; };
    bool went_on = true;
    for (std::size_t i = 0; i < many.size() && went_on; ++i) went_on = replay_many.line(cj::jsonl_line{i + 1, many[i], false}, report);
    if (!replay_many.stopped()) replay_many.flush(report);
    CHECK(replay_many.stopped());
    CHECK(projector.fleet().counts().events_read == 600);
    CHECK(projector.fleet().counts().applied == 599);
    CHECK(projector.fleet().counts().malformed == 1);
    CHECK(reports == 1);
    CHECK(!replay_many.line(cj::jsonl_line{701, many[0], false}, report));
    CHECK(projector.fleet().counts().events_read == 600);

    // not strict: the same stream is read to its end
    const auto all = replay(many, &keys, 2);
    CHECK(!all.stopped);
    CHECK(all.counts.events_read == 700);
    CHECK(all.counts.applied == 699);
}
