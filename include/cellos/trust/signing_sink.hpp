// cellos/trust/signing_sink.hpp — an EventSink decorator that signs every event (signed_event.hpp:
// Ed25519 or HMAC-SHA256 over the RFC 8785 payload) and emits, instead of the event, the transport
// CloudEvent dev.cellos.events.signed_envelope.v1 that carries the envelope, with the event's own id
// and source (as `cellos sign --transport`). Consumers then verify with
// verify_signed_transport_event. Upstream composes DLQ(Sign(Redact(inner))); here that is
// signing_sink<redacting_sink<Inner>>, and an event flows outer to inner: signed first, then the
// transport event is redacted. An event that held credentials is therefore stored redacted but no
// longer verifies; redacting_sink<signing_sink<Inner>> signs what is stored (docs/ports.md#composition).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <boost/outcome/try.hpp>

#include "cellos/ports/concepts.hpp"
#include "cellos/trust/signed_event.hpp"

namespace cellos::trust {

/// Signs each event under one key id, then emits the transport event to `Inner`. Refusals, after
/// which Inner sees nothing: an invalid key id (kidFormat, checked at each emit), an invalid event
/// (the rule it breaks), a crypto provider failure; then whatever Inner refuses.
template <EventSink Inner, CryptoProvider P = cryptopp_provider>
class signing_sink {
public:
    using signing_key = std::variant<typename P::ed25519_signing_key, hmac_key>;

    signing_sink(Inner inner, std::string kid, typename P::ed25519_signing_key key, P provider = {})
        : inner_(std::move(inner)), kid_(std::move(kid)), key_(std::in_place_index<0>, std::move(key)), provider_(std::move(provider)) {}
    signing_sink(Inner inner, std::string kid, hmac_key key, P provider = {})
        : inner_(std::move(inner)), kid_(std::move(kid)), key_(std::in_place_index<1>, std::move(key)), provider_(std::move(provider)) {}

    [[nodiscard]] checked<void> emit(const cloud_event_v1& event) {
        BOOST_OUTCOME_TRY(const signed_event_envelope_v1 env, sign(event));
        BOOST_OUTCOME_TRY(const cloud_event_v1 transport, to_transport_event(env, event.id, event.source));
        return inner_.emit(transport);
    }

    [[nodiscard]] const std::string& kid() const noexcept { return kid_; }
    [[nodiscard]] Inner& inner() noexcept { return inner_; }
    [[nodiscard]] const Inner& inner() const noexcept { return inner_; }

private:
    [[nodiscard]] checked<signed_event_envelope_v1> sign(const cloud_event_v1& event) const {
        if (const auto* ed = std::get_if<0>(&key_)) return sign_event_ed25519<P>(event, kid_, *ed, provider_);
        return sign_event_hmac_sha256<P>(event, kid_, std::get<1>(key_), provider_);
    }

    Inner inner_;
    std::string kid_;
    signing_key key_;
    P provider_;
};

}  // namespace cellos::trust
