// cellos/detail/fields.hpp — the wire description of an aggregate, written once next to it:
// `static constexpr auto wire_fields()` returns a tuple of `field{"jsonName", &T::member}`. The JSON
// codec (cellos/json/described.hpp) derives the decoder, the encoder and the closed member list
// from it, and the validators derive their JSON pointers from it (`wire_name(&T::member)`), so a
// member name can never differ between parsing, printing and error reporting.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace cellos::detail {

/// A member that may be absent on the wire although its type is not std::optional: absent means
/// value-initialised (e.g. an empty list). It is always written.
struct defaulted_t {};
inline constexpr defaulted_t defaulted{};

/// A member whose JSON type is narrower than its C++ type (e.g. a u8 tier held in an int): the
/// codec decodes W (so out-of-range values are refused as W would refuse them), then converts.
template <class W>
struct wire_as_t {};
template <class W>
inline constexpr wire_as_t<W> wire_as{};

template <class T, class M, class W = M>
struct field {
    std::string_view name;
    M T::*member;
    bool is_defaulted = false;

    constexpr field(std::string_view n, M T::*m) noexcept : name(n), member(m) {}
    constexpr field(std::string_view n, M T::*m, defaulted_t) noexcept : name(n), member(m), is_defaulted(true) {}
    constexpr field(std::string_view n, M T::*m, wire_as_t<W>) noexcept : name(n), member(m) {}

    using owner = T;
    using member_type = M;
    using wire_type = W;  ///< what the JSON holds; M unless wire_as<W> says otherwise
};
template <class T, class M>
field(std::string_view, M T::*) -> field<T, M, M>;
template <class T, class M>
field(std::string_view, M T::*, defaulted_t) -> field<T, M, M>;
template <class T, class M, class W>
field(std::string_view, M T::*, wire_as_t<W>) -> field<T, M, W>;

template <class T>
concept Described = requires { T::wire_fields(); };

template <class T>
inline constexpr bool is_optional_v = false;
template <class T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

/// Number of wire members of T.
template <Described T>
inline constexpr std::size_t field_count = std::tuple_size_v<decltype(T::wire_fields())>;

/// The JSON member name of a data member, found in T's table (a compile error if absent).
template <Described T, class M>
[[nodiscard]] consteval std::string_view wire_name(M T::*member) {
    std::string_view found{};
    std::apply(
        [&](const auto&... f) {
            (
                [&] {
                    if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(f)>::member_type, M>)
                        if (f.member == member) found = f.name;
                }(),
                ...);
        },
        T::wire_fields());
    if (found.empty()) throw "cellos: member missing from wire_fields()";  // not a constant expression
    return found;
}

}  // namespace cellos::detail
