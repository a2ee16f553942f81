// cellos/grammar/rfc3339.hpp — RFC 3339 §5.6 `date-time`: the parser (`parse_rfc3339`), its verdict
// twin and instant comparison. Constexpr over string_view, so static_asserts and the JSON boundary
// run the same code. Used by CloudEvents `time` and Timestamp extensions; reusable for any other
// timestamp field.
//
// Namespace: plain `cellos` (helpers in `cellos::detail`), like every other public name of the
// library: a `cellos::grammar` namespace would break the one-namespace rule and rename functions
// callers already use (cellos::parse_rfc3339 and friends predate this header).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/ascii.hpp"

namespace cellos {

/// A parsed RFC 3339 date-time. `nanosecond` keeps the first 9 fractional digits (further digits
/// are checked, then truncated). `offset_minutes` is local time minus UTC ("-00:00" reads as 0).
struct rfc3339_timestamp {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::uint32_t nanosecond = 0;
    int offset_minutes = 0;

    /// Seconds since 1970-01-01T00:00:00Z of the instant (a leap second 23:59:60 reads as the
    /// following midnight).
    [[nodiscard]] constexpr std::int64_t unix_seconds() const noexcept {
        // days_from_civil (H. Hinnant): proleptic Gregorian calendar
        const std::int64_t y = year - (month <= 2 ? 1 : 0);
        const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
        const std::int64_t yoe = y - era * 400;
        const std::int64_t mp = month > 2 ? month - 3 : month + 9;
        const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
        const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        const std::int64_t days = era * 146097 + doe - 719468;
        return days * 86400 + hour * 3600 + minute * 60 + second - std::int64_t{offset_minutes} * 60;
    }
    friend constexpr bool operator==(const rfc3339_timestamp&, const rfc3339_timestamp&) = default;
};

namespace detail {

[[nodiscard]] constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
[[nodiscard]] constexpr int days_in_month(int y, int m) noexcept {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}
/// Exactly `n` digits at s[i..], as a number; -1 otherwise.
[[nodiscard]] constexpr int digits_at(std::string_view s, std::size_t i, std::size_t n) noexcept {
    if (i + n > s.size()) return -1;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!is_ascii_digit(s[i + k])) return -1;
        v = v * 10 + (s[i + k] - '0');
    }
    return v;
}

}  // namespace detail

/// RFC 3339 §5.6 `date-time`: full-date ("T" / "t") full-time, seconds required, fractional
/// seconds of any length, offset "Z" / "z" / ±hh:mm (hh ≤ 23, mm ≤ 59). Dates are checked against
/// the calendar (leap years); second 60 only at 23:59 UTC (a leap second).
[[nodiscard]] constexpr std::optional<rfc3339_timestamp> parse_rfc3339(std::string_view s) noexcept {
    using detail::digits_at;
    rfc3339_timestamp t;
    // 0123456789012345678
    // YYYY-MM-DDThh:mm:ss
    if (s.size() < 20) return std::nullopt;
    t.year = digits_at(s, 0, 4);
    t.month = digits_at(s, 5, 2);
    t.day = digits_at(s, 8, 2);
    t.hour = digits_at(s, 11, 2);
    t.minute = digits_at(s, 14, 2);
    t.second = digits_at(s, 17, 2);
    if (t.year < 0 || t.month < 0 || t.day < 0 || t.hour < 0 || t.minute < 0 || t.second < 0) return std::nullopt;
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return std::nullopt;
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > detail::days_in_month(t.year, t.month)) return std::nullopt;
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    std::size_t i = 19;
    if (s[i] == '.') {
        ++i;
        const std::size_t first = i;
        std::uint32_t scale = 100'000'000;
        while (i < s.size() && detail::is_ascii_digit(s[i])) {
            t.nanosecond += static_cast<std::uint32_t>(s[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
        if (i == first) return std::nullopt;  // "." needs at least one digit
    }
    if (i >= s.size()) return std::nullopt;  // the offset is required
    if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
    } else if (s[i] == '+' || s[i] == '-') {
        const int h = digits_at(s, i + 1, 2), m = digits_at(s, i + 4, 2);
        if (h < 0 || m < 0 || i + 3 >= s.size() || s[i + 3] != ':' || h > 23 || m > 59) return std::nullopt;
        t.offset_minutes = (s[i] == '-' ? -1 : 1) * (h * 60 + m);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    if (t.second == 60) {  // a leap second is inserted at 23:59:60 UTC only
        const int utc_minute = ((t.hour * 60 + t.minute - t.offset_minutes) % 1440 + 1440) % 1440;
        if (utc_minute != 23 * 60 + 59) return std::nullopt;
    }
    return t;
}

/// Verdict twin of parse_rfc3339.
[[nodiscard]] constexpr bool is_rfc3339_timestamp(std::string_view s) noexcept { return parse_rfc3339(s).has_value(); }

/// The same instant, to the nanosecond (offsets and extra precision are no difference).
[[nodiscard]] constexpr bool same_instant(const rfc3339_timestamp& a, const rfc3339_timestamp& b) noexcept {
    return a.unix_seconds() == b.unix_seconds() && a.nanosecond == b.nanosecond;
}
/// Both are RFC 3339 timestamps of the same instant.
[[nodiscard]] constexpr bool same_instant(std::string_view a, std::string_view b) noexcept {
    const auto x = parse_rfc3339(a), y = parse_rfc3339(b);
    return x && y && same_instant(*x, *y);
}

}  // namespace cellos
