// cellos/trust/derivation_token.hpp — authority derivation tokens (upstream spec_validation:
// authority_derivation_signing_payload, verify_authority_derivation, enforce_derivation_scope_policy).
// A grantor signs, with Ed25519, an AuthorityDerivation bound to one spec (its canonical hash) and
// to a scope (a declared surface). The token itself is plain data (cellos/spec/authority_bundle.hpp,
// so a spec can carry it in spec.authority.derivationToken); what verification established is a
// type, verified<authority_derivation_token>, that only verify_authority_derivation builds, and
// from which the kernel's typed authorities are made. Shapes and choices: docs/derivation.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/authority.hpp"
#include "cellos/authority/declared_surface.hpp"
#include "cellos/grammar/rfc3339.hpp"
#include "cellos/json/authority.hpp"
#include "cellos/json/described.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/write.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/authority_bundle.hpp"
#include "cellos/trust/canonical.hpp"
#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/spec_hash.hpp"
#include "cellos/trust/verified.hpp"

namespace cellos::trust {

using cellos::authority_derivation_token;

/// The domain-separation member of the signed bytes: "kind" with this value is added to the token
/// before canonicalization, so a derivation signature is never valid for another kind of signed
/// document (an event's bytes always hold "specversion" and never "kind" with this value).
inline constexpr std::string_view derivation_token_kind = "cellos.authority-derivation-token.v1";

namespace detail {
template <auto Member>
inline constexpr std::string_view token_wire = cellos::detail::wire_name(Member);
using token = authority_derivation_token;

[[nodiscard]] inline std::string token_at(std::string_view member) { return "/" + std::string(member); }

/// JSON holds finite numbers only: the pointer of the first other one is a refusal (tokenNumber).
[[nodiscard]] inline std::optional<problem> check_finite(const token& t) {
    if (auto where = json::first_non_finite(t))
        return make_problem(errc::number_out_of_range, *where, "a token holds only finite numbers", "tokenNumber");
    return std::nullopt;
}
}  // namespace detail

// --- JSON -----------------------------------------------------------------------------------------

/// Strict parse (duplicate members anywhere refused: no second "signature" or "specHash" smuggled
/// past one reader) and strict decode (closed member sets, algorithm "ed25519" only).
[[nodiscard]] inline checked<authority_derivation_token> parse_authority_derivation_token(std::string_view text,
                                                                                        const json::parse_limits& limits = {}) {
    return json::parse_document<authority_derivation_token>(text, limits);
}

/// Compact JSON text of a token (absent notBefore / notAfter omitted).
[[nodiscard]] inline checked<std::string> to_text(const authority_derivation_token& t) {
    if (auto p = detail::check_finite(t)) return std::move(*p);
    return json::to_text(json::to_value(t));
}

// --- the signed bytes -------------------------------------------------------------------------------

/// What the grantor signs and the verifier checks: RFC 8785 (canonical_json_bytes) of the token's
/// JSON without "signature", plus "kind": derivation_token_kind. Every other member is covered,
/// grantorKid and algorithm included. Refused: a non-finite number (no JSON for it).
[[nodiscard]] inline checked<std::string> authority_derivation_signing_payload(const authority_derivation_token& t) {
    if (auto p = detail::check_finite(t)) return std::move(*p);
    boost::json::value v = json::to_value(t);
    const std::string_view sig = detail::token_wire<&detail::token::signature>;
    v.get_object().erase(boost::json::string_view(sig.data(), sig.size()));
    v.get_object()["kind"] = boost::json::string(derivation_token_kind.data(), derivation_token_kind.size());
    return canonical_json_bytes(v);
}

// --- signing ----------------------------------------------------------------------------------------

/// Signs `draft` for `spec`: sets algorithm (ed25519), specHash (canonical_spec_hash(spec)) and
/// signature; every other member is the caller's. Refuses an invalid key id (kidFormat). It does
/// not judge the derivation or the scope: the verifier does, so nothing a signer skipped is trusted.
template <Storage S, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<authority_derivation_token> sign_authority_derivation(authority_derivation_token draft,
                                                                          const basic_execution_cell_document<S>& spec,
                                                                          const typename P::ed25519_signing_key& key,
                                                                          const P& provider = {}) {
    if (!is_kid(draft.grantor_kid))
        return make_problem(errc::invalid_value, detail::token_at(detail::token_wire<&detail::token::grantor_kid>),
                            "a key id is 1 to 128 bytes of printable UTF-8", "kidFormat");
    draft.algorithm = derivation_token_algorithm::ed25519;
    draft.spec_hash = canonical_spec_hash(spec);
    draft.signature.clear();
    BOOST_OUTCOME_TRY(const std::string payload, authority_derivation_signing_payload(draft));
    BOOST_OUTCOME_TRY(const ed25519_signature sig, provider.ed25519_sign(key, bytes_of(payload)));
    draft.signature = sig.to_base64url();
    return draft;
}

// --- verification -----------------------------------------------------------------------------------

namespace detail {
[[nodiscard]] inline problem refusal_moved_to(problem p, std::string pointer) {
    p.pointer = std::move(pointer);
    return p;
}

/// notBefore <= now < notAfter, each bound only when present. Refusals: tokenTimestamp,
/// notYetValid, expired.
[[nodiscard]] inline std::optional<problem> check_validity_window(const authority_derivation_token& t, std::chrono::sys_seconds now) {
    const std::int64_t secs = now.time_since_epoch().count();
    if (t.not_before) {
        const auto nb = parse_rfc3339(*t.not_before);
        const std::string p = token_at(token_wire<&token::not_before>);
        if (!nb) return make_problem(errc::invalid_timestamp, p, "notBefore is not an RFC 3339 date-time", "tokenTimestamp");
        if (secs < nb->unix_seconds())
            return make_problem(errc::outside_validity_window, p, "the token is not valid before " + *t.not_before, "notYetValid");
    }
    if (t.not_after) {
        const auto na = parse_rfc3339(*t.not_after);
        const std::string p = token_at(token_wire<&token::not_after>);
        if (!na) return make_problem(errc::invalid_timestamp, p, "notAfter is not an RFC 3339 date-time", "tokenTimestamp");
        if (secs >= na->unix_seconds())
            return make_problem(errc::outside_validity_window, p, "the token expired at " + *t.not_after, "expired");
    }
    return std::nullopt;
}
}  // namespace detail

/// Verifies `token` against `spec` with the key its grantorKid resolves to, at time `now`. Checks,
/// in order (the first refusal is returned):
///  1. the key id's syntax (kidFormat) and the key: known (unknownKid), Ed25519 (an HMAC key is
///     refused: keyAlgorithmMismatch);
///  2. the signature over authority_derivation_signing_payload: canonical encoding (64 bytes,
///     S < L, canonical R) and the curve equation, strictly (ed25519Mismatch). Nothing the token
///     says is looked at before this, so a forged token learns nothing about the checks below;
///  3. the binding: specHash equals canonical_spec_hash(spec) (specHashMismatch);
///  4. the validity window at `now` (tokenTimestamp, notYetValid, expired);
///  5. the derivation validates (the kernel's validator; its code, pointer under /derivation);
///  6. the scope lies within spec.authority (declared-surface rules, pointer under /scope).
/// On success the token, as verified<authority_derivation_token> with the grantor's key id.
template <KeyResolver R, Storage S, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified<authority_derivation_token>> verify_authority_derivation(authority_derivation_token token,
                                                                                      const basic_execution_cell_document<S>& spec,
                                                                                      const R& keys, std::chrono::sys_seconds now,
                                                                                      const P& provider = {}) {
    using detail::token_at;
    using detail::token_wire;
    using T = detail::token;
    const std::string kid_at = token_at(token_wire<&T::grantor_kid>);
    if (!is_kid(token.grantor_kid))
        return make_problem(errc::invalid_value, kid_at, "a key id is 1 to 128 bytes of printable UTF-8", "kidFormat");
    const resolved_key key = keys.resolve(token.grantor_kid);
    if (std::holds_alternative<std::monostate>(key))
        return make_problem(errc::unknown_key_id, kid_at, "no trusted key has key id \"" + token.grantor_kid + "\"", "unknownKid");
    if (!std::holds_alternative<std::reference_wrapper<const ed25519_public_key>>(key))
        return make_problem(errc::algorithm_mismatch, token_at(token_wire<&T::algorithm>),
                            "key id \"" + token.grantor_kid + "\" is an HMAC key; a derivation token is signed with Ed25519 only",
                            "keyAlgorithmMismatch");
    const std::string sig_at = token_at(token_wire<&T::signature>);
    auto sig = ed25519_signature::from_base64url(token.signature);
    if (!sig) return detail::refusal_moved_to(std::move(sig).error(), sig_at);
    BOOST_OUTCOME_TRY(const std::string payload, authority_derivation_signing_payload(token));
    auto ok = verify_ed25519(std::get<std::reference_wrapper<const ed25519_public_key>>(key).get(), bytes_of(payload), sig.value(),
                             provider);
    if (!ok) return detail::refusal_moved_to(std::move(ok).error(), sig_at);

    const std::string expected_hash = canonical_spec_hash(spec);
    if (token.spec_hash != expected_hash)
        return make_problem(errc::scope_exceeded, token_at(token_wire<&T::spec_hash>),
                            "the token is bound to spec " + token.spec_hash + ", not to this spec (" + expected_hash + ")",
                            "specHashMismatch");
    if (auto p = detail::check_validity_window(token, now)) return std::move(*p);
    if (auto e = validate(token.derivation)) return to_problem(*e);  // pointers /derivation/… fit the token
    const findings<surface_rule> outside = check_declared_authority_surface(
        token.scope, authority_capability_of(spec.spec.authority), json_path{} / token_wire<&T::scope>, 1);
    if (!outside.empty()) return to_problem(outside.front());
    std::string kid = token.grantor_kid;
    return cellos::trust::detail::verified_access::make(std::move(token), std::move(kid));
}

/// Text → strict parse and decode → verify_authority_derivation.
template <KeyResolver R, Storage S, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified<authority_derivation_token>> verify_authority_derivation(std::string_view token_text,
                                                                                      const basic_execution_cell_document<S>& spec,
                                                                                      const R& keys, std::chrono::sys_seconds now,
                                                                                      const P& provider = {},
                                                                                      const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(authority_derivation_token token, parse_authority_derivation_token(token_text, limits));
    return verify_authority_derivation(std::move(token), spec, keys, now, provider);
}

/// The token a spec carries (spec.authority.derivationToken), verified against that spec; refused
/// with missing_field at /spec/authority/derivationToken when there is none, and every refusal's
/// pointer moved under it.
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified<authority_derivation_token>> verify_spec_derivation_token(const execution_cell_document& spec, const R& keys,
                                                                                       std::chrono::sys_seconds now, const P& provider = {}) {
    const std::string base = "/spec/authority/derivationToken";
    if (!spec.spec.authority.derivation_token)
        return make_problem(errc::missing_field, base, "the spec carries no derivation token", "derivationTokenPresent");
    auto v = verify_authority_derivation(*spec.spec.authority.derivation_token, spec, keys, now, provider);
    if (!v) return detail::refusal_moved_to(v.error(), base + v.error().pointer);
    return v;
}

// --- after verification: the scope policy and the typed authority -----------------------------------

/// The deployment's derivation-token scope policy (upstream L5-16 / I6 / O6; its rules are
/// unpublished, these are our choice). Defaults admit every verified token.
struct derivation_scope_policy {
    /// Key ids allowed to grant derivations; empty = every key the resolver trusts. A key trusted to
    /// sign events is not thereby a grantor: name the grantors here.
    std::vector<std::string> grantor_kids{};
    /// Highest output tier a token may grant.
    int max_tier = cellos::max_tier;
    /// Rule classes a granted derivation may apply.
    class_set permitted_classes = class_set::from_bits(0x3F);
    /// When set: notBefore and notAfter are required and notAfter - notBefore may not exceed it
    /// (no open-ended grants).
    std::optional<std::chrono::seconds> max_lifetime{};
};

/// Applies `policy` to a verified token (only a verified one: an unverified token does not compile
/// here). Checks, in order: derivationGrantor, derivationTier, derivationRuleClass,
/// derivationLifetime; all scope_exceeded.
[[nodiscard]] inline checked<void> enforce_derivation_scope_policy(const verified<authority_derivation_token>& v,
                                                                   const derivation_scope_policy& policy) {
    using detail::token_at;
    using detail::token_wire;
    using T = detail::token;
    const authority_derivation_token& t = v.value();
    if (!policy.grantor_kids.empty()) {
        bool listed = false;
        for (const std::string& k : policy.grantor_kids) listed = listed || k == v.kid();
        if (!listed)
            return make_problem(errc::scope_exceeded, token_at(token_wire<&T::grantor_kid>),
                                "key id \"" + v.kid() + "\" may not grant derivations under this policy", "derivationGrantor");
    }
    if (t.derivation.output.tier > policy.max_tier)
        return make_problem(errc::scope_exceeded, "/derivation/output/tier",
                            "the token grants tier " + std::to_string(t.derivation.output.tier) + "; the policy allows at most " +
                                std::to_string(policy.max_tier),
                            "derivationTier");
    for (std::size_t i = 0; i < t.derivation.rules_applied.size(); ++i)
        if (!policy.permitted_classes.contains(t.derivation.rules_applied[i].cls))
            return make_problem(errc::scope_exceeded, "/derivation/rules_applied/" + std::to_string(i) + "/class",
                                "rule class " + std::string(to_wire(t.derivation.rules_applied[i].cls)) + " is not permitted by the policy",
                                "derivationRuleClass");
    if (policy.max_lifetime) {
        // verify_authority_derivation parsed both bounds; a token that reached here otherwise is refused
        const std::optional<rfc3339_timestamp> nb = t.not_before ? parse_rfc3339(*t.not_before) : std::nullopt;
        const std::optional<rfc3339_timestamp> na = t.not_after ? parse_rfc3339(*t.not_after) : std::nullopt;
        if (!t.not_before)
            return make_problem(errc::scope_exceeded, token_at(token_wire<&T::not_before>), "the policy requires a bounded validity window",
                                "derivationLifetime");
        if (!t.not_after)
            return make_problem(errc::scope_exceeded, token_at(token_wire<&T::not_after>), "the policy requires a bounded validity window",
                                "derivationLifetime");
        if (!nb || !na || na->unix_seconds() - nb->unix_seconds() > policy.max_lifetime->count())
            return make_problem(errc::scope_exceeded, token_at(token_wire<&T::not_after>),
                                "the validity window exceeds the policy's " + std::to_string(policy.max_lifetime->count()) + " s",
                                "derivationLifetime");
    }
    return boost::outcome_v2::success();
}

/// The kernel's typed authority of kind K from a verified token (make_authority<K>; its refusals
/// with pointers under /derivation). Proven gets the artifact jws_verified{kid of the grantor}: it
/// records that the grantor's Ed25519 key signed this derivation for this spec and scope; it does
/// not prove the derivation's inputs are true, nor that the grantor observed them.
template <authority_kind K>
[[nodiscard]] checked<any_authority<K>> derived_authority(const verified<authority_derivation_token>& v) {
    auto made = [&] {
        if constexpr (K == authority_kind::proven) return make_authority<K>(v.value().derivation, jws_verified{v.kid()});
        else return make_authority<K>(v.value().derivation);
    }();
    if (!made) return to_problem(made.error());
    return std::move(made).value();
}

}  // namespace cellos::trust
