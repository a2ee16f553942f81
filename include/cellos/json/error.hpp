// cellos/json/error.hpp — the boundary error: a `cellos::errc`, an RFC 6901 JSON pointer to the
// offending place, and a human message. `parse_result<T>` is a value or exactly one such error;
// nothing partial is ever returned.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <boost/outcome/result.hpp>
#include <boost/system/error_code.hpp>

#include "cellos/error.hpp"

namespace cellos::json {

struct boundary_error {
    boost::system::error_code code;
    std::string pointer;  ///< RFC 6901; "" is the whole document
    std::string message;

    [[nodiscard]] std::string_view code_name() const { return code.category() == error_category()
        ? errc_name(static_cast<errc>(code.value())) : std::string_view{"unknown"}; }
    friend bool operator==(const boundary_error&, const boundary_error&) = default;
};

/// Outcome's hook: a boundary_error converts to its error_code where one is expected.
[[nodiscard]] inline boost::system::error_code make_error_code(const boundary_error& e) noexcept { return e.code; }

template <class T>
using parse_result = boost::outcome_v2::result<T, boundary_error, boost::outcome_v2::policy::terminate>;

[[nodiscard]] inline boundary_error make_boundary_error(errc code, std::string pointer, std::string message) {
    return boundary_error{make_error_code(code), std::move(pointer), std::move(message)};
}

/// Appends one reference token to a pointer, escaping '~' and '/' (RFC 6901 §3).
inline void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer += '/';
    for (char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer += c;
    }
}

}  // namespace cellos::json
