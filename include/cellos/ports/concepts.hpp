// cellos/ports/concepts.hpp — the ports every backend, sink and broker implements (upstream
// ports.rs traits), as concepts: a type is a CellBackend because it has the members, not because
// it derives from anything, and a type that lacks one is refused with a diagnostic naming the
// port. Upstream's provided (defaulted) trait methods are free functions here: they call the
// member when a type has one and otherwise do what upstream's default does. A member with the
// provided name but the wrong signature is refused, not silently ignored.
//
// Calls are synchronous and return checked<T> (a value or one cellos::problem, so refusals carry
// upstream's message texts). The library owns no executor; callers that need asynchrony run the
// supervisor on their own (docs/ports.md#asynchrony).
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cellos/detail/unsatisfied.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/ports/cell_handle.hpp"
#include "cellos/ports/secret_view.hpp"
#include "cellos/problem.hpp"
#include "cellos/spec/document.hpp"
#include "cellos/spec/export.hpp"
#include "cellos/spec/inference.hpp"

namespace cellos {

namespace detail {

template <class B>
concept cell_backend_required = requires(B& b, const execution_cell_document& spec, const cell_handle& handle) {
    { b.create(spec) } -> std::same_as<checked<cell_handle>>;
    { b.destroy(handle) } -> std::same_as<checked<teardown_report>>;
};
template <class B>
concept cell_backend_provided =
    (!requires(B& b, std::string_view cell_id) { b.wait_for_in_vm_exit(cell_id); }) ||
    requires(B& b, std::string_view cell_id) {
        { b.wait_for_in_vm_exit(cell_id) } -> std::same_as<std::optional<checked<std::int32_t>>>;
    };

template <class S>
concept event_sink_required = requires(S& s, const cloud_event_v1& event) {
    { s.emit(event) } -> std::same_as<checked<void>>;
};

template <class K>
concept secret_broker_required = requires(K& k, std::string_view key, std::string_view cell_id, std::uint64_t ttl_seconds) {
    { k.resolve(key, cell_id, ttl_seconds) } -> std::same_as<checked<secret_view>>;
    { k.revoke_for_cell(cell_id) } -> std::same_as<checked<void>>;
};
template <class K>
concept secret_broker_provided =
    ((!requires(K& k) { k.broker_correlation_id(); }) ||
     requires(K& k) {
         { k.broker_correlation_id() } -> std::same_as<std::optional<std::string>>;
     }) &&
    ((!requires(K& k, std::string_view cell_id, const runtime_secret_lease_request& r) { k.lease_runtime_secret(cell_id, r); }) ||
     requires(K& k, std::string_view cell_id, const runtime_secret_lease_request& r) {
         { k.lease_runtime_secret(cell_id, r) } -> std::same_as<checked<secret_view>>;
     });

template <class E>
concept export_sink_required =
    requires(E& e, std::string_view name, std::string_view path, const export_artifact_metadata& metadata) {
        { e.push(name, path, metadata) } -> std::same_as<checked<export_receipt>>;
    };
template <class E>
concept export_sink_provided =
    ((!requires(const E& e) { e.target_kind(); }) ||
     requires(const E& e) {
         { e.target_kind() } -> std::same_as<std::optional<export_receipt_target_kind>>;
     }) &&
    ((!requires(const E& e, std::string_view name) { e.destination_hint(name); }) ||
     requires(const E& e, std::string_view name) {
         { e.destination_hint(name) } -> std::same_as<std::optional<std::string>>;
     });

template <class I>
concept inference_broker_required = requires(I& i, const inference_request& request) {
    { i.infer(request) } -> std::same_as<checked<inference_response>>;
};

}  // namespace detail

/// Maps an execution-cell document to host isolation primitives (upstream CellBackend, L2). No
/// start/stop: starting the workload is the supervisor's job; backends emit no events.
template <class B>
concept CellBackend =
    (detail::cell_backend_required<B> ||
     detail::unsatisfied<"cellos: not a CellBackend: needs create(const execution_cell_document&) -> checked<cell_handle> and destroy(const cell_handle&) -> checked<teardown_report> [cell_backend]">()) &&
    (detail::cell_backend_provided<B> ||
     detail::unsatisfied<"cellos: a CellBackend's wait_for_in_vm_exit(cell_id) must return std::optional<checked<std::int32_t>> [cell_backend_provided]">());

/// Where the supervisor's CloudEvents go (upstream EventSink).
template <class S>
concept EventSink =
    detail::event_sink_required<S> ||
    detail::unsatisfied<"cellos: not an EventSink: needs emit(const cloud_event_v1&) -> checked<void> [event_sink]">();

/// Resolves a cell's secret refs and revokes them after teardown (upstream SecretBroker).
template <class K>
concept SecretBroker =
    (detail::secret_broker_required<K> ||
     detail::unsatisfied<"cellos: not a SecretBroker: needs resolve(key, cell_id, ttl_seconds) -> checked<secret_view> and revoke_for_cell(cell_id) -> checked<void> [secret_broker]">()) &&
    (detail::secret_broker_provided<K> ||
     detail::unsatisfied<"cellos: a SecretBroker's broker_correlation_id() must return std::optional<std::string> and lease_runtime_secret(cell_id, request) -> checked<secret_view> [secret_broker_provided]">());

/// Pushes one exported artifact and hands back its receipt (upstream ExportSink).
template <class E>
concept ExportSink =
    (detail::export_sink_required<E> ||
     detail::unsatisfied<"cellos: not an ExportSink: needs push(name, path, const export_artifact_metadata&) -> checked<export_receipt> [export_sink]">()) &&
    (detail::export_sink_provided<E> ||
     detail::unsatisfied<"cellos: an ExportSink's target_kind() const must return std::optional<export_receipt_target_kind> and destination_hint(name) const -> std::optional<std::string> [export_sink_provided]">());

/// Carries a cell's model calls to a provider (upstream InferenceBroker; signature UNCONFIRMED).
template <class I>
concept InferenceBroker =
    detail::inference_broker_required<I> ||
    detail::unsatisfied<"cellos: not an InferenceBroker: needs infer(const inference_request&) -> checked<inference_response> [inference_broker]">();

// --- provided methods -----------------------------------------------------------------------------

/// The workload's exit code from inside the VM (Firecracker's vsock bridge). Absent when the
/// backend has no in-VM exit bridge (upstream's default, INFERRED).
template <CellBackend B>
[[nodiscard]] std::optional<checked<std::int32_t>> wait_for_in_vm_exit(B& backend, std::string_view cell_id) {
    if constexpr (requires { backend.wait_for_in_vm_exit(cell_id); }) return backend.wait_for_in_vm_exit(cell_id);
    else return std::nullopt;
}

/// The broker's session id for the cell's events; absent by default, and the supervisor then falls
/// back to spec.correlation.correlationId (CONFIRMED). Parameters UNCONFIRMED: none, our choice.
template <SecretBroker K>
[[nodiscard]] std::optional<std::string> broker_correlation_id(K& broker) {
    if constexpr (requires { broker.broker_correlation_id(); }) return broker.broker_correlation_id();
    else return std::nullopt;
}

/// A runtime-leased secret (upstream's runtime lease hooks, names UNCONFIRMED). By default a lease is
/// a plain resolve of the same key and TTL: a broker with no lease of its own loses nothing.
template <SecretBroker K>
[[nodiscard]] checked<secret_view> lease_runtime_secret(K& broker, std::string_view cell_id, const runtime_secret_lease_request& request) {
    if constexpr (requires { broker.lease_runtime_secret(cell_id, request); }) return broker.lease_runtime_secret(cell_id, request);
    else return broker.resolve(request.key, cell_id, request.ttl_seconds);
}

/// The kind of target pushes go to, for failure events raised before any receipt exists; absent by
/// default (upstream provided method, default presumably None).
template <ExportSink E>
[[nodiscard]] std::optional<export_receipt_target_kind> target_kind(const E& sink) {
    if constexpr (requires { sink.target_kind(); }) return sink.target_kind();
    else return std::nullopt;
}

/// A best-effort destination of artifact `name`, for observability; absent by default.
template <ExportSink E>
[[nodiscard]] std::optional<std::string> destination_hint(const E& sink, std::string_view name) {
    if constexpr (requires { sink.destination_hint(name); }) return sink.destination_hint(name);
    else return std::nullopt;
}

}  // namespace cellos
