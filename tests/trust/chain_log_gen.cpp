// chain_log_gen DIR — test-only fixture writer for tests/cli/chain_cli_test.py: Python has no
// Ed25519, so the signed cross-host chain logs are made here, with the library's own writer
// (cellos/trust/cross_host_chain.hpp), from fixed seeds (reproducible). Writes into DIR:
//   keys.json        trust keys: kid-a, kid-b, kid-c (kid-x, which signs foreign.jsonl, is absent)
//   valid.jsonl      a0 b0 a1 c0 b1 a2 c1 b2 a3 as transport CloudEvents (signed_envelope.v1)
//   bare.jsonl       the same entries as bare envelope objects
//   dropped.jsonl    valid without a1 (a2, now line 5, follows a0)
//   reordered.jsonl  valid, then b1 replayed (line 10)
//   forked.jsonl     valid with a second, different a1 after a1 (line 4)
//   tampered.jsonl   valid with a2's record changed after signing (line 6)
//   relinked.jsonl   valid with a2 re-signed by kid-a but linked to a0 (line 6)
//   foreign.jsonl    valid with c1 signed by kid-x (line 7)
//   heads.json       {"a": digest of a3, "b": digest of b2, "c": digest of c1}
// Exit 0 on success, 2 on misuse or a write error.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "cellos/json/cloud_event.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;
using entries = std::vector<ct::signed_event_envelope_v1>;

ct::ed25519_private_key key_of(std::uint8_t fill) {
    return ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, fill)).value();
}

boost::json::value record(int n) { return boost::json::object{{"action", "exec"}, {"n", n}}; }

entries chain(const std::string& host, const std::string& kid, std::uint8_t fill, int length) {
    ct::cross_host_chain_writer w(host, "/cellos/hosts/" + host);
    entries out;
    for (int i = 0; i < length; ++i) out.push_back(w.append(record(i), kid, key_of(fill)).value());
    return out;
}

ct::signed_event_envelope_v1 entry_at(const std::string& host, std::uint64_t seq, const std::string& prev, const std::string& kid,
                                      std::uint8_t fill, int n) {
    return ct::build_chain_entry(ct::chain_position{host, seq, prev}, record(n), host + ":" + std::to_string(seq), "/cellos/hosts/" + host,
                                 kid, key_of(fill))
        .value();
}

std::string digest(const ct::signed_event_envelope_v1& e) { return ct::entry_digest(e).value(); }

bool write(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
    return static_cast<bool>(f.flush());
}

bool write_log(const std::string& path, const entries& log, bool transport = true) {
    std::string text;
    std::size_t i = 0;
    for (const auto& env : log) {
        if (transport) {
            const auto t = ct::to_transport_event(env, "t-" + std::to_string(i++), "/cellos/audit").value();
            text += cellos::json::to_text(t).value();
        } else {
            text += ct::to_text(env).value();
        }
        text += '\n';
    }
    return write(path, text);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: chain_log_gen DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    const entries a = chain("a", "kid-a", 0xa1, 4), b = chain("b", "kid-b", 0xb2, 3), c = chain("c", "kid-c", 0xc3, 2);
    const entries valid{a[0], b[0], a[1], c[0], b[1], a[2], c[1], b[2], a[3]};
    bool ok = true;
    boost::json::object keys;
    for (const auto& [kid, fill] : {std::pair{"kid-a", 0xa1}, std::pair{"kid-b", 0xb2}, std::pair{"kid-c", 0xc3}})
        keys[kid] = ct::ed25519_public_key_of(key_of(static_cast<std::uint8_t>(fill))).value().to_base64url();
    ok = ok && write(dir + "/keys.json", boost::json::serialize(keys));
    ok = ok && write_log(dir + "/valid.jsonl", valid);
    ok = ok && write_log(dir + "/bare.jsonl", valid, false);

    entries log = valid;
    log.erase(log.begin() + 2);
    ok = ok && write_log(dir + "/dropped.jsonl", log);

    log = valid;
    log.push_back(b[1]);
    ok = ok && write_log(dir + "/reordered.jsonl", log);

    log = valid;
    log.insert(log.begin() + 3, entry_at("a", 1, digest(a[0]), "kid-a", 0xa1, 100));
    ok = ok && write_log(dir + "/forked.jsonl", log);

    log = valid;
    {
        auto data = boost::json::parse(std::get<cellos::json_data>(log[5].event.data).json);
        data.at("entry").at("n") = 1000;
        log[5].event.data = cellos::json_data{boost::json::serialize(data)};
    }
    ok = ok && write_log(dir + "/tampered.jsonl", log);

    log = valid;
    log[5] = entry_at("a", 2, digest(a[0]), "kid-a", 0xa1, 2);
    ok = ok && write_log(dir + "/relinked.jsonl", log);

    log = valid;
    log[6] = entry_at("c", 1, digest(c[0]), "kid-x", 0x0f, 1);
    ok = ok && write_log(dir + "/foreign.jsonl", log);

    ok = ok && write(dir + "/heads.json", boost::json::serialize(boost::json::object{
                                              {"a", digest(a[3])}, {"b", digest(b[2])}, {"c", digest(c[1])}}));
    if (!ok) {
        std::cerr << "chain_log_gen: cannot write into " << dir << '\n';
        return 2;
    }
    return 0;
}
