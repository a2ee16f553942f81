// tools/cellos/demo_lifecycle.hpp — the lifecycle part of `cellos demo`: the bundled build cell
// walks its stages as type-state (each call below exists only at the right stage), and every
// event a step yields is printed as the CloudEvent the supervisor would emit. Ids and time come
// from deterministic generators, so the demo's output is reproducible.
#pragma once

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "admission_io.hpp"
#include "cellos/json/events.hpp"
#include "cellos/lifecycle.hpp"
#include "cli.hpp"
#include "demo_data.hpp"

namespace cellos::cli {

/// Prints one CloudEvent per yielded payload; returns the number of failures.
template <class Declared>
int lifecycle_steps(const demo_data& data, const Declared& declared, int& step) {
    int code = 0;
    const auto spec = load_demo<execution_cell_document>(data, "admission/build_cell.json", code);
    if (!spec) return 1;
    int counter = 0;
    const json::event_context ctx{"/cellos/supervisor/demo-host",
                                  [&] {
                                      char uuid[40];
                                      std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", ++counter);
                                      return std::string(uuid);
                                  },
                                  [&] { return "2026-11-28T12:00:" + std::string(counter < 10 ? "0" : "") + std::to_string(counter) + "Z"; }};
    int failures = 0;
    const auto print = [&](std::string_view from, std::string_view to, const auto& payload) {
        auto event = json::to_cloud_event(payload, ctx);
        boost::json::object line{{"step", ++step}, {"transition", std::string(from) + " -> " + std::string(to)}};
        if (event) {
            auto v = json::to_value(event.value());
            line["event"] = v ? std::move(v).value() : boost::json::value(nullptr);
            line["ok"] = v.has_value();
            failures += v ? 0 : 1;
        } else {
            line["ok"] = false;
            line["error"] = error_object(event.error().code_name(), event.error().pointer, event.error().message);
            ++failures;
        }
        emit(line);
    };
    // Every call is checked against the transition table at compile time: reorder two lines and
    // this file stops compiling (docs/lifecycle.md).
    auto secrets = admit_cell(spec->spec, "cell-demo-1", declared, "run-1").scope_network().resolve_secrets();
    auto [started, e1] = std::move(secrets).start();
    print("secretsResolved", "started", e1);
    auto [completed, e2] = std::move(started).complete_command(0, 84250);
    print("started", "commandCompleted", e2);
    const export_receipt receipt{export_receipt_target_kind::s3, "s3://acme-releases/service/service.tar.gz",
                                 {"service.tar.gz", 18734112, "sha256:" + std::string(64, '7'), std::string("application/gzip")}};
    auto [exported, e3] = std::move(completed).export_artifacts({receipt});
    for (const auto& e : e3) print("commandCompleted", "exported", e);
    auto [destroyed, e4] = std::move(exported).destroy(cellos::lifecycle_destroy_outcome::succeeded, cellos::lifecycle_terminal_state::clean);
    print("exported", "destroyed", e4);
    auto [revoked, e5] = std::move(destroyed).revoke();
    print("destroyed", "revoked", e5);
    static_assert(is_terminal(decltype(revoked)::stage));
    return failures;
}

}  // namespace cellos::cli
