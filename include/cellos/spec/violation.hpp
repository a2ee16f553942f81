// cellos/spec/violation.hpp — how admission checks report: a constexpr-friendly `json_path` (no
// allocation, so the same checks run inside a static_assert) and the runtime `violation` a caller
// sees (errc code, stable rule id, RFC 6901 pointer, message). Every violation is reported, in
// document order, never just the first.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "cellos/error.hpp"

namespace cellos {

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
            out += '/';
            if (tokens_[i].is_index) {
                out += std::to_string(tokens_[i].index);
                continue;
            }
            for (char c : tokens_[i].name) {
                if (c == '~') out += "~0";
                else if (c == '/') out += "~1";
                else out += c;
            }
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

/// One reported problem, ready for a caller, a log or the CLI.
struct rule_violation {
    errc code{};
    std::string_view rule;  ///< stable id: camelCase, e.g. "portableIdentifier" or "maxLifetimeTtlSeconds"
    std::string pointer;    ///< where in the document
    std::string message;

    friend bool operator==(const rule_violation&, const rule_violation&) = default;
};

}  // namespace cellos
