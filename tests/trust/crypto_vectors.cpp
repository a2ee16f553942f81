// The trust plane's primitives against every published vector in shared/fixtures/crypto/:
// all RFC 8032 §7.1 Ed25519 tests (public key derived, signature reproduced byte for byte, verified,
// a one-bit change refused), all RFC 4231 HMAC-SHA256 cases (case 5 truncated to 128 bits), all 151
// Wycheproof Ed25519 verdicts and all 174 Wycheproof HMAC-SHA256 verdicts (tags truncated to the
// group's tagSize). Prints the counts; any disagreement fails. Also prints how many Wycheproof
// Ed25519 verdicts Crypto++ 8.7 gives alone (149: it accepts tcId 63 and 85, S >= L), to show what
// the strict checks add.
// Usage: crypto_vectors FIXTURES_DIR. Exit 77 (SKIP for meson) when the fixtures are absent.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>
#include <cryptopp/xed25519.h>

#include "cellos/trust.hpp"

namespace {

namespace fs = std::filesystem;
namespace ct = cellos::trust;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> hex(std::string_view s) {
    const auto nib = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) out.push_back(static_cast<std::uint8_t>(nib(s[i]) * 16 + nib(s[i + 1])));
    return out;
}
std::vector<std::uint8_t> hex(const boost::json::value& v) { return hex(std::string_view(v.as_string())); }

int failures = 0;
void fail(const std::string& what) {
    ++failures;
    std::cout << "DISAGREE: " << what << "\n";
}

void rfc8032(const fs::path& file) {
    const auto doc = boost::json::parse(read_file(file));
    int agree = 0, total = 0;
    for (const auto& t : doc.at("tests").as_array()) {
        ++total;
        const std::string name(t.at("name").as_string());
        const auto seed = hex(t.at("secretKey")), pub = hex(t.at("publicKey")), msg = hex(t.at("message")),
                   sig = hex(t.at("signature"));
        auto key = ct::ed25519_private_key::from_seed(seed);
        if (!key) { fail(name + ": seed refused"); continue; }
        const auto derived = ct::ed25519_public_key_of(key.value());
        const auto signed_ = ct::sign_ed25519(key.value(), msg);
        const bool verifies = ct::verify_ed25519(pub, msg, sig).has_value();
        auto tampered = msg;
        if (tampered.empty()) tampered.push_back(0); else tampered[0] ^= 1;
        const bool tampered_refused = !ct::verify_ed25519(pub, tampered, sig);
        if (!derived || std::vector<std::uint8_t>(derived.value().bytes().begin(), derived.value().bytes().end()) != pub) {
            fail(name + ": derived public key differs");
            continue;
        }
        if (!signed_ || std::vector<std::uint8_t>(signed_.value().bytes().begin(), signed_.value().bytes().end()) != sig) {
            fail(name + ": signature differs");
            continue;
        }
        if (!verifies) { fail(name + ": does not verify"); continue; }
        if (!tampered_refused) { fail(name + ": tampered message verifies"); continue; }
        ++agree;
    }
    std::cout << "rfc8032 ed25519: " << agree << "/" << total << " agree\n";
    if (total != 5) fail("RFC 8032 §7.1 has 5 Ed25519 tests, the file has " + std::to_string(total));
}

void rfc4231(const fs::path& file) {
    const auto doc = boost::json::parse(read_file(file));
    int agree = 0, total = 0;
    for (const auto& t : doc.at("tests").as_array()) {
        ++total;
        const std::string name = "case " + std::to_string(t.at("testCase").as_int64());
        const auto key_bytes = hex(t.at("key")), data = hex(t.at("data")), expected = hex(t.at("hmacSha256"));
        auto key = ct::hmac_key::from_bytes(key_bytes);
        if (!key) { fail(name + ": key refused"); continue; }
        const auto tag = ct::hmac_sha256(key.value(), data);
        if (!tag || !std::equal(expected.begin(), expected.end(), tag.value().begin())) { fail(name + ": tag differs"); continue; }
        if (!ct::verify_hmac_sha256(key.value(), data, expected)) { fail(name + ": verify refuses the published tag"); continue; }
        auto wrong = expected;
        wrong.back() ^= 0x80;
        if (ct::verify_hmac_sha256(key.value(), data, wrong)) { fail(name + ": a modified tag verifies"); continue; }
        ++agree;
    }
    std::cout << "rfc4231 hmac-sha256: " << agree << "/" << total << " agree\n";
    if (total != 7) fail("RFC 4231 has 7 HMAC-SHA256 cases, the file has " + std::to_string(total));
}

void wycheproof_ed25519(const fs::path& file) {
    const auto doc = boost::json::parse(read_file(file));
    int agree = 0, total = 0, cryptopp_alone = 0;
    for (const auto& g : doc.at("testGroups").as_array()) {
        const auto pub = hex(g.at("publicKey").at("pk"));
        for (const auto& t : g.at("tests").as_array()) {
            ++total;
            const auto msg = hex(t.at("msg")), sig = hex(t.at("sig"));
            const bool expected_valid = t.at("result").as_string() == "valid";
            const bool ours = ct::verify_ed25519(pub, msg, sig).has_value();
            if (ours == expected_valid) ++agree;
            else fail("wycheproof ed25519 tcId " + std::to_string(t.at("tcId").as_int64()));
            // Crypto++ alone, for the record (not a verdict of this library).
            bool raw = false;
            if (pub.size() == 32 && sig.size() == 64) {
                try {
                    const CryptoPP::ed25519Verifier v(pub.data());
                    raw = v.VerifyMessage(msg.data(), msg.size(), sig.data(), sig.size());
                } catch (...) {
                    raw = false;
                }
            }
            if (raw == expected_valid) ++cryptopp_alone;
            else std::cout << "  (Crypto++ 8.7 alone disagrees on tcId " << t.at("tcId").as_int64() << ")\n";
        }
    }
    std::cout << "wycheproof ed25519: " << agree << "/" << total << " agree (Crypto++ 8.7 alone: " << cryptopp_alone << "/"
              << total << ")\n";
    if (total != static_cast<int>(doc.at("numberOfTests").as_int64()) || total != 151)
        fail("expected 151 Wycheproof Ed25519 tests, ran " + std::to_string(total));
}

void wycheproof_hmac(const fs::path& file) {
    const auto doc = boost::json::parse(read_file(file));
    int agree = 0, total = 0;
    for (const auto& g : doc.at("testGroups").as_array()) {
        const auto tag_bytes = static_cast<std::size_t>(g.at("tagSize").as_int64() / 8);
        for (const auto& t : g.at("tests").as_array()) {
            ++total;
            const auto key_bytes = hex(t.at("key")), msg = hex(t.at("msg")), tag = hex(t.at("tag"));
            const bool expected_valid = t.at("result").as_string() == "valid";
            auto key = ct::hmac_key::from_bytes(key_bytes);
            // The group's tagSize is the length a verifier expects; a tag of another length is refused.
            const bool ours = key && tag.size() == tag_bytes && ct::verify_hmac_sha256(key.value(), msg, tag).has_value();
            if (ours == expected_valid) ++agree;
            else fail("wycheproof hmac-sha256 tcId " + std::to_string(t.at("tcId").as_int64()));
        }
    }
    std::cout << "wycheproof hmac-sha256: " << agree << "/" << total << " agree\n";
    if (total != static_cast<int>(doc.at("numberOfTests").as_int64()) || total != 174)
        fail("expected 174 Wycheproof HMAC-SHA256 tests, ran " + std::to_string(total));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: crypto_vectors FIXTURES_DIR\n";
        return 2;
    }
    const fs::path crypto = fs::path(argv[1]) / "crypto";
    if (!fs::is_directory(crypto)) {
        std::cout << "SKIPPED: " << crypto.string() << " is absent (Meson option fixtures_dir)\n";
        return 77;
    }
    try {
        rfc8032(crypto / "rfc8032_ed25519_section7_1.json");
        rfc4231(crypto / "rfc4231_hmac_sha256.json");
        wycheproof_ed25519(crypto / "wycheproof" / "ed25519_test.json");
        wycheproof_hmac(crypto / "wycheproof" / "hmac_sha256_test.json");
    } catch (const std::exception& e) {
        std::cout << "FAIL: fixture unreadable: " << e.what() << "\n";
        return 1;
    }
    std::cout << (failures == 0 ? "all crypto vectors agree\n" : "FAIL: " + std::to_string(failures) + " disagreement(s)\n");
    return failures == 0 ? 0 : 1;
}
