// cellos/ports/memory_cell_backend.hpp — a CellBackend with no host at all: it only remembers which
// cells are live. For tests, examples and dry runs of the supervisor; it refuses what a real
// backend would (an empty spec id, a second live cell with one id, tearing down a cell it never
// created), so a supervisor tested against it is tested against those refusals too.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "cellos/detail/debug_quoted.hpp"
#include "cellos/ports/concepts.hpp"

namespace cellos {

class memory_cell_backend {
public:
    /// A handle with cell_id = spec.id and every optional absent (as upstream's StubCellBackend).
    /// Refuses an empty spec.id (invalid_spec, upstream's message) and an id that is already live
    /// (host_error: two live cells with one id could not be told apart at teardown).
    [[nodiscard]] checked<cell_handle> create(const execution_cell_document& doc) {
        if (doc.spec.id.empty()) return make_problem(errc::invalid_spec, "/spec/id", "spec.id must be non-empty", "specIdNonEmpty");
        if (live_.contains(doc.spec.id))
            return make_problem(errc::host_error, "/spec/id", "memory_cell_backend: cell " + detail::debug_quoted(doc.spec.id) + " is already live",
                                "cellAlreadyLive");
        cell_handle handle{.cell_id = doc.spec.id};
        live_.emplace(handle.cell_id, handle);
        return handle;
    }

    /// Forgets the cell. Unlike upstream's stub (which always succeeds), a handle this backend does
    /// not hold is refused with host_error: a double teardown or a foreign handle is a supervisor bug.
    [[nodiscard]] checked<teardown_report> destroy(const cell_handle& handle) {
        if (live_.erase(handle.cell_id) == 0)
            return make_problem(errc::host_error, "", "memory_cell_backend: no live cell " + detail::debug_quoted(handle.cell_id),
                                "unknownCell");
        return teardown_report{handle.cell_id, true, live_.size()};
    }

    [[nodiscard]] bool is_live(const std::string& cell_id) const { return live_.contains(cell_id); }
    [[nodiscard]] std::size_t live_count() const noexcept { return live_.size(); }

private:
    std::map<std::string, cell_handle, std::less<>> live_;
};

static_assert(CellBackend<memory_cell_backend>);

}  // namespace cellos
