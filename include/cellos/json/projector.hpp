// cellos/json/projector.hpp — the streaming projector: JSON Lines in (any chunking, through the one
// jsonl_splitter), a fleet_projection out. Per line, in the peers' order: not an event → malformed;
// an id seen before → duplicate; a type the reducer does not read → ignored; data it cannot read →
// invalid; else applied. Signed envelopes are handed to the caller's `unwrap` (the trust layer
// verifies them, trust/signed_replay.hpp), and their inner event takes the same path. Memory: one
// line plus the fleet (cells and distinct ids), whatever the stream holds.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include "cellos/config.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/projection_reader.hpp"
#include "cellos/projection/fleet.hpp"

namespace cellos::json {

struct projector_options {
    bool strict = false;          ///< the first malformed or invalid line ends the stream
    bool require_signed = false;  ///< an event outside a verified signed envelope is invalid
    std::size_t max_line_bytes = config::json_max_bytes;
};

/// A signed envelope's inner event, as the caller's unwrap returns it.
struct unwrapped_event {
    cloud_event_v1 event;
    bool verified = false;  ///< its signature verified against a trusted key
};

/// Projects a stream line by line. `unwrap(text, line_number) -> checked<unwrapped_event>` opens a
/// signed envelope line; `report(line_number, const problem&)` hears every malformed or invalid line
/// (the caller bounds what it keeps).
class jsonl_projector {
public:
    explicit jsonl_projector(const projector_options& options = {})
        : options_(options), reader_(parse_limits{options.max_line_bytes, config::json_max_depth}) {}

    /// One line from a jsonl_splitter. False when the stream must stop (strict mode).
    template <class Unwrap, class Report>
    bool line(const jsonl_line& l, Unwrap&& unwrap, Report&& report) {
        projection_counts& n = fleet_.counts();
        ++n.events_read;
        if (l.too_long) {
            ++n.malformed;
            report(l.number, make_problem(errc::input_too_large, "", "line is longer than " + std::to_string(options_.max_line_bytes) + " bytes"));
            return !options_.strict;
        }
        const projection_line* r = &reader_.read(l.text);
        if (r->kind == projection_line_kind::malformed) {
            ++n.malformed;
            report(l.number, *r->error);
            return !options_.strict;
        }
        if (r->kind == projection_line_kind::signed_envelope) {
            auto inner = unwrap(l.text, l.number);
            if (!inner) return refuse(l.number, std::move(inner).error(), report);
            if (inner.value().verified) ++n.signed_verified;
            else if (options_.require_signed)  // an unverified signature proves nothing
                return refuse(l.number,
                              make_problem(errc::signature_invalid, "", "signed envelope not verified (require signed needs trusted keys)",
                                           "requireSigned"),
                              report);
            r = &reader_.read(inner.value().event);
        } else if (options_.require_signed) {
            return refuse(l.number,
                          make_problem(errc::signature_invalid, "", "event " + std::string(r->id) + " is not signed (require signed)",
                                       "requireSigned"),
                          report);
        } else {
            ++n.unsigned_events;
        }
        if (!fleet_.first_sight(r->id)) return true;
        switch (r->kind) {
            case projection_line_kind::ignored: ++n.ignored; return true;
            case projection_line_kind::event: fleet_.apply(r->event); return true;
            default: return refuse(l.number, *r->error, report);
        }
    }

    [[nodiscard]] fleet_projection& fleet() noexcept { return fleet_; }
    [[nodiscard]] const fleet_projection& fleet() const noexcept { return fleet_; }

private:
    template <class Report>
    bool refuse(std::size_t number, const problem& p, Report& report) {
        ++fleet_.counts().invalid;
        report(number, p);
        return !options_.strict;
    }

    projector_options options_;
    projection_reader reader_;
    fleet_projection fleet_;
};

}  // namespace cellos::json
