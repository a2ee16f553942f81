// cellos/trust/keyring.hpp — how a verifier finds the key an envelope names. `KeyResolver` is the
// seam (a file, a keyset, an HSM directory); `keyring` is the in-memory one. A key id names exactly
// one key of exactly one kind: the resolver says which kind, so the verifier — not the envelope —
// decides which algorithm a key may be used with (no HMAC keyed with a public key, no Ed25519 with a
// shared secret).
#pragma once

#include <concepts>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "cellos/events/cloud_event.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/keys.hpp"

namespace cellos::trust {

/// What a key id resolves to: nothing, an Ed25519 public key or an HMAC key (borrowed from the
/// resolver, which outlives the verification).
using resolved_key = std::variant<std::monostate, std::reference_wrapper<const ed25519_public_key>,
                                  std::reference_wrapper<const hmac_key>>;

template <class R>
concept KeyResolver = requires(const R& r, std::string_view kid) {
    { r.resolve(kid) } -> std::same_as<resolved_key>;
};

/// Longest key id accepted (our choice; upstream's portable identifiers stop at 128 bytes too).
inline constexpr std::size_t max_kid_size = 128;

/// A key id: 1 to 128 bytes of CloudEvents String (UTF-8 without control characters). Our choice.
[[nodiscard]] constexpr bool is_kid(std::string_view kid) noexcept {
    return !kid.empty() && kid.size() <= max_kid_size && is_attribute_string(kid);
}

/// Trusted keys by key id; each id is unique across both kinds.
class keyring {
public:
    /// Adds an Ed25519 public key; refuses an invalid or already used key id.
    [[nodiscard]] checked<void> add_ed25519(std::string kid, ed25519_public_key key) {
        if (auto p = check_new_kid(kid)) return std::move(*p);
        ed25519_.emplace(std::move(kid), std::move(key));
        return boost::outcome_v2::success();
    }
    /// Adds an HMAC key (moved in: the ring owns the only copy); refuses an invalid or used key id.
    [[nodiscard]] checked<void> add_hmac(std::string kid, hmac_key key) {
        if (auto p = check_new_kid(kid)) return std::move(*p);
        hmac_.emplace(std::move(kid), std::move(key));
        return boost::outcome_v2::success();
    }

    [[nodiscard]] resolved_key resolve(std::string_view kid) const {
        if (const auto it = ed25519_.find(kid); it != ed25519_.end()) return std::cref(it->second);
        if (const auto it = hmac_.find(kid); it != hmac_.end()) return std::cref(it->second);
        return std::monostate{};
    }

    [[nodiscard]] std::size_t size() const noexcept { return ed25519_.size() + hmac_.size(); }
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    /// The Ed25519 keys, by key id (for listing; never the HMAC keys).
    [[nodiscard]] const std::map<std::string, ed25519_public_key, std::less<>>& ed25519_keys() const noexcept { return ed25519_; }

private:
    [[nodiscard]] std::optional<problem> check_new_kid(std::string_view kid) const {
        if (!is_kid(kid)) return make_problem(errc::invalid_value, "", "a key id is 1 to 128 bytes of printable UTF-8", "kidFormat");
        if (ed25519_.contains(kid) || hmac_.contains(kid))
            return make_problem(errc::duplicate_key, "", "key id \"" + std::string(kid) + "\" is already in the keyring", "duplicateKid");
        return std::nullopt;
    }
    std::map<std::string, ed25519_public_key, std::less<>> ed25519_;
    std::map<std::string, hmac_key, std::less<>> hmac_;
};
static_assert(KeyResolver<keyring>);

}  // namespace cellos::trust
