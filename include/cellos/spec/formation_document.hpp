// cellos/spec/formation_document.hpp — a formation as submitted (ADR-0010, upstream's flat
// canonical form): a name, the id of its coordinator, and its members, each naming the member that
// authorises it (authorizedBy) and optionally the authority it is granted (the spec's own
// authority bundle). A template over the storage (spec/storage.hpp), so a formation literal is
// checked by the same rules in a static_assert as a decoded one at the JSON boundary.
#pragma once

#include <optional>
#include <tuple>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/authority_bundle.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

template <Storage S = runtime_storage>
struct basic_formation_member {
    typename S::string id{};
    /// The member that authorises this one; absent only on the coordinator (formation.md#coordinator).
    std::optional<typename S::string> authorized_by{};
    /// What this member may reach; absent = nothing (our choice: never "inherit", formation.md#authority).
    std::optional<basic_authority_bundle<S>> authority{};

    static constexpr auto wire_fields() {
        using T = basic_formation_member;
        return std::tuple{detail::field{"id", &T::id}, detail::field{"authorizedBy", &T::authorized_by},
                          detail::field{"authority", &T::authority}};
    }
    friend constexpr bool operator==(const basic_formation_member&, const basic_formation_member&) = default;
};

template <Storage S = runtime_storage>
struct basic_formation_document {
    typename S::string name{};
    typename S::string coordinator{};  ///< the id of the one member without authorizedBy
    typename S::template list<basic_formation_member<S>> members{};

    static constexpr auto wire_fields() {
        using T = basic_formation_document;
        return std::tuple{detail::field{"name", &T::name}, detail::field{"coordinator", &T::coordinator},
                          detail::field{"members", &T::members}};
    }
    friend constexpr bool operator==(const basic_formation_document&, const basic_formation_document&) = default;
};

using formation_member = basic_formation_member<>;
using formation_document = basic_formation_document<>;
using static_formation_member = basic_formation_member<constexpr_storage>;
using static_formation_document = basic_formation_document<constexpr_storage>;

}  // namespace cellos
