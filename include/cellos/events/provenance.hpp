// cellos/events/provenance.hpp — the cross-pointers between events: event ids
// (urn:cellos:event:<uuid>, CONFIRMED), Provenance {parent, parentType} (CONFIRMED), SubjectUrn and
// cell_subject_urn (format our choice), and the trust-plane constants (values our choice).
// Core header: no Boost.JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/fields.hpp"

namespace cellos {

// --- event ids ------------------------------------------------------------------------------------

/// The preferred envelope id form (CONFIRMED): "urn:cellos:event:" + a UUID.
inline constexpr std::string_view event_id_prefix = "urn:cellos:event:";


/// RFC 9562 §4 string form: 8-4-4-4-12 hexadecimal digits (either case) separated by hyphens. Any
/// version and variant (the nil and max UUIDs included): the syntax only.
[[nodiscard]] constexpr bool is_uuid(std::string_view s) noexcept {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool hyphen_slot = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen_slot ? s[i] != '-' : !detail::is_ascii_hex(s[i])) return false;
    }
    return true;
}

/// "urn:cellos:event:<uuid>" (the form this library writes).
[[nodiscard]] constexpr bool is_event_urn(std::string_view s) noexcept {
    return s.substr(0, event_id_prefix.size()) == event_id_prefix && is_uuid(s.substr(event_id_prefix.size()));
}

/// What a Provenance parent or an evidence reference may hold: the URN, or (accepted in v1,
/// CONFIRMED) a bare UUID.
[[nodiscard]] constexpr bool is_event_reference(std::string_view s) noexcept { return is_event_urn(s) || is_uuid(s); }

/// The envelope id for a UUID: "urn:cellos:event:<uuid>" (the UUID's case is kept); nullopt when
/// `uuid` is not a UUID.
[[nodiscard]] inline std::optional<std::string> event_id_from_uuid(std::string_view uuid) {
    if (!is_uuid(uuid)) return std::nullopt;
    std::string id(event_id_prefix);
    id += uuid;
    return id;
}

static_assert(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
static_assert(!is_uuid("123e4567e89b12d3a456426614174000"));
static_assert(is_event_urn("urn:cellos:event:123e4567-e89b-12d3-a456-426614174000"));

// --- provenance -----------------------------------------------------------------------------------

/// Upstream `Provenance` (CONFIRMED, seam-freeze G2): the envelope id and type of the event that
/// caused this one — for identity.revoked and export.v2.* it is the run's lifecycle.started. Omitted
/// from a payload when absent (legacy emitters).
struct provenance {
    std::string parent;       ///< envelope id of the causing event (URN preferred, bare UUID accepted)
    std::string parent_type;  ///< its CloudEvent type, e.g. dev.cellos.events.cell.lifecycle.v1.started

    static constexpr auto wire_fields() {
        return std::tuple{cellos::detail::field{"parent", &provenance::parent},
                          cellos::detail::field{"parentType", &provenance::parent_type}};
    }
    friend bool operator==(const provenance&, const provenance&) = default;
};

// --- subject URNs ---------------------------------------------------------------------------------

/// Upstream `SubjectUrn` (seam-freeze G3/G4 cross-pointers): a URN naming what an event is about.
/// A newtype over the string; on the wire a plain JSON string. Any text is kept as given (the
/// format is the producer's: cell_subject_urn below is ours).
class subject_urn {
public:
    subject_urn() = default;
    explicit subject_urn(std::string urn) : value_(std::move(urn)) {}

    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    /// The JSON codec writes a subject URN as a plain string through this conversion.
    operator std::string_view() const noexcept { return value_; }  // NOLINT(google-explicit-constructor)

    friend bool operator==(const subject_urn&, const subject_urn&) = default;

private:
    std::string value_;
};

/// Our format for a cell's subject (UNCONFIRMED upstream; by analogy with event ids).
inline constexpr std::string_view cell_subject_urn_prefix = "urn:cellos:cell:";

/// "urn:cellos:cell:<cell_id>", the cell id verbatim (our choice). Also the CloudEvent `subject`
/// the per-cell cloud_event_v1_* builders set.
[[nodiscard]] inline subject_urn cell_subject_urn(std::string_view cell_id) {
    std::string s(cell_subject_urn_prefix);
    s += cell_id;
    return subject_urn(std::move(s));
}

// --- trust-plane constants (names CONFIRMED from the crate README, values our choice) ------------

/// Id of the keyset compiled into the trust plane (feeds keyset.verified).
inline constexpr std::string_view trust_plane_builtin_keyset_id = "cellos-builtin-keyset-v1";
/// Key id the built-in resolver signs with.
inline constexpr std::string_view trust_plane_builtin_resolver_kid = "cellos-builtin-resolver-v1";
/// Key id the built-in L7 (SNI / HTTP) proxy signs with.
inline constexpr std::string_view trust_plane_builtin_l7_kid = "cellos-builtin-l7-v1";
/// The pseudo host under which trust-plane egress is aggregated in flow events; under the
/// RFC 2606 `.invalid` TLD, so it can never resolve or collide with a real destination.
inline constexpr std::string_view trust_plane_aggregate_egress_fqdn = "trust-plane.cellos.invalid";

}  // namespace cellos
