// Compile-time proof of the port concepts: every implementation the library ships satisfies its
// port, and a type missing a required member, returning the wrong type, or overriding a provided
// method with the wrong signature is refused (the requires-based negatives of STYLE §3.2). The
// decorators accept only event sinks as their inner sink.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "cellos/json/jsonl_file_sink.hpp"
#include "cellos/ports.hpp"

namespace {
using namespace cellos;

// --- positives --------------------------------------------------------------------------------------
static_assert(CellBackend<memory_cell_backend>);
static_assert(EventSink<noop_event_sink>);
static_assert(EventSink<memory_event_sink>);
static_assert(EventSink<redacting_sink<memory_event_sink>>);
static_assert(EventSink<redacting_sink<redacting_sink<noop_event_sink>>>);
static_assert(EventSink<json::jsonl_file_sink>);
static_assert(EventSink<redacting_sink<json::jsonl_file_sink>>);
static_assert(SecretBroker<noop_secret_broker>);
static_assert(ExportSink<noop_export_sink>);
static_assert(InferenceBroker<noop_inference_broker>);

// The provided methods' return types, whatever the implementation.
static_assert(std::is_same_v<decltype(wait_for_in_vm_exit(std::declval<memory_cell_backend&>(), "c")), std::optional<checked<std::int32_t>>>);
static_assert(std::is_same_v<decltype(broker_correlation_id(std::declval<noop_secret_broker&>())), std::optional<std::string>>);
static_assert(std::is_same_v<decltype(target_kind(std::declval<const noop_export_sink&>())), std::optional<export_receipt_target_kind>>);

// A secret moves but is never copied; the file sink owns a descriptor (move-only).
static_assert(!std::is_copy_constructible_v<secret_view> && std::is_nothrow_move_constructible_v<secret_view>);
static_assert(!std::is_copy_constructible_v<json::jsonl_file_sink> && std::is_nothrow_move_constructible_v<json::jsonl_file_sink>);
// Plain data: copyable, comparable.
static_assert(std::is_copy_constructible_v<cell_handle> && std::equality_comparable<teardown_report>);
static_assert(std::equality_comparable<runtime_secret_lease_request>);

// --- a conforming type needs nothing but the members ---------------------------------------------------
struct minimal_sink {
    checked<void> emit(const cloud_event_v1&) { return boost::outcome_v2::success(); }
};
static_assert(EventSink<minimal_sink>);

// --- negatives: missing members ------------------------------------------------------------------------
struct nothing {};
static_assert(!CellBackend<nothing> && !EventSink<nothing> && !SecretBroker<nothing> && !ExportSink<nothing> && !InferenceBroker<nothing>);

struct create_only {
    checked<cell_handle> create(const execution_cell_document&);
};
static_assert(!CellBackend<create_only>);
struct resolve_only {
    checked<secret_view> resolve(std::string_view, std::string_view, std::uint64_t);
};
static_assert(!SecretBroker<resolve_only>);
// a sink is not a backend, a backend is not a sink
static_assert(!CellBackend<memory_event_sink> && !EventSink<memory_cell_backend>);
static_assert(!ExportSink<noop_event_sink> && !InferenceBroker<noop_export_sink> && !SecretBroker<noop_export_sink>);

// --- negatives: wrong return or parameter types ----------------------------------------------------------
struct emit_void {
    void emit(const cloud_event_v1&);
};
static_assert(!EventSink<emit_void>);
struct emit_bool {
    bool emit(const cloud_event_v1&);
};
static_assert(!EventSink<emit_bool>);
struct emit_result {  // an error_code alone has no message: refusals must say why
    result<void> emit(const cloud_event_v1&);
};
static_assert(!EventSink<emit_result>);
struct emit_int {
    checked<void> emit(int);
};
static_assert(!EventSink<emit_int>);
struct create_returns_id {
    checked<std::string> create(const execution_cell_document&);
    checked<teardown_report> destroy(const cell_handle&);
};
static_assert(!CellBackend<create_returns_id>);
struct destroy_returns_nothing {
    checked<cell_handle> create(const execution_cell_document&);
    checked<void> destroy(const cell_handle&);
};
static_assert(!CellBackend<destroy_returns_nothing>);
struct resolve_returns_string {
    checked<std::string> resolve(std::string_view, std::string_view, std::uint64_t);
    checked<void> revoke_for_cell(std::string_view);
};
static_assert(!SecretBroker<resolve_returns_string>);
struct push_unchecked {
    export_receipt push(std::string_view, std::string_view, const export_artifact_metadata&);
};
static_assert(!ExportSink<push_unchecked>);
struct infer_unchecked {
    inference_response infer(const inference_request&);
};
static_assert(!InferenceBroker<infer_unchecked>);

// --- negatives: a provided method overridden with the wrong signature is refused, not ignored ----------
struct backend_exit_int : memory_cell_backend {
    int wait_for_in_vm_exit(std::string_view);
};
static_assert(!CellBackend<backend_exit_int>);
struct backend_exit_right : memory_cell_backend {
    std::optional<checked<std::int32_t>> wait_for_in_vm_exit(std::string_view);
};
static_assert(CellBackend<backend_exit_right>);
struct broker_correlation_plain : noop_secret_broker {
    std::string broker_correlation_id();
};
static_assert(!SecretBroker<broker_correlation_plain>);
struct broker_lease_string : noop_secret_broker {
    checked<std::string> lease_runtime_secret(std::string_view, const runtime_secret_lease_request&);
};
static_assert(!SecretBroker<broker_lease_string>);
struct sink_kind_string : noop_export_sink {
    std::optional<std::string> target_kind() const;
};
static_assert(!ExportSink<sink_kind_string>);
struct sink_hint_plain : noop_export_sink {
    std::string destination_hint(std::string_view) const;
};
static_assert(!ExportSink<sink_hint_plain>);

// --- the decorator takes event sinks only (dependent, so a refusal is a false, not an error) -------------
template <template <class> class Decorator, class Inner>
concept decorates = requires { typename Decorator<Inner>; };
static_assert(decorates<redacting_sink, noop_event_sink>);
static_assert(!decorates<redacting_sink, nothing>);
static_assert(!decorates<redacting_sink, emit_void>);
static_assert(!decorates<redacting_sink, memory_cell_backend>);

}  // namespace
