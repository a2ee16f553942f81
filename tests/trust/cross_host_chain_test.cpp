// The cross-host audit chain (cellos/trust/cross_host_chain.hpp): a valid interleaved stream of
// three hosts verifies, and every refusal is checked by its exact code, rule and pointer (the host
// and seq named in its message), so removing a check fails a test here (tools/mutants.toml).
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "../doctest.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;
using cellos::errc;

ct::ed25519_private_key host_key(std::uint8_t fill) {
    return ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, fill)).value();
}

// Trusted: kid-a, kid-b, kid-c (Ed25519) and mac-1 (HMAC). kid-x (seed fill 0x0f) is foreign.
ct::keyring audit_keys() {
    ct::keyring ring;
    REQUIRE(ring.add_ed25519("kid-a", ct::ed25519_public_key_of(host_key(0xa1)).value()));
    REQUIRE(ring.add_ed25519("kid-b", ct::ed25519_public_key_of(host_key(0xb2)).value()));
    REQUIRE(ring.add_ed25519("kid-c", ct::ed25519_public_key_of(host_key(0xc3)).value()));
    REQUIRE(ring.add_hmac("mac-1", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x5a)).value()));
    return ring;
}

boost::json::value record(std::string_view what, int n) { return boost::json::object{{"action", what}, {"n", n}}; }

/// One host's chain, built with the writer: entries[i] is seq i.
struct host_chain {
    std::vector<ct::signed_event_envelope_v1> entries;
};

host_chain make_chain(const std::string& host, std::string_view kid, std::uint8_t fill, int length) {
    ct::cross_host_chain_writer w(host, "/cellos/hosts/" + host);
    host_chain out;
    for (int i = 0; i < length; ++i) out.entries.push_back(w.append(record("exec", i), kid, host_key(fill)).value());
    return out;
}

/// a0 b0 a1 c0 b1 a2 c1 b2 a3: three hosts, interleaved.
struct fleet {
    host_chain a = make_chain("a", "kid-a", 0xa1, 4);
    host_chain b = make_chain("b", "kid-b", 0xb2, 3);
    host_chain c = make_chain("c", "kid-c", 0xc3, 2);
    [[nodiscard]] std::vector<ct::signed_event_envelope_v1> stream() const {
        return {a.entries[0], b.entries[0], a.entries[1], c.entries[0], b.entries[1],
                a.entries[2], c.entries[1], b.entries[2], a.entries[3]};
    }
};

std::string digest(const ct::signed_event_envelope_v1& env) { return ct::entry_digest(env).value(); }

/// An entry signed by `kid` with the given position and record (for forks and bad links).
ct::signed_event_envelope_v1 entry_at(const std::string& host, std::uint64_t seq, const std::string& prev, std::string_view kid,
                                      std::uint8_t fill, const boost::json::value& rec = record("exec", 99)) {
    return ct::build_chain_entry(ct::chain_position{host, seq, prev}, rec, host + ":" + std::to_string(seq), "/cellos/hosts/" + host, kid,
                                 host_key(fill))
        .value();
}

/// An entry whose data is `data_json` verbatim, signed by kid-a: a valid signature over malformed data.
ct::signed_event_envelope_v1 raw_entry(std::string data_json, std::string type = std::string(ct::cross_host_entry_type)) {
    cellos::cloud_event_v1 e;
    e.id = "raw-1";
    e.source = "/cellos/hosts/a";
    e.type = std::move(type);
    e.datacontenttype = "application/json";
    e.data = cellos::json_data{std::move(data_json)};
    return ct::sign_event_ed25519(e, "kid-a", host_key(0xa1)).value();
}

/// The problem a stream is refused with (fails the test when it is accepted).
cellos::problem refusal(const std::vector<ct::signed_event_envelope_v1>& stream, ct::cross_host_chain_options options = {}) {
    const ct::keyring ring = audit_keys();
    auto r = ct::verify_cross_host_chains(stream, ring, std::move(options));
    REQUIRE_FALSE(r);
    return r.error();
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

TEST_CASE("cross-host chain: three interleaved hosts verify, with per-host counts and heads") {
    const fleet f;
    const ct::keyring ring = audit_keys();
    const auto r = ct::verify_cross_host_chains(f.stream(), ring);
    REQUIRE(r);
    const ct::verified_cross_host_chains& v = r.value();
    REQUIRE(v.hosts().size() == 3);
    CHECK(v.entries() == 9);
    CHECK(v.hosts()[0] == ct::host_chain_head{"a", 3, digest(f.a.entries[3]), 4, 0});
    CHECK(v.hosts()[1] == ct::host_chain_head{"b", 2, digest(f.b.entries[2]), 3, 0});
    CHECK(v.hosts()[2] == ct::host_chain_head{"c", 1, digest(f.c.entries[1]), 2, 0});
    CHECK(v.find("b")->head_seq == 2);
    CHECK(v.find("z") == nullptr);
    // The entries link as upstream says: seq 0 names 64 zeros, seq n the digest of seq n - 1.
    const auto data = [](const ct::signed_event_envelope_v1& e) { return ct::decode_chain_entry(e.event).value().position; };
    CHECK(data(f.a.entries[0]).prev_digest == ct::genesis_prev_digest);
    CHECK(data(f.a.entries[2]).prev_digest == digest(f.a.entries[1]));
    CHECK(f.a.entries[0].event.type == "dev.cellos.events.cell.audit.v1.cross-host-entry");
    CHECK(f.a.entries[0].event.id == "a:0");
}

TEST_CASE("cross-host chain: entry_digest is the hex SHA-256 of the canonical signing payload") {
    const fleet f;
    const std::string payload = ct::canonical_event_signing_payload(f.a.entries[1].event).value();
    CHECK(digest(f.a.entries[1]) == ct::sha256_digest_string(payload).substr(7));
    CHECK(ct::is_chain_digest(digest(f.a.entries[1])));
    CHECK_FALSE(ct::is_chain_digest(std::string(64, 'A')));
    CHECK_FALSE(ct::is_chain_digest(std::string(63, 'a')));
    CHECK_FALSE(ct::is_chain_digest(std::string(63, 'a') + "g"));
    cellos::cloud_event_v1 invalid;  // no id, source or type: no payload, no digest
    CHECK_FALSE(ct::entry_digest(ct::signed_event_envelope_v1{1, ct::signature_algorithm::ed25519, "k", "", invalid}));
}

TEST_CASE("cross-host chain: an exact re-delivery of a host's head is tolerated and counted") {
    const fleet f;
    auto s = f.stream();
    s.insert(s.begin() + 3, f.a.entries[1]);  // a1 again, right after a1
    const ct::keyring ring = audit_keys();
    const auto r = ct::verify_cross_host_chains(s, ring);
    REQUIRE(r);
    CHECK(r.value().find("a")->duplicates == 1);
    CHECK(r.value().find("a")->entries == 4);
}

TEST_CASE("cross-host chain: a dropped entry is a gap naming the host and seq") {
    const fleet f;
    auto s = f.stream();
    s.erase(s.begin() + 2);  // a1: a2 (now index 4) follows a0
    const auto p = refusal(s);
    CHECK(p.code == errc::chain_gap);
    CHECK(p.rule == "chainGap");
    CHECK(p.pointer == "/4/event/data/seq");
    CHECK(contains(p.message, "host \"a\" seq 2"));
    CHECK(contains(p.message, "seqs 1..1 are missing"));
}

TEST_CASE("cross-host chain: reordered and replayed entries are a rollback") {
    const fleet f;
    auto s = f.stream();
    s.push_back(f.b.entries[1]);  // b1 replayed after b2: below b's head
    auto p = refusal(s);
    CHECK(p.code == errc::version_rollback);
    CHECK(p.rule == "chainRollback");
    CHECK(p.pointer == "/9/event/data/seq");
    CHECK(contains(p.message, "host \"b\" seq 1"));
    // Swapped (a2 before a1): the first out-of-order entry is a gap, the late one a rollback.
    const ct::keyring ring = audit_keys();
    auto v = ct::cross_host_chain_verifier<ct::keyring>::create(ring).value();
    REQUIRE(v.feed(f.a.entries[0]));
    const auto early = v.feed(f.a.entries[2]);
    REQUIRE_FALSE(early);
    CHECK(early.error().code == errc::chain_gap);
    // After a host's chain refusal its later entries are skipped, not reported as a cascade.
    CHECK(v.feed(f.a.entries[1]));
    CHECK(v.skipped() == 1);
    CHECK(v.refused() == 1);
    const auto finished = v.finish();
    REQUIRE_FALSE(finished);
    CHECK(finished.error() == early.error());
}

TEST_CASE("cross-host chain: two different entries at one seq are a fork") {
    const fleet f;
    auto s = f.stream();
    // A second a1, validly signed by a's key, linked to a0, with another record.
    s.insert(s.begin() + 3, entry_at("a", 1, digest(f.a.entries[0]), "kid-a", 0xa1, record("other", 1)));
    const auto p = refusal(s);
    CHECK(p.code == errc::chain_fork);
    CHECK(p.rule == "chainFork");
    CHECK(p.pointer == "/3/event/data/seq");
    CHECK(contains(p.message, "host \"a\" seq 1"));
}

TEST_CASE("cross-host chain: a tampered record fails its signature") {
    const fleet f;
    auto s = f.stream();
    auto& tampered = s[5];  // a2
    auto data = boost::json::parse(std::get<cellos::json_data>(tampered.event.data).json);
    data.at("entry").at("n") = 1000;
    tampered.event.data = cellos::json_data{boost::json::serialize(data)};
    const auto p = refusal(s);
    CHECK(p.code == errc::signature_invalid);
    CHECK(p.pointer == "/5/signature");
    CHECK(contains(p.message, "host \"a\" seq 2"));
}

TEST_CASE("cross-host chain: a re-signed entry with a wrong prevDigest breaks the chain") {
    const fleet f;
    auto s = f.stream();
    s[5] = entry_at("a", 2, digest(f.a.entries[0]), "kid-a", 0xa1);  // a2 linked to a0, not a1
    const auto p = refusal(s);
    CHECK(p.code == errc::chain_broken);
    CHECK(p.rule == "chainLink");
    CHECK(p.pointer == "/5/event/data/prevDigest");
    CHECK(contains(p.message, "host \"a\" seq 2"));
    CHECK(contains(p.message, digest(f.a.entries[1])));
}

TEST_CASE("cross-host chain: a foreign signer is an unknown key id") {
    const fleet f;
    auto s = f.stream();
    s[6] = entry_at("c", 1, digest(f.c.entries[0]), "kid-x", 0x0f);  // c1 signed by a key nobody trusts
    const auto p = refusal(s);
    CHECK(p.code == errc::unknown_key_id);
    CHECK(p.pointer == "/6/signerKid");
    CHECK(contains(p.message, "host \"c\" seq 1"));
}

TEST_CASE("cross-host chain: pinned hosts accept only their own signers") {
    const fleet f;
    ct::cross_host_chain_options pinned;
    pinned.host_signers["a"] = {"kid-a"};
    pinned.host_signers["b"] = {"kid-b"};
    pinned.host_signers["c"] = {"kid-c"};
    const ct::keyring ring = audit_keys();
    CHECK(ct::verify_cross_host_chains(f.stream(), ring, pinned));
    SUBCASE("a trusted key signing for another host") {
        auto s = f.stream();
        s[5] = entry_at("a", 2, digest(f.a.entries[1]), "kid-b", 0xb2);  // b's key signs a2
        const auto p = refusal(s, pinned);
        CHECK(p.code == errc::scope_exceeded);
        CHECK(p.rule == "hostSignerPin");
        CHECK(p.pointer == "/5/signerKid");
        CHECK(contains(p.message, "host \"a\" seq 2"));
        CHECK(contains(p.message, "kid-b"));
    }
    SUBCASE("a host without a pin, when only pinned hosts are accepted") {
        pinned.host_signers.erase("c");
        pinned.pinned_hosts_only = true;
        const auto p = refusal(f.stream(), pinned);
        CHECK(p.code == errc::scope_exceeded);
        CHECK(p.rule == "hostNotPinned");
        CHECK(p.pointer == "/3/event/data/hostId");
        CHECK(contains(p.message, "host \"c\" seq 0"));
        pinned.pinned_hosts_only = false;  // unpinned hosts are open by default
        CHECK(ct::verify_cross_host_chains(f.stream(), ring, pinned));
    }
}

TEST_CASE("cross-host chain: truncation before an expected head is a gap") {
    const fleet f;
    const ct::keyring ring = audit_keys();
    ct::cross_host_chain_options o;
    o.expected_heads["a"] = ct::expected_head{3, digest(f.a.entries[3])};
    o.expected_heads["b"] = ct::expected_head{1, std::nullopt};  // at least seq 1: b reaches 2
    CHECK(ct::verify_cross_host_chains(f.stream(), ring, o));
    auto s = f.stream();
    s.pop_back();  // a3: a ends at seq 2
    auto p = refusal(s, o);
    CHECK(p.code == errc::chain_gap);
    CHECK(p.rule == "expectedHead");
    CHECK(contains(p.message, "host \"a\" seq 3"));
    CHECK(contains(p.message, "ends at seq 2"));
    SUBCASE("a host that never appears") {
        o.expected_heads["d"] = ct::expected_head{0, std::nullopt};
        p = refusal(f.stream(), o);
        CHECK(p.code == errc::chain_gap);
        CHECK(p.rule == "expectedHead");
        CHECK(contains(p.message, "host \"d\" seq 0"));
    }
    SUBCASE("every unmet head is listed") {
        o.expected_heads["d"] = ct::expected_head{0, std::nullopt};
        auto v = ct::cross_host_chain_verifier<ct::keyring>::create(ring, o).value();
        for (const auto& e : s) REQUIRE(v.feed(e));
        const cellos::problem_list unmet = v.unmet_expectations();
        REQUIRE(unmet.total() == 2);
        CHECK(contains(unmet[0].message, "host \"a\""));
        CHECK(contains(unmet[1].message, "host \"d\""));
    }
    SUBCASE("the entry at the expected seq has another digest") {
        o.expected_heads["a"] = ct::expected_head{2, digest(f.a.entries[1])};
        p = refusal(f.stream(), o);
        CHECK(p.code == errc::chain_fork);
        CHECK(p.rule == "expectedHeadDigest");
        CHECK(p.pointer == "/5/event/data/seq");
        CHECK(contains(p.message, "host \"a\" seq 2"));
    }
}

TEST_CASE("cross-host chain: a chain starts at genesis, with a prevDigest of 64 zeros") {
    const fleet f;
    auto s = f.stream();
    s[3] = entry_at("c", 0, digest(f.a.entries[0]), "kid-c", 0xc3);
    auto p = refusal(s);
    CHECK(p.code == errc::chain_broken);
    CHECK(p.rule == "genesisPrevDigest");
    CHECK(p.pointer == "/3/event/data/prevDigest");
    CHECK(contains(p.message, "host \"c\" seq 0"));
    s = f.stream();
    s.erase(s.begin() + 3);  // c0: c's first entry is c1
    p = refusal(s);
    CHECK(p.code == errc::chain_gap);
    CHECK(p.rule == "chainStart");
    CHECK(p.pointer == "/5/event/data/seq");
    CHECK(contains(p.message, "host \"c\" seq 1"));
}

TEST_CASE("cross-host chain: an audit resumes from a checkpoint") {
    const fleet f;
    const ct::keyring ring = audit_keys();
    ct::cross_host_chain_options o;
    o.checkpoints["a"] = ct::chain_checkpoint{1, digest(f.a.entries[1])};
    // The rest of a's chain alone, plus a re-delivery of the checkpoint entry itself.
    std::vector<ct::signed_event_envelope_v1> rest{f.a.entries[1], f.a.entries[2], f.a.entries[3]};
    const auto r = ct::verify_cross_host_chains(rest, ring, o);
    REQUIRE(r);
    CHECK(*r.value().find("a") == ct::host_chain_head{"a", 3, digest(f.a.entries[3]), 2, 1});
    // Nothing after the checkpoint: the checkpoint is the head.
    const auto empty = ct::verify_cross_host_chains(std::vector<ct::signed_event_envelope_v1>{}, ring, o);
    REQUIRE(empty);
    CHECK(*empty.value().find("a") == ct::host_chain_head{"a", 1, digest(f.a.entries[1]), 0, 0});
    // An expected head at the checkpoint itself is checked against the checkpoint's digest.
    o.expected_heads["a"] = ct::expected_head{1, digest(f.a.entries[0])};
    auto p = refusal(std::vector<ct::signed_event_envelope_v1>{}, o);
    CHECK(p.code == errc::chain_fork);
    CHECK(p.rule == "expectedHeadDigest");
    CHECK(contains(p.message, "host \"a\" seq 1"));
    o.expected_heads.clear();
    // A wrong checkpoint digest: the next entry does not link to it.
    o.checkpoints["a"].digest = digest(f.a.entries[0]);
    p = refusal(std::vector<ct::signed_event_envelope_v1>{f.a.entries[2]}, o);
    CHECK(p.code == errc::chain_broken);
    CHECK(p.rule == "chainLink");
    // The writer resumes from a checkpoint too, and its next entry verifies against it.
    ct::cross_host_chain_writer w("a", "/cellos/hosts/a", ct::chain_checkpoint{3, digest(f.a.entries[3])});
    CHECK(w.next_seq() == 4);
    o.checkpoints["a"] = ct::chain_checkpoint{3, digest(f.a.entries[3])};
    const std::vector<ct::signed_event_envelope_v1> next{w.append(record("exec", 4), "kid-a", host_key(0xa1)).value()};
    CHECK(ct::verify_cross_host_chains(next, ring, o));
    CHECK(w.prev_digest() == digest(next[0]));
}

TEST_CASE("cross-host chain: checkpoints and expected heads are checked when the verifier is made") {
    const ct::keyring ring = audit_keys();
    ct::cross_host_chain_options o;
    o.checkpoints["a"] = ct::chain_checkpoint{1, std::string(64, 'F')};
    auto v = ct::cross_host_chain_verifier<ct::keyring>::create(ring, o);
    REQUIRE_FALSE(v);
    CHECK(v.error().code == errc::invalid_value);
    CHECK(v.error().rule == "chainCheckpointFormat");
    o.checkpoints.clear();
    o.expected_heads["a"] = ct::expected_head{1, std::string(10, 'a')};
    v = ct::cross_host_chain_verifier<ct::keyring>::create(ring, o);
    REQUIRE_FALSE(v);
    CHECK(v.error().rule == "chainExpectedHeadFormat");
    o.expected_heads.clear();
    o.expected_heads[""] = ct::expected_head{1, std::nullopt};
    CHECK(ct::cross_host_chain_verifier<ct::keyring>::create(ring, o).error().rule == "chainExpectedHeadFormat");
}

TEST_CASE("cross-host chain: malformed entry data is refused strictly, under /event/data") {
    const ct::keyring ring = audit_keys();
    const std::string zeros(ct::genesis_prev_digest);
    const auto refused = [&](std::string data, std::string type = std::string(ct::cross_host_entry_type)) {
        return refusal(std::vector<ct::signed_event_envelope_v1>{raw_entry(std::move(data), std::move(type))});
    };
    const std::string head = R"({"hostId":"a","seq":0,"prevDigest":")" + zeros + R"(","entry":{})";
    CHECK(ct::verify_cross_host_chains(std::vector<ct::signed_event_envelope_v1>{raw_entry(head + "}")}, ring));

    auto p = refused(head + R"(,"extra":1})");
    CHECK(p.code == errc::unknown_field);
    CHECK(p.pointer == "/0/event/data/extra");
    CHECK(contains(p.message, "host \"a\" seq 0"));

    // A duplicate member has no canonical form, so no signature covers it: it is refused while the
    // envelope is verified, before its signature is even looked at.
    auto duplicated = raw_entry(head + "}");
    duplicated.event.data = cellos::json_data{R"({"hostId":"a","seq":0,"seq":0,"prevDigest":")" + zeros + R"(","entry":{}})"};
    p = refusal(std::vector<ct::signed_event_envelope_v1>{duplicated});
    CHECK(p.code == errc::duplicate_key);
    CHECK(contains(p.pointer, "/0/event/data"));
    CHECK(contains(p.message, "entry 0"));  // an ambiguous document names no host: the index does

    p = refused(R"({"hostId":"a","seq":"0","prevDigest":")" + zeros + R"(","entry":{}})");
    CHECK(p.code == errc::wrong_type);
    CHECK(p.pointer == "/0/event/data/seq");
    CHECK(contains(p.message, "host \"a\""));

    p = refused(R"({"hostId":"a","seq":-1,"prevDigest":")" + zeros + R"(","entry":{}})");
    CHECK(p.code == errc::number_out_of_range);
    CHECK(p.pointer == "/0/event/data/seq");

    p = refused(R"({"hostId":"a","seq":1e300,"prevDigest":")" + zeros + R"(","entry":{}})");
    CHECK(p.code == errc::number_out_of_range);
    CHECK(p.pointer == "/0/event/data/seq");

    p = refused(R"({"hostId":"a","seq":0,"prevDigest":")" + zeros + R"("})");
    CHECK(p.code == errc::missing_field);
    CHECK(p.pointer == "/0/event/data/entry");

    p = refused(R"({"hostId":"","seq":0,"prevDigest":")" + zeros + R"(","entry":{}})");
    CHECK(p.code == errc::invalid_value);
    CHECK(p.rule == "hostIdFormat");
    CHECK(p.pointer == "/0/event/data/hostId");

    p = refused(R"({"hostId":"a","seq":0,"prevDigest":")" + std::string(64, 'A') + R"(","entry":{}})");
    CHECK(p.code == errc::invalid_value);
    CHECK(p.rule == "prevDigestFormat");
    CHECK(p.pointer == "/0/event/data/prevDigest");
    CHECK(contains(p.message, "host \"a\" seq 0"));

    p = refused(head + "}", "dev.cellos.events.cell.lifecycle.v1.started");
    CHECK(p.code == errc::invalid_value);
    CHECK(p.rule == "chainEntryType");
    CHECK(p.pointer == "/0/event/type");

    cellos::cloud_event_v1 text_event = raw_entry(head + "}").event;
    text_event.data = cellos::text_data{"not an object"};
    text_event.datacontenttype = "text/plain";
    p = refusal(std::vector<ct::signed_event_envelope_v1>{ct::sign_event_ed25519(text_event, "kid-a", host_key(0xa1)).value()});
    CHECK(p.code == errc::wrong_type);
    CHECK(p.rule == "chainEntryData");
    CHECK(p.pointer == "/0/event/data");
}

TEST_CASE("cross-host chain: the number of hosts is capped") {
    const fleet f;
    ct::cross_host_chain_options o;
    o.max_hosts = 2;
    const auto p = refusal(f.stream(), o);
    CHECK(p.code == errc::input_too_large);
    CHECK(p.rule == "maxHosts");
    CHECK(p.pointer == "/3/event/data/hostId");
    CHECK(contains(p.message, "host \"c\" seq 0"));
    o.max_hosts = 3;
    const ct::keyring ring = audit_keys();
    CHECK(ct::verify_cross_host_chains(f.stream(), ring, o));
}

TEST_CASE("cross-host chain: building an entry refuses a bad position") {
    const boost::json::value rec = record("exec", 0);
    const auto build = [&](ct::chain_position at) {
        return ct::build_chain_entry(at, rec, "id-1", "/s", "kid-a", host_key(0xa1));
    };
    CHECK(build(ct::chain_position{"a", 0, std::string(ct::genesis_prev_digest)}));
    CHECK(build(ct::chain_position{"", 0, std::string(ct::genesis_prev_digest)}).error().rule == "hostIdFormat");
    CHECK(build(ct::chain_position{"a", 1, "abc"}).error().rule == "prevDigestFormat");
    const auto far = build(ct::chain_position{"a", ct::max_signed_integer + 1, std::string(ct::genesis_prev_digest)});
    CHECK(far.error().code == errc::number_out_of_range);
    CHECK(far.error().rule == "chainSeqRange");
    CHECK(build(ct::chain_position{"a", ct::max_signed_integer, std::string(ct::genesis_prev_digest)}));
    // A refused record leaves the writer where it was.
    ct::cross_host_chain_writer w("a", "/cellos/hosts/a");
    CHECK_FALSE(w.append(boost::json::value(std::int64_t{1} << 60), "kid-a", host_key(0xa1)));
    CHECK(w.next_seq() == 0);
    CHECK(w.prev_digest() == ct::genesis_prev_digest);
    // A writer resumed at the last seq cannot wrap around to a second genesis.
    ct::cross_host_chain_writer last("a", "/cellos/hosts/a", ct::chain_checkpoint{UINT64_MAX, std::string(64, 'a')});
    const auto wrapped = last.append(rec, "kid-a", host_key(0xa1));
    REQUIRE_FALSE(wrapped);
    CHECK(wrapped.error().rule == "chainSeqRange");
}

TEST_CASE("cross-host chain: HMAC-signed entries verify against a shared key") {
    const ct::keyring ring = audit_keys();
    const auto mac = ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x5a)).value();
    const auto e0 = ct::build_chain_entry_hmac(ct::chain_position{"m", 0, std::string(ct::genesis_prev_digest)}, record("x", 0), "m:0",
                                               "/cellos/hosts/m", "mac-1", mac)
                        .value();
    const auto e1 = ct::build_chain_entry_hmac(ct::chain_position{"m", 1, digest(e0)}, record("x", 1), "m:1", "/cellos/hosts/m", "mac-1", mac)
                        .value();
    const auto r = ct::verify_cross_host_chains(std::vector<ct::signed_event_envelope_v1>{e0, e1}, ring);
    REQUIRE(r);
    CHECK(r.value().find("m")->head_seq == 1);
}

// Only the verifier makes a verified_cross_host_chains.
static_assert(!std::is_default_constructible_v<ct::verified_cross_host_chains>);
static_assert(!std::is_constructible_v<ct::verified_cross_host_chains, std::vector<ct::host_chain_head>>);
