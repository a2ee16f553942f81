// tools/cellos/keyset_cmd.hpp — `cellos keyset sign|verify`: a trust keyset signed into its envelope, or a rotation chain
// verified against anchor keys, with the keyset.v1.verified / verification_failed event.
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

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "cellos/json/described.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/trust/keyset.hpp"
#include "cellos/trust/private_key_file.hpp"
#include "cellos/trust/verify_keys.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int keyset_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> keyset_usage{"sign --signers KID=FILE[,KID=FILE...] KEYSET|-", "verify --anchor KEYS.json [--threshold N] [--at TIME] [--last-version N] CHAIN|-"};
inline constexpr std::array<std::string_view, 5> keyset_options{"signers", "anchor", "threshold", "at", "last-version"};
inline constexpr std::array<std::string_view, 2> keyset_subcommands{"sign", "verify"};
inline constexpr command keyset_command{
    "keyset",
    keyset_usage,
    "sign a trust keyset / verify a keyset rotation chain",
    "sign: sign a keyset document ({\"keysetId\", \"version\", \"notBefore\", \"notAfter\", \"threshold\"?,\n"
    "\"previousDigest\"?, \"keys\": {kid: base64url}}, docs/trust.md#keysets) with each private key FILE\n"
    "under its KID; prints the signed-trust-keyset-envelope-v1.\n"
    "verify: CHAIN is one envelope or a JSON array of them, oldest first. The first is verified against the\n"
    "anchor keys (N distinct anchors must sign, default 1), each later one against the keys and threshold\n"
    "of the one before (same keysetId, increasing version, previousDigest linking them). The head must be\n"
    "valid at TIME (RFC 3339; default now) and its version not below --last-version. Prints {\"valid\",\n"
    "\"keysetId\", \"version\", \"digest\", \"links\", \"signerKids\", \"keys\", \"event\"} or {\"valid\": false,\n"
    "\"error\", \"event\"}, where event is the keyset.v1.verified / verification_failed CloudEvent.\n"
    "Exit 0 verified, 1 rejected, 2 usage / I/O.\n",
    option_spec{keyset_options, {}, {}},
    keyset_subcommands,
    keyset_run};

namespace detail {

/// The CloudEvents context of events the CLI emits: random UUIDs (Boost.Uuid), the current time.
inline json::event_context cli_event_context() {
    return {"/cellos/cli", [] { return boost::uuids::to_string(boost::uuids::random_generator()()); },
            [] {
                const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
                const auto days = std::chrono::floor<std::chrono::days>(now);
                const std::chrono::year_month_day ymd(days);
                const std::chrono::hh_mm_ss hms(now - days);
                char out[32];
                std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                              static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                              static_cast<int>(hms.seconds().count()));
                return std::string(out);
            }};
}

/// "KID=FILE,KID=FILE" → pairs; nullopt when malformed.
inline std::optional<std::vector<std::pair<std::string_view, std::string>>> parse_signers(std::string_view s) {
    std::vector<std::pair<std::string_view, std::string>> out;
    while (!s.empty()) {
        const std::size_t comma = s.find(',');
        const std::string_view item = s.substr(0, comma);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) return std::nullopt;
        out.emplace_back(item.substr(0, eq), std::string(item.substr(eq + 1)));
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
        if (s.empty()) return std::nullopt;
    }
    if (out.empty()) return std::nullopt;
    return out;
}

inline int keyset_sign(const parsed_args& p) {
    const auto signers = p.option("signers") ? parse_signers(*p.option("signers")) : std::nullopt;
    if (!signers) return fail(errc::usage, "--signers KID=FILE[,KID=FILE...] is required", help_text(keyset_command));
    std::vector<trust::ed25519_private_key> keys;
    keys.reserve(signers->size());
    for (const auto& [kid, path] : *signers) {
        auto key = trust::load_ed25519_private_key_file(path);
        if (!key) return fail(key.error());
        keys.push_back(std::move(key).value());
    }
    std::vector<trust::keyset_signer<>> by;
    for (std::size_t i = 0; i < keys.size(); ++i) by.push_back({(*signers)[i].first, keys[i]});
    const auto text = read_input(p.positionals[1], config::json_max_bytes + 1, "the keyset");
    if (!text) return fail(text.error());
    auto keyset = trust::parse_trust_keyset(text.value());
    if (!keyset) return reject(keyset.error());
    auto env = trust::sign_trust_keyset(keyset.value(), std::span<const trust::keyset_signer<>>(by));
    if (!env) return reject(env.error());
    emit(json::to_value(env.value()));
    return success;
}

inline int keyset_verify(const parsed_args& p) {
    const auto anchor_path = p.option("anchor");
    if (!anchor_path) return fail(errc::usage, "--anchor KEYS.json is required", help_text(keyset_command));
    auto options = trust::keyset_chain_options::at(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    if (const auto t = p.option("threshold")) {
        const auto n = parse_count(*t, trust::max_keyset_signatures);
        if (!n || *n == 0) return fail(errc::usage, "--threshold needs an integer in [1, 32]", help_text(keyset_command));
        options.anchor_threshold = static_cast<std::uint32_t>(*n);
    }
    if (const auto t = p.option("at")) {
        const auto ts = parse_rfc3339(*t);
        if (!ts) return fail(errc::usage, "--at needs an RFC 3339 date-time", help_text(keyset_command));
        options.now = std::chrono::sys_seconds(std::chrono::seconds(ts->unix_seconds()));
    }
    if (const auto v = p.option("last-version")) {
        const auto n = parse_count(*v, std::uint64_t{1} << 53);
        if (!n) return fail(errc::usage, "--last-version needs an integer in [0, 2^53]", help_text(keyset_command));
        options.last_accepted_version = *n;
    }
    auto anchors = trust::load_trust_verify_keys_file(std::string(*anchor_path));
    if (!anchors) return fail(anchors.error());
    const auto text = read_input(p.positionals[1], config::json_max_bytes + 1, "the keyset chain");
    if (!text) return fail(text.error());
    auto doc = json::parse_strict(text.value());
    if (!doc) return reject(doc.error());
    json::decoder d;
    checked<std::vector<signed_trust_keyset_envelope>> chain = std::vector<signed_trust_keyset_envelope>{};
    if (doc.value().is_array()) {
        chain = json::decode<std::vector<signed_trust_keyset_envelope>>(doc.value(), d);
    } else {
        auto one = json::decode<signed_trust_keyset_envelope>(doc.value(), d);
        if (one) chain.value().push_back(std::move(one).value());
        else chain = std::move(one).error();
    }
    checked<trust::verified_keyset> outcome = chain ? trust::verify_signed_trust_keyset_chain(std::span<const signed_trust_keyset_envelope>(chain.value()),
                                                                                             anchors.value(), options)
                                                    : checked<trust::verified_keyset>(chain.error());
    // The failure event names the keyset the chain claims, when its head's payload can be read at all.
    std::string claimed = "unknown";
    if (chain && !chain.value().empty())
        if (const auto raw = trust::decode_base64url(chain.value().back().payload))
            if (auto k = trust::parse_trust_keyset(std::string_view(reinterpret_cast<const char*>(raw->data()), raw->size()))) claimed = k.value().keyset_id;
    auto event = trust::keyset_outcome_event(outcome, claimed, cli_event_context());
    if (!event) return fail(event.error());
    auto event_value = json::to_value(event.value());
    if (!event_value) return fail(event_value.error());
    if (!outcome) {
        boost::json::object out{{"valid", false}, {"error", problem_object(outcome.error())}};
        out["event"] = std::move(event_value).value();
        emit(out);
        return rejected;
    }
    const trust::verified_keyset& v = outcome.value();
    boost::json::array signer_kids;
    for (const std::string& kid : v->signer_kids) signer_kids.push_back(json_string(kid));
    boost::json::object out{{"valid", true},
                            {"keysetId", json_string(v->keyset.keyset_id)},
                            {"version", v->keyset.version},
                            {"digest", json_string(v->digest)},
                            {"links", v->links},
                            {"signerKids", std::move(signer_kids)}};
    out["keys"] = trust::to_value(v->keyset).get_object().at("keys");
    out["event"] = std::move(event_value).value();
    emit(out);
    return success;
}

}  // namespace detail

inline int keyset_run(const parsed_args& p) {
    if (p.positionals.size() != 2 || (p.positionals[0] != "sign" && p.positionals[0] != "verify"))
        return fail(errc::usage, "expected: keyset sign|verify ... FILE", help_text(keyset_command));
    if (p.positionals[0] == "sign") {
        if (p.option("anchor") || p.option("threshold") || p.option("at") || p.option("last-version"))
            return fail(errc::usage, "keyset sign takes --signers only", help_text(keyset_command));
        return detail::keyset_sign(p);
    }
    if (p.option("signers")) return fail(errc::usage, "keyset verify does not take --signers", help_text(keyset_command));
    return detail::keyset_verify(p);
}

}  // namespace cellos::cli
