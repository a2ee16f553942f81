// cellos/util/semver.hpp — Semantic Versioning 2.0.0 parsing and precedence, constexpr, for policy
// pack versions (MIN_SUPPORTED_POLICY_PACK_VERSION floor) and spec.policy.packVersion. Build
// metadata ("+…") is accepted and ignored for precedence, as SemVer §10 requires.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/ascii.hpp"

namespace cellos {

struct semver {
    std::uint64_t major{}, minor{}, patch{};
    std::string_view prerelease{};  ///< dot-separated identifiers, empty for a release
    std::string_view build{};
};

namespace detail {


/// A numeric component: digits, no leading zero, fits in u64.
[[nodiscard]] constexpr std::optional<std::uint64_t> semver_number(std::string_view s) noexcept {
    if (!is_digits(s) || (s.size() > 1 && s.front() == '0') || s.size() > 20) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (v > (UINT64_MAX - d) / 10) return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

/// Dot-separated non-empty identifiers of [0-9A-Za-z-]; numeric ones without leading zeros
/// (the latter only for pre-release, `numeric_rule`).
[[nodiscard]] constexpr bool semver_identifiers(std::string_view s, bool numeric_rule) noexcept {
    if (s.empty()) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        const std::string_view id = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (id.empty()) return false;
        for (char c : id)
            if (!(detail::is_ascii_alnum(c) || c == '-')) return false;
        if (numeric_rule && is_digits(id) && id.size() > 1 && id.front() == '0') return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

}  // namespace detail

/// "MAJOR.MINOR.PATCH[-prerelease][+build]"; nullopt for anything else (no "v" prefix, no "1.0").
[[nodiscard]] constexpr std::optional<semver> parse_semver(std::string_view s) noexcept {
    semver v;
    if (const auto plus = s.find('+'); plus != std::string_view::npos) {
        v.build = s.substr(plus + 1);
        if (!detail::semver_identifiers(v.build, false)) return std::nullopt;
        s = s.substr(0, plus);
    }
    if (const auto dash = s.find('-'); dash != std::string_view::npos) {
        v.prerelease = s.substr(dash + 1);
        if (!detail::semver_identifiers(v.prerelease, true)) return std::nullopt;
        s = s.substr(0, dash);
    }
    const auto d1 = s.find('.');
    if (d1 == std::string_view::npos) return std::nullopt;
    const auto d2 = s.find('.', d1 + 1);
    if (d2 == std::string_view::npos) return std::nullopt;
    const auto a = detail::semver_number(s.substr(0, d1));
    const auto b = detail::semver_number(s.substr(d1 + 1, d2 - d1 - 1));
    const auto c = detail::semver_number(s.substr(d2 + 1));
    if (!a || !b || !c) return std::nullopt;
    v.major = *a;
    v.minor = *b;
    v.patch = *c;
    return v;
}

[[nodiscard]] constexpr bool is_semver(std::string_view s) noexcept { return parse_semver(s).has_value(); }

/// SemVer §11 precedence (build metadata ignored).
[[nodiscard]] constexpr std::strong_ordering compare_precedence(const semver& a, const semver& b) noexcept {
    if (a.major != b.major) return a.major <=> b.major;
    if (a.minor != b.minor) return a.minor <=> b.minor;
    if (a.patch != b.patch) return a.patch <=> b.patch;
    if (a.prerelease.empty() || b.prerelease.empty())  // a release outranks its pre-releases
        return a.prerelease.empty() <=> b.prerelease.empty();
    std::string_view x = a.prerelease, y = b.prerelease;
    while (true) {
        const auto dx = x.find('.'), dy = y.find('.');
        const std::string_view ix = x.substr(0, dx), iy = y.substr(0, dy);
        const bool nx = detail::is_digits(ix), ny = detail::is_digits(iy);
        if (nx && ny) {
            if (ix.size() != iy.size()) return ix.size() <=> iy.size();  // no leading zeros: longer is larger
            if (const auto c = ix.compare(iy); c != 0) return c <=> 0;
        } else if (nx != ny) {
            return nx ? std::strong_ordering::less : std::strong_ordering::greater;  // numeric < alphanumeric
        } else if (const auto c = ix.compare(iy); c != 0) {
            return c <=> 0;
        }
        if (dx == std::string_view::npos || dy == std::string_view::npos) {
            if (dx == dy) return std::strong_ordering::equal;
            return dx == std::string_view::npos ? std::strong_ordering::less : std::strong_ordering::greater;
        }
        x = x.substr(dx + 1);
        y = y.substr(dy + 1);
    }
}

}  // namespace cellos
