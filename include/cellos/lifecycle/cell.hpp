// cellos/lifecycle/cell.hpp — a cell's life as type-state: `cell<Stage, Authority>`. Only the
// admitted stage is constructible from outside; every transition is an &&-qualified member that
// consumes the cell, returns the next stage and, where the supervisor must emit a CloudEvent,
// the event's typed payload with it (`step{cell, event}`). A transition not in the table
// (stages.hpp) is not callable — `requires` sees it, and the diagnostic names the rule. The cell
// carries the typed authority it was admitted with; a guest-originated event takes only Declared.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cellos/authority/concepts.hpp"
#include "cellos/authority/guest_event_builder.hpp"
#include "cellos/events/builders.hpp"
#include "cellos/events/enums.hpp"
#include "cellos/events/provenance.hpp"
#include "cellos/lifecycle/stages.hpp"
#include "cellos/spec/document.hpp"

namespace cellos {

/// What a transition hands back: the next stage, and the event that step must emit.
template <class Next, class Event>
struct step {
    Next cell;
    Event event;
};

template <cell_stage Stage, class Authority>
class cell;

namespace detail {
struct cell_access {
    template <cell_stage To, cell_stage From, class A>
    static cell<To, A> advance(cell<From, A>&& c) {
        return cell<To, A>(std::move(c.spec_), std::move(c.cell_id_), std::move(c.run_id_), std::move(c.authority_));
    }
};
}  // namespace detail

template <cell_stage Stage, class Authority>
class cell {
public:
    static constexpr cell_stage stage = Stage;
    using authority_type = Authority;

    /// Admission: the only public way in. The spec should have passed validate_execution_cell_document
    /// and the policy gates; the authority is the typed authority the cell is admitted with.
    cell(execution_cell_spec spec, std::string cell_id, Authority authority, std::optional<std::string_view> run_id = std::nullopt)
        requires(Stage == cell_stage::admitted ||
                 detail::unsatisfied<"cellos: only an admitted cell is constructible; every later stage comes from a transition [admission_only]">())
        : spec_(std::move(spec)), cell_id_(std::move(cell_id)), authority_(std::move(authority)) {
        if (run_id) run_id_.emplace(*run_id);  // not optional<string> by value: g++ 12 -O2 warns falsely
    }

    cell(cell&&) noexcept = default;
    cell& operator=(cell&&) noexcept = default;
    cell(const cell&) = delete;  // a stage is a fact about one cell: it moves, it is not duplicated
    cell& operator=(const cell&) = delete;
    ~cell() = default;

    [[nodiscard]] const execution_cell_spec& spec() const noexcept { return spec_; }
    [[nodiscard]] const std::string& cell_id() const noexcept { return cell_id_; }
    [[nodiscard]] const std::optional<std::string>& run_id() const noexcept { return run_id_; }
    [[nodiscard]] const Authority& authority() const noexcept { return authority_; }

    // --- before start: no events -------------------------------------------------------------------

    [[nodiscard]] cell<cell_stage::network_scoped, Authority> scope_network() &&
        requires CellTransition<Stage, cell_stage::network_scoped>
    {
        return detail::cell_access::advance<cell_stage::network_scoped>(std::move(*this));
    }

    [[nodiscard]] cell<cell_stage::trust_plane_observed, Authority> observe_trust_plane() &&
        requires CellTransition<Stage, cell_stage::trust_plane_observed>
    {
        return detail::cell_access::advance<cell_stage::trust_plane_observed>(std::move(*this));
    }

    [[nodiscard]] cell<cell_stage::secrets_resolved, Authority> resolve_secrets() &&
        requires CellTransition<Stage, cell_stage::secrets_resolved>
    {
        return detail::cell_access::advance<cell_stage::secrets_resolved>(std::move(*this));
    }

    // --- from start on, every step emits ------------------------------------------------------------

    [[nodiscard]] step<cell<cell_stage::started, Authority>, cellos::lifecycle_started_v1> start() &&
        requires CellTransition<Stage, cell_stage::started>
    {
        auto event = cellos::lifecycle_started_data_v1(spec_, cell_id_, view(run_id_));
        return {detail::cell_access::advance<cell_stage::started>(std::move(*this)), std::move(event)};
    }

    [[nodiscard]] step<cell<cell_stage::command_completed, Authority>, cellos::command_completed_v1> complete_command(
        std::int32_t exit_code, std::uint64_t duration_ms, std::optional<std::string_view> spawn_error = {}) &&
        requires CellTransition<Stage, cell_stage::command_completed>
    {
        const std::span<const std::string> argv = spec_.run ? std::span<const std::string>(spec_.run->argv) : std::span<const std::string>{};
        auto event = cellos::command_completed_data_v1(spec_, cell_id_, view(run_id_), argv, exit_code, duration_ms, spawn_error);
        return {detail::cell_access::advance<cell_stage::command_completed>(std::move(*this)), std::move(event)};
    }

    /// One export.v2.completed per receipt, all parented on the run's lifecycle.started event.
    [[nodiscard]] step<cell<cell_stage::exported, Authority>, std::vector<cellos::export_completed_v2>> export_artifacts(
        const std::vector<export_receipt>& receipts, const std::optional<cellos::provenance>& parent = {}) &&
        requires CellTransition<Stage, cell_stage::exported>
    {
        std::vector<cellos::export_completed_v2> events;
        events.reserve(receipts.size());
        for (const export_receipt& r : receipts)
            events.push_back(cellos::export_completed_data_v2(spec_, cell_id_, view(run_id_), r, std::nullopt, parent));
        return {detail::cell_access::advance<cell_stage::exported>(std::move(*this)), std::move(events)};
    }

    /// lifecycle.v1.destroyed: never an exit code (upstream FC-23; the command event has it).
    [[nodiscard]] step<cell<cell_stage::destroyed, Authority>, cellos::lifecycle_destroyed_v1> destroy(
        cellos::lifecycle_destroy_outcome outcome, std::optional<cellos::lifecycle_terminal_state> terminal = {},
        std::optional<cellos::lifecycle_reason> reason = {}, std::optional<cellos::subject_urn> evidence_bundle_ref = {}) &&
        requires CellTransition<Stage, cell_stage::destroyed>
    {
        auto event = cellos::lifecycle_destroyed_data_v1(spec_, cell_id_, view(run_id_), outcome, terminal, std::move(reason),
                                                 std::move(evidence_bundle_ref));
        return {detail::cell_access::advance<cell_stage::destroyed>(std::move(*this)), std::move(event)};
    }

    [[nodiscard]] step<cell<cell_stage::revoked, Authority>, cellos::identity_revoked_v1> revoke(const std::optional<cellos::provenance>& parent = {}) &&
        requires CellTransition<Stage, cell_stage::revoked>
    {
        auto event = cellos::identity_revoked_data_v1(spec_, cell_id_, view(run_id_), spec_.identity, parent);
        return {detail::cell_access::advance<cell_stage::revoked>(std::move(*this)), std::move(event)};
    }

    /// A cell that never started (admission or secret resolution failed): lifecycle.v1.failed.
    [[nodiscard]] step<cell<cell_stage::failed, Authority>, cellos::lifecycle_failed_v1> fail(cellos::lifecycle_reason reason) &&
        requires CellTransition<Stage, cell_stage::failed>
    {
        auto event = cellos::lifecycle_failed_data_v1(spec_, cell_id_, view(run_id_), std::move(reason));
        return {detail::cell_access::advance<cell_stage::failed>(std::move(*this)), std::move(event)};
    }

    // --- guest-originated events: Declared authority only ---------------------------------------------

    /// An event the guest reported about itself while the cell runs. The guest can only declare:
    /// the builder (authority/guest_event_builder.hpp) refuses any other kind at compile time.
    template <class Declared>
        requires(Stage == cell_stage::started ||
                 detail::unsatisfied<"cellos: guest events exist only while the cell runs (stage started) [guest_event_stage]">()) &&
                GuestEventAuthority<Declared>
    [[nodiscard]] auto guest_event(std::string_view event_type, const Declared& declared) const& {
        return guest_event_builder<>(cell_id_, std::string(event_type)).with_authority(declared).build();
    }

private:
    friend struct detail::cell_access;
    template <cell_stage, class>
    friend class cell;

    cell(execution_cell_spec spec, std::string cell_id, std::optional<std::string> run_id, Authority authority)
        : spec_(std::move(spec)), cell_id_(std::move(cell_id)), run_id_(std::move(run_id)), authority_(std::move(authority)) {}

    [[nodiscard]] static std::optional<std::string_view> view(const std::optional<std::string>& s) noexcept {
        return s ? std::optional<std::string_view>(*s) : std::nullopt;
    }

    execution_cell_spec spec_;
    std::string cell_id_;
    std::optional<std::string> run_id_;
    Authority authority_;
};

/// Admission as a function: deduces the authority type.
template <class Authority>
[[nodiscard]] cell<cell_stage::admitted, Authority> admit_cell(execution_cell_spec spec, std::string cell_id, Authority authority,
                                                          std::optional<std::string_view> run_id = std::nullopt) {
    return cell<cell_stage::admitted, Authority>(std::move(spec), std::move(cell_id), std::move(authority), run_id);
}

}  // namespace cellos
