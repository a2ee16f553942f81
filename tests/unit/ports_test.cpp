// The ports at runtime: the noops do what docs/ports.md says (and NoopSecretBroker fails closed with
// upstream's exact message), the memory backend refuses what a real one would, provided methods
// fall back to upstream's defaults unless a type overrides them, the redacting decorator removes
// credentials without breaking the event, and the JSON Lines file sink writes readable lines, opens
// lazily, and refuses (writing nothing) what it must.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "../doctest.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jsonl_file_sink.hpp"
#include "cellos/ports.hpp"

namespace {
using namespace cellos;
namespace fs = std::filesystem;

cloud_event_v1 sample_event(std::string id = "evt-1") {
    cloud_event_v1 e;
    e.id = std::move(id);
    e.source = "/cellos/supervisor/host-1";
    e.type = "dev.cellos.events.cell.lifecycle.v1.started";
    e.time = "2026-12-08T02:00:00Z";
    e.data = json_data{R"({"cellId":"cell-1","specId":"build"})"};
    return e;
}

execution_cell_document doc_with_id(std::string id) {
    execution_cell_document doc;
    doc.spec.id = std::move(id);
    return doc;
}

template <class R>
std::string rule_of(const R& r) {
    return r ? std::string("<accepted>") : r.error().rule;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh directory per test, removed at the end.
struct temp_dir {
    fs::path path;
    temp_dir() {
        std::string tmpl = (fs::temp_directory_path() / "cellos-ports-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
};

// Types that override the provided methods.
struct bridged_backend : memory_cell_backend {
    [[nodiscard]] std::optional<checked<std::int32_t>> wait_for_in_vm_exit(std::string_view cell_id) const {
        if (cell_id == "gone") return checked<std::int32_t>(make_problem(errc::host_error, "", "vsock closed"));
        return checked<std::int32_t>(7);
    }
};
struct correlating_broker : noop_secret_broker {
    [[nodiscard]] std::optional<std::string> broker_correlation_id() const { return std::string("session-9"); }
    [[nodiscard]] checked<secret_view> lease_runtime_secret(std::string_view cell_id, const runtime_secret_lease_request& r) const {
        return secret_view(r.key, std::string(cell_id) + ":" + std::to_string(r.ttl_seconds));
    }
};
struct s3_sink : noop_export_sink {
    [[nodiscard]] std::optional<export_receipt_target_kind> target_kind() const { return export_receipt_target_kind::s3; }
    [[nodiscard]] std::optional<std::string> destination_hint(std::string_view name) const {
        return "s3://bucket/" + std::string(name);
    }
};
/// A sink that refuses everything: decorators must pass its refusal on.
struct refusing_sink {
    [[nodiscard]] checked<void> emit(const cloud_event_v1&) const {
        return make_problem(errc::event_sink_error, "", "refused", "refusingSink");
    }
};

}  // namespace

// --- noops ----------------------------------------------------------------------------------------

TEST_CASE("noop_secret_broker fails closed with upstream's message, the key Debug-quoted") {
    noop_secret_broker broker;
    const auto r = broker.resolve("DB_PASSWORD", "cell-1", 60);
    REQUIRE(!r);
    CHECK(r.error().code == errc::secret_broker_error);
    CHECK(r.error().message == R"(NoopSecretBroker: cannot resolve "DB_PASSWORD" (use MemorySecretBroker or a real broker))");
    CHECK(broker.resolve("a\"b\\c\nd\te\x01", "c", 1).error().message ==
          R"(NoopSecretBroker: cannot resolve "a\"b\\c\nd\te\u{1}" (use MemorySecretBroker or a real broker))");
    CHECK(broker.resolve("", "c", 0).error().message == R"(NoopSecretBroker: cannot resolve "" (use MemorySecretBroker or a real broker))");
    CHECK(broker.revoke_for_cell("cell-1"));
    CHECK(broker.revoke_for_cell(""));
    // the provided methods keep failing closed: a lease is a resolve by default
    const auto lease = lease_runtime_secret(broker, "cell-1", runtime_secret_lease_request{"TOKEN", 30});
    REQUIRE(!lease);
    CHECK(lease.error().code == errc::secret_broker_error);
    CHECK(lease.error().message.find(R"("TOKEN")") != std::string::npos);
    CHECK(broker_correlation_id(broker) == std::nullopt);
}

TEST_CASE("noop export sink and inference broker refuse; the event sink drops") {
    noop_export_sink exports;
    const auto pushed = exports.push("app.tar", "/out/app.tar", export_artifact_metadata{"app.tar", 3, "sha256:" + std::string(64, 'a'), {}});
    REQUIRE(!pushed);
    CHECK(pushed.error().code == errc::export_sink_error);
    CHECK(pushed.error().message == R"(NoopExportSink: cannot push "app.tar" (no export sink is configured))");
    CHECK(target_kind(exports) == std::nullopt);
    CHECK(destination_hint(exports, "app.tar") == std::nullopt);

    noop_inference_broker inference;
    const auto answered = inference.infer(inference_request{"m-1", {}, {}, {}});
    REQUIRE(!answered);
    CHECK(answered.error().code == errc::inference_broker_error);
    CHECK(rule_of(answered) == "noopInferenceBroker");

    noop_event_sink events;
    CHECK(events.emit(sample_event()));
    CHECK(events.emit(cloud_event_v1{}));  // drops even what a real sink would refuse
}

// --- provided methods -------------------------------------------------------------------------------

TEST_CASE("provided methods: upstream's default unless the type has the member") {
    memory_cell_backend plain;
    CHECK(wait_for_in_vm_exit(plain, "cell-1") == std::nullopt);
    bridged_backend bridged;
    const auto code = wait_for_in_vm_exit(bridged, "cell-1");
    REQUIRE(code.has_value());
    CHECK(code->value() == 7);
    const auto gone = wait_for_in_vm_exit(bridged, "gone");
    REQUIRE(gone.has_value());
    CHECK(gone->error().code == errc::host_error);

    correlating_broker broker;
    CHECK(broker_correlation_id(broker) == std::optional<std::string>("session-9"));
    const auto lease = lease_runtime_secret(broker, "cell-1", runtime_secret_lease_request{"TOKEN", 30});
    REQUIRE(lease);
    CHECK(lease.value().key() == "TOKEN");
    CHECK(lease.value().value() == "cell-1:30");
    CHECK(!broker.resolve("TOKEN", "cell-1", 30));  // the override is for leases only

    s3_sink sink;
    CHECK(target_kind(sink) == std::optional(export_receipt_target_kind::s3));
    CHECK(destination_hint(sink, "a.tar") == std::optional<std::string>("s3://bucket/a.tar"));
}

TEST_CASE("secret_view moves, and a moved-from view holds no value") {
    secret_view a("K", "hunter2");
    secret_view b(std::move(a));
    CHECK(b.value() == "hunter2");
    CHECK(a.value().empty());  // NOLINT(bugprone-use-after-move): the wipe is the point
    secret_view c("K2", "x");
    c = std::move(b);
    CHECK(c.key() == "K");
    CHECK(c.value() == "hunter2");
}

// --- the memory backend -------------------------------------------------------------------------------

TEST_CASE("memory_cell_backend: create, track, destroy, and the refusals") {
    memory_cell_backend backend;
    const auto empty = backend.create(doc_with_id(""));
    REQUIRE(!empty);
    CHECK(empty.error().code == errc::invalid_spec);
    CHECK(empty.error().message == "spec.id must be non-empty");
    CHECK(backend.live_count() == 0);

    const auto h = backend.create(doc_with_id("build-1"));
    REQUIRE(h);
    CHECK(h.value() == cell_handle{"build-1", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    CHECK(backend.is_live("build-1"));
    REQUIRE(backend.create(doc_with_id("build-2")));

    const auto twice = backend.create(doc_with_id("build-1"));
    REQUIRE(!twice);
    CHECK(twice.error().code == errc::host_error);
    CHECK(rule_of(twice) == "cellAlreadyLive");
    CHECK(backend.live_count() == 2);

    const auto report = backend.destroy(h.value());
    REQUIRE(report);
    CHECK(report.value() == teardown_report{"build-1", true, 1});
    CHECK(!backend.is_live("build-1"));

    const auto again = backend.destroy(h.value());
    REQUIRE(!again);
    CHECK(again.error().code == errc::host_error);
    CHECK(again.error().message == R"(memory_cell_backend: no live cell "build-1")");
    CHECK(rule_of(backend.destroy(cell_handle{"never-created"})) == "unknownCell");
    CHECK(rule_of(backend.destroy(cell_handle{})) == "unknownCell");
    CHECK(backend.live_count() == 1);
    // a destroyed id may be created again
    CHECK(backend.create(doc_with_id("build-1")));
}

// --- the memory sink and the redacting decorator -------------------------------------------------------

TEST_CASE("memory_event_sink keeps every event in order") {
    memory_event_sink sink;
    REQUIRE(sink.emit(sample_event("a")));
    REQUIRE(sink.emit(sample_event("b")));
    REQUIRE(sink.events.size() == 2);
    CHECK(sink.events[0].id == "a");
    CHECK(sink.events[1].id == "b");
}

TEST_CASE("redacting_sink removes URL credentials before the inner sink sees the event") {
    redacting_sink<memory_event_sink> sink{memory_event_sink{}};
    auto e = sample_event();
    e.source = "https://svc:pw@example.com/cellos";
    e.subject = "nats://user:pass@nats.internal:4222";
    e.data = json_data{R"({"error":"dial nats://user:s3cret@nats.internal:4222 failed","https://k:v@h/":1,"n":[1,"a@b"]})"};
    e.extensions.set("upstream", "redis://:pw@cache:6379/0");
    e.extensions.set("retries", std::int32_t{3});
    REQUIRE(sink.emit(e));
    REQUIRE(sink.inner().events.size() == 1);
    const cloud_event_v1& out = sink.inner().events[0];
    CHECK(out.source == "https://example.com/cellos");
    REQUIRE(out.subject.has_value());
    CHECK(out.subject->find("pass") == std::string::npos);
    const auto& data = std::get<json_data>(out.data).json;
    CHECK(data == R"({"error":"dial nats://nats.internal:4222 failed","https://h/":1,"n":[1,"a@b"]})");
    CHECK(json::parse_json_data(std::get<json_data>(out.data)));  // still one JSON value
    const auto* upstream = out.extensions.find("upstream");
    REQUIRE(upstream != nullptr);
    CHECK(std::get<std::string>(*upstream).find("pw") == std::string::npos);
    CHECK(*out.extensions.find("retries") == extension_value(std::int32_t{3}));
    CHECK(out.id == e.id);
    CHECK(out.type == e.type);
    CHECK(out.time == e.time);
    CHECK(json::to_text(out));  // still a valid event

    auto t = sample_event();
    t.data = text_data{"connect https://u:p@db.example.com:5432 refused"};
    REQUIRE(sink.emit(t));
    CHECK(std::get<text_data>(sink.inner().events.back().data).text == "connect https://db.example.com:5432 refused");

    auto b = sample_event();
    b.data = binary_data{{std::byte{'@'}}};
    REQUIRE(sink.emit(b));
    CHECK(sink.inner().events.back().data == b.data);  // bytes are not text: kept
}

TEST_CASE("redacting_sink refuses escaped JSON strings that could hide credentials") {
    redacting_sink<memory_event_sink> sink{memory_event_sink{}};
    for (const std::string_view data : {R"({"e":"nats:\/\/u:p@h"})", R"({"e":"nats://u:p\u0040h"})", R"({"e":"x\nnats://u:p\u0040h"})",
                                        R"({"e\n@":1})"}) {
        auto e = sample_event();
        e.data = json_data{std::string(data)};
        const auto r = sink.emit(e);
        REQUIRE(!r);
        CHECK(r.error().code == errc::event_sink_error);
        CHECK(rule_of(r) == "redactEscapedString");
    }
    CHECK(sink.inner().events.empty());
    auto kept = sample_event();
    kept.data = json_data{R"({"e":"line\nbreak","q":"\"quoted\""})"};
    REQUIRE(sink.emit(kept));
    CHECK(sink.inner().events.back().data == kept.data);
    // unterminated or odd text never throws; not JSON is the encoder's business, not the redactor's
    for (const std::string_view junk : {"\"", "\"\\", "\"abc", "{\"a\":\"b\\", ""}) {
        auto e = sample_event();
        e.data = json_data{std::string(junk)};
        CHECK_NOTHROW((void)sink.emit(e));
    }
}

TEST_CASE("redacting_sink passes the inner sink's refusal on") {
    redacting_sink<refusing_sink> sink{refusing_sink{}};
    CHECK(rule_of(sink.emit(sample_event())) == "refusingSink");
}

// --- the JSON Lines file sink -----------------------------------------------------------------------------

TEST_CASE("jsonl_file_sink: lazy open, 0600, one compact line per event, read back by the strict reader") {
    temp_dir dir;
    const fs::path file = dir.path / "events.jsonl";
    json::jsonl_file_sink sink(file.string());
    CHECK(!sink.is_open());
    CHECK(!fs::exists(file));  // nothing until the first emit
    REQUIRE(sink.emit(sample_event("e-1")));
    CHECK(sink.is_open());
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(sink.emit(sample_event("e-2")));

    const std::string text = read_all(file);
    CHECK(text == json::to_text(sample_event("e-1")).value() + "\n" + json::to_text(sample_event("e-2")).value() + "\n");
    const auto lines = json::parse_cloud_event_jsonl(text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].event.value() == sample_event("e-1"));
    CHECK(lines[1].event.value() == sample_event("e-2"));

    // appends to what is there; a moved sink keeps its descriptor
    json::jsonl_file_sink moved(std::move(sink));
    REQUIRE(moved.emit(sample_event("e-3")));
    json::jsonl_file_sink reopened(file.string());
    REQUIRE(reopened.emit(sample_event("e-4")));
    CHECK(json::parse_cloud_event_jsonl(read_all(file)).size() == 4);
}

TEST_CASE("jsonl_file_sink: an event over 1 MiB is refused before any byte is written") {
    temp_dir dir;
    const fs::path file = dir.path / "events.jsonl";
    json::jsonl_file_sink sink(file.string());
    auto big = sample_event();
    big.data = json_data{R"({"blob":")" + std::string(json::jsonl_sink_max_event_bytes, 'x') + R"("})"};
    const auto r = sink.emit(big);
    REQUIRE(!r);
    CHECK(r.error().code == errc::event_sink_error);
    CHECK(rule_of(r) == "eventTooLarge");
    CHECK(!fs::exists(file));  // not even opened

    REQUIRE(sink.emit(sample_event()));
    const auto before = fs::file_size(file);
    CHECK(rule_of(sink.emit(big)) == "eventTooLarge");
    CHECK(fs::file_size(file) == before);

    // the limit is on the line without its newline: exactly at the limit is written
    auto edge = sample_event();
    const std::size_t overhead = json::to_text(edge).value().size() - std::get<json_data>(edge.data).json.size();
    const std::string head = R"({"blob":")";
    edge.data = json_data{head + std::string(json::jsonl_sink_max_event_bytes - overhead - head.size() - 2, 'y') + R"("})"};
    REQUIRE(json::to_text(edge).value().size() == json::jsonl_sink_max_event_bytes);
    CHECK(sink.emit(edge));
    edge.data = json_data{head + std::string(json::jsonl_sink_max_event_bytes - overhead - head.size() - 1, 'y') + R"("})"};
    CHECK(rule_of(sink.emit(edge)) == "eventTooLarge");
}

TEST_CASE("jsonl_file_sink: bad input and bad places are refused without exceptions") {
    temp_dir dir;
    const fs::path file = dir.path / "events.jsonl";
    json::jsonl_file_sink sink(file.string());
    cloud_event_v1 invalid;  // no id, source, type
    const auto r = sink.emit(invalid);
    REQUIRE(!r);
    CHECK(r.error().code == errc::empty_attribute);  // the encoder's own refusal
    CHECK(!fs::exists(file));

    fs::create_symlink(dir.path / "target.jsonl", dir.path / "link.jsonl");
    json::jsonl_file_sink via_link((dir.path / "link.jsonl").string());
    const auto l = via_link.emit(sample_event());
    REQUIRE(!l);
    CHECK(l.error().code == errc::event_sink_error);
    CHECK(l.error().message.starts_with("jsonl sink: cannot open "));
    CHECK(!fs::exists(dir.path / "target.jsonl"));  // never through the link

    json::jsonl_file_sink nowhere((dir.path / "missing" / "events.jsonl").string());
    CHECK(rule_of(nowhere.emit(sample_event())) == "sinkIo");
    json::jsonl_file_sink a_dir(dir.path.string());
    CHECK(rule_of(a_dir.emit(sample_event())) == "sinkIo");
}

TEST_CASE("jsonl_file_sink: ENOSPC is reported as \"sink full: \"") {
    if (::access("/dev/full", W_OK) != 0) {
        MESSAGE("SKIP: /dev/full is not writable here");
        return;
    }
    json::jsonl_file_sink sink("/dev/full");
    const auto r = sink.emit(sample_event());
    REQUIRE(!r);
    CHECK(r.error().code == errc::event_sink_error);
    CHECK(r.error().message.starts_with("sink full: "));
    CHECK(rule_of(r) == "sinkFull");
    CHECK(rule_of(sink.emit(sample_event())) == "sinkFull");  // and again, without a crash
}
