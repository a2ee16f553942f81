// cellos/trust/verify_keys.hpp — the operator's trust-key file (upstream trust_keys, SEC-25): one
// JSON object, key id → base64url of a raw 32-byte Ed25519 public key (unpadded canonical, "="
// padding tolerated). Read by the strict parser, so a repeated key id is refused rather than the
// last one silently winning. The file loader is, with the CLI, the library's only file I/O: it
// refuses symlinks (O_NOFOLLOW, as upstream) and anything but a regular file, and reads at most
// the parse limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/json_pointer.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/trusted_file.hpp"

namespace cellos::trust {

/// The keys of a parsed trust-key object (a trust-key file, or a keyset's "keys"), problems under
/// `base` (a JSON pointer). The refusals of parse_trust_verify_keys below.
[[nodiscard]] inline checked<keyring> decode_trust_verify_keys(const boost::json::value& v, std::string_view base = "") {
    if (!v.is_object()) return make_problem(errc::wrong_type, std::string(base), "trusted keys are one JSON object (key id → base64url key)");
    keyring ring;
    for (const auto& member : v.get_object()) {
        const std::string_view kid(member.key().data(), member.key().size());
        std::string pointer(base);
        cellos::detail::append_pointer_token(pointer, kid);
        if (!member.value().is_string()) return make_problem(errc::wrong_type, pointer, "a trusted key is a base64url string");
        const std::string_view text_key(member.value().get_string().data(), member.value().get_string().size());
        auto key = ed25519_public_key::from_base64url(text_key);
        if (!key) {
            problem p = std::move(key).error();
            p.pointer = pointer;
            return p;
        }
        auto added = ring.add_ed25519(std::string(kid), key.value());
        if (!added) {
            problem p = std::move(added).error();
            p.pointer = pointer;
            return p;
        }
    }
    return ring;
}

/// Parses a trust-key file's text into a keyring of Ed25519 keys. Refused: not strict JSON
/// (duplicate_key for a repeated key id), not an object, an invalid key id (kidFormat), a value
/// that is not a string, not base64url, not 32 bytes or not a canonical point encoding
/// (invalid_key). An empty object is an empty keyring (our choice: it verifies nothing).
[[nodiscard]] inline checked<keyring> parse_trust_verify_keys(std::string_view text, const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(const boost::json::value v, json::parse_strict(text, limits));
    return decode_trust_verify_keys(v);
}

/// Reads and parses a trust-key file. Refused (io_error): a path whose last component is a
/// symbolic link (symlinkRefused), anything but a regular file, a file larger than limits.max_bytes
/// (input_too_large), a read error. Directories above the file are followed: protect them with
/// permissions.
[[nodiscard]] inline checked<keyring> load_trust_verify_keys_file(const std::string& path, const json::parse_limits& limits = {}) {
    std::string text;
    BOOST_OUTCOME_TRY(detail::read_trusted_file(path, limits.max_bytes, detail::file_secrecy::public_data,
                                                [&](const char* p, std::size_t n) { text.append(p, n); }));
    return parse_trust_verify_keys(text, limits);
}

}  // namespace cellos::trust
