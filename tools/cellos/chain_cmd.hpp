// tools/cellos/chain_cmd.hpp — `cellos chain verify --keys KEYS.json [--expect HOST=SEQ[:DIGEST]]...
// [--max-violations N] LOG.jsonl|-`: the offline audit of a cross-host chain log
// (cellos/trust/cross_host_chain.hpp, docs/trust_chain.md) with the contract of cli.hpp. The log is
// JSON Lines, streamed (json::jsonl_splitter: one line in memory) into the streaming verifier (one
// head per host), so memory does not grow with the log. Each line is a transport CloudEvent
// (dev.cellos.events.signed_envelope.v1, what the supervisor emits) or a bare envelope object (what
// an archive stores), told apart by the CloudEvents `specversion` member (our choice).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/trust/cross_host_chain.hpp"
#include "cellos/trust/signed_event.hpp"
#include "cellos/trust/verify_keys.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int chain_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> chain_usage{
    "verify --keys KEYS.json [--expect HOST=SEQ[:DIGEST]]... [--max-violations N] LOG.jsonl|-"};
inline constexpr std::array<std::string_view, 2> chain_options{"keys", "max-violations"};
inline constexpr std::array<std::string_view, 1> chain_repeatable{"expect"};
inline constexpr std::array<std::string_view, 1> chain_subcommands{"verify"};
inline constexpr command chain_command{
    "chain",
    chain_usage,
    "audit a cross-host chain log (per-host gaps, forks, tampering, signers)",
    "Audit a cross-host chain log offline (docs/trust_chain.md). LOG (- for stdin) is JSON Lines, one\n"
    "signed chain entry per line: a transport CloudEvent of type dev.cellos.events.signed_envelope.v1 or\n"
    "a bare signed envelope object (told apart by a \"specversion\" member); blank lines are skipped.\n"
    "KEYS.json is a trust-key file (key id -> base64url Ed25519 public key). Every host's chain must\n"
    "start at seq 0, be signed by a trusted key, and link each entry to the digest of the one before;\n"
    "dropped, reordered, forked and tampered entries and foreign signers are refused. --expect HOST=SEQ\n"
    "(repeatable) requires HOST's chain to reach at least SEQ (else chain_gap: truncated); with :DIGEST\n"
    "the entry at SEQ must have that digest (64 lowercase hex, else chain_fork).\n"
    "Prints one JSON object: {\"valid\", \"count\", \"blank\", \"hosts\": [{\"hostId\", \"headSeq\",\n"
    "\"headDigest\", \"entries\", \"duplicates\"}]} when valid; otherwise {\"valid\": false, \"count\",\n"
    "\"blank\", \"error\" (the first), \"violations\" (each {\"code\", \"path\", \"message\", \"rule\", \"line\"};\n"
    "paths point into the line), \"total\", \"truncated\"}. Past --max-violations N (default 100) the rest\n"
    "are counted, not listed. A log without any entry is rejected (empty_input).\n"
    "Exit 0 valid, 1 rejected, 2 usage / I/O (including an unreadable or invalid KEYS.json).\n",
    option_spec{chain_options, {}, chain_repeatable},
    chain_subcommands,
    chain_run};

namespace detail {

/// `HOST=SEQ` or `HOST=SEQ:DIGEST` (split at the last '=': a host id may hold one).
[[nodiscard]] inline std::optional<std::pair<std::string, trust::expected_head>> parse_expectation(std::string_view s) {
    const std::size_t eq = s.rfind('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string host(s.substr(0, eq));
    std::string_view rest = s.substr(eq + 1);
    trust::expected_head head;
    if (const std::size_t colon = rest.find(':'); colon != std::string_view::npos) {
        head.digest = std::string(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
        if (!trust::is_chain_digest(*head.digest)) return std::nullopt;
    }
    const auto seq = parse_count(rest, trust::max_signed_integer);
    if (!seq || !trust::is_host_id(host)) return std::nullopt;
    head.seq = *seq;
    return std::pair{host, std::move(head)};
}

/// One log line as a received envelope (trust::parse_received_envelope).
[[nodiscard]] inline checked<trust::received_envelope> chain_line_envelope(const json::jsonl_line& l) {
    if (l.too_long)
        return make_problem(errc::input_too_large, "", "line " + std::to_string(l.number) + " is longer than the limit of " +
                                                           std::to_string(config::json_max_bytes) + " bytes");
    return trust::parse_received_envelope(l.text);
}

inline int verify_chain_log(std::string_view path, const trust::keyring& keys, trust::cross_host_chain_options options,
                            std::size_t cap) {
    auto created = trust::cross_host_chain_verifier<trust::keyring>::create(keys, std::move(options));
    if (!created) return fail(errc::usage, created.error().message, help_text(chain_command));
    trust::cross_host_chain_verifier<trust::keyring> verifier = std::move(created).value();
    problem_list found(cap);  // every violation counted, at most `cap` kept
    std::vector<std::size_t> lines;  // the line of each kept violation
    std::optional<problem> first;
    std::size_t count = 0;
    const auto violation = [&](problem p, std::size_t line) {
        if (!first) first = p;
        if (!found.full()) lines.push_back(line);
        found.push_back(std::move(p));
    };
    json::jsonl_splitter split;
    const auto on_line = [&](const json::jsonl_line& l) {
        ++count;
        auto received = chain_line_envelope(l);
        if (!received) return violation(std::move(received).error(), l.number);
        auto fed = verifier.feed(received.value().envelope, received.value().base);
        if (!fed) violation(std::move(fed).error(), l.number);
    };
    const std::string why = for_each_chunk(path, [&](std::string_view chunk) {
        split.feed(chunk, on_line);
        return true;
    });
    if (!why.empty()) return fail(errc::io_error, "cannot read " + std::string(path) + ": " + why);
    split.finish(on_line);
    if (count == 0) violation(make_problem(errc::empty_input, "", "no entry in the log"), 0);
    if (found.empty()) {
        if (auto verified = verifier.finish()) {
            boost::json::array hosts;
            for (const trust::host_chain_head& h : verified.value().hosts())
                hosts.push_back(boost::json::object{{"hostId", boost::json::string(h.host_id.data(), h.host_id.size())},
                                                    {"headSeq", h.head_seq},
                                                    {"headDigest", boost::json::string(h.head_digest.data(), h.head_digest.size())},
                                                    {"entries", h.entries},
                                                    {"duplicates", h.duplicates}});
            emit(boost::json::object{{"valid", true}, {"count", count}, {"blank", split.blank()}, {"hosts", std::move(hosts)}});
            return success;
        }
    }
    for (problem& p : verifier.unmet_expectations()) violation(std::move(p), 0);
    boost::json::object out{{"valid", false}, {"count", count}, {"blank", split.blank()}};
    if (first) out["error"] = problem_object(*first);
    boost::json::array listed;
    for (std::size_t i = 0; i < found.size(); ++i) {
        boost::json::object o = problem_object(found[i]);
        if (lines[i] != 0) o["line"] = lines[i];
        listed.push_back(std::move(o));
    }
    out["violations"] = std::move(listed);
    out["total"] = found.total();
    out["truncated"] = found.truncated();
    emit(out);
    return rejected;
}

}  // namespace detail

inline int chain_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(chain_command));
    if (p.positionals.size() != 2) return fail(errc::usage, "expected: chain verify --keys KEYS.json LOG.jsonl", help_text(chain_command));
    const auto keys_path = p.option("keys");
    if (!keys_path) return fail(errc::usage, "--keys KEYS.json is required", help_text(chain_command));
    trust::cross_host_chain_options options;
    for (const std::string_view e : p.values("expect")) {
        auto parsed = detail::parse_expectation(e);
        if (!parsed)
            return fail(errc::usage, "--expect needs HOST=SEQ or HOST=SEQ:DIGEST (64 lowercase hex): " + std::string(e),
                        help_text(chain_command));
        if (!options.expected_heads.emplace(std::move(parsed->first), std::move(parsed->second)).second)
            return fail(errc::usage, "--expect names one host twice: " + std::string(e), help_text(chain_command));
    }
    const auto keys = trust::load_trust_verify_keys_file(std::string(*keys_path));
    if (!keys) return fail(keys.error());
    return detail::verify_chain_log(p.positionals[1], keys.value(), std::move(options), *cap);
}


}  // namespace cellos::cli
