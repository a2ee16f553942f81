// cellos/trust/keyset.hpp — signed trust keysets and their rotation chain (upstream SEC-25:
// verify_signed_trust_keyset_envelope, verify_signed_trust_keyset_chain). A keyset names the
// Ed25519 keys trusted for a while; it travels base64url-encoded in the `payload` of a
// signed_trust_keyset_envelope (cellos/spec/keyset.hpp) and is signed by keys the verifier already
// trusts: anchors for the first link, the previous keyset's keys for every later one. What a
// verification establishes is a type, verified_keyset, and its keys resolve key ids for the event
// verifier. The keyset document's shape and the chain rules are our choice: docs/trust.md#keysets.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/grammar/rfc3339.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/identifiers.hpp"
#include "cellos/spec/keyset.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/trust/base64url.hpp"
#include "cellos/trust/canonical.hpp"
#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/sha256.hpp"
#include "cellos/trust/verified.hpp"
#include "cellos/trust/verify_keys.hpp"

namespace cellos::trust {

/// Bounds on what one keyset or chain may ask of a verifier (our choice): memory and signature
/// checks stay bounded whatever an envelope holds.
inline constexpr std::size_t max_keyset_keys = 256;
inline constexpr std::size_t max_keyset_signatures = 32;
inline constexpr std::size_t max_keyset_chain_links = 64;

/// A keyset document. JSON (our choice): {"keysetId": portable id, "version": 1..2^53,
/// "notBefore": RFC 3339, "notAfter": RFC 3339 (later), "threshold": signatures of these keys a
/// successor needs (default 1, at most the number of keys), "previousDigest": "sha256:<hex>" of the
/// predecessor's payload bytes (every link after the first), "keys": {kid: base64url key}}.
struct trust_keyset {
    std::string keyset_id;
    std::uint64_t version = 0;
    std::string not_before;
    std::string not_after;
    std::uint32_t threshold = 1;
    std::optional<std::string> previous_digest;
    keyring keys;  ///< Ed25519 keys only
};

namespace keyset_fields {
inline constexpr std::string_view keyset_id = "keysetId";
inline constexpr std::string_view version = "version";
inline constexpr std::string_view not_before = "notBefore";
inline constexpr std::string_view not_after = "notAfter";
inline constexpr std::string_view threshold = "threshold";
inline constexpr std::string_view previous_digest = "previousDigest";
inline constexpr std::string_view keys = "keys";
inline constexpr std::array<std::string_view, 7> all{keyset_id, version, not_before, not_after, threshold, previous_digest, keys};
}  // namespace keyset_fields

namespace detail {
[[nodiscard]] inline std::int64_t unix_seconds_of(std::string_view rfc3339) noexcept {
    const auto t = parse_rfc3339(rfc3339);
    return t ? t->unix_seconds() : 0;
}
[[nodiscard]] inline std::string pointer_under(std::string_view base, std::string_view pointer) { return std::string(base) + std::string(pointer); }
[[nodiscard]] inline problem moved_under(problem p, std::string_view base) {
    p.pointer = pointer_under(base, p.pointer);
    return p;
}
}  // namespace detail

// --- the keyset document --------------------------------------------------------------------------

/// The keyset's rules, checked after decoding (pointers into the keyset document).
[[nodiscard]] inline std::optional<problem> check_trust_keyset(const trust_keyset& k) {
    if (!is_portable_identifier(k.keyset_id))
        return make_problem(errc::invalid_value, "/keysetId", "a keyset id is a portable identifier", "keysetIdFormat");
    if (k.version == 0) return make_problem(errc::number_out_of_range, "/version", "a keyset version is at least 1", "keysetVersion");
    const auto nb = parse_rfc3339(k.not_before);
    if (!nb) return make_problem(errc::invalid_timestamp, "/notBefore", "notBefore is not an RFC 3339 date-time", "keysetTime");
    const auto na = parse_rfc3339(k.not_after);
    if (!na) return make_problem(errc::invalid_timestamp, "/notAfter", "notAfter is not an RFC 3339 date-time", "keysetTime");
    if (na->unix_seconds() <= nb->unix_seconds())
        return make_problem(errc::invalid_value, "/notAfter", "notAfter must be later than notBefore", "keysetWindow");
    if (k.previous_digest && !is_sha256_digest(*k.previous_digest))
        return make_problem(errc::invalid_value, "/previousDigest", "previousDigest is \"sha256:\" and 64 lowercase hex digits", "sha256Digest");
    if (k.keys.empty()) return make_problem(errc::invalid_value, "/keys", "a keyset holds at least one key", "keysetKeys");
    if (k.keys.size() > max_keyset_keys)
        return make_problem(errc::input_too_large, "/keys", "a keyset holds at most " + std::to_string(max_keyset_keys) + " keys", "keysetKeys");
    if (k.threshold == 0 || k.threshold > k.keys.size())
        return make_problem(errc::invalid_value, "/threshold", "threshold must be between 1 and the number of keys (" + std::to_string(k.keys.size()) + ")",
                            "keysetThreshold");
    // One key under two ids would count twice towards a threshold.
    std::vector<std::array<std::uint8_t, 32>> seen;
    for (const auto& [kid, key] : k.keys.ed25519_keys()) {
        if (std::find(seen.begin(), seen.end(), key.bytes()) != seen.end()) {
            std::string pointer = "/keys";
            cellos::detail::append_pointer_token(pointer, kid);
            return make_problem(errc::duplicate_key, pointer, "key id \"" + kid + "\" repeats a key listed under another id", "keysetDuplicateKey");
        }
        seen.push_back(key.bytes());
    }
    return std::nullopt;
}

/// Decodes a keyset document: a closed member set, then check_trust_keyset.
[[nodiscard]] inline checked<trust_keyset> decode_trust_keyset(const boost::json::value& v, json::decoder& d) {
    BOOST_OUTCOME_TRY(const json::object_reader r, json::object_reader::open(v, d, keyset_fields::all));
    trust_keyset k;
    BOOST_OUTCOME_TRY(k.keyset_id, r.required<std::string>(keyset_fields::keyset_id));
    BOOST_OUTCOME_TRY(k.version, r.required<std::uint64_t>(keyset_fields::version));
    BOOST_OUTCOME_TRY(k.not_before, r.required<std::string>(keyset_fields::not_before));
    BOOST_OUTCOME_TRY(k.not_after, r.required<std::string>(keyset_fields::not_after));
    BOOST_OUTCOME_TRY(const std::optional<std::uint32_t> threshold, r.optional<std::uint32_t>(keyset_fields::threshold));
    k.threshold = threshold.value_or(1);
    BOOST_OUTCOME_TRY(k.previous_digest, r.optional<std::string>(keyset_fields::previous_digest));
    const boost::json::value* keys = r.object().if_contains("keys");
    if (keys == nullptr) return make_problem(errc::missing_field, d.pointer() + "/keys", "missing required field \"keys\"");
    BOOST_OUTCOME_TRY(k.keys, decode_trust_verify_keys(*keys, d.pointer() + "/keys"));
    if (auto p = check_trust_keyset(k)) return detail::moved_under(std::move(*p), d.pointer());
    return k;
}

/// Strict parse and decode of a keyset document's text.
[[nodiscard]] inline checked<trust_keyset> parse_trust_keyset(std::string_view text, const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(const boost::json::value v, json::parse_strict(text, limits));
    json::decoder d;
    return decode_trust_keyset(v, d);
}

/// The keyset's JSON object (members in the order of keyset_fields; threshold always written).
[[nodiscard]] inline boost::json::value to_value(const trust_keyset& k) {
    const auto str = [](std::string_view s) { return boost::json::string(s.data(), s.size()); };
    boost::json::object o;
    o["keysetId"] = str(k.keyset_id);
    o["version"] = k.version;
    o["notBefore"] = str(k.not_before);
    o["notAfter"] = str(k.not_after);
    o["threshold"] = k.threshold;
    if (k.previous_digest) o["previousDigest"] = str(*k.previous_digest);
    boost::json::object keys;
    for (const auto& [kid, key] : k.keys.ed25519_keys()) keys[boost::json::string_view(kid.data(), kid.size())] = str(key.to_base64url());
    o["keys"] = std::move(keys);
    return boost::json::value(std::move(o));
}

// --- signing -----------------------------------------------------------------------------------------

/// One signer of a keyset: its key id and private key (borrowed).
template <CryptoProvider P = cryptopp_provider>
struct keyset_signer {
    std::string_view kid;
    const typename P::ed25519_signing_key& key;
};

/// Signs `k` (refused unless check_trust_keyset passes) into an envelope whose payload is the RFC 8785
/// text of the keyset, one signature per signer (key ids unique), `sequence` = the version and
/// `previousDigest` copied from the keyset, so the unsigned header agrees with the signed payload.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<signed_trust_keyset_envelope> sign_trust_keyset(const trust_keyset& k, std::span<const keyset_signer<P>> signers,
                                                                      const P& provider = {}) {
    if (auto p = check_trust_keyset(k)) return std::move(*p);
    if (signers.empty() || signers.size() > max_keyset_signatures)
        return make_problem(errc::usage, "/signatures", "a keyset is signed by 1 to " + std::to_string(max_keyset_signatures) + " keys");
    BOOST_OUTCOME_TRY(const std::string payload, canonical_json_bytes(to_value(k)));
    signed_trust_keyset_envelope env{std::string(signed_trust_keyset_envelope_kind), encode_base64url(bytes_of(payload)), {}, k.version,
                                     k.previous_digest};
    for (const keyset_signer<P>& s : signers) {
        if (!is_kid(s.kid)) return make_problem(errc::invalid_value, "/signatures", "a key id is 1 to 128 bytes of printable UTF-8", "kidFormat");
        BOOST_OUTCOME_TRY(const ed25519_signature sig, provider.ed25519_sign(s.key, bytes_of(payload)));
        env.signatures.push_back({std::string(s.kid), cellos::signature_algorithm::ed25519, sig.to_base64url()});
    }
    if (!check_signed_trust_keyset_envelope(env).empty())
        return make_problem(errc::duplicate_key, "/signatures", "a keyset is signed at most once per key id", "unique");
    return env;
}

// --- verification -------------------------------------------------------------------------------------

/// What verifying one envelope establishes: the keyset, the exact payload bytes that were signed
/// (upstream returns these), their digest ("sha256:<hex>", what a successor's previousDigest names),
/// the key ids whose signatures verified, and how many links the chain had (1 for one envelope).
struct trust_keyset_verification {
    trust_keyset keyset;
    std::string payload;
    std::string digest;
    std::vector<std::string> signer_kids;
    std::size_t links = 1;
};

/// A keyset that verify_signed_trust_keyset_envelope or _chain accepted; kid() is its first signer.
using verified_keyset = verified<trust_keyset_verification>;

/// The keys of a verified keyset: a KeyResolver for verify_signed_event_envelope. Takes only the
/// verified type, so keys nobody verified are not handed out as trusted.
[[nodiscard]] inline const keyring& trusted_keys(const verified_keyset& v) noexcept { return v->keyset.keys; }

namespace detail {

/// One link: the envelope's shape, then its signatures against `signers` (before the payload is
/// parsed: nothing unauthenticated reaches the JSON parser), `threshold` distinct trusted keys, then
/// the payload and the header's agreement with it. No time check (the caller knows which time).
template <KeyResolver R, CryptoProvider P>
[[nodiscard]] checked<trust_keyset_verification> verify_keyset_link(const signed_trust_keyset_envelope& env, const R& signers,
                                                                    std::uint32_t threshold, const json::parse_limits& limits, const P& provider) {
    const auto shape = check_signed_trust_keyset_envelope(env);
    if (!shape.empty()) return to_problem(shape.front(), errc::invalid_value);
    if (env.signatures.size() > max_keyset_signatures)
        return make_problem(errc::input_too_large, "/signatures", "at most " + std::to_string(max_keyset_signatures) + " signatures are checked",
                            "keysetSignatures");
    const auto raw = decode_base64url(env.payload);
    if (!raw) return make_problem(errc::invalid_base64, "/payload", "the payload must be base64url", "payloadEncoding");
    if (raw->size() > limits.max_bytes)
        return make_problem(errc::input_too_large, "/payload", "the payload is larger than " + std::to_string(limits.max_bytes) + " bytes",
                            "payloadSize");
    const byte_view message(raw->data(), raw->size());

    trust_keyset_verification out;
    std::vector<std::array<std::uint8_t, 32>> counted;  // distinct keys: one key under two ids counts once
    for (std::size_t i = 0; i < env.signatures.size(); ++i) {
        const trust_keyset_signature& s = env.signatures[i];
        const std::string at = "/signatures/" + std::to_string(i);
        const resolved_key key = signers.resolve(s.kid);
        if (std::holds_alternative<std::monostate>(key)) continue;  // a signer this verifier does not trust adds nothing
        const auto* pub = std::get_if<std::reference_wrapper<const ed25519_public_key>>(&key);
        if (pub == nullptr)
            return make_problem(errc::algorithm_mismatch, at + "/kid", "key id \"" + s.kid + "\" is an HMAC key; keysets are signed with Ed25519",
                                "keyAlgorithmMismatch");
        auto sig = ed25519_signature::from_base64url(s.signature);
        if (!sig) return moved_under(std::move(sig).error(), at + "/signature");
        // A trusted key whose signature fails is an attack or corruption, not an absent vote: refuse.
        if (auto ok = verify_ed25519(pub->get(), message, sig.value(), provider); !ok) return moved_under(std::move(ok).error(), at + "/signature");
        if (std::find(counted.begin(), counted.end(), pub->get().bytes()) != counted.end()) continue;
        counted.push_back(pub->get().bytes());
        out.signer_kids.push_back(s.kid);
    }
    if (counted.empty()) return make_problem(errc::unknown_key_id, "/signatures", "no signature is by a trusted key", "noTrustedSigner");
    if (counted.size() < threshold)
        return make_problem(errc::threshold_not_met, "/signatures",
                            std::to_string(counted.size()) + " distinct trusted key(s) signed; " + std::to_string(threshold) + " required",
                            "signatureThreshold");

    out.payload.assign(reinterpret_cast<const char*>(raw->data()), raw->size());
    auto keyset = parse_trust_keyset(out.payload, limits);
    if (!keyset) return moved_under(std::move(keyset).error(), "/payload");
    out.keyset = std::move(keyset).value();
    if (env.sequence && *env.sequence != out.keyset.version)
        return make_problem(errc::invalid_value, "/sequence", "sequence " + std::to_string(*env.sequence) + " is not the signed version " +
                                                                  std::to_string(out.keyset.version),
                            "headerMismatch");
    if (env.previous_digest != out.keyset.previous_digest)
        return make_problem(errc::invalid_value, "/previousDigest", "previousDigest differs from the signed payload's", "headerMismatch");
    out.digest = sha256_digest_string(out.payload);
    return out;
}

/// `now` within [notBefore, notAfter) of `k`; pointers under `base`.
[[nodiscard]] inline std::optional<problem> check_window(const trust_keyset& k, std::chrono::sys_seconds now, std::string_view base) {
    const std::int64_t t = now.time_since_epoch().count();
    if (t < unix_seconds_of(k.not_before))
        return make_problem(errc::outside_validity_window, pointer_under(base, "/payload/notBefore"),
                            "keyset \"" + k.keyset_id + "\" version " + std::to_string(k.version) + " is not valid before " + k.not_before,
                            "notYetValid");
    if (t >= unix_seconds_of(k.not_after))
        return make_problem(errc::outside_validity_window, pointer_under(base, "/payload/notAfter"),
                            "keyset \"" + k.keyset_id + "\" version " + std::to_string(k.version) + " expired at " + k.not_after, "expired");
    return std::nullopt;
}

}  // namespace detail

/// Options of one envelope's verification.
struct keyset_verify_options {
    std::chrono::sys_seconds now{};        ///< the time the keyset must be valid at
    std::uint32_t threshold = 1;           ///< distinct trusted keys that must have signed
    json::parse_limits limits{};

    /// The defaults at time `now` (an aggregate initialiser would name every member to stay warning-free).
    [[nodiscard]] static keyset_verify_options at(std::chrono::sys_seconds now, std::uint32_t threshold = 1) {
        keyset_verify_options o;
        o.now = now;
        o.threshold = threshold;
        return o;
    }
};

/// Verifies one envelope against `signers` (upstream SEC-25 phase 1): the envelope's shape, at
/// least `threshold` distinct trusted Ed25519 signatures over the payload bytes (a trusted key whose
/// signature fails refuses the envelope; signatures by unknown key ids count for nothing), the
/// keyset document, the header's agreement with it, and its validity window at `now`.
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified_keyset> verify_signed_trust_keyset_envelope(const signed_trust_keyset_envelope& env, const R& signers,
                                                                           const keyset_verify_options& options, const P& provider = {}) {
    BOOST_OUTCOME_TRY(trust_keyset_verification v, detail::verify_keyset_link(env, signers, options.threshold, options.limits, provider));
    if (auto p = detail::check_window(v.keyset, options.now, "")) return std::move(*p);
    std::string kid = v.signer_kids.front();
    return detail::verified_access::make(std::move(v), std::move(kid));
}

/// Options of a chain's verification.
struct keyset_chain_options {
    std::chrono::sys_seconds now{};                      ///< the time the head must be valid at
    std::uint32_t anchor_threshold = 1;                  ///< distinct anchors that must sign the first link
    std::optional<std::uint64_t> last_accepted_version;  ///< the newest version accepted before (rollback floor)
    json::parse_limits limits{};

    /// The defaults at time `now`.
    [[nodiscard]] static keyset_chain_options at(std::chrono::sys_seconds now) {
        keyset_chain_options o;
        o.now = now;
        return o;
    }
};

/// Verifies a rotation chain, oldest first (upstream SEC-25 phase 3). The first link is signed by
/// `anchors` (anchor_threshold of them); each later link by `threshold` distinct keys of the link
/// before it, with the same keysetId, a strictly greater version, previousDigest = the digest of
/// the previous payload, and a notBefore within the previous link's window. Only the head must be
/// valid at `now` (older links are history); its version must not be below last_accepted_version.
/// Pointers start with the link's index ("/2/payload/version").
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified_keyset> verify_signed_trust_keyset_chain(std::span<const signed_trust_keyset_envelope> chain, const R& anchors,
                                                                        const keyset_chain_options& options, const P& provider = {}) {
    if (chain.empty()) return make_problem(errc::empty_input, "", "a keyset chain holds at least one envelope", "emptyChain");
    if (chain.size() > max_keyset_chain_links)
        return make_problem(errc::input_too_large, "", "a keyset chain holds at most " + std::to_string(max_keyset_chain_links) + " links",
                            "chainLength");
    auto first = detail::verify_keyset_link(chain[0], anchors, options.anchor_threshold, options.limits, provider);
    if (!first) return detail::moved_under(std::move(first).error(), "/0");
    trust_keyset_verification head = std::move(first).value();
    for (std::size_t i = 1; i < chain.size(); ++i) {
        const std::string at = "/" + std::to_string(i);
        auto link = detail::verify_keyset_link(chain[i], head.keyset.keys, head.keyset.threshold, options.limits, provider);
        if (!link) return detail::moved_under(std::move(link).error(), at);
        trust_keyset_verification next = std::move(link).value();
        const trust_keyset& prev = head.keyset;
        const trust_keyset& cur = next.keyset;
        if (cur.keyset_id != prev.keyset_id)
            return make_problem(errc::invalid_value, at + "/payload/keysetId",
                                "keyset id \"" + cur.keyset_id + "\" does not continue the chain of \"" + prev.keyset_id + "\"", "keysetIdMismatch");
        if (cur.version <= prev.version)
            return make_problem(errc::version_rollback, at + "/payload/version",
                                "version " + std::to_string(cur.version) + " does not follow version " + std::to_string(prev.version),
                                "versionNotIncreasing");
        if (cur.previous_digest != head.digest)
            return make_problem(errc::chain_broken, at + "/payload/previousDigest",
                                "previousDigest is not the digest of version " + std::to_string(prev.version) + " (" + head.digest + ")",
                                "previousDigestMismatch");
        const std::int64_t starts = detail::unix_seconds_of(cur.not_before);
        if (starts < detail::unix_seconds_of(prev.not_before) || starts >= detail::unix_seconds_of(prev.not_after))
            return make_problem(errc::outside_validity_window, at + "/payload/notBefore",
                                "version " + std::to_string(cur.version) + " starts outside the window of version " + std::to_string(prev.version),
                                "successorOutsideWindow");
        next.links = head.links + 1;
        head = std::move(next);
    }
    const std::string last = "/" + std::to_string(chain.size() - 1);
    if (options.last_accepted_version && head.keyset.version < *options.last_accepted_version)
        return make_problem(errc::version_rollback, last + "/payload/version",
                            "version " + std::to_string(head.keyset.version) + " is older than version " +
                                std::to_string(*options.last_accepted_version) + ", accepted before",
                            "belowAcceptedVersion");
    if (auto p = detail::check_window(head.keyset, options.now, last)) return std::move(*p);
    std::string kid = head.signer_kids.front();
    return detail::verified_access::make(std::move(head), std::move(kid));
}

// --- the vocabulary's keyset events ---------------------------------------------------------------------

/// keyset.v1.verified for an accepted keyset (kid = its first signer, sequence = its version), or
/// keyset.v1.verification_failed naming `keyset_id` (the caller's name for what it tried to load:
/// a refused payload is not read) and the problem ("<code> at <pointer>: <message>").
[[nodiscard]] inline checked<cloud_event_v1> keyset_outcome_event(const checked<verified_keyset>& outcome, std::string_view keyset_id,
                                                                  const json::event_context& ctx) {
    if (outcome) {
        const verified_keyset& v = outcome.value();
        return json::cloud_event_v1_keyset_verified(v->keyset.keyset_id, v.kid(), v->keyset.version, ctx);
    }
    const problem& p = outcome.error();
    return json::cloud_event_v1_keyset_verification_failed(keyset_id, std::nullopt,
                                                           std::string(p.code_name()) + " at \"" + p.pointer + "\": " + p.message, ctx);
}

}  // namespace cellos::trust
