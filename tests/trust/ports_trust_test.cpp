// The signing sink: every event reaches the inner sink as a dev.cellos.events.signed_envelope.v1
// transport event that the existing verifier accepts (Ed25519 and HMAC-SHA256), nothing reaches it
// when signing is refused, and the two composition orders with the redacting sink behave as
// docs/ports.md#composition says.
#include <cstdint>
#include <string>
#include <vector>

#include "../doctest.hpp"
#include "test_keys.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/ports.hpp"
#include "cellos/trust.hpp"
#include "cellos/trust/signing_sink.hpp"

namespace {

namespace ct = cellos::trust;
using cellos::memory_event_sink;
using cellos::redacting_sink;

using cellos_test::hex;

// RFC 8032 §7.1 TEST 1 seed: fixed keys make failures reproducible.
ct::ed25519_private_key signing_key() {
    return cellos_test::rfc8032_test1_key();
}
ct::hmac_key shared_key() { return ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x5a)).value(); }

ct::keyring ring() {
    ct::keyring r;
    REQUIRE(r.add_ed25519("ed-1", ct::ed25519_public_key_of(signing_key()).value()));
    REQUIRE(r.add_hmac("mac-1", shared_key()));
    return r;
}

cellos::cloud_event_v1 sample_event(std::string data = R"({"cellId":"build-1","exitCode":0})") {
    cellos::cloud_event_v1 e;
    e.id = "evt-1";
    e.source = "/cellos/supervisor/host-1";
    e.type = "dev.cellos.events.cell.command.v1.completed";
    e.time = "2026-12-08T02:00:00Z";
    e.data = cellos::json_data{std::move(data)};
    return e;
}

}  // namespace

static_assert(cellos::EventSink<ct::signing_sink<memory_event_sink>>);
static_assert(cellos::EventSink<ct::signing_sink<redacting_sink<memory_event_sink>>>);
static_assert(cellos::EventSink<redacting_sink<ct::signing_sink<memory_event_sink>>>);

TEST_CASE("signing_sink: each event arrives as a verifiable signed_envelope.v1 transport event") {
    const auto keys = ring();
    ct::signing_sink<memory_event_sink> ed(memory_event_sink{}, "ed-1", signing_key());
    ct::signing_sink<memory_event_sink> mac(memory_event_sink{}, "mac-1", shared_key());
    CHECK(ed.kid() == "ed-1");
    for (auto* sink : {&ed, &mac}) {
        REQUIRE(sink->emit(sample_event()));
        REQUIRE(sink->inner().events.size() == 1);
        const cellos::cloud_event_v1& transport = sink->inner().events[0];
        CHECK(transport.type == "dev.cellos.events.signed_envelope.v1");
        CHECK(transport.id == "evt-1");  // the signed event's own id and source
        CHECK(transport.source == "/cellos/supervisor/host-1");
        // through the wire and back, then the existing verifier
        const auto received = cellos::json::parse_cloud_event(cellos::json::to_text(transport).value()).value();
        const auto verified = ct::verify_signed_transport_event(received, keys);
        REQUIRE(verified);
        CHECK(ct::verified_event(verified.value()) == sample_event());
    }
    const auto env = ct::from_transport_event(mac.inner().events[0]).value();
    CHECK(env.algorithm == ct::signature_algorithm::hmac_sha256);
    CHECK(env.signer_kid == "mac-1");
}

TEST_CASE("signing_sink: a refused signature reaches nothing") {
    ct::signing_sink<memory_event_sink> bad_kid(memory_event_sink{}, "", signing_key());
    const auto r = bad_kid.emit(sample_event());
    REQUIRE(!r);
    CHECK(r.error().rule == "kidFormat");
    CHECK(bad_kid.inner().events.empty());

    ct::signing_sink<memory_event_sink> sink(memory_event_sink{}, "ed-1", signing_key());
    CHECK(!sink.emit(cellos::cloud_event_v1{}));  // not a valid event
    CHECK(!sink.emit(sample_event("{not json")));
    CHECK(sink.inner().events.empty());

    // an unknown signer fails verification downstream, not at signing time
    ct::signing_sink<memory_event_sink> stranger(memory_event_sink{}, "ed-9", signing_key());
    REQUIRE(stranger.emit(sample_event()));
    CHECK(ct::verify_signed_transport_event(stranger.inner().events[0], ring()).error().rule == "unknownKid");
}

TEST_CASE("composition: Sign(Redact(inner)) stores redacted text that no longer verifies; Redact(Sign(inner)) signs what is stored") {
    const auto keys = ring();
    const std::string leaky = R"({"error":"dial nats://user:s3cret@nats.internal:4222 failed"})";

    // upstream's nesting: a clean event verifies ...
    ct::signing_sink<redacting_sink<memory_event_sink>> upstream(redacting_sink<memory_event_sink>{memory_event_sink{}}, "ed-1",
                                                                 signing_key());
    REQUIRE(upstream.emit(sample_event()));
    CHECK(ct::verify_signed_transport_event(upstream.inner().inner().events.back(), keys));
    // ... an event with credentials is stored without them, and its signature no longer holds
    REQUIRE(upstream.emit(sample_event(leaky)));
    const auto& stored = upstream.inner().inner().events.back();
    CHECK(std::get<cellos::json_data>(stored.data).json.find("s3cret") == std::string::npos);
    CHECK(ct::verify_signed_transport_event(stored, keys).error().code == cellos::errc::signature_invalid);

    // redact first: stored without credentials, and it verifies
    redacting_sink<ct::signing_sink<memory_event_sink>> redact_first(ct::signing_sink<memory_event_sink>(memory_event_sink{}, "ed-1", signing_key()));
    REQUIRE(redact_first.emit(sample_event(leaky)));
    const auto& signed_redacted = redact_first.inner().inner().events.back();
    CHECK(std::get<cellos::json_data>(signed_redacted.data).json.find("s3cret") == std::string::npos);
    const auto v = ct::verify_signed_transport_event(signed_redacted, keys);
    REQUIRE(v);
    CHECK(std::get<cellos::json_data>(ct::verified_event(v.value()).data).json ==
          R"({"error":"dial nats://nats.internal:4222 failed"})");
}
