// cellos/events/type_strings.hpp — the CloudEvent `type` of every CellOS event, one closed enum and
// one wire table. Pattern (upstream, CONFIRMED): dev.cellos.events.cell.<family>.v<N>.<action>.
// CONFIRMED strings (docs/events.md): lifecycle v1 started/destroyed/failed, command v1
// completed, identity v1 materialized/failed/revoked, export v2 completed/failed, observability v1
// process_spawned, evidence_bundle v1 emitted, formation v1 created … failed. Every other string is
// our choice, following the pattern and the reference's guesses (docs/events.md#vocabulary).
// Core header: no Boost.JSON.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/enum_table.hpp"

namespace cellos {

/// One enumerator per event, named like its payload struct (`<family>_<action>_v<N>`).
enum class event_type : std::uint8_t {
    // lifecycle (CONFIRMED)
    lifecycle_started_v1,
    lifecycle_destroyed_v1,
    lifecycle_failed_v1,
    // command (CONFIRMED)
    command_completed_v1,
    // identity (CONFIRMED)
    identity_materialized_v1,
    identity_failed_v1,
    identity_revoked_v1,
    // export, wire version 2 (CONFIRMED)
    export_completed_v2,
    export_failed_v2,
    // observability: process_spawned CONFIRMED; network_policy our choice
    observability_process_spawned_v1,
    observability_network_policy_v1,
    // evidence bundle (CONFIRMED)
    evidence_bundle_emitted_v1,
    // formation (CONFIRMED)
    formation_created_v1,
    formation_launching_v1,
    formation_running_v1,
    formation_degraded_v1,
    formation_completed_v1,
    formation_failed_v1,
    // our choice from here on
    authz_rejected_v1,
    compliance_summary_v1,
    cortex_dispatched_v1,
    dns_query_v1,
    dns_query_permitted_v1,
    dns_query_refused_v1,
    dns_authority_dnssec_failed_v1,
    dns_authority_drift_v1,
    dns_authority_rebind_rejected_v1,
    dns_authority_rebind_threshold_v1,
    keyset_verified_v1,
    keyset_verification_failed_v1,
    homeostasis_signal_v1,
    network_flow_decision_v1,
    firecracker_pool_checkout_v1,
};

/// The I5 signing wrapper's type (supervisor/projector): no `cell.` segment, no action.
inline constexpr std::string_view signed_envelope_event_type = "dev.cellos.events.signed_envelope.v1";

/// The prefix every cell event type starts with.
inline constexpr std::string_view cell_event_type_prefix = "dev.cellos.events.cell.";

}  // namespace cellos

namespace cellos {

template <>
struct detail::enum_names<cellos::event_type> {
    static constexpr std::array<std::string_view, 33> wire{
        "dev.cellos.events.cell.lifecycle.v1.started",
        "dev.cellos.events.cell.lifecycle.v1.destroyed",
        "dev.cellos.events.cell.lifecycle.v1.failed",
        "dev.cellos.events.cell.command.v1.completed",
        "dev.cellos.events.cell.identity.v1.materialized",
        "dev.cellos.events.cell.identity.v1.failed",
        "dev.cellos.events.cell.identity.v1.revoked",
        "dev.cellos.events.cell.export.v2.completed",
        "dev.cellos.events.cell.export.v2.failed",
        "dev.cellos.events.cell.observability.v1.process_spawned",
        "dev.cellos.events.cell.observability.v1.network_policy",
        "dev.cellos.events.cell.evidence_bundle.v1.emitted",
        "dev.cellos.events.cell.formation.v1.created",
        "dev.cellos.events.cell.formation.v1.launching",
        "dev.cellos.events.cell.formation.v1.running",
        "dev.cellos.events.cell.formation.v1.degraded",
        "dev.cellos.events.cell.formation.v1.completed",
        "dev.cellos.events.cell.formation.v1.failed",
        "dev.cellos.events.cell.authz.v1.rejected",
        "dev.cellos.events.cell.compliance.v1.summary",
        "dev.cellos.events.cell.cortex.v1.dispatched",
        "dev.cellos.events.cell.dns.v1.query",
        "dev.cellos.events.cell.dns.v1.query_permitted",
        "dev.cellos.events.cell.dns.v1.query_refused",
        "dev.cellos.events.cell.dns_authority.v1.dnssec_failed",
        "dev.cellos.events.cell.dns_authority.v1.drift",
        "dev.cellos.events.cell.dns_authority.v1.rebind_rejected",
        "dev.cellos.events.cell.dns_authority.v1.rebind_threshold",
        "dev.cellos.events.cell.keyset.v1.verified",
        "dev.cellos.events.cell.keyset.v1.verification_failed",
        "dev.cellos.events.cell.homeostasis.v1.signal",
        "dev.cellos.events.cell.network.v1.flow_decision",
        "dev.cellos.events.cell.firecracker_pool.v1.checkout",
    };
};

}  // namespace cellos

namespace cellos {

/// The CloudEvent `type` string of `t`.
[[nodiscard]] constexpr std::string_view type_string(event_type t) noexcept { return cellos::to_wire(t); }

/// The event type named by a CloudEvent `type` string (exact match), or nullopt.
[[nodiscard]] constexpr std::optional<event_type> event_type_from_string(std::string_view s) noexcept {
    return cellos::from_wire<event_type>(s);
}

/// The three parts of a cell event type string.
struct cell_event_type_parts {
    std::string_view family;  ///< snake_case, e.g. "evidence_bundle"
    unsigned version = 0;     ///< N of "v<N>", ≥ 1
    std::string_view action;  ///< snake_case, e.g. "process_spawned"
    friend constexpr bool operator==(const cell_event_type_parts&, const cell_event_type_parts&) = default;
};

namespace detail {
/// [a-z][a-z0-9]*(_[a-z0-9]+)*: a family or action segment of a type string.
[[nodiscard]] constexpr bool is_snake_case(std::string_view s) noexcept {
    if (s.empty() || !is_ascii_lower(s.front()) || s.back() == '_') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = is_ascii_lower(c) || is_ascii_digit(c) || (c == '_' && s[i - 1] != '_');
        if (!ok) return false;
    }
    return true;
}
}  // namespace detail

/// Splits `dev.cellos.events.cell.<family>.v<N>.<action>` (family and action snake_case, N ≥ 1
/// without leading zeros); nullopt for anything else (including the signed-envelope type).
[[nodiscard]] constexpr std::optional<cell_event_type_parts> parse_cell_event_type(std::string_view s) noexcept {
    if (s.substr(0, cell_event_type_prefix.size()) != cell_event_type_prefix) return std::nullopt;
    s.remove_prefix(cell_event_type_prefix.size());
    const std::size_t a = s.find('.');
    if (a == std::string_view::npos) return std::nullopt;
    const std::size_t b = s.find('.', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    cell_event_type_parts p{s.substr(0, a), 0, s.substr(b + 1)};
    const std::string_view v = s.substr(a + 1, b - a - 1);
    if (v.size() < 2 || v[0] != 'v' || v[1] == '0') return std::nullopt;
    for (std::size_t i = 1; i < v.size(); ++i) {
        if (!detail::is_ascii_digit(v[i]) || p.version > 10000) return std::nullopt;
        p.version = p.version * 10 + static_cast<unsigned>(v[i] - '0');
    }
    if (!detail::is_snake_case(p.family) || !detail::is_snake_case(p.action)) return std::nullopt;
    return p;
}

/// The parts of a known event type (always present: checked below for the whole table).
[[nodiscard]] constexpr cell_event_type_parts type_parts(event_type t) noexcept {
    return parse_cell_event_type(type_string(t)).value_or(cell_event_type_parts{});
}

namespace detail {
[[nodiscard]] constexpr bool type_table_is_well_formed() noexcept {
    const auto& w = cellos::detail::enum_names<event_type>::wire;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (!parse_cell_event_type(w[i])) return false;
        for (std::size_t j = 0; j < i; ++j)
            if (w[i] == w[j]) return false;
    }
    return true;
}
}  // namespace detail

static_assert(detail::type_table_is_well_formed(),
              "cellos: every event type string follows dev.cellos.events.cell.<family>.v<N>.<action> and is unique");
static_assert(type_parts(event_type::export_failed_v2) == cell_event_type_parts{"export", 2, "failed"});
static_assert(!parse_cell_event_type(signed_envelope_event_type));

}  // namespace cellos
