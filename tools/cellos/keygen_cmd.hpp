// tools/cellos/keygen_cmd.hpp — `cellos keygen --kid ID --out FILE`: a new Ed25519 key pair; the private key file is
// written by cellos/trust/private_key_file.hpp (0600, never over an existing path).
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

#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/private_key_file.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int keygen_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> keygen_usage{"--kid ID --out FILE"};
inline constexpr std::array<std::string_view, 2> keygen_options{"kid", "out"};
inline constexpr command keygen_command{
    "keygen",
    keygen_usage,
    "a new Ed25519 key pair (private key file 0600)",
    "Generate an Ed25519 key pair. The private key (base64url of its 32-byte seed) is written to FILE,\n"
    "created with mode 0600; an existing FILE (or symlink) is never overwritten. Prints the public key\n"
    "as a trust-key file entry, {\"ID\": \"<base64url key>\"}, ready for --keys / --anchor.\n"
    "Exit 0 written, 2 usage / I/O.\n",
    option_spec{keygen_options, {}, {}},
    {},
    keygen_run};

inline int keygen_run(const parsed_args& p) {
    const auto kid = p.option("kid");
    const auto out = p.option("out");
    if (!kid || !out || !p.positionals.empty()) return fail(errc::usage, "expected: keygen --kid ID --out FILE", help_text(keygen_command));
    if (!trust::is_kid(*kid)) return fail(errc::usage, "a key id is 1 to 128 bytes of printable UTF-8", help_text(keygen_command));
    auto key = trust::generate_ed25519_key();
    if (!key) return fail(key.error());
    auto pub = trust::ed25519_public_key_of(key.value());
    if (!pub) return fail(pub.error());
    if (auto w = trust::write_ed25519_private_key_file(std::string(*out), key.value()); !w) return fail(w.error());
    boost::json::object entry;
    entry[boost::json::string_view(kid->data(), kid->size())] = json_string(pub.value().to_base64url());
    emit(entry);
    return success;
}

}  // namespace cellos::cli
