// Signed event envelopes and trust-key files (cellos/trust/signed_event.hpp, verify_keys.hpp,
// keyring.hpp, canonical.hpp): every refusal is checked by the rule it names, so removing a check
// fails a test here.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "../doctest.hpp"
#include "test_keys.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;
namespace fs = std::filesystem;

using cellos_test::hex;

template <class R>
std::string rule_of(const R& r) {
    return r ? std::string("<accepted>") : r.error().rule;
}

// RFC 8032 §7.1 TEST 1 seed: fixed keys make failures reproducible.
ct::ed25519_private_key signing_key() {
    return cellos_test::rfc8032_test1_key();
}
ct::ed25519_public_key public_key() { return ct::ed25519_public_key_of(signing_key()).value(); }
ct::hmac_key shared_key() { return ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x5a)).value(); }

cellos::cloud_event_v1 sample_event() {
    return cellos::json::parse_cloud_event(
               R"({"specversion":"1.0","id":"evt-1","source":"/cellos/supervisor","type":"dev.cellos.events.cell.lifecycle.v1.started",)"
               R"("time":"2026-12-07T19:00:00Z","data":{"cellId":"build-1","z":[1,2.50,{"b":1,"a":2}]},"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"})")
        .value();
}

ct::keyring ring_with_both() {
    ct::keyring ring;
    REQUIRE(ring.add_ed25519("ed-1", public_key()));
    REQUIRE(ring.add_hmac("mac-1", shared_key()));
    return ring;
}

std::string text_of(const ct::signed_event_envelope_v1& env) { return ct::to_text(env).value(); }

}  // namespace

TEST_CASE("canonical payload: RFC 8785 of the whole event, fixed bytes") {
    cellos::cloud_event_v1 e;
    e.id = "1";
    e.source = "/s";
    e.type = "t";
    e.data = cellos::json_data{R"({"b":1.50,"a":[true,null]})"};
    e.extensions.set("zz", std::int32_t{7});
    CHECK(ct::canonical_event_signing_payload(e).value() ==
          R"({"data":{"a":[true,null],"b":1.5},"id":"1","source":"/s","specversion":"1.0","type":"t","zz":7})");
    CHECK(ct::canonical_payload_version == 1);
    CHECK(ct::canonical_json_bytes_of_text(" { \"b\" : 2e0 , \"a\" : \"\\u0041\" } ").value() == R"({"a":"A","b":2})");
    CHECK(ct::canonical_json_bytes_of_text(R"({"a":1,"a":2})").error().code == cellos::errc::duplicate_key);
    cellos::cloud_event_v1 invalid;  // no id, source, type
    CHECK(!ct::canonical_event_signing_payload(invalid));
}

TEST_CASE("canonical payload: integers beyond 2^53 are refused (JCS would merge 2^53 + 1 into 2^53)") {
    cellos::cloud_event_v1 e;
    e.id = "1";
    e.source = "/s";
    e.type = "t";
    e.data = cellos::json_data{R"({"a":[1,{"n~/":9007199254740992}]})"};
    CHECK(ct::canonical_event_signing_payload(e));
    e.data = cellos::json_data{R"({"a":[1,{"n~/":9007199254740993}]})"};
    const auto r = ct::canonical_event_signing_payload(e);
    CHECK(rule_of(r) == "signedIntegerRange");
    CHECK(r.error().pointer == "/data/a/1/n~0~1");
    e.data = cellos::json_data{R"([-9007199254740993])"};
    CHECK(rule_of(ct::canonical_event_signing_payload(e)) == "signedIntegerRange");
    e.data = cellos::json_data{R"([18446744073709551615])"};
    CHECK(rule_of(ct::canonical_event_signing_payload(e)) == "signedIntegerRange");
    e.data = cellos::json_data{R"([-9007199254740992, 1.5e300])"};
    CHECK(ct::canonical_event_signing_payload(e));
    CHECK(rule_of(ct::sign_event_ed25519(cellos::json::parse_cloud_event(
                                             R"({"specversion":"1.0","id":"1","source":"/s","type":"t","data":{"n":9007199254740993}})")
                                             .value(),
                                         "ed-1", signing_key())) == "signedIntegerRange");
}

TEST_CASE("ed25519 envelope: sign, serialise, parse, verify") {
    // [doc: sign and verify]
    const cellos::cloud_event_v1 event = sample_event();
    auto envelope = ct::sign_event_ed25519(event, "ed-1", signing_key());
    REQUIRE(envelope);
    ct::keyring keys;
    REQUIRE(keys.add_ed25519("ed-1", public_key()));
    auto received = ct::parse_signed_event_envelope(ct::to_text(envelope.value()).value());
    REQUIRE(received);
    auto verified = ct::verify_signed_event_envelope(std::move(received).value(), keys);
    REQUIRE(verified);
    CHECK(verified.value().kid() == "ed-1");
    CHECK(ct::verified_event(verified.value()) == event);
    // [end doc]
    CHECK(verified.value()->algorithm == ct::signature_algorithm::ed25519);
    // Only a verify_* function builds one (the out-of-process twins: tests/compile_fail/).
    using verified_envelope = ct::verified<ct::signed_event_envelope_v1>;
    static_assert(!std::is_constructible_v<verified_envelope, ct::signed_event_envelope_v1, std::string>);
    static_assert(!std::is_constructible_v<verified_envelope, ct::signed_event_envelope_v1>);
    static_assert(!std::is_default_constructible_v<verified_envelope>);
    static_assert(!std::is_convertible_v<ct::signed_event_envelope_v1, verified_envelope>);
    CHECK(ct::decode_base64url(envelope.value().signature)->size() == 64);
}

TEST_CASE("hmac envelope: sign, verify") {
    const auto ring = ring_with_both();
    const auto env = ct::sign_event_hmac_sha256(sample_event(), "mac-1", shared_key()).value();
    CHECK(text_of(env).find(R"("algorithm":"hmac-sha256")") != std::string::npos);
    const auto ok = ct::verify_signed_event_envelope(ct::parse_signed_event_envelope(text_of(env)).value(), ring);
    REQUIRE(ok);
    CHECK(ok.value().kid() == "mac-1");
    CHECK(ct::decode_base64url(env.signature)->size() == 32);
}

TEST_CASE("re-serialised event (other member order, whitespace, number spelling) still verifies") {
    const auto ring = ring_with_both();
    for (bool hmac : {false, true}) {
        const auto env = hmac ? ct::sign_event_hmac_sha256(sample_event(), "mac-1", shared_key()).value()
                              : ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
        const std::string reordered = std::string(R"(  {  "event" : { "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",)") +
                                      R"( "data" : { "z" : [ 1 , 2.5e0 , { "a" : 2 , "b" : 1 } ] , "cellId" : "build-1" } ,)" +
                                      R"( "time":"2026-12-07T19:00:00Z", "type":"dev.cellos.events.cell.lifecycle.v1.started",)" +
                                      R"( "source":"/cellos/supervisor", "id":"evt-1", "specversion":"1.0" } ,)" + "\n  \"signature\" : \"" +
                                      env.signature + "\", \"signerKid\":\"" + env.signer_kid + "\", \"algorithm\": \"" +
                                      std::string(cellos::to_wire(env.algorithm)) + "\", \"canonicalPayloadVersion\" : 1 }\n";
        const auto parsed = ct::parse_signed_event_envelope(reordered);
        REQUIRE(parsed);
        CHECK(parsed.value().event.data != env.event.data);  // kept as received: the text differs
        CHECK(ct::verify_signed_event_envelope(parsed.value(), ring));
    }
}

TEST_CASE("tampered event is refused") {
    const auto ring = ring_with_both();
    auto ed = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    auto mac = ct::sign_event_hmac_sha256(sample_event(), "mac-1", shared_key()).value();
    ed.event.id = "evt-2";
    mac.event.id = "evt-2";
    CHECK(rule_of(ct::verify_signed_event_envelope(ed, ring)) == "ed25519Mismatch");
    CHECK(rule_of(ct::verify_signed_event_envelope(mac, ring)) == "hmacTagMismatch");
    auto ed2 = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    ed2.event.data = cellos::json_data{R"({"cellId":"build-2","z":[1,2.5,{"a":2,"b":1}]})"};
    CHECK(rule_of(ct::verify_signed_event_envelope(ed2, ring)) == "ed25519Mismatch");
    auto ed3 = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    ed3.event.extensions.set("extra", "x");
    const auto r = ct::verify_signed_event_envelope(ed3, ring);
    CHECK(rule_of(r) == "ed25519Mismatch");
    CHECK(r.error().code == cellos::errc::signature_invalid);
    CHECK(r.error().pointer == "/signature");
}

TEST_CASE("tampered signature is refused, by the rule that catches it") {
    const auto ring = ring_with_both();
    const auto ed = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    auto raw = *ct::decode_base64url(ed.signature);
    std::vector<std::uint8_t> sig(raw.begin(), raw.end());

    auto flipped = ed;
    auto f = sig;
    f[40] ^= 0x01;
    flipped.signature = ct::encode_base64url(f);
    CHECK(rule_of(ct::verify_signed_event_envelope(flipped, ring)) == "ed25519Mismatch");

    // S + L: the malleated twin Crypto++ 8.7 alone accepts.
    auto malleated = ed;
    auto m = sig;
    unsigned carry = 0;
    for (std::size_t k = 0; k < 32; ++k) {
        const unsigned sum = m[32 + k] + ct::ed25519_group_order[k] + carry;
        m[32 + k] = static_cast<std::uint8_t>(sum & 0xFF);
        carry = sum >> 8;
    }
    malleated.signature = ct::encode_base64url(m);
    CHECK(rule_of(ct::verify_signed_event_envelope(malleated, ring)) == "ed25519ScalarRange");

    auto longer = ed;
    auto l = sig;
    l.push_back(0);
    longer.signature = ct::encode_base64url(l);
    CHECK(rule_of(ct::verify_signed_event_envelope(longer, ring)) == "ed25519SignatureLength");

    auto not_b64 = ed;
    not_b64.signature = "!!" + ed.signature.substr(2);
    CHECK(rule_of(ct::verify_signed_event_envelope(not_b64, ring)) == "signatureEncoding");

    const auto mac = ct::sign_event_hmac_sha256(sample_event(), "mac-1", shared_key()).value();
    auto mraw = *ct::decode_base64url(mac.signature);
    std::vector<std::uint8_t> tag(mraw.begin(), mraw.end());
    auto truncated = mac;
    truncated.signature = ct::encode_base64url(std::vector<std::uint8_t>(tag.begin(), tag.begin() + 16));
    CHECK(rule_of(ct::verify_signed_event_envelope(truncated, ring)) == "hmacSignatureLength");
    auto mflipped = mac;
    tag[31] ^= 0x80;
    mflipped.signature = ct::encode_base64url(tag);
    CHECK(rule_of(ct::verify_signed_event_envelope(mflipped, ring)) == "hmacTagMismatch");
    auto mnot_b64 = mac;
    mnot_b64.signature = "+/" + mac.signature.substr(2);
    CHECK(rule_of(ct::verify_signed_event_envelope(mnot_b64, ring)) == "signatureEncoding");
}

TEST_CASE("unknown kid is refused") {
    const auto ring = ring_with_both();
    auto env = ct::sign_event_ed25519(sample_event(), "ed-2", signing_key()).value();
    const auto r = ct::verify_signed_event_envelope(env, ring);
    CHECK(rule_of(r) == "unknownKid");
    CHECK(r.error().code == cellos::errc::unknown_key_id);
    CHECK(r.error().pointer == "/signerKid");
    CHECK(rule_of(ct::verify_signed_event_envelope(env, ct::keyring{})) == "unknownKid");
}

TEST_CASE("algorithm confusion: HMAC keyed with the Ed25519 public key is refused") {
    // The classic attack: the verifier's public key is public, so an attacker MACs with it and
    // labels the envelope hmac-sha256 under the Ed25519 key's id.
    const auto ring = ring_with_both();
    const auto as_mac_key = ct::hmac_key::from_bytes(public_key().bytes()).value();
    const auto forged = ct::sign_event_hmac_sha256(sample_event(), "ed-1", as_mac_key).value();
    const auto r = ct::verify_signed_event_envelope(forged, ring);
    CHECK(rule_of(r) == "keyAlgorithmMismatch");
    CHECK(r.error().code == cellos::errc::algorithm_mismatch);
    // Relabelling a genuine Ed25519 envelope as HMAC (or the reverse) is refused the same way.
    auto relabelled = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    relabelled.algorithm = ct::signature_algorithm::hmac_sha256;
    CHECK(rule_of(ct::verify_signed_event_envelope(relabelled, ring)) == "keyAlgorithmMismatch");
    auto relabelled_mac = ct::sign_event_hmac_sha256(sample_event(), "mac-1", shared_key()).value();
    relabelled_mac.algorithm = ct::signature_algorithm::ed25519;
    CHECK(rule_of(ct::verify_signed_event_envelope(relabelled_mac, ring)) == "keyAlgorithmMismatch");
}

TEST_CASE("wrong key type: an HMAC key used as an Ed25519 key and vice versa") {
    // kid resolves to an HMAC key, the envelope is Ed25519.
    ct::keyring mac_only;
    REQUIRE(mac_only.add_hmac("k", shared_key()));
    const auto ed = ct::sign_event_ed25519(sample_event(), "k", signing_key()).value();
    CHECK(rule_of(ct::verify_signed_event_envelope(ed, mac_only)) == "keyAlgorithmMismatch");
    // kid resolves to an Ed25519 key, the envelope is HMAC.
    ct::keyring ed_only;
    REQUIRE(ed_only.add_ed25519("k", public_key()));
    const auto mac = ct::sign_event_hmac_sha256(sample_event(), "k", shared_key()).value();
    CHECK(rule_of(ct::verify_signed_event_envelope(mac, ed_only)) == "keyAlgorithmMismatch");
    // The types themselves do not convert (compile-time half of the same rule).
    static_assert(!std::is_constructible_v<ct::ed25519_public_key, ct::hmac_key>);
    static_assert(!std::is_constructible_v<ct::hmac_key, ct::ed25519_public_key>);
    static_assert(!std::is_convertible_v<const ct::hmac_key&, const ct::ed25519_private_key&>);
    // A kid names one key of one kind.
    ct::keyring ring;
    REQUIRE(ring.add_ed25519("k", public_key()));
    CHECK(rule_of(ring.add_hmac("k", shared_key())) == "duplicateKid");
    CHECK(rule_of(ring.add_ed25519("k", public_key())) == "duplicateKid");
    CHECK(rule_of(ring.add_ed25519("", public_key())) == "kidFormat");
}

TEST_CASE("envelope parsing is strict: duplicate-key smuggling, unknown members, algorithm, version") {
    const auto ring = ring_with_both();
    const auto env = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    const std::string text = text_of(env);
    // A second "signature" (or "signerKid", or an event attribute): a last-wins parser would read
    // another envelope than the signer's. Refused at parse.
    const std::string dup_sig = text.substr(0, text.size() - 1) + R"(,"signature":"AAAA"})";
    CHECK(ct::parse_signed_event_envelope(dup_sig).error().code == cellos::errc::duplicate_key);
    std::string dup_id = text;
    dup_id.insert(dup_id.find(R"("id":"evt-1")"), R"("id":"evt-evil",)");
    CHECK(ct::parse_signed_event_envelope(dup_id).error().code == cellos::errc::duplicate_key);
    std::string dup_kid = text;
    dup_kid.insert(1, R"("signerKid":"mac-1",)");
    CHECK(ct::parse_signed_event_envelope(dup_kid).error().code == cellos::errc::duplicate_key);

    std::string unknown = text;
    unknown.insert(1, R"("x":1,)");
    CHECK(ct::parse_signed_event_envelope(unknown).error().code == cellos::errc::unknown_field);
    std::string bad_alg = text;
    bad_alg.replace(bad_alg.find(R"("ed25519")"), 9, R"("none")");
    const auto a = ct::parse_signed_event_envelope(bad_alg);
    CHECK(a.error().code == cellos::errc::unknown_enum_value);
    CHECK(a.error().pointer == "/algorithm");
    std::string no_sig = text;
    const auto at = no_sig.find(R"("signature")");
    no_sig.erase(at, no_sig.find(',', at) - at + 1);
    CHECK(ct::parse_signed_event_envelope(no_sig).error().code == cellos::errc::missing_field);
    std::string bad_event = text;
    bad_event.replace(bad_event.find(R"("specversion":"1.0")"), 19, R"("specversion":"0.9")");
    const auto b = ct::parse_signed_event_envelope(bad_event);
    CHECK(b.error().pointer == "/event/specversion");

    auto v2 = env;
    v2.canonical_payload_version = 2;
    CHECK(rule_of(ct::verify_signed_event_envelope(v2, ring)) == "payloadVersion");
    CHECK(ct::parse_signed_event_envelope(text).value() == env);
}

TEST_CASE("signing refuses an invalid key id or event") {
    CHECK(rule_of(ct::sign_event_ed25519(sample_event(), "", signing_key())) == "kidFormat");
    CHECK(rule_of(ct::sign_event_hmac_sha256(sample_event(), std::string(129, 'k'), shared_key())) == "kidFormat");
    CHECK(rule_of(ct::sign_event_ed25519(sample_event(), "bad\nkid", signing_key())) == "kidFormat");
    cellos::cloud_event_v1 invalid;
    CHECK(!ct::sign_event_ed25519(invalid, "ed-1", signing_key()));
}

TEST_CASE("transport: the envelope travels as the data of a dev.cellos.events.signed_envelope.v1 event") {
    const auto ring = ring_with_both();
    const auto env = ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value();
    const auto transport = ct::to_transport_event(env, "wrap-1", "/cellos/supervisor").value();
    CHECK(transport.type == "dev.cellos.events.signed_envelope.v1");
    const std::string wire = cellos::json::to_text(transport).value();
    const auto received = cellos::json::parse_cloud_event(wire).value();
    const auto unwrapped = ct::from_transport_event(received);
    REQUIRE(unwrapped);
    CHECK(ct::verify_signed_event_envelope(unwrapped.value(), ring));
    const auto one_step = ct::verify_signed_transport_event(received, ring);
    REQUIRE(one_step);
    CHECK(ct::verified_event(one_step.value()) == sample_event());
    auto forged = ct::sign_event_ed25519(sample_event(), "ed-9", signing_key()).value();
    const auto refused = ct::verify_signed_transport_event(ct::to_transport_event(forged, "w", "/s").value(), ring);
    CHECK(rule_of(refused) == "unknownKid");
    CHECK(refused.error().pointer == "/data/signerKid");
    auto other = received;
    other.type = "dev.cellos.events.other";
    CHECK(rule_of(ct::verify_signed_transport_event(other, ring)) == "transportType");
    CHECK(rule_of(ct::from_transport_event(other)) == "transportType");
    auto text_data = received;
    text_data.data = cellos::text_data{"x"};
    CHECK(rule_of(ct::from_transport_event(text_data)) == "transportData");
    auto bad = received;
    bad.data = cellos::json_data{R"({"x":1})"};
    CHECK(ct::from_transport_event(bad).error().pointer == "/data/x");
}

TEST_CASE("parse_trust_verify_keys: kid → base64url raw 32-byte Ed25519 key") {
    const std::string b64 = public_key().to_base64url();
    REQUIRE(b64.size() == 43);
    const auto ring = ct::parse_trust_verify_keys(R"({"ed-1":")" + b64 + R"(","ed-2":")" + b64 + R"(="})");
    REQUIRE(ring);
    CHECK(ring.value().size() == 2);
    CHECK(ct::parse_trust_verify_keys("{}").value().empty());
    const auto dup = ct::parse_trust_verify_keys(R"({"ed-1":")" + b64 + R"(","ed-1":")" + b64 + R"("})");
    CHECK(dup.error().code == cellos::errc::duplicate_key);
    CHECK(ct::parse_trust_verify_keys(R"(["x"])").error().code == cellos::errc::wrong_type);
    const auto not_string = ct::parse_trust_verify_keys(R"({"ed-1":1})");
    CHECK(not_string.error().code == cellos::errc::wrong_type);
    CHECK(not_string.error().pointer == "/ed-1");
    const auto short_key = ct::parse_trust_verify_keys(R"({"a/b":")" + b64.substr(0, 42) + R"("})");
    CHECK(short_key.error().code == cellos::errc::invalid_key);
    CHECK(short_key.error().pointer == "/a~1b");
    const auto hex31 = ct::encode_base64url(std::vector<std::uint8_t>(31, 7));
    CHECK(rule_of(ct::parse_trust_verify_keys(R"({"k":")" + hex31 + R"("})")) == "ed25519PublicKeyLength");
    std::string std_alphabet = b64;
    std_alphabet[0] = '+';
    CHECK(rule_of(ct::parse_trust_verify_keys(R"({"k":")" + std_alphabet + R"("})")) == "ed25519PublicKeyEncoding");
    CHECK(rule_of(ct::parse_trust_verify_keys(R"({"":")" + b64 + R"("})")) == "kidFormat");
    // The parsed ring verifies.
    const auto env = ct::sign_event_ed25519(sample_event(), "ed-2", signing_key()).value();
    CHECK(ct::verify_signed_event_envelope(env, ring.value()));
}

TEST_CASE("load_trust_verify_keys_file: refuses symlinks, non-files, oversize files") {
    const fs::path dir = fs::temp_directory_path() / ("cellos_trust_test_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "keys.json";
    std::ofstream(file) << R"({"ed-1":")" << public_key().to_base64url() << "\"}\n";
    const auto ok = ct::load_trust_verify_keys_file(file.string());
    REQUIRE(ok);
    CHECK(ok.value().size() == 1);
    const fs::path link = dir / "link.json";
    fs::create_symlink(file, link);
    const auto sym = ct::load_trust_verify_keys_file(link.string());
    CHECK(rule_of(sym) == "symlinkRefused");
    CHECK(sym.error().code == cellos::errc::io_error);
    CHECK(rule_of(ct::load_trust_verify_keys_file(dir.string())) == "regularFile");
    const fs::path fifo = dir / "fifo.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(rule_of(ct::load_trust_verify_keys_file(fifo.string())) == "regularFile");  // refused, not blocked on
    CHECK(ct::load_trust_verify_keys_file((dir / "absent.json").string()).error().code == cellos::errc::io_error);
    cellos::json::parse_limits small;
    small.max_bytes = 16;
    const auto big = ct::load_trust_verify_keys_file(file.string(), small);
    CHECK(big.error().code == cellos::errc::input_too_large);
    CHECK(big.error().message.find("is larger than 16 bytes") != std::string::npos);  // the read stops, not the parser
    fs::remove_all(dir);
}

namespace {
/// An HSM-shaped provider: the signing key is an opaque slot number; the seed stays inside the
/// "device" (here a member), never reaching the caller. Verification and hashing are delegated.
struct slot_provider {
    using ed25519_signing_key = int;
    ct::cryptopp_provider inner;
    ct::ed25519_private_key device_key = signing_key();
    [[nodiscard]] ct::sha256_bytes sha256(ct::byte_view m) const { return inner.sha256(m); }
    [[nodiscard]] cellos::checked<ct::hmac_sha256_tag> hmac_sha256(const ct::hmac_key& k, ct::byte_view m) const { return inner.hmac_sha256(k, m); }
    [[nodiscard]] cellos::checked<ct::ed25519_signature> ed25519_sign(const int& slot, ct::byte_view m) const {
        if (slot != 7) return cellos::make_problem(cellos::errc::crypto_failure, "", "no key in slot");
        return inner.ed25519_sign(device_key, m);
    }
    [[nodiscard]] cellos::checked<ct::ed25519_public_key> ed25519_public_key_of(const int& slot) const {
        if (slot != 7) return cellos::make_problem(cellos::errc::crypto_failure, "", "no key in slot");
        return inner.ed25519_public_key_of(device_key);
    }
    [[nodiscard]] bool ed25519_verify(const ct::ed25519_public_key& k, ct::byte_view m, const ct::ed25519_signature& s) const {
        return inner.ed25519_verify(k, m, s);
    }
    [[nodiscard]] cellos::checked<int> ed25519_generate() const { return cellos::make_problem(cellos::errc::crypto_failure, "", "read-only device"); }
};
static_assert(ct::CryptoProvider<slot_provider>);
}  // namespace

TEST_CASE("a provider with its own signing-key handle (HSM-shaped) signs envelopes the default provider verifies") {
    const slot_provider hsm;
    const auto env = ct::sign_event_ed25519(sample_event(), "ed-1", 7, hsm);
    REQUIRE(env);
    CHECK(env.value() == ct::sign_event_ed25519(sample_event(), "ed-1", signing_key()).value());  // Ed25519 is deterministic
    CHECK(ct::verify_signed_event_envelope(env.value(), ring_with_both()));
    CHECK(ct::verify_signed_event_envelope(env.value(), ring_with_both(), hsm));
    CHECK(ct::ed25519_public_key_of(7, hsm).value() == public_key());
    CHECK(ct::sign_event_ed25519(sample_event(), "ed-1", 3, hsm).error().code == cellos::errc::crypto_failure);
    CHECK(!ct::generate_ed25519_key(hsm));
}
