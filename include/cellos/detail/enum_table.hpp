// cellos/detail/enum_table.hpp — one mechanism for every closed enum: enumerators are dense from
// 0 in declaration order and `enum_names<E>` holds their wire strings in the same order, so the
// string <-> enum mapping is defined once and is usable in constant expressions.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace cellos::detail {

/// Specialised next to each enum: `static constexpr std::array<std::string_view, N> wire;`
template <class E>
struct enum_names;

template <class E>
concept NamedEnum = std::is_enum_v<E> && requires { enum_names<E>::wire.size(); };

template <NamedEnum E>
inline constexpr std::size_t enum_count = enum_names<E>::wire.size();

template <NamedEnum E>
[[nodiscard]] constexpr std::string_view to_wire(E e) noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < enum_count<E> ? enum_names<E>::wire[i] : std::string_view{};
}

template <NamedEnum E>
[[nodiscard]] constexpr std::optional<E> from_wire(std::string_view s) noexcept {
    for (std::size_t i = 0; i < enum_count<E>; ++i)
        if (enum_names<E>::wire[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

template <NamedEnum E>
[[nodiscard]] constexpr std::array<E, enum_count<E>> all_enumerators() noexcept {
    std::array<E, enum_count<E>> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
    return out;
}

}  // namespace cellos::detail

namespace cellos {
using detail::from_wire;
using detail::to_wire;
}  // namespace cellos
