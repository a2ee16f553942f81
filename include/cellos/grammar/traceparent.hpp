// cellos/grammar/traceparent.hpp — the W3C Trace Context `traceparent` header value
// (`is_traceparent`), constexpr over string_view. Used by the CloudEvents Distributed Tracing
// extension. Namespace `cellos`, as for every grammar header (reason: grammar/rfc3339.hpp).
#pragma once

#include <cstddef>
#include <string_view>

#include "cellos/detail/ascii.hpp"

namespace cellos {

namespace detail {
/// How s[from, from + n) reads as a traceparent field: 0 not lower-case hex, 1 hex but all zeros,
/// 2 hex with a non-zero digit (trace-id and parent-id must not be all zeros).
[[nodiscard]] constexpr int lower_hex_run(std::string_view s, std::size_t from, std::size_t n) noexcept {
    bool nonzero = false;
    for (std::size_t i = from; i < from + n; ++i) {
        if (!is_lower_hex(s[i])) return 0;
        nonzero = nonzero || s[i] != '0';
    }
    return nonzero ? 2 : 1;
}
}  // namespace detail

/// W3C Trace Context `traceparent`: version "-" trace-id "-" parent-id "-" trace-flags in lower-case
/// hex (2-32-16-2), version not "ff", trace-id and parent-id not all zeros. Version 00 is exactly 55
/// characters; a later version may continue after a "-" (W3C §3.2.4 forward compatibility).
[[nodiscard]] constexpr bool is_traceparent(std::string_view s) noexcept {
    using detail::lower_hex_run;
    if (s.size() < 55) return false;
    if (lower_hex_run(s, 0, 2) == 0 || s.substr(0, 2) == "ff" || s[2] != '-') return false;
    if (lower_hex_run(s, 3, 32) != 2 || s[35] != '-' || lower_hex_run(s, 36, 16) != 2 || s[52] != '-' || lower_hex_run(s, 53, 2) == 0)
        return false;
    if (s.substr(0, 2) == "00") return s.size() == 55;
    return s.size() == 55 || s[55] == '-';
}

}  // namespace cellos
