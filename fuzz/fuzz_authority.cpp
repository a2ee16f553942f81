// libFuzzer target for the authority boundary: any bytes, any kind. The boundary must never crash,
// throw, or accept something the validator rejects; an accepted authority must survive a round trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include <boost/json/value_from.hpp>

#include "cellos/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte picks the kind, the rest is the document.
    const auto k = static_cast<cellos::authority_kind>(data[0] % 4);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    auto parsed = cellos::json::parse_authority(k, text);
    if (!parsed) {
        if (cellos::errc_name(parsed.error().code) == "unknown" || parsed.error().code == cellos::errc{}) std::abort();
        return 0;
    }
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if (a.output().tier != A::tier || a.output().epistemic_status != A::status) std::abort();
            if constexpr (A::authority_kind == cellos::authority_kind::proven) {
                if (cellos::validate_as(A::authority_kind, a.derivation(), cellos::is_usable(a.artifact()))) std::abort();
            } else {
                if (cellos::validate_as(A::authority_kind, a.derivation())) std::abort();
            }
            const auto again = cellos::json::parse_authority<A::authority_kind>(
                cellos::json::to_text(boost::json::value_from(a)));
            if (!again || !std::holds_alternative<A>(again.value()) ||
                std::get<A>(again.value()).derivation() != a.derivation())
                std::abort();
        },
        parsed.value());
    return 0;
}
