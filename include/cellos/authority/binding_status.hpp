// cellos/authority/binding_status.hpp — whether the evidence is bound to one identity
// (upstream BindingStatus, 4 variants; docs/authority.md).
#pragma once

#include <array>
#include <string_view>

#include "cellos/detail/enum_table.hpp"

namespace cellos {

enum class binding_status : int {
    bound,           ///< an alignment or proof rule fired, and no opacity / interception
    unknown,         ///< opacity fired, or several inputs with nothing binding them
    imposed_bound,   ///< an interception rule fired (Stack 3)
    not_applicable,  ///< a single input: binding is undefined
};

template <>
struct detail::enum_names<binding_status> {
    static constexpr std::array<std::string_view, 4> wire{"BOUND", "UNKNOWN", "IMPOSED_BOUND",
                                                          "NOT_APPLICABLE"};
};

}  // namespace cellos
