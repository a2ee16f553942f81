// cellos/spec/finding.hpp — what a constexpr rule check found: `finding<Rule>` is the compile-time
// form of a `problem` (a rule enumerator, a `json_path`, the numbers and the subject its message
// quotes; no allocation, so the same checks run inside a static_assert), and `findings<Rule>` the
// bounded list the checks return. `append_problems` renders them into the runtime `problem_list` — the
// one place where a finding becomes a problem.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "cellos/detail/json_pointer.hpp"
#include "cellos/problem.hpp"

namespace cellos {

template <class Rule>
struct finding {
    Rule rule{};
    json_path path{};
    std::uint64_t actual{};       ///< e.g. argvTooLarge: the encoded size; unique: the first occurrence
    std::uint64_t limit{};        ///< e.g. a pack's cap
    std::string_view subject{};   ///< e.g. the offending host or secret ref
    friend constexpr bool operator==(const finding&, const finding&) = default;
};

/// Every finding in document order, at most `capacity` stored; `total()` counts all of them.
template <class Rule>
class findings {
public:
    static constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();

    constexpr findings() = default;
    constexpr explicit findings(std::size_t capacity) noexcept : capacity_(capacity) {}

    constexpr void push_back(const finding<Rule>& f) {
        ++total_;
        if (items_.size() < capacity_) items_.push_back(f);
    }
    [[nodiscard]] constexpr bool empty() const noexcept { return total_ == 0; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] constexpr std::size_t total() const noexcept { return total_; }
    [[nodiscard]] constexpr const finding<Rule>& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] constexpr const finding<Rule>& front() const noexcept { return items_.front(); }
    [[nodiscard]] constexpr auto begin() const noexcept { return items_.begin(); }
    [[nodiscard]] constexpr auto end() const noexcept { return items_.end(); }

    friend constexpr bool operator==(const findings& a, const findings& b) noexcept {
        return a.total_ == b.total_ && a.items_ == b.items_;
    }

private:
    std::vector<finding<Rule>> items_;
    std::size_t total_ = 0;
    std::size_t capacity_ = unlimited;
};

/// Appends the rendered form of every stored finding to `out` and counts the ones not stored.
/// `render(const finding<Rule>&) -> problem` is the rule family's message function.
template <class Rule, class Render>
void append_problems(const findings<Rule>& fs, problem_list& out, Render render) {
    for (const finding<Rule>& f : fs) {
        if (out.full()) {
            out.count_dropped();
            continue;
        }
        out.push_back(render(f));
    }
    out.count_dropped(fs.total() - fs.size());
}

}  // namespace cellos
