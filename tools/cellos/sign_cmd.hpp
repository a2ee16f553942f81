// tools/cellos/sign_cmd.hpp — `cellos sign --key FILE --kid ID [--transport] EVENT|-`: one CloudEvent signed with Ed25519
// into a signed envelope, or the transport event carrying it.
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
#include "cellos/trust/private_key_file.hpp"
#include "cellos/trust/signed_event.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int sign_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> sign_usage{"--key FILE --kid ID [--transport] EVENT|-"};
inline constexpr std::array<std::string_view, 2> sign_options{"key", "kid"};
inline constexpr std::array<std::string_view, 1> sign_flags{"transport"};
inline constexpr command sign_command{
    "sign",
    sign_usage,
    "sign a CloudEvent into a signed envelope (Ed25519)",
    "Sign one CloudEvent (strict structured JSON) with the Ed25519 private key in FILE (as written by\n"
    "keygen; refused if group or others can read it) under key id ID. Prints the signed envelope\n"
    "{\"canonicalPayloadVersion\", \"algorithm\", \"signerKid\", \"signature\", \"event\"} (docs/trust.md),\n"
    "or with --transport the CloudEvent of type dev.cellos.events.signed_envelope.v1 carrying it (same\n"
    "id and source as the signed event). Exit 0 signed, 1 event rejected, 2 usage / I/O.\n",
    option_spec{sign_options, sign_flags, {}},
    {},
    sign_run};

inline int sign_run(const parsed_args& p) {
    const auto key_path = p.option("key");
    const auto kid = p.option("kid");
    if (!key_path || !kid || p.positionals.size() != 1) return fail(errc::usage, "expected: sign --key FILE --kid ID EVENT", help_text(sign_command));
    auto key = trust::load_ed25519_private_key_file(std::string(*key_path));
    if (!key) return fail(key.error());
    const auto text = read_input(p.positionals[0], config::json_max_bytes + 1, "the event");
    if (!text) return fail(text.error());
    auto event = json::parse_cloud_event(text.value());
    if (!event) return reject(event.error());
    auto env = trust::sign_event_ed25519(event.value(), *kid, key.value());
    if (!env) return reject(env.error());
    if (p.flag("transport")) {
        auto transport = trust::to_transport_event(env.value(), event.value().id, event.value().source);
        if (!transport) return reject(transport.error());
        auto v = json::to_value(transport.value());
        if (!v) return reject(v.error());
        emit(v.value());
        return success;
    }
    auto v = trust::to_value(env.value());
    if (!v) return reject(v.error());
    emit(v.value());
    return success;
}

}  // namespace cellos::cli
