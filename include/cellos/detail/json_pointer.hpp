// cellos/detail/json_pointer.hpp — RFC 6901 pointers, built once: `append_pointer_token` escapes one
// reference token ('~' -> "~0", '/' -> "~1"); `json_path` is a pointer made of string_views and
// indices that is copyable in constant expressions (no allocation), so the same checks report a
// place inside a static_assert and at the JSON boundary.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace cellos {

namespace detail {

/// Appends "/" and one escaped reference token to `pointer`.
inline void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer += '/';
    for (char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer += c;
    }
}

/// Appends "/" and an array index.
inline void append_pointer_index(std::string& pointer, std::size_t index) {
    pointer += '/';
    pointer += std::to_string(index);
}

}  // namespace detail

/// A JSON pointer built from string_views and indices, copyable in constant expressions.
class json_path {
public:
    /// Deeper than any document of this library (the deepest spec pointer has 7 tokens); tokens past
    /// it are dropped rather than overflowing, so a caller-supplied base should stay shallow.
    static constexpr std::size_t max_depth = 16;

    constexpr json_path() = default;

    [[nodiscard]] constexpr json_path operator/(std::string_view member) const noexcept { return push({member, 0, false}); }
    [[nodiscard]] constexpr json_path operator/(std::size_t index) const noexcept { return push({{}, index, true}); }

    [[nodiscard]] constexpr std::size_t depth() const noexcept { return size_; }
    [[nodiscard]] constexpr bool ends_with(std::string_view member) const noexcept {
        return size_ > 0 && !tokens_[size_ - 1].is_index && tokens_[size_ - 1].name == member;
    }

    /// RFC 6901 text, e.g. "/spec/run/argv/0".
    [[nodiscard]] std::string to_pointer() const {
        std::string out;
        for (std::size_t i = 0; i < size_; ++i) {
            if (tokens_[i].is_index) detail::append_pointer_index(out, tokens_[i].index);
            else detail::append_pointer_token(out, tokens_[i].name);
        }
        return out;
    }

    friend constexpr bool operator==(const json_path& a, const json_path& b) noexcept {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i)
            if (a.tokens_[i].is_index != b.tokens_[i].is_index || a.tokens_[i].index != b.tokens_[i].index ||
                a.tokens_[i].name != b.tokens_[i].name)
                return false;
        return true;
    }

private:
    struct token {
        std::string_view name{};
        std::size_t index{};
        bool is_index{};
    };
    [[nodiscard]] constexpr json_path push(token t) const noexcept {
        json_path p = *this;
        if (p.size_ < max_depth) p.tokens_[p.size_++] = t;
        return p;
    }
    std::array<token, max_depth> tokens_{};
    std::size_t size_ = 0;
};

}  // namespace cellos
