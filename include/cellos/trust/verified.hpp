// cellos/trust/verified.hpp — "verified is a type": verified<T> is a T that a verification function
// checked, together with the key id that verified it. Only the verification functions of
// cellos/trust/ can build one (private constructor, one door: detail::verified_access), so an API
// that takes verified<T> cannot be handed unverified data — it does not compile
// (tests/compile_fail/construct_verified_envelope.cpp, pass_unverified_envelope.cpp).
#pragma once

#include <string>
#include <utility>

namespace cellos::trust {

namespace detail {
struct verified_access;
}  // namespace detail

template <class T>
class verified {
public:
    [[nodiscard]] const T& value() const& noexcept { return value_; }
    [[nodiscard]] const T* operator->() const noexcept { return &value_; }
    /// The key id (kid) of the key that verified the value.
    [[nodiscard]] const std::string& kid() const noexcept { return kid_; }

    verified(const verified&) = default;
    verified(verified&&) noexcept = default;
    verified& operator=(const verified&) = default;
    verified& operator=(verified&&) noexcept = default;
    ~verified() = default;

private:
    friend struct detail::verified_access;
    verified(T value, std::string kid) : value_(std::move(value)), kid_(std::move(kid)) {}
    T value_;
    std::string kid_;
};

namespace detail {
/// The one door: used by verify_* functions only, after every check has passed.
struct verified_access {
    template <class T>
    [[nodiscard]] static verified<T> make(T value, std::string kid) {
        return verified<T>(std::move(value), std::move(kid));
    }
};
}  // namespace detail

}  // namespace cellos::trust
