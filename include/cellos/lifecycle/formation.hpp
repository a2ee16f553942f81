// cellos/lifecycle/formation.hpp — a formation's life as type-state: `formation<State>`, created
// in PENDING by create_formation() (which yields formation.v1.created), then PENDING → LAUNCHING →
// RUNNING ⇄ DEGRADED → COMPLETED | FAILED, each transition an &&-qualified member that consumes the
// formation and yields its event. COMPLETED and FAILED are final. Same table as the runtime checker.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cellos/events/builders.hpp"
#include "cellos/lifecycle/cell.hpp"
#include "cellos/lifecycle/stages.hpp"

namespace cellos {

template <formation_state State>
class formation;

namespace detail {
struct formation_access {
    template <formation_state To, formation_state From>
    static formation<To> advance(formation<From>&& f) {
        return formation<To>(std::move(f.id_), std::move(f.name_), std::move(f.cell_ids_));
    }
};
}  // namespace detail

template <formation_state State>
class formation {
public:
    static constexpr formation_state state = State;

    formation(formation&&) noexcept = default;
    formation& operator=(formation&&) noexcept = default;
    formation(const formation&) = delete;
    formation& operator=(const formation&) = delete;
    ~formation() = default;

    [[nodiscard]] const std::string& id() const noexcept { return id_; }
    [[nodiscard]] const std::optional<std::string>& name() const noexcept { return name_; }
    [[nodiscard]] const std::vector<std::string>& cell_ids() const noexcept { return cell_ids_; }

    [[nodiscard]] step<formation<formation_state::launching>, cellos::formation_launching_v1> launch() &&
        requires FormationTransition<State, formation_state::launching>
    {
        auto event = cellos::formation_launching_data_v1(id_, cell_ids_);
        return {detail::formation_access::advance<formation_state::launching>(std::move(*this)), std::move(event)};
    }

    /// LAUNCHING → RUNNING, and DEGRADED → RUNNING (recovered).
    [[nodiscard]] step<formation<formation_state::running>, cellos::formation_running_v1> run() &&
        requires FormationTransition<State, formation_state::running>
    {
        auto event = cellos::formation_running_data_v1(id_, cell_ids_);
        return {detail::formation_access::advance<formation_state::running>(std::move(*this)), std::move(event)};
    }

    [[nodiscard]] step<formation<formation_state::degraded>, cellos::formation_degraded_v1> degrade(
        std::span<const std::string> failed_cell_ids, std::string_view reason) &&
        requires FormationTransition<State, formation_state::degraded>
    {
        auto event = cellos::formation_degraded_data_v1(id_, failed_cell_ids, reason);
        return {detail::formation_access::advance<formation_state::degraded>(std::move(*this)), std::move(event)};
    }

    [[nodiscard]] step<formation<formation_state::completed>, cellos::formation_completed_v1> complete() &&
        requires FormationTransition<State, formation_state::completed>
    {
        auto event = cellos::formation_completed_data_v1(id_, cell_ids_);
        return {detail::formation_access::advance<formation_state::completed>(std::move(*this)), std::move(event)};
    }

    [[nodiscard]] step<formation<formation_state::failed>, cellos::formation_failed_v1> fail(std::span<const std::string> failed_cell_ids,
                                                                                            std::string_view reason) &&
        requires FormationTransition<State, formation_state::failed>
    {
        auto event = cellos::formation_failed_data_v1(id_, failed_cell_ids, reason);
        return {detail::formation_access::advance<formation_state::failed>(std::move(*this)), std::move(event)};
    }

private:
    friend struct detail::formation_access;
    friend step<formation<formation_state::pending>, cellos::formation_created_v1> create_formation(
        std::string, std::optional<std::string>, std::vector<std::string>);

    formation(std::string id, std::optional<std::string> name, std::vector<std::string> cell_ids)
        : id_(std::move(id)), name_(std::move(name)), cell_ids_(std::move(cell_ids)) {}

    std::string id_;
    std::optional<std::string> name_;
    std::vector<std::string> cell_ids_;
};

/// The only way in: a PENDING formation, and the formation.v1.created event that says so.
[[nodiscard]] inline step<formation<formation_state::pending>, cellos::formation_created_v1> create_formation(
    std::string id, std::optional<std::string> name, std::vector<std::string> cell_ids) {
    auto event = cellos::formation_created_data_v1(id, name ? std::optional<std::string_view>(*name) : std::nullopt, cell_ids);
    return {formation<formation_state::pending>(std::move(id), std::move(name), std::move(cell_ids)), std::move(event)};
}

}  // namespace cellos
