// examples/supervisor.hpp — the supervisor, written once against the ports (docs/ports.md): generic
// in the cell's authority type and in every port, it drives cell<Stage> through the CONFIRMED order
// network_scope -> secrets -> lifecycle.started -> run -> export -> destroy -> revoke ->
// lifecycle.destroyed, and emits each event through the EventSink. examples/supervisor.cpp runs it
// on the in-memory ports; `cellos demo` runs this same class for its main job.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/json/events.hpp"
#include "cellos/lifecycle.hpp"
#include "cellos/ports.hpp"

namespace supervisor {
using namespace cellos;

/// SHA-256 of zero bytes: this example has no files to hash (a real supervisor hashes what it
/// reads from the cell before it pushes it).
inline constexpr std::string_view empty_digest = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// [example: supervisor]
template <class Authority, CellBackend B, EventSink S, SecretBroker K, ExportSink E>
class cell_supervisor {
public:
    cell_supervisor(B& backend, S& sink, K& secrets, E& exports, json::event_context ctx)
        : backend_(backend), sink_(sink), secrets_(secrets), exports_(exports), ctx_(std::move(ctx)) {}

    /// Runs one admitted cell to its terminal stage. `host_run` is the host-subprocess path: it is
    /// called only when the backend has no in-VM exit bridge. Returns every problem met; teardown
    /// and revocation happen whatever failed before them.
    std::vector<problem> run(cell<cell_stage::admitted, Authority> admitted, const execution_cell_document& doc,
                             const std::function<std::int32_t()>& host_run) {
        problems_.clear();
        const std::string cell_id = admitted.cell_id();
        auto handle = backend_.create(doc);
        if (!handle) {
            note(handle.error());
            auto [failed, event] = std::move(admitted).fail(lifecycle_reason::other("backend create failed"));
            emit(cell_id, event);
            return problems_;
        }
        auto scoped = std::move(admitted).scope_network();

        // The secrets stage: every secretRef resolved before start, or the cell fails closed.
        auto secured = std::move(scoped).resolve_secrets();
        std::vector<secret_view> resolved;
        for (const auto& key : doc.spec.authority.secret_refs) {
            auto secret = secrets_.resolve(key, cell_id, doc.spec.lifetime.ttl_seconds);
            if (!secret) {
                note(secret.error());
                auto [failed, event] = std::move(secured).fail(lifecycle_reason::other("secret resolution failed"));
                teardown(handle.value());
                emit(cell_id, event);
                return problems_;
            }
            resolved.push_back(std::move(secret).value());
        }

        auto [started, started_event] = std::move(secured).start();
        emit(cell_id, started_event);

        // run: an authenticated in-VM exit code when the backend has the bridge, else the host's.
        std::optional<lifecycle_terminal_state> terminal;
        std::int32_t exit_code = 0;
        if (auto in_vm = wait_for_in_vm_exit(backend_, cell_id)) {
            if (*in_vm) {
                exit_code = in_vm->value();
                terminal = lifecycle_terminal_state::clean;
            } else {
                note(in_vm->error());
                exit_code = -1;
                terminal = lifecycle_terminal_state::forced;
            }
        } else {
            exit_code = host_run();
        }
        resolved.clear();  // the workload is done with its secrets: wipe them now
        auto [completed, command_event] = std::move(started).complete_command(exit_code, 0);
        emit(cell_id, command_event);

        // export: each artifact pushed; refusals become export.v2.failed after the receipts' events.
        std::vector<export_receipt> receipts;
        std::vector<export_failed_v2> failures;
        if (doc.spec.export_) {
            for (const auto& artifact : doc.spec.export_->artifacts) {
                auto receipt = exports_.push(artifact.name, artifact.path,
                                             export_artifact_metadata{artifact.name, 0, std::string(empty_digest), std::nullopt});
                if (receipt) {
                    receipts.push_back(std::move(receipt).value());
                    continue;
                }
                note(receipt.error());
                const std::optional<std::string> hint = destination_hint(exports_, artifact.name);
                failures.push_back(export_failed_data_v2(doc.spec, cell_id, view(completed.run_id()), artifact.name,
                                                         kind_of(doc.spec, artifact), view(artifact.target), view(hint),
                                                         receipt.error().message, std::nullopt));
            }
        }
        auto [exported, export_events] = std::move(completed).export_artifacts(receipts);
        for (const auto& event : export_events) emit(cell_id, event);
        for (const auto& event : failures) emit(cell_id, event);

        // destroy, then revoke (secrets outlive the cell's resources, never the other way round),
        // then lifecycle.destroyed, last.
        const bool torn_down = teardown(handle.value());
        const bool succeeded = exit_code == 0 && failures.empty() && torn_down;
        auto [destroyed, destroyed_event] =
            std::move(exported).destroy(succeeded ? lifecycle_destroy_outcome::succeeded : lifecycle_destroy_outcome::failed, terminal);
        auto [revoked, revoked_event] = std::move(destroyed).revoke();
        if (revoked_ok_) emit(cell_id, revoked_event);
        else emit(cell_id, identity_failed_data_v1(doc.spec, cell_id, view(revoked.run_id()), identity_failure_operation::revoke, "revoke_for_cell failed"));
        emit(cell_id, destroyed_event);
        return problems_;
    }

private:
    /// Backend destroy, then secret revocation, whatever the first did.
    bool teardown(const cell_handle& handle) {
        auto report = backend_.destroy(handle);
        if (!report) note(report.error());
        auto revoked = secrets_.revoke_for_cell(handle.cell_id);
        revoked_ok_ = revoked.has_value();
        if (!revoked) note(revoked.error());
        return report.has_value() && report.value().destroyed;
    }

    template <class Payload>
    void emit(const std::string& cell_id, const Payload& payload) {
        auto event = json::to_cloud_event(payload, ctx_, cell_subject_urn(cell_id).str());
        if (!event) return note(event.error());
        if (auto sent = sink_.emit(event.value()); !sent) note(sent.error());
    }

    void note(const problem& p) { problems_.push_back(p); }

    /// The target kind for a failure event: the sink's hint, else the kind of the spec target the
    /// artifact names, else local_path for the default sink (our choice for this example).
    export_receipt_target_kind kind_of(const execution_cell_spec& spec, const export_artifact& artifact) const {
        if (auto hint = target_kind(exports_)) return *hint;
        if (artifact.target && spec.export_)
            for (const auto& t : spec.export_->targets)
                if (target_name(t) == *artifact.target)
                    return std::holds_alternative<s3_export_target>(t) ? export_receipt_target_kind::s3 : export_receipt_target_kind::http;
        return export_receipt_target_kind::local_path;
    }

    static std::optional<std::string_view> view(const std::optional<std::string>& s) {
        return s ? std::optional<std::string_view>(*s) : std::nullopt;
    }

    B& backend_;
    S& sink_;
    K& secrets_;
    E& exports_;
    json::event_context ctx_;
    std::vector<problem> problems_;
    bool revoked_ok_ = false;
};
// [end: supervisor]

/// An export sink that hands back a receipt for every push (for the run that shows export.completed).
struct receipt_export_sink {
    checked<export_receipt> push(std::string_view name, std::string_view, const export_artifact_metadata& metadata) {
        return export_receipt{export_receipt_target_kind::s3, "s3://acme-releases/service/" + std::string(name), metadata};
    }
    std::optional<export_receipt_target_kind> target_kind() const { return export_receipt_target_kind::s3; }
};

}  // namespace supervisor
