// Proven authority from a verified signature (cellos/trust/proven.hpp): what it takes, what it
// carries, and every refusal by the rule it names.
#include <string>
#include <type_traits>
#include <vector>

#include "../doctest.hpp"
#include "cellos/json/authority.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/trust/batch.hpp"
#include "cellos/trust/proven.hpp"

namespace {

namespace ct = cellos::trust;

ct::ed25519_private_key signer() { return ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, 7)).value(); }

ct::keyring ring() {
    ct::keyring r;
    REQUIRE(r.add_ed25519("workload-key", ct::ed25519_public_key_of(signer()).value()));
    REQUIRE(r.add_hmac("mac-key", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 1)).value()));
    return r;
}

const cellos::cloud_event_v1 jws_event = cellos::json::parse_cloud_event(
    R"({"specversion":"1.0","id":"urn:cellos:event:5b0c2f7e","source":"/cells/c1","type":"dev.cellos.events.cell.identity.v1.materialized"})")
                                             .value();

/// A tier-4 CRYPTOGRAPHICALLY_PROVEN derivation whose JWS input names `event_id`.
cellos::authority_derivation derivation(std::string event_id, double confidence = 0.99) {
    return cellos::json::parse_derivation(R"({"inputs":[{"input_type":"JWS","value":"eyJhbGciOiJFZERTQSJ9.e30.c2ln","confidence":0.99,"source_event_id":")" +
                                          event_id + R"("}],"rules_applied":[{"rule":"JWS_SIGNATURE_VERIFIED","class":"CRYPTOGRAPHIC_PROOF"}],)" +
                                          R"("output":{"tier":4,"confidence":)" + std::to_string(confidence) +
                                          R"(,"epistemic_status":"CRYPTOGRAPHICALLY_PROVEN","binding_status":"BOUND"}})")
        .value();
}

// Compile time: only a verified envelope proves (✅/❌), and signature_proven has no public door.
template <class E>
concept can_prove = requires(cellos::authority_derivation d, const E& e) { ct::prove_from_signature(d, e); };
static_assert(can_prove<ct::verified<ct::signed_event_envelope_v1>>);
static_assert(!can_prove<ct::signed_event_envelope_v1>);
static_assert(!can_prove<cellos::cloud_event_v1>);
static_assert(!std::is_constructible_v<ct::signature_proven, cellos::any_authority<cellos::authority_kind::proven>, ct::signature_evidence>);
static_assert(!std::is_convertible_v<cellos::any_authority<cellos::authority_kind::proven>, ct::signature_proven>);
static_assert(std::is_copy_constructible_v<ct::signature_proven>);

}  // namespace

TEST_CASE("a verified Ed25519 signature makes a Proven authority that carries its evidence") {
    const auto env = ct::sign_event_ed25519(jws_event, "workload-key", signer()).value();
    const auto v = ct::verify_signed_event_envelope(env, ring()).value();
    const auto proven = ct::prove_from_signature(derivation(jws_event.id), v);
    REQUIRE(proven);
    CHECK(proven.value().evidence().kid == "workload-key");
    CHECK(proven.value().evidence().algorithm == ct::signature_algorithm::ed25519);
    CHECK(proven.value().evidence().event_id == jws_event.id);
    CHECK(proven.value().evidence().signed_digest == ct::sha256_digest_string(ct::canonical_event_signing_payload(jws_event).value()));
    const auto& a = proven.value().authority();
    std::visit(
        [](const auto& x) {
            CHECK(x.tier == 4);
            CHECK(std::get<cellos::jws_verified>(x.artifact()).kid == "workload-key");
        },
        a);
}

TEST_CASE("Proven from a signature: HMAC, an unreferenced event and the kernel's checks refuse") {
    const auto mac = ct::sign_event_hmac_sha256(jws_event, "mac-key", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 1)).value()).value();
    const auto by_mac = ct::prove_from_signature(derivation(jws_event.id), ct::verify_signed_event_envelope(mac, ring()).value());
    REQUIRE_FALSE(by_mac);
    CHECK(by_mac.error().rule == "provenRequiresEd25519");
    CHECK(by_mac.error().code == cellos::errc::algorithm_mismatch);

    const auto v = ct::verify_signed_event_envelope(ct::sign_event_ed25519(jws_event, "workload-key", signer()).value(), ring()).value();
    const auto other = ct::prove_from_signature(derivation("urn:cellos:event:other"), v);
    REQUIRE_FALSE(other);
    CHECK(other.error().rule == "evidenceNotReferenced");
    CHECK(other.error().pointer == "/inputs");

    // Tier 4 CRYPTOGRAPHICALLY_PROVEN at confidence 1.0 inflates the input's 0.99: the kernel refuses.
    const auto inflated = ct::prove_from_signature(derivation(jws_event.id, 1.0), v);
    REQUIRE_FALSE(inflated);
    CHECK(inflated.error().code == cellos::errc::confidence_inflation);
}

TEST_CASE("a batch verified on several threads gives each item's single result, in input order") {
    const auto k = signer();
    std::vector<ct::signed_event_envelope_v1> batch;
    for (int i = 0; i < 200; ++i) {
        auto e = jws_event;
        e.id = "evt-" + std::to_string(i);
        auto env = ct::sign_event_ed25519(e, "workload-key", k).value();
        if (i % 7 == 3) env.event.source = "/tampered";  // signature no longer matches
        if (i % 11 == 5) env.signer_kid = "nobody";
        batch.push_back(std::move(env));
    }
    const ct::keyring keys = ring();
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{0}}) {
        CAPTURE(threads);
        const auto results = ct::verify_signed_event_envelopes(batch, keys, threads);
        REQUIRE(results.size() == batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto single = ct::verify_signed_event_envelope(batch[i], keys);
            REQUIRE(results[i].has_value() == single.has_value());
            if (single) CHECK(ct::verified_event(results[i].value()).id == "evt-" + std::to_string(i));
            else CHECK(results[i].error().rule == single.error().rule);
        }
    }
    CHECK(ct::batch_threads(200, 3) == 3);
    CHECK(ct::batch_threads(20, 8) == 1);  // too few items to be worth a thread each
    CHECK(ct::verify_signed_event_envelopes({}, keys).empty());
}

TEST_CASE("a received signed event: transport event or bare envelope, told apart by specversion") {
    const auto env = ct::sign_event_ed25519(jws_event, "workload-key", signer()).value();
    const auto bare = ct::parse_received_envelope(ct::to_text(env).value());
    REQUIRE(bare);
    CHECK(bare.value().base.empty());
    CHECK(bare.value().envelope == env);
    const auto transport = ct::to_transport_event(env, "t-1", "/cells/c1").value();
    const auto wrapped = ct::parse_received_envelope(cellos::json::to_text(transport).value());
    REQUIRE(wrapped);
    CHECK(wrapped.value().base == "/data");
    CHECK(wrapped.value().envelope == env);
    auto other = transport;
    other.type = "dev.cellos.other";
    const auto refused = ct::parse_received_envelope(cellos::json::to_text(other).value());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().pointer == "/type");
    CHECK(ct::parse_received_envelope("[]").error().code == cellos::errc::wrong_type);
    CHECK(ct::parse_received_envelope(R"({"specversion":"1.0"})").error().code == cellos::errc::missing_field);
}
