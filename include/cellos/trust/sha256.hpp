// cellos/trust/sha256.hpp — SHA-256 on Crypto++ and the "sha256:<64 lowercase hex>" digest form
// that upstream's validator accepts (is_sha256_digest). The only place the core touches a hash.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <cryptopp/sha.h>

namespace cellos::trust {

using sha256_bytes = std::array<std::uint8_t, 32>;

[[nodiscard]] inline sha256_bytes sha256(std::string_view data) {
    sha256_bytes out{};
    CryptoPP::SHA256 h;
    h.CalculateDigest(out.data(), reinterpret_cast<const CryptoPP::byte*>(data.data()), data.size());
    return out;
}

/// "sha256:" + lowercase hex.
[[nodiscard]] inline std::string sha256_digest_string(std::string_view data) {
    constexpr char hex[] = "0123456789abcdef";
    const sha256_bytes d = sha256(data);
    std::string out = "sha256:";
    out.reserve(7 + 64);
    for (std::uint8_t b : d) {
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    return out;
}

}  // namespace cellos::trust
