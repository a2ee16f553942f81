// libFuzzer target for the cross-host audit chain: any bytes as JSON Lines of chain entries
// (transport CloudEvents or bare envelopes, as `cellos chain verify` reads them) through the
// streaming verifier, against a fixed keyring holding the seed corpus's signers (kid-a, kid-b,
// kid-c: tests/trust/chain_log_gen.cpp's seeds), with a small host cap, one pin and one expected
// head; and the same bytes as an entry's data for the strict decoder. The fuzzer cannot forge a
// signature, but it reorders, repeats and drops the seeds' signed lines, which is what the chain
// checks are for. Nothing may crash or throw; a verified audit must agree with the one-shot
// verify_cross_host_chains, and its heads must be well-formed and within what was fed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/trust.hpp"

namespace {

namespace ct = cellos::trust;

const ct::keyring& keys() {
    static const ct::keyring ring = [] {
        ct::keyring r;
        const auto add = [&](const char* kid, std::uint8_t fill) {
            const auto sk = ct::ed25519_private_key::from_seed(std::vector<std::uint8_t>(32, fill)).value();
            (void)r.add_ed25519(kid, ct::ed25519_public_key_of(sk).value());
        };
        add("kid-a", 0xa1);
        add("kid-b", 0xb2);
        add("kid-c", 0xc3);
        (void)r.add_hmac("mac-1", ct::hmac_key::from_bytes(std::vector<std::uint8_t>(32, 0x5a)).value());
        return r;
    }();
    return ring;
}

ct::cross_host_chain_options options() {
    ct::cross_host_chain_options o;
    o.max_hosts = 2;
    o.host_signers["a"] = {"kid-a"};
    o.expected_heads["b"] = ct::expected_head{1, std::nullopt};
    return o;
}

cellos::checked<ct::signed_event_envelope_v1> envelope_of(std::string_view line) {
    BOOST_OUTCOME_TRY(const boost::json::value v, cellos::json::parse_strict(line));
    cellos::json::decoder d;
    if (v.is_object() && v.get_object().contains("specversion")) {
        BOOST_OUTCOME_TRY(const cellos::cloud_event_v1 transport, cellos::json::decode<cellos::cloud_event_v1>(v, d));
        return ct::from_transport_event(transport);
    }
    return ct::decode_signed_event_envelope(v, d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // The bytes as an entry's data: the strict decoder never crashes; what it accepts re-encodes.
    cellos::cloud_event_v1 e;
    e.id = "fuzz";
    e.source = "/fuzz";
    e.type = std::string(ct::cross_host_entry_type);
    e.data = cellos::json_data{std::string(text)};
    if (auto entry = ct::decode_chain_entry(e)) {
        const ct::chain_entry& x = entry.value();
        auto again = ct::make_chain_entry_event(x.position, x.record, "fuzz", "/fuzz");
        if (!again || ct::decode_chain_entry(again.value()).value().position != x.position) std::abort();
    }

    // The bytes as a log.
    auto created = ct::cross_host_chain_verifier<ct::keyring>::create(keys(), options());
    if (!created) std::abort();
    auto verifier = std::move(created).value();
    std::vector<ct::signed_event_envelope_v1> fed;
    cellos::json::jsonl_splitter split;
    const auto on_line = [&](const cellos::json::jsonl_line& l) {
        if (l.too_long) return;
        auto env = envelope_of(l.text);
        if (!env) return;
        (void)verifier.feed(env.value());
        fed.push_back(std::move(env).value());
    };
    split.feed(text, on_line);
    split.finish(on_line);
    const auto result = verifier.finish();
    const auto once = ct::verify_cross_host_chains(fed, keys(), options());
    if (result.has_value() != once.has_value()) std::abort();
    if (!result) {
        if (result.error() != once.error()) std::abort();
        return 0;
    }
    std::size_t entries = 0;
    for (const ct::host_chain_head& h : result.value().hosts()) {
        if (!ct::is_host_id(h.host_id) || !ct::is_chain_digest(h.head_digest) || h.entries == 0) std::abort();
        if (h.head_seq + 1 != h.entries) std::abort();  // no checkpoints here: every chain starts at 0
        entries += h.entries + h.duplicates;
    }
    if (entries != fed.size() || result.value().hosts().size() > 2) std::abort();
    return 0;
}
