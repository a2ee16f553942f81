// cellos/trust/private_key_file.hpp — an Ed25519 private key on disk, for `cellos keygen` / `sign`.
// Format (our choice): the unpadded base64url of the 32-byte RFC 8032 seed, optionally followed by
// one newline — not JSON, because a JSON parser copies strings into memory nobody wipes; here the
// text and the seed only ever live in wiping buffers (SecByteBlock). Written 0600, never over an
// existing file, never through a symlink; read only if group and others cannot access it.
#pragma once

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cryptopp/secblock.h>

#include "cellos/grammar/base64.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/trusted_file.hpp"

namespace cellos::trust {

/// Longest private key file read: 43 characters of base64url and a newline, with room for "\r\n".
inline constexpr std::size_t max_private_key_file_bytes = 64;

/// Reads an Ed25519 private key file. Refused: the trusted-file checks (symlink, not regular,
/// group/other access: privateKeyPermissions, larger than 64 bytes), then invalid_key when the text
/// is not the base64url of 32 bytes (the message never quotes the file).
[[nodiscard]] inline checked<ed25519_private_key> load_ed25519_private_key_file(const std::string& path) {
    CryptoPP::SecByteBlock text(max_private_key_file_bytes);
    std::size_t size = 0;
    BOOST_OUTCOME_TRY(detail::read_trusted_file(path, max_private_key_file_bytes, detail::file_secrecy::owner_only,
                                                [&](const char* p, std::size_t n) {
                                                    std::memcpy(text.data() + size, p, n);
                                                    size += n;
                                                }));
    std::string_view body(reinterpret_cast<const char*>(text.data()), size);
    if (body.ends_with('\n')) body.remove_suffix(1);
    if (body.ends_with('\r')) body.remove_suffix(1);
    auto key = ed25519_private_key::from_base64url(body);
    if (!key) return make_problem(errc::invalid_key, "", path + " is not an Ed25519 private key file (base64url of a 32-byte seed)", "privateKeyFile");
    return key;
}

/// Writes `key` to a new file `path` (mode 0600, whatever the umask). Refused (io_error): an
/// existing path, symlink or not (keyFileExists); any write error, after which the partial file is
/// removed.
[[nodiscard]] inline checked<void> write_ed25519_private_key_file(const std::string& path, const ed25519_private_key& key) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST) return make_problem(errc::io_error, "", "refusing to overwrite " + path, "keyFileExists");
        return make_problem(errc::io_error, "", "cannot create " + path + ": " + std::strerror(err));
    }
    CryptoPP::SecByteBlock text(max_private_key_file_bytes);
    std::size_t size = 0;
    encode_base64_body(std::as_bytes(key.seed()), base64_alphabet::url, base64_padding::optional,
                       [&](char c) { text[size++] = static_cast<CryptoPP::byte>(c); });
    text[size++] = '\n';
    const auto fail = [&](int err) {
        ::close(fd);
        ::unlink(path.c_str());
        return make_problem(errc::io_error, "", "cannot write " + path + ": " + std::strerror(err));
    };
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) return fail(errno);
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd, text.data() + done, size - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(path.c_str());
        return make_problem(errc::io_error, "", "cannot write " + path + ": " + std::strerror(err));
    }
    return boost::outcome_v2::success();
}

}  // namespace cellos::trust
