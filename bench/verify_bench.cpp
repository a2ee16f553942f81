// bench/verify_bench.cpp — the trust plane's cost, as ratios measured in one process on the same
// bytes: envelope verification (canonicalise the parsed event + strict checks + Ed25519) against raw
// Crypto++ ed25519Verifier::VerifyMessage of the canonical payload; envelope signing against raw
// ed25519Signer::SignMessage; HMAC envelope verification against raw HMAC<SHA256>; and a batch of
// envelopes verified on every core against one core. Targets (issue 10 §6): verify and sign ratios
// <= 1.10, batch speed-up >= 1.8 on 2 cores. Usage: verify_bench [ITERATIONS]. Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cryptopp/hmac.h>
#include <cryptopp/osrng.h>
#include <cryptopp/sha.h>
#include <cryptopp/xed25519.h>

#include "sample_events.hpp"
#include "timing.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;
using cellos::bench::ns_per_call;

constexpr std::string_view event_text = cellos::bench::destroyed_event;

double seconds_for(std::size_t threads, const std::vector<ct::signed_event_envelope_v1>& batch, const ct::keyring& keys) {
    double best = 1e300;
    for (int run = 0; run < 3; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto results = ct::verify_signed_event_envelopes(batch, keys, threads);
        const auto t1 = std::chrono::steady_clock::now();
        for (const auto& r : results)
            if (!r) std::exit(1);
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 2000;
    const auto event = cellos::json::parse_cloud_event(event_text).value();
    const auto sk = ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, 0x42)).value();
    const auto pk = ct::ed25519_public_key_of(sk).value();
    const std::vector<std::uint8_t> mac_bytes(32, 0x24);
    ct::keyring keys;
    if (!keys.add_ed25519("ed-1", pk) || !keys.add_hmac("mac-1", ct::hmac_key::from_bytes(mac_bytes).value())) return 1;
    const auto mac_key = ct::hmac_key::from_bytes(mac_bytes).value();

    const auto env = ct::sign_event_ed25519(event, "ed-1", sk).value();
    const auto mac_env = ct::sign_event_hmac_sha256(event, "mac-1", mac_key).value();
    const std::string payload = ct::canonical_event_signing_payload(event).value();
    const auto sig = *ct::decode_base64url(env.signature);

    // Raw Crypto++ on the same bytes: the verifier built from the key bytes each time, as ours is.
    const double raw_verify = ns_per_call(n, [&] {
        const CryptoPP::ed25519Verifier v(pk.bytes().data());
        return static_cast<std::size_t>(v.VerifyMessage(reinterpret_cast<const CryptoPP::byte*>(payload.data()), payload.size(), sig.data(), sig.size()));
    });
    const double verify = ns_per_call(n, [&] { return static_cast<std::size_t>(ct::verify_signed_event_envelope(env, keys).has_value()); });
    const double raw_sign = ns_per_call(n, [&] {
        const CryptoPP::ed25519Signer s(sk.seed().data());
        std::array<CryptoPP::byte, 64> out{};
        s.SignMessage(CryptoPP::NullRNG(), reinterpret_cast<const CryptoPP::byte*>(payload.data()), payload.size(), out.data());
        return static_cast<std::size_t>(out[0]);
    });
    const double sign = ns_per_call(n, [&] { return ct::sign_event_ed25519(event, "ed-1", sk).value().signature.size(); });
    const double raw_hmac = ns_per_call(n * 10, [&] {
        CryptoPP::HMAC<CryptoPP::SHA256> h(mac_bytes.data(), mac_bytes.size());
        std::array<CryptoPP::byte, 32> out{};
        h.CalculateDigest(out.data(), reinterpret_cast<const CryptoPP::byte*>(payload.data()), payload.size());
        return static_cast<std::size_t>(out[0]);
    });
    const double hmac_verify = ns_per_call(n * 10, [&] { return static_cast<std::size_t>(ct::verify_signed_event_envelope(mac_env, keys).has_value()); });
    const double canonicalise = ns_per_call(n * 10, [&] { return ct::canonical_event_signing_payload(event).value().size(); });

    const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    const std::vector<ct::signed_event_envelope_v1> batch(std::max<std::size_t>(n, 256), env);
    const double one = seconds_for(1, batch, keys);
    const double all = seconds_for(cores, batch, keys);

    boost::json::object out;
    out["payload_bytes"] = payload.size();
    out["ed25519_raw_verify_ns"] = raw_verify;
    out["envelope_verify_ns"] = verify;
    out["verify_ratio"] = verify / raw_verify;
    out["ed25519_raw_sign_ns"] = raw_sign;
    out["envelope_sign_ns"] = sign;
    out["sign_ratio"] = sign / raw_sign;
    out["hmac_raw_ns"] = raw_hmac;
    out["hmac_envelope_verify_ns"] = hmac_verify;
    out["hmac_verify_ratio"] = hmac_verify / raw_hmac;
    out["canonical_payload_ns"] = canonicalise;
    out["cores"] = cores;
    out["batch"] = batch.size();
    out["batch_speedup"] = one / all;
    std::cout << boost::json::serialize(out) << '\n';
    return 0;
}
