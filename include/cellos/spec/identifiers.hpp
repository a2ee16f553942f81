// cellos/spec/identifiers.hpp — the string shapes a supervisor may safely put into paths, cgroup
// names, NATS subjects and logs. Upstream's two confirmed predicates (portable identifier, sha256
// digest) plus the ones our validator adds; all constexpr, shared by the compile-time and the
// JSON-boundary checks.
#pragma once

#include <cstddef>
#include <string_view>

#include "cellos/detail/ascii.hpp"

namespace cellos {

inline constexpr std::size_t portable_identifier_max_bytes = 128;


/// Upstream `is_portable_identifier`: non-empty, first char ASCII alphanumeric, ≤ 128 bytes, no
/// "..", the rest ASCII alphanumeric or . _ -
[[nodiscard]] constexpr bool is_portable_identifier(std::string_view s) noexcept {
    if (s.empty() || s.size() > portable_identifier_max_bytes || !detail::is_ascii_alnum(s.front())) return false;
    if (s.find("..") != std::string_view::npos) return false;
    for (char c : s)
        if (!detail::is_ascii_alnum(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

/// Upstream `is_sha256_digest`: "sha256:" then exactly 64 lowercase hex digits.
[[nodiscard]] constexpr bool is_sha256_digest(std::string_view s) noexcept {
    constexpr std::string_view prefix = "sha256:";
    if (s.size() != prefix.size() + 64 || s.substr(0, prefix.size()) != prefix) return false;
    for (char c : s.substr(prefix.size()))
        if (!detail::is_lower_hex(c)) return false;
    return true;
}

/// A git commit id: 40 lowercase hex digits (SHA-1 object names; our choice: no abbreviations).
[[nodiscard]] constexpr bool is_git_commit(std::string_view s) noexcept {
    if (s.size() != 40) return false;
    for (char c : s)
        if (!detail::is_lower_hex(c)) return false;
    return true;
}

/// A single safe path segment (export artifact names; upstream's local sink rule): non-empty, no
/// '/', '\\', NUL, no "..", not starting with '~'. Our additions: ≤ 255 bytes (NAME_MAX), not ".",
/// no control characters.
[[nodiscard]] constexpr bool is_safe_path_segment(std::string_view s) noexcept {
    if (s.empty() || s.size() > 255 || s == "." || s.front() == '~') return false;
    if (s.find("..") != std::string_view::npos || detail::has_control(s)) return false;
    return s.find_first_of("/\\") == std::string_view::npos;
}

/// An absolute path inside the cell: starts with '/', ≤ 4096 bytes (PATH_MAX), no control
/// characters, and no "." or ".." segment (so it cannot climb out of where the supervisor puts it).
[[nodiscard]] constexpr bool is_absolute_cell_path(std::string_view s) noexcept {
    if (s.empty() || s.front() != '/' || s.size() > 4096 || detail::has_control(s)) return false;
    std::size_t i = 1;
    while (i <= s.size()) {
        const std::size_t end = s.find('/', i) == std::string_view::npos ? s.size() : s.find('/', i);
        const std::string_view seg = s.substr(i, end - i);
        if (seg == "." || seg == "..") return false;
        i = end + 1;
    }
    return true;
}

/// A POSIX environment variable name: [A-Za-z_][A-Za-z0-9_]*, ≤ 128 bytes.
[[nodiscard]] constexpr bool is_env_var_name(std::string_view s) noexcept {
    if (s.empty() || s.size() > 128 || (s.front() >= '0' && s.front() <= '9')) return false;
    for (char c : s)
        if (!detail::is_ascii_alnum(c) && c != '_') return false;
    return true;
}

}  // namespace cellos
