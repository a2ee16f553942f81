// cellos/trust/trusted_file.hpp — the one way the trust plane reads a file (key files, keyring
// files): never through a symbolic link (O_NOFOLLOW, as upstream's trust_keys), only a regular
// file, at most `max_bytes` whatever the system reports, bytes handed to a sink so a secret can go
// straight into a wiping buffer. With the CLI, this is the library's only file I/O.
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cellos/problem.hpp"

namespace cellos::trust::detail {

/// Who may read the file: anyone (public keys) or its owner only (private keys: like ssh, a key
/// file that group or others can read is refused, since it may already have leaked).
enum class file_secrecy { public_data, owner_only };

/// Reads `path` into `append(const char*, std::size_t)`. Refused (io_error): a symlink as last
/// component (symlinkRefused), not a regular file (regularFile), a private file with group/other
/// permissions (privateKeyPermissions), a read error; input_too_large past `max_bytes`.
template <class Append>
[[nodiscard]] checked<void> read_trusted_file(const std::string& path, std::size_t max_bytes, file_secrecy secrecy, Append&& append) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        if (err == ELOOP) return make_problem(errc::io_error, "", "refusing " + path + ": it is a symbolic link", "symlinkRefused");
        return make_problem(errc::io_error, "", "cannot open " + path + ": " + std::strerror(err));
    }
    struct closer {
        int fd;
        ~closer() { ::close(fd); }
    } guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return make_problem(errc::io_error, "", "refusing " + path + ": not a regular file", "regularFile");
    if (secrecy == file_secrecy::owner_only && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return make_problem(errc::io_error, "", "refusing " + path + ": a private key file must not be accessible to group or others (chmod 600)",
                            "privateKeyPermissions");
    std::size_t total = 0;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return make_problem(errc::io_error, "", "cannot read " + path + ": " + std::strerror(errno));
        }
        if (n == 0) break;
        if (total + static_cast<std::size_t>(n) > max_bytes) {
            std::memset(buf, 0, sizeof buf);
            return make_problem(errc::input_too_large, "", path + " is larger than " + std::to_string(max_bytes) + " bytes");
        }
        append(static_cast<const char*>(buf), static_cast<std::size_t>(n));
        total += static_cast<std::size_t>(n);
    }
    // The stack buffer may hold a secret: wipe it (volatile, so the store is not optimised away).
    for (volatile char& c : buf) c = 0;
    return boost::outcome_v2::success();
}

}  // namespace cellos::trust::detail
