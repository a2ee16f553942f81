// libFuzzer target for RFC 8785 canonicalization: any bytes. Canonical text must itself be accepted,
// and canonicalizing it again must give the same bytes (the form is a fixed point).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cellos/json/jcs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto once = cellos::json::canonicalize_text(text);
    if (!once) return 0;
    const auto twice = cellos::json::canonicalize_text(once.value());
    if (!twice || twice.value() != once.value()) std::abort();
    return 0;
}
