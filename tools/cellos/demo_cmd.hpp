// tools/cellos/demo_cmd.hpp — `cellos demo`: the README's main job. A tour of the authority kernel on
// the bundled example documents (examples/data/authority/tour.json), admission (examples/data/
// admission), then the main job (demo_job.hpp): the admitted cell runs on the in-memory backend, its
// events signed into a JSON Lines log that is replayed through the projector with verification.
// Prints a short human summary and the final snapshot; --json prints every step as JSON Lines.
// Exit 0 when every verdict matches and the replay verified and applied every event, 1 otherwise.
#pragma once

#include <array>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <boost/json/value_from.hpp>

#include "authority_cmd.hpp"
#include "demo_admission.hpp"
#include "demo_data.hpp"
#include "demo_job.hpp"
#include "cellos/json.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int demo_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> demo_usage{"[--json] [--data DIR]"};
inline constexpr std::array<std::string_view, 1> demo_options{"data"};
inline constexpr std::array<std::string_view, 1> demo_flags{"json"};
inline constexpr command demo_command{
    "demo",
    demo_usage,
    "the main job end to end: authority, admission, a cell's run, its signed log replayed",
    "CellOS end to end on the bundled examples (a copy of examples/data compiled into cellos, or the\n"
    "same layout under DIR), without network: the typed-authority tour, admission (spec, policy pack,\n"
    "RBAC), then the admitted cell runs through the generic supervisor on the in-memory backend; each\n"
    "event is redacted, signed with a fresh Ed25519 key and appended to a JSON Lines log under $TMPDIR;\n"
    "the log is replayed through the state projector, every signature verified, and the cell's final\n"
    "state printed. Prints a short summary and the final snapshot (JSON); --json prints every step as\n"
    "JSON Lines instead. Exit 0 when every verdict matches and every event verified and applied.\n",
    option_spec{demo_options, demo_flags, {}},
    {},
    demo_run};

struct tour_entry {
    std::string file;
    cellos::authority_kind authority_kind;
    std::string expect;  ///< "valid" or an errc name
    std::string note;
};

}  // namespace cellos::cli

namespace cellos::json {
inline checked<cli::tour_entry> tag_invoke(decode_tag<cli::tour_entry>, const boost::json::value& v, decoder& d) {
    BOOST_OUTCOME_TRY(auto o, object_reader::open(v, d, {"file", "kind", "expect", "note"}));
    cli::tour_entry e;
    BOOST_OUTCOME_TRY(e.file, o.required<std::string>("file"));
    BOOST_OUTCOME_TRY(e.authority_kind, o.required<cellos::authority_kind>("kind"));
    BOOST_OUTCOME_TRY(e.expect, o.required<std::string>("expect"));
    BOOST_OUTCOME_TRY(e.note, o.required<std::string>("note"));
    return e;
}
}  // namespace cellos::json

namespace cellos::cli {

/// The typed authorities the tour keeps for its type-level steps.
struct tour_state {
    std::optional<any_authority<authority_kind::observed>> sni;
    std::optional<any_authority<authority_kind::observed>> aligned;
    std::optional<any_authority<authority_kind::declared>> guest;
};

inline void keep(tour_state& st, const tour_entry& e, const json::any_kind_authority& a) {
    std::visit(
        [&](const auto& typed) {
            using A = std::decay_t<decltype(typed)>;
            if constexpr (A::authority_kind == authority_kind::observed) {
                if (e.file == "observed_sni.json") st.sni = typed;
                if (e.file == "observed_aligned.json") st.aligned = typed;
            } else if constexpr (A::authority_kind == authority_kind::declared) {
                st.guest = typed;
            }
        },
        a);
}

/// Type-level steps: explicit weakening, non-inflating derivation, the guest-event gate.
inline int typed_steps(const tour_state& st) {
    int failures = 0;
    if (!st.sni || !st.aligned || !st.guest) {
        emit(boost::json::object{{"step", "typed"}, {"ok", false}, {"message", "tour data lacks observed_sni / observed_aligned / a declared authority"}});
        return 1;
    }
    std::visit(
        [&](const auto& sni, const auto& aligned) {
            using S = std::decay_t<decltype(sni)>;
            using L = std::decay_t<decltype(aligned)>;
            boost::json::object step{{"step", "derive"},
                                     {"inputs", boost::json::array{boost::json::string(type_spelling<S>()),
                                                                   boost::json::string(type_spelling<L>())}}};
            // Generic code asks the type system whether a step is admissible for these types.
            if constexpr (requires { aligned.template weaken<1>(); }) {
                const auto weaker = aligned.template weaken<1>();
                if constexpr (requires { derive<authority_kind::observed, 1>(sni, weaker); }) {
                    const auto derived = derive<authority_kind::observed, 1>(sni, weaker);
                    step["weakened"] = type_spelling<std::decay_t<decltype(weaker)>>();
                    step["result"] = type_spelling<std::decay_t<decltype(derived)>>();
                    step["output"] = boost::json::value_from(derived.output());
                    const bool valid = !validate_as(authority_kind::observed, derived.derivation());
                    step["revalidated"] = valid;
                    step["ok"] = valid;
                    failures += valid ? 0 : 1;
                }
            }
            if (!step.contains("ok")) {
                step["ok"] = false;
                step["message"] = "weaken<1> / derive<observed, 1> is not admissible for these inputs";
                ++failures;
            }
            emit(step);
        },
        *st.sni, *st.aligned);
    std::visit(
        [&](const auto& declared) {
            auto event = guest_event_builder<>("cell-abc123", "process_spawned").with_authority(declared).build();
            emit(boost::json::object{{"step", "guest_event"},
                                     {"note", "guest_event_builder accepts only Declared authority (compile-time gate)"},
                                     {"event", boost::json::value_from(event)},
                                     {"ok", true}});
        },
        *st.guest);
    return failures;
}

/// The main job's lines for --json: one per event, the replay, the snapshot.
inline int emit_job(const demo_job_result& job, int& step) {
    for (const std::string& type : job.event_types)
        emit(boost::json::object{{"step", ++step}, {"job", "event"}, {"type", json_string(type)}, {"ok", true}});
    boost::json::array problems;
    for (const problem& p : job.problems) problems.push_back(problem_object(p));
    emit(boost::json::object{{"step", ++step},
                             {"job", "replay"},
                             {"log", json_string(job.log_path)},
                             {"kid", json_string(job.kid)},
                             {"linesRead", job.counts.events_read},
                             {"signedVerified", job.counts.signed_verified},
                             {"applied", job.counts.applied},
                             {"rejected", job.counts.malformed + job.counts.invalid},
                             {"problems", std::move(problems)},
                             {"ok", job.ok()}});
    emit(boost::json::object{{"step", ++step},
                             {"job", "snapshot"},
                             {"authority", json_string(job.authority_type)},
                             {"snapshot", job.snapshot ? boost::json::value(json::snapshot_to_value(*job.snapshot)) : boost::json::value(nullptr)},
                             {"ok", job.snapshot.has_value()}});
    return job.ok() ? 0 : 1;
}

/// The short human summary of a demo run.
inline void print_summary(int authority_documents, int authority_failures, int admission_steps_done, int admission_failures,
                          const demo_job_result& job) {
    const auto short_type = [](std::string_view t) { return t.substr(std::string_view(cellos::cell_event_type_prefix).size() * t.starts_with(cellos::cell_event_type_prefix)); };
    std::string events;
    for (const std::string& t : job.event_types) events += (events.empty() ? "" : ", ") + std::string(short_type(t));
    std::cout << "cellos demo: CellOS end to end on the bundled examples\n\n";
    std::cout << "  authority   " << authority_documents << " documents, " << (authority_documents - authority_failures)
              << " decided as the tour expects; a derivation and the guest-event gate checked by type\n";
    std::cout << "  admission   " << admission_steps_done << " steps (spec, policy pack, RBAC), " << (admission_steps_done - admission_failures)
              << " as expected\n";
    std::cout << "  run         " << job.cell_id << " as cell<Stage, " << job.authority_type << ">\n"
              << "              on the in-memory backend: " << events << "\n";
    std::cout << "  signed      " << job.event_types.size() << " events, Ed25519 key \"" << job.kid << "\", redacted first\n"
              << "              log " << job.log_path << "\n";
    std::cout << "  replayed    " << job.counts.events_read << " lines: " << job.counts.signed_verified << " signatures verified, "
              << job.counts.applied << " applied, " << job.counts.duplicates << " duplicates, " << (job.counts.malformed + job.counts.invalid)
              << " rejected\n";
    if (job.snapshot)
        std::cout << "  state       " << to_wire(job.snapshot->current_state) << " (lifecycle " << to_wire(job.snapshot->lifecycle_stage)
                  << ", identity " << to_wire(job.snapshot->identity_stage) << ", export " << to_wire(job.snapshot->export_stage)
                  << ", exit code " << (job.snapshot->command_exit_code ? std::to_string(*job.snapshot->command_exit_code) : "none") << ")\n";
    for (const problem& p : job.problems) std::cout << "  problem     " << p.code_name() << ": " << p.message << "\n";
    std::cout << "\nfinal snapshot:\n";
    emit(job.snapshot ? boost::json::value(json::snapshot_to_value(*job.snapshot)) : boost::json::value(nullptr));
}

inline int demo_run(const parsed_args& p) {
    if (!p.positionals.empty()) return fail(errc::usage, "demo takes no positional arguments", help_text(demo_command));
    const bool as_json = p.flag("json");
    const auto dir = p.option("data");
    const demo_data data(dir ? std::optional<std::filesystem::path>(std::string(*dir)) : std::nullopt);
    const auto manifest_text = data.read("authority/tour.json");
    if (!manifest_text) return fail(manifest_text.error());
    auto manifest = json::parse_strict(manifest_text.value());
    if (!manifest) return reject(manifest.error());
    json::decoder d;
    auto entries = json::decode<std::vector<tour_entry>>(manifest.value(), d);
    if (!entries) return reject(entries.error());

    // Without --json the step lines are kept from stdout and only counted; the summary replaces them.
    std::ostringstream kept;
    std::streambuf* const stdout_buffer = as_json ? nullptr : std::cout.rdbuf(kept.rdbuf());
    struct restore {
        std::streambuf* buffer;
        ~restore() {
            if (buffer != nullptr) std::cout.rdbuf(buffer);
        }
    } restore_stdout{stdout_buffer};

    int failures = 0, step = 0;
    tour_state state;
    for (const tour_entry& e : entries.value()) {
        ++step;
        boost::json::object line{{"step", step}, {"file", e.file}, {"kind", boost::json::value_from(e.authority_kind)},
                                 {"note", e.note}, {"expect", e.expect}};
        const auto text = data.read("authority/" + e.file);
        if (!text) return fail(text.error());
        auto parsed = json::parse_authority(e.authority_kind, text.value());
        std::string verdict;
        if (parsed) {
            verdict = "valid";
            line["result"] = std::visit([](const auto& typed) { return describe(typed); }, parsed.value());
            keep(state, e, parsed.value());
        } else {
            verdict = std::string(parsed.error().code_name());
            line["result"] = boost::json::object{{"valid", false},
                                                 {"error", error_object(verdict, parsed.error().pointer, parsed.error().message)}};
        }
        line["ok"] = verdict == e.expect;
        failures += verdict == e.expect ? 0 : 1;
        emit(line);
    }
    failures += typed_steps(state);
    const int authority_documents = step;
    const int authority_failures = failures;
    failures += admission_steps(data, step);
    const int admission_steps_done = step - authority_documents;
    const int admission_failures = failures - authority_failures;
    std::optional<demo_job_result> job;
    if (state.sni) job = std::visit([&](const auto& observed) { return run_demo_job(data, observed); }, *state.sni);
    else emit(boost::json::object{{"step", ++step}, {"job", "run"}, {"ok", false}, {"message", "the tour kept no observed authority"}});
    const int job_steps_start = step;
    if (job) failures += emit_job(*job, step);
    else ++failures;
    emit(boost::json::object{{"demo", "authority+admission+main job"}, {"documents", authority_documents},
                             {"admissionSteps", admission_steps_done}, {"jobSteps", step - job_steps_start}, {"failures", failures}});
    if (!as_json) {
        std::cout.rdbuf(stdout_buffer);
        restore_stdout.buffer = nullptr;
        if (job) print_summary(authority_documents, authority_failures, admission_steps_done, admission_failures, *job);
        std::cout << "\ndemo: " << (failures == 0 ? "ok" : "FAILED") << " (" << failures << " failures; --json shows every step)\n";
    }
    return failures == 0 ? success : rejected;
}

}  // namespace cellos::cli
