// cellos/trust/base64url.hpp — RFC 4648 §5 base64url, the encoding of every key and signature on the
// trust plane (upstream uses URL_SAFE_NO_PAD). Written unpadded; read unpadded or with exact "="
// padding, and only in canonical form (zero pad bits), so one key or signature has one text and a
// signature cannot be made "different" by flipping unused bits. The codec is grammar/base64.hpp's
// (one codec, two alphabets); this header adds only the wiping buffer for what it decodes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <cryptopp/secblock.h>

#include "cellos/grammar/base64.hpp"

namespace cellos::trust {

/// The data characters of base64url text `s` (padding stripped), or nullopt when `s` is not
/// canonical base64url: a character outside the alphabet, padding that is not exactly what the
/// length needs, a length of 1 mod 4, or non-zero pad bits.
[[nodiscard]] constexpr std::optional<std::string_view> base64url_body(std::string_view s) noexcept {
    return base64_body(s, base64_alphabet::url, base64_padding::optional);
}

/// Decodes canonical base64url into a wiping buffer (the text may be a secret key); nullopt when
/// the text is not canonical base64url.
[[nodiscard]] inline std::optional<CryptoPP::SecByteBlock> decode_base64url(std::string_view s) {
    const auto body = base64url_body(s);
    if (!body) return std::nullopt;
    CryptoPP::SecByteBlock out(base64_decoded_size(*body));
    std::size_t n = 0;
    decode_base64_body(*body, base64_alphabet::url, [&](std::uint8_t b) { out[n++] = b; });
    return out;
}

/// Unpadded base64url text of `bytes`.
[[nodiscard]] inline std::string encode_base64url(std::span<const std::uint8_t> bytes) {
    return encode_base64(std::as_bytes(bytes), base64_alphabet::url, base64_padding::optional);
}

}  // namespace cellos::trust
