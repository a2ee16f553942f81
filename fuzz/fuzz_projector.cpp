// libFuzzer target for the state projector's reader and the streaming projector: any bytes, read as
// JSON Lines (json::jsonl_splitter). Properties, each line:
//  (i)   json::projection_reader::read(line) is malformed exactly when json::parse_cloud_event(line)
//        fails, and then with the same errc and pointer (the reader applies the decoder's checks in
//        the decoder's order); when both accept, the reader's id and type are the event's, and its
//        kind follows the type (signed envelope, a type the reducer reads, or ignored);
//  (ii)  a valid event of a type the reducer reads, read again as the decoded cloud_event_v1
//        (reader.read(event)), gets the same kind (event / invalid) and, for an event, an equal
//        projection_event member by member (views compared by content), for invalid the same errc
//        and pointer (except a string `data`: see the comment at the check);
//  (iii) the lines fed to a json::jsonl_projector (signed envelopes opened with a fixed trusted key,
//        as `cellos project --keys` does; and again without keys, and in strict mode) never crash,
//        and eventsRead = malformed + duplicates + ignored + invalid + applied, applied = the cells'
//        processedEvents; with and without keys the same lines are read and malformed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cellos/json/cloud_event.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/projection_reader.hpp"
#include "cellos/json/projector.hpp"
#include "cellos/trust/signed_replay.hpp"

namespace {

namespace cj = cellos::json;
namespace ct = cellos::trust;

[[noreturn]] void property_failed(const char* what, int line) {
    std::fprintf(stderr, "cellos fuzz_projector: property failed at line %d: %s\n", line, what);
    std::fflush(stderr);
    __builtin_trap();
}

#define PJ_FUZZ_REQUIRE(cond)                          \
    do {                                               \
        if (!(cond)) property_failed(#cond, __LINE__); \
    } while (0)

/// A projection_line copied out of its reader (its views die at the reader's next read).
struct owned_line {
    cj::projection_line_kind kind{};
    std::string id, type;
    cellos::basic_projection_event<cellos::runtime_storage> event{};
    std::optional<cellos::problem> error;
};

std::optional<std::string> own(const std::optional<std::string_view>& s) {
    return s ? std::optional<std::string>(std::string(*s)) : std::nullopt;
}

owned_line copy(const cj::projection_line& l) {
    owned_line o;
    o.kind = l.kind;
    o.id = std::string(l.id);
    o.type = std::string(l.type);
    o.error = l.error;
    const auto& e = l.event;
    o.event.kind = e.kind;
    o.event.id = std::string(e.id);
    o.event.cell_id = std::string(e.cell_id);
    o.event.spec_id = own(e.spec_id);
    o.event.run_id = own(e.run_id);
    if (e.placement) o.event.placement = cellos::placement_spec{own(e.placement->pool_id), own(e.placement->region), own(e.placement->zone)};
    o.event.exit_code = e.exit_code;
    o.event.outcome = e.outcome;
    o.event.terminal_state = e.terminal_state;
    o.event.operation = e.operation;
    o.event.reason = own(e.reason);
    o.event.export_record = {e.export_record.target_kind, own(e.export_record.target_name), own(e.export_record.destination),
                             e.export_record.bytes_written};
    return o;
}

bool same_event(const cellos::basic_projection_event<cellos::runtime_storage>& a,
                const cellos::basic_projection_event<cellos::runtime_storage>& b) {
    return a.kind == b.kind && a.id == b.id && a.cell_id == b.cell_id && a.spec_id == b.spec_id && a.run_id == b.run_id &&
           a.placement == b.placement && a.exit_code == b.exit_code && a.outcome == b.outcome && a.terminal_state == b.terminal_state &&
           a.operation == b.operation && a.reason == b.reason && a.export_record == b.export_record;
}

// RFC 8032 §7.1 TEST 1 key, kid "ops-1": the key of fuzz/corpus/projector/signed_transport.jsonl.
const ct::keyring& trusted() {
    static const ct::keyring ring = [] {
        ct::keyring r;
        std::vector<std::uint8_t> seed;
        constexpr std::string_view hex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        for (std::size_t i = 0; i < hex.size(); i += 2) seed.push_back(static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
        const auto key = ct::ed25519_private_key::from_seed(seed);
        if (!key || !r.add_ed25519("ops-1", ct::ed25519_public_key_of(key.value()).value())) property_failed("the fuzz key", __LINE__);
        return r;
    }();
    return ring;
}

struct line_copy {
    std::size_t number;
    std::string text;
    bool too_long;
};

/// (iii): the lines through a projector; returns its counts after checking the identities.
cellos::projection_counts project(const std::vector<line_copy>& lines, const ct::keyring* keys, bool strict, bool require_signed) {
    cj::projector_options options;
    options.strict = strict;
    options.require_signed = require_signed;
    cj::jsonl_projector projector(options);
    std::size_t reports = 0;
    const auto report = [&](std::size_t n, const cellos::problem& p) {
        PJ_FUZZ_REQUIRE(n >= 1);
        PJ_FUZZ_REQUIRE(p.pointer.empty() || p.pointer[0] == '/');
        ++reports;
    };
    const auto unwrap = [&](std::string_view text, std::size_t) { return ct::open_signed_line(text, keys); };
    std::size_t fed = 0;
    for (const auto& l : lines) {
        ++fed;
        if (!projector.line(cj::jsonl_line{l.number, l.text, l.too_long}, unwrap, report)) break;
    }
    const cellos::projection_counts& n = projector.fleet().counts();
    PJ_FUZZ_REQUIRE(n.events_read == fed);
    PJ_FUZZ_REQUIRE(n.events_read == n.malformed + n.duplicates + n.ignored + n.invalid + n.applied);
    PJ_FUZZ_REQUIRE(reports == n.malformed + n.invalid);
    PJ_FUZZ_REQUIRE(!strict || fed == lines.size() || n.malformed + n.invalid == 1);
    PJ_FUZZ_REQUIRE(keys != nullptr || n.signed_verified == 0);
    std::uint64_t processed = 0;
    for (const auto& c : projector.fleet().cells()) {
        PJ_FUZZ_REQUIRE(c.processed_events >= 1);
        processed += c.processed_events;
        const auto snap = cellos::cell_state_projection::snapshot_of(c);
        PJ_FUZZ_REQUIRE(snap.current_state == c.current_state());
    }
    PJ_FUZZ_REQUIRE(processed == n.applied);
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        std::vector<line_copy> lines;
        cj::jsonl_splitter split;
        const auto keep = [&](const cj::jsonl_line& l) { lines.push_back({l.number, std::string(l.text), l.too_long}); };
        split.feed(text, keep);
        split.finish(keep);

        cj::projection_reader reader, again;
        for (const auto& l : lines) {
            if (l.too_long) continue;
            const owned_line r = copy(reader.read(l.text));
            const auto ce = cj::parse_cloud_event(l.text);
            // (i) malformed exactly when the decoder refuses, with its code and pointer
            PJ_FUZZ_REQUIRE((r.kind == cj::projection_line_kind::malformed) == !ce.has_value());
            if (!ce) {
                PJ_FUZZ_REQUIRE(r.error.has_value());
                PJ_FUZZ_REQUIRE(r.error->code == ce.error().code);
                PJ_FUZZ_REQUIRE(r.error->pointer == ce.error().pointer);
                continue;
            }
            const cellos::cloud_event_v1& e = ce.value();
            PJ_FUZZ_REQUIRE(r.id == e.id && r.type == e.type);
            const auto known = cellos::projected_event_of(e.type);
            if (e.type == cellos::signed_envelope_event_type) {
                PJ_FUZZ_REQUIRE(r.kind == cj::projection_line_kind::signed_envelope);
                continue;
            }
            if (!known) {
                PJ_FUZZ_REQUIRE(r.kind == cj::projection_line_kind::ignored);
                continue;
            }
            PJ_FUZZ_REQUIRE(r.kind == cj::projection_line_kind::event || r.kind == cj::projection_line_kind::invalid);
            // (ii) the decoded event read again: same kind, equal event / same refusal
            const owned_line d = copy(again.read(e));
            PJ_FUZZ_REQUIRE(d.kind == r.kind);
            PJ_FUZZ_REQUIRE(d.id == r.id && d.type == r.type);
            if (r.kind == cj::projection_line_kind::event) {
                PJ_FUZZ_REQUIRE(r.event.kind == *known);
                PJ_FUZZ_REQUIRE(r.event.id == e.id);
                PJ_FUZZ_REQUIRE(!r.event.cell_id.empty());
                PJ_FUZZ_REQUIRE(same_event(d.event, r.event));
            } else {
                PJ_FUZZ_REQUIRE(r.error.has_value() && d.error.has_value());
                // The same code too (corpus diff_string_data_code.jsonl: a string `data` once read
                // as missing_field from a decoded event, wrong_type from its line).
                PJ_FUZZ_REQUIRE(d.error->code == r.error->code);
                PJ_FUZZ_REQUIRE(d.error->pointer == r.error->pointer);
            }
        }

        // (iii) the projector: with a trusted key, without keys, strict, require_signed
        const auto with_keys = project(lines, &trusted(), false, false);
        const auto without = project(lines, nullptr, false, false);
        PJ_FUZZ_REQUIRE(with_keys.events_read == without.events_read && with_keys.malformed == without.malformed);
        PJ_FUZZ_REQUIRE(with_keys.applied + with_keys.invalid + with_keys.duplicates + with_keys.ignored ==
                        without.applied + without.invalid + without.duplicates + without.ignored);
        (void)project(lines, &trusted(), true, false);
        const auto required = project(lines, &trusted(), false, true);
        PJ_FUZZ_REQUIRE(required.unsigned_events == 0);
    } catch (...) {
        property_failed("the projector threw", __LINE__);
    }
    return 0;
}
