// cellos/trust/verify_keys.hpp — the operator's trust-key file (upstream trust_keys, SEC-25): one
// JSON object, key id → base64url of a raw 32-byte Ed25519 public key (unpadded canonical, "="
// padding tolerated). Read by the strict parser, so a repeated key id is refused rather than the
// last one silently winning. The file loader is, with the CLI, the library's only file I/O: it
// refuses symlinks (O_NOFOLLOW, as upstream) and anything but a regular file, and reads at most
// the parse limit.
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/json_pointer.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/keys.hpp"

namespace cellos::trust {

/// Parses a trust-key file's text into a keyring of Ed25519 keys. Refused: not strict JSON
/// (duplicate_key for a repeated key id), not an object, an invalid key id (kidFormat), a value
/// that is not a string, not base64url, not 32 bytes or not a canonical point encoding
/// (invalid_key). An empty object is an empty keyring (our choice: it verifies nothing).
[[nodiscard]] inline checked<keyring> parse_trust_verify_keys(std::string_view text, const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(const boost::json::value v, json::parse_strict(text, limits));
    if (!v.is_object()) return make_problem(errc::wrong_type, "", "a trust-key file is one JSON object (key id → base64url key)");
    keyring ring;
    for (const auto& member : v.get_object()) {
        const std::string_view kid(member.key().data(), member.key().size());
        std::string pointer;
        cellos::detail::append_pointer_token(pointer, kid);
        if (!member.value().is_string())
            return make_problem(errc::wrong_type, pointer, "a trusted key is a base64url string");
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

/// Reads and parses a trust-key file. Refused (io_error): a path whose last component is a
/// symbolic link (symlinkRefused), anything but a regular file, a file larger than limits.max_bytes
/// (input_too_large), a read error. Directories above the file are followed: protect them with
/// permissions.
[[nodiscard]] inline checked<keyring> load_trust_verify_keys_file(const std::string& path, const json::parse_limits& limits = {}) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        if (err == ELOOP)
            return make_problem(errc::io_error, "", "refusing " + path + ": it is a symbolic link", "symlinkRefused");
        return make_problem(errc::io_error, "", "cannot open " + path + ": " + std::strerror(err));
    }
    struct closer {
        int fd;
        ~closer() { ::close(fd); }
    } guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return make_problem(errc::io_error, "", "refusing " + path + ": not a regular file", "regularFile");
    std::string text;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return make_problem(errc::io_error, "", "cannot read " + path + ": " + std::strerror(errno));
        }
        if (n == 0) break;
        if (text.size() + static_cast<std::size_t>(n) > limits.max_bytes)
            return make_problem(errc::input_too_large, "", path + " is larger than " + std::to_string(limits.max_bytes) + " bytes");
        text.append(buf, static_cast<std::size_t>(n));
    }
    return parse_trust_verify_keys(text, limits);
}

}  // namespace cellos::trust
