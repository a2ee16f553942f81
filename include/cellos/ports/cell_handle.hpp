// cellos/ports/cell_handle.hpp — what a CellBackend hands back: the handle of a created cell and
// the report of its teardown (upstream ports.rs CellHandle / TeardownReport). Plain data: the
// backend fills them, the supervisor reads them; no I/O here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace cellos {

/// A created cell (upstream CellHandle, CONFIRMED fields). Every optional is absent for a backend
/// that does not own that primitive.
struct cell_handle {
    std::string cell_id;                     ///< the spec id (the stub and memory backend copy it)
    std::optional<std::string> cgroup_path{};  ///< cgroup v2 leaf; the supervisor writes the run child's PID to cgroup.procs
    /// true: nftables enforcement applied; false: the backend owns networking but enforcement is
    /// off; absent: the backend does not own network enforcement (the supervisor reports it).
    std::optional<bool> nft_rules_applied{};
    std::optional<std::string> kernel_digest_sha256{};       ///< FC-08 boot-artifact digest, hex (type INFERRED)
    std::optional<std::string> rootfs_digest_sha256{};       ///< FC-08, hex (type INFERRED)
    std::optional<std::string> firecracker_digest_sha256{};  ///< FC-08, hex (type INFERRED)
    friend bool operator==(const cell_handle&, const cell_handle&) = default;
};

/// What CellBackend::destroy returns (upstream TeardownReport). `cell_id` is CONFIRMED; `destroyed`
/// and `peers_tracked_after` are INFERRED from the "(destroyed, peers_tracked_after) shape" of the
/// cellos-host-cellos contract test; the full upstream field list is unknown.
struct teardown_report {
    std::string cell_id;
    bool destroyed = false;               ///< INFERRED: the backend's resources for the cell are gone
    std::size_t peers_tracked_after = 0;  ///< INFERRED: cells the backend still tracks after this teardown
    friend bool operator==(const teardown_report&, const teardown_report&) = default;
};

}  // namespace cellos
