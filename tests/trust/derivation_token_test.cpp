// Authority derivation tokens (cellos/trust/derivation_token.hpp): sign / verify, every refusal
// of verify_authority_derivation and enforce_derivation_scope_policy by its code, pointer and rule,
// the spec hash that leaves the token slot out, and the typed authority a verified token yields.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "../doctest.hpp"
#include "test_keys.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;
using namespace std::chrono_literals;

using cellos_test::hex;

// RFC 8032 §7.1 TEST 1 and TEST 2 seeds: fixed keys make failures reproducible.
ct::ed25519_private_key grantor_key() {
    return cellos_test::rfc8032_test1_key();
}
ct::ed25519_private_key other_key() {
    return ct::ed25519_private_key::from_seed(hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")).value();
}

ct::keyring ring() {
    ct::keyring r;
    REQUIRE(r.add_ed25519("grantor-1", ct::ed25519_public_key_of(grantor_key()).value()));
    REQUIRE(r.add_ed25519("grantor-2", ct::ed25519_public_key_of(other_key()).value()));
    REQUIRE(r.add_hmac("mac-1", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x5a)).value()));
    return r;
}

constexpr std::string_view spec_json =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"build-1","authority":{)"
    R"("secretRefs":["DB_PASSWORD","API_TOKEN"],)"
    R"("egressRules":[{"host":"api.example.com","port":443,"protocol":"tcp"},)"
    R"({"host":"10.0.0.53","port":53,"protocol":"udp","dnsEgressAcknowledged":true,"justification":"resolver"}],)"
    R"("dnsAuthority":{"resolvers":[{"resolverId":"r1","protocol":"do53-udp","endpoint":"10.0.0.53"}],)"
    R"("hostnameAllowlist":["api.example.com","*.pkg.example.org"]}},"lifetime":{"ttlSeconds":300}}})";

cellos::execution_cell_document the_spec() { return cellos::json::parse_execution_cell_document(spec_json).value(); }

cellos::execution_cell_document other_spec() {
    auto s = the_spec();
    s.spec.id = "build-2";
    return s;
}

// A Proven derivation (JWS verified, SNI observed), as examples/data/authority/proven_jws.json.
cellos::authority_derivation proven_derivation() {
    return cellos::json::parse_derivation(
               R"({"inputs":[{"input_type":"JWS","value":"eyJhbGciOiJFZERTQSJ9.e30.c2ln","confidence":0.99},)"
               R"({"input_type":"SNI","value":"api.example.com","confidence":0.95}],)"
               R"("rules_applied":[{"rule":"JWS_SIGNATURE_VERIFIED","class":"CRYPTOGRAPHIC_PROOF"},)"
               R"({"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"}],)"
               R"("output":{"tier":4,"confidence":0.99,"epistemic_status":"CRYPTOGRAPHICALLY_PROVEN","binding_status":"BOUND"}})")
        .value();
}

cellos::authority_derivation_token draft(std::string kid = "grantor-1") {
    cellos::authority_derivation_token t;
    t.grantor_kid = std::move(kid);
    t.scope.egress_rules.push_back({"API.Example.COM", 443, cellos::egress_protocol::tcp, std::nullopt, std::nullopt});  // case-insensitive host
    t.scope.secret_refs = {"DB_PASSWORD"};
    t.scope.dns_queries = {"api.example.com", "x.pkg.example.org", "*.a.pkg.example.org"};
    t.derivation = proven_derivation();
    t.not_before = "2026-12-07T00:00:00Z";
    t.not_after = "2026-12-08T00:00:00Z";
    return t;
}

// 2026-12-07T12:00:00Z: inside draft()'s window.
constexpr std::chrono::sys_seconds noon{std::chrono::seconds{1796644800}};

cellos::authority_derivation_token signed_token(cellos::authority_derivation_token t = draft(),
                                                const ct::ed25519_private_key& key = grantor_key()) {
    return ct::sign_authority_derivation(std::move(t), the_spec(), key).value();
}

struct refusal {
    cellos::errc code;
    std::string pointer;
    std::string rule;
    friend bool operator==(const refusal&, const refusal&) = default;
};
doctest::String toString(const refusal& r) {
    return (std::string(cellos::errc_name(r.code)) + " at " + r.pointer + " (" + r.rule + ")").c_str();
}
template <class R>
refusal refusal_of(const R& r) {
    if (r) return {cellos::errc{}, "<accepted>", ""};
    return {r.error().code, r.error().pointer, r.error().rule};
}

auto verify(const cellos::authority_derivation_token& t, const cellos::execution_cell_document& spec = the_spec(),
            std::chrono::sys_seconds now = noon) {
    return ct::verify_authority_derivation(t, spec, ring(), now);
}

// Re-serialises JSON with every object's members in reverse order.
boost::json::value reversed(const boost::json::value& v) {
    if (v.is_array()) {
        boost::json::array a;
        for (const auto& e : v.get_array()) a.push_back(reversed(e));
        return a;
    }
    if (!v.is_object()) return v;
    std::vector<const boost::json::key_value_pair*> members;
    for (const auto& m : v.get_object()) members.push_back(&m);
    boost::json::object o;
    for (auto it = members.rbegin(); it != members.rend(); ++it) o[(*it)->key()] = reversed((*it)->value());
    return o;
}

}  // namespace

TEST_CASE("derivation token: sign and verify round trip; the verified token yields a Proven authority") {
    const auto t = signed_token();
    CHECK(t.algorithm == cellos::derivation_token_algorithm::ed25519);
    CHECK(t.spec_hash == cellos::canonical_spec_hash(the_spec()));
    const auto v = verify(t);
    REQUIRE(v);
    CHECK(v.value().kid() == "grantor-1");
    CHECK(v.value().value() == t);

    const auto proven = ct::derived_authority<cellos::authority_kind::proven>(v.value());
    REQUIRE(proven);
    std::visit([](const auto& a) { CHECK(a.artifact() == cellos::proven_authority_artifact{cellos::jws_verified{"grantor-1"}}); },
               proven.value());
    // Kinds whose envelope the derivation leaves are refused by the kernel, pointer into the token.
    CHECK(refusal_of(ct::derived_authority<cellos::authority_kind::observed>(v.value())) ==
          refusal{cellos::errc::type_class_incompatible, "/derivation/rules_applied/0/class", ""});
}

TEST_CASE("derivation token: the signed bytes are JCS of the token without its signature, with a kind") {
    const auto t = signed_token();
    const std::string payload = ct::authority_derivation_signing_payload(t).value();
    CHECK(payload.find("\"signature\"") == std::string::npos);
    CHECK(payload.find(R"("kind":"cellos.authority-derivation-token.v1")") != std::string::npos);
    CHECK(payload.starts_with(R"({"algorithm":"ed25519","derivation":{)"));  // members sorted (RFC 8785)
    // the signature is irrelevant to the payload; every other member is covered
    auto u = t;
    u.signature = "x";
    CHECK(ct::authority_derivation_signing_payload(u).value() == payload);
    u.grantor_kid = "grantor-2";
    CHECK(ct::authority_derivation_signing_payload(u).value() != payload);
    // a number JSON cannot hold has no payload, and cannot be signed
    auto nan = draft();
    nan.derivation.inputs[0].confidence = std::numeric_limits<double>::quiet_NaN();
    CHECK(refusal_of(ct::authority_derivation_signing_payload(nan)) ==
          refusal{cellos::errc::number_out_of_range, "/derivation/inputs/0/confidence", "tokenNumber"});
    CHECK(refusal_of(ct::sign_authority_derivation(nan, the_spec(), grantor_key())) ==
          refusal{cellos::errc::number_out_of_range, "/derivation/inputs/0/confidence", "tokenNumber"});
    CHECK(refusal_of(ct::to_text(nan)) == refusal{cellos::errc::number_out_of_range, "/derivation/inputs/0/confidence", "tokenNumber"});
    CHECK(refusal_of(ct::sign_authority_derivation(draft(""), the_spec(), grantor_key())) ==
          refusal{cellos::errc::invalid_value, "/grantorKid", "kidFormat"});
}

TEST_CASE("derivation token: tampering with any signed member breaks the signature") {
    const auto t = signed_token();
    const refusal bad_sig{cellos::errc::signature_invalid, "/signature", "ed25519Mismatch"};
    auto d = t;
    d.derivation.output.confidence = 0.95;
    CHECK(refusal_of(verify(d)) == bad_sig);
    auto s = t;
    s.scope.secret_refs.push_back("API_TOKEN");
    CHECK(refusal_of(verify(s)) == bad_sig);
    auto w = t;
    w.not_after = "2027-12-08T00:00:00Z";
    CHECK(refusal_of(verify(w)) == bad_sig);
    auto k = t;  // the other grantor's key does not verify grantor-1's signature
    k.grantor_kid = "grantor-2";
    CHECK(refusal_of(verify(k)) == bad_sig);
    auto e = t;
    e.signature = "not base64url!";
    CHECK(refusal_of(verify(e)) == refusal{cellos::errc::signature_invalid, "/signature", "signatureEncoding"});
    auto l = t;
    l.signature = l.signature.substr(0, 80);
    CHECK(refusal_of(verify(l)) == refusal{cellos::errc::signature_invalid, "/signature", "ed25519SignatureLength"});
}

TEST_CASE("derivation token: key refusals") {
    CHECK(refusal_of(verify(signed_token(draft("nobody")))) == refusal{cellos::errc::unknown_key_id, "/grantorKid", "unknownKid"});
    // an HMAC key never verifies a derivation token, whatever the token says
    CHECK(refusal_of(verify(signed_token(draft("mac-1")))) == refusal{cellos::errc::algorithm_mismatch, "/algorithm", "keyAlgorithmMismatch"});
    auto t = signed_token();
    t.grantor_kid = "bad\nkid";
    CHECK(refusal_of(verify(t)) == refusal{cellos::errc::invalid_value, "/grantorKid", "kidFormat"});
}

TEST_CASE("derivation token: bound to one spec by its canonical hash") {
    const auto t = signed_token();
    CHECK(refusal_of(verify(t, other_spec())) == refusal{cellos::errc::scope_exceeded, "/specHash", "specHashMismatch"});
    // the same spec re-serialised with other key order is the same spec
    const auto respelled =
        cellos::json::parse_execution_cell_document(boost::json::serialize(reversed(boost::json::parse(spec_json)))).value();
    CHECK(verify(t, respelled));
}

TEST_CASE("derivation token: the spec hash leaves spec.authority.derivationToken out; the slot round-trips") {
    auto spec = the_spec();
    const std::string before = cellos::canonical_spec_hash(spec);
    spec.spec.authority.derivation_token = signed_token();
    CHECK(cellos::canonical_spec_hash(spec) == before);
    auto other = spec;
    other.spec.authority.derivation_token->derivation.output.tier = 3;
    CHECK(cellos::canonical_spec_hash(other) == before);
    other.spec.authority.secret_refs.push_back("MORE");  // …but everything else is hashed
    CHECK(cellos::canonical_spec_hash(other) != before);

    // JSON round trip of a spec carrying the token, then verification of the carried token
    const std::string text = cellos::json::to_text(cellos::json::to_value(spec));
    CHECK(text.find(R"("derivationToken":{"grantorKid":"grantor-1")") != std::string::npos);
    const auto back = cellos::json::parse_execution_cell_document(text);
    REQUIRE(back);
    CHECK(back.value() == spec);
    CHECK(cellos::canonical_spec_hash_of_text(text).value() == before);
    const auto v = ct::verify_spec_derivation_token(back.value(), ring(), noon);
    REQUIRE(v);
    CHECK(v.value().kid() == "grantor-1");

    // refusals of the carried token are reported under its slot
    auto expired = back.value();
    CHECK(refusal_of(ct::verify_spec_derivation_token(expired, ring(), noon + 24h)) ==
          refusal{cellos::errc::outside_validity_window, "/spec/authority/derivationToken/notAfter", "expired"});
    expired.spec.authority.derivation_token.reset();
    CHECK(refusal_of(ct::verify_spec_derivation_token(expired, ring(), noon)) ==
          refusal{cellos::errc::missing_field, "/spec/authority/derivationToken", "derivationTokenPresent"});
}

TEST_CASE("derivation token: a derivation the kernel's validator refuses is refused") {
    auto inflated = draft();
    inflated.derivation.output.confidence = 1.0;  // above the best input (0.99)
    CHECK(refusal_of(verify(signed_token(inflated))) ==
          refusal{cellos::errc::confidence_inflation, "/derivation/output/confidence", ""});
    auto no_inputs = draft();
    no_inputs.derivation.inputs.clear();
    CHECK(refusal_of(verify(signed_token(no_inputs))) == refusal{cellos::errc::no_inputs, "/derivation/inputs", ""});
}

TEST_CASE("derivation token: the scope must lie within the spec's declared authority") {
    const auto refused = [](auto edit) {
        auto t = draft();
        edit(t);
        return refusal_of(verify(signed_token(t)));
    };
    using cellos::errc;
    CHECK(refused([](auto& t) { t.scope.egress_rules[0].host = "api.example.net"; }) ==
          refusal{errc::scope_exceeded, "/scope/egressRules/0", "declaredEgressRule"});
    CHECK(refused([](auto& t) { t.scope.egress_rules[0].port = 8443; }) ==
          refusal{errc::scope_exceeded, "/scope/egressRules/0", "declaredEgressRule"});
    CHECK(refused([](auto& t) { t.scope.egress_rules[0].protocol = cellos::egress_protocol::udp; }) ==
          refusal{errc::scope_exceeded, "/scope/egressRules/0", "declaredEgressRule"});
    CHECK(refused([](auto& t) { t.scope.secret_refs.push_back("db_password"); }) ==  // exact, not case-insensitive
          refusal{errc::scope_exceeded, "/scope/secretRefs/1", "declaredSecretRef"});
    CHECK(refused([](auto& t) { t.scope.dns_queries[1] = "evil.example.org"; }) ==
          refusal{errc::scope_exceeded, "/scope/dnsQueries/1", "declaredDnsQuery"});
    CHECK(refused([](auto& t) { t.scope.dns_queries[2] = "*.example.org"; }) ==  // wider than *.pkg.example.org
          refusal{errc::scope_exceeded, "/scope/dnsQueries/2", "declaredDnsQuery"});
    CHECK(refused([](auto& t) { t.scope.dns_queries[2] = "a.*.pkg.example.org"; }) ==
          refusal{errc::invalid_value, "/scope/dnsQueries/2", "declaredDnsQuerySyntax"});
    // the case-insensitive host of draft() is accepted; so is an empty scope
    CHECK(verify(signed_token()));
    auto empty = draft();
    empty.scope = {};
    CHECK(verify(signed_token(empty)));
}

TEST_CASE("derivation token: validity window") {
    const auto t = signed_token();
    using cellos::errc;
    CHECK(verify(t, the_spec(), std::chrono::sys_seconds{std::chrono::seconds{1796601600}}));  // == notBefore: valid
    CHECK(refusal_of(verify(t, the_spec(), std::chrono::sys_seconds{std::chrono::seconds{1796601599}})) ==
          refusal{errc::outside_validity_window, "/notBefore", "notYetValid"});
    CHECK(refusal_of(verify(t, the_spec(), std::chrono::sys_seconds{std::chrono::seconds{1796688000}})) ==  // == notAfter
          refusal{errc::outside_validity_window, "/notAfter", "expired"});
    CHECK(verify(t, the_spec(), std::chrono::sys_seconds{std::chrono::seconds{1796687999}}));
    auto bad = draft();
    bad.not_before = "2026-12-07 00:00:00";
    CHECK(refusal_of(verify(signed_token(bad))) == refusal{errc::invalid_timestamp, "/notBefore", "tokenTimestamp"});
    bad = draft();
    bad.not_after = "tomorrow";
    CHECK(refusal_of(verify(signed_token(bad))) == refusal{errc::invalid_timestamp, "/notAfter", "tokenTimestamp"});
    auto open = draft();  // no window: valid at any time
    open.not_before.reset();
    open.not_after.reset();
    CHECK(verify(signed_token(open), the_spec(), std::chrono::sys_seconds{}));
}

TEST_CASE("derivation token: JSON text through the strict boundary") {
    const auto t = signed_token();
    const std::string text = ct::to_text(t).value();
    CHECK(ct::parse_authority_derivation_token(text).value() == t);
    CHECK(ct::verify_authority_derivation(text, the_spec(), ring(), noon));
    // other key order, same token, same signature
    const std::string respelled = boost::json::serialize(reversed(boost::json::parse(text)));
    CHECK(respelled != text);
    CHECK(ct::verify_authority_derivation(respelled, the_spec(), ring(), noon));
    // a second "specHash" is refused at parse, before anything reads either
    std::string dup = text;
    dup.insert(1, R"("specHash":"sha256:0000000000000000000000000000000000000000000000000000000000000000",)");
    CHECK(refusal_of(ct::verify_authority_derivation(dup, the_spec(), ring(), noon)).code == cellos::errc::duplicate_key);
    // Ed25519 only: another algorithm does not decode
    std::string hmac = text;
    hmac.replace(hmac.find(R"("algorithm":"ed25519")"), 21, R"("algorithm":"hmac-sha256")");
    CHECK(refusal_of(ct::parse_authority_derivation_token(hmac)) == refusal{cellos::errc::unknown_enum_value, "/algorithm", ""});
    // closed member set
    std::string extra = text;
    extra.insert(1, R"("kind":"cellos.authority-derivation-token.v1",)");
    CHECK(refusal_of(ct::parse_authority_derivation_token(extra)) == refusal{cellos::errc::unknown_field, "/kind", ""});
}

TEST_CASE("derivation token: the scope policy applies to verified tokens") {
    const auto v = verify(signed_token()).value();
    using cellos::errc;
    CHECK(ct::enforce_derivation_scope_policy(v, {}));
    CHECK(ct::enforce_derivation_scope_policy(v, {.grantor_kids = {"grantor-2", "grantor-1"}}));
    CHECK(refusal_of(ct::enforce_derivation_scope_policy(v, {.grantor_kids = {"grantor-2"}})) ==
          refusal{errc::scope_exceeded, "/grantorKid", "derivationGrantor"});
    CHECK(ct::enforce_derivation_scope_policy(v, {.max_tier = 4}));
    CHECK(refusal_of(ct::enforce_derivation_scope_policy(v, {.max_tier = 3})) ==
          refusal{errc::scope_exceeded, "/derivation/output/tier", "derivationTier"});
    const cellos::class_set no_raw{cellos::rule_class::cryptographic_proof, cellos::rule_class::structural_alignment};
    CHECK(refusal_of(ct::enforce_derivation_scope_policy(v, {.permitted_classes = no_raw})) ==
          refusal{errc::scope_exceeded, "/derivation/rules_applied/1/class", "derivationRuleClass"});
    CHECK(ct::enforce_derivation_scope_policy(v, {.max_lifetime = 24h}));
    CHECK(refusal_of(ct::enforce_derivation_scope_policy(v, {.max_lifetime = 24h - 1s})) ==
          refusal{errc::scope_exceeded, "/notAfter", "derivationLifetime"});
    auto no_start = draft();
    no_start.not_before.reset();
    CHECK(refusal_of(ct::enforce_derivation_scope_policy(verify(signed_token(no_start)).value(), {.max_lifetime = 24h})) ==
          refusal{errc::scope_exceeded, "/notBefore", "derivationLifetime"});
    auto no_end = draft();
    no_end.not_after.reset();
    const auto open_ended = ct::enforce_derivation_scope_policy(verify(signed_token(no_end)).value(), {.max_lifetime = 24h});
    CHECK(refusal_of(open_ended) == refusal{errc::scope_exceeded, "/notAfter", "derivationLifetime"});
    CHECK(open_ended.error().message == "the policy requires a bounded validity window");  // not "exceeds"
}
