// tools/cellos/verify_cmd.hpp — `cellos verify --keys KEYS [--jsonl] FILE|-`: signed envelopes or transport events against
// a trust-key file; JSON Lines verified in parallel batches (trust::map_parallel), reported in order.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/trust/batch.hpp"
#include "cellos/trust/signed_event.hpp"
#include "cellos/trust/verify_keys.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int verify_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> verify_usage{"--keys KEYS.json [--max-violations N] ENVELOPE|-", "--keys KEYS.json --jsonl [--max-violations N] [--allow-empty] LOG|-"};
inline constexpr std::array<std::string_view, 2> verify_options{"keys", "max-violations"};
inline constexpr std::array<std::string_view, 2> verify_flags{"jsonl", "allow-empty"};
inline constexpr command verify_command{
    "verify",
    verify_usage,
    "verify signed envelopes / transport events (JSON Lines streamed)",
    "Verify signed events against the Ed25519 keys of a trust-key file (JSON object: key id -> base64url\n"
    "key). Each input is a signed envelope or a transport CloudEvent (dev.cellos.events.signed_envelope.v1)\n"
    "carrying one, told apart by \"specversion\". Prints {\"valid\": true, \"kid\", \"algorithm\",\n"
    "\"event\": {\"id\", \"source\", \"type\"}} or {\"valid\": false, \"error\"}.\n"
    "--jsonl streams JSON Lines (blank lines skipped): one verdict line per line read ({\"line\", ...};\n"
    "rejected ones up to --max-violations, default 100), then a summary {\"valid\", \"mode\": \"jsonl\",\n"
    "\"count\", \"rejected\", \"blank\", \"truncated\"}. An empty stream is rejected (empty_input) unless\n"
    "--allow-empty. Exit 0 all verified, 1 any rejected, 2 usage / I/O.\n",
    option_spec{verify_options, verify_flags, {}},
    {},
    verify_run};

namespace detail {

/// One signed envelope or transport event's text, verified: its verdict object after `head`.
inline boost::json::object verify_verdict(boost::json::object head, std::string_view text, const trust::keyring& keys) {
    const auto rejected = [&](const problem& p) {
        head["valid"] = false;
        head["error"] = problem_object(p);
        return std::move(head);
    };
    auto received = trust::parse_received_envelope(text);
    if (!received) return rejected(received.error());
    const trust::signed_event_envelope_v1& env = received.value().envelope;
    if (auto verified = trust::verify_signed_event_envelope(env, keys); !verified) {
        problem p = std::move(verified).error();
        p.pointer.insert(0, received.value().base);
        return rejected(p);
    }
    const cellos::cloud_event_v1& e = env.event;
    head["valid"] = true;
    head["kid"] = json_string(env.signer_kid);
    head["algorithm"] = json_string(to_wire(env.algorithm));
    head["event"] = boost::json::object{{"id", json_string(e.id)}, {"source", json_string(e.source)}, {"type", json_string(e.type)}};
    return head;
}

}  // namespace detail

inline int verify_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(verify_command));
    const auto keys_path = p.option("keys");
    if (!keys_path || p.positionals.size() != 1) return fail(errc::usage, "expected: verify --keys KEYS.json ENVELOPE", help_text(verify_command));
    if (p.flag("allow-empty") && !p.flag("jsonl")) return fail(errc::usage, "--allow-empty applies to --jsonl only", help_text(verify_command));
    auto keys = trust::load_trust_verify_keys_file(std::string(*keys_path));
    if (!keys) return fail(keys.error());
    if (!p.flag("jsonl")) {
        const auto text = read_input(p.positionals[0], config::json_max_bytes + 1, "the envelope");
        if (!text) return fail(text.error());
        const auto verdict = detail::verify_verdict({}, text.value(), keys.value());
        emit(verdict);
        return verdict.at("valid").as_bool() ? success : rejected;
    }
    // Lines are verified in batches spread over the cores (trust::map_parallel) and reported in
    // order; a batch holds at most 256 lines or 4 MiB, so memory stays bounded.
    json::jsonl_splitter split;
    std::size_t count = 0, rejected_count = 0;
    boost::json::value first_error;
    std::vector<std::pair<std::size_t, std::string>> pending;  // line number, text ("" when too long)
    std::vector<bool> too_long;
    std::size_t pending_bytes = 0;
    const auto flush = [&] {
        const auto verdicts = trust::map_parallel(pending.size(), [&](std::size_t i) -> checked<boost::json::object> {
            boost::json::object head{{"line", pending[i].first}};
            if (too_long[i]) {
                head["valid"] = false;
                head["error"] = problem_object(make_problem(errc::input_too_large, "", "line longer than the document limit"));
                return head;
            }
            return detail::verify_verdict(std::move(head), pending[i].second, keys.value());
        });
        for (std::size_t i = 0; i < verdicts.size(); ++i) {
            ++count;
            const boost::json::object verdict = verdicts[i] ? verdicts[i].value()
                                                            : boost::json::object{{"line", pending[i].first}, {"valid", false},
                                                                                  {"error", problem_object(verdicts[i].error())}};
            if (verdict.at("valid").as_bool()) {
                emit(verdict);
                continue;
            }
            if (rejected_count++ == 0) first_error = verdict.at("error");
            if (rejected_count <= *cap) emit(verdict);
        }
        pending.clear();
        too_long.clear();
        pending_bytes = 0;
    };
    const auto on_line = [&](const json::jsonl_line& l) {
        pending.emplace_back(l.number, std::string(l.text));
        too_long.push_back(l.too_long);
        pending_bytes += l.text.size();
        if (pending.size() >= 256 || pending_bytes >= (std::size_t{4} << 20)) flush();
    };
    const std::string why = for_each_chunk(p.positionals[0], [&](std::string_view chunk) {
        split.feed(chunk, on_line);
        return true;
    });
    if (!why.empty()) return fail(errc::io_error, "cannot read " + std::string(p.positionals[0]) + ": " + why);
    split.finish(on_line);
    flush();
    boost::json::object out{{"valid", rejected_count == 0}, {"mode", "jsonl"}, {"count", count}, {"rejected", rejected_count},
                            {"blank", split.blank()}, {"truncated", rejected_count > *cap}};
    if (rejected_count != 0) out["error"] = first_error;
    if (count == 0 && !p.flag("allow-empty")) {
        out["valid"] = false;
        out["error"] = problem_object(make_problem(errc::empty_input, "", "no envelope in the stream (--allow-empty accepts that)"));
        emit(out);
        return rejected;
    }
    emit(out);
    return rejected_count == 0 ? success : rejected;
}

}  // namespace cellos::cli
