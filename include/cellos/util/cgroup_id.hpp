// cellos/util/cgroup_id.hpp — turns a cell id into one safe cgroup v2 leaf segment (upstream
// `cgroup_id::sanitize_cgroup_leaf_segment`, whose rules are confirmed). Pure: no I/O. The
// supervisor creates `<parent>/<segment>`, so the segment must never contain '/', '.', or be empty.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/utf8.hpp"

namespace cellos {

/// At most this many characters (= bytes: the output is ASCII) are kept.
inline constexpr std::size_t cgroup_leaf_max_length = 64;
/// What an empty input becomes.
inline constexpr std::string_view cgroup_leaf_fallback = "cell";

/// Per Unicode scalar of `id`: ASCII alphanumerics, '_' and '-' are kept, anything else becomes
/// one '_'; the first 64 results are kept; empty → "cell". Our choice for input that is not UTF-8
/// (Rust strings always are): every byte that does not belong to a well-formed sequence becomes
/// one '_', so "\xC3(" → "__" and a truncated 3-byte sequence → "__". Never fails, never throws
/// except std::bad_alloc.
[[nodiscard]] inline std::string sanitize_cgroup_leaf_segment(std::string_view id) {
    std::string out;
    out.reserve(id.size() < cgroup_leaf_max_length ? id.size() : cgroup_leaf_max_length);
    for (std::size_t i = 0; i < id.size() && out.size() < cgroup_leaf_max_length;) {
        const char c = id[i];
        const bool keep = detail::is_ascii_alnum(c) || c == '_' || c == '-';
        out += keep ? c : '_';
        const std::size_t len = detail::decode_utf8_at(id, i).length;
        i += len == 0 ? 1 : len;  // an ill-formed byte is consumed alone
    }
    if (out.empty()) out = cgroup_leaf_fallback;
    return out;
}

}  // namespace cellos
