// tools/cellos/event_cmd.hpp — `cellos event validate [--jsonl] [--envelope-only] FILE|-`: CloudEvents
// v1.0 in structured JSON mode, strictly (cellos/json/cloud_event.hpp), then each event's `data` as
// the CellOS payload its `type` names (json::decode_event_payload), one verdict per event, with the
// contract of cli.hpp. A document that cannot be read as events at all (not JSON, limits, neither
// an object nor an array) is one boundary error ({"valid": false, "error": …}); otherwise every
// event gets its own verdict and the first rejection is repeated as the top-level "error". Memory
// and output stay bounded: rejected verdicts past --max-violations are counted, not kept, and JSON
// Lines are streamed (json::jsonl_splitter), one line in memory at a time.
#pragma once

#include <array>
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/parse.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int event_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> event_usage{"validate [--envelope-only] [--max-violations N] FILE|-", "validate --jsonl [--envelope-only] [--max-violations N] [--allow-empty] FILE|-"};
inline constexpr std::array<std::string_view, 1> event_options{"max-violations"};
inline constexpr std::array<std::string_view, 3> event_flags{"jsonl", "envelope-only", "allow-empty"};
inline constexpr std::array<std::string_view, 1> event_subcommands{"validate"};
inline constexpr command event_command{
    "event",
    event_usage,
    "CloudEvents v1.0 (event, batch or JSON Lines) and each typed payload",
    "Validate CloudEvents v1.0 in structured JSON mode, strictly (docs/events.md). FILE (- for stdin)\n"
    "holds one event (a JSON object: application/cloudevents+json) or a batch (a JSON array:\n"
    "application/cloudevents-batch+json), told apart by the top-level value. Each valid envelope's data\n"
    "is then decoded strictly as the CellOS payload its type names (errors under /data); a type outside\n"
    "the CellOS vocabulary is rejected with unknown_event_type. --envelope-only checks the envelope\n"
    "alone (any type, any data).\n"
    "Prints {\"valid\", \"mode\", \"count\", \"rejected\", \"truncated\", \"events\"}, one verdict per event:\n"
    "{\"valid\": true, \"id\", \"source\", \"type\"} or {\"valid\": false, \"error\": {\"code\", \"path\",\n"
    "\"message\"}}, plus \"index\" (batch); the first rejection is also the top-level \"error\". Past\n"
    "--max-violations N rejected events (default 100) the rest are counted, not listed.\n"
    "--jsonl streams JSON Lines (one event per line, blank lines skipped): one verdict line per event\n"
    "as it is read ({\"line\", \"valid\", ...}; rejected ones up to --max-violations), then a summary\n"
    "line {\"valid\", \"mode\": \"jsonl\", \"count\", \"rejected\", \"blank\", \"truncated\"}. A stream\n"
    "without any event is rejected (empty_input) unless --allow-empty.\n"
    "Exit 0 all valid, 1 any rejected, 2 usage / I/O.\n",
    option_spec{event_options, event_flags, {}},
    event_subcommands,
    event_run};

namespace detail {

/// What is checked of each event: the envelope always, the payload unless --envelope-only.
struct event_checks {
    bool payload = true;
};

/// The verdict on one event, after `head` (its "line" or "index"). `base` is the event's pointer
/// in the document ("/i" in a batch), so payload problems point into the document like envelope
/// ones do.
inline boost::json::object event_verdict(boost::json::object head, const checked<cellos::cloud_event_v1>& r,
                                         event_checks checks, std::string_view base = {}) {
    const auto rejected = [&](const problem& p) {
        head["valid"] = false;
        head["error"] = problem_object(p);
        return std::move(head);
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
    head["valid"] = true;
    head["id"] = json_string(e.id);
    head["source"] = json_string(e.source);
    head["type"] = json_string(e.type);
    return head;
}

/// Counts verdicts and keeps the first rejection; past `cap` rejections it says to stop listing them.
struct event_tally {
    std::size_t cap;
    std::size_t count = 0;
    std::size_t rejected = 0;
    boost::json::value first_error{};

    /// Whether the verdict should be listed.
    bool add(const boost::json::object& verdict) {
        ++count;
        if (verdict.at("valid").as_bool()) return true;
        if (rejected++ == 0) first_error = verdict.at("error");
        return rejected <= cap;
    }
    /// The report's head; `blank`: the blank lines a JSON Lines stream skipped.
    [[nodiscard]] boost::json::object summary(std::string_view mode, std::optional<std::size_t> blank = {}) const {
        boost::json::object out{{"valid", rejected == 0}, {"mode", json_string(mode)}, {"count", count},
                                {"rejected", rejected}, {"truncated", rejected > cap}};
        if (blank) out["blank"] = *blank;
        if (rejected != 0) out["error"] = first_error;
        return out;
    }
};

/// One event or a batch: one report object (at most `cap` rejected verdicts listed).
inline int validate_document(std::string_view path, event_checks checks, std::size_t cap) {
    const auto text = read_input(path);
    if (!text) return fail(text.error());
    auto document = json::parse_strict(text.value());
    if (!document) return reject(document.error());
    const boost::json::value& v = document.value();
    event_tally tally{cap};
    boost::json::array verdicts;
    if (v.is_array()) {  // decoded one element at a time: memory follows the verdicts kept, not the batch
        json::decoder d;
        for (const boost::json::value& element : v.get_array()) {
            const std::size_t i = tally.count;
            json::decoder::scope at(d, i);
            auto verdict = event_verdict({{"index", i}}, json::decode<cellos::cloud_event_v1>(element, d), checks,
                                         "/" + std::to_string(i));
            if (tally.add(verdict)) verdicts.push_back(std::move(verdict));
        }
    } else if (v.is_object()) {
        json::decoder d;
        auto verdict = event_verdict({}, json::decode<cellos::cloud_event_v1>(v, d), checks);
        if (tally.add(verdict)) verdicts.push_back(std::move(verdict));
    } else {
        return reject(make_problem(errc::wrong_type, "",
                                   "expected an object (one CloudEvent) or an array (a batch), found " +
                                       std::string(json::detail::kind_name(v))));
    }
    boost::json::object out = tally.summary(v.is_array() ? "batch" : "event");
    out["events"] = std::move(verdicts);
    emit(out);
    return tally.rejected == 0 ? success : rejected;
}

/// JSON Lines, streamed: memory is one line, each verdict is printed as its line is read.
inline int validate_jsonl(std::string_view path, event_checks checks, std::size_t cap, bool allow_empty) {
    json::jsonl_splitter split;
    event_tally tally{cap};
    const auto on_line = [&](const json::jsonl_line& l) {
        auto verdict = event_verdict({{"line", l.number}}, json::parse_cloud_event_line(l), checks);
        if (tally.add(verdict)) emit(verdict);
    };
    const std::string why = for_each_chunk(path, [&](std::string_view chunk) {
        split.feed(chunk, on_line);
        return true;
    });
    if (!why.empty()) return fail(errc::io_error, "cannot read " + std::string(path) + ": " + why);
    split.finish(on_line);
    boost::json::object out = tally.summary("jsonl", split.blank());
    if (tally.count == 0 && !allow_empty) {
        out["valid"] = false;
        out["error"] = problem_object(make_problem(errc::empty_input, "", "no event in the stream (--allow-empty accepts that)"));
        emit(out);
        return rejected;
    }
    emit(out);
    return tally.rejected == 0 ? success : rejected;
}

}  // namespace detail

inline int event_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(event_command));
    if (p.positionals.size() != 2 || p.positionals[0] != "validate")
        return fail(errc::usage, "expected: event validate [--jsonl] [--envelope-only] FILE", help_text(event_command));
    if (p.flag("allow-empty") && !p.flag("jsonl")) return fail(errc::usage, "--allow-empty applies to --jsonl only", help_text(event_command));
    const detail::event_checks checks{!p.flag("envelope-only")};
    if (p.flag("jsonl")) return detail::validate_jsonl(p.positionals[1], checks, *cap, p.flag("allow-empty"));
    return detail::validate_document(p.positionals[1], checks, *cap);
}

}  // namespace cellos::cli
