// tools/cellos/demo_job.hpp — the main job of `cellos demo`, end to end: the admitted build cell runs
// through the generic supervisor (examples/supervisor.hpp) on the in-memory backend, its typed
// authority a type parameter; every event it emits is redacted, signed (a fresh Ed25519 key) and
// appended to a JSON Lines log; the log is then replayed through the state projector with every
// signature verified, and the cell's final state comes out of the replay. Nothing is canned: each
// figure printed is computed by this run.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "admission_io.hpp"
#include "cellos/json/jsonl_file_sink.hpp"
#include "cellos/json/projection.hpp"
#include "cellos/ports.hpp"
#include "cellos/trust/signed_replay.hpp"
#include "cellos/trust/signing_sink.hpp"
#include "cli.hpp"
#include "demo_data.hpp"
#include "supervisor.hpp"

namespace cellos::cli {

/// What the main job did, for the human summary and the JSON lines.
struct demo_job_result {
    std::string cell_id;
    std::string authority_type;
    std::string log_path;
    std::string kid;
    std::vector<std::string> event_types;  ///< in emission order
    std::vector<problem> problems;         ///< from the supervisor and the replay
    projection_counts counts;
    std::optional<cell_state_snapshot> snapshot;
    [[nodiscard]] bool ok() const {
        return problems.empty() && snapshot && counts.signed_verified == counts.events_read && counts.applied == counts.events_read;
    }
};

/// A fresh directory under $TMPDIR (or /tmp) for the log: the demo writes nothing else anywhere.
inline checked<std::string> demo_log_dir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/cellos-demo-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr)
        return make_problem(errc::io_error, "", "cannot create a directory for the demo log: " + std::string(std::strerror(errno)));
    return pattern;
}

template <class Authority>
demo_job_result run_demo_job(const demo_data& data, const Authority& authority) {
    demo_job_result out;
    out.authority_type = std::string(type_spelling<Authority>());
    int code = 0;
    const auto doc = load_demo<execution_cell_document>(data, "admission/build_cell.json", code);
    if (!doc) {
        out.problems.push_back(make_problem(errc::invalid_spec, "", "the bundled build cell does not load"));
        return out;
    }
    out.cell_id = doc->spec.id;

    // A fresh signing key: the replay below trusts exactly this key and nothing else.
    auto key = trust::generate_ed25519_key();
    auto pub = key ? trust::ed25519_public_key_of(key.value()) : checked<trust::ed25519_public_key>(key.error());
    auto dir = demo_log_dir();
    if (!key || !pub || !dir) {
        out.problems.push_back(!key ? key.error() : !pub ? pub.error() : dir.error());
        return out;
    }
    out.kid = "demo-supervisor";
    out.log_path = dir.value() + "/events.jsonl";

    {  // the run: its sink chain is closed (and the log flushed) at the end of this block
        redacting_sink<trust::signing_sink<json::jsonl_file_sink>> sink{
            trust::signing_sink<json::jsonl_file_sink>(json::jsonl_file_sink(out.log_path), out.kid, std::move(key).value())};
        // The order redact -> sign -> write: the log holds no credential, and every line verifies.
        struct recording_sink {
            decltype(sink)& inner;
            std::vector<std::string>& types;
            checked<void> emit(const cloud_event_v1& e) {
                types.push_back(e.type);
                return inner.emit(e);
            }
        } recorder{sink, out.event_types};
        memory_cell_backend backend;
        memory_secret_broker secrets;
        for (const auto& ref : doc->spec.authority.secret_refs) secrets.put(ref, "demo-value-of-" + ref);
        supervisor::receipt_export_sink exports;
        int counter = 0;
        json::event_context ctx{"/cellos/supervisor/demo-host",
                                [&counter] {
                                    char uuid[40];
                                    std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", ++counter);
                                    return std::string(uuid);
                                },
                                [&counter] { return "2026-12-08T12:00:" + std::string(counter < 10 ? "0" : "") + std::to_string(counter) + "Z"; }};
        supervisor::cell_supervisor<Authority, memory_cell_backend, recording_sink, memory_secret_broker, supervisor::receipt_export_sink>
            sup(backend, recorder, secrets, exports, std::move(ctx));
        // The in-memory backend starts no process: the workload's exit status is the host path's, 0.
        const auto problems = sup.run(admit_cell(doc->spec, doc->spec.id, authority, "run-1"), doc.value(), [] { return 0; });
        out.problems.insert(out.problems.end(), problems.begin(), problems.end());
    }

    // The replay: only this run's key is trusted, and every event must be signed.
    trust::keyring keys;
    if (auto added = keys.add_ed25519(out.kid, pub.value()); !added) out.problems.push_back(added.error());
    json::projector_options options;
    options.require_signed = true;
    json::jsonl_projector projector(options);
    trust::signed_replay replay(projector, &keys);
    json::jsonl_splitter split(options.max_line_bytes);
    const auto report = [&](std::size_t line, const problem& p) {
        problem at = p;
        at.message = "log line " + std::to_string(line) + ": " + at.message;
        out.problems.push_back(std::move(at));
    };
    const std::string why = for_each_chunk(out.log_path, [&](std::string_view chunk) {
        split.feed(chunk, [&](const json::jsonl_line& l) { replay.line(l, report); });
        return true;
    });
    if (!why.empty()) out.problems.push_back(make_problem(errc::io_error, "", "cannot read " + out.log_path + ": " + why));
    split.finish([&](const json::jsonl_line& l) { replay.line(l, report); });
    replay.flush(report);
    out.counts = projector.fleet().counts();
    if (const auto* state = projector.fleet().find(out.cell_id)) out.snapshot = cell_state_projection::snapshot_of(*state);
    return out;
}

}  // namespace cellos::cli
