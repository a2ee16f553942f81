// Test helper for the trust plane's tests: hex text to bytes, and the fixed Ed25519 key of RFC 8032
// §7.1 TEST 1 (fixed keys make failures reproducible).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cellos/trust/keys.hpp"

namespace cellos_test {

/// Lower- or upper-case hex, two digits a byte (test input only: not validated).
inline std::vector<std::uint8_t> hex(std::string_view s) {
    const auto nib = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) out.push_back(static_cast<std::uint8_t>(nib(s[i]) * 16 + nib(s[i + 1])));
    return out;
}

/// RFC 8032 §7.1 TEST 1's secret key.
inline cellos::trust::ed25519_private_key rfc8032_test1_key() {
    return cellos::trust::ed25519_private_key::from_seed(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")).value();
}

}  // namespace cellos_test
