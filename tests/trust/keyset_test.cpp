// Signed trust keysets and rotation chains (cellos/trust/keyset.hpp) and private key files
// (private_key_file.hpp): rotation, revocation by omission, rollback, expiry, forged and replayed
// links, thresholds; every refusal is checked by the rule it names.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "../doctest.hpp"
#include "cellos/json/described.hpp"
#include "cellos/json/events.hpp"
#include "cellos/trust/keyset.hpp"
#include "cellos/trust/private_key_file.hpp"
#include "cellos/trust/signed_event.hpp"

namespace {

namespace ct = cellos::trust;
namespace fs = std::filesystem;
using std::chrono::sys_seconds;

ct::ed25519_private_key key_n(std::uint8_t n) { return ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, n)).value(); }
ct::ed25519_public_key pub_n(std::uint8_t n) { return ct::ed25519_public_key_of(key_n(n)).value(); }

sys_seconds at(std::string_view rfc3339) { return sys_seconds(std::chrono::seconds(cellos::parse_rfc3339(rfc3339)->unix_seconds())); }
const sys_seconds mid_2026 = at("2026-06-01T00:00:00Z");

template <class R>
std::string rule_of(const R& r) {
    return r ? std::string("<accepted>") : r.error().rule;
}
template <class R>
std::string pointer_of(const R& r) {
    return r ? std::string("<accepted>") : r.error().pointer;
}

/// A keyset with keys "k<n>" for each n (seed n repeated).
ct::trust_keyset keyset(std::uint64_t version, std::vector<std::uint8_t> keys, std::uint32_t threshold = 1,
                        std::optional<std::string> previous = std::nullopt, std::string not_before = "2026-01-01T00:00:00Z",
                        std::string not_after = "2027-01-01T00:00:00Z") {
    ct::trust_keyset k;
    k.keyset_id = "org-root";
    k.version = version;
    k.not_before = std::move(not_before);
    k.not_after = std::move(not_after);
    k.threshold = threshold;
    k.previous_digest = std::move(previous);
    for (std::uint8_t n : keys) REQUIRE(k.keys.add_ed25519("k" + std::to_string(n), pub_n(n)));
    return k;
}

/// Signed by keys "k<n>" for each n.
cellos::signed_trust_keyset_envelope sign(const ct::trust_keyset& k, std::vector<std::uint8_t> signers) {
    std::vector<ct::ed25519_private_key> keys;
    std::vector<std::string> kids;
    for (std::uint8_t n : signers) {
        keys.push_back(key_n(n));
        kids.push_back("k" + std::to_string(n));
    }
    std::vector<ct::keyset_signer<>> s;
    for (std::size_t i = 0; i < keys.size(); ++i) s.push_back({kids[i], keys[i]});
    return ct::sign_trust_keyset(k, std::span<const ct::keyset_signer<>>(s)).value();
}

ct::keyring anchors(std::vector<std::uint8_t> ns) {
    ct::keyring r;
    for (std::uint8_t n : ns) REQUIRE(r.add_ed25519("k" + std::to_string(n), pub_n(n)));
    return r;
}

std::string digest_of(const cellos::signed_trust_keyset_envelope& env) {
    return ct::sha256_digest_string(std::string_view(reinterpret_cast<const char*>(ct::decode_base64url(env.payload)->data()),
                                                     ct::decode_base64url(env.payload)->size()));
}

/// The rotation of the tests: v1 {k1,k2} (anchored by k9) → v2 {k2,k3} signed by k1 → v3 {k3,k4} signed by k2.
struct rotation {
    cellos::signed_trust_keyset_envelope v1 = sign(keyset(1, {1, 2}), {9});
    cellos::signed_trust_keyset_envelope v2 = sign(keyset(2, {2, 3}, 1, digest_of(v1), "2026-03-01T00:00:00Z"), {1});
    cellos::signed_trust_keyset_envelope v3 = sign(keyset(3, {3, 4}, 1, digest_of(v2), "2026-05-01T00:00:00Z"), {2});
};

auto verify_chain(std::vector<cellos::signed_trust_keyset_envelope> chain, ct::keyset_chain_options o = ct::keyset_chain_options::at(mid_2026)) {
    return ct::verify_signed_trust_keyset_chain(std::span<const cellos::signed_trust_keyset_envelope>(chain), anchors({9}), o);
}

/// Re-encodes `env`'s payload after `edit` on its text (keeping the signatures: a tampered payload).
cellos::signed_trust_keyset_envelope tampered(cellos::signed_trust_keyset_envelope env, std::string_view from, std::string_view to) {
    const auto raw = ct::decode_base64url(env.payload).value();
    std::string text(reinterpret_cast<const char*>(raw.data()), raw.size());
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    env.payload = ct::encode_base64url(ct::bytes_of(text));
    return env;
}

}  // namespace

TEST_CASE("a signed keyset verifies against its anchor and yields its keys as a resolver") {
    const auto env = sign(keyset(1, {1, 2}), {9});
    CHECK(env.kind == "signed-trust-keyset-envelope-v1");
    CHECK(env.sequence == 1);
    const auto v = ct::verify_signed_trust_keyset_envelope(env, anchors({9}), ct::keyset_verify_options::at(mid_2026));
    REQUIRE(v);
    CHECK(v.value().kid() == "k9");
    CHECK(v.value()->keyset.keyset_id == "org-root");
    CHECK(v.value()->signer_kids == std::vector<std::string>{"k9"});
    CHECK(v.value()->digest == digest_of(env));
    CHECK(v.value()->payload.starts_with(R"({"keys":{"k1":")"));  // RFC 8785: sorted members
    const ct::keyring& keys = ct::trusted_keys(v.value());
    CHECK(std::holds_alternative<std::reference_wrapper<const ct::ed25519_public_key>>(keys.resolve("k2")));
    CHECK(std::holds_alternative<std::monostate>(keys.resolve("k9")));

    // Through JSON text and back: the envelope's wire form verifies the same.
    const std::string text = cellos::json::to_text(cellos::json::to_value(env));
    const auto parsed = cellos::json::parse_document<cellos::signed_trust_keyset_envelope>(text);
    REQUIRE(parsed);
    CHECK(ct::verify_signed_trust_keyset_envelope(parsed.value(), anchors({9}), ct::keyset_verify_options::at(mid_2026)));
}

TEST_CASE("rotation: each link signed by the previous keyset; revocation by omission") {
    const rotation r;
    const auto head = verify_chain({r.v1, r.v2, r.v3});
    REQUIRE(head);
    CHECK(head.value()->keyset.version == 3);
    CHECK(head.value()->links == 3);
    CHECK(head.value().kid() == "k2");

    // k1 was dropped in v2: an event signed by k1 no longer verifies against the head's keys.
    const auto event = cellos::json::parse_cloud_event(R"({"specversion":"1.0","id":"e","source":"/s","type":"t"})").value();
    const auto by_k1 = ct::sign_event_ed25519(event, "k1", key_n(1)).value();
    const auto by_k3 = ct::sign_event_ed25519(event, "k3", key_n(3)).value();
    CHECK(ct::verify_signed_event_envelope(by_k3, ct::trusted_keys(head.value())));
    const auto refused = ct::verify_signed_event_envelope(by_k1, ct::trusted_keys(head.value()));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == cellos::errc::unknown_key_id);

    // ...and a link signed only by k1 after v2 is not trusted either.
    const auto by_dropped = sign(keyset(3, {3, 4}, 1, digest_of(r.v2), "2026-05-01T00:00:00Z"), {1});
    const auto forged = verify_chain({r.v1, r.v2, by_dropped});
    CHECK(rule_of(forged) == "noTrustedSigner");
    CHECK(pointer_of(forged) == "/2/signatures");
    CHECK(forged.error().code == cellos::errc::unknown_key_id);
}

TEST_CASE("a forged middle link is refused: unknown signer, tampered payload, wrong previous digest") {
    const rotation r;
    const auto by_attacker = sign(keyset(2, {2, 3}, 1, digest_of(r.v1), "2026-03-01T00:00:00Z"), {7});
    CHECK(rule_of(verify_chain({r.v1, by_attacker, r.v3})) == "noTrustedSigner");

    // The attacker's key smuggled into v2's payload, k1's signature kept.
    const auto smuggled = tampered(r.v2, R"("k3":")", R"("k7":")");
    const auto t = verify_chain({r.v1, smuggled, r.v3});
    CHECK(rule_of(t) == "ed25519Mismatch");
    CHECK(pointer_of(t) == "/1/signatures/0/signature");
    CHECK(t.error().code == cellos::errc::signature_invalid);

    // Correctly signed by k1, but not linked to v1.
    const auto unlinked = sign(keyset(2, {2, 3}, 1, digest_of(r.v3), "2026-03-01T00:00:00Z"), {1});
    const auto u = verify_chain({r.v1, unlinked});
    CHECK(rule_of(u) == "previousDigestMismatch");
    CHECK(pointer_of(u) == "/1/payload/previousDigest");
    CHECK(u.error().code == cellos::errc::chain_broken);
    const auto no_link = sign(keyset(2, {2, 3}, 1, std::nullopt, "2026-03-01T00:00:00Z"), {1});
    CHECK(rule_of(verify_chain({r.v1, no_link})) == "previousDigestMismatch");

    // Another lineage's keyset, signed by the right key.
    auto other = keyset(2, {2, 3}, 1, digest_of(r.v1), "2026-03-01T00:00:00Z");
    other.keyset_id = "other-root";
    CHECK(rule_of(verify_chain({r.v1, sign(other, {1})})) == "keysetIdMismatch");
}

TEST_CASE("rollback and replay: versions strictly increase, the head not below the last accepted") {
    const rotation r;
    const auto replayed = verify_chain({r.v1, r.v2, r.v1});
    CHECK(rule_of(replayed) != "<accepted>");
    const auto same = sign(keyset(2, {2, 3}, 1, digest_of(r.v2), "2026-04-01T00:00:00Z"), {2});
    const auto s = verify_chain({r.v1, r.v2, same});
    CHECK(rule_of(s) == "versionNotIncreasing");
    CHECK(pointer_of(s) == "/2/payload/version");
    CHECK(s.error().code == cellos::errc::version_rollback);

    // A replayed older chain: valid on its own, but older than what this verifier accepted before.
    auto o = ct::keyset_chain_options::at(mid_2026);
    o.last_accepted_version = 3;
    const auto old = verify_chain({r.v1, r.v2}, o);
    CHECK(rule_of(old) == "belowAcceptedVersion");
    CHECK(pointer_of(old) == "/1/payload/version");
    CHECK(verify_chain({r.v1, r.v2, r.v3}, o));  // the same version again is not a rollback
    o.last_accepted_version = 2;
    CHECK(verify_chain({r.v1, r.v2}, o));
}

TEST_CASE("validity windows: the head at `now`, each successor starting inside its predecessor's window") {
    const rotation r;
    CHECK(rule_of(verify_chain({r.v1, r.v2, r.v3}, ct::keyset_chain_options::at(at("2027-01-01T00:00:00Z")))) == "expired");      // notAfter is exclusive
    CHECK(verify_chain({r.v1, r.v2, r.v3}, ct::keyset_chain_options::at(at("2026-12-31T23:59:59Z"))));
    const auto early = verify_chain({r.v1, r.v2, r.v3}, ct::keyset_chain_options::at(at("2026-04-30T23:59:59Z")));
    CHECK(rule_of(early) == "notYetValid");
    CHECK(pointer_of(early) == "/2/payload/notBefore");
    CHECK(early.error().code == cellos::errc::outside_validity_window);
    CHECK(verify_chain({r.v1, r.v2, r.v3}, ct::keyset_chain_options::at(at("2026-05-01T00:00:00Z"))));
    // An expired middle link is history, not a refusal.
    const auto v1 = sign(keyset(1, {1}, 1, std::nullopt, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"), {9});
    const auto v2 = sign(keyset(2, {2}, 1, digest_of(v1), "2026-01-15T00:00:00Z"), {1});
    CHECK(verify_chain({v1, v2}));
    // A successor starting after its predecessor expired, or before it began, is refused.
    const auto late = sign(keyset(2, {2}, 1, digest_of(v1), "2026-02-01T00:00:00Z"), {1});
    CHECK(rule_of(verify_chain({v1, late})) == "successorOutsideWindow");
    const auto before = sign(keyset(2, {2}, 1, digest_of(v1), "2025-12-31T23:59:59Z"), {1});
    CHECK(rule_of(verify_chain({v1, before})) == "successorOutsideWindow");
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(v1, anchors({9}), ct::keyset_verify_options::at(mid_2026))) == "expired");
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(v1, anchors({9}), ct::keyset_verify_options::at(at("2025-12-31T23:59:59Z")))) == "notYetValid");
}

TEST_CASE("thresholds count distinct trusted keys") {
    const auto v1 = sign(keyset(1, {1, 2, 3}, 2), {9});
    const auto next = keyset(2, {4}, 1, digest_of(v1), "2026-03-01T00:00:00Z");
    const auto one = verify_chain({v1, sign(next, {1})});
    CHECK(rule_of(one) == "signatureThreshold");
    CHECK(one.error().code == cellos::errc::threshold_not_met);
    CHECK(verify_chain({v1, sign(next, {1, 3})}));
    // A signer the verifier does not know adds nothing, and does not refuse.
    CHECK(rule_of(verify_chain({v1, sign(next, {1, 7})})) == "signatureThreshold");
    CHECK(verify_chain({v1, sign(next, {7, 2, 3})}));

    // One key under two key ids in the verifier's own keyring counts once.
    ct::keyring twice;
    REQUIRE(twice.add_ed25519("a", pub_n(9)));
    REQUIRE(twice.add_ed25519("b", pub_n(9)));
    auto env = sign(keyset(1, {1}), {9});
    env.signatures.push_back(env.signatures[0]);
    env.signatures[0].kid = "a";
    env.signatures[1].kid = "b";
    CHECK(ct::verify_signed_trust_keyset_envelope(env, twice, ct::keyset_verify_options::at(mid_2026, 1)));
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(env, twice, ct::keyset_verify_options::at(mid_2026, 2))) == "signatureThreshold");
    auto o = ct::keyset_chain_options::at(mid_2026);
    o.anchor_threshold = 2;
    CHECK(rule_of(ct::verify_signed_trust_keyset_chain(std::span(&env, 1), twice, o)) == "signatureThreshold");
}

TEST_CASE("signatures: a trusted key whose signature fails refuses; HMAC keys never sign keysets") {
    auto env = sign(keyset(1, {1}), {9});
    auto bad = env;
    bad.signatures[0].signature = sign(keyset(1, {2}), {9}).signatures[0].signature;  // valid encoding, other message
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(bad, anchors({9}), ct::keyset_verify_options::at(mid_2026))) == "ed25519Mismatch");
    // ...even when another trusted key's signature is good.
    auto mixed = sign(keyset(1, {1}), {8, 9});
    mixed.signatures[1].signature = bad.signatures[0].signature;
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(mixed, anchors({8, 9}), ct::keyset_verify_options::at(mid_2026))) == "ed25519Mismatch");
    auto garbled = env;
    garbled.signatures[0].signature = "AAAA";
    const auto g = ct::verify_signed_trust_keyset_envelope(garbled, anchors({9}), ct::keyset_verify_options::at(mid_2026));
    CHECK(g.error().code == cellos::errc::signature_invalid);
    CHECK(pointer_of(g) == "/signatures/0/signature");

    ct::keyring mac;
    REQUIRE(mac.add_hmac("k9", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 9)).value()));
    const auto m = ct::verify_signed_trust_keyset_envelope(env, mac, ct::keyset_verify_options::at(mid_2026));
    CHECK(rule_of(m) == "keyAlgorithmMismatch");
    CHECK(m.error().code == cellos::errc::algorithm_mismatch);
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(env, ct::keyring{}, ct::keyset_verify_options::at(mid_2026))) == "noTrustedSigner");
}

TEST_CASE("the envelope's header must agree with the signed payload") {
    auto env = sign(keyset(1, {1}), {9});
    CHECK(ct::verify_signed_trust_keyset_envelope(env, anchors({9}), ct::keyset_verify_options::at(mid_2026)));
    env.sequence = 5;
    const auto s = ct::verify_signed_trust_keyset_envelope(env, anchors({9}), ct::keyset_verify_options::at(mid_2026));
    CHECK(rule_of(s) == "headerMismatch");
    CHECK(pointer_of(s) == "/sequence");
    env.sequence.reset();  // the header fields are optional hints
    CHECK(ct::verify_signed_trust_keyset_envelope(env, anchors({9}), ct::keyset_verify_options::at(mid_2026)));
    env.previous_digest = digest_of(env);
    const auto d = ct::verify_signed_trust_keyset_envelope(env, anchors({9}), ct::keyset_verify_options::at(mid_2026));
    CHECK(rule_of(d) == "headerMismatch");
    CHECK(pointer_of(d) == "/previousDigest");
}

TEST_CASE("envelope shape and bounds") {
    auto env = sign(keyset(1, {1}), {9});
    auto kind = env;
    kind.kind = "signed-trust-keyset-envelope-v2";
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(kind, anchors({9}), ct::keyset_verify_options::at(mid_2026))) == "envelopeKind");
    auto payload = env;
    payload.payload = "not base64url!";
    const auto p = ct::verify_signed_trust_keyset_envelope(payload, anchors({9}), ct::keyset_verify_options::at(mid_2026));
    CHECK(rule_of(p) == "payloadEncoding");
    CHECK(p.error().code == cellos::errc::invalid_base64);
    auto many = env;
    for (int i = 0; i < 32; ++i) many.signatures.push_back({"x" + std::to_string(i), cellos::signature_algorithm::ed25519, "AAAA"});
    CHECK(rule_of(ct::verify_signed_trust_keyset_envelope(many, anchors({9}), ct::keyset_verify_options::at(mid_2026))) == "keysetSignatures");
    many.signatures.pop_back();  // 32 signatures: unknown ids are skipped, k9's verifies
    CHECK(ct::verify_signed_trust_keyset_envelope(many, anchors({9}), ct::keyset_verify_options::at(mid_2026)));
    auto big = env;
    auto small = ct::keyset_verify_options::at(mid_2026);
    small.limits.max_bytes = ct::decode_base64url(env.payload)->size() - 1;
    const auto too_big = ct::verify_signed_trust_keyset_envelope(big, anchors({9}), small);
    CHECK(rule_of(too_big) == "payloadSize");  // refused before any signature is checked
    CHECK(too_big.error().code == cellos::errc::input_too_large);

    CHECK(rule_of(ct::verify_signed_trust_keyset_chain(std::span<const cellos::signed_trust_keyset_envelope>(), anchors({9}), ct::keyset_chain_options::at(mid_2026))) == "emptyChain");
    const std::vector<cellos::signed_trust_keyset_envelope> long_chain(ct::max_keyset_chain_links + 1, env);
    CHECK(rule_of(verify_chain(long_chain)) == "chainLength");
}

TEST_CASE("keyset documents: a closed member set and their rules") {
    const std::string key1 = pub_n(1).to_base64url();
    const std::string key2 = pub_n(2).to_base64url();
    const auto doc = [&](std::string_view extra, std::string_view keys = "") {
        return std::string(R"({"keysetId":"org-root","version":1,"notBefore":"2026-01-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z",)") +
               std::string(extra) + R"("keys":)" + (keys.empty() ? std::string(R"({"k1":")" + key1 + "\"}") : std::string(keys)) + "}";
    };
    REQUIRE(ct::parse_trust_keyset(doc("")));
    CHECK(ct::parse_trust_keyset(doc("")).value().threshold == 1);
    const auto check = [](const std::string& text, std::string_view code, std::string_view pointer) {
        CAPTURE(text);
        const auto k = ct::parse_trust_keyset(text);
        REQUIRE_FALSE(k);
        CHECK(k.error().code_name() == code);
        CHECK(k.error().pointer == pointer);
        return k.error().rule;
    };
    check(doc(R"("extra":1,)"), "unknown_field", "/extra");
    check(doc(R"("version":2,)"), "duplicate_key", "/version");
    check(doc(R"("threshold":"1",)"), "wrong_type", "/threshold");
    check(doc(R"("threshold":0,)"), "invalid_value", "/threshold");
    check(doc(R"("threshold":2,)"), "invalid_value", "/threshold");
    CHECK(ct::parse_trust_keyset(doc(R"("threshold":2,)", R"({"k1":")" + key1 + R"(","k2":")" + key2 + "\"}")));
    CHECK(check(doc("", R"({"k1":")" + key1 + R"(","k2":")" + key1 + "\"}"), "duplicate_key", "/keys/k2") == "keysetDuplicateKey");
    CHECK(check(doc("", "{}"), "invalid_value", "/keys") == "keysetKeys");
    check(doc("", R"({"k1":"AAAA"})"), "invalid_key", "/keys/k1");
    check(doc(R"("previousDigest":"sha256:ABC",)"), "invalid_value", "/previousDigest");
    check(R"({"keysetId":"org-root","version":1,"notBefore":"2026-01-01T00:00:00Z","keys":{}})", "missing_field", "/notAfter");
    CHECK(check(R"({"keysetId":"org root","version":1,"notBefore":"2026-01-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z","keys":{"k1":")" +
                    key1 + "\"}}",
                "invalid_value", "/keysetId") == "keysetIdFormat");
    CHECK(check(R"({"keysetId":"a","version":0,"notBefore":"2026-01-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z","keys":{"k1":")" + key1 +
                    "\"}}",
                "number_out_of_range", "/version") == "keysetVersion");
    CHECK(check(R"({"keysetId":"a","version":1,"notBefore":"2026-13-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z","keys":{"k1":")" + key1 +
                    "\"}}",
                "invalid_timestamp", "/notBefore") == "keysetTime");
    CHECK(check(R"({"keysetId":"a","version":1,"notBefore":"2026-01-01T00:00:00Z","notAfter":"2026-01-01T00:00:00Z","keys":{"k1":")" + key1 +
                    "\"}}",
                "invalid_value", "/notAfter") == "keysetWindow");
    std::string many = "{";
    for (std::size_t i = 0; i <= ct::max_keyset_keys; ++i) many += (i ? ",\"" : "\"") + std::to_string(i) + "\":\"" + pub_n(static_cast<std::uint8_t>(i)).to_base64url() + "\"";
    // 257 ids, 256 distinct seeds: the count is refused first.
    CHECK(check(doc("", many + "}"), "input_too_large", "/keys") == "keysetKeys");

    // Signing refuses what verification would refuse.
    auto k = keyset(1, {1});
    k.threshold = 2;
    const auto signer = key_n(9);
    const ct::keyset_signer<> s[] = {{"k9", signer}};
    CHECK(rule_of(ct::sign_trust_keyset(k, std::span<const ct::keyset_signer<>>(s))) == "keysetThreshold");
    const ct::keyset_signer<> twice[] = {{"k9", signer}, {"k9", signer}};
    CHECK(ct::sign_trust_keyset(keyset(1, {1}), std::span<const ct::keyset_signer<>>(twice)).error().code == cellos::errc::duplicate_key);
}

TEST_CASE("keyset.v1.verified / verification_failed events are emitted from the results") {
    const cellos::json::event_context ctx{"/cellos/supervisor", [] { return std::string("0b3d7a6c-3f5e-4a8e-9a53-2f1f6a3c9d01"); },
                                          [] { return std::string("2026-06-01T00:00:00Z"); }};
    const auto env = sign(keyset(4, {1}), {9});
    const auto ok = ct::keyset_outcome_event(ct::verify_signed_trust_keyset_envelope(env, anchors({9}), ct::keyset_verify_options::at(mid_2026)), "org-root", ctx);
    REQUIRE(ok);
    CHECK(ok.value().type == "dev.cellos.events.cell.keyset.v1.verified");
    const auto* data = std::get_if<cellos::json_data>(&ok.value().data);
    REQUIRE(data != nullptr);
    CHECK(data->json == R"({"keysetId":"org-root","kid":"k9","sequence":4})");
    const auto failed = ct::keyset_outcome_event(ct::verify_signed_trust_keyset_envelope(env, anchors({8}), ct::keyset_verify_options::at(mid_2026)), "org-root", ctx);
    REQUIRE(failed);
    CHECK(failed.value().type == "dev.cellos.events.cell.keyset.v1.verification_failed");
    data = std::get_if<cellos::json_data>(&failed.value().data);
    REQUIRE(data != nullptr);
    CHECK(data->json == R"({"keysetId":"org-root","reason":"unknown_key_id at \"/signatures\": no signature is by a trusted key"})");
}

TEST_CASE("private key files: 0600, never overwritten, never read when others can") {
    const fs::path dir = fs::temp_directory_path() / ("cellos-keyfile-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "k.key").string();
    REQUIRE(ct::write_ed25519_private_key_file(path, key_n(3)));
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const auto loaded = ct::load_ed25519_private_key_file(path);
    REQUIRE(loaded);
    CHECK(ct::ed25519_public_key_of(loaded.value()).value() == pub_n(3));
    CHECK(rule_of(ct::write_ed25519_private_key_file(path, key_n(4))) == "keyFileExists");
    CHECK(ct::ed25519_public_key_of(ct::load_ed25519_private_key_file(path).value()).value() == pub_n(3));  // untouched

    ::chmod(path.c_str(), 0640);
    CHECK(rule_of(ct::load_ed25519_private_key_file(path)) == "privateKeyPermissions");
    ::chmod(path.c_str(), 0604);
    CHECK(rule_of(ct::load_ed25519_private_key_file(path)) == "privateKeyPermissions");
    ::chmod(path.c_str(), 0600);
    fs::create_symlink(path, dir / "link.key");
    CHECK(rule_of(ct::load_ed25519_private_key_file((dir / "link.key").string())) == "symlinkRefused");
    CHECK(rule_of(ct::write_ed25519_private_key_file((dir / "link.key").string(), key_n(4))) == "keyFileExists");
    {
        std::ofstream(dir / "bad.key") << "not a key\n";
        ::chmod((dir / "bad.key").c_str(), 0600);
        const auto bad = ct::load_ed25519_private_key_file((dir / "bad.key").string());
        CHECK(rule_of(bad) == "privateKeyFile");
        CHECK(bad.error().message.find("not a key") == std::string::npos);  // never quotes the file
        std::ofstream(dir / "long.key") << std::string(65, 'A');
        ::chmod((dir / "long.key").c_str(), 0600);
        CHECK(ct::load_ed25519_private_key_file((dir / "long.key").string()).error().code == cellos::errc::input_too_large);
    }
    fs::remove_all(dir);
}
