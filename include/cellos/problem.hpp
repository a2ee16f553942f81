// cellos/problem.hpp — the one way the library reports a refusal: `problem` (code, rule id, RFC 6901
// pointer, message), `problem_list` for "every violation" results (bounded: past its cap it counts
// but stores nothing, so memory stays bounded whatever a document holds) and `checked<T>`, a value
// or exactly one problem. Every validator, boundary, helper and the CLI speak these types.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/outcome/result.hpp>
#include <boost/system/error_code.hpp>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/error.hpp"

namespace cellos {

/// One refusal.
struct problem {
    errc code{};
    /// Stable camelCase id of the rule that refused (a spec/policy rule, an authority check…);
    /// empty where the code alone names the refusal (the strict JSON boundary's grammar errors).
    std::string rule;
    std::string pointer;  ///< RFC 6901 into the document; "" is the whole document
    std::string message;

    [[nodiscard]] std::string_view code_name() const noexcept { return errc_name(code); }
    [[nodiscard]] cellos::condition condition() const noexcept { return condition_of(code); }

    static constexpr auto wire_fields() {
        using T = problem;
        return std::tuple{detail::field{"code", &T::code}, detail::field{"rule", &T::rule},
                          detail::field{"pointer", &T::pointer}, detail::field{"message", &T::message}};
    }
    friend bool operator==(const problem&, const problem&) = default;
};

/// Outcome's hook: a problem converts to its error_code where one is expected (BOOST_OUTCOME_TRY).
[[nodiscard]] inline boost::system::error_code make_error_code(const problem& p) noexcept { return make_error_code(p.code); }

[[nodiscard]] inline problem make_problem(errc code, std::string pointer, std::string message, std::string rule = {}) {
    return problem{code, std::move(rule), std::move(pointer), std::move(message)};
}

/// Upstream's Display of a PolicyViolation, for every problem: "rule: message" ("code: message"
/// when the code alone names the rule).
[[nodiscard]] inline std::string to_string(const problem& p) {
    return (p.rule.empty() ? std::string(p.code_name()) : p.rule) + ": " + p.message;
}

/// A value or exactly one problem; nothing partial. Misuse (.value() on an error) terminates: no
/// exception leaves the library.
template <class T>
using checked = boost::outcome_v2::result<T, problem, boost::outcome_v2::policy::terminate>;

/// Every problem found, in document order. At most `capacity()` are stored; `total()` counts every
/// one, and `truncated()` says that some were counted but not kept.
class problem_list {
public:
    static constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();

    problem_list() = default;
    explicit problem_list(std::size_t capacity) noexcept : capacity_(capacity) {}

    void push_back(problem p) {
        ++total_;
        if (items_.size() < capacity_) items_.push_back(std::move(p));
    }
    /// Producers may skip building messages once nothing more will be stored.
    [[nodiscard]] bool full() const noexcept { return items_.size() >= capacity_; }
    /// Counts one more problem without storing it (a producer that saw full()).
    void count_dropped(std::size_t n = 1) noexcept { total_ += n; }

    [[nodiscard]] bool empty() const noexcept { return total_ == 0; }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }  ///< stored
    [[nodiscard]] std::size_t total() const noexcept { return total_; }        ///< found
    [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
    [[nodiscard]] bool truncated() const noexcept { return total_ > items_.size(); }

    [[nodiscard]] const problem& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] problem& operator[](std::size_t i) noexcept { return items_[i]; }
    [[nodiscard]] const problem& front() const noexcept { return items_.front(); }
    [[nodiscard]] auto begin() const noexcept { return items_.begin(); }
    [[nodiscard]] auto end() const noexcept { return items_.end(); }
    [[nodiscard]] auto begin() noexcept { return items_.begin(); }
    [[nodiscard]] auto end() noexcept { return items_.end(); }
    [[nodiscard]] const std::vector<problem>& items() const noexcept { return items_; }

    friend bool operator==(const problem_list& a, const problem_list& b) noexcept {
        return a.total_ == b.total_ && a.items_ == b.items_;
    }

private:
    std::vector<problem> items_;
    std::size_t total_ = 0;
    std::size_t capacity_ = unlimited;
};

}  // namespace cellos

/// errc's wire strings (the "code" of a serialized problem) come from the one table.
template <>
struct cellos::detail::enum_names<cellos::errc> {
    static constexpr auto wire = [] {
        std::array<std::string_view, errc_table.size()> out{};
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = errc_table[i].name;
        return out;
    }();
};
