// cellos/authority/guest_event_builder.hpp — the GuestEventBuilder gate (upstream T3.A / F2):
// an event that originates inside the guest can carry only Declared authority. The builder is
// itself type-state: build() exists only once a Declared authority has been attached, and
// attaching any other kind does not compile.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "cellos/authority/authority.hpp"

namespace cellos {

/// Guest-originated evidence is Declared evidence (ADR-0006 §3).
template <class A>
concept GuestEventAuthority =
    AuthorityOfKind<A, authority_kind::declared> ||
    detail::unsatisfied<"cellos: guest-originated events accept only Declared authority (ADR-0006 §3, GuestEventBuilder gate) [guest_declared_only]">();

/// A guest-originated event: which cell, what the guest reports, and the Declared evidence.
template <class A>
    requires AuthorityOfKind<A, authority_kind::declared>
struct guest_event {
    std::string cell_id;
    std::string event_type;  ///< the guest's own event name, e.g. "process_spawned"
    A authority;
};

template <class A = void>
class guest_event_builder;

template <>
class guest_event_builder<void> {
public:
    guest_event_builder(std::string cell_id, std::string event_type)
        : cell_id_(std::move(cell_id)), event_type_(std::move(event_type)) {}

    template <class A>
        requires GuestEventAuthority<std::remove_cvref_t<A>>
    [[nodiscard]] guest_event_builder<std::remove_cvref_t<A>> with_authority(A&& a) && {
        return {std::move(cell_id_), std::move(event_type_), std::forward<A>(a)};
    }

private:
    std::string cell_id_;
    std::string event_type_;
};

template <class A>
class guest_event_builder {
    static_assert(AuthorityOfKind<A, authority_kind::declared>, "cellos: guest_event_builder<A> holds Declared authority only [guest_declared_only]");

public:
    [[nodiscard]] guest_event<A> build() && {
        return guest_event<A>{std::move(cell_id_), std::move(event_type_), std::move(authority_)};
    }

private:
    friend class guest_event_builder<void>;
    guest_event_builder(std::string cell_id, std::string event_type, A a)
        : cell_id_(std::move(cell_id)), event_type_(std::move(event_type)), authority_(std::move(a)) {}

    std::string cell_id_;
    std::string event_type_;
    A authority_;
};

}  // namespace cellos
