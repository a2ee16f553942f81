// tools/cellos/event_cmd.hpp — `cellos event validate [--jsonl] [--envelope-only] FILE|-`: CloudEvents
// v1.0 in structured JSON mode, strictly (cellos/json/cloud_event.hpp), then each event's `data` as
// the CellOS payload its `type` names (json::decode_event_payload), one verdict per event, with the
// contract of cli.hpp. A document that cannot be read as events at all (not JSON, limits, neither
// an object nor an array) is one boundary error ({"valid": false, "error": …}); otherwise every
// event gets its own verdict and the first rejection is repeated as the top-level "error".
#pragma once

#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/parse.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline constexpr std::string_view event_help =
    "usage: cellos event validate [--envelope-only] FILE|-\n"
    "       cellos event validate --jsonl [--envelope-only] FILE|-\n"
    "\n"
    "Validate CloudEvents v1.0 in structured JSON mode, strictly (docs/events.md). FILE (- for stdin)\n"
    "holds one event (a JSON object: application/cloudevents+json) or a batch (a JSON array:\n"
    "application/cloudevents-batch+json), told apart by the top-level value; with --jsonl, one event\n"
    "per line (JSON Lines). Each valid envelope's data is then decoded strictly as the CellOS payload\n"
    "its type names (errors under /data); a type outside the CellOS vocabulary is rejected with\n"
    "unknown_event_type. --envelope-only checks the envelope alone (any type, any data).\n"
    "Prints {\"valid\", \"mode\", \"count\", \"rejected\", \"events\"}, one verdict per event:\n"
    "{\"valid\": true, \"id\", \"source\", \"type\"} or {\"valid\": false, \"error\": {\"code\", \"path\",\n"
    "\"message\"}}, plus \"index\" (batch) or \"line\" (--jsonl); the first rejection is also the top-level\n"
    "\"error\". Exit 0 all valid, 1 any rejected, 2 usage / I/O.\n";

namespace detail {

inline boost::json::string event_string(std::string_view s) { return boost::json::string(s.data(), s.size()); }

/// What is checked of each event: the envelope always, the payload unless --envelope-only.
struct event_checks {
    bool payload = true;
};

/// The verdict on one event. `base` is the event's pointer in the document ("/i" in a batch), so
/// payload problems point into the document like envelope ones do.
inline boost::json::object event_verdict(const checked<cellos::cloud_event_v1>& r, event_checks checks, std::string_view base = {}) {
    const auto rejected = [](const problem& p) {
        return boost::json::object{{"valid", false}, {"error", error_object(p.code_name(), p.pointer, p.message)}};
    };
    if (!r) return rejected(r.error());
    const cellos::cloud_event_v1& e = r.value();
    if (checks.payload) {
        if (auto payload = json::decode_event_payload(e); !payload) {
            problem p = std::move(payload).error();
            p.pointer.insert(0, base);
            return rejected(p);
        }
    }
    return {{"valid", true}, {"id", event_string(e.id)}, {"source", event_string(e.source)}, {"type", event_string(e.type)}};
}

/// Prints the report of `verdicts` (each already carrying its "index"/"line") and returns the exit code.
inline int report(std::string_view mode, boost::json::array verdicts) {
    std::size_t rejected_count = 0;
    const boost::json::value* first_error = nullptr;
    for (const boost::json::value& v : verdicts) {
        if (v.as_object().at("valid").as_bool()) continue;
        ++rejected_count;
        if (first_error == nullptr) first_error = &v.as_object().at("error");
    }
    boost::json::object out{{"valid", rejected_count == 0},
                            {"mode", event_string(mode)},
                            {"count", verdicts.size()},
                            {"rejected", rejected_count}};
    if (first_error != nullptr) out["error"] = *first_error;
    out["events"] = std::move(verdicts);
    emit(out);
    return rejected_count == 0 ? success : rejected;
}

}  // namespace detail

inline int event_command(args a) {
    // --jsonl and --envelope-only are flags; parse_args knows only valued options
    std::vector<std::string_view> rest;
    bool jsonl = false, envelope_only = false;
    for (std::string_view s : a) {
        bool* flag = s == "--jsonl" ? &jsonl : s == "--envelope-only" ? &envelope_only : nullptr;
        if (flag == nullptr) {
            rest.push_back(s);
            continue;
        }
        if (*flag) return fail(errc::usage, "option " + std::string(s) + " given twice", event_help);
        *flag = true;
    }
    const parsed_args p = parse_args(rest, {});
    if (p.help) {
        std::cout << event_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, event_help);
    if (p.positionals.size() != 2 || p.positionals[0] != "validate")
        return fail(errc::usage, "expected: event validate [--jsonl] [--envelope-only] FILE", event_help);
    // JSON Lines: each line has the document limit, the stream as a whole is read entirely (streaming
    // it with constant memory is tracked separately); one document: at most the limit + 1.
    const auto text = jsonl ? read_input(p.positionals[1], std::string::npos) : read_input(p.positionals[1]);
    if (!text) return fail(errc::io_error, "cannot read " + std::string(p.positionals[1]));
    const detail::event_checks checks{!envelope_only};

    boost::json::array verdicts;
    if (jsonl) {
        for (const json::cloud_event_line& l : json::parse_cloud_event_jsonl(*text)) {
            boost::json::object v = detail::event_verdict(l.event, checks);
            v["line"] = l.line;
            verdicts.push_back(std::move(v));
        }
        return detail::report("jsonl", std::move(verdicts));
    }
    // one event or a batch, by the top-level value (parsed once to tell them apart)
    auto document = json::parse_strict(*text);
    if (!document) return reject(document.error());
    if (document.value().is_array()) {
        auto batch = json::decode_cloud_event_batch(document.value());
        if (!batch) return reject(batch.error());
        std::size_t i = 0;
        for (const auto& r : batch.value()) {
            boost::json::object v = detail::event_verdict(r, checks, "/" + std::to_string(i));
            v["index"] = i++;
            verdicts.push_back(std::move(v));
        }
        return detail::report("batch", std::move(verdicts));
    }
    if (!document.value().is_object())
        return reject(make_problem(errc::wrong_type, "",
                                   "expected an object (one CloudEvent) or an array (a batch), found " +
                                       std::string(json::detail::kind_name(document.value()))));
    json::decoder d;
    verdicts.push_back(detail::event_verdict(json::decode<cellos::cloud_event_v1>(document.value(), d), checks));
    return detail::report("event", std::move(verdicts));
}

}  // namespace cellos::cli
