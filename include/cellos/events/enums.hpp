// cellos/events/enums.hpp — the typed enums of event payloads and their wire strings.
// Upstream (docs/events.md#enum-wire-strings): LifecycleDestroyOutcome succeeded|failed, LifecycleTerminalState
// clean|forced, LifecycleReason's snake_case variants with the Other(String) pass-through, and the
// variants of IdentityFailureOperation. Our choice: IdentityFailureOperation's wire strings,
// ResidueClass beyond DocumentedException, and the DNS-refusal and flow-verdict enums
// (docs/events.md#enum-wire-strings). Core header: no Boost.JSON.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "cellos/detail/enum_table.hpp"

namespace cellos {

/// lifecycle.destroyed `outcome`: did the run finish without a phase error? (CONFIRMED)
enum class lifecycle_destroy_outcome : std::uint8_t { succeeded, failed };

/// lifecycle.destroyed `terminalState`: an authenticated exit (clean) or a kill (forced); absent
/// when the backend has no in-VM bridge to tell. (CONFIRMED)
enum class lifecycle_terminal_state : std::uint8_t { clean, forced };

/// identity.failed `operation`: which step failed (variants CONFIRMED, wire strings our choice).
enum class identity_failure_operation : std::uint8_t { materialize, revoke };

/// evidence_bundle.emitted `residueClass`: what destruction left behind. DocumentedException is
/// CONFIRMED; the other variants and all wire strings are our choice.
enum class residue_class : std::uint8_t {
    none,                  ///< destruction verified, nothing left behind
    documented_exception,  ///< residue a runbook entry documents (named by refs.residueException)
    undocumented,          ///< residue found that no runbook entry documents
    unverified,            ///< the backend could not verify destruction
};

/// dns.query_refused `reason` (our choice).
enum class dns_refusal_reason : std::uint8_t {
    hostname_not_allowlisted,  ///< not in dnsAuthority.hostnameAllowlist
    query_type_not_allowed,    ///< not in allowedQueryTypes (or the default set)
    rebind_rejected,           ///< the answer pointed into a private range (see dns_authority.rebind_rejected)
    dnssec_failed,             ///< validation failed under dnssecPolicy "require"
};

/// network.flow_decision `decision` (our choice).
enum class network_flow_verdict : std::uint8_t { allow, deny };

/// The seven named LifecycleReason variants (CONFIRMED) plus `other`, the free-text pass-through.
enum class lifecycle_reason_kind : std::uint8_t {
    oom,                       ///< cgroup or VMM out-of-memory
    ttl_exceeded,              ///< the TTL watchdog fired
    vmm_crashed,
    boot_failed,
    signal_killed,
    init_crashed,
    kernel_cannot_mount_root,
    other,                     ///< any other reason: its text is the wire string, verbatim
};

/// Wire strings of the named kinds, indexed by kind (`other` has none: its text is the wire).
inline constexpr std::array<std::string_view, 7> lifecycle_reason_wire{
    "oom", "ttl_exceeded", "vmm_crashed", "boot_failed", "signal_killed", "init_crashed", "kernel_cannot_mount_root"};

/// The named kind whose wire string is `s`, or nullopt.
[[nodiscard]] constexpr std::optional<lifecycle_reason_kind> known_lifecycle_reason(std::string_view s) noexcept {
    for (std::size_t i = 0; i < lifecycle_reason_wire.size(); ++i)
        if (lifecycle_reason_wire[i] == s) return static_cast<lifecycle_reason_kind>(i);
    return std::nullopt;
}

/// Upstream `LifecycleReason` (FC-50 typed reason of lifecycle.failed / lifecycle.destroyed): a
/// named kind, or Other(text) whose text passes through verbatim. On the wire it is a plain JSON
/// string. Normalised: a text that spells a named kind *is* that kind, so the wire string decides
/// equality and every value round-trips (`other("oom") == lifecycle_reason_kind::oom`).
class lifecycle_reason {
public:
    /// Other("") — only as a placeholder (the JSON decoder fills it in).
    lifecycle_reason() = default;

    /// A named kind; `other` gives Other("").
    lifecycle_reason(lifecycle_reason_kind k) : kind_(k) {}  // NOLINT(google-explicit-constructor): a reason *is* its kind

    /// Other(text), normalised to a named kind when `text` is one's wire string.
    [[nodiscard]] static lifecycle_reason other(std::string text) {
        lifecycle_reason r;
        if (auto k = known_lifecycle_reason(text)) r.kind_ = *k;
        else r.text_ = std::move(text);
        return r;
    }
    /// The reason a wire string denotes (every string is one: the named kinds, else Other).
    [[nodiscard]] static lifecycle_reason from_wire(std::string_view s) { return other(std::string(s)); }

    [[nodiscard]] lifecycle_reason_kind kind() const noexcept { return kind_; }
    [[nodiscard]] bool is_other() const noexcept { return kind_ == lifecycle_reason_kind::other; }

    /// "oom" … "kernel_cannot_mount_root", or Other's text verbatim.
    [[nodiscard]] std::string_view wire() const noexcept {
        return is_other() ? std::string_view(text_) : lifecycle_reason_wire[static_cast<std::size_t>(kind_)];
    }
    /// The JSON codec writes a reason as a plain string through this conversion.
    operator std::string_view() const noexcept { return wire(); }  // NOLINT(google-explicit-constructor)

    friend bool operator==(const lifecycle_reason&, const lifecycle_reason&) = default;

private:
    lifecycle_reason_kind kind_ = lifecycle_reason_kind::other;
    std::string text_;  ///< Other's text; empty for named kinds
};

}  // namespace cellos

namespace cellos {

template <>
struct detail::enum_names<cellos::lifecycle_destroy_outcome> {
    static constexpr std::array<std::string_view, 2> wire{"succeeded", "failed"};
};
template <>
struct detail::enum_names<cellos::lifecycle_terminal_state> {
    static constexpr std::array<std::string_view, 2> wire{"clean", "forced"};
};
template <>
struct detail::enum_names<cellos::identity_failure_operation> {
    static constexpr std::array<std::string_view, 2> wire{"materialize", "revoke"};
};
template <>
struct detail::enum_names<cellos::residue_class> {
    static constexpr std::array<std::string_view, 4> wire{"none", "documented_exception", "undocumented", "unverified"};
};
template <>
struct detail::enum_names<cellos::dns_refusal_reason> {
    static constexpr std::array<std::string_view, 4> wire{"hostname_not_allowlisted", "query_type_not_allowed",
                                                          "rebind_rejected", "dnssec_failed"};
};
template <>
struct detail::enum_names<cellos::network_flow_verdict> {
    static constexpr std::array<std::string_view, 2> wire{"allow", "deny"};
};

}  // namespace cellos

namespace cellos {
static_assert(static_cast<std::size_t>(lifecycle_reason_kind::other) == lifecycle_reason_wire.size(),
              "cellos: every named lifecycle_reason_kind has a wire string, in declaration order");
static_assert(known_lifecycle_reason("kernel_cannot_mount_root") == lifecycle_reason_kind::kernel_cannot_mount_root);
static_assert(!known_lifecycle_reason("Oom"));
}  // namespace cellos
