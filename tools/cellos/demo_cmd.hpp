// tools/cellos/demo_cmd.hpp — `cellos demo`: a tour of the authority kernel on the bundled example
// documents (examples/data/authority/tour.json), then admission (examples/data/admission), then a
// cell's lifecycle with the CloudEvents it emits, printed as JSON Lines. Exit 0 when every document
// got the verdict the tour expects, 1 otherwise.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <boost/json/value_from.hpp>

#include "authority_cmd.hpp"
#include "demo_admission.hpp"
#include "demo_data.hpp"
#include "demo_lifecycle.hpp"
#include "cellos/json.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int demo_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> demo_usage{"[--data DIR]"};
inline constexpr std::array<std::string_view, 1> demo_options{"data"};
inline constexpr command demo_command{
    "demo",
    demo_usage,
    "tour of the kernel, admission and lifecycle on bundled examples",
    "Tour of the typed-authority kernel, admission (specs, policy packs, RBAC) and a cell's lifecycle\n"
    "with its CloudEvents, on the bundled examples: a copy of examples/data compiled into cellos, or\n"
    "the same layout under DIR.\n"
    "Prints one JSON object per step;\n"
    "exit 0 when every verdict matches the tour.\n",
    option_spec{demo_options, {}, {}},
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

inline int demo_run(const parsed_args& p) {
    if (!p.positionals.empty()) return fail(errc::usage, "demo takes no positional arguments", help_text(demo_command));
    const auto dir = p.option("data");
    const demo_data data(dir ? std::optional<std::filesystem::path>(std::string(*dir)) : std::nullopt);
    const auto manifest_text = data.read("authority/tour.json");
    if (!manifest_text) return fail(manifest_text.error());
    auto manifest = json::parse_strict(manifest_text.value());
    if (!manifest) return reject(manifest.error());
    json::decoder d;
    auto entries = json::decode<std::vector<tour_entry>>(manifest.value(), d);
    if (!entries) return reject(entries.error());

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
    failures += admission_steps(data, step);
    const int admission_steps_done = step - authority_documents;
    if (state.guest) failures += std::visit([&](const auto& declared) { return lifecycle_steps(data, declared, step); }, *state.guest);
    emit(boost::json::object{{"demo", "authority+admission+lifecycle"}, {"documents", authority_documents},
                             {"admissionSteps", admission_steps_done},
                             {"lifecycleSteps", step - authority_documents - admission_steps_done}, {"failures", failures}});
    return failures == 0 ? success : rejected;
}

}  // namespace cellos::cli
