// cellos/authority/validation_result.hpp — the seed's names for the authority doors, so its
// examples read line for line: `validate_authority_derivation(d)` returning an
// `authority_validation_result` (upstream AuthorityValidationResult, shape NOT FOUND — ours),
// `try_new<K>(d)` (upstream XxxAuthority::try_new) and `output_of(a)`, the output of whichever
// typed authority a variant holds. All of it forwards to validate() / make_authority(): no check
// is written twice. Decisions: docs/authority.md#seed-names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "cellos/authority/authority.hpp"
#include "cellos/authority/derivation.hpp"
#include "cellos/authority/make.hpp"
#include "cellos/authority/validate.hpp"
#include "cellos/authority/validation_error.hpp"
#include "cellos/problem.hpp"

namespace cellos {

/// The verdict of validate_authority_derivation: `valid`, else the first violation in check order.
/// Our choice of shape: a bool an admission caller can branch on, the typed error for callers
/// that switch on it, and to_problem() for callers that report.
struct authority_validation_result {
    bool valid = true;
    std::optional<validation_error> error;  ///< set exactly when !valid

    [[nodiscard]] constexpr explicit operator bool() const noexcept { return valid; }

    /// The error as the library's problem record, its pointer relative to the derivation itself
    /// (the derivation is the document here); nullopt when valid.
    [[nodiscard]] std::optional<problem> to_problem() const {
        if (!error) return std::nullopt;
        std::string pointer = document_pointer(*error);
        // document_pointer() addresses a typed-authority document {"derivation": …, "artifact": …}
        constexpr std::string_view derivation_member = "/derivation";
        if (std::string_view(pointer).starts_with(derivation_member)) pointer.erase(0, derivation_member.size());
        return make_problem(code_of(*error), std::move(pointer), message_of(*error));
    }
};

/// Upstream validate_authority_derivation: the six §9 invariants plus the domain checks of
/// validate() (no kind envelope: that is try_new's job).
template <Storage S>
[[nodiscard]] constexpr authority_validation_result validate_authority_derivation(
    const basic_authority_derivation<S>& derivation) noexcept {
    if (auto e = validate(derivation)) return {false, std::move(e)};
    return {};
}

/// Upstream `XxxAuthority::try_new(derivation)` as a free function template: validate against
/// kind K's envelope and return the typed alternative (make_authority; same result type).
template <authority_kind K>
    requires(K != authority_kind::proven)
[[nodiscard]] auto try_new(authority_derivation derivation) {
    return make_authority<K>(std::move(derivation));
}

/// Upstream `ProvenAuthority::try_new(derivation, artifact)`.
template <authority_kind K>
    requires(K == authority_kind::proven)
[[nodiscard]] auto try_new(authority_derivation derivation, proven_authority_artifact artifact) {
    return make_authority<K>(std::move(derivation), std::move(artifact));
}

/// The output tuple of whichever typed authority the variant holds (the seed's `.output()` on
/// the value try_new returns).
template <TypedAuthority... A>
[[nodiscard]] constexpr authority_output output_of(const std::variant<A...>& authority) noexcept {
    return std::visit([](const auto& a) { return a.output(); }, authority);
}

}  // namespace cellos
