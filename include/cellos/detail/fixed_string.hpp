// cellos/detail/fixed_string.hpp — a string literal usable as a template argument, so that a
// diagnostic text can travel inside a constraint (see unsatisfied.hpp).
#pragma once

#include <cstddef>
#include <string_view>

namespace cellos::detail {

template <std::size_t N>
struct fixed_string {
    char data[N]{};

    consteval fixed_string(const char (&text)[N]) noexcept {
        for (std::size_t i = 0; i < N; ++i) data[i] = text[i];
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data, N - 1}; }
};

}  // namespace cellos::detail
