// cellos/config.hpp — the library's configuration macros. Each must have the same value in every
// translation unit of a program (they change inline functions and so are ODR-relevant).
#pragma once

#include <cstddef>

/// Largest JSON document the strict boundary accepts by default (bytes). Per-call override:
/// `cellos::json::parse_limits::max_bytes`.
#ifndef CELLOS_JSON_MAX_BYTES
#define CELLOS_JSON_MAX_BYTES (1024u * 1024u)
#endif

/// Deepest array/object nesting the strict boundary accepts by default.
#ifndef CELLOS_JSON_MAX_DEPTH
#define CELLOS_JSON_MAX_DEPTH 64u
#endif

namespace cellos::config {
inline constexpr std::size_t json_max_bytes = CELLOS_JSON_MAX_BYTES;
inline constexpr std::size_t json_max_depth = CELLOS_JSON_MAX_DEPTH;
}  // namespace cellos::config
