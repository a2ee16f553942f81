// cellos/trust/signed_event.hpp — per-event signing (upstream I5): a CloudEvent signed with Ed25519
// or HMAC-SHA256 into a signed_event_envelope_v1, carried as the `data` of a transport CloudEvent
// of type dev.cellos.events.signed_envelope.v1, and verified against keys found by key id. The
// signed bytes are canonical_event_signing_payload (RFC 8785), so re-serialising an event does not
// break its signature. A successful verification is a type: verified<signed_event_envelope_v1>.
// Wire shape (member names, algorithm strings, signature encoding) is our choice where upstream is
// unpublished: docs/trust.md#envelope.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/enum_table.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/events/type_strings.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/write.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/canonical.hpp"
#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/verified.hpp"

namespace cellos::trust {

/// The two signature algorithms of an envelope (wire strings "ed25519", "hmac-sha256").
enum class signature_algorithm { ed25519, hmac_sha256 };

}  // namespace cellos::trust

template <>
struct cellos::detail::enum_names<cellos::trust::signature_algorithm> {
    static constexpr std::array<std::string_view, 2> wire{"ed25519", "hmac-sha256"};
};

namespace cellos::trust {

/// A signed CloudEvent. JSON (our choice):
/// {"canonicalPayloadVersion": 1, "algorithm": "ed25519"|"hmac-sha256", "signerKid": "<kid>",
///  "signature": "<base64url, unpadded>", "event": {<the CloudEvent, structured mode>}}.
struct signed_event_envelope_v1 {
    int canonical_payload_version = trust::canonical_payload_version;
    signature_algorithm algorithm{};
    std::string signer_kid;
    std::string signature;  ///< base64url of 64 bytes (Ed25519) or 32 bytes (HMAC-SHA256)
    cloud_event_v1 event;
    friend bool operator==(const signed_event_envelope_v1&, const signed_event_envelope_v1&) = default;
};

namespace envelope_fields {
inline constexpr std::string_view canonical_payload_version = "canonicalPayloadVersion";
inline constexpr std::string_view algorithm = "algorithm";
inline constexpr std::string_view signer_kid = "signerKid";
inline constexpr std::string_view signature = "signature";
inline constexpr std::string_view event = "event";
inline constexpr std::array<std::string_view, 5> all{canonical_payload_version, algorithm, signer_kid, signature, event};
}  // namespace envelope_fields

// --- JSON -----------------------------------------------------------------------------------------

/// The envelope's JSON object (members in the order above). Refuses an invalid event.
[[nodiscard]] inline checked<boost::json::value> to_value(const signed_event_envelope_v1& env) {
    BOOST_OUTCOME_TRY(boost::json::value event, json::to_value(env.event));
    boost::json::object o;
    const auto key = [](std::string_view s) { return boost::json::string_view(s.data(), s.size()); };
    o[key(envelope_fields::canonical_payload_version)] = env.canonical_payload_version;
    const std::string_view alg = to_wire(env.algorithm);
    o[key(envelope_fields::algorithm)] = boost::json::string(alg.data(), alg.size());
    o[key(envelope_fields::signer_kid)] = boost::json::string(env.signer_kid.data(), env.signer_kid.size());
    o[key(envelope_fields::signature)] = boost::json::string(env.signature.data(), env.signature.size());
    o[key(envelope_fields::event)] = std::move(event);
    return boost::json::value(std::move(o));
}

/// Compact JSON text of the envelope.
[[nodiscard]] inline checked<std::string> to_text(const signed_event_envelope_v1& env) {
    BOOST_OUTCOME_TRY(const boost::json::value v, to_value(env));
    return json::to_text(v);
}

/// Decodes an envelope from a parsed value: a closed member set, every member required, the event
/// decoded by the strict CloudEvents decoder (pointers under /event).
[[nodiscard]] inline checked<signed_event_envelope_v1> decode_signed_event_envelope(const boost::json::value& v, json::decoder& d) {
    BOOST_OUTCOME_TRY(const json::object_reader r, json::object_reader::open(v, d, envelope_fields::all));
    signed_event_envelope_v1 env;
    BOOST_OUTCOME_TRY(env.canonical_payload_version, r.required<int>(envelope_fields::canonical_payload_version));
    BOOST_OUTCOME_TRY(env.algorithm, r.required<signature_algorithm>(envelope_fields::algorithm));
    BOOST_OUTCOME_TRY(env.signer_kid, r.required<std::string>(envelope_fields::signer_kid));
    BOOST_OUTCOME_TRY(env.signature, r.required<std::string>(envelope_fields::signature));
    BOOST_OUTCOME_TRY(env.event, r.required<cloud_event_v1>(envelope_fields::event));
    return env;
}

/// Strict parse (duplicate members anywhere refused: no smuggled second "signature" or "id") and
/// decode of an envelope's JSON text. Never throws on bad input.
[[nodiscard]] inline checked<signed_event_envelope_v1> parse_signed_event_envelope(std::string_view text,
                                                                                   const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(const boost::json::value v, json::parse_strict(text, limits));
    json::decoder d;
    return decode_signed_event_envelope(v, d);
}

// --- transport --------------------------------------------------------------------------------------

/// The transport CloudEvent carrying `env` (type dev.cellos.events.signed_envelope.v1,
/// datacontenttype application/json, the envelope as `data`).
[[nodiscard]] inline checked<cloud_event_v1> to_transport_event(const signed_event_envelope_v1& env, std::string id,
                                                                std::string source) {
    BOOST_OUTCOME_TRY(std::string text, to_text(env));
    cloud_event_v1 e;
    e.id = std::move(id);
    e.source = std::move(source);
    e.type = std::string(signed_envelope_event_type);
    e.datacontenttype = "application/json";
    e.data = json_data{std::move(text)};
    if (auto p = json::check_cloud_event(e)) return std::move(*p);
    return e;
}

/// The envelope inside a transport CloudEvent; refuses any other type or a `data` that is not the
/// envelope's JSON object (pointers under /data). Not verified yet.
[[nodiscard]] inline checked<signed_event_envelope_v1> from_transport_event(const cloud_event_v1& e,
                                                                            const json::parse_limits& limits = {}) {
    if (e.type != signed_envelope_event_type)
        return make_problem(errc::invalid_value, "/type", "not a signed envelope: type is \"" + e.type + "\"", "transportType");
    const auto* j = std::get_if<json_data>(&e.data);
    if (j == nullptr) return make_problem(errc::wrong_type, "/data", "a signed envelope's data must be its JSON object", "transportData");
    BOOST_OUTCOME_TRY(const boost::json::value v, json::parse_strict(j->json, limits));
    json::decoder d("/data");
    return decode_signed_event_envelope(v, d);
}

/// A signed event as it is received: a transport CloudEvent or a bare envelope object.
struct received_envelope {
    signed_event_envelope_v1 envelope;
    std::string base;  ///< where the envelope sits in the text: "/data" (transport) or "" (bare)
};

/// Parses one received signed event, told apart by the CloudEvents "specversion" member (our
/// choice: an envelope never has one): a transport CloudEvent is unwrapped (from_transport_event,
/// pointers under /data), anything else decoded as a bare envelope. Not verified yet.
[[nodiscard]] inline checked<received_envelope> parse_received_envelope(std::string_view text, const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(const boost::json::value v, json::parse_strict(text, limits));
    json::decoder d;
    if (v.is_object() && v.get_object().contains("specversion")) {
        BOOST_OUTCOME_TRY(const cloud_event_v1 transport, json::decode<cloud_event_v1>(v, d));
        BOOST_OUTCOME_TRY(signed_event_envelope_v1 env, from_transport_event(transport, limits));
        return received_envelope{std::move(env), "/data"};
    }
    BOOST_OUTCOME_TRY(signed_event_envelope_v1 env, decode_signed_event_envelope(v, d));
    return received_envelope{std::move(env), ""};
}

// --- signing ----------------------------------------------------------------------------------------

namespace detail {
[[nodiscard]] inline std::optional<problem> check_signer_kid(std::string_view kid) {
    if (is_kid(kid)) return std::nullopt;
    return make_problem(errc::invalid_value, "/signerKid", "a key id is 1 to 128 bytes of printable UTF-8", "kidFormat");
}
}  // namespace detail

/// Signs `event` with Ed25519 under key id `kid`. Refuses an invalid event or key id.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<signed_event_envelope_v1> sign_event_ed25519(const cloud_event_v1& event, std::string_view kid,
                                                                   const typename P::ed25519_signing_key& key, const P& provider = {}) {
    if (auto p = detail::check_signer_kid(kid)) return std::move(*p);
    BOOST_OUTCOME_TRY(const std::string payload, canonical_event_signing_payload(event));
    BOOST_OUTCOME_TRY(const ed25519_signature sig, provider.ed25519_sign(key, bytes_of(payload)));
    return signed_event_envelope_v1{canonical_payload_version, signature_algorithm::ed25519, std::string(kid),
                                    sig.to_base64url(), event};
}

/// Signs `event` with HMAC-SHA256 (full 32-byte tag) under key id `kid`.
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<signed_event_envelope_v1> sign_event_hmac_sha256(const cloud_event_v1& event, std::string_view kid,
                                                                       const hmac_key& key, const P& provider = {}) {
    if (auto p = detail::check_signer_kid(kid)) return std::move(*p);
    BOOST_OUTCOME_TRY(const std::string payload, canonical_event_signing_payload(event));
    BOOST_OUTCOME_TRY(const hmac_sha256_tag tag, provider.hmac_sha256(key, bytes_of(payload)));
    return signed_event_envelope_v1{canonical_payload_version, signature_algorithm::hmac_sha256, std::string(kid),
                                    encode_base64url(tag), event};
}

// --- verification -----------------------------------------------------------------------------------

namespace detail {
[[nodiscard]] inline problem at_signature(problem p) {
    p.pointer = "/signature";
    return p;
}
}  // namespace detail

/// Verifies `env` against the key its signerKid resolves to. Checks, in order: the payload version,
/// the key id (unknownKid), that the key is of the envelope's algorithm (keyAlgorithmMismatch: an
/// HMAC key never checks an Ed25519 signature, a public key never keys an HMAC), the event (its
/// canonical bytes), the signature's encoding (Ed25519: 64 bytes, S < L, canonical R; HMAC: 32
/// bytes) and the signature itself (Ed25519 strictly, HMAC in constant time).
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified<signed_event_envelope_v1>> verify_signed_event_envelope(signed_event_envelope_v1 env, const R& keys,
                                                                                       const P& provider = {}) {
    if (env.canonical_payload_version != canonical_payload_version)
        return make_problem(errc::invalid_value, "/canonicalPayloadVersion",
                            "canonical payload version " + std::to_string(env.canonical_payload_version) + " is not supported (expected " +
                                std::to_string(canonical_payload_version) + ")",
                            "payloadVersion");
    const resolved_key key = keys.resolve(env.signer_kid);
    if (std::holds_alternative<std::monostate>(key))
        return make_problem(errc::unknown_key_id, "/signerKid", "no trusted key has key id \"" + env.signer_kid + "\"", "unknownKid");
    const bool key_is_ed25519 = std::holds_alternative<std::reference_wrapper<const ed25519_public_key>>(key);
    if (key_is_ed25519 != (env.algorithm == signature_algorithm::ed25519))
        return make_problem(errc::algorithm_mismatch, "/algorithm",
                            "key id \"" + env.signer_kid + "\" is " + (key_is_ed25519 ? "an Ed25519" : "an HMAC") +
                                " key; the envelope says " + std::string(to_wire(env.algorithm)),
                            "keyAlgorithmMismatch");
    auto payload = canonical_event_signing_payload(env.event);
    if (!payload) {
        problem p = std::move(payload).error();
        p.pointer = "/event" + p.pointer;
        return p;
    }
    const byte_view message = bytes_of(payload.value());
    if (key_is_ed25519) {
        auto sig = ed25519_signature::from_base64url(env.signature);
        if (!sig) return detail::at_signature(std::move(sig).error());
        auto ok = verify_ed25519(std::get<std::reference_wrapper<const ed25519_public_key>>(key).get(), message, sig.value(), provider);
        if (!ok) return detail::at_signature(std::move(ok).error());
    } else {
        const auto tag = decode_base64url(env.signature);
        if (!tag) return make_problem(errc::signature_invalid, "/signature", "the signature must be base64url", "signatureEncoding");
        if (tag->size() != hmac_sha256_size)
            return make_problem(errc::signature_invalid, "/signature",
                                "an envelope's HMAC-SHA256 signature is 32 bytes, not " + std::to_string(tag->size()), "hmacSignatureLength");
        auto ok = verify_hmac_sha256(std::get<std::reference_wrapper<const hmac_key>>(key).get(), message,
                                     byte_view(tag->data(), tag->size()), provider);
        if (!ok) return detail::at_signature(std::move(ok).error());
    }
    std::string kid = env.signer_kid;
    return detail::verified_access::make(std::move(env), std::move(kid));
}

/// A transport CloudEvent (dev.cellos.events.signed_envelope.v1) unwrapped and verified in one step:
/// from_transport_event's refusals (pointers under /data), then verify_signed_event_envelope's
/// (pointers moved under /data).
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified<signed_event_envelope_v1>> verify_signed_transport_event(const cloud_event_v1& transport, const R& keys,
                                                                                        const P& provider = {},
                                                                                        const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(signed_event_envelope_v1 env, from_transport_event(transport, limits));
    auto v = verify_signed_event_envelope(std::move(env), keys, provider);
    if (!v) {
        problem p = std::move(v).error();
        p.pointer = "/data" + p.pointer;
        return p;
    }
    return v;
}

/// The event of a verified envelope: what a consumer that requires signed events acts on. Takes
/// only the verified type, so an envelope nobody verified does not compile here.
[[nodiscard]] inline const cloud_event_v1& verified_event(const verified<signed_event_envelope_v1>& v) noexcept {
    return v.value().event;
}

}  // namespace cellos::trust
